//! The job protocol between the page and an engine worker.
//!
//! One request enum and one event enum, each variant one payload, and a job id on every
//! message — progress and log lines included — so the page can route any event to its job
//! even when a worker is replaced mid-flight. Messages cross `postMessage` as an envelope
//! `{ body, blob }`: `body` is the serde value, `blob` an optional `File`/`Blob` passed by
//! reference (the browser shares the underlying data instead of copying it).

use serde::{Deserialize, Serialize};
use tamp_core::plan::VideoContainer;
use tamp_core::probe::{OutputWarning, Probe};
pub use tamp_core::trim::Trim;
pub use tamp_core::webcodecs::{EncoderChoice, VideoCodecChoice};
use wasm_bindgen::{JsCast, JsValue};

/// Identifies one job for the life of the page.
pub type JobId = u32;

/// What the page asks of an engine worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Convert the file attached to the envelope according to `spec`.
    Start { id: JobId, spec: JobSpec },
}

/// Everything an engine needs to know to run one job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobSpec {
    /// Extension (lower case, no dot) used for the input inside the engine, from the sniffed format.
    pub input_ext: String,
    /// File name the output should have (already sanitized, with extension).
    pub output_name: String,
    /// What the user wants.
    pub goal: Goal,
    /// Picture and sound options for video outputs (size target and quality modes).
    #[serde(default)]
    pub video: VideoOptions,
    /// For a file the page could not recognise (FFmpeg is asked, with a video `goal`): the
    /// goal and output name to use instead should FFmpeg find only sound in it.
    #[serde(default)]
    pub if_sound_only: Option<SoundOnly>,
}

/// The audio goal of a file of unknown kind (see [`JobSpec::if_sound_only`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SoundOnly {
    pub goal: Goal,
    pub output_name: String,
}

/// Options that shape a video output.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VideoOptions {
    /// Largest picture height (the short side for portrait video); never upscaled.
    pub max_height: Option<u32>,
    /// Drop the sound.
    pub remove_audio: bool,
    /// Highest frame rate of the output; never raised.
    #[serde(default)]
    pub fps_cap: Option<f64>,
    /// Which video encoder the user prefers: the browser's codecs or x264.
    #[serde(default)]
    pub encoder: EncoderChoice,
    /// Which video codec: the compatible one of the container, or AV1.
    #[serde(default)]
    pub codec: VideoCodecChoice,
    /// The part of the input to keep (video and audio outputs); empty keeps it all.
    #[serde(default)]
    pub trim: Trim,
}

impl VideoOptions {
    /// The encoder and codec settings, as the engine choice takes them.
    pub fn choices(&self) -> (EncoderChoice, VideoCodecChoice) {
        (self.encoder, self.codec)
    }
}

/// The user's goal for a video job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Goal {
    /// The output must not exceed `target_bytes` (decimal bytes).
    TargetSize {
        target_bytes: u64,
        container: VideoContainer,
    },
    /// Constant quality (CRF), no size limit.
    Quality { crf: u8, container: VideoContainer },
    /// Convert audio or video to another format with FFmpeg (`format` is a registry id
    /// from `tamp_core::formats`: "mp3", "m4a", "ogg", "wav", "flac", "mkv", "mov", "gif-video",
    /// "webp-video").
    Convert {
        format: String,
        /// Audio bitrate for lossy audio outputs, in kbit/s (without a target).
        audio_kbps: u32,
        /// The output must not exceed this many bytes, for the formats that honour a
        /// target (`tamp_core::target_scope`); the others say in the job's details that
        /// it does not apply to them.
        #[serde(default)]
        target_bytes: Option<u64>,
    },
    /// Convert an image in the image worker.
    Image(ImageGoal),
}

/// What the user wants from an image job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageGoal {
    /// Registry id of the output format ("webp", "jpeg", "png", "gif", "bmp", "ico", "tiff", "qoi").
    pub format: String,
    /// 1..=100 for lossy formats (JPEG, WebP); ignored by lossless ones.
    pub quality: u8,
    /// Largest output width and height in pixels (aspect ratio kept, never upscaled).
    pub max_width: Option<u32>,
    pub max_height: Option<u32>,
    /// For JPEG and WebP: the highest quality whose output fits this many bytes.
    pub target_bytes: Option<u64>,
    /// Keep EXIF/ICC metadata; off by default because photos carry GPS location.
    pub keep_metadata: bool,
}

/// Which FFmpeg build an engine worker runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoreKind {
    /// `@ffmpeg/core`: one thread, works everywhere.
    SingleThread,
    /// `@ffmpeg/core-mt`: pthreads, needs `crossOriginIsolated`.
    MultiThread,
    /// The Rust image engine (the `image` crate), not FFmpeg.
    Image,
}

impl CoreKind {
    /// The `?core=` value understood by `public/ffmpeg-worker.js`.
    pub fn query_value(self) -> &'static str {
        match self {
            CoreKind::SingleThread => "st",
            CoreKind::MultiThread => "mt",
            CoreKind::Image => "image",
        }
    }

    /// Words for the job log.
    pub fn describe(self) -> &'static str {
        match self {
            CoreKind::SingleThread => "FFmpeg (single-threaded core)",
            CoreKind::MultiThread => "FFmpeg (multi-threaded core)",
            CoreKind::Image => "Rust image engine (image crate)",
        }
    }
}

/// The step a job is in (core's, so the job keeps it as data and the page writes it).
pub use tamp_core::lifecycle::Stage;

/// What an engine worker tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The worker has loaded its engine and takes jobs.
    Ready { core: CoreKind },
    /// The worker could not load its engine.
    LoadFailed { message: String },
    /// One line of the engine's log.
    Log { id: JobId, line: String },
    /// The job moved to another step.
    Stage { id: JobId, stage: Stage },
    /// The input was read; its streams (boxed: a probe is by far the largest payload).
    Probed { id: JobId, probe: Box<Probe> },
    /// The decisions made for this job, in plain words.
    Planned { id: JobId, notes: Vec<String> },
    /// The planned picture and expected quality ("720p · 30 fps · good"), as data, sent
    /// once the job is planned and before it encodes.
    Outlook {
        id: JobId,
        outlook: tamp_core::plan::Outlook,
    },
    /// Progress of the whole job, 0..=1, with the encoder's current speed (× real time).
    Progress {
        id: JobId,
        fraction: f64,
        speed: Option<f64>,
    },
    /// Picture size and length of the input and the output, sent just before `Done`.
    Measured { id: JobId, facts: BeforeAfter },
    /// The job finished; the output `Blob` travels in the envelope.
    Done {
        id: JobId,
        output_name: String,
        size: u64,
        notes: Vec<String>,
        /// What the user must be told beside the result (not only in Details), e.g. that
        /// the input ended early and only its first seconds were saved.
        #[serde(default)]
        warnings: Vec<OutputWarning>,
    },
    /// The job failed; `message` is for people, `log_tail` for the details toggle.
    Failed {
        id: JobId,
        message: String,
        /// The class of failure, when it has one: the page writes its sentence in the shown
        /// language (`message` is the same in English, for anything that lacks it).
        #[serde(default)]
        reason: Option<tamp_core::probe::FailReason>,
        log_tail: Vec<String>,
        /// The engine itself crashed (a wasm trap); the page must replace this worker.
        engine_broken: bool,
    },
}

impl Event {
    /// The job this event belongs to, if any.
    pub fn job_id(&self) -> Option<JobId> {
        match self {
            Event::Ready { .. } | Event::LoadFailed { .. } => None,
            Event::Log { id, .. }
            | Event::Stage { id, .. }
            | Event::Probed { id, .. }
            | Event::Planned { id, .. }
            | Event::Outlook { id, .. }
            | Event::Progress { id, .. }
            | Event::Measured { id, .. }
            | Event::Done { id, .. }
            | Event::Failed { id, .. } => Some(*id),
        }
    }
}

/// What a file looks like, for a finished job's before/after line. Each part is `None`
/// when it does not apply (no picture in audio, no length in a still image) or is unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaFacts {
    /// Picture width and height as displayed (rotation applied), in pixels.
    pub size: Option<(u32, u32)>,
    /// Length in seconds.
    pub duration_s: Option<f64>,
}

impl MediaFacts {
    /// The facts ffprobe found; a still image (cover art in audio) has no moving picture.
    pub fn from_probe(probe: &Probe) -> Self {
        MediaFacts {
            size: probe
                .video
                .as_ref()
                .filter(|v| !v.is_still_image)
                .map(|v| v.display_size()),
            duration_s: probe.duration_s.filter(|d| d.is_finite() && *d > 0.0),
        }
    }

    /// A still picture of `width` × `height`.
    pub fn picture(width: u32, height: u32) -> Self {
        MediaFacts {
            size: Some((width, height)),
            duration_s: None,
        }
    }
}

/// The input's and the output's [`MediaFacts`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BeforeAfter {
    pub input: Option<MediaFacts>,
    pub output: Option<MediaFacts>,
}

/// Errors decoding an envelope that arrived over `postMessage`.
#[derive(Debug, thiserror::Error)]
pub enum EnvelopeError {
    /// The message was not an object with a `body`.
    #[error("malformed message: {0}")]
    Malformed(String),
}

/// Wraps a serializable message and an optional blob into a `postMessage` envelope.
pub fn encode<T: Serialize>(body: &T, blob: Option<&web_sys::Blob>) -> Result<JsValue, JsValue> {
    let envelope = js_sys::Object::new();
    let body = serde_wasm_bindgen::to_value(body).map_err(JsValue::from)?;
    js_sys::Reflect::set(&envelope, &"body".into(), &body)?;
    if let Some(blob) = blob {
        js_sys::Reflect::set(&envelope, &"blob".into(), blob)?;
    }
    Ok(envelope.into())
}

/// Unwraps an envelope made by [`encode`].
pub fn decode<T: for<'de> Deserialize<'de>>(
    data: &JsValue,
) -> Result<(T, Option<web_sys::Blob>), EnvelopeError> {
    let body = js_sys::Reflect::get(data, &"body".into())
        .map_err(|_| EnvelopeError::Malformed("no body".into()))?;
    let body: T = serde_wasm_bindgen::from_value(body)
        .map_err(|e| EnvelopeError::Malformed(e.to_string()))?;
    let blob = js_sys::Reflect::get(data, &"blob".into())
        .ok()
        .and_then(|b| b.dyn_into::<web_sys::Blob>().ok());
    Ok((body, blob))
}
