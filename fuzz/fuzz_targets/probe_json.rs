//! ffprobe's JSON comes from a file the user chose, through a WebAssembly ffprobe: any
//! text must parse to a probe or an error, never a panic, and whatever parses must plan
//! (or be refused) without a panic and without a plan that exceeds its target.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tamp_core::plan::{plan_for_target, TargetRequest, VideoContainer};
use tamp_core::probe::{explain_ffprobe_failure, parse_ffprobe_json};

fuzz_target!(|text: &str| {
    let _ = explain_ffprobe_failure(text);
    let Ok(probe) = parse_ffprobe_json(text) else {
        return;
    };
    for (target_bytes, container) in [
        (10_000_000, VideoContainer::Mp4),
        (200_000, VideoContainer::WebM),
    ] {
        let req = TargetRequest {
            target_bytes,
            container,
            max_height: None,
            fps_cap: None,
            keep_audio: true,
        };
        if let Ok(plan) = plan_for_target(&probe, &req) {
            assert!(plan.expected_bytes <= target_bytes, "{plan:?}");
        }
    }
});
