use super::*;

fn item(state: ItemState, work: f64) -> BatchItem {
    BatchItem { state, work }
}

#[test]
fn an_empty_batch_has_no_summary() {
    assert_eq!(summarize(&[], 10.0), None);
}

#[test]
fn progress_is_weighted_by_expected_work() {
    // A long video half done and three quick photos finished: not 87 %, but about half.
    let items = [
        item(ItemState::Running { fraction: 0.5 }, 60.0),
        item(ItemState::Done, 1.0),
        item(ItemState::Done, 1.0),
        item(ItemState::Done, 1.0),
    ];
    let s = summarize(&items, 33.0).unwrap();
    assert_eq!((s.ended, s.total), (3, 4));
    assert!((s.fraction - 33.0 / 63.0).abs() < 1e-9, "{}", s.fraction);
    // 33 s for 52 %: about 30 s more.
    let eta = s.eta_s.unwrap();
    assert!((eta - 30.0).abs() < 1e-6, "{eta}");
    assert_eq!(s.describe(), "Batch: 3 of 4 done · 52% · about 0:30 left");
}

#[test]
fn failed_and_cancelled_jobs_end_their_share() {
    let items = [item(ItemState::Stopped, 5.0), item(ItemState::Waiting, 5.0)];
    let s = summarize(&items, 4.0).unwrap();
    assert_eq!(s.percent(), 50);
    assert_eq!(
        s.describe(),
        "Batch: 1 of 2 done (1 failed or cancelled) · 50% · about 0:04 left"
    );
}

#[test]
fn time_left_is_estimated_from_the_expected_work_before_the_batch_has_a_pace() {
    // Nothing done yet: the work left, shared by the jobs running side by side.
    let queued = [
        item(ItemState::Waiting, 10.0),
        item(ItemState::Waiting, 20.0),
    ];
    let s = summarize(&queued, 0.0).unwrap();
    assert_eq!(s.eta_s, Some(30.0));
    assert_eq!(s.describe(), "Batch: 0 of 2 done · 0% · about 0:30 left");
    let two_running = [
        item(ItemState::Running { fraction: 0.0 }, 10.0),
        item(ItemState::Running { fraction: 0.0 }, 10.0),
    ];
    assert_eq!(summarize(&two_running, 0.2).unwrap().eta_s, Some(10.0));
    // Under 2 % done, or in the first second, the pace is not believed yet.
    let started = [item(ItemState::Running { fraction: 0.01 }, 10.0)];
    assert!((summarize(&started, 5.0).unwrap().eta_s.unwrap() - 9.9).abs() < 1e-9);
    let first_second = [item(ItemState::Running { fraction: 0.5 }, 10.0)];
    assert!((summarize(&first_second, 0.5).unwrap().eta_s.unwrap() - 5.0).abs() < 1e-9);
}

#[test]
fn the_pace_takes_over_gradually_and_no_time_is_left_at_the_end() {
    // 10 % done in 1 s: the pace says 9 s, the model 90 s; halfway to trusting the pace.
    let early = [item(ItemState::Running { fraction: 0.1 }, 100.0)];
    let eta = summarize(&early, 1.0).unwrap().eta_s.unwrap();
    assert!((eta - (0.5 * 9.0 + 0.5 * 90.0)).abs() < 1e-9, "{eta}");
    // From 20 % on, the pace alone.
    let later = [item(ItemState::Running { fraction: 0.25 }, 100.0)];
    assert!((summarize(&later, 5.0).unwrap().eta_s.unwrap() - 15.0).abs() < 1e-9);
    let finished = [item(ItemState::Done, 10.0), item(ItemState::Stopped, 1.0)];
    let s = summarize(&finished, 20.0).unwrap();
    assert_eq!((s.percent(), s.eta_s), (100, None));
}

#[test]
fn never_shows_100_percent_while_work_remains() {
    let items = [item(ItemState::Done, 1000.0), item(ItemState::Waiting, 0.5)];
    assert_eq!(summarize(&items, 100.0).unwrap().percent(), 99);
}

#[test]
fn bad_numbers_do_not_poison_the_sum() {
    let items = [
        item(ItemState::Running { fraction: f64::NAN }, f64::NAN),
        item(ItemState::Done, -3.0),
    ];
    let s = summarize(&items, 2.0).unwrap();
    assert!((s.fraction - 0.5).abs() < 1e-9);
}

#[test]
fn work_of_a_probed_video_is_duration_times_pixels() {
    let hd = expected_work(
        MediaKind::Video,
        1,
        Some(60.0),
        Some(1920 * 1080),
        Some(30.0),
    );
    let sd = expected_work(MediaKind::Video, 1, Some(60.0), Some(640 * 360), Some(30.0));
    assert!((hd / sd - 9.0).abs() < 1e-9);
    let short = expected_work(MediaKind::Video, 1, Some(30.0), Some(1920 * 1080), None);
    assert!((hd / short - 2.0).abs() < 1e-9);
    // A minute of 1080p30: about two minutes of work, about what its 120 MB suggests unprobed.
    assert!((100.0..140.0).contains(&hd), "{hd}");
    let unprobed = expected_work(MediaKind::Video, 120_000_000, None, None, None);
    assert!((unprobed - 120.0).abs() < 1e-9);
}

#[test]
fn other_work_goes_by_size_with_a_floor() {
    let photo = expected_work(MediaKind::Image, 3_000_000, None, None, None);
    let song = expected_work(MediaKind::Audio, 6_000_000, Some(240.0), None, None);
    assert_eq!((photo, song), (3.0, 3.0));
    assert_eq!(expected_work(MediaKind::Image, 10, None, None, None), 0.5);
}
