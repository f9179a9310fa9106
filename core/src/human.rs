//! Human-readable formatting of sizes, durations, speeds and savings.

/// Formats a byte count with decimal (SI) units and one decimal place.
///
/// Decimal because targets such as "25 MB" on chat apps are decimal, and the
/// numbers shown must match the limits users type in.
pub fn format_bytes(bytes: u64) -> String {
    match bytes_in_unit(bytes) {
        (value, "B") => format!("{value} B"),
        (value, unit) => format!("{value:.1} {unit}"),
    }
}

/// A byte count as a value and its decimal unit ("B", "KB", "MB", "GB", "TB", "PB"), the
/// value to be shown with one decimal place (whole bytes below 1 KB). The app writes the
/// value with the user's decimal separator and the unit in their language.
pub fn bytes_in_unit(bytes: u64) -> (f64, &'static str) {
    const UNITS: [&str; 5] = ["KB", "MB", "GB", "TB", "PB"];
    if bytes < 1000 {
        return (bytes as f64, "B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    // Move up a unit when rounding to one decimal would print "1000.0".
    while value >= 999.95 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    (value, UNITS[unit])
}

/// Whole hours, minutes and seconds of `secs` (rounded down; negative or non-finite is 0).
pub fn clock_parts(secs: f64) -> (u64, u64, u64) {
    let total = if secs.is_finite() && secs > 0.0 {
        secs.floor() as u64
    } else {
        0
    };
    (total / 3600, (total / 60) % 60, total % 60)
}

/// Formats seconds as `m:ss` or `h:mm:ss` (rounded down to whole seconds).
///
/// Negative or non-finite input is shown as "0:00" rather than panicking.
pub fn format_duration(secs: f64) -> String {
    let (h, m, s) = clock_parts(secs);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Formats an ffmpeg speed factor, e.g. `2.3× real time`.
pub fn format_speed(x: f64) -> String {
    let x = if x.is_finite() && x > 0.0 { x } else { 0.0 };
    if x >= 10.0 {
        format!("{x:.0}× real time")
    } else {
        format!("{x:.1}× real time")
    }
}

/// Describes the size change from `input` to `output` bytes: "63% smaller",
/// "12% larger" or "same size".
///
/// Words instead of a signed number, because "−63%" is easy to misread as a
/// loss. A change that rounds to 0% is "same size"; an empty input (no
/// meaningful ratio) is also "same size" or "larger".
pub fn percent_saved(input: u64, output: u64) -> String {
    match size_change(input, output) {
        SizeChange::Smaller(p) => format!("{p}% smaller"),
        SizeChange::Larger(p) => format!("{p}% larger"),
        SizeChange::LargerThanEmpty => "larger".to_string(),
        SizeChange::Same => "same size".to_string(),
    }
}

/// How an output's size compares with its input's, in whole percent of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeChange {
    /// At least 1 % smaller.
    Smaller(u32),
    /// At least 1 % larger.
    Larger(u32),
    /// Within half a percent either way (or both empty).
    Same,
    /// Any output from an empty input: no meaningful ratio.
    LargerThanEmpty,
}

/// See [`percent_saved`], which words it in English.
pub fn size_change(input: u64, output: u64) -> SizeChange {
    if input == 0 {
        return if output == 0 {
            SizeChange::Same
        } else {
            SizeChange::LargerThanEmpty
        };
    }
    let ratio = output as f64 / input as f64;
    let pct = ((1.0 - ratio) * 100.0).round();
    if pct >= 1.0 {
        SizeChange::Smaller(pct as u32)
    } else if pct <= -1.0 {
        SizeChange::Larger((-pct).min(f64::from(u32::MAX)) as u32)
    } else {
        SizeChange::Same
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(999), "999 B");
        assert_eq!(format_bytes(1000), "1.0 KB");
        assert_eq!(format_bytes(1500), "1.5 KB");
        assert_eq!(format_bytes(12_300_000), "12.3 MB");
        assert_eq!(format_bytes(1_200_000_000), "1.2 GB");
        assert_eq!(format_bytes(999_960), "1.0 MB");
        assert_eq!(format_bytes(u64::MAX), "18446.7 PB");
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(5.0), "0:05");
        assert_eq!(format_duration(65.9), "1:05");
        assert_eq!(format_duration(3723.0), "1:02:03");
        assert_eq!(format_duration(-3.0), "0:00");
        assert_eq!(format_duration(f64::NAN), "0:00");
    }

    #[test]
    fn speeds() {
        assert_eq!(format_speed(2.31), "2.3× real time");
        assert_eq!(format_speed(0.4), "0.4× real time");
        assert_eq!(format_speed(34.8), "35× real time");
        assert_eq!(format_speed(f64::INFINITY), "0.0× real time");
    }

    #[test]
    fn savings() {
        assert_eq!(percent_saved(100, 37), "63% smaller");
        assert_eq!(percent_saved(100, 112), "12% larger");
        assert_eq!(percent_saved(1000, 999), "same size");
        assert_eq!(percent_saved(0, 0), "same size");
        assert_eq!(percent_saved(0, 5), "larger");
        assert_eq!(percent_saved(10, 0), "100% smaller");
    }
}
