//! The engine's FFmpeg plumbing: putting the input where FFmpeg reads it, running ffprobe
//! and ffmpeg with the log routed to progress, a stream copy that may already fit a size
//! target, and the thread count for the core.

use tamp::protocol::{CoreKind, Event, JobId, Stage};
use tamp_core::args::{probe_args, EncodeIo};
use tamp_core::convert::ConvertPlan;
use tamp_core::probe::{
    explain_encode_failure, explain_ffprobe_failure, parse_ffprobe_json, Probe,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core_api::Fs;
use crate::job::{Engine, IN_DIR};
use crate::outcome::Failure;
use crate::post;
use crate::sink::ProgressWindow;
use crate::size_fit::{log_line, Output};

impl Engine {
    /// Runs one single-pass command (its plan's `notes` announced first) into `output`.
    pub(crate) fn run_once(
        &self,
        id: JobId,
        plan: ConvertPlan,
        output: &str,
        duration_s: f64,
    ) -> Result<Output, Failure> {
        let ConvertPlan { args, notes, .. } = plan;
        post(
            &Event::Planned {
                id,
                notes: notes.clone(),
            },
            None,
        );
        post(
            &Event::Stage {
                id,
                stage: Stage::Encoding {
                    attempt: 1,
                    pass: 0,
                },
            },
            None,
        );
        self.encode(&args, duration_s, 0.0, 1.0)?;
        let size = self.core()?.fs().file_size(output).unwrap_or(0);
        Ok(Output {
            path: output.to_owned(),
            size,
            notes,
        })
    }

    /// Runs a stream copy for a size target (see [`tamp_core::convert::copy_if_it_fits`]) and
    /// returns its output if it is within the target; `None` (after saying why) when the job
    /// must be encoded.
    pub(crate) fn try_copy(
        &self,
        id: JobId,
        copy: ConvertPlan,
        target_bytes: u64,
        io: &EncodeIo,
        duration_s: f64,
    ) -> Result<Option<Output>, Failure> {
        let out = self.run_once(id, copy, io.output, duration_s)?;
        if out.size > 0 && out.size <= target_bytes {
            return Ok(Some(out));
        }
        log_line(
            id,
            format!(
                "The copy came out at {} bytes, over the {target_bytes} byte target; encoding instead.",
                out.size
            ),
        );
        Ok(None)
    }

    /// Reads the input's streams with ffprobe.
    pub(crate) fn probe(&self, input_path: &str) -> Result<Probe, Failure> {
        self.sink.take_stdout();
        let code = self
            .core()?
            .run_ffprobe(&probe_args(input_path))
            .map_err(|e| Failure::crashed(&e))?;
        let json = self.sink.take_stdout();
        // The core's ffprobe leaves its exit code at -1 even on success (only ffmpeg's exit
        // path sets it), so the parsed JSON is the verdict: a file ffprobe could not open
        // yields no streams, or an error code other than -1.
        match parse_ffprobe_json(&json) {
            Ok(probe) if code == 0 || code == -1 => Ok(probe),
            _ => Err(Failure::because(explain_ffprobe_failure(
                &self.sink.tail().join("\n"),
            ))),
        }
    }

    /// Runs one ffmpeg command; its `time=` lines drive `[base, base + weight]` of the bar.
    pub(crate) fn encode(
        &self,
        args: &[String],
        duration_s: f64,
        base: f64,
        weight: f64,
    ) -> Result<(), Failure> {
        self.sink.set_window(Some(ProgressWindow {
            duration_s,
            base,
            weight,
        }));
        let code = self
            .core()?
            .run_ffmpeg(args)
            .map_err(|e| Failure::crashed(&e))?;
        if code == 0 {
            Ok(())
        } else {
            Err(Failure::because(explain_encode_failure(&self.sink.tail())))
        }
    }

    /// Encoder threads for this core (`None`: the core's default).
    pub(crate) fn threads(&self) -> Option<u32> {
        match self.kind {
            CoreKind::SingleThread | CoreKind::Image => None,
            // The mt core's libx264 crashes without an explicit thread count.
            CoreKind::MultiThread => {
                let n = js_sys::global()
                    .dyn_into::<web_sys::WorkerGlobalScope>()
                    .map(|s| s.navigator().hardware_concurrency())
                    .unwrap_or(2.0);
                Some((n as u32).clamp(1, 4))
            }
        }
    }
}

/// Inputs up to this size are copied into the engine's memory (MEMFS); larger ones are
/// mounted read-only (WORKERFS). Measured here: WORKERFS reads about 3x slower (a full
/// remux of 605 MB took 14.3 s against 5.1 s from MEMFS) but a copy doubles memory (peak
/// 3.0 GB against 1.9 GB for that file), which only large inputs cannot afford.
/// The page's memory estimate counts on this rule ([`tamp_core::memory::MEMFS_MAX_BYTES`]).
const MEMFS_MAX_BYTES: f64 = tamp_core::memory::MEMFS_MAX_BYTES as f64;

/// Puts the user's file at `IN_DIR/name` for FFmpeg: a copy in memory when small, else a
/// WORKERFS mount that reads the `File` lazily without copying it.
pub(crate) async fn stage_input(fs: &Fs, name: &str, input: &web_sys::Blob) -> Result<(), Failure> {
    if input.size() > MEMFS_MAX_BYTES {
        return fs
            .mount_blob(IN_DIR, name, input)
            .map_err(|e| Failure::crashed(&e));
    }
    let buffer = JsFuture::from(input.array_buffer()).await.map_err(|_| {
        Failure::plain("The file could not be read; it may have been moved or deleted.")
    })?;
    fs.ensure_dir(IN_DIR);
    fs.write(
        &format!("{IN_DIR}/{name}"),
        &js_sys::Uint8Array::new(&buffer),
    )
    .map_err(|e| Failure::crashed(&e))
}
