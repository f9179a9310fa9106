//! What the source itself says about how many bits are worth spending: its own bitrate
//! (a ceiling), its size (a format change should not make a file larger) and how hard its
//! content is to compress (bits per pixel its encoder needed).

use super::ladder;
use crate::probe::{AudioInfo, Probe, VideoInfo};

/// The share of a container's bitrate assumed to be sound when no stream says its own
/// (WebM and Matroska rarely do); only used to cap the audio we spend.
const AUDIO_SHARE_WHEN_UNKNOWN: f64 = 0.3;

/// Floor of [`complexity`]: even a still picture gets a third of the usual bits per pixel
/// before the ladder shrinks it (noise, text edges and the first keyframe need bits).
const MIN_COMPLEXITY: f64 = 0.35;

/// Video bitrate of the source, estimated from the container when the stream has none.
pub(super) fn source_video_bps(probe: &Probe, video: &VideoInfo) -> Option<u64> {
    video.bitrate_bps.or_else(|| {
        let audio = probe
            .audio
            .as_ref()
            .and_then(|a| a.bitrate_bps)
            .unwrap_or(0);
        probe
            .bitrate_bps
            .map(|b| b.saturating_sub(audio))
            .filter(|b| *b > 0)
    })
}

/// The audio stream with a bitrate: its own, else a share of the container's, so that a
/// WebM's unmarked Opus track is not re-encoded at several times its rate.
pub(super) fn audio_with_known_bitrate(probe: &Probe, audio: &AudioInfo) -> AudioInfo {
    let mut a = audio.clone();
    if a.bitrate_bps.is_none() && probe.video.is_some() {
        a.bitrate_bps = probe
            .bitrate_bps
            .map(|b| (b as f64 * AUDIO_SHARE_WHEN_UNKNOWN) as u64);
    }
    a
}

/// The most video bits per second worth spending on this source: its own video bitrate
/// (more bits than it had cannot add detail), and no more than keeps the whole output
/// within the input's size (a format change should not make a file larger). At least
/// the encoders' floor.
pub(super) fn video_ceiling_bps(
    probe: &Probe,
    video: &VideoInfo,
    duration_s: f64,
    overhead_bytes: u64,
    audio_cost_bps: f64,
) -> Option<f64> {
    let own = source_video_bps(probe, video).map(|b| b as f64);
    let within_input = probe.size_bytes.map(|size| {
        let media = size.saturating_sub(overhead_bytes) as f64 * 8.0 / duration_s;
        media - audio_cost_bps
    });
    match (own, within_input) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
    .filter(|c| c.is_finite())
    .map(|c| c.max(ladder::MIN_VIDEO_BPS))
}

/// How many bits per pixel H.264 needs for this codec's bits per pixel: newer codecs pack
/// more into each bit, older ones less.
fn h264_equivalent(codec: &str) -> f64 {
    match codec {
        "h264" => 1.0,
        "hevc" | "vp9" => 1.4,
        "av1" => 1.6,
        _ => 0.8,
    }
}

/// How hard the content is to compress, from 0.35 (a still screen) to 1 (ordinary
/// footage or unknown): the bits per pixel the source's encoder spent, in H.264 terms,
/// against the ladder's usual need. The ladder keeps larger pictures for easy content:
/// a static 800×600 slide show shrunk to 320×240 scored 0.956 (SSIM seen at the source's
/// size) where keeping its size gave 0.998 with a third of the budget.
pub(super) fn complexity(probe: &Probe, video: &VideoInfo, fps: f64) -> f64 {
    let pixels = video.width as f64 * video.height as f64 * fps;
    let Some(bps) = source_video_bps(probe, video).filter(|_| pixels > 0.0) else {
        return 1.0;
    };
    let bpp = bps as f64 / pixels * h264_equivalent(&video.codec);
    (bpp / ladder::LADDER_BPP).clamp(MIN_COMPLEXITY, 1.0)
}
