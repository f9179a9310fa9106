//! Byte accounting: container overhead, safety margin and encoder slack.
//!
//! Everything here errs towards spending slightly fewer bytes, because the
//! promise to users is "the result is never over the size you asked for".

use super::VideoContainer;

/// MP4 bytes that do not depend on length: `ftyp`, the fixed parts of `moov`
/// (track headers, sample descriptions with avcC/esds), the `mdat` header and
/// x264's ~700-byte version SEI in the first frame. Measured real outputs of
/// the ffmpeg 5.1 muxer sit at 2–5 KB; 8 KB leaves room.
const MP4_FIXED: f64 = 8_000.0;
/// Per video sample in `moov`: 4 (stsz) + 4 (ctts with B-frames) + chunk
/// offsets and stts runs amortised.
const MP4_PER_VIDEO_FRAME: f64 = 12.0;
/// Per AAC frame (1024 samples): 4 (stsz) + amortised chunk tables, plus
/// a small allowance for the AAC encoder's own padding.
const MP4_PER_AUDIO_FRAME: f64 = 10.0;
/// WebM fixed part: EBML header, segment info, tracks (the Vorbis setup
/// headers in CodecPrivate alone are ~4 KB), seek head and void padding.
const WEBM_FIXED: f64 = 12_000.0;
/// Per block: SimpleBlock ID and size (~4), track number, timecode and flags
/// (4), plus cluster headers and cue points amortised.
const WEBM_PER_FRAME: f64 = 13.0;
/// Vorbis packets are not fixed-size: long blocks give 1024 samples per
/// packet but transients switch to short blocks, so allow 1.5× as many.
const VORBIS_PACKETS_PER_1024_SAMPLES: f64 = 1.5;

/// Audio encoders in ABR mode drift above the requested bitrate; budget
/// this much more than nominal. FFmpeg's AAC encoder holds the rate closely
/// (+2–3% measured), libvorbis's managed ABR wanders more.
pub(super) fn audio_slack(container: VideoContainer) -> f64 {
    match container {
        VideoContainer::Mp4 => 1.03,
        VideoContainer::WebM => 1.08,
    }
}

/// Bytes the given audio bitrate is expected to occupy over `duration_s`.
pub(super) fn audio_bytes(container: VideoContainer, bitrate_bps: u64, duration_s: f64) -> u64 {
    (bitrate_bps as f64 * audio_slack(container) * duration_s / 8.0).ceil() as u64
}

/// Estimated container overhead for a file of this shape.
///
/// `video_fps` is the highest frame rate the output may have (the estimate
/// must hold before we know whether the frame rate will be capped).
pub(super) fn overhead_bytes(
    container: VideoContainer,
    duration_s: f64,
    video_fps: Option<f64>,
    audio_sample_rate: Option<u32>,
) -> u64 {
    let video_frames = video_fps.map_or(0.0, |fps| (fps * duration_s).ceil() + 1.0);
    let aac_frames =
        audio_sample_rate.map_or(0.0, |sr| (sr as f64 * duration_s / 1024.0).ceil() + 1.0);
    let bytes = match container {
        VideoContainer::Mp4 => {
            MP4_FIXED + video_frames * MP4_PER_VIDEO_FRAME + aac_frames * MP4_PER_AUDIO_FRAME
        }
        VideoContainer::WebM => {
            WEBM_FIXED
                + (video_frames + aac_frames * VORBIS_PACKETS_PER_1024_SAMPLES) * WEBM_PER_FRAME
        }
    };
    bytes.ceil() as u64
}

/// Fraction of the target held back for encoder rate-control error.
///
/// libx264/libvpx two-pass ABR lands within ~1–2% over a long clip, hence 3%.
/// Very short clips have few frames (one keyframe is a big share) for rate
/// control to average over, so up to 4% more is held back below 10 s. Both
/// keep results at ≥ 90% of the target.
pub(super) fn margin_fraction(duration_s: f64) -> f64 {
    let shortness = ((10.0 - duration_s) / 10.0).clamp(0.0, 1.0);
    0.03 + 0.04 * shortness
}

/// The target size needed for `media_bps` of audio+video over `duration_s`,
/// inverted from the planner's own budget arithmetic and rounded up to a
/// whole kilobyte (plus one) so that planning for it is guaranteed to work.
pub(super) fn target_for(overhead: u64, media_bps: f64, duration_s: f64) -> u64 {
    let media = (media_bps * duration_s / 8.0).ceil();
    let needed = (overhead as f64 + media + 2.0) / (1.0 - margin_fraction(duration_s));
    let needed = needed.ceil().min(u64::MAX as f64) as u64;
    needed.div_ceil(1000).saturating_add(1).saturating_mul(1000)
}
