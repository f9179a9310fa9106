use super::*;
use crate::plan::{AudioPlan, VideoPlan};
use crate::probe::{AudioInfo, Colour, VideoInfo};

const IO: EncodeIo = EncodeIo {
    input: "in.mov",
    output: "out.mp4",
    passlog: "/tmp/pl",
    threads: Some(4),
    trim: None,
};

fn plan(container: VideoContainer, scaled: bool, fps: Option<f64>, audio: bool) -> Plan {
    Plan {
        video: Some(VideoPlan {
            bitrate_bps: 1_234_000,
            width: 1280,
            height: 720,
            fps,
            scaled,
            ceiling_bps: None,
            colour: Default::default(),
        }),
        audio: audio.then_some(AudioPlan {
            bitrate_bps: 96_000,
            channels: 2,
            sample_rate: 48_000,
        }),
        duration_s: 10.0,
        container,
        overhead_bytes: 10_000,
        expected_bytes: 1_000_000,
        notes: vec![],
        outlook: None,
        size_cap: None,
    }
}

fn split(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

#[test]
fn mp4_two_pass() {
    let p = plan(VideoContainer::Mp4, true, Some(30.0), true);
    assert_eq!(
        target_args(&p, &IO, Pass::First),
        split("-i in.mov -map 0:v:0 -map 0:a:0? -c:v libx264 -preset veryfast -b:v 1234k -vf fps=30,scale=1280:720:flags=lanczos -pix_fmt yuv420p -pass 1 -passlogfile /tmp/pl -fps_mode cfr -threads 4 -c:a copy -f null -")
    );
    assert_eq!(
        target_args(&p, &IO, Pass::Second),
        split("-i in.mov -map 0:v:0 -map 0:a:0? -c:v libx264 -preset veryfast -b:v 1234k -vf fps=30,scale=1280:720:flags=lanczos -pix_fmt yuv420p -pass 2 -passlogfile /tmp/pl -fps_mode cfr -c:a aac -b:a 96k -ac 2 -ar 48000 -threads 4 -movflags +faststart -map_metadata -1 out.mp4")
    );
}

#[test]
fn mp4_single_unscaled_without_audio_or_threads() {
    let p = plan(VideoContainer::Mp4, false, None, false);
    let io = EncodeIo {
        threads: None,
        trim: None,
        ..IO
    };
    assert_eq!(
        target_args(&p, &io, Pass::Single),
        split("-i in.mov -map 0:v:0 -c:v libx264 -preset veryfast -b:v 1234k -maxrate 1851k -bufsize 2468k -pix_fmt yuv420p -fps_mode cfr -an -movflags +faststart -map_metadata -1 out.mp4")
    );
}

#[test]
fn webm_second_pass() {
    let p = plan(VideoContainer::WebM, true, None, true);
    let io = EncodeIo {
        output: "out.webm",
        ..IO
    };
    assert_eq!(
        target_args(&p, &io, Pass::Second),
        split("-i in.mov -map 0:v:0 -map 0:a:0? -c:v libvpx -deadline good -cpu-used 4 -b:v 1234k -vf scale=1280:720:flags=lanczos -pix_fmt yuv420p -pass 2 -passlogfile /tmp/pl -fps_mode vfr -c:a libvorbis -b:a 96k -ac 2 -ar 48000 -threads 4 -map_metadata -1 out.webm")
    );
}

#[test]
fn both_passes_see_the_same_frames() {
    for container in [VideoContainer::Mp4, VideoContainer::WebM] {
        for (scaled, fps, audio) in [(true, Some(30.0), true), (false, None, false)] {
            let p = plan(container, scaled, fps, audio);
            let [one, two] = [Pass::First, Pass::Second].map(|pass| target_args(&p, &IO, pass));
            let upto = |a: &[String], opt: &str| {
                let end = a.iter().position(|x| x == "-pass").unwrap();
                let mut v = a[..end].to_vec();
                let at = a.iter().position(|x| x == "-fps_mode").unwrap();
                v.extend_from_slice(&a[at..at + 2]);
                v.push(opt.into());
                v
            };
            // Input, maps, codec, rate, filter graph, pixel format and timing match.
            assert_eq!(upto(&one, ""), upto(&two, ""), "{container:?}");
        }
    }
}

#[test]
fn colour_is_kept() {
    let mut p = plan(VideoContainer::Mp4, true, None, false);
    p.video.as_mut().unwrap().colour = Colour {
        range: Some("tv".into()),
        space: Some("bt709".into()),
        transfer: Some("bt709".into()),
        primaries: Some("bt709".into()),
    };
    let args = target_args(&p, &IO, Pass::Second).join(" ");
    assert!(args.contains("-pix_fmt yuv420p -color_range tv -colorspace bt709 -color_trc bt709 -color_primaries bt709"), "{args}");
    // Full range, or a value FFmpeg might refuse, is left unsaid.
    p.video.as_mut().unwrap().colour = Colour {
        range: Some("pc".into()),
        space: Some("weird".into()),
        ..Colour::default()
    };
    let args = target_args(&p, &IO, Pass::Second).join(" ");
    assert!(!args.contains("-color"), "{args}");
}

#[test]
fn audio_only_ignores_pass() {
    let mut p = plan(VideoContainer::Mp4, false, None, true);
    p.video = None;
    let io = EncodeIo {
        output: "out.m4a",
        threads: None,
        trim: None,
        ..IO
    };
    let want = split(
        "-i in.mov -map 0:a:0 -vn -c:a aac -b:a 96k -ac 2 -ar 48000 -movflags +faststart -map_metadata -1 out.m4a",
    );
    assert_eq!(target_args(&p, &io, Pass::Single), want);
    assert_eq!(target_args(&p, &io, Pass::Second), want);
}

fn probe() -> Probe {
    Probe {
        container: "mov".into(),
        duration_s: Some(10.0),
        bitrate_bps: None,
        size_bytes: None,
        video: Some(VideoInfo {
            codec: "h264".into(),
            width: 1920,
            height: 1080,
            fps: Some(60.0),
            rotation: 90,
            bitrate_bps: None,
            frames: None,
            is_still_image: false,
            colour: Default::default(),
            sar: None,
        }),
        audio: Some(AudioInfo {
            codec: "aac".into(),
            channels: 6,
            sample_rate: 44_100,
            bitrate_bps: Some(384_000),
        }),
        cover: None,
    }
}

#[test]
fn quality_mp4_rotated_with_limits() {
    let req = QualityRequest {
        container: VideoContainer::Mp4,
        crf: 23,
        max_height: Some(720),
        fps_cap: Some(30.0),
        keep_audio: true,
    };
    assert_eq!(
        quality_args(&probe(), &req, &IO),
        split("-i in.mov -map 0:v:0 -map 0:a:0? -c:v libx264 -preset veryfast -crf 23 -vf fps=30,scale=720:1280:flags=lanczos -pix_fmt yuv420p -c:a aac -b:a 128k -ac 2 -ar 44100 -threads 4 -movflags +faststart -map_metadata -1 out.mp4")
    );
}

#[test]
fn quality_webm_needs_bitrate_cap() {
    let req = QualityRequest {
        container: VideoContainer::WebM,
        crf: 2,
        max_height: None,
        fps_cap: Some(120.0),
        keep_audio: false,
    };
    let io = EncodeIo {
        output: "out.webm",
        threads: None,
        trim: None,
        ..IO
    };
    // 0.2 bpp × 1080×1920 × 60 fps; CRF clamped into VP8's 4–63.
    assert_eq!(
        quality_args(&probe(), &req, &io),
        split("-i in.mov -map 0:v:0 -c:v libvpx -deadline good -cpu-used 4 -crf 4 -b:v 24883k -pix_fmt yuv420p -an -map_metadata -1 out.webm")
    );
}

#[test]
fn quality_audio_only() {
    let mut p = probe();
    p.video = None;
    p.audio.as_mut().unwrap().bitrate_bps = Some(64_000);
    let req = QualityRequest {
        container: VideoContainer::WebM,
        crf: 30,
        max_height: None,
        fps_cap: None,
        keep_audio: true,
    };
    let io = EncodeIo {
        output: "out.webm",
        threads: None,
        trim: None,
        ..IO
    };
    assert_eq!(
        quality_args(&p, &req, &io),
        split("-i in.mov -map 0:a:0 -vn -c:a libvorbis -b:a 64k -ac 2 -ar 44100 -map_metadata -1 out.webm")
    );
}

#[test]
fn probe_arguments() {
    assert_eq!(
        probe_args("a b.mp4"),
        vec![
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            "a b.mp4"
        ]
    );
}

#[test]
fn rates() {
    assert_eq!(rate(96_000), "96k");
    assert_eq!(rate(96_500), "96500");
}

#[test]
fn trim_goes_before_the_input_on_every_pass() {
    let io = EncodeIo {
        trim: Some(crate::trim::TrimWindow {
            start_ms: 1_500,
            end_ms: Some(4_000),
        }),
        ..IO
    };
    let p = plan(VideoContainer::Mp4, false, None, true);
    for pass in [Pass::First, Pass::Second] {
        let args = target_args(&p, &io, pass);
        assert_eq!(
            args[..6],
            split("-ss 1.500 -t 2.500 -i in.mov")[..],
            "{pass:?}"
        );
    }
    let req = QualityRequest {
        container: VideoContainer::Mp4,
        crf: 23,
        max_height: None,
        fps_cap: None,
        keep_audio: true,
    };
    let args = quality_args(&probe(), &req, &io);
    assert_eq!(args[..6], split("-ss 1.500 -t 2.500 -i in.mov")[..]);
}
