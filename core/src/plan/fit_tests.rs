//! The size-fit loop against fake encoders that miss their bitrate in known ways.

use super::tests::{probe, req};
use super::*;

/// Runs the loop with `encode(plan) -> size`; returns (kept size, attempts, note).
fn run(plan: Plan, target: u64, encode: impl Fn(&Plan) -> u64) -> (u64, u32, Option<String>) {
    let mut fit = SizeFit::new(target);
    let mut plan = plan;
    let mut sizes = Vec::new();
    loop {
        let size = encode(&plan);
        sizes.push(size);
        assert!(sizes.len() as u32 <= MAX_ATTEMPTS, "{sizes:?}");
        match fit.judge(&plan, size) {
            Next::Keep { attempt, note } => {
                let kept = sizes[attempt as usize - 1];
                assert!(kept <= target, "kept {kept} over {target}");
                return (kept, sizes.len() as u32, note);
            }
            Next::Retry { plan: next, note } => {
                assert!(!note.is_empty());
                plan = *next;
            }
            Next::Fail(e) => panic!("{e}: {sizes:?}"),
        }
    }
}

/// Output of an encoder that spends `share(bps)` of each requested video bit.
fn encoder(share: impl Fn(f64) -> f64) -> impl Fn(&Plan) -> u64 {
    move |p: &Plan| {
        let v = p.video.as_ref().unwrap();
        let fixed = super::fit::fixed_bytes(p);
        let bps = v.bitrate_bps as f64;
        fixed + (bps * share(bps) * p.duration_s / 8.0) as u64
    }
}

fn hd_plan(target: u64) -> Plan {
    plan_for_target(
        &probe((1280, 720), Some(30.0), 0, 60.0, Some(2)),
        &req(target, VideoContainer::Mp4),
    )
    .unwrap()
}

#[test]
fn an_undershooting_encoder_is_raised_into_the_band() {
    let target = 10_000_000;
    for share in [0.22, 0.5, 0.85, 0.92] {
        let (size, attempts, note) = run(hd_plan(target), target, encoder(|_| share));
        assert!(
            size as f64 >= USE_AT_LEAST * target as f64,
            "{share}: {size}"
        );
        assert!(
            attempts <= 3 && note.is_none(),
            "{share}: {attempts} {note:?}"
        );
    }
}

#[test]
fn an_overshooting_encoder_is_lowered_and_never_kept_over() {
    let target = 10_000_000;
    for share in [1.04, 1.1, 1.3] {
        let (size, _, _) = run(hd_plan(target), target, encoder(|_| share));
        assert!(
            size <= target && size as f64 >= 0.9 * target as f64,
            "{share}: {size}"
        );
    }
}

#[test]
fn a_nonlinear_encoder_is_bracketed() {
    // Undershoots at low rates, overshoots at high ones (a one-pass encoder's typical miss).
    let target = 10_000_000;
    let (size, attempts, _) = run(
        hd_plan(target),
        target,
        encoder(|bps| (bps / 1.2e6).powf(0.7) * 0.6),
    );
    assert!(size <= target, "{size}");
    assert!(attempts <= MAX_ATTEMPTS);
}

#[test]
fn a_saturated_encoder_stops_and_says_why() {
    // Easy content: the encoder never spends more than 300 kbit/s whatever it is allowed.
    let target = 10_000_000;
    let (size, attempts, note) = run(
        hd_plan(target),
        target,
        encoder(|bps| (300_000.0 / bps).min(1.0)),
    );
    assert!(size < target / 2);
    assert_eq!(attempts, 2, "one raise shows that more bits change nothing");
    assert!(note.unwrap().contains("best quality"));
}

#[test]
fn the_ceiling_is_never_passed() {
    let target = 10_000_000;
    let mut plan = hd_plan(target);
    let ceiling = plan.video.as_ref().unwrap().bitrate_bps / 2;
    plan.video.as_mut().unwrap().ceiling_bps = Some(ceiling);
    let (_, attempts, note) = run(
        plan,
        target,
        encoder(|bps| {
            assert!(bps <= ceiling as f64 * 2.0 + 1.0);
            0.3
        }),
    );
    assert!(attempts <= 2);
    assert!(note.is_some());
}

#[test]
fn nothing_within_the_target_fails() {
    let target = 10_000_000;
    let mut fit = SizeFit::new(target);
    let mut plan = hd_plan(target);
    for _ in 0..MAX_ATTEMPTS {
        match fit.judge(&plan, target * 2) {
            Next::Retry { plan: next, .. } => plan = *next,
            Next::Fail(e) => return assert!(!e.to_string().is_empty()),
            Next::Keep { .. } => panic!("kept an output over the target"),
        }
    }
    panic!("did not give up");
}

#[test]
fn an_input_smaller_than_the_target_is_aimed_under() {
    // A format change: the plan is capped at the input's size, the encoder overshoots it.
    let target = 10_000_000;
    let mut plan = hd_plan(target);
    plan.size_cap = Some(plan.expected_bytes);
    let cap = plan.expected_bytes;
    let (size, attempts, _) = run(plan, target, encoder(|_| 1.06));
    assert!(size <= cap, "{size} over the input's {cap}");
    assert!(
        size as f64 >= 0.9 * cap as f64 && attempts == 2,
        "{size} {attempts}"
    );
}
