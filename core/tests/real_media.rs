//! Checks against real FFmpeg output: captured logs always, and (with
//! `--ignored`) real two-pass encodes of the sample media when `ffmpeg`,
//! `ffprobe` and `../.media` are available.

use std::path::{Path, PathBuf};
use std::process::Command;
use tamp_core::args::{probe_args, target_args, EncodeIo, Pass};
use tamp_core::plan::{plan_for_target, Next, SizeFit, TargetRequest, VideoContainer};
use tamp_core::probe::parse_ffprobe_json;
use tamp_core::progress::parse_progress;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn progress_from_real_logs() {
    for (name, has_frames, final_kib) in [
        ("ffmpeg-x264-pass2.txt", true, 402),
        ("ffmpeg-vp8.txt", true, 112),
        ("ffmpeg-audio-only.txt", false, 120),
    ] {
        let log = fixture(name);
        let samples: Vec<_> = log.split(['\r', '\n']).filter_map(parse_progress).collect();
        assert!(!samples.is_empty(), "{name}");
        assert!(
            samples.windows(2).all(|w| w[0].time_s <= w[1].time_s),
            "{name}"
        );
        let last = samples.last().unwrap();
        assert_eq!(last.frame.is_some(), has_frames, "{name}");
        assert_eq!(last.size_bytes, Some(final_kib * 1024), "{name}");
        assert!(last.speed.unwrap() > 0.0, "{name}");
    }
}

fn media(name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../.media")
        .join(name);
    p.exists().then_some(p)
}

fn run(program: &str, args: &[String]) -> std::process::Output {
    let mut full = vec!["-nostdin".to_string(), "-y".to_string()];
    if program == "ffprobe" {
        full.clear();
    }
    full.extend_from_slice(args);
    Command::new(program).args(&full).output().unwrap()
}

#[test]
#[ignore = "needs ffmpeg, ffprobe and the sample media; run with --ignored"]
fn real_two_pass_encodes_fit_the_target() {
    let cases = [
        ("synth-1080p-10s.mp4", 2_000_000, VideoContainer::Mp4),
        ("synth-720p-20s.mp4", 3_000_000, VideoContainer::Mp4),
        ("synth-portrait-rotated.mp4", 400_000, VideoContainer::Mp4),
        ("synth-51-audio.mp4", 500_000, VideoContainer::Mp4),
        ("synth-720p-20s.mp4", 2_000_000, VideoContainer::WebM),
        ("bigbuckbunny.mp4", 600_000, VideoContainer::Mp4),
    ];
    let dir = std::env::temp_dir().join(format!("tamp-core-real-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, target, container) in cases {
        let Some(input) = media(name) else { continue };
        let input = input.to_string_lossy().to_string();
        let probe_out = run("ffprobe", &probe_args(&input));
        let probe = parse_ffprobe_json(&String::from_utf8_lossy(&probe_out.stdout)).unwrap();
        let req = TargetRequest {
            target_bytes: target,
            container,
            max_height: None,
            fps_cap: None,
            keep_audio: true,
        };
        let mut plan = plan_for_target(&probe, &req).unwrap();
        let ext = if container == VideoContainer::Mp4 {
            "mp4"
        } else {
            "webm"
        };
        let output = dir
            .join(format!("{name}.{ext}"))
            .to_string_lossy()
            .to_string();
        let passlog = dir.join("pass").to_string_lossy().to_string();
        let io = EncodeIo {
            input: &input,
            output: &output,
            passlog: &passlog,
            threads: Some(2),
            trim: None,
        };
        // The size-fit loop as the engine runs it, each attempt into its own file.
        let mut fit = SizeFit::new(target);
        let mut sizes = Vec::new();
        let size = loop {
            let attempt = sizes.len() + 1;
            let out_path = format!("{output}.{attempt}.{ext}");
            let io = EncodeIo {
                output: &out_path,
                ..io
            };
            for pass in [Pass::First, Pass::Second] {
                let out = run("ffmpeg", &target_args(&plan, &io, pass));
                assert!(
                    out.status.success(),
                    "{name}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            let size = std::fs::metadata(&out_path).unwrap().len();
            sizes.push(size);
            eprintln!("{name} {container:?} attempt {attempt}: target {target} expected {} actual {size} ({:.1}%)", plan.expected_bytes, size as f64 * 100.0 / target as f64);
            match fit.judge(&plan, size) {
                Next::Keep { attempt, note } => {
                    eprintln!("{name}: kept attempt {attempt} {note:?}");
                    break sizes[attempt as usize - 1];
                }
                Next::Retry { plan: next, .. } => plan = *next,
                Next::Fail(e) => panic!("{name}: {e}"),
            }
        };
        assert!(size <= target, "{name}: {size} > {target}");
    }
}
