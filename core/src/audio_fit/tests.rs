use super::*;
use crate::probe::AudioInfo;

fn probe(duration_s: f64, channels: u32, sample_rate: u32, bitrate: Option<u64>) -> Probe {
    Probe {
        container: "wav".into(),
        duration_s: Some(duration_s),
        bitrate_bps: None,
        size_bytes: None,
        video: None,
        audio: Some(AudioInfo {
            codec: "pcm_s16le".into(),
            channels,
            sample_rate,
            bitrate_bps: bitrate,
        }),
        cover: None,
    }
}

const CODECS: [AudioCodec; 3] = [AudioCodec::Mp3, AudioCodec::Aac, AudioCodec::Opus];

#[test]
fn twenty_minutes_of_speech_fill_five_megabytes() {
    let p = probe(1200.0, 1, 44_100, Some(705_600));
    for codec in CODECS {
        let fit = plan_audio_fit(&p, codec, 5_000_000).unwrap();
        assert_eq!(fit.channels, 1, "{codec:?}");
        assert!(fit.expected_bytes <= 5_000_000, "{codec:?} {fit:?}");
        assert!(fit.expected_bytes as f64 >= 0.95 * 5e6, "{codec:?} {fit:?}");
        assert!(!fit.at_ceiling);
    }
}

#[test]
fn three_minutes_of_music_in_one_megabyte_says_why_it_is_mono_or_stereo() {
    let p = probe(180.0, 2, 44_100, Some(1_411_200));
    let mp3 = plan_audio_fit(&p, AudioCodec::Mp3, 1_000_000).unwrap();
    assert_eq!(mp3.channels, 1);
    assert!(mp3.notes.iter().any(|n| n.starts_with("Mono:")), "{mp3:?}");
    let opus = plan_audio_fit(&p, AudioCodec::Opus, 1_000_000).unwrap();
    assert_eq!(opus.channels, 2);
    assert!(!opus.notes.iter().any(|n| n.starts_with("Mono:")));
}

#[test]
fn a_target_too_small_names_the_smallest_size_that_works() {
    let p = probe(1200.0, 2, 48_000, None);
    for codec in CODECS {
        let Err(PlanError::TargetTooSmall { smallest_bytes }) = plan_audio_fit(&p, codec, 500_000)
        else {
            panic!("{codec:?} should refuse 500 KB for 20 minutes");
        };
        let fit = plan_audio_fit(&p, codec, smallest_bytes).expect("the smallest size works");
        assert!(fit.expected_bytes <= smallest_bytes);
        assert_eq!(fit.channels, 1);
        assert!(plan_audio_fit(&p, codec, smallest_bytes - 2_000).is_err());
    }
}

#[test]
fn the_ceiling_and_a_lossy_source_stop_the_bitrate_and_say_so() {
    let long_target = 100_000_000;
    let fit = plan_audio_fit(&probe(60.0, 2, 44_100, None), AudioCodec::Mp3, long_target).unwrap();
    assert_eq!((fit.bitrate_bps, fit.at_ceiling), (320_000, true));
    assert!(fit
        .notes
        .iter()
        .any(|n| n.contains("the most MP3 gains from")));
    let lossy = plan_audio_fit(
        &probe(60.0, 2, 44_100, Some(128_000)),
        AudioCodec::Aac,
        long_target,
    )
    .unwrap();
    assert_eq!((lossy.bitrate_bps, lossy.at_ceiling), (128_000, true));
    assert!(lossy
        .notes
        .iter()
        .any(|n| n.contains("the original's bitrate")));
    // A fitting output at the ceiling is kept however little of the target it uses.
    assert_eq!(refit(&fit, long_target, 2_500_000), Ok(Refit::Keep));
}

#[test]
fn low_bitrates_lower_the_sample_rate_and_never_upsample() {
    let p = probe(1200.0, 1, 44_100, None);
    let fit = plan_audio_fit(&p, AudioCodec::Aac, 3_000_000).unwrap();
    assert!(fit.sample_rate < 44_100, "{fit:?}");
    assert!(fit.notes.iter().any(|n| n.starts_with("Resampled")));
    let low = plan_audio_fit(&probe(60.0, 2, 22_050, None), AudioCodec::Mp3, 5_000_000).unwrap();
    assert!(low.sample_rate <= 22_050);
    let opus = plan_audio_fit(&p, AudioCodec::Opus, 3_000_000).unwrap();
    assert_eq!(opus.sample_rate, 48_000);
}

#[test]
fn refit_lowers_an_overshoot_and_raises_a_short_fall() {
    let p = probe(600.0, 2, 44_100, None);
    let target = 3_000_000;
    let fit = plan_audio_fit(&p, AudioCodec::Mp3, target).unwrap();
    let Ok(Refit::Again {
        fit: lower,
        keep_current,
    }) = refit(&fit, target, 3_100_000)
    else {
        panic!("an overshoot is redone");
    };
    assert!(!keep_current && lower.bitrate_bps < fit.bitrate_bps);
    assert!(lower.expected_bytes <= target);
    let Ok(Refit::Again {
        fit: higher,
        keep_current,
    }) = refit(&fit, target, 2_500_000)
    else {
        panic!("83 % is redone higher");
    };
    assert!(keep_current && higher.bitrate_bps > fit.bitrate_bps);
    assert_eq!(refit(&fit, target, 2_900_000), Ok(Refit::Keep));
}

#[test]
fn no_plan_is_ever_over_its_target() {
    for codec in CODECS {
        for duration in [0.5, 3.0, 30.0, 180.0, 1200.0, 7200.0, 36_000.0] {
            for channels in [1, 2, 6] {
                for rate in [8_000, 22_050, 44_100, 48_000] {
                    let p = probe(duration, channels, rate, None);
                    for target in [
                        20_000,
                        100_000,
                        1_000_000,
                        5_000_000,
                        25_000_000,
                        500_000_000,
                    ] {
                        match plan_audio_fit(&p, codec, target) {
                            Ok(fit) => {
                                assert!(fit.expected_bytes <= target, "{fit:?}");
                                assert!(fit.bitrate_bps >= codec.floor_bps());
                                assert!(fit.channels <= 2 && fit.channels >= 1);
                                assert!(fit.sample_rate <= rate.max(fit.sample_rate.min(48_000)));
                                if !fit.at_ceiling {
                                    assert!(
                                        fit.expected_bytes as f64 >= 0.93 * target as f64,
                                        "{fit:?}"
                                    );
                                }
                            }
                            Err(PlanError::TargetTooSmall { smallest_bytes }) => {
                                assert!(smallest_bytes > target)
                            }
                            Err(e) => panic!("{e}"),
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn only_lossy_sound_formats_are_fitted() {
    assert_eq!(AudioCodec::for_format("mp3"), Some(AudioCodec::Mp3));
    assert_eq!(AudioCodec::for_format("m4a"), Some(AudioCodec::Aac));
    assert_eq!(AudioCodec::for_format("flac"), None);
    assert_eq!(AudioCodec::for_format("wav"), None);
}
