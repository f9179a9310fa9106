//! Turning ffprobe/ffmpeg error output into reasons for people ([`FailReason`], whose
//! sentences are in `locales/*.ftl`).

use super::reason::{FailReason, OutputWarning};

/// Known failure messages, checked in order (more specific ones first, because
/// FFmpeg often prints a specific cause followed by a generic one).
const KNOWN: [(&[&str], FailReason); 9] = [
    (&["moov atom not found"], FailReason::NoIndex),
    (
        &[
            "ebml header parsing failed",
            "truncated",
            "end of file",
            "partial file",
        ],
        FailReason::CutShort,
    ),
    (&["no such file or directory"], FailReason::Gone),
    (&["permission denied"], FailReason::NotAllowed),
    (
        &["cannot allocate memory", "out of memory"],
        FailReason::MemoryReading,
    ),
    (
        &[
            "decoder not found",
            "unknown decoder",
            "unsupported codec",
            "no decoder",
        ],
        FailReason::CannotDecode,
    ),
    (
        &["does not contain any stream", "no streams"],
        FailReason::NoStreams,
    ),
    (
        &[
            "invalid data found when processing input",
            "could not find codec parameters",
        ],
        FailReason::NotMedia,
    ),
    (&["encrypted", "drm"], FailReason::Encrypted),
];

/// Explains why ffprobe (or ffmpeg) could not read a file, in plain words.
///
/// Unknown errors fall back to FFmpeg's own last message, stripped of the
/// `[demuxer @ 0x…]` prefix, so users still have something to search for.
pub fn explain_ffprobe_failure(stderr: &str) -> FailReason {
    let lower = stderr.to_ascii_lowercase();
    for (needles, reason) in KNOWN {
        if needles.iter().any(|n| lower.contains(n)) {
            return reason;
        }
    }
    let last = stderr
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .map(strip_context);
    match last {
        Some(msg) if !msg.is_empty() => FailReason::FfmpegSaid {
            line: truncate(msg, 200),
        },
        _ => FailReason::NoReason,
    }
}

/// Explains why an ffmpeg run (an encode, not a probe) failed: one plain sentence per class
/// of failure. FFmpeg's own lines are not repeated here: they travel in the job's log tail
/// (shown under Details), where they can be searched for.
pub fn explain_encode_failure(tail: &[String]) -> FailReason {
    let log = tail.join("\n");
    let lower = log.to_ascii_lowercase();
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    if has(&["cannot allocate memory", "out of memory"]) {
        return FailReason::MemoryEncoding;
    }
    if has(&[
        "incomplete mb-tree stats file",
        "has more frames than 1st pass",
        "ratecontrol_init",
    ]) {
        return FailReason::PassesDiffer;
    }
    if has(&[
        "error reinitializing filters",
        "failed to inject frame into filter network",
    ]) {
        return FailReason::PictureChanges;
    }
    if has(&["no space left on device"]) {
        return FailReason::NoRoom;
    }
    if has(&[
        "decoder not found",
        "unknown decoder",
        "no decoder",
        "unsupported codec",
    ]) || (lower.contains("decoder (codec") && lower.contains("not found"))
    {
        let codec = codec_named(&log, "Decoder (codec ").map(str::to_owned);
        return FailReason::Codec { codec };
    }
    if has(&["unknown encoder", "encoder not found"]) || lower.contains("encoder (codec") {
        return FailReason::NoEncoder;
    }
    if has(&[
        "could not write header",
        "incompatible with output codec",
        "not currently supported in container",
        "could not find tag for codec",
    ]) {
        return FailReason::CannotHold;
    }
    for (needles, reason) in &KNOWN[..2] {
        if needles.iter().any(|n| lower.contains(n)) {
            return reason.clone();
        }
    }
    if has(&[
        "invalid data found when processing input",
        "error while decoding",
        "corrupt",
        "invalid nal",
    ]) {
        return FailReason::Damaged;
    }
    FailReason::Other
}

/// The codec id FFmpeg names after `marker` ("Decoder (codec amr_nb) not found").
fn codec_named<'a>(log: &'a str, marker: &str) -> Option<&'a str> {
    let start = log.find(marker)? + marker.len();
    let rest = &log[start..];
    let end = rest.find(')')?;
    Some(&rest[..end]).filter(|c| !c.is_empty() && c.len() < 40)
}

/// The warning for an output much shorter than the input said it would be: a file cut
/// short (a download or recording interrupted) whose index still claims its full length,
/// salvaged as far as its data goes. `None` when the output is as long as expected, within
/// a tolerance that a last frame or an audio priming delay cannot exceed.
pub fn ends_early(expected_s: Option<f64>, output_s: Option<f64>) -> Option<OutputWarning> {
    let (expected, output) = (expected_s?, output_s?);
    if !(expected.is_finite() && output.is_finite()) || output <= 0.0 {
        return None;
    }
    let tolerance = (expected * 0.1).max(0.5);
    (expected - output > tolerance).then_some(OutputWarning::EndsEarly {
        saved_s: output,
        claimed_s: expected,
    })
}

/// Removes a leading `[mov,mp4 @ 0x55d4…] ` context tag.
fn strip_context(line: &str) -> &str {
    match (line.starts_with('['), line.find("] ")) {
        (true, Some(end)) => line[end + 2..].trim(),
        _ => line,
    }
}

/// At most `max` characters, cut on a character boundary.
fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((idx, _)) => format!("{}…", &s[..idx]),
        None => s.to_string(),
    }
}
