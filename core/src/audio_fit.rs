//! Fitting a sound-only output (MP3, M4A/AAC, Opus) under a size target.
//!
//! The budget is the target less the container's overhead, spread over the duration (the
//! trimmed part, when a trim is asked): that gives a bitrate, and the bitrate decides the
//! channels (mono below the codec's stereo floor) and the sample rate (lower rates leave
//! more bits for what can be heard). A target below the codec's floor is refused up front,
//! naming the smallest size that works. The encoders drift, so the engine measures every
//! output and [`refit`] corrects the bitrate: down when it came out over (never kept), up
//! when it used less than [`MIN_FILL`] of the target and the quality ceiling allows more.

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::human::format_bytes;
use crate::plan::PlanError;
use crate::probe::Probe;

/// An output is redone at a higher bitrate when it uses less than this share of the target
/// (and the codec's ceiling is not what stopped it).
pub const MIN_FILL: f64 = 0.93;
/// The share of the target a plan aims at: the encoders land within about ±2 % of it
/// (measured below), and an overshoot is redone anyway.
const AIM: f64 = 0.975;
/// After an overshoot the next attempt aims lower, so one correction is enough.
const AIM_AFTER_OVERSHOOT: f64 = 0.955;
/// Longest duration believed (as the video planner does).
const MAX_PLAUSIBLE_DURATION_S: f64 = 1.0e6;

/// A lossy audio codec that can be fitted to a size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AudioCodec {
    /// MP3 (LAME, average bitrate).
    Mp3,
    /// AAC in M4A (FFmpeg's native encoder).
    Aac,
    /// Opus in Ogg (or WebM).
    Opus,
}

impl AudioCodec {
    /// The codec of an output format of the registry, if that format can be fitted.
    pub fn for_format(format_id: &str) -> Option<AudioCodec> {
        match format_id {
            "mp3" => Some(AudioCodec::Mp3),
            "m4a" => Some(AudioCodec::Aac),
            "opus" | "webm-audio" => Some(AudioCodec::Opus),
            _ => None,
        }
    }

    /// The codec's name for people.
    pub fn label(self) -> &'static str {
        match self {
            AudioCodec::Mp3 => "MP3",
            AudioCodec::Aac => "AAC",
            AudioCodec::Opus => "Opus",
        }
    }

    /// The lowest bitrate still worth listening to (speech, mono, low sample rate):
    /// LAME and FFmpeg's AAC at 16 kbit/s mono 16 kHz are telephone-like but clear;
    /// Opus was made for speech at 8 kbit/s.
    pub fn floor_bps(self) -> u64 {
        match self {
            AudioCodec::Mp3 | AudioCodec::Aac => 16_000,
            AudioCodec::Opus => 8_000,
        }
    }

    /// Below this, two channels sound worse than one: joint-stereo MP3 under 64 kbit/s and
    /// AAC under 48 kbit/s smear; Opus keeps stereo usable from 32 kbit/s.
    fn stereo_floor_bps(self) -> u64 {
        match self {
            AudioCodec::Mp3 => 64_000,
            AudioCodec::Aac => 48_000,
            AudioCodec::Opus => 32_000,
        }
    }

    /// The quality ceiling: more bits than this are not heard (MP3's format maximum is 320).
    fn ceiling_bps(self, channels: u32) -> u64 {
        match (self, channels) {
            (AudioCodec::Mp3, 1) => 160_000,
            (AudioCodec::Mp3, _) => 320_000,
            (AudioCodec::Aac, 1) => 160_000,
            (AudioCodec::Aac, _) => 256_000,
            (AudioCodec::Opus, 1) => 96_000,
            (AudioCodec::Opus, _) => 192_000,
        }
    }

    /// Encoder drift above the nominal bitrate to budget for. LAME's ABR and FFmpeg's AAC
    /// land within +2–3 % (the video planner measured AAC's); Opus in constant-bitrate mode
    /// holds it exactly.
    fn slack(self) -> f64 {
        match self {
            AudioCodec::Mp3 | AudioCodec::Aac => 1.03,
            AudioCodec::Opus => 1.0,
        }
    }

    /// Bytes that do not depend on the bitrate: headers plus per-frame container costs.
    /// MP3: the LAME/Xing frame and a small ID3v2 tag (no per-frame cost, frames are the
    /// file). M4A: `ftyp`/`moov` and about 10 bytes of tables per 1024-sample AAC frame.
    /// Ogg Opus: the two header pages, and per 20 ms packet one lacing byte plus a
    /// 27-byte page header every ~50 packets.
    pub fn overhead_bytes(self, duration_s: f64, sample_rate: u32) -> u64 {
        let bytes = match self {
            AudioCodec::Mp3 => 4_000.0,
            AudioCodec::Aac => 8_000.0 + (sample_rate as f64 * duration_s / 1024.0 + 1.0) * 10.0,
            AudioCodec::Opus => 2_000.0 + duration_s * 50.0 * 1.6,
        };
        bytes.ceil() as u64
    }

    /// Bitrates are asked in steps of this: LAME takes whole kbit/s, the others any rate
    /// (a kbit/s is 3 % of a 33 kbit/s budget, too much to throw away).
    fn step_bps(self) -> f64 {
        match self {
            AudioCodec::Mp3 => 1000.0,
            AudioCodec::Aac | AudioCodec::Opus => 100.0,
        }
    }

    /// `bps` rounded down to a step.
    fn round(self, bps: f64) -> f64 {
        (bps / self.step_bps()).floor() * self.step_bps()
    }

    /// The sample rate for `bps` over `channels`: full band while each channel has the
    /// bits for it, then narrower bands as the bits per channel fall (what LAME and
    /// FFmpeg's AAC pick themselves at those rates), never above the source's rate.
    fn sample_rate(self, bps: u64, channels: u32, source_rate: u32) -> u32 {
        if self == AudioCodec::Opus {
            // Opus always runs at 48 kHz; it narrows its own band.
            return 48_000;
        }
        let per_channel = bps / u64::from(channels.max(1));
        let full = if source_rate == 48_000 {
            48_000
        } else {
            44_100
        };
        let wanted = match per_channel {
            48_000.. => full,
            32_000.. => 32_000,
            20_000.. => 24_000,
            _ => 16_000,
        };
        // Never upsample: a lower source rate is kept, snapped down to a standard rate.
        const RATES: [u32; 8] = [
            48_000, 44_100, 32_000, 24_000, 22_050, 16_000, 12_000, 8_000,
        ];
        let cap = if source_rate == 0 {
            wanted
        } else {
            wanted.min(source_rate)
        };
        RATES.into_iter().find(|r| *r <= cap).unwrap_or(8_000)
    }
}

/// How to encode the sound so it fits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AudioFit {
    /// The codec.
    pub codec: AudioCodec,
    /// Average bitrate, bits per second (whole kbit/s).
    pub bitrate_bps: u64,
    /// 1 or 2.
    pub channels: u32,
    /// Output sample rate in Hz.
    pub sample_rate: u32,
    /// Length of the part encoded, in seconds.
    pub duration_s: f64,
    /// The source's channel count (0 when unknown).
    pub source_channels: u32,
    /// The source's sample rate (0 when unknown).
    pub source_rate: u32,
    /// The bitrate of a lossy source, which re-encoding cannot improve on.
    pub source_bps: Option<u64>,
    /// The bitrate is the codec's (or the source's) ceiling: using less of the target is
    /// then the right result, not a shortfall.
    pub at_ceiling: bool,
    /// A constant bitrate (MP3 only, when one of its fixed rates fits the budget well).
    pub constant: bool,
    /// Predicted output size in bytes.
    pub expected_bytes: u64,
    /// One sentence per decision, for the job's details.
    pub notes: Vec<String>,
}

/// Plans a sound-only encode of `probe` (already trimmed) in `codec` under `target_bytes`.
pub fn plan_audio_fit(
    probe: &Probe,
    codec: AudioCodec,
    target_bytes: u64,
) -> Result<AudioFit, PlanError> {
    let duration = probe
        .duration_s
        .filter(|d| d.is_finite() && *d > 0.0 && *d <= MAX_PLAUSIBLE_DURATION_S)
        .ok_or(PlanError::NoDuration)?;
    let audio = probe.audio.as_ref().ok_or(PlanError::NoStreams)?;
    // Re-encoding cannot add detail a lossy source did not have; a lossless (PCM, FLAC)
    // source reports a bitrate far above every ceiling, so it never limits.
    let source_cap = audio.bitrate_bps.filter(|b| *b > 0);
    let mut fit = fit_for(
        codec,
        target_bytes,
        duration,
        (audio.channels, audio.sample_rate, source_cap),
        AIM,
    )?;
    if probe.cover.is_some() {
        fit.notes
            .push("Cover art left out: its bytes would come out of the sound's budget.".into());
    }
    Ok(fit)
}

/// A plan at a chosen bitrate, without a target (quality mode): the same channels, sample
/// rate and ceilings as a fitted one.
pub fn plan_at_bitrate(probe: &Probe, codec: AudioCodec, bps: u64) -> Result<AudioFit, PlanError> {
    let duration = probe
        .duration_s
        .filter(|d| d.is_finite() && *d > 0.0 && *d <= MAX_PLAUSIBLE_DURATION_S)
        .unwrap_or(1.0);
    let audio = probe.audio.as_ref().ok_or(PlanError::NoStreams)?;
    let source = (
        audio.channels,
        audio.sample_rate,
        audio.bitrate_bps.filter(|b| *b > 0),
    );
    let mut fit = shape(codec, bps.max(codec.floor_bps()), duration, 0, source);
    fit.notes[0] = format!(
        "{} at {} kbit/s, {}, {}.",
        codec.label(),
        kbps(fit.bitrate_bps),
        if fit.channels == 1 { "mono" } else { "stereo" },
        khz(fit.sample_rate)
    );
    Ok(fit)
}

/// The bitrate `aim` of `target_bytes` pays for, in whole kbit/s, before any ceiling.
fn budget_bps(codec: AudioCodec, target_bytes: u64, duration: f64, aim: f64, rate: u32) -> f64 {
    let media = target_bytes as f64 * aim - codec.overhead_bytes(duration, rate) as f64;
    codec.round(media * 8.0 / duration / codec.slack())
}

/// What the planner knows of the source: channels, sample rate (0 when unknown) and the
/// bitrate of a lossy source.
type Source = (u32, u32, Option<u64>);

fn fit_for(
    codec: AudioCodec,
    target_bytes: u64,
    duration: f64,
    source: Source,
    aim: f64,
) -> Result<AudioFit, PlanError> {
    // The per-frame overhead depends on the sample rate, which depends on the bitrate:
    // budget with the highest rate first, then again with the rate that bitrate picks.
    let first = budget_bps(codec, target_bytes, duration, aim, 48_000);
    let rate = codec.sample_rate(first.max(0.0) as u64, 1, source.1);
    let bps = first.max(budget_bps(codec, target_bytes, duration, aim, rate));
    if bps < codec.floor_bps() as f64 {
        return Err(too_small(codec, duration, source.1));
    }
    Ok(shape(codec, bps as u64, duration, target_bytes, source))
}

fn too_small(codec: AudioCodec, duration: f64, source_rate: u32) -> PlanError {
    let rate = codec.sample_rate(codec.floor_bps(), 1, source_rate);
    PlanError::TargetTooSmall {
        smallest_bytes: smallest_target(codec, duration, rate),
    }
}

/// Channels, ceiling and sample rate for a budget of `bps`, with the notes saying why.
fn shape(
    codec: AudioCodec,
    bps: u64,
    duration: f64,
    target_bytes: u64,
    source: Source,
) -> AudioFit {
    let (src_channels, src_rate, source_cap) = source;
    let src_ch = if src_channels == 0 { 2 } else { src_channels };
    let mut notes = Vec::new();
    let channels = if src_ch >= 2 && bps < codec.stereo_floor_bps() {
        notes.push(format!(
            "Mono: {} kbit/s is too little for two channels in {} (stereo needs {} kbit/s); one clear channel sounds better.",
            kbps(bps),
            codec.label(),
            codec.stereo_floor_bps() / 1000
        ));
        1
    } else {
        if src_ch > 2 {
            notes.push(format!("{src_ch}-channel sound downmixed to stereo."));
        }
        src_ch.min(2)
    };
    let ceiling = codec.ceiling_bps(channels);
    let (bps, at_ceiling) = match source_cap {
        Some(src) if src < bps.min(ceiling) => {
            let src = (src.max(codec.floor_bps()) / 1000) * 1000;
            notes.push(format!(
                "{} kbit/s, the original's bitrate: re-encoding cannot add what it does not have, so the result is smaller than the target.",
                src / 1000
            ));
            (src, true)
        }
        _ if bps >= ceiling => {
            notes.push(format!(
                "{} kbit/s, the most {} gains from: the result is smaller than the target.",
                ceiling / 1000,
                codec.label()
            ));
            (ceiling, true)
        }
        _ => (bps, false),
    };
    let sample_rate = codec.sample_rate(bps, channels, src_rate);
    if codec != AudioCodec::Opus && src_rate > sample_rate {
        notes.push(format!(
            "Resampled from {} to {}: at {} kbit/s a narrower band leaves more bits for what you hear.",
            khz(src_rate),
            khz(sample_rate),
            kbps(bps)
        ));
    }
    // MP3 at a constant bitrate lands exactly where planned; it is used when one of the
    // format's fixed rates is within 4 % of what the budget pays for (with the slack an
    // average bitrate would need). Otherwise LAME's average bitrate fills the gap.
    let (bps, constant) = match mp3_constant_rate(codec, bps, sample_rate) {
        Some(rate) => (rate, true),
        None => (bps, false),
    };
    let expected_bytes = expected_with(codec, bps, duration, sample_rate, constant);
    notes.insert(
        0,
        format!(
            "{} at {} kbit/s{}, {}, {} (planned {} of the {} target).",
            codec.label(),
            kbps(bps),
            if constant { " constant" } else { "" },
            if channels == 1 { "mono" } else { "stereo" },
            khz(sample_rate),
            format_bytes(expected_bytes),
            format_bytes(target_bytes)
        ),
    );
    AudioFit {
        codec,
        bitrate_bps: bps,
        channels,
        sample_rate,
        duration_s: duration,
        source_channels: src_channels,
        source_rate: src_rate,
        source_bps: source_cap,
        at_ceiling,
        constant,
        expected_bytes,
        notes,
    }
}

/// MP3's fixed bitrates: MPEG-1 Layer III (32–48 kHz) and MPEG-2/2.5 (8–24 kHz).
const MP3_RATES_MPEG1: [u64; 14] = [
    32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
];
const MP3_RATES_MPEG2: [u64; 14] = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

/// The constant MP3 bitrate to use for an average budget of `bps`, if one is close enough.
fn mp3_constant_rate(codec: AudioCodec, bps: u64, sample_rate: u32) -> Option<u64> {
    if codec != AudioCodec::Mp3 {
        return None;
    }
    let table = if sample_rate >= 32_000 {
        &MP3_RATES_MPEG1
    } else {
        &MP3_RATES_MPEG2
    };
    let affordable = bps as f64 * codec.slack();
    table
        .iter()
        .map(|k| k * 1000)
        .rfind(|r| *r as f64 <= affordable)
        .filter(|r| *r as f64 >= affordable * 0.96)
}

/// Predicted size of `bps` over `duration` in `codec`.
fn expected(codec: AudioCodec, bps: u64, duration: f64, rate: u32) -> u64 {
    expected_with(codec, bps, duration, rate, false)
}

/// Predicted size; a `constant` bitrate has no drift to allow for.
fn expected_with(codec: AudioCodec, bps: u64, duration: f64, rate: u32, constant: bool) -> u64 {
    let slack = if constant { 1.0 } else { codec.slack() };
    codec.overhead_bytes(duration, rate) + (bps as f64 * slack * duration / 8.0).ceil() as u64
}

/// The smallest target the floor plan fits, rounded up to a whole kilobyte.
fn smallest_target(codec: AudioCodec, duration: f64, rate: u32) -> u64 {
    let bytes = expected(codec, codec.floor_bps(), duration, rate) as f64 / AIM;
    (bytes.ceil() as u64).div_ceil(1000).saturating_add(1) * 1000
}

fn kbps(bps: u64) -> String {
    if bps % 1000 == 0 {
        format!("{}", bps / 1000)
    } else {
        format!("{:.1}", bps as f64 / 1000.0)
    }
}

fn khz(rate: u32) -> String {
    if rate % 1000 == 0 {
        format!("{} kHz", rate / 1000)
    } else {
        format!("{:.1} kHz", rate as f64 / 1000.0)
    }
}

/// What to do after measuring an output of a fit.
#[derive(Clone, Debug, PartialEq)]
pub enum Refit {
    /// Keep it: within the target, and full enough (or at the ceiling).
    Keep,
    /// Encode again with this plan; `keep_current` says whether the output just measured
    /// fits, and so stays the answer should the next one land over.
    Again {
        /// The corrected plan.
        fit: AudioFit,
        /// The output just measured is within the target.
        keep_current: bool,
    },
}

/// Decides after an encode of `fit` came out at `actual` bytes: an output over the target
/// is redone lower; one under [`MIN_FILL`] of it, higher (unless at the ceiling).
pub fn refit(fit: &AudioFit, target_bytes: u64, actual: u64) -> Result<Refit, PlanError> {
    let fits = actual <= target_bytes;
    if fits && (fit.at_ceiling || actual as f64 >= target_bytes as f64 * MIN_FILL) {
        return Ok(Refit::Keep);
    }
    // The encoder's real bytes per nominal byte, measured on this encode, corrects the next.
    let overhead = fit.codec.overhead_bytes(fit.duration_s, fit.sample_rate) as f64;
    let nominal = fit.bitrate_bps as f64 * fit.duration_s / 8.0;
    let drift = ((actual as f64 - overhead).max(1.0) / nominal).max(0.5);
    let aim = if fits { AIM } else { AIM_AFTER_OVERSHOOT };
    let wanted = target_bytes as f64 * aim - overhead;
    let mut bps = fit.codec.round(wanted * 8.0 / fit.duration_s / drift);
    if !fits && bps >= fit.bitrate_bps as f64 {
        bps = fit.bitrate_bps as f64 - fit.codec.step_bps();
    }
    if bps < fit.codec.floor_bps() as f64 {
        return if fits {
            Ok(Refit::Keep)
        } else {
            Err(too_small(fit.codec, fit.duration_s, fit.source_rate))
        };
    }
    let source = (fit.source_channels, fit.source_rate, fit.source_bps);
    let mut next = shape(fit.codec, bps as u64, fit.duration_s, target_bytes, source);
    if fits && next.bitrate_bps <= fit.bitrate_bps {
        return Ok(Refit::Keep);
    }
    // The plan's prediction follows the measured drift, so the details stay true.
    next.expected_bytes =
        (overhead + next.bitrate_bps as f64 * fit.duration_s / 8.0 * drift).ceil() as u64;
    Ok(Refit::Again {
        fit: next,
        keep_current: fits,
    })
}
