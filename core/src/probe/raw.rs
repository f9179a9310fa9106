//! Loosely typed mirror of ffprobe's JSON.
//!
//! ffprobe writes many numbers as strings (`"bit_rate": "128000"`) and others
//! as numbers (`"channels": 2`), and versions differ, so numeric fields are
//! kept as JSON values and converted leniently.

use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize, Default)]
pub(super) struct RawProbe {
    pub streams: Option<Vec<RawStream>>,
    pub format: Option<RawFormat>,
}

#[derive(Deserialize, Default)]
pub(super) struct RawFormat {
    pub format_name: Option<String>,
    pub duration: Option<Value>,
    pub bit_rate: Option<Value>,
    pub size: Option<Value>,
}

#[derive(Deserialize, Default)]
pub(super) struct RawStream {
    pub index: Option<Value>,
    pub codec_type: Option<String>,
    pub codec_name: Option<String>,
    pub width: Option<Value>,
    pub height: Option<Value>,
    pub avg_frame_rate: Option<String>,
    pub r_frame_rate: Option<String>,
    pub duration: Option<Value>,
    pub bit_rate: Option<Value>,
    pub nb_frames: Option<Value>,
    pub channels: Option<Value>,
    pub sample_rate: Option<Value>,
    pub disposition: Option<Map<String, Value>>,
    pub tags: Option<Map<String, Value>>,
    pub side_data_list: Option<Vec<Map<String, Value>>>,
    pub color_range: Option<String>,
    pub color_space: Option<String>,
    pub color_transfer: Option<String>,
    pub color_primaries: Option<String>,
    pub sample_aspect_ratio: Option<String>,
}

impl RawStream {
    pub fn is_type(&self, t: &str) -> bool {
        self.codec_type.as_deref() == Some(t)
    }

    pub fn codec(&self) -> String {
        self.codec_name.clone().unwrap_or_else(|| "unknown".into())
    }

    pub fn flag(&self, name: &str) -> bool {
        self.disposition
            .as_ref()
            .and_then(|d| as_u64(&d.get(name).cloned()))
            .is_some_and(|v| v != 0)
    }

    /// The sample (pixel) aspect ratio when it is known and not square (`"4:3"`).
    pub fn non_square_sar(&self) -> Option<(u32, u32)> {
        let (n, d) = self.sample_aspect_ratio.as_deref()?.split_once(':')?;
        let (n, d) = (n.trim().parse::<u32>().ok()?, d.trim().parse::<u32>().ok()?);
        (n > 0 && d > 0 && n != d).then_some((n, d))
    }

    pub fn is_attached_pic(&self) -> bool {
        self.flag("attached_pic")
    }

    /// A tag by case-insensitive name prefix; Matroska writes e.g. `BPS-eng` or `DURATION`.
    fn tag(&self, prefix: &str) -> Option<&Value> {
        self.tags.as_ref()?.iter().find_map(|(k, v)| {
            let k = k.to_ascii_uppercase();
            (k == prefix || k.starts_with(&format!("{prefix}-"))).then_some(v)
        })
    }

    pub fn bitrate(&self) -> Option<u64> {
        as_u64(&self.bit_rate)
            .or_else(|| as_u64(&self.tag("BPS").cloned()))
            .filter(|b| *b > 0)
    }

    pub fn duration(&self) -> Option<f64> {
        as_f64(&self.duration).or_else(|| match self.tag("DURATION")? {
            Value::String(s) => parse_clock(s),
            _ => None,
        })
    }

    /// Clockwise display rotation normalised to 0/90/180/270.
    pub fn rotation_clockwise(&self) -> i32 {
        let from_matrix = self.side_data_list.iter().flatten().find_map(|sd| {
            let is_matrix =
                sd.get("side_data_type").and_then(Value::as_str) == Some("Display Matrix");
            // The display matrix angle is counter-clockwise.
            is_matrix
                .then(|| as_f64(&sd.get("rotation").cloned()))
                .flatten()
                .map(|r| -r)
        });
        let degrees = from_matrix.or_else(|| as_f64(&self.tag("ROTATE").cloned()));
        degrees.map_or(0, normalise_rotation)
    }
}

/// Rounds to the nearest quarter turn and maps into 0..360.
pub(super) fn normalise_rotation(deg: f64) -> i32 {
    if !deg.is_finite() {
        return 0;
    }
    let quarters = (deg / 90.0).round().rem_euclid(4.0);
    quarters as i32 * 90
}

/// A number or numeric string; negative, fractional or huge values for
/// counts are rejected rather than wrapped.
pub(super) fn as_u64(v: &Option<Value>) -> Option<u64> {
    match v.as_ref()? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A finite number or numeric string (`"N/A"` → `None`).
pub(super) fn as_f64(v: &Option<Value>) -> Option<f64> {
    let f = match v.as_ref()? {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    f.is_finite().then_some(f)
}

/// `"30000/1001"` or `"25"` → fps; `"0/0"` and implausible rates → `None`.
///
/// Rates above 1000 fps are time-base artefacts (e.g. cover art reports
/// `90000/1`), not real frame rates.
pub(super) fn parse_rate(s: Option<&str>) -> Option<f64> {
    let s = s?.trim();
    let fps = match s.split_once('/') {
        Some((n, d)) => {
            let (n, d): (f64, f64) = (n.parse().ok()?, d.parse().ok()?);
            if d == 0.0 {
                return None;
            }
            n / d
        }
        None => s.parse().ok()?,
    };
    (fps.is_finite() && fps > 0.0 && fps <= 1000.0).then_some(fps)
}

/// `HH:MM:SS.fraction` (Matroska DURATION tag) → seconds.
fn parse_clock(s: &str) -> Option<f64> {
    let mut total = 0.0;
    for part in s.trim().split(':') {
        total = total * 60.0 + part.parse::<f64>().ok()?;
    }
    (total.is_finite() && total > 0.0).then_some(total)
}
