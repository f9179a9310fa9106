//! Where a job's input and output live: Mediabunny reads the input where it can (no
//! FFmpeg needed); FFmpeg gets it in its file system only when a step of the job needs
//! FFmpeg; the browser's codecs leave the output in memory.

use js_sys::Uint8Array;
use tamp::protocol::{Goal, JobId, MediaFacts};
use tamp_core::probe::{probe_from_demuxer, Probe};

use crate::core_api::FfmpegCore;
use crate::ffmpeg_io::stage_input;
use crate::job::{Engine, IN_DIR};
use crate::mediabunny_probe::demux_facts;
use crate::outcome::Failure;
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
        if matches!(goal, Goal::TargetSize { .. } | Goal::Quality { .. }) {
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

    /// The finished output's bytes, from memory or the core's file system, and what it
    /// is (picture size, length), read back from the file itself.
    pub(crate) async fn finished(
        &self,
        out: &Output,
    ) -> Result<(Uint8Array, Option<MediaFacts>), Failure> {
        if let Some(bytes) = HeldOutputs(&self.held).take(&out.path) {
            let facts = demux_facts(&bytes.buffer(), bytes.length() as u64)
                .await
                .as_ref()
                .and_then(probe_from_demuxer)
                .map(|p| MediaFacts::from_probe(&p));
            return Ok((bytes, facts));
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
        Ok((bytes, facts))
    }
}
