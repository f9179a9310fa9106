//! Turning ffprobe/ffmpeg error output into sentences for people.

/// Known failure messages, checked in order (more specific ones first, because
/// FFmpeg often prints a specific cause followed by a generic one).
const KNOWN: [(&[&str], &str); 9] = [
    (
        &["moov atom not found"],
        "This video is incomplete: its index (moov atom) is missing, usually because the recording or download was interrupted.",
    ),
    (
        &["ebml header parsing failed", "truncated", "end of file", "partial file"],
        "This file appears to be cut short or damaged, so it cannot be read completely.",
    ),
    (
        &["no such file or directory"],
        "The file could not be opened; it may have been moved, renamed or deleted.",
    ),
    (
        &["permission denied"],
        "The browser was not allowed to read this file. Try choosing it again.",
    ),
    (
        &["cannot allocate memory", "out of memory"],
        "Your device ran out of memory while reading this file. Close other tabs or try a smaller file.",
    ),
    (
        &["decoder not found", "unknown decoder", "unsupported codec", "no decoder"],
        "This file uses a format or codec that this app's FFmpeg cannot decode.",
    ),
    (
        &["does not contain any stream", "no streams"],
        "This file has no video or audio in it that we can use.",
    ),
    (
        &["invalid data found when processing input", "could not find codec parameters"],
        "This file is not a video, audio or image file we can read: FFmpeg does not recognise its data either.",
    ),
    (
        &["encrypted", "drm"],
        "This file is protected (encrypted), so it cannot be converted.",
    ),
];

/// Explains why ffprobe (or ffmpeg) could not read a file, in plain words.
///
/// Unknown errors fall back to FFmpeg's own last message, stripped of the
/// `[demuxer @ 0x…]` prefix, so users still have something to search for.
pub fn explain_ffprobe_failure(stderr: &str) -> String {
    let lower = stderr.to_ascii_lowercase();
    for (needles, message) in KNOWN {
        if needles.iter().any(|n| lower.contains(n)) {
            return message.to_string();
        }
    }
    let last = stderr
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .map(strip_context);
    match last {
        Some(msg) if !msg.is_empty() => {
            format!(
                "The file could not be read. FFmpeg said: “{}”",
                truncate(msg, 200)
            )
        }
        _ => "The file could not be read, and FFmpeg gave no reason.".to_string(),
    }
}

/// Explains why an ffmpeg run (an encode, not a probe) failed: one plain sentence per class
/// of failure. FFmpeg's own lines are not repeated here: they travel in the job's log tail
/// (shown under Details), where they can be searched for.
pub fn explain_encode_failure(tail: &[String]) -> String {
    let log = tail.join("\n");
    let lower = log.to_ascii_lowercase();
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    if has(&["cannot allocate memory", "out of memory"]) {
        return "The converter ran out of memory on this file. Close other tabs, or try a shorter part (Trim) or a smaller Max height.".into();
    }
    if has(&[
        "incomplete mb-tree stats file",
        "has more frames than 1st pass",
        "ratecontrol_init",
    ]) {
        return "The two passes of the size-target encode saw different frames of this file, so the second pass could not use the first one's analysis.".into();
    }
    if has(&[
        "error reinitializing filters",
        "failed to inject frame into filter network",
    ]) {
        return "The picture changes size or format part-way through this file, and the converter could not follow it.".into();
    }
    if has(&["no space left on device"]) {
        return "The converter ran out of room for the output.".into();
    }
    if has(&[
        "decoder not found",
        "unknown decoder",
        "no decoder",
        "unsupported codec",
    ]) || (lower.contains("decoder (codec") && lower.contains("not found"))
    {
        let codec = codec_named(&log, "Decoder (codec ");
        return format!(
            "This file uses a codec{} that this app's FFmpeg cannot decode. Converting it elsewhere to H.264 in MP4 (or any common format) would work here.",
            codec.map(|c| format!(" ({c})")).unwrap_or_default()
        );
    }
    if has(&["unknown encoder", "encoder not found"]) || lower.contains("encoder (codec") {
        return "This app's FFmpeg has no encoder for that output. Choose another Output format."
            .into();
    }
    if has(&[
        "could not write header",
        "incompatible with output codec",
        "not currently supported in container",
        "could not find tag for codec",
    ]) {
        return "The output format cannot hold one of this file's streams. Try MP4 or MKV as the Output format.".into();
    }
    for (needles, message) in &KNOWN[..2] {
        if needles.iter().any(|n| lower.contains(n)) {
            return (*message).to_string();
        }
    }
    if has(&[
        "invalid data found when processing input",
        "error while decoding",
        "corrupt",
        "invalid nal",
    ]) {
        return "This file's data is damaged where FFmpeg tried to decode it, so it could not be converted.".into();
    }
    "The conversion failed: FFmpeg stopped with an error (its last lines are under Details).".into()
}

/// The codec id FFmpeg names after `marker` ("Decoder (codec amr_nb) not found").
fn codec_named<'a>(log: &'a str, marker: &str) -> Option<&'a str> {
    let start = log.find(marker)? + marker.len();
    let rest = &log[start..];
    let end = rest.find(')')?;
    Some(&rest[..end]).filter(|c| !c.is_empty() && c.len() < 40)
}

/// The sentence for an output much shorter than the input said it would be: a file cut
/// short (a download or recording interrupted) whose index still claims its full length,
/// salvaged as far as its data goes. `None` when the output is as long as expected, within
/// a tolerance that a last frame or an audio priming delay cannot exceed.
pub fn ends_early(expected_s: Option<f64>, output_s: Option<f64>) -> Option<String> {
    let (expected, output) = (expected_s?, output_s?);
    if !(expected.is_finite() && output.is_finite()) || output <= 0.0 {
        return None;
    }
    let tolerance = (expected * 0.1).max(0.5);
    (expected - output > tolerance).then(|| {
        format!("The file ends early: saved the first {output:.1} s (its header claims {expected:.1} s).")
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
