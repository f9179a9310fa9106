//! Where a job's input and output live: Mediabunny reads the input where it can (no
//! FFmpeg needed); FFmpeg gets it in its file system only when a step of the job needs
//! FFmpeg; the browser's codecs leave the output in memory, a stream copy on disk.

use tamp::protocol::{Goal, JobId, MediaFacts};
use tamp_core::probe::{probe_from_demuxer, Probe};
use tamp_core::stream_copy::may_stream_to_disk;

use crate::core_api::FfmpegCore;
use crate::ffmpeg_io::stage_input;
use crate::job::{Engine, IN_DIR};
use crate::mediabunny_probe::demux_facts;
use crate::outcome::{make_blob, Failure};
use crate::size_fit::{log_line, HeldOutputs, Output};

impl Engine {
    /// Loads the core if no job has yet, and puts this job's input at `input_path` (in
    /// [`IN_DIR`]) for it, once per job.
    pub(crate) async fn need_ffmpeg(
        &self,
        input: &web_sys::Blob,
        input_path: &str,
    ) -> Result<&FfmpegCore, Failure> {
        let core = self.ffmpeg.load().await?;
        if !self.staged.get() {
            let name = input_path
                .strip_prefix(IN_DIR)
                .and_then(|rest| rest.strip_prefix('/'))
                .unwrap_or(input_path);
            stage_input(&core.fs(), name, input).await?;
            self.staged.set(true);
        }
        Ok(core)
    }

    /// The streams of the input: from Mediabunny when it reads the file and the goal may
    /// use the browser's codecs (no FFmpeg needed), else from ffprobe.
    pub(crate) async fn probe_input(
        &self,
        id: JobId,
        goal: &Goal,
        input: &web_sys::Blob,
        input_path: &str,
    ) -> Result<Probe, Failure> {
        if may_use_the_browser(goal) {
            let started = js_sys::Date::now();
            let facts = demux_facts(input, input.size() as u64).await;
            if let Some(probe) = facts.as_ref().and_then(probe_from_demuxer) {
                log_line(
                    id,
                    format!(
                        "Read the file's streams with Mediabunny in {:.0} ms.",
                        js_sys::Date::now() - started
                    ),
                );
                return Ok(probe);
            }
        }
        self.need_ffmpeg(input, input_path).await?;
        self.probe(input_path)
    }

    /// The finished output (from disk, memory or the core's file system) as a `Blob` of
    /// type `mime`, and what it is (picture size, length), read back from the file itself.
    pub(crate) async fn finished(
        &self,
        out: &Output,
        mime: &str,
    ) -> Result<(web_sys::Blob, Option<MediaFacts>), Failure> {
        let on_disk = self
            .on_disk
            .borrow_mut()
            .take_if(|(path, _)| *path == out.path);
        if let Some((_, file)) = on_disk {
            let facts = demux_facts(&file, file.size() as u64)
                .await
                .as_ref()
                .and_then(probe_from_demuxer)
                .map(|p| MediaFacts::from_probe(&p));
            return Ok((file.into(), facts));
        }
        let blob =
            |bytes: &js_sys::Uint8Array| make_blob(bytes, mime).map_err(|e| Failure::crashed(&e));
        if let Some(bytes) = HeldOutputs(&self.held).take(&out.path) {
            let facts = demux_facts(&bytes.buffer(), bytes.length() as u64)
                .await
                .as_ref()
                .and_then(probe_from_demuxer)
                .map(|p| MediaFacts::from_probe(&p));
            return Ok((blob(&bytes)?, facts));
        }
        // ffprobe reads only the headers of a file already in memory.
        let facts = self
            .probe(&out.path)
            .ok()
            .map(|p| MediaFacts::from_probe(&p));
        let bytes = self
            .core()?
            .fs()
            .read(&out.path)
            .map_err(|e| Failure::crashed(&e))?;
        Ok((blob(&bytes)?, facts))
    }
}

/// Whether the job may be done by the browser's codecs or Mediabunny, so that reading the
/// file with Mediabunny (milliseconds, no FFmpeg loaded) is worth trying first: video
/// goals, and container changes (a stream copy the browser may make).
fn may_use_the_browser(goal: &Goal) -> bool {
    match goal {
        Goal::TargetSize { .. } | Goal::Quality { .. } => true,
        Goal::Convert { format, .. } => may_stream_to_disk(format),
        Goal::Image(_) => false,
    }
}
