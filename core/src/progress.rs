//! Parsing of ffmpeg's periodic statistics lines into progress samples.
//!
//! ffmpeg writes lines such as
//! `frame=  120 fps= 12 q=28.0 size=     512kB time=00:00:04.00 bitrate=1048.6kbits/s speed=0.4x`
//! to stderr, separated by `\r` while running and ending with an `Lsize=` line.

use serde::{Deserialize, Serialize};

/// One progress report from ffmpeg.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgressSample {
    /// Output timestamp reached, in seconds (0 when ffmpeg reports `N/A` or a negative time).
    pub time_s: f64,
    /// Frames written so far (absent for audio-only encodes).
    pub frame: Option<u64>,
    /// Encoding frames per second.
    pub fps: Option<f64>,
    /// Speed relative to real time (`2.0` = twice as fast as playback).
    pub speed: Option<f64>,
    /// Output size so far, in bytes.
    pub size_bytes: Option<u64>,
}

/// Parses one ffmpeg statistics line; returns `None` for any other log line.
///
/// If several `\r`-separated reports arrive as one "line", the last one that
/// parses wins, because it is the most recent.
pub fn parse_progress(line: &str) -> Option<ProgressSample> {
    line.split(['\r', '\n']).rev().find_map(parse_one)
}

fn parse_one(record: &str) -> Option<ProgressSample> {
    let mut time = None;
    let mut frame = None;
    let mut fps = None;
    let mut speed = None;
    let mut size = None;
    let mut has_size_key = false;
    for (key, value) in pairs(record) {
        match key {
            // N/A is normal before the first packet; anything else unparsable
            // means this is not a stats line.
            "time" if value == "N/A" => time = Some(None),
            "time" => time = Some(Some(parse_time(value)?)),
            "frame" => frame = value.parse::<u64>().ok(),
            "fps" => fps = value.parse::<f64>().ok().filter(|v| v.is_finite()),
            "speed" => {
                speed = value
                    .strip_suffix('x')
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|v| v.is_finite())
            }
            "size" | "Lsize" => {
                has_size_key = true;
                size = parse_size(value);
            }
            _ => {}
        }
    }
    // A bare "time=" can appear in other messages; a stats line always has
    // size= (audio and video) or frame= next to it.
    let time = time?;
    if !has_size_key && frame.is_none() {
        return None;
    }
    Some(ProgressSample {
        // FFmpeg prints a negative time ("time=-00:00:00.04") before the first frame of
        // streams whose timestamps start below zero; progress cannot go back before 0.
        time_s: time.unwrap_or(0.0).max(0.0),
        frame,
        fps,
        speed,
        size_bytes: size,
    })
}

/// Splits `key=  value key2=value2` into pairs, tolerating the padding ffmpeg
/// puts after `=` to keep columns aligned.
fn pairs(record: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = record.trim_start();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].split_whitespace().last().unwrap_or("");
        let after = rest[eq + 1..].trim_start();
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        out.push((key, &after[..end]));
        rest = &after[end..];
    }
    out
}

/// `HH:MM:SS.xx` (possibly negative) to seconds; negatives clamp to 0.
fn parse_time(value: &str) -> Option<f64> {
    let (negative, body) = match value.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, value),
    };
    let mut total = 0.0;
    let mut parts = 0;
    for part in body.split(':') {
        let v: f64 = part.parse().ok()?;
        total = total * 60.0 + v;
        parts += 1;
    }
    if parts == 0 || parts > 3 || !total.is_finite() {
        return None;
    }
    Some(if negative { 0.0 } else { total })
}

/// `512kB` / `512KiB` / `N/A` to bytes. ffmpeg's "kB" is 1024 bytes.
fn parse_size(value: &str) -> Option<u64> {
    let split = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(value.len());
    let (num, unit) = value.split_at(split);
    let n: f64 = num.parse().ok()?;
    let mult = match unit {
        "" | "B" => 1.0,
        "kB" | "KiB" | "KB" => 1024.0,
        "MB" | "MiB" | "mB" => 1024.0 * 1024.0,
        "GB" | "GiB" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let bytes = n * mult;
    (bytes.is_finite() && bytes >= 0.0).then_some(bytes.round() as u64)
}

/// Fraction of the work done, clamped to `0..=1`; 0 when the duration is unknown.
pub fn progress_fraction(time_s: f64, duration_s: f64) -> f64 {
    if !(duration_s.is_finite() && duration_s > 0.0 && time_s.is_finite()) {
        return 0.0;
    }
    (time_s / duration_s).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typical_video_line() {
        let s = parse_progress(
            "frame=  120 fps= 12 q=28.0 size=     512kB time=00:00:04.00 bitrate=1048.6kbits/s speed=0.4x",
        )
        .unwrap();
        assert_eq!(s.frame, Some(120));
        assert_eq!(s.fps, Some(12.0));
        assert_eq!(s.size_bytes, Some(512 * 1024));
        assert!((s.time_s - 4.0).abs() < 1e-9);
        assert_eq!(s.speed, Some(0.4));
    }

    #[test]
    fn na_and_negative_and_lsize() {
        let s = parse_progress("frame=    0 fps=0.0 q=0.0 size=N/A time=N/A bitrate=N/A speed=N/A")
            .unwrap();
        assert_eq!(s.time_s, 0.0);
        assert_eq!(s.size_bytes, None);
        assert_eq!(s.speed, None);
        let s = parse_progress("size=       0kB time=-00:00:00.02 bitrate=  -0.0kbits/s speed=N/A")
            .unwrap();
        assert_eq!(s.time_s, 0.0);
        assert_eq!(s.frame, None);
        let s = parse_progress(
            "frame=  180 fps=0.0 q=-1.0 Lsize=     402kB time=00:00:06.01 bitrate= 547.6kbits/s speed=6.82x",
        )
        .unwrap();
        assert_eq!(s.size_bytes, Some(402 * 1024));
        assert!((s.time_s - 6.01).abs() < 1e-9);
        let s = parse_progress("size=  1.5MiB time=01:02:03.50 bitrate=N/A speed=12x").unwrap();
        assert_eq!(s.size_bytes, Some(1_572_864));
        assert!((s.time_s - 3723.5).abs() < 1e-9);
    }

    #[test]
    fn non_progress_lines() {
        for line in [
            "",
            "Stream mapping:",
            "  Duration: 00:00:05.28, start: 0.000000, bitrate: 1589 kb/s",
            "[libx264 @ 0x1] kb/s:441.21",
            "video:111kB audio:0kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: 1.003754%",
            "time=garbage size=",
            "=== = =",
        ] {
            assert_eq!(parse_progress(line), None, "{line:?}");
        }
    }

    #[test]
    fn carriage_returns_take_latest() {
        let s = parse_progress(
            "frame=1 size=0kB time=00:00:01.00\rframe=2 size=1kB time=00:00:02.00\r",
        )
        .unwrap();
        assert_eq!(s.frame, Some(2));
    }

    #[test]
    fn fraction() {
        assert_eq!(progress_fraction(5.0, 10.0), 0.5);
        assert_eq!(progress_fraction(-1.0, 10.0), 0.0);
        assert_eq!(progress_fraction(11.0, 10.0), 1.0);
        assert_eq!(progress_fraction(1.0, 0.0), 0.0);
        assert_eq!(progress_fraction(f64::NAN, 10.0), 0.0);
    }

    /// Found by `cargo fuzz` (target `ffmpeg_log`): FFmpeg reports a negative time before
    /// the first frame of streams that start below zero; it must not count as progress.
    #[test]
    fn negative_times_count_as_zero() {
        let s = parse_progress(
            "frame=   90 fps= 11 q=-0.0 size=       0kB time=-00:00:02.96 bitrate=N/A speed=N/A",
        )
        .unwrap();
        assert_eq!(s.time_s, 0.0);
        assert_eq!(s.frame, Some(90));
    }
}
