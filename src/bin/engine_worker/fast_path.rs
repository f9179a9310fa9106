//! The WebCodecs engine's side of a job: the browser's own codecs encode the video
//! (through Mediabunny) with the sound alongside in the same output (Opus from the
//! browser, AAC from a wasm encoder inside Mediabunny), the size is checked, and an
//! overshoot is corrected with the same planner as FFmpeg's. Any failure hands the job
//! back to FFmpeg (the caller), which then does it from the start.

use std::cell::Cell;
use std::rc::Rc;

use tamp::protocol::{Event, JobId, Stage};
use tamp_core::args::EncodeIo;
use tamp_core::plan::trial::TrialSource;
use tamp_core::plan::Plan;
use tamp_core::webcodecs::{job_for_plan, VideoCodecChoice, WebCodecsJob};

use crate::encoder_scaling::{chunks, first_chunk_ms, reset_first_chunk};
use crate::job::{log_line, Engine, Output, OUT_DIR};
use crate::mediabunny_api::{prepare, ConversionError};
use crate::size_fit::{fit_to_target, FitFailed, HeldOutputs, SizeEncoder};
use crate::{describe_js_error, post};

/// Progress events are throttled to this interval, like FFmpeg's.
const PROGRESS_INTERVAL_MS: f64 = 200.0;

/// Why the fast path gave up, for the job's log.
type Reason = String;

impl Engine {
    /// Fits `plan` under `target_bytes` with the browser's codecs: the browser's rate
    /// control drifts both ways, so every output is measured and the shared size-fit loop
    /// re-encodes it with a corrected bitrate, up or down, when it misses the target. Each
    /// attempt's output is held in memory ([`HeldOutputs`]), the FFmpeg core may never load.
    /// With the `source`, trial encodes first choose the shape (see `trial.rs`).
    pub(crate) async fn webcodecs_to_target(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        plan: &Plan,
        (target_bytes, codec): (u64, VideoCodecChoice),
        io: &EncodeIo<'_>,
        source: Option<&TrialSource>,
    ) -> Result<Output, Reason> {
        let offset_s = io.trim.map_or(0.0, |t| t.seconds().0);
        let plan = match source {
            Some(src) => self.analyse(id, input, (plan, src), codec, offset_s).await,
            None => plan.clone(),
        };
        let plan = &plan;
        let mut notes = plan.notes.clone();
        notes.push("Encoded with the browser's own codecs (WebCodecs).".into());
        let browser = Browser {
            engine: self,
            id,
            input,
            codec,
            io,
        };
        fit_to_target(
            &browser,
            (&HeldOutputs(&self.held), id),
            plan.clone(),
            target_bytes,
            (io.output, notes),
        )
        .await
        .map_err(|e| match e {
            FitFailed::Encoder(reason) => reason,
            FitFailed::Fit(e) => e.to_string(),
        })
    }

    /// One encode without a size target (quality mode).
    pub(crate) async fn webcodecs_once(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        job: &WebCodecsJob,
        io: &EncodeIo<'_>,
        duration_s: f64,
    ) -> Result<Output, Reason> {
        stage(id, 1);
        let size = self
            .webcodecs_encode(id, input, job, io, duration_s)
            .await?;
        Ok(Output {
            path: io.output.to_owned(),
            size,
            notes: vec!["Encoded with the browser's own codecs (WebCodecs).".into()],
        })
    }

    /// Logs why the fast path gave up and clears what it left behind.
    pub(crate) fn hand_back_to_ffmpeg(&self, id: JobId, reason: &str) {
        log_line(
            id,
            format!("The browser's codecs could not do this file: {reason}. Converting it with FFmpeg instead."),
        );
        self.held.borrow_mut().clear();
        if let Some(core) = self.ffmpeg.get() {
            core.fs().clear_dir(OUT_DIR);
        }
    }

    /// Encodes once, video and sound together in one Mediabunny output, and holds the
    /// file in memory as `io.output`; returns its size in bytes.
    async fn webcodecs_encode(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        job: &WebCodecsJob,
        io: &EncodeIo<'_>,
        duration_s: f64,
    ) -> Result<u64, Reason> {
        let prepared = prepare(input, job, io.trim).await.map_err(describe)?;
        let resize = match prepared.encoder_scaling {
            Some((w, h)) => format!("the encoder scales to {w}×{h}"),
            None => "Mediabunny's canvas resizes where needed".into(),
        };
        let started = js_sys::Date::now();
        reset_first_chunk();
        let bytes = prepared
            .run(progress_reporter(id, 1.0))
            .await
            .map_err(describe)?;
        let elapsed_s = (js_sys::Date::now() - started) / 1000.0;
        let frames = chunks();
        log_line(
            id,
            format!(
                "Encoded {duration_s:.1} s of video in {elapsed_s:.1} s: {frames} frames, {:.0} fps ({resize}).",
                frames as f64 / elapsed_s.max(0.001)
            ),
        );
        if let Some(first) = first_chunk_ms() {
            log_line(
                id,
                format!(
                    "First encoded frame {:.0} ms after the job reached the engine.",
                    first - self.started_ms.get()
                ),
            );
        }
        let size = bytes.length() as u64;
        HeldOutputs(&self.held).put(io.output, bytes);
        Ok(size)
    }
}

/// The browser's codecs through Mediabunny, as the size-fit loop's encoder.
struct Browser<'a> {
    engine: &'a Engine,
    id: JobId,
    input: &'a web_sys::Blob,
    codec: VideoCodecChoice,
    io: &'a EncodeIo<'a>,
}

impl SizeEncoder for Browser<'_> {
    type Error = Reason;

    async fn encode(&self, plan: &Plan, attempt: u32, output: &str) -> Result<u64, Reason> {
        let job = job_for_plan(plan)
            .ok_or("there is no video to encode")?
            .with_codec(self.codec);
        stage(self.id, attempt);
        let io = EncodeIo { output, ..*self.io };
        self.engine
            .webcodecs_encode(self.id, self.input, &job, &io, plan.duration_s)
            .await
    }
}

/// Tells the page that encode `attempt` (from 1) of a one-pass job has begun.
pub(crate) fn stage(id: JobId, attempt: u32) {
    post(
        &Event::Stage {
            id,
            stage: Stage::Encoding { attempt, pass: 0 },
        },
        None,
    );
}

/// Turns Mediabunny's `(progress, processed seconds)` into throttled `Progress` events
/// over `[0, share]` of the job, with the speed in × real time.
pub(crate) fn progress_reporter(id: JobId, share: f64) -> impl Fn(f64, f64) + 'static {
    let started = js_sys::Date::now();
    let last = Rc::new(Cell::new(0.0));
    move |fraction: f64, processed_s: f64| {
        let now = js_sys::Date::now();
        if now - last.get() < PROGRESS_INTERVAL_MS {
            return;
        }
        last.set(now);
        let elapsed_s = (now - started) / 1000.0;
        let speed = (elapsed_s > 0.5 && processed_s > 0.0).then(|| processed_s / elapsed_s);
        post(
            &Event::Progress {
                id,
                fraction: share * fraction.clamp(0.0, 1.0),
                speed,
            },
            None,
        );
    }
}

fn describe(e: ConversionError) -> Reason {
    match e {
        ConversionError::Unsupported(why) => why,
        ConversionError::Failed(js) => describe_js_error(&js),
    }
}
