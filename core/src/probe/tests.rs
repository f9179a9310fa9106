use super::*;

/// The reason's sentence as English writes it (from `en.ftl`).
fn explain_ffprobe_failure(stderr: &str) -> String {
    crate::i18n::english(&super::explain_ffprobe_failure(stderr).message())
}

/// The reason's sentence as English writes it (from `en.ftl`).
fn explain_encode_failure(tail: &[String]) -> String {
    crate::i18n::english(&super::explain_encode_failure(tail).message())
}

fn fixture(name: &str) -> Probe {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let json = std::fs::read_to_string(&path).unwrap();
    parse_ffprobe_json(&json).unwrap()
}

#[test]
fn bigbuckbunny_mp4_with_51_audio() {
    let p = fixture("probe-bigbuckbunny.json");
    assert_eq!(p.container, "mov,mp4,m4a,3gp,3g2,mj2");
    assert_eq!(p.duration_s, Some(5.312));
    assert_eq!(p.bitrate_bps, Some(1_589_963));
    assert_eq!(p.size_bytes, Some(1_055_736));
    let v = p.video.unwrap();
    assert_eq!((v.codec.as_str(), v.width, v.height), ("h264", 1280, 720));
    assert_eq!(v.fps, Some(25.0));
    assert_eq!(v.rotation, 0);
    assert_eq!(v.bitrate_bps, Some(1_205_959));
    assert_eq!(v.frames, Some(132));
    assert!(!v.is_still_image);
    let a = p.audio.unwrap();
    assert_eq!(
        a,
        AudioInfo {
            codec: "aac".into(),
            channels: 6,
            sample_rate: 48_000,
            bitrate_bps: Some(384_828)
        }
    );
}

#[test]
fn rotated_portrait() {
    let v = fixture("probe-synth-portrait-rotated.json").video.unwrap();
    assert_eq!((v.width, v.height), (1280, 720));
    // ffprobe reports a counter-clockwise display-matrix rotation of 90.
    assert_eq!(v.rotation, 270);
    assert_eq!(v.display_size(), (720, 1280));
}

#[test]
fn webm_without_stream_durations() {
    let p = fixture("probe-synth-silent.json");
    assert_eq!(p.container, "matroska,webm");
    assert_eq!(p.duration_s, Some(5.0));
    assert!(p.audio.is_none());
    let v = p.video.unwrap();
    assert_eq!((v.codec.as_str(), v.fps), ("vp8", Some(30.0)));
    assert_eq!(v.bitrate_bps, None);
}

#[test]
fn audio_only_and_cover_art() {
    let wav = fixture("probe-synth-tone.json");
    assert!(wav.video.is_none());
    assert!(wav.audio.is_some());
    let mp3 = fixture("probe-mp3-cover.json");
    assert_eq!(mp3.container, "mp3");
    assert!(mp3.video.is_none(), "cover art is not video");
    let a = mp3.audio.unwrap();
    assert_eq!(
        (a.codec.as_str(), a.channels, a.sample_rate),
        ("mp3", 2, 44_100)
    );
    assert_eq!(a.bitrate_bps, Some(128_000));
}

#[test]
fn image_and_other_fixtures() {
    let png = fixture("probe-synth-photo.json");
    let v = png.video.unwrap();
    assert!(v.is_still_image);
    assert_eq!((v.width, v.height), (3000, 2000));
    for name in [
        "probe-synth-51-audio.json",
        "probe-synth-1080p-10s.json",
        "probe-synth-mpeg4.json",
    ] {
        let p = fixture(name);
        let v = p.video.unwrap();
        assert!(!v.is_still_image, "{name}");
        assert!(v.fps.is_some() && p.duration_s.is_some(), "{name}");
    }
    assert_eq!(
        fixture("probe-synth-51-audio.json").audio.unwrap().channels,
        6
    );
}

#[test]
fn what_ffmpeg_read_decides_the_kind() {
    use crate::media::MediaKind;
    assert_eq!(
        fixture("probe-synth-1080p-10s.json").kind(),
        MediaKind::Video
    );
    assert_eq!(fixture("probe-synth-tone.json").kind(), MediaKind::Audio);
    assert_eq!(fixture("probe-mp3-cover.json").kind(), MediaKind::Audio);
    assert_eq!(fixture("probe-synth-photo.json").kind(), MediaKind::Image);
}

#[test]
fn lenient_numbers_and_fallbacks() {
    let json = r#"{"streams":[
        {"codec_type":"video","codec_name":"mjpeg","width":640,"height":480,
         "avg_frame_rate":"0/0","r_frame_rate":"30000/1001","nb_frames":"N/A",
         "disposition":{"attached_pic":0},"tags":{"rotate":"-90","BPS-eng":"900000"},
         "side_data_list":[{"side_data_type":"Something else"}]},
        {"codec_type":"audio","codec_name":"opus","channels":"2","sample_rate":48000,
         "tags":{"DURATION":"00:01:02.500000000"}}
     ],"format":{"format_name":"matroska,webm","duration":"N/A","bit_rate":"bad"}}"#;
    let p = parse_ffprobe_json(json).unwrap();
    assert_eq!(p.duration_s, Some(62.5));
    assert_eq!(p.bitrate_bps, None);
    let v = p.video.unwrap();
    assert!((v.fps.unwrap() - 29.97).abs() < 0.01);
    assert_eq!(v.rotation, 270);
    assert_eq!(v.bitrate_bps, Some(900_000));
    assert_eq!(v.frames, None);
    assert!(
        !v.is_still_image,
        "motion JPEG in a video container is video"
    );
    let a = p.audio.unwrap();
    assert_eq!((a.channels, a.sample_rate), (2, 48_000));
}

#[test]
fn rotation_normalisation() {
    for (input, want) in [
        (0.0, 0),
        (90.0, 90),
        (-90.0, 270),
        (180.0, 180),
        (-180.0, 180),
        (270.0, 270),
        (450.0, 90),
        (89.6, 90),
        (f64::NAN, 0),
    ] {
        assert_eq!(raw::normalise_rotation(input), want, "{input}");
    }
}

#[test]
fn errors() {
    assert!(matches!(
        parse_ffprobe_json("{}"),
        Err(ProbeError::NoStreams)
    ));
    assert!(matches!(
        parse_ffprobe_json("{\n\n}\n"),
        Err(ProbeError::NoStreams)
    ));
    assert!(matches!(
        parse_ffprobe_json(r#"{"streams":[]}"#),
        Err(ProbeError::NoStreams)
    ));
    assert!(matches!(
        parse_ffprobe_json("not json"),
        Err(ProbeError::InvalidJson(_))
    ));
    assert!(matches!(
        parse_ffprobe_json(r#"{"streams":7}"#),
        Err(ProbeError::InvalidJson(_))
    ));
}

#[test]
fn each_encode_failure_class_has_its_own_sentence() {
    let tail = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    let say = |lines: &[&str]| explain_encode_failure(&tail(lines));
    assert!(
        say(&["Decoder (codec amr_nb) not found for input stream #0:1"])
            .starts_with("This file uses a codec (amr_nb) that this app's FFmpeg cannot decode.")
    );
    assert!(say(&["Unknown encoder 'libfoo'"]).contains("no encoder"));
    assert!(say(&["[mp4 @ 0x1] Could not find tag for codec wmav2 in stream #1, codec not currently supported in container", "Could not write header for output file #0"])
        .starts_with("The output format cannot hold"));
    assert!(say(&[
        "[h264 @ 0x1] Invalid NAL unit size",
        "Error while decoding stream #0:0"
    ])
    .contains("damaged"));
    assert!(say(&["Cannot allocate memory"]).contains("out of memory"));
    assert!(say(&["[mov @ 0x1] moov atom not found"]).contains("index (moov atom)"));
    let generic = say(&["[libx264 @ 0x1] something new", "Conversion failed!"]);
    assert!(generic.contains("under Details"));
    // FFmpeg's own words stay in the log tail, not in the sentence.
    assert!(!generic.contains("Conversion failed!") && !generic.contains("0x1"));
}

#[test]
fn a_short_output_says_the_file_ends_early() {
    assert_eq!(
        ends_early(Some(8.0), Some(4.0))
            .map(|w| w.english())
            .as_deref(),
        Some("The file ends early: saved the first 4.0 s (its header claims 8.0 s).")
    );
    // A last frame, an encoder delay or a rounding of the length is no early end.
    assert_eq!(ends_early(Some(8.0), Some(7.6)), None);
    assert_eq!(ends_early(Some(2.0), Some(1.6)), None);
    assert_eq!(ends_early(Some(60.0), Some(55.0)), None);
    assert!(ends_early(Some(60.0), Some(50.0)).is_some());
    // Unknown lengths say nothing.
    assert_eq!(ends_early(None, Some(4.0)), None);
    assert_eq!(ends_early(Some(8.0), None), None);
    assert_eq!(ends_early(Some(f64::NAN), Some(4.0)), None);
}

#[test]
fn explanations_from_real_stderr() {
    let read = |n: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(n),
        )
        .unwrap()
    };
    assert_eq!(
        explain_ffprobe_failure(&read("stderr-random.txt")),
        "This file is not a video, audio or image file we can read: FFmpeg does not recognise its data either."
    );
    let trunc = "This video is incomplete: its index (moov atom) is missing, usually because the recording or download was interrupted.";
    assert_eq!(
        explain_ffprobe_failure(&read("stderr-truncated-mp4.txt")),
        trunc
    );
    assert_eq!(
        explain_ffprobe_failure(&read("ffmpeg-truncated.txt")),
        trunc
    );
    assert_eq!(
        explain_ffprobe_failure(""),
        "The file could not be read, and FFmpeg gave no reason."
    );
    assert_eq!(
        explain_ffprobe_failure("[foo @ 0x1] Something odd happened\n\n"),
        "The file could not be read. FFmpeg said: “Something odd happened”"
    );
    let long = "é".repeat(500);
    assert!(explain_ffprobe_failure(&long).chars().count() < 260);
}

#[test]
fn encode_failures_name_the_cause_never_the_bare_sign_off() {
    let lines = |s: &str| s.lines().map(String::from).collect::<Vec<_>>();
    // The tail of the Theora/Vorbis Ogg whose passes saw different frame counts.
    let mbtree = lines(
        "[libx264 @ 0x1] Incomplete MB-tree stats file.\nError initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height\nConversion failed!",
    );
    assert!(explain_encode_failure(&mbtree).starts_with("The two passes"));
    // An unknown cause points to Details, where FFmpeg's own lines are (issue 15).
    assert!(
        explain_encode_failure(&lines("[aac @ 0x2] Something odd\nConversion failed!\n"))
            .contains("under Details")
    );
    assert!(explain_encode_failure(&lines("Conversion failed!")).contains("under Details"));
    assert!(
        explain_encode_failure(&lines("x\nCannot allocate memory\nConversion failed!"))
            .starts_with("The converter ran out of memory on this file.")
    );
    for tail in [mbtree, lines("Conversion failed!"), vec![]] {
        assert!(!explain_encode_failure(&tail).contains("Conversion failed!"));
    }
}
