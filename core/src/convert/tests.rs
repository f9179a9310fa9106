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
