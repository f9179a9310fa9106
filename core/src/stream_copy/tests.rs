use super::*;
use crate::args::EncodeIo;
use crate::convert::{convert_args, remux_to_mp4};
use crate::probe::parse_ffprobe_json;

fn probe(name: &str) -> Probe {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    parse_ffprobe_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn io(trimmed: bool) -> EncodeIo<'static> {
    EncodeIo {
        input: "/in/x",
        output: "/out/o",
        passlog: "/out/p",
        threads: None,
        trim: trimmed.then_some(crate::trim::TrimWindow {
            start_ms: 1_000,
            end_ms: Some(2_000),
        }),
    }
}

fn copy_of(probe: &Probe, format: &str) -> Option<StreamCopy> {
    convert_args(probe, format, 128, &io(false)).unwrap().copy
}

#[test]
fn a_remux_says_it_is_a_copy_and_into_what() {
    let p = probe("probe-synth-1080p-10s.json");
    let mkv = copy_of(&p, "mkv").unwrap();
    assert_eq!(mkv.container, CopyContainer::Mkv);
    assert!(!mkv.fast_start, "FFmpeg writes no fast-start MKV either");
    let mov = copy_of(&p, "mov").unwrap();
    assert_eq!((mov.container, mov.fast_start), (CopyContainer::Mov, true));
}

#[test]
fn re_encodes_and_trimmed_jobs_are_no_copy() {
    let p = probe("probe-synth-1080p-10s.json");
    assert_eq!(copy_of(&p, "mp3"), None);
    assert_eq!(copy_of(&p, "gif-video"), None);
    // A stream copy cuts only at keyframes, so a trimmed MKV is re-encoded.
    assert_eq!(convert_args(&p, "mkv", 128, &io(true)).unwrap().copy, None);
    // MPEG-4 Part 2 does not go into MOV as it is here (FFmpeg re-encodes it).
    let mpeg4 = probe("probe-synth-mpeg4.json");
    assert!(copy_of(&mpeg4, "mov").is_none_or(|c| !c.in_browser(&mpeg4)));
}

#[test]
fn mkv_to_mp4_is_a_copy_the_browser_makes() {
    let mut p = probe("probe-synth-1080p-10s.json");
    p.container = "matroska,webm".into();
    let copy = remux_to_mp4(&p, "mkv", &io(false)).unwrap().copy.unwrap();
    assert_eq!(copy.container, CopyContainer::Mp4);
    assert!(copy.in_browser(&p));
}

#[test]
fn the_browser_copies_only_what_it_reads_and_the_container_takes() {
    let p = probe("probe-synth-1080p-10s.json");
    let mkv = StreamCopy {
        container: CopyContainer::Mkv,
        fast_start: false,
    };
    let mp4 = StreamCopy {
        container: CopyContainer::Mp4,
        fast_start: true,
    };
    assert!(mkv.in_browser(&p) && mp4.in_browser(&p));

    let mut avi = p.clone();
    avi.container = "avi".into();
    assert!(!mkv.in_browser(&avi), "Mediabunny does not read AVI");

    let mut vp9 = p.clone();
    vp9.video.as_mut().unwrap().codec = "vp9".into();
    assert!(mkv.in_browser(&vp9));
    assert!(
        !mp4.in_browser(&vp9),
        "FFmpeg's MP4 copy takes no VP9 either"
    );

    let mut opus = p.clone();
    opus.audio.as_mut().unwrap().codec = "opus".into();
    assert!(mkv.in_browser(&opus) && !mp4.in_browser(&opus));

    let mut silent = p.clone();
    silent.audio = None;
    assert!(mp4.in_browser(&silent));

    let mut no_video = p;
    no_video.video = None;
    assert!(!mkv.in_browser(&no_video));
}

#[test]
fn only_small_outputs_are_built_fast_start_in_memory() {
    let mov = StreamCopy {
        container: CopyContainer::Mov,
        fast_start: true,
    };
    assert!(mov.fast_start_for(100_000_000));
    assert!(!mov.fast_start_for(4_400_000_000));
    let mkv = StreamCopy {
        container: CopyContainer::Mkv,
        fast_start: false,
    };
    assert!(!mkv.fast_start_for(1_000));
}

#[test]
fn a_copy_that_would_not_fit_on_disk_is_refused_before_it_starts() {
    let needed = space_needed(4_400_000_000);
    assert!(needed > 4_400_000_000 && needed < 4_520_000_000);
    assert_eq!(check_space(needed, None), Ok(()));
    assert_eq!(check_space(needed, Some(needed)), Ok(()));
    let err = check_space(needed, Some(1_000_000_000)).unwrap_err();
    assert_eq!(
        err,
        FailReason::NoSpace {
            needed,
            free: 1_000_000_000
        }
    );
    let words = err.english();
    assert!(
        words.contains("4.5 GB") && words.contains("1.0 GB"),
        "{words}"
    );
}
