//! The target-size planner takes numbers that come from files (duration, size, frame rate,
//! rotation, bitrates) and from the user (target, max height, frame-rate cap). For any of
//! them it must return a plan or a plain refusal, never panic, and a plan must keep the
//! promises the app makes: never over the target, never upscaled, even dimensions; its
//! correction after an overshoot and the FFmpeg and WebCodecs jobs built from it too.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use tamp_core::args::{target_args, EncodeIo, Pass};
use tamp_core::plan::{
    plan_for_target, replan_after_overshoot, Next, Plan, SizeFit, TargetRequest, VideoContainer,
};
use tamp_core::probe::{AudioInfo, Probe, VideoInfo};
use tamp_core::webcodecs::job_for_plan;

/// A video stream: width, height, fps, quarter turns, bitrate, still image.
type RawVideo = (u16, u16, Option<f64>, u8, Option<u64>, bool);

#[derive(Debug, Arbitrary)]
struct Input {
    duration_s: Option<f64>,
    size_bytes: Option<u64>,
    bitrate_bps: Option<u64>,
    video: Option<RawVideo>,
    audio: Option<(u8, u32, Option<u64>)>,
    target_bytes: u64,
    webm: bool,
    max_height: Option<u16>,
    fps_cap: Option<f64>,
    keep_audio: bool,
    overshoot_per_mille: u16,
}

fn check(plan: &Plan, target: u64, source: Option<(u32, u32)>) {
    assert!(plan.expected_bytes <= target, "{plan:?}");
    if let Some(v) = &plan.video {
        assert!(v.bitrate_bps > 0, "{plan:?}");
        assert!(v.width % 2 == 0 && v.height % 2 == 0, "{plan:?}");
        assert!(v.width > 0 && v.height > 0, "{plan:?}");
        if let Some((w, h)) = source {
            // Never upscaled (evening may round a side up by one pixel at most).
            assert!(
                v.width <= w + 1 && v.height <= h + 1,
                "{plan:?} from {w}x{h}"
            );
        }
        if let Some(fps) = v.fps {
            assert!(fps.is_finite() && fps > 0.0, "{plan:?}");
        }
    }
}

fuzz_target!(|input: Input| {
    let video = input.video.map(|(w, h, fps, rot, bps, still)| VideoInfo {
        codec: "h264".into(),
        width: u32::from(w),
        height: u32::from(h),
        fps,
        rotation: i32::from(rot % 4) * 90,
        bitrate_bps: bps,
        frames: None,
        is_still_image: still,
        colour: Default::default(),
        sar: None,
    });
    let source = video.as_ref().map(VideoInfo::display_size);
    let probe = Probe {
        container: "mov,mp4,m4a,3gp,3g2,mj2".into(),
        duration_s: input.duration_s,
        bitrate_bps: input.bitrate_bps,
        size_bytes: input.size_bytes,
        video,
        audio: input
            .audio
            .map(|(channels, sample_rate, bitrate_bps)| AudioInfo {
                codec: "aac".into(),
                channels: u32::from(channels),
                sample_rate,
                bitrate_bps,
            }),
        cover: None,
    };
    let req = TargetRequest {
        target_bytes: input.target_bytes,
        container: if input.webm {
            VideoContainer::WebM
        } else {
            VideoContainer::Mp4
        },
        max_height: input.max_height.map(u32::from),
        fps_cap: input.fps_cap,
        keep_audio: input.keep_audio,
    };
    let Ok(plan) = plan_for_target(&probe, &req) else {
        return;
    };
    check(&plan, req.target_bytes, source);
    let io = EncodeIo {
        input: "in.mp4",
        output: "out.mp4",
        passlog: "pass",
        threads: Some(2),
        trim: None,
    };
    for pass in [Pass::Single, Pass::First, Pass::Second] {
        assert!(!target_args(&plan, &io, pass).is_empty());
    }
    let _ = job_for_plan(&plan);

    // The encoder came out 0–65.5 % over: the corrected plan aims lower, or refuses.
    let actual = req.target_bytes.saturating_add(
        (req.target_bytes / 1000).saturating_mul(u64::from(input.overshoot_per_mille)),
    );
    if let Ok(again) = replan_after_overshoot(&plan, req.target_bytes, actual) {
        check(&again, req.target_bytes, source);
    }
    // The size-fit loop, told the same overshoot or the mirror undershoot, never keeps an
    // output over the target and never plans one larger than it.
    let under = req
        .target_bytes
        .saturating_sub(actual.saturating_sub(req.target_bytes));
    for size in [actual, under] {
        let mut fit = SizeFit::new(req.target_bytes);
        match fit.judge(&plan, size) {
            Next::Keep { .. } => assert!(size <= req.target_bytes),
            Next::Retry { plan: next, .. } => check(&next, req.target_bytes, source),
            Next::Fail(_) => {}
        }
    }
});
