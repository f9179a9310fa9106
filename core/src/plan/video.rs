//! Turning the ladder's choice into a `VideoPlan` with its notes.

use super::{audio, ladder, VideoPlan, DEFAULT_FPS};
use crate::probe::VideoInfo;

/// Builds the video plan and its notes from the ladder's shape.
pub(super) fn finish_video(
    video: &VideoInfo,
    display: (u32, u32),
    shape: &ladder::Shape,
    (bps, ceiling): (f64, Option<f64>),
    (src_fps, user_cap): (f64, Option<f64>),
    notes: &mut Vec<String>,
) -> VideoPlan {
    // Whole kbps keeps the ffmpeg arguments readable; rounding down keeps us under.
    let bitrate_bps = ((bps / 1000.0).floor() as u64).saturating_mul(1000);
    let scaled = (shape.width, shape.height) != display;
    if scaled {
        notes.push(format!(
            "Scaled down to {}p ({}×{}) to keep the picture clean at this size",
            shape.rung, shape.width, shape.height
        ));
    }
    // Only a real reduction needs a filter; unknown source rates are treated as 30.
    let capped = shape.fps < src_fps - 0.01 || (video.fps.is_none() && shape.fps < DEFAULT_FPS);
    let fps = capped.then_some(shape.fps);
    if let Some(f) = fps {
        let why = if user_cap.is_some_and(|c| c <= f) {
            "as requested"
        } else {
            "to fit the budget"
        };
        notes.push(format!("Frame rate capped to {} fps {why}", format_fps(f)));
    }
    notes.push(format!("Video {} kbps", bitrate_bps / 1000));
    VideoPlan {
        bitrate_bps,
        width: shape.width,
        height: shape.height,
        fps,
        scaled,
        ceiling_bps: ceiling.map(|c| c as u64),
        colour: video.colour.clone(),
    }
}

/// Display size with the short side limited to `max_height` (even, aspect
/// kept, never upscaled); used by quality mode, which has no budget ladder.
pub(crate) fn fit_dims(display: (u32, u32), max_height: Option<u32>) -> (u32, u32) {
    let top = ladder::top_rung(display, max_height);
    ladder::dims_for_rung(display, top)
}

/// Output channel count for an audio bitrate (mono below 48 kbps, at most stereo).
pub(crate) fn audio_channels(bitrate_bps: u64, source_channels: u32) -> u32 {
    audio::out_channels(bitrate_bps, source_channels)
}

/// "30", "29.97".
pub(crate) fn format_fps(f: f64) -> String {
    format!("{f:.*}", usize::from(fps_digits(f)))
}

/// The decimals a frame rate is written with: none when whole, else two.
pub(crate) fn fps_digits(f: f64) -> u8 {
    if (f - f.round()).abs() < 0.005 {
        0
    } else {
        2
    }
}
