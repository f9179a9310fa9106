//! Prints the planner's choice for a file, for measuring by hand against native ffmpeg:
//! `ffprobe -v error -print_format json -show_format -show_streams IN > p.json`, then
//! `cargo run -p tamp-core --example plan -- p.json TARGET_BYTES`. One line out:
//! `width height fps video_bps audio_bps audio_channels outlook`.

use tamp_core::plan::{plan_for_target, TargetRequest, VideoContainer};
use tamp_core::probe::parse_ffprobe_json;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(target)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: plan PROBE.json TARGET_BYTES");
        std::process::exit(2);
    };
    let json = std::fs::read_to_string(path).expect("readable probe JSON");
    let probe = parse_ffprobe_json(&json).expect("ffprobe JSON");
    let req = TargetRequest {
        target_bytes: target.parse().expect("a byte count"),
        container: VideoContainer::Mp4,
        max_height: None,
        fps_cap: None,
        keep_audio: true,
    };
    match plan_for_target(&probe, &req) {
        Ok(plan) => {
            let v = plan.video.as_ref();
            let src_fps = probe.video.as_ref().and_then(|v| v.fps).unwrap_or(30.0);
            println!(
                "{} {} {} {} {} {} {}",
                v.map_or(0, |v| v.width),
                v.map_or(0, |v| v.height),
                v.and_then(|v| v.fps).unwrap_or(src_fps),
                v.map_or(0, |v| v.bitrate_bps),
                plan.audio.as_ref().map_or(0, |a| a.bitrate_bps),
                plan.audio.as_ref().map_or(0, |a| a.channels),
                plan.outlook
                    .map_or(String::new(), |o| o.describe().replace(' ', "_")),
            );
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
