//! The fast video engine's decisions: whether a job runs on the browser's own codecs
//! (WebCodecs, driven by Mediabunny in the engine worker) or on FFmpeg, and what the
//! WebCodecs encode is told to do. Pure, so the choice is tested natively; the engine
//! still asks the browser at run time (`isConfigSupported`) and falls back to FFmpeg
//! whenever the browser says no or the run fails.

mod choice;
#[cfg(test)]
mod tests;

pub use choice::{EncoderChoice, VideoCodecChoice};
use serde::Serialize;

use crate::args::quality_audio;
use crate::plan::{fit_dims, Plan, VideoContainer};
use crate::probe::{Probe, VideoInfo};

/// Under this many bits per pixel per frame, **Automatic** prefers x264. Measured here
/// (scripts/bench.mjs, SSIM against the source): the browser's one-pass encoder trails
/// two-pass x264 by 0.004 at 0.1 bpp (720p, 8 MB) and by 0.008 at 0.076 bpp (240p,
/// 0.8 MB), a gap that widens as bits get scarcer, while the browser stays 3-6x faster
/// than the FFmpeg cores. The planner keeps pictures large down to about 0.03 bpp (what
/// a viewer sees is best there, see `plan::ladder::LADDER_BPP`), so only the budgets
/// below its ladder, under 0.02, go to x264 by default; there quality is what is left.
pub const AUTOMATIC_MIN_BPP: f64 = 0.02;

/// Video codecs Chromium decodes through WebCodecs, as ffprobe names them.
const DECODABLE: &[&str] = &["h264", "hevc", "vp8", "vp9", "av1"];

/// Which engine encodes a job's video.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VideoEngine {
    /// The browser's codecs (WebCodecs) through Mediabunny.
    WebCodecs,
    /// FFmpeg in WebAssembly.
    Ffmpeg,
}

/// The engine for one job and why, in words for the job's details.
#[derive(Clone, Debug, PartialEq)]
pub struct EngineDecision {
    pub engine: VideoEngine,
    pub reason: String,
}

impl EngineDecision {
    fn ffmpeg(reason: impl Into<String>) -> Self {
        EngineDecision {
            engine: VideoEngine::Ffmpeg,
            reason: reason.into(),
        }
    }
}

/// Whether Mediabunny reads this container (ffprobe's `format_name`).
fn demuxable(container: &str) -> bool {
    container.starts_with("mov,mp4") || container == "matroska,webm"
}

fn moving_video(probe: &Probe) -> Option<&VideoInfo> {
    probe
        .video
        .as_ref()
        .filter(|v| !v.is_still_image && v.width > 0 && v.height > 0)
}

/// Picks the engine for a size-target or quality job. `bits_per_pixel` is the planned
/// video bitrate per pixel per frame (size targets only).
pub fn choose_engine(
    (choice, codec): (EncoderChoice, VideoCodecChoice),
    probe: &Probe,
    bits_per_pixel: Option<f64>,
) -> EngineDecision {
    // AV1 comes only from the browser's encoders (the FFmpeg core has none), whatever the
    // Encoder setting; where the browser cannot do the job, FFmpeg makes H.264 instead.
    let av1 = codec == VideoCodecChoice::Av1;
    if choice == EncoderChoice::Best && !av1 {
        return EngineDecision::ffmpeg("Encoder: x264 in FFmpeg, as chosen (Best quality).");
    }
    let ffmpeg_instead = if av1 {
        " AV1 needs the browser's codecs, so FFmpeg encodes the standard codec instead"
    } else {
        ""
    };
    let Some(video) = moving_video(probe) else {
        return EngineDecision::ffmpeg("Encoder: FFmpeg (there is no video to encode).");
    };
    if !demuxable(&probe.container) {
        return EngineDecision::ffmpeg(format!(
            "Encoder: FFmpeg (the browser's codecs cannot read this container: {}).{ffmpeg_instead}",
            probe.container
        ));
    }
    if !DECODABLE.contains(&video.codec.as_str()) {
        return EngineDecision::ffmpeg(format!(
            "Encoder: FFmpeg (the browser cannot decode {} video).{ffmpeg_instead}",
            video.codec
        ));
    }
    if let Some((n, d)) = video.sar {
        return EngineDecision::ffmpeg(format!(
            "Encoder: FFmpeg (the picture has non-square pixels, {n}:{d}, which the browser's encoder path does not keep).{ffmpeg_instead}"
        ));
    }
    if choice == EncoderChoice::Automatic && !av1 {
        if let Some(bpp) = bits_per_pixel.filter(|b| *b < AUTOMATIC_MIN_BPP) {
            return EngineDecision::ffmpeg(format!(
                "Encoder: x264 in FFmpeg (at {bpp:.3} bits per pixel the budget is tight, and x264's two passes look clearly better there)."
            ));
        }
    }
    EngineDecision {
        engine: VideoEngine::WebCodecs,
        reason: format!(
            "Encoder: the browser's own codecs (WebCodecs): it decodes {} and encodes the output itself, several times faster than FFmpeg in WebAssembly.",
            video.codec
        ),
    }
}

/// Bits per pixel per frame of a plan's video, for [`choose_engine`].
pub fn plan_bits_per_pixel(plan: &Plan) -> Option<f64> {
    let v = plan.video.as_ref()?;
    let fps = v.fps.unwrap_or(30.0);
    let pixels = v.width as f64 * v.height as f64 * fps;
    (pixels > 0.0).then(|| v.bitrate_bps as f64 / pixels)
}

/// How the WebCodecs encoder's rate is set.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VideoRate {
    /// Average bits per second (size targets).
    Bitrate(u64),
    /// Mediabunny's qualitative level: "low", "medium", "high" (quality mode).
    Level(&'static str),
}

/// The video track of a WebCodecs encode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WebCodecsVideo {
    /// Output size as displayed: rotation is baked into the pixels, as FFmpeg does.
    pub width: u32,
    pub height: u32,
    /// Output frame rate when capped; the source's otherwise.
    pub frame_rate: Option<f64>,
    /// Mediabunny codec id: "avc" (H.264, MP4) or "vp9" (WebM).
    pub codec: &'static str,
    pub rate: VideoRate,
}

/// What happens to the sound of a WebCodecs encode.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WebCodecsAudio {
    /// No sound in the output.
    None,
    /// Opus through WebCodecs, inside the WebM.
    Opus { bitrate_bps: u64, channels: u32 },
    /// AAC inside the MP4, encoded alongside the video in the same Mediabunny output (by
    /// the browser where it can, else by `@mediabunny/aac-encoder`, FFmpeg's AAC encoder
    /// in wasm: Chromium on Linux has none), so the video is never muxed a second time.
    Aac {
        bitrate_bps: u64,
        channels: u32,
        sample_rate: u32,
    },
}

/// One WebCodecs encode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WebCodecsJob {
    pub container: VideoContainer,
    pub video: WebCodecsVideo,
    pub audio: WebCodecsAudio,
}

impl WebCodecsJob {
    /// The same encode with the user's codec choice: AV1 fits both MP4 and WebM.
    pub fn with_codec(mut self, codec: VideoCodecChoice) -> Self {
        if codec == VideoCodecChoice::Av1 {
            self.video.codec = "av1";
        }
        self
    }
}

/// Seconds between keyframes in the browser's encodes of a video at `fps` (the output's
/// rate, when known): x264's default of one keyframe in 250 frames, and at least 10 s
/// (HandBrake's presets: a GOP of ten times the frame rate). Mediabunny's default is 2 s.
///
/// The browser's H.264 encoder (OpenH264 in Chromium, real-time rate control) starts each
/// keyframe well below the quality its next frames climb back to, so every keyframe costs
/// bits and a visible dip. Measured here at the same bitrate, luma + chroma SSIM against
/// the source with frames paired by index, 2 s → 10 s: a slow 320×240 pan at 15 fps
/// 0.871 → 0.911, a static 768×576 street camera at 10 fps 0.908 → 0.941 (→ 0.948 at
/// 20 s), Big Buck Bunny at 960×540 0.896 → 0.914 and at 640×360 0.833 → 0.843, a
/// handheld 640×480 shot 0.964 → 0.968, a film trailer 0.9840 → 0.9843. Seeking costs
/// decoding up to a GOP's frames, so the bound is in frames, as x264's is.
pub fn keyframe_interval_s(fps: Option<f64>) -> f64 {
    const FRAMES: f64 = 250.0;
    const MIN_S: f64 = 10.0;
    match fps.filter(|f| f.is_finite() && *f > 0.0) {
        Some(f) => (FRAMES / f).max(MIN_S),
        None => MIN_S,
    }
}

fn codec_for(container: VideoContainer) -> &'static str {
    match container {
        VideoContainer::Mp4 => "avc",
        // The browser's VP9 works, unlike the FFmpeg core's libvpx-vp9, and beats VP8.
        VideoContainer::WebM => "vp9",
    }
}

fn audio_for(
    container: VideoContainer,
    bitrate_bps: u64,
    channels: u32,
    rate: u32,
) -> WebCodecsAudio {
    match container {
        VideoContainer::Mp4 => WebCodecsAudio::Aac {
            bitrate_bps,
            channels,
            sample_rate: rate,
        },
        VideoContainer::WebM => WebCodecsAudio::Opus {
            bitrate_bps,
            channels,
        },
    }
}

/// The WebCodecs encode of a size-target plan (`None` for a plan without video).
pub fn job_for_plan(plan: &Plan) -> Option<WebCodecsJob> {
    let v = plan.video.as_ref()?;
    Some(WebCodecsJob {
        container: plan.container,
        video: WebCodecsVideo {
            width: v.width,
            height: v.height,
            frame_rate: v.fps,
            codec: codec_for(plan.container),
            rate: VideoRate::Bitrate(v.bitrate_bps),
        },
        audio: plan.audio.as_ref().map_or(WebCodecsAudio::None, |a| {
            audio_for(plan.container, a.bitrate_bps, a.channels, a.sample_rate)
        }),
    })
}

/// Mediabunny's level for an x264 CRF, so the Quality presets mean the same on both engines.
fn level_for_crf(crf: u8) -> &'static str {
    match crf {
        0..=21 => "high",
        22..=25 => "medium",
        _ => "low",
    }
}

/// The WebCodecs encode of a quality-mode job (`None` without moving video), within the
/// user's `(max height, frame-rate cap)`.
pub fn job_for_quality(
    probe: &Probe,
    container: VideoContainer,
    crf: u8,
    (max_height, fps_cap): (Option<u32>, Option<f64>),
    keep_audio: bool,
) -> Option<WebCodecsJob> {
    let v = moving_video(probe)?;
    let (width, height) = fit_dims(v.display_size(), max_height);
    // Only a cap below the source's rate changes anything (frames are never invented).
    let frame_rate =
        fps_cap.filter(|c| c.is_finite() && *c >= 1.0 && v.fps.is_none_or(|src| *c < src - 0.01));
    let audio = match probe.audio.as_ref().filter(|_| keep_audio) {
        Some(a) => {
            let (bps, channels, rate) = quality_audio(a);
            audio_for(container, bps, channels, rate)
        }
        None => WebCodecsAudio::None,
    };
    Some(WebCodecsJob {
        container,
        video: WebCodecsVideo {
            width,
            height,
            frame_rate,
            codec: codec_for(container),
            rate: VideoRate::Level(level_for_crf(crf)),
        },
        audio,
    })
}
