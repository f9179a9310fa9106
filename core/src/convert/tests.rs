use super::*;
use crate::probe::parse_ffprobe_json;

fn probe(name: &str) -> Probe {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    parse_ffprobe_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn io(out: &'static str) -> EncodeIo<'static> {
    EncodeIo {
        input: "/in/x",
        output: out,
        passlog: "/out/p",
        threads: None,
        trim: None,
    }
}

#[test]
fn video_to_mp3_extracts_the_audio() {
    let p = convert_args(
        &probe("probe-synth-1080p-10s.json"),
        "mp3",
        192,
        &io("o.mp3"),
    )
    .unwrap();
    assert_eq!(
        p.args.join(" "),
        "-i /in/x -map 0:a:0 -vn -c:a libmp3lame -b:a 192k -map_metadata -1 o.mp3"
    );
}

#[test]
fn silent_video_to_audio_is_refused_in_words() {
    let err =
        convert_args(&probe("probe-synth-silent.json"), "mp3", 192, &io("o.mp3")).unwrap_err();
    assert_eq!(err, ConvertError::NoAudio);
    assert_eq!(err.to_string(), "This file has no sound to convert.");
}

#[test]
fn ogg_never_goes_below_what_vorbis_accepts() {
    let p = convert_args(&probe("probe-synth-tone.json"), "ogg", 32, &io("o.ogg")).unwrap();
    assert!(p.args.join(" ").contains("-b:a 64k"));
}

#[test]
fn mkv_and_mov_are_remuxed_when_codecs_fit() {
    let p = convert_args(
        &probe("probe-synth-1080p-10s.json"),
        "mkv",
        128,
        &io("o.mkv"),
    )
    .unwrap();
    assert!(p.args.join(" ").contains("-c copy"));
    let p = convert_args(
        &probe("probe-synth-1080p-10s.json"),
        "mov",
        128,
        &io("o.mov"),
    )
    .unwrap();
    assert!(p.args.join(" ").contains("-c copy"));
}

#[test]
fn legacy_codecs_are_reencoded_for_mov() {
    let p = convert_args(&probe("probe-synth-mpeg4.json"), "mov", 128, &io("o.mov")).unwrap();
    let args = p.args.join(" ");
    // MPEG-4 Part 2 video fits MOV, but its MP3 audio in AVI: both fit, so remux.
    assert!(
        args.contains("-c copy") || args.contains("libx264"),
        "{args}"
    );
}

#[test]
fn gif_is_capped_in_width_and_uses_a_palette() {
    let p = convert_args(
        &probe("probe-synth-1080p-10s.json"),
        "gif-video",
        128,
        &io("o.gif"),
    )
    .unwrap();
    let args = p.args.join(" ");
    assert!(args.contains("scale=480:-2"), "{args}");
    assert!(args.contains("palettegen") && args.contains("paletteuse"));
}

#[test]
fn mp4_remux_only_when_not_already_mp4() {
    assert!(remux_to_mp4(&probe("probe-synth-1080p-10s.json"), "mp4", &io("o.mp4")).is_none());
    assert!(remux_to_mp4(&probe("probe-synth-1080p-10s.json"), "mov", &io("o.mp4")).is_some());
    assert!(
        remux_to_mp4(&probe("probe-synth-silent.json"), "webm", &io("o.mp4")).is_none(),
        "VP8 cannot be copied into MP4"
    );
}

#[test]
fn unknown_formats_are_errors() {
    assert!(matches!(
        convert_args(&probe("probe-synth-tone.json"), "exe", 128, &io("o")),
        Err(ConvertError::UnknownFormat(_))
    ));
}

fn trimmed_io(out: &'static str) -> EncodeIo<'static> {
    EncodeIo {
        trim: Some(crate::trim::TrimWindow {
            start_ms: 2_000,
            end_ms: Some(5_000),
        }),
        ..io(out)
    }
}

#[test]
fn cover_art_is_copied_where_the_format_holds_it() {
    let cover = probe("probe-mp3-cover.json");
    assert_eq!(
        cover.cover,
        Some(crate::probe::CoverInfo {
            index: 1,
            codec: "png".into()
        })
    );
    for (fmt, out) in [("mp3", "o.mp3"), ("m4a", "o.m4a"), ("flac", "o.flac")] {
        let p = convert_args(&cover, fmt, 192, &io(out)).unwrap();
        let args = p.args.join(" ");
        assert!(
            args.starts_with(
                "-i /in/x -map 0:a:0 -map 0:1 -c:v copy -disposition:v:0 attached_pic "
            ),
            "{args}"
        );
        assert!(!args.contains("-vn"), "{args}");
        assert!(p.notes.iter().any(|n| n == "Cover art kept."), "{fmt}");
    }
    for (fmt, out) in [("ogg", "o.ogg"), ("wav", "o.wav")] {
        let p = convert_args(&cover, fmt, 192, &io(out)).unwrap();
        let args = p.args.join(" ");
        assert!(
            args.contains("-map 0:a:0 -vn") && !args.contains("0:1"),
            "{args}"
        );
        assert!(
            p.notes.iter().any(|n| n.starts_with("Cover art dropped")),
            "{:?}",
            p.notes
        );
    }
    // No cover, nothing said about one.
    let p = convert_args(&probe("probe-synth-tone.json"), "mp3", 192, &io("o.mp3")).unwrap();
    assert!(p.args.join(" ").contains("-vn"));
    assert!(!p.notes.iter().any(|n| n.contains("Cover")));
}

#[test]
fn trimming_seeks_the_input_and_never_stream_copies() {
    let src = probe("probe-synth-1080p-10s.json");
    let p = convert_args(&src, "mp3", 192, &trimmed_io("o.mp3")).unwrap();
    assert!(
        p.args
            .join(" ")
            .starts_with("-ss 2.000 -t 3.000 -i /in/x -map 0:a:0"),
        "{:?}",
        p.args
    );
    assert!(p
        .notes
        .iter()
        .any(|n| n.starts_with("Trimmed to 0:02 – 0:05")));
    for (fmt, out) in [("mkv", "o.mkv"), ("mov", "o.mov")] {
        let args = convert_args(&src, fmt, 128, &trimmed_io(out))
            .unwrap()
            .args
            .join(" ");
        assert!(args.starts_with("-ss 2.000 -t 3.000 -i /in/x"), "{args}");
        assert!(
            args.contains("libx264") && !args.contains("-c copy"),
            "{args}"
        );
        assert_eq!(args.contains("+faststart"), fmt == "mov", "{args}");
    }
    let gif = convert_args(&src, "gif-video", 128, &trimmed_io("o.gif")).unwrap();
    assert!(gif
        .args
        .join(" ")
        .starts_with("-ss 2.000 -t 3.000 -i /in/x -filter_complex"));
    assert!(remux_to_mp4(&src, "mov", &trimmed_io("o.mp4")).is_none());
}

#[test]
fn animated_webp_is_capped_and_loops() {
    let p = convert_args(
        &probe("probe-synth-1080p-10s.json"),
        "webp-video",
        128,
        &io("o.webp"),
    )
    .unwrap();
    assert_eq!(
        p.args.join(" "),
        "-i /in/x -map 0:v:0 -vf fps=15,scale=640:-2:flags=lanczos -c:v libwebp_anim -quality 75 -loop 0 -an -map_metadata -1 o.webp"
    );
    assert!(matches!(
        convert_args(
            &probe("probe-synth-tone.json"),
            "webp-video",
            128,
            &io("o.webp")
        ),
        Err(ConvertError::NoVideo)
    ));
}

fn target(target_bytes: u64) -> TargetRequest {
    TargetRequest {
        target_bytes,
        container: VideoContainer::Mp4,
        max_height: None,
        fps_cap: None,
        keep_audio: true,
    }
}

#[test]
fn an_h264_file_already_within_the_target_is_copied_not_re_encoded() {
    let p = probe("probe-synth-1080p-10s.json");
    let size = p.size_bytes.unwrap();
    let plan = copy_if_it_fits(&p, &target(size), &io("o.mp4")).unwrap();
    assert_eq!(
        plan.args.join(" "),
        "-i /in/x -map 0:v:0 -map 0:a:0? -c copy -movflags +faststart -map_metadata -1 o.mp4"
    );
    assert!(plan.notes[0].contains("copied"), "{:?}", plan.notes);

    // Over the target, or asked for something a copy cannot give: encode.
    assert!(copy_if_it_fits(&p, &target(size - 1), &io("o.mp4")).is_none());
    let smaller = TargetRequest {
        max_height: Some(720),
        ..target(size)
    };
    assert!(copy_if_it_fits(&p, &smaller, &io("o.mp4")).is_none());
    let slower = TargetRequest {
        fps_cap: Some(15.0),
        ..target(size)
    };
    assert!(copy_if_it_fits(&p, &slower, &io("o.mp4")).is_none());
    let mute = TargetRequest {
        keep_audio: false,
        ..target(size)
    };
    assert!(copy_if_it_fits(&p, &mute, &io("o.mp4")).is_none());
    let webm = TargetRequest {
        container: VideoContainer::WebM,
        ..target(size)
    };
    assert!(copy_if_it_fits(&p, &webm, &io("o.webm")).is_none());
    // A max height at or above the picture's changes nothing.
    let same = TargetRequest {
        max_height: Some(1080),
        fps_cap: Some(60.0),
        ..target(size)
    };
    assert!(copy_if_it_fits(&p, &same, &io("o.mp4")).is_some());
}

#[test]
fn only_streams_that_play_everywhere_are_copied() {
    // MPEG-4 Part 2 fits an MP4 container but not "plays everywhere": re-encode to H.264.
    let p = probe("probe-synth-mpeg4.json");
    assert!(copy_if_it_fits(&p, &target(u64::MAX), &io("o.mp4")).is_none());
}
