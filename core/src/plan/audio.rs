//! Choosing the audio bitrate, channel count and sample rate.

use super::budget::audio_slack;
use super::{AudioPlan, VideoContainer};
use crate::probe::AudioInfo;

/// The lowest tier: AAC and Vorbis both still sound acceptable for speech as
/// 32 kbps mono, and libvorbis refuses stereo this low at 48 kHz.
pub(super) const MIN_AUDIO_BPS: u64 = 32_000;

/// Bitrate tiers offered alongside video, keyed by the total bits per second
/// available for audio and video together. Audio stays at 8–25% of the total
/// so the picture gets the lion's share.
const WITH_VIDEO: [(f64, u64); 5] = [
    (2_000_000.0, 160_000),
    (1_000_000.0, 128_000),
    (500_000.0, 96_000),
    (250_000.0, 64_000),
    (150_000.0, 48_000),
];

/// Tiers offered alongside video; audio-only output is not limited to them.
const TIERS: [u64; 9] = [
    256_000,
    192_000,
    160_000,
    128_000,
    96_000,
    64_000,
    48_000,
    40_000,
    MIN_AUDIO_BPS,
];

/// Below this, stereo is refused: libvorbis fails to initialise stereo
/// under ~45 kbps (measured with ffmpeg 5.1), and AAC stereo sounds worse
/// than mono at such rates.
pub(super) const STEREO_MIN_BPS: u64 = 48_000;

/// libvorbis refuses mono above ~240 kbps, and one channel needs no more than this.
const MONO_MAX_BPS: u64 = 160_000;

/// Output channels for a bitrate: the source's, at most two, mono when low.
pub(super) fn out_channels(bitrate_bps: u64, source_channels: u32) -> u32 {
    let src = if source_channels == 0 {
        2
    } else {
        source_channels
    };
    if bitrate_bps < STEREO_MIN_BPS {
        1
    } else {
        src.min(2)
    }
}

/// Audio-only output may use the whole budget, up to this: beyond ~256 kbps
/// listeners cannot tell AAC or Vorbis from the original.
const AUDIO_ONLY_MAX_BPS: u64 = 256_000;

/// Picks the audio bitrate for `total_bps` of audio+video budget.
///
/// With video, a tier is chosen and `min_video_bps` is reserved first; audio
/// steps down until it fits or reaches the minimum. Without video, the whole
/// budget is used (between 32 and 256 kbps). Returns `None` only when not even the minimum
/// tier fits (the caller reports the target as too small).
pub(super) fn choose_bitrate(
    total_bps: f64,
    min_video_bps: Option<f64>,
    source: &AudioInfo,
    container: VideoContainer,
) -> Option<u64> {
    let slack = audio_slack(container);
    // Never spend more than the source had (re-encoding cannot add detail),
    // but keep the floor so low-rate sources remain encodable.
    let source_cap = source
        .bitrate_bps
        .map_or(u64::MAX, |b| b.max(MIN_AUDIO_BPS));
    let Some(reserve) = min_video_bps else {
        // Audio only: any bitrate between the floor and the maximum, so the
        // result fills the target instead of snapping down to a tier.
        let fits = (total_bps / slack / 1000.0).floor() * 1000.0;
        let max = if source.channels == 1 {
            MONO_MAX_BPS
        } else {
            AUDIO_ONLY_MAX_BPS
        };
        let bps = (fits.min(max as f64) as u64).min(source_cap);
        return (bps >= MIN_AUDIO_BPS).then_some(bps);
    };
    let wanted = WITH_VIDEO
        .iter()
        .find(|(threshold, _)| total_bps >= *threshold)
        .map_or(MIN_AUDIO_BPS, |(_, bps)| *bps);
    TIERS
        .into_iter()
        .filter(|t| *t <= wanted.min(source_cap))
        .find(|t| *t as f64 * slack + reserve <= total_bps)
        .or_else(|| {
            // The source cap may sit between tiers; the minimum is always allowed.
            (MIN_AUDIO_BPS as f64 * slack + reserve <= total_bps).then_some(MIN_AUDIO_BPS)
        })
}

/// Channels and sample rate for the chosen bitrate, plus notes describing changes.
pub(super) fn finish(
    bitrate_bps: u64,
    source: &AudioInfo,
    container: VideoContainer,
    notes: &mut Vec<String>,
) -> AudioPlan {
    let src_channels = if source.channels == 0 {
        2
    } else {
        source.channels
    };
    let channels = out_channels(bitrate_bps, source.channels);
    if src_channels > channels {
        let layout = match src_channels {
            6 => "5.1".to_string(),
            8 => "7.1".to_string(),
            2 => "Stereo".to_string(),
            n => format!("{n}-channel"),
        };
        let to = if channels == 1 { "mono" } else { "stereo" };
        notes.push(format!(
            "{layout} audio downmixed to {to} to fit the budget"
        ));
    }
    // 44.1 and 48 kHz are what every player expects; anything else is resampled.
    let sample_rate = match source.sample_rate {
        44_100 | 48_000 => source.sample_rate,
        _ => 48_000,
    };
    if sample_rate != source.sample_rate && source.sample_rate != 0 {
        notes.push(format!(
            "Audio resampled from {} Hz to {} Hz",
            source.sample_rate, sample_rate
        ));
    }
    let codec = match container {
        VideoContainer::Mp4 => "AAC",
        VideoContainer::WebM => "Vorbis",
    };
    let layout = if channels == 1 { "mono" } else { "stereo" };
    notes.push(format!(
        "Audio {} kbps {layout} ({codec})",
        bitrate_bps / 1000
    ));
    AudioPlan {
        bitrate_bps,
        channels,
        sample_rate,
    }
}
