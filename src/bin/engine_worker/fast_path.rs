//! The WebCodecs engine's side of a job: the browser's own codecs encode the video
//! (through Mediabunny), FFmpeg adds AAC sound for MP4, the size is checked, and an
//! overshoot is corrected with the same planner as FFmpeg's. Any failure hands the job
//! back to FFmpeg (the caller), which then does it from the start.

use std::cell::Cell;
use std::rc::Rc;

use tamp::protocol::{Event, JobId, Stage};
use tamp_core::args::EncodeIo;
use tamp_core::plan::Plan;
use tamp_core::webcodecs::{
    job_for_plan, mux_aac_args, VideoCodecChoice, WebCodecsAudio, WebCodecsJob,
};

use crate::job::{log_line, Engine, Output, OUT_DIR};
use crate::mediabunny_api::{prepare, ConversionError};
use crate::size_fit::{fit_to_target, FitFailed, SizeEncoder};
use crate::{describe_js_error, post};

/// Share of the progress bar for the browser's video encode when FFmpeg adds the sound
/// afterwards (encoding the audio and muxing takes a few percent of the time).
const VIDEO_SHARE: f64 = 0.93;
/// Progress events are throttled to this interval, like FFmpeg's.
const PROGRESS_INTERVAL_MS: f64 = 200.0;

/// Why the fast path gave up, for the job's log.
type Reason = String;

impl Engine {
    /// Fits `plan` under `target_bytes` with the browser's codecs: the browser's rate
    /// control drifts both ways, so every output is measured and the shared size-fit loop
    /// re-encodes it with a corrected bitrate, up or down, when it misses the target.
    pub(crate) async fn webcodecs_to_target(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        plan: &Plan,
        (target_bytes, codec): (u64, VideoCodecChoice),
        io: &EncodeIo<'_>,
    ) -> Result<Output, Reason> {
        let mut notes = plan.notes.clone();
        notes.push("Encoded with the browser's own codecs (WebCodecs).".into());
        let browser = Browser {
            engine: self,
            id,
            input,
            codec,
            io,
        };
        let fs = self.core.fs();
        fit_to_target(
            &browser,
            (&fs, id),
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
        self.core.fs().clear_dir(OUT_DIR);
    }

    /// Encodes once into `io.output`; returns its size in bytes.
    async fn webcodecs_encode(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        job: &WebCodecsJob,
        io: &EncodeIo<'_>,
        duration_s: f64,
    ) -> Result<u64, Reason> {
        let aac = match job.audio {
            WebCodecsAudio::FfmpegAac {
                bitrate_bps,
                channels,
                sample_rate,
            } => Some((bitrate_bps, channels, sample_rate)),
            _ => None,
        };
        let share = if aac.is_some() { VIDEO_SHARE } else { 1.0 };
        let prepared = prepare(input, job, io.trim).await.map_err(describe)?;
        let bytes = prepared
            .run(progress_reporter(id, share))
            .await
            .map_err(describe)?;
        let fs = self.core.fs();
        let write = |path: &str| fs.write(path, &bytes).map_err(|e| describe_js_error(&e));
        match aac {
            Some((bps, channels, rate)) => {
                let video = format!("{OUT_DIR}/video.mp4");
                write(&video)?;
                let args =
                    mux_aac_args(&video, io.input, io.output, (bps, channels, rate), io.trim);
                let muxed = self.encode(&args, duration_s, share, 1.0 - share);
                fs.remove(&video);
                muxed.map_err(|f| format!("adding the sound failed ({})", f.message))?;
            }
            None => write(io.output)?,
        }
        fs.file_size(io.output)
            .ok_or_else(|| "no output was written".to_owned())
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

fn stage(id: JobId, attempt: u32) {
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
fn progress_reporter(id: JobId, share: f64) -> impl Fn(f64, f64) + 'static {
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
