use super::*;
use crate::plan::{plan_for_target, TargetRequest};
use crate::probe::parse_ffprobe_json;

fn probe(name: &str) -> Probe {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    parse_ffprobe_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn target(p: &Probe, mb: f64, container: VideoContainer) -> Plan {
    plan_for_target(
        p,
        &TargetRequest {
            target_bytes: (mb * 1e6) as u64,
            container,
            max_height: None,
            fps_cap: None,
            keep_audio: true,
        },
    )
    .unwrap()
}

#[test]
fn ids_round_trip() {
    for c in EncoderChoice::ALL {
        assert_eq!(EncoderChoice::from_id(c.id()), Some(c));
    }
    assert_eq!(EncoderChoice::from_id("turbo"), None);
    assert_eq!(
        EncoderChoice::from_id("Automatic"),
        None,
        "a label is not an id"
    );
    assert_eq!(EncoderChoice::default(), EncoderChoice::Automatic);
}

#[test]
fn h264_mp4_goes_to_webcodecs_unless_best_is_chosen() {
    let p = probe("probe-synth-1080p-10s.json");
    let fast = choose_engine(
        (EncoderChoice::Fast, VideoCodecChoice::Compatible),
        &p,
        Some(0.001),
    );
    assert_eq!(fast.engine, VideoEngine::WebCodecs);
    assert!(fast.reason.contains("h264"), "{}", fast.reason);
    let auto = choose_engine(
        (EncoderChoice::Automatic, VideoCodecChoice::Compatible),
        &p,
        Some(0.1),
    );
    assert_eq!(auto.engine, VideoEngine::WebCodecs);
    let best = choose_engine(
        (EncoderChoice::Best, VideoCodecChoice::Compatible),
        &p,
        Some(0.1),
    );
    assert_eq!(best.engine, VideoEngine::Ffmpeg);
    assert!(best.reason.contains("Best quality"));
}

#[test]
fn automatic_keeps_x264_for_starved_budgets_but_fast_does_not() {
    let p = probe("probe-synth-1080p-10s.json");
    let auto = choose_engine(
        (EncoderChoice::Automatic, VideoCodecChoice::Compatible),
        &p,
        Some(AUTOMATIC_MIN_BPP / 2.0),
    );
    assert_eq!(auto.engine, VideoEngine::Ffmpeg);
    assert!(auto.reason.contains("bits per pixel"), "{}", auto.reason);
    let fast = choose_engine(
        (EncoderChoice::Fast, VideoCodecChoice::Compatible),
        &p,
        Some(AUTOMATIC_MIN_BPP / 2.0),
    );
    assert_eq!(fast.engine, VideoEngine::WebCodecs);
}

#[test]
fn legacy_codecs_and_containers_go_to_ffmpeg() {
    // MPEG-4 Part 2 in AVI: neither the container nor the codec is the browser's.
    let avi = probe("probe-synth-mpeg4.json");
    let d = choose_engine(
        (EncoderChoice::Fast, VideoCodecChoice::Compatible),
        &avi,
        None,
    );
    assert_eq!(d.engine, VideoEngine::Ffmpeg);
    assert!(d.reason.contains("FFmpeg"), "{}", d.reason);
    let mut mp4_mpeg4 = probe("probe-synth-1080p-10s.json");
    mp4_mpeg4.video.as_mut().unwrap().codec = "mpeg4".into();
    let d = choose_engine(
        (EncoderChoice::Fast, VideoCodecChoice::Compatible),
        &mp4_mpeg4,
        None,
    );
    assert_eq!(d.engine, VideoEngine::Ffmpeg);
    assert!(d.reason.contains("cannot decode mpeg4"), "{}", d.reason);
}

#[test]
fn audio_only_and_images_go_to_ffmpeg() {
    for name in ["probe-synth-tone.json", "probe-synth-photo.json"] {
        let d = choose_engine(
            (EncoderChoice::Fast, VideoCodecChoice::Compatible),
            &probe(name),
            None,
        );
        assert_eq!(d.engine, VideoEngine::Ffmpeg, "{name}");
    }
}

#[test]
fn plan_becomes_a_webcodecs_job_with_the_same_numbers() {
    let p = probe("probe-synth-1080p-10s.json");
    let plan = target(&p, 8.0, VideoContainer::Mp4);
    let job = job_for_plan(&plan).unwrap();
    let v = plan.video.as_ref().unwrap();
    assert_eq!((job.video.width, job.video.height), (v.width, v.height));
    assert_eq!(job.video.codec, "avc");
    assert_eq!(job.video.rate, VideoRate::Bitrate(v.bitrate_bps));
    let a = plan.audio.as_ref().unwrap();
    assert_eq!(
        job.audio,
        WebCodecsAudio::Aac {
            bitrate_bps: a.bitrate_bps,
            channels: a.channels,
            sample_rate: a.sample_rate
        }
    );
    let webm = job_for_plan(&target(&p, 8.0, VideoContainer::WebM)).unwrap();
    assert_eq!(webm.video.codec, "vp9");
    assert!(matches!(webm.audio, WebCodecsAudio::Opus { .. }));
    let bpp = plan_bits_per_pixel(&plan).unwrap();
    assert!(bpp > 0.0 && bpp < 1.0, "{bpp}");
}

#[test]
fn rotated_sources_are_planned_in_display_orientation() {
    let p = probe("probe-synth-portrait-rotated.json");
    let q = job_for_quality(&p, VideoContainer::Mp4, 23, (None, None), true).unwrap();
    assert!(q.video.height > q.video.width, "{:?}", q.video);
    assert_eq!(q.video.rate, VideoRate::Level("medium"));
    assert_eq!(q.video.frame_rate, None);
    let muted =
        job_for_quality(&p, VideoContainer::Mp4, 20, (Some(360), Some(15.0)), false).unwrap();
    assert_eq!(muted.audio, WebCodecsAudio::None);
    assert_eq!(muted.video.width, 360);
    assert_eq!(muted.video.frame_rate, Some(15.0));
    assert_eq!(muted.video.rate, VideoRate::Level("high"));
    // A cap above the source's 30 fps changes nothing.
    let same = job_for_quality(&p, VideoContainer::Mp4, 20, (None, Some(60.0)), true).unwrap();
    assert_eq!(same.video.frame_rate, None);
}

#[test]
fn av1_always_asks_the_browser_and_names_what_ffmpeg_does_instead() {
    let p = probe("probe-synth-1080p-10s.json");
    let av1 = (EncoderChoice::Best, VideoCodecChoice::Av1);
    assert_eq!(
        choose_engine(av1, &p, Some(0.001)).engine,
        VideoEngine::WebCodecs
    );
    let avi = choose_engine(av1, &probe("probe-synth-mpeg4.json"), None);
    assert_eq!(avi.engine, VideoEngine::Ffmpeg);
    assert!(
        avi.reason.contains("AV1 needs the browser's codecs"),
        "{}",
        avi.reason
    );
    let plan = target(&p, 8.0, VideoContainer::WebM);
    let job = job_for_plan(&plan)
        .unwrap()
        .with_codec(VideoCodecChoice::Av1);
    assert_eq!(job.video.codec, "av1");
    let job = job_for_plan(&plan)
        .unwrap()
        .with_codec(VideoCodecChoice::Compatible);
    assert_eq!(job.video.codec, "vp9");
    for c in VideoCodecChoice::ALL {
        assert_eq!(VideoCodecChoice::from_id(c.id()), Some(c));
    }
}

#[test]
fn non_square_pixels_go_to_ffmpeg_which_keeps_the_aspect() {
    let json = r#"{"format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"2.0"},
        "streams":[{"codec_type":"video","codec_name":"h264","width":480,"height":360,
        "avg_frame_rate":"25/1","sample_aspect_ratio":"4:3"}]}"#;
    let p = parse_ffprobe_json(json).unwrap();
    assert_eq!(p.video.as_ref().unwrap().sar, Some((4, 3)));
    for choice in [EncoderChoice::Automatic, EncoderChoice::Fast] {
        let d = choose_engine((choice, VideoCodecChoice::Compatible), &p, Some(0.1));
        assert_eq!(d.engine, VideoEngine::Ffmpeg, "{}", d.reason);
        assert!(d.reason.contains("non-square pixels, 4:3"), "{}", d.reason);
    }
    // Square pixels, said or not, change nothing.
    let square = parse_ffprobe_json(&json.replace("4:3", "1:1")).unwrap();
    assert_eq!(square.video.unwrap().sar, None);
}

#[test]
fn keyframes_come_every_250_frames_and_at_least_every_10_s() {
    // x264's default GOP in frames, so a 10 fps street camera gets 25 s and 60 fps 10 s.
    assert_eq!(keyframe_interval_s(Some(10.0)), 25.0);
    assert_eq!(keyframe_interval_s(Some(25.0)), 10.0);
    assert_eq!(keyframe_interval_s(Some(60.0)), 10.0);
    // Unknown or broken rates fall back to the time bound.
    assert_eq!(keyframe_interval_s(None), 10.0);
    assert_eq!(keyframe_interval_s(Some(0.0)), 10.0);
    assert_eq!(keyframe_interval_s(Some(f64::NAN)), 10.0);
}
