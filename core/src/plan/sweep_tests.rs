//! Exhaustive-ish sweep: the planner must never panic or break an invariant.

use super::tests::{check_invariants, probe, req};
use super::*;

const DURATIONS: [f64; 10] = [
    0.5, 1.0, 3.0, 10.0, 30.0, 60.0, 300.0, 1200.0, 3600.0, 10_800.0,
];
const TARGETS_MB: [f64; 10] = [1.0, 2.0, 5.0, 8.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0];
const SIZES: [(u32, u32, i32); 9] = [
    (3840, 2160, 0),
    (1920, 1080, 0),
    (1280, 720, 90),
    (720, 1280, 0),
    (1080, 1920, 270),
    (640, 480, 0),
    (176, 144, 0),
    (4000, 240, 0),
    (1279, 719, 180),
];

#[test]
fn sweep_never_violates_invariants() {
    let mut ok = 0;
    let mut too_small = 0;
    for &d in &DURATIONS {
        for &mb in &TARGETS_MB {
            for &(w, h, rot) in &SIZES {
                for fps in [Some(23.976), Some(30.0), Some(60.0), None] {
                    for audio in [None, Some(2), Some(6)] {
                        for container in [VideoContainer::Mp4, VideoContainer::WebM] {
                            let p = probe((w, h), fps, rot, d, audio);
                            let r = req((mb * 1_000_000.0) as u64, container);
                            match plan_for_target(&p, &r) {
                                Ok(plan) => {
                                    ok += 1;
                                    check_invariants(&p, &r, &plan);
                                    // No source bitrate caps here, so the budget is spent.
                                    assert!(
                                        plan.expected_bytes as f64 >= 0.9 * r.target_bytes as f64,
                                        "under-used: {p:?} {r:?} {plan:?}"
                                    );
                                    check_replan(&plan, r.target_bytes);
                                }
                                Err(PlanError::TargetTooSmall { smallest_bytes }) => {
                                    too_small += 1;
                                    assert!(smallest_bytes > r.target_bytes);
                                    let r2 = TargetRequest {
                                        target_bytes: smallest_bytes,
                                        ..r.clone()
                                    };
                                    let plan = plan_for_target(&p, &r2).unwrap_or_else(|e| {
                                        panic!("smallest {smallest_bytes} failed: {e:?} {p:?}")
                                    });
                                    check_invariants(&p, &r2, &plan);
                                }
                                Err(e) => panic!("unexpected {e:?} for {p:?} {r:?}"),
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        ok > 10_000 && too_small > 100,
        "ok {ok}, too small {too_small}"
    );
}

fn check_replan(plan: &Plan, target: u64) {
    for over in [1.01, 1.05, 1.3] {
        let actual = (target as f64 * over) as u64;
        match replan_after_overshoot(plan, target, actual) {
            Ok(p2) => {
                assert!(p2.expected_bytes <= target, "{plan:?} -> {p2:?}");
                match (&plan.video, &p2.video) {
                    (Some(a), Some(b)) => assert!(
                        b.bitrate_bps < a.bitrate_bps && b.width % 2 == 0 && b.height % 2 == 0
                    ),
                    (None, None) => {
                        assert!(
                            p2.audio.as_ref().unwrap().bitrate_bps
                                < plan.audio.as_ref().unwrap().bitrate_bps
                        )
                    }
                    _ => panic!("stream set changed"),
                }
            }
            Err(PlanError::TargetTooSmall { smallest_bytes }) => assert!(smallest_bytes > target),
            Err(e) => panic!("{e:?}"),
        }
    }
}

#[test]
fn sweep_extreme_inputs_do_not_panic() {
    for (w, h) in [
        (2, 2),
        (1, 1),
        (3, 5),
        (16_384, 16_384),
        (u32::MAX, 2),
        (0, 100),
    ] {
        for d in [1e-6, 0.04, 1e7] {
            for t in [0, 1, 1_000, 1_000_000_000_000, u64::MAX] {
                for max_height in [None, Some(0), Some(1), Some(100_000)] {
                    let p = probe((w, h), Some(1e9), 0, d, Some(99));
                    let r = TargetRequest {
                        max_height,
                        fps_cap: Some(f64::NAN),
                        ..req(t, VideoContainer::WebM)
                    };
                    if let Ok(plan) = plan_for_target(&p, &r) {
                        assert!(plan.expected_bytes <= t);
                        let _ = replan_after_overshoot(&plan, t, t.saturating_add(t / 10 + 1));
                    }
                }
            }
        }
    }
}
