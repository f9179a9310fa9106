//! Trimming by start and end time: the user's text ("1:05", "65", "1:02:03.5") parsed into
//! milliseconds, checked against the file's duration once it is probed, and turned into
//! FFmpeg input options.
//!
//! FFmpeg gets `-ss` and `-t` *before* `-i` (input options): it seeks to the keyframe before
//! the start, decodes from there and drops what comes before the start, so a re-encode
//! cuts exactly at the requested time and the output's timestamps start at zero. (With
//! `-c copy` the same options could only cut at keyframes, which is why a trimmed job is
//! never a stream copy; see `convert.rs`.)

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::probe::Probe;

/// Why trim text cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TrimError {
    /// The text is not a time.
    #[error("The trim {which} \"{text}\" is not a time; write it like 1:05, 65 or 1:02:03.5.")]
    NotATime { which: &'static str, text: String },
    /// The end is at or before the start.
    #[error("The trim end must be after the trim start.")]
    EndNotAfterStart,
    /// The start is at or past the end of the file.
    #[error("The trim start ({start}) is at or past the end of this file ({duration}).")]
    StartPastEnd { start: String, duration: String },
}

/// The part of a file the user wants, as typed (no file known yet). `None` means the
/// file's own start or end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trim {
    /// Where the output starts, in milliseconds into the input.
    pub start_ms: Option<u64>,
    /// Where the output ends, in milliseconds into the input.
    pub end_ms: Option<u64>,
}

/// The part of one probed file to convert: `start_ms` up to `end_ms` (`None`: to the end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrimWindow {
    /// Where the output starts, in milliseconds into the input (0: its start).
    pub start_ms: u64,
    /// Where it ends, in milliseconds into the input; `None` runs to the input's end.
    pub end_ms: Option<u64>,
}

/// Parses a position in a file: seconds ("65", "65.5"), minutes and seconds
/// ("1:05"), or hours, minutes and seconds ("1:02:03.5"). A comma works as the decimal
/// point. Empty text is `None` (untouched).
pub fn parse_time(text: &str, which: &'static str) -> Result<Option<u64>, TrimError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || TrimError::NotATime {
        which,
        text: text.chars().take(40).collect(),
    };
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() > 3 {
        return Err(bad());
    }
    let (whole, last) = parts.split_at(parts.len() - 1);
    // Seconds may carry a fraction; minutes and hours are whole numbers.
    let seconds = last[0].replace(',', ".");
    if seconds.is_empty()
        || !seconds.chars().all(|c| c.is_ascii_digit() || c == '.')
        || seconds.matches('.').count() > 1
        || seconds == "."
    {
        return Err(bad());
    }
    let seconds: f64 = seconds.parse().map_err(|_| bad())?;
    let mut ms = (seconds * 1000.0).round();
    let mut unit = 60_000.0;
    for (i, part) in whole.iter().rev().enumerate() {
        if part.is_empty() || part.len() > 6 || !part.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let n: f64 = part.parse().map_err(|_| bad())?;
        // In "m:ss" and "h:mm:ss" the smaller units stay below 60; the leading one need not.
        if i + 1 < whole.len() && n >= 60.0 {
            return Err(bad());
        }
        ms += n * unit;
        unit *= 60.0;
    }
    if !whole.is_empty() && seconds >= 60.0 {
        return Err(bad());
    }
    // A week is far beyond any file this app can hold; it keeps the arithmetic small.
    if !ms.is_finite() || ms > 7.0 * 24.0 * 3_600_000.0 {
        return Err(bad());
    }
    Ok(Some(ms as u64))
}

/// Parses the **Trim start** and **Trim end** texts.
pub fn parse_trim(start: &str, end: &str) -> Result<Trim, TrimError> {
    let trim = Trim {
        start_ms: parse_time(start, "start")?,
        end_ms: parse_time(end, "end")?,
    };
    if let (Some(s), Some(e)) = (trim.start_ms, trim.end_ms) {
        if e <= s {
            return Err(TrimError::EndNotAfterStart);
        }
    }
    Ok(trim)
}

/// `ms` as the user would write it: "0:05", "1:02:03.5".
pub fn format_ms(ms: u64) -> String {
    let tenths = (ms + 50) / 100;
    let (h, rest) = (tenths / 36_000, tenths % 36_000);
    let (m, rest) = (rest / 600, rest % 600);
    let (s, t) = (rest / 10, rest % 10);
    let frac = if t == 0 {
        String::new()
    } else {
        format!(".{t}")
    };
    if h > 0 {
        format!("{h}:{m:02}:{s:02}{frac}")
    } else {
        format!("{m}:{s:02}{frac}")
    }
}

/// Seconds for FFmpeg, exact to the millisecond.
fn seconds(ms: u64) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

impl Trim {
    /// True when nothing is cut.
    pub fn is_empty(&self) -> bool {
        self.start_ms.is_none_or(|s| s == 0) && self.end_ms.is_none()
    }

    /// The window of a file lasting `duration_s` (when known), or `None` when the trim
    /// keeps the whole file. An end past the file's end means the end of the file.
    pub fn window(&self, duration_s: Option<f64>) -> Result<Option<TrimWindow>, TrimError> {
        if self.is_empty() {
            return Ok(None);
        }
        let start_ms = self.start_ms.unwrap_or(0);
        let duration_ms = duration_s
            .filter(|d| d.is_finite() && *d > 0.0)
            .map(|d| (d * 1000.0).round() as u64);
        if let Some(d) = duration_ms {
            if start_ms >= d {
                return Err(TrimError::StartPastEnd {
                    start: format_ms(start_ms),
                    duration: format_ms(d),
                });
            }
        }
        let end_ms = self.end_ms.filter(|e| duration_ms.is_none_or(|d| *e < d));
        if start_ms == 0 && end_ms.is_none() {
            return Ok(None);
        }
        Ok(Some(TrimWindow { start_ms, end_ms }))
    }
}

impl TrimWindow {
    /// FFmpeg input options selecting the window; they go right before `-i`.
    pub fn input_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if self.start_ms > 0 {
            args.extend(["-ss".to_string(), seconds(self.start_ms)]);
        }
        if let Some(end) = self.end_ms {
            args.extend(["-t".to_string(), seconds(end - self.start_ms)]);
        }
        args
    }

    /// How long the output lasts, given the input's duration (when known).
    pub fn duration_s(&self, input_duration_s: Option<f64>) -> Option<f64> {
        let end_s = match self.end_ms {
            Some(e) => Some(e as f64 / 1000.0),
            None => input_duration_s,
        }?;
        Some((end_s - self.start_ms as f64 / 1000.0).max(0.0))
    }

    /// The probe as the encoder will see the trimmed input: the window's duration, and no
    /// file size (the original's says nothing about the part kept). Planning from this
    /// keeps a size target honest for the part actually encoded.
    pub fn apply_to(&self, probe: &Probe) -> Probe {
        let mut p = probe.clone();
        p.duration_s = self.duration_s(probe.duration_s);
        p.size_bytes = None;
        p
    }

    /// Mediabunny's `trim` option: `(start, end)` in seconds into the input.
    pub fn seconds(&self) -> (f64, Option<f64>) {
        (
            self.start_ms as f64 / 1000.0,
            self.end_ms.map(|e| e as f64 / 1000.0),
        )
    }

    /// Words for the job's details.
    pub fn note(&self) -> String {
        let end = self.end_ms.map_or_else(|| "the end".to_string(), format_ms);
        format!(
            "Trimmed to {} – {end}, cut exactly (re-encoded, not a stream copy).",
            format_ms(self.start_ms)
        )
    }
}
