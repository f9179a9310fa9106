use super::*;
use crate::choices::format_choices;
use crate::media::MediaKind;

fn everything() -> SavedSettings {
    SavedSettings {
        target_mb: Some("7.5".into()),
        format: Some("webp-video"),
        quality: Some("small"),
        max_height: Some("720".into()),
        remove_audio: Some(true),
        keep_metadata: Some(false),
        encoder: Some(EncoderChoice::Best),
        max_fps: Some("30".into()),
        codec: Some(VideoCodecChoice::Av1),
        max_width: Some("1280".into()),
    }
}

#[test]
fn what_is_saved_is_read_back() {
    let saved = everything();
    let text = saved.to_text();
    assert!(text.contains("format=webp-video\n") && text.contains("encoder=best\n"));
    assert_eq!(SavedSettings::parse(&text), saved);
    assert_eq!(SavedSettings::parse(""), SavedSettings::default());
}

#[test]
fn a_saved_choice_survives_a_renamed_label() {
    // The registry as a later version might word it: every label different.
    let renamed_formats: Vec<FormatInfo> = FORMATS
        .iter()
        .map(|f| FormatInfo {
            label: "Reworded",
            ..*f
        })
        .collect();
    let renamed_presets: Vec<QualityPreset> = QUALITY_PRESETS
        .iter()
        .map(|p| QualityPreset {
            label: "Reworded",
            ..*p
        })
        .collect();
    let read = |text: &str| SavedSettings::parse_with(text, &renamed_formats, &renamed_presets);
    // Saved by this version (ids)...
    let now = read(&everything().to_text());
    assert_eq!(now, everything());
    // ...and by the versions that saved the labels of their day.
    let old = read("format=WebP (animated)\nquality=Small\nencoder=Best quality (x264)\ncodec=AV1 (smaller, recent players)");
    assert_eq!(
        (old.format, old.quality, old.encoder, old.codec),
        (
            Some("webp-video"),
            Some("small"),
            Some(EncoderChoice::Best),
            Some(VideoCodecChoice::Av1)
        )
    );
    assert_eq!(read("format=Automatic").format, Some(AUTOMATIC));
    assert_eq!(read("format=GIF").format, Some("gif"));
}

#[test]
fn every_choice_the_page_offers_is_saved_by_an_id_that_reads_back() {
    for (id, _) in format_choices(&[MediaKind::Video, MediaKind::Audio, MediaKind::Image]) {
        let saved = SavedSettings {
            format: Some(id),
            ..SavedSettings::default()
        };
        assert_eq!(SavedSettings::parse(&saved.to_text()).format, Some(id));
    }
    for p in QUALITY_PRESETS {
        assert_eq!(
            SavedSettings::parse(&format!("quality={}", p.id)).quality,
            Some(p.id)
        );
    }
}

#[test]
fn every_legacy_label_means_an_id_the_page_still_has() {
    for (key, label, id) in LEGACY_LABELS {
        let saved = SavedSettings::parse(&format!("{key}={label}"));
        let read = match *key {
            "format" => saved.format.map(str::to_owned),
            "quality" => saved.quality.map(str::to_owned),
            "encoder" => saved.encoder.map(|c| c.id().to_owned()),
            "codec" => saved.codec.map(|c| c.id().to_owned()),
            other => panic!("unknown field {other}"),
        };
        assert_eq!(read.as_deref(), Some(*id), "{key}={label}");
    }
}

#[test]
fn nonsense_falls_back_field_by_field() {
    let saved = SavedSettings::parse(
        "format=exe\nquality=Ultra\nencoder=\ntarget_mb=12345678901234567890\nmax_width=640\nno equals sign\ncolour=red",
    );
    assert_eq!(
        saved,
        SavedSettings {
            max_width: Some("640".into()),
            ..SavedSettings::default()
        }
    );
    // A read-only format (AVI) is not a choice.
    assert_eq!(SavedSettings::parse("format=avi").format, None);
}
