//! The target-size planner: how to spend a byte budget on video and audio.
//!
//! Given what ffprobe found and the size the user wants, decide bitrates,
//! resolution, frame rate and audio layout so that the encoded file lands at
//! or just under the target (never over it, ideally ≥ 90% of it).

mod audio;
mod budget;
mod fit;
#[cfg(test)]
mod fit_tests;
mod ladder;
mod outlook;
mod replan;
mod source;
#[cfg(test)]
mod sweep_tests;
#[cfg(test)]
mod tests;
pub mod trial;
#[cfg(test)]
mod trial_tests;
mod video;

pub use fit::{FitError, Next, SizeFit, MAX_ATTEMPTS, USE_AT_LEAST};
pub use outlook::{Outlook, Quality};
pub use replan::replan_after_overshoot;
use video::finish_video;
pub(crate) use video::{audio_channels, fit_dims, format_fps, fps_digits};

use crate::probe::{Colour, Probe, VideoInfo};
use serde::{Deserialize, Serialize};

/// Output container (and with it the codecs: H.264/AAC or VP8/Vorbis).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VideoContainer {
    /// MP4 with H.264 video and AAC audio.
    Mp4,
    /// WebM with VP8 video and Vorbis audio.
    WebM,
}

impl VideoContainer {
    /// File extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            VideoContainer::Mp4 => "mp4",
            VideoContainer::WebM => "webm",
        }
    }

    /// MIME type of the output file.
    pub fn mime(self) -> &'static str {
        match self {
            VideoContainer::Mp4 => "video/mp4",
            VideoContainer::WebM => "video/webm",
        }
    }
}

/// What the user asked for in "fit to size" mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetRequest {
    /// Maximum output size in decimal bytes (25 MB = 25 000 000).
    pub target_bytes: u64,
    /// Output container.
    pub container: VideoContainer,
    /// Upper limit for the picture's short side (e.g. 720 for "720p").
    pub max_height: Option<u32>,
    /// Upper limit for the frame rate.
    pub fps_cap: Option<f64>,
    /// Whether to keep the sound.
    pub keep_audio: bool,
}

/// A complete encoding plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Video settings; `None` for audio-only output.
    pub video: Option<VideoPlan>,
    /// Audio settings; `None` when there is no (kept) audio.
    pub audio: Option<AudioPlan>,
    /// Duration the plan was computed for, in seconds.
    pub duration_s: f64,
    /// Output container.
    pub container: VideoContainer,
    /// Estimated container overhead in bytes.
    pub overhead_bytes: u64,
    /// Predicted output size; always ≤ the target.
    pub expected_bytes: u64,
    /// One plain sentence per decision, for showing to the user.
    pub notes: Vec<String>,
    /// The planned picture and its expected quality, said before the encode.
    #[serde(default)]
    pub outlook: Option<Outlook>,
    /// The input's size when it is below the target: a re-encode aims under it too (a
    /// format change should not make a file larger), though only the target is a promise.
    #[serde(default)]
    pub size_cap: Option<u64>,
}

/// Video encoding settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VideoPlan {
    /// Average video bitrate (bits per second).
    pub bitrate_bps: u64,
    /// Output width as displayed (after rotation), even.
    pub width: u32,
    /// Output height as displayed (after rotation), even.
    pub height: u32,
    /// `Some(fps)` when the frame rate must be capped to this value.
    pub fps: Option<f64>,
    /// Whether the picture is resized (a scale filter is needed).
    pub scaled: bool,
    /// The most video bits per second worth spending (the source's own bitrate, or what
    /// keeps the output no larger than the input); `None`: only the budget limits it.
    /// The size-fit loop never raises the bitrate past it.
    #[serde(default)]
    pub ceiling_bps: Option<u64>,
    /// The source's colour description, kept in the output.
    #[serde(default)]
    pub colour: Colour,
}

/// Audio encoding settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AudioPlan {
    /// Audio bitrate (bits per second).
    pub bitrate_bps: u64,
    /// 1 or 2.
    pub channels: u32,
    /// 44100 or 48000.
    pub sample_rate: u32,
}

/// Why no plan could be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The length of the file is unknown, so no bitrate can be computed.
    #[error("The length of this file could not be determined, so it cannot be fitted to a size.")]
    NoDuration,
    /// Nothing to encode.
    #[error("This file has no video or audio to encode.")]
    NoStreams,
    /// Even the lowest acceptable quality would exceed the target.
    #[error("The target is too small for this file; the smallest size we can reach is about {}.", crate::human::format_bytes(*.smallest_bytes))]
    TargetTooSmall {
        /// Smallest target that would work, in bytes.
        smallest_bytes: u64,
    },
}

/// Longest duration believed, in seconds (about 11.5 days). A damaged or crafted file can
/// claim any length; bitrates planned from an absurd one round to nothing.
const MAX_PLAUSIBLE_DURATION_S: f64 = 1.0e6;

/// Frame rate assumed when ffprobe does not report one.
const DEFAULT_FPS: f64 = 30.0;

/// The usable video stream: moving pictures with a known size.
fn usable_video(probe: &Probe) -> Option<&VideoInfo> {
    probe
        .video
        .as_ref()
        .filter(|v| !v.is_still_image && v.width > 0 && v.height > 0)
}

/// Plans an encode whose output will not exceed `req.target_bytes`.
pub fn plan_for_target(probe: &Probe, req: &TargetRequest) -> Result<Plan, PlanError> {
    let duration = probe
        .duration_s
        .filter(|d| d.is_finite() && *d > 0.0 && *d <= MAX_PLAUSIBLE_DURATION_S)
        .ok_or(PlanError::NoDuration)?;
    let video = usable_video(probe);
    let audio_src = probe.audio.as_ref().filter(|_| req.keep_audio);
    if video.is_none() && audio_src.is_none() {
        return Err(PlanError::NoStreams);
    }
    let container = req.container;
    // A broken header can claim any rate (10^-25 fps planned a 0 bit/s video): outside
    // 0.1–1000 fps the rate is treated as unknown.
    let src_fps = video
        .and_then(|v| v.fps)
        .filter(|f| (0.1..=1000.0).contains(f))
        .unwrap_or(DEFAULT_FPS);
    let user_cap = req.fps_cap.filter(|c| c.is_finite() && *c >= 1.0);
    let fps_ceiling = user_cap.map_or(src_fps, |c| c.min(src_fps));
    let display = video.map(VideoInfo::display_size);
    // Sample rate only matters for overhead here; 48 kHz is the worst case.
    let overhead = budget::overhead_bytes(
        container,
        duration,
        video.map(|_| fps_ceiling),
        audio_src.map(|_| 48_000),
    );

    // Smallest workable plan, used both to reserve bits and to report failure.
    let floor = display.map(|d| ladder::floor_shape(d, req.max_height, fps_ceiling));
    let min_video_bps = floor.map(|f| ladder::min_bps(f.width, f.height, f.fps) + 1000.0);
    let min_audio_bps = audio_src.map_or(0.0, |_| {
        audio::MIN_AUDIO_BPS as f64 * budget::audio_slack(container)
    });
    let too_small = || PlanError::TargetTooSmall {
        smallest_bytes: budget::target_for(
            overhead,
            min_video_bps.unwrap_or(0.0) + min_audio_bps,
            duration,
        ),
    };

    let margin = (req.target_bytes as f64 * budget::margin_fraction(duration)).ceil() as u64;
    let media_bytes = req
        .target_bytes
        .checked_sub(overhead.saturating_add(margin))
        .ok_or_else(too_small)?;
    let total_bps = media_bytes as f64 * 8.0 / duration;

    let mut notes = Vec::new();
    if probe.size_bytes.is_some_and(|s| s <= req.target_bytes) {
        notes.push(
            "The original is already within the target size; it will be re-encoded anyway"
                .to_string(),
        );
    }
    let audio_src = audio_src.map(|a| source::audio_with_known_bitrate(probe, a));
    let audio_src = audio_src.as_ref();
    let audio_bps = match audio_src {
        Some(src) => Some(
            audio::choose_bitrate(total_bps, min_video_bps, src, container)
                .ok_or_else(too_small)?,
        ),
        None => None,
    };
    let audio_cost_bps = audio_bps.map_or(0.0, |b| b as f64 * budget::audio_slack(container));

    let video_plan = match (video, display) {
        (Some(v), Some(display)) => {
            let avail = total_bps - audio_cost_bps;
            let ceiling = source::video_ceiling_bps(probe, v, duration, overhead, audio_cost_bps);
            let spend = ceiling.map_or(avail, |c| c.min(avail));
            let complexity = source::complexity(probe, v, src_fps);
            let shape = ladder::choose(display, fps_ceiling, req.max_height, avail, complexity)
                .ok_or_else(too_small)?;
            // A source that needs fewer bits than the budget keeps the shape the budget
            // allows, at the source's own bitrate.
            let bps = spend;
            // Bitrates are planned in whole kbit/s (`finish_video`): below one there is
            // no video to plan, however small the picture.
            if bps < 1000.0 {
                return Err(too_small());
            }
            if ceiling.is_some_and(|c| c < avail) {
                notes.push(format!(
                    "Video bitrate limited to {} kbps, what the original spends; more would make the file larger without making it better",
                    (spend / 1000.0) as u64
                ));
            }
            Some(finish_video(
                v,
                display,
                &shape,
                (bps, ceiling),
                (src_fps, user_cap),
                &mut notes,
            ))
        }
        _ => None,
    };
    let audio_plan = match (audio_src, audio_bps) {
        (Some(src), Some(bps)) => Some(audio::finish(bps, src, container, &mut notes)),
        _ => None,
    };
    if audio_src.is_none() && probe.audio.is_some() {
        notes.push("Audio removed as requested".to_string());
    }
    let mut plan = assemble(video_plan, audio_plan, duration, container, overhead, notes);
    plan.size_cap = probe.size_bytes.filter(|s| *s < req.target_bytes);
    plan.outlook = plan.video.as_ref().zip(video).map(|(v, src)| {
        let fps = v.fps.unwrap_or(src_fps);
        let pixels = v.width as f64 * v.height as f64 * fps;
        Outlook {
            width: v.width,
            height: v.height,
            fps,
            // Limited to what the source spends, it looks as the source does.
            quality: Quality::from_bpp(
                v.bitrate_bps as f64 / pixels.max(1.0),
                source::complexity(probe, src, src_fps),
            )
            .max(
                if v.ceiling_bps
                    .is_some_and(|c| c <= v.bitrate_bps.saturating_add(1000))
                {
                    Quality::Good
                } else {
                    Quality::Low
                },
            ),
        }
    });
    Ok(plan)
}

/// Computes `expected_bytes` and packages a plan.
fn assemble(
    video: Option<VideoPlan>,
    audio: Option<AudioPlan>,
    duration_s: f64,
    container: VideoContainer,
    overhead_bytes: u64,
    notes: Vec<String>,
) -> Plan {
    let video_bytes = video.as_ref().map_or(0, |v| {
        (v.bitrate_bps as f64 * duration_s / 8.0).ceil() as u64
    });
    let audio_bytes = audio.as_ref().map_or(0, |a| {
        budget::audio_bytes(container, a.bitrate_bps, duration_s)
    });
    Plan {
        video,
        audio,
        duration_s,
        container,
        overhead_bytes,
        expected_bytes: overhead_bytes
            .saturating_add(video_bytes)
            .saturating_add(audio_bytes),
        notes,
        outlook: None,
        size_cap: None,
    }
}
