//! The search driven by fake encoders: sizes from a model of how bytes grow with quality and
//! area, so every case is exact and fast.

use super::*;

/// A photo-like model: bytes grow faster than linearly with quality, and with the area.
fn photo(full_bytes: f64) -> impl Fn(Probe) -> u64 {
    move |p: Probe| {
        let q = f64::from(p.quality) / 100.0;
        (full_bytes * (0.05 + q.powi(3)) * p.scale * p.scale) as u64
    }
}

/// Runs the search to its end with `encoder`; returns the outcome, the tries, and the size
/// the caller would have kept (the last try for which `record` said "best").
fn run(
    mut search: SizeSearch,
    encoder: impl Fn(Probe) -> u64,
) -> (Outcome, Vec<(Probe, u64)>, Option<u64>) {
    let mut tries = Vec::new();
    let mut kept = None;
    while let Some(p) = search.next_probe() {
        let size = encoder(p);
        tries.push((p, size));
        if search.record(size) {
            kept = Some(size);
        }
        assert!(tries.len() < 40, "the search does not end: {tries:?}");
    }
    (search.outcome(), tries, kept)
}

#[test]
fn a_generous_target_takes_one_try_at_the_top_quality() {
    let (outcome, tries, kept) = run(SizeSearch::new(10_000_000, 95, 0.01), photo(1e6));
    assert_eq!(tries.len(), 1);
    assert_eq!(outcome, Outcome::Fits(full(95), tries[0].1));
    assert_eq!(kept, Some(tries[0].1));
}

#[test]
fn bisection_finds_the_highest_quality_that_fits() {
    let model = photo(1e6);
    for target in [60_000, 100_000, 250_000, 400_000, 700_000] {
        let (outcome, tries, kept) = run(SizeSearch::new(target, 95, 0.01), &model);
        let best_q = (MIN_QUALITY..=95)
            .rev()
            .find(|&q| model(full(q)) <= target)
            .unwrap();
        assert_eq!(outcome, Outcome::Fits(full(best_q), model(full(best_q))));
        assert_eq!(kept, Some(model(full(best_q))));
        assert!(tries.len() <= 9, "{target}: {} tries", tries.len());
    }
}

#[test]
fn a_jump_between_two_qualities_is_filled_by_scaling_the_next_one() {
    // Like MozJPEG at 800 × 600: 25.1 KB at quality 79, 33.8 KB at 80.
    let model = photo(1e6);
    let jumpy = |p: Probe| {
        let bytes = model(p) as f64;
        (if p.quality >= 80 { bytes * 1.35 } else { bytes }) as u64
    };
    let target = (model(full(79)) as f64 * 1.2) as u64;
    let (outcome, tries, _) = run(SizeSearch::new(target, 95, 0.01), jumpy);
    let Outcome::Fits(p, size) = outcome else {
        panic!("{outcome:?}")
    };
    assert!(
        size <= target && size as f64 >= FILL * target as f64,
        "{tries:?}"
    );
    assert_eq!(p.quality, 80);
    assert!(p.scale < 1.0);
}

#[test]
fn when_quality_cannot_fit_it_scales_down_and_uses_ninety_percent() {
    let model = photo(1e6);
    let lowest = model(full(MIN_QUALITY));
    for target in [lowest / 2, lowest / 5, lowest / 20, lowest * 9 / 10] {
        let (outcome, tries, kept) = run(SizeSearch::new(target, 95, 0.01), &model);
        let Outcome::Fits(p, size) = outcome else {
            panic!("{target}: {outcome:?}")
        };
        assert!(size <= target, "{target}: {size}");
        assert!(
            size as f64 >= FILL * target as f64,
            "{target}: {size} uses {:.0} %: {tries:?}",
            100.0 * size as f64 / target as f64
        );
        assert!(p.scale < 1.0 && p.quality == SCALED_QUALITY);
        assert_eq!(kept, Some(size));
        assert!(tries.len() <= 2 + MAX_SCALE_TRIES as usize);
    }
}

#[test]
fn a_target_below_the_smallest_picture_is_unreachable() {
    let model = photo(1e6);
    let min_scale = 0.05;
    let smallest_possible = model(Probe {
        quality: SCALED_QUALITY,
        scale: min_scale,
    });
    let (outcome, _, kept) = run(
        SizeSearch::new(smallest_possible / 2, 95, min_scale),
        &model,
    );
    assert_eq!(
        outcome,
        Outcome::Unreachable(
            Probe {
                quality: SCALED_QUALITY,
                scale: min_scale
            },
            smallest_possible
        )
    );
    assert_eq!(kept, None);
}

#[test]
fn never_over_the_target_even_when_sizes_are_not_monotonic() {
    // Real encoders are not perfectly monotonic in quality or scale: add a deterministic
    // wobble of ±4 %.
    let model = photo(2e6);
    let noisy = |p: Probe| {
        let wobble = ((u64::from(p.quality) * 7919 + (p.scale * 1e4) as u64 * 104_729) % 9) as f64;
        (model(p) as f64 * (0.96 + wobble * 0.01)) as u64
    };
    for target in (1..200).map(|i| i * 3_000) {
        let (outcome, tries, kept) = run(SizeSearch::new(target, 95, 0.02), noisy);
        match outcome {
            Outcome::Fits(_, size) => {
                assert!(size <= target);
                assert_eq!(kept, Some(size));
                // The best is the biggest fitting try.
                let biggest = tries.iter().map(|t| t.1).filter(|&s| s <= target).max();
                assert_eq!(biggest, Some(size));
            }
            Outcome::Unreachable(_, smallest) => {
                assert!(smallest > target);
                assert_eq!(kept, None);
            }
        }
    }
}

#[test]
fn the_top_quality_is_never_below_the_lowest() {
    let mut search = SizeSearch::new(1000, 3, 0.5);
    assert_eq!(search.next_probe(), Some(full(MIN_QUALITY)));
    assert!(search.record(10));
    assert_eq!(search.next_probe(), None);
}
