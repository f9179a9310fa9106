//! FFmpeg's log lines (progress, errors) are parsed while a job runs: any line must give
//! a sample or nothing, and a sample's numbers must be usable for progress and ETA.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tamp_core::human::{format_duration, format_speed};
use tamp_core::progress::{parse_progress, progress_fraction};

fuzz_target!(|text: &str| {
    for line in text.split(['\n', '\r']) {
        if let Some(sample) = parse_progress(line) {
            assert!(
                sample.time_s.is_finite() && sample.time_s >= 0.0,
                "{sample:?}"
            );
            let fraction = progress_fraction(sample.time_s, 10.0);
            assert!((0.0..=1.0).contains(&fraction), "{fraction}");
            let _ = format_duration(sample.time_s);
            if let Some(speed) = sample.speed {
                let _ = format_speed(speed);
            }
        }
    }
});
