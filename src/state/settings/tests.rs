use super::*;

#[test]
fn target_is_decimal_megabytes() {
    assert_eq!(parse_target("10"), Ok(Some(10_000_000)));
    assert_eq!(parse_target(" 8,5 "), Ok(Some(8_500_000)));
    assert_eq!(parse_target(""), Ok(None));
}

#[test]
fn nonsense_is_rejected_in_words() {
    assert_eq!(parse_target("ten"), Err(SettingsError::NotANumber));
    assert_eq!(parse_target("0"), Err(SettingsError::TooSmall));
    assert_eq!(parse_target("0.009"), Err(SettingsError::TooSmall));
    assert_eq!(parse_target("0.05"), Ok(Some(50_000)));
    assert_eq!(parse_target("inf"), Err(SettingsError::NotANumber));
}

#[test]
fn goals_follow_the_format() {
    let balanced = QUALITY_PRESETS[1];
    let mp4 = output_for(MediaKind::Video, "mp4").unwrap();
    assert_eq!(
        goal(mp4, Some(2_000_000), balanced),
        Goal::TargetSize {
            target_bytes: 2_000_000,
            container: VideoContainer::Mp4
        }
    );
    assert_eq!(
        goal(mp4, None, balanced),
        Goal::Quality {
            crf: 23,
            container: VideoContainer::Mp4
        }
    );
    let mp3 = output_for(MediaKind::Audio, "mp3").unwrap();
    assert_eq!(
        goal(mp3, None, balanced),
        Goal::Convert {
            format: "mp3".into(),
            audio_kbps: 192,
            target_bytes: None
        }
    );
    // A size target travels with sound jobs too: MP3 and M4A honour it.
    assert!(matches!(
        goal(mp3, Some(5_000_000), balanced),
        Goal::Convert {
            target_bytes: Some(5_000_000),
            ..
        }
    ));
    let webp = output_for(MediaKind::Image, "webp").unwrap();
    assert!(matches!(
        goal(webp, None, balanced),
        Goal::Image(ImageGoal { quality: 75, .. })
    ));
}

#[test]
fn trim_is_checked_for_video_and_audio_only() {
    let owner = Owner::new();
    owner.with(|| {
        let settings = Settings::default();
        settings.trim_start.set("0:05".into());
        settings.trim_end.set("2".into());
        assert_eq!(
            settings.goal_for(MediaKind::Video),
            Err(SettingsError::Trim(TrimError::EndNotAfterStart))
        );
        assert!(settings.goal_for(MediaKind::Audio).is_err());
        // A photo has nothing to trim.
        assert!(settings.goal_for(MediaKind::Image).is_ok());
        assert_eq!(
            settings.trim_error().map(|e| e.to_string()).as_deref(),
            Some("The trim end must be after the trim start.")
        );
        settings.trim_end.set("0:08.5".into());
        assert!(settings.goal_for(MediaKind::Video).is_ok());
        assert_eq!(
            settings.video_options().trim,
            Trim {
                start_ms: Some(5_000),
                end_ms: Some(8_500)
            }
        );
    });
}

#[test]
fn max_width_reaches_image_goals() {
    let owner = Owner::new();
    owner.with(|| {
        let settings = Settings::default();
        settings.target_mb.set(String::new());
        settings.max_width.set("1280".into());
        match settings.goal_for(MediaKind::Image) {
            Ok(Goal::Image(g)) => assert_eq!(g.max_width, Some(1280)),
            other => panic!("{other:?}"),
        }
    });
}
