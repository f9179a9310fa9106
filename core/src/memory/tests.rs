use super::*;

fn video(input_bytes: u64, pixels: Option<u64>, engine: Engine) -> JobShape {
    JobShape {
        kind: MediaKind::Video,
        input_bytes,
        pixels,
        target_bytes: None,
        output: OutputSize::LikeInput,
        engine,
    }
}

fn claim(lane: Lane, bytes: u64) -> Claim {
    let kind = match lane {
        Lane::Video => MediaKind::Video,
        Lane::Audio => MediaKind::Audio,
        Lane::Image => MediaKind::Image,
    };
    Claim { lane, kind, bytes }
}

const EIGHT_CORES_3GB: Limits = Limits {
    budget_bytes: 3 * GB,
    cores: 8,
};

#[test]
fn a_large_remux_matches_the_measured_peaks() {
    // engine_worker's measurement: 605 MB remuxed, 1.9 GB peak mounted, 3.0 GB staged.
    let mounted = estimate_peak(&video(605 * MB, Some(1920 * 1080), Engine::FfmpegSingle));
    assert!((1_800 * MB..2_300 * MB).contains(&mounted), "{mounted}");
    // Had it been staged in memory (the rule stages only up to 128 MiB), the copy counts twice.
    let staged_extra = 2 * 605 * MB - 16 * MB;
    assert!((2_900 * MB..3_400 * MB).contains(&(mounted + staged_extra)));
}

#[test]
fn inputs_staged_in_memory_count_twice_and_mounted_ones_barely() {
    let small = estimate_peak(&video(100 * MB, Some(1280 * 720), Engine::FfmpegSingle));
    let smaller = estimate_peak(&video(50 * MB, Some(1280 * 720), Engine::FfmpegSingle));
    // 50 MB more input: twice in staging, three times as the same-size output.
    assert_eq!(small - smaller, 5 * 50 * MB);
    let at_limit = estimate_peak(&video(MEMFS_MAX_BYTES, None, Engine::FfmpegSingle));
    let over = estimate_peak(&video(MEMFS_MAX_BYTES + 1, None, Engine::FfmpegSingle));
    assert!(
        over < at_limit,
        "mounting saves the copies: {over} < {at_limit}"
    );
}

#[test]
fn a_target_bounds_the_output_and_resolution_the_frames() {
    let mut job = video(400 * MB, Some(3840 * 2160), Engine::FfmpegMulti);
    let quality = estimate_peak(&job);
    job.target_bytes = Some(10 * MB);
    let target = estimate_peak(&job);
    assert_eq!(quality - target, 3 * 390 * MB);
    let uhd = target;
    job.pixels = Some(1280 * 720);
    assert!(estimate_peak(&job) < uhd);
    // Unprobed videos are assumed to be 1080p.
    job.pixels = None;
    let assumed = estimate_peak(&job);
    job.pixels = Some(1920 * 1080);
    assert_eq!(estimate_peak(&job), assumed);
    // More frames in flight on the multi-threaded core.
    job.engine = Engine::FfmpegSingle;
    assert!(estimate_peak(&job) < assumed);
}

#[test]
fn uncompressed_outputs_are_expected_to_grow() {
    let mut job = JobShape {
        kind: MediaKind::Audio,
        input_bytes: 5 * MB,
        pixels: None,
        target_bytes: None,
        output: OutputSize::LikeInput,
        engine: Engine::FfmpegSingle,
    };
    let mp3 = estimate_peak(&job);
    job.output = OutputSize::Expands;
    assert_eq!(estimate_peak(&job) - mp3, 3 * 45 * MB);
}

#[test]
fn images_count_their_decoded_pixels_up_to_the_bomb_limit() {
    let mut photo = JobShape {
        kind: MediaKind::Image,
        input_bytes: 3 * MB,
        pixels: None,
        target_bytes: None,
        output: OutputSize::LikeInput,
        engine: Engine::Image,
    };
    // 3 MB assumed 12 megapixels: three RGBA copies dominate.
    let guessed = estimate_peak(&photo);
    assert!((150 * MB..250 * MB).contains(&guessed), "{guessed}");
    photo.pixels = Some(1_000_000_000);
    let capped = estimate_peak(&photo);
    photo.pixels = Some(100_000_000);
    assert_eq!(estimate_peak(&photo), capped);
}

#[test]
fn budget_follows_device_memory_within_bounds() {
    let gb = |limits: Limits| limits.budget_bytes as f64 / GB as f64;
    assert_eq!(gb(Limits::from_device(Some(8.0), Some(8.0))), 3.0);
    assert!((gb(Limits::from_device(Some(8.0), Some(4.0))) - 1.6).abs() < 1e-9);
    assert_eq!(gb(Limits::from_device(Some(8.0), Some(0.5))), 1.0);
    assert_eq!(gb(Limits::from_device(Some(8.0), None)), 2.0);
    assert_eq!(gb(Limits::from_device(Some(8.0), Some(f64::NAN))), 2.0);
    assert_eq!(Limits::from_device(None, None).cores, 2);
    assert_eq!(Limits::from_device(Some(0.0), None).cores, 2);
}

#[test]
fn lanes_grow_with_cores_and_there_is_always_one() {
    let lanes = |cores| {
        let l = Limits {
            budget_bytes: GB,
            cores,
        };
        (
            l.capacity(Lane::Video),
            l.capacity(Lane::Audio),
            l.capacity(Lane::Image),
        )
    };
    assert_eq!(lanes(1), (1, 1, 1));
    assert_eq!(lanes(2), (1, 1, 1));
    assert_eq!(lanes(4), (1, 2, 3));
    assert_eq!(lanes(8), (2, 2, 4));
    assert_eq!(lanes(64), (3, 2, 4));
}

#[test]
fn small_jobs_share_the_budget() {
    let running = [claim(Lane::Video, 400 * MB), claim(Lane::Image, 200 * MB)];
    assert_eq!(
        admit(Lane::Video, 400 * MB, &running, &[], &EIGHT_CORES_3GB),
        Ok(())
    );
    assert_eq!(
        admit(Lane::Audio, 100 * MB, &running, &[], &EIGHT_CORES_3GB),
        Ok(())
    );
}

#[test]
fn a_full_lane_waits_whatever_the_memory() {
    let two_cores = Limits {
        budget_bytes: 3 * GB,
        cores: 2,
    };
    let running = [claim(Lane::Video, 100 * MB)];
    let wait = admit(Lane::Video, 100 * MB, &running, &[], &two_cores).unwrap_err();
    assert_eq!(
        wait,
        Wait::Lane {
            lane: Lane::Video,
            capacity: 1
        }
    );
    assert_eq!(
        crate::i18n::english(&wait.message()),
        "Waiting: this device converts one video at a time."
    );
    // The image lane beside it is free.
    assert_eq!(
        admit(Lane::Image, 100 * MB, &running, &[], &two_cores),
        Ok(())
    );
}

#[test]
fn a_large_video_runs_alone() {
    let limits = EIGHT_CORES_3GB;
    let large = claim(Lane::Video, 2_500 * MB);
    let wait = admit(Lane::Image, 600 * MB, &[large], &[], &limits).unwrap_err();
    assert_eq!(
        crate::i18n::english(&wait.message()),
        "Waiting: a large video is running (est. 2.5 GB)."
    );
    // Over the budget by itself: it still runs, but only when nothing else does.
    let huge = 5 * GB;
    assert!(admit(
        Lane::Video,
        huge,
        &[claim(Lane::Image, 50 * MB)],
        &[],
        &limits
    )
    .is_err());
    assert_eq!(admit(Lane::Video, huge, &[], &[], &limits), Ok(()));
    // And nothing joins it.
    let wait = admit(Lane::Image, MB, &[claim(Lane::Video, huge)], &[], &limits).unwrap_err();
    assert!(matches!(wait, Wait::Memory { ahead: false, .. }));
}

#[test]
fn small_jobs_do_not_overtake_a_large_one_waiting_ahead() {
    let limits = EIGHT_CORES_3GB;
    let running = [claim(Lane::Video, 1_000 * MB)];
    let ahead = [claim(Lane::Video, 2_500 * MB)];
    // Alone, the image would fit beside the running video ...
    assert_eq!(admit(Lane::Image, 300 * MB, &running, &[], &limits), Ok(()));
    // ... but it would keep the large video waiting.
    let wait = admit(Lane::Image, 300 * MB, &running, &ahead, &limits).unwrap_err();
    assert_eq!(
        crate::i18n::english(&wait.message()),
        "Waiting: a large video queued ahead needs the memory (est. 2.5 GB)."
    );
}

#[test]
fn many_medium_jobs_are_described_by_their_total() {
    let limits = Limits {
        budget_bytes: GB,
        cores: 8,
    };
    let running = [claim(Lane::Image, 300 * MB), claim(Lane::Image, 300 * MB)];
    let wait = admit(Lane::Image, 450 * MB, &running, &[], &limits).unwrap_err();
    assert_eq!(
        crate::i18n::english(&wait.message()),
        "Waiting for memory: the jobs running need est. 600.0 MB of 1.0 GB."
    );
}

#[test]
fn a_copy_streaming_to_disk_does_not_count_its_output() {
    let mut job = JobShape {
        kind: MediaKind::Video,
        input_bytes: 4_400 * MB,
        pixels: Some(1920 * 1080),
        target_bytes: None,
        output: OutputSize::LikeInput,
        engine: Engine::FfmpegSingle,
    };
    // In memory, a 4.4 GB remux would need three copies of its output: no tab has that.
    assert!(estimate_peak(&job) > 13_000 * MB);
    job.output = OutputSize::OnDisk;
    let on_disk = estimate_peak(&job);
    assert!(on_disk < 500 * MB, "{on_disk}");
    // A copy with a size target is still held in memory up to the target.
    job.target_bytes = Some(25 * MB);
    assert!(estimate_peak(&job) > on_disk);
}
