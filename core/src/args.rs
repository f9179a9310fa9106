//! FFmpeg and ffprobe argument lists.
//!
//! Lists exclude the program name; the wasm core prepends `-nostdin -y`.
//! Codec choices are constrained by the ffmpeg.wasm 0.12 core: H.264 via
//! libx264, and VP8 (not VP9, which crashes there) via libvpx.

mod anim_fit;
mod audio_fit;
#[cfg(test)]
mod tests;

pub use anim_fit::anim_fit_args;
pub use audio_fit::audio_fit_args;

use crate::plan::{audio_channels, fit_dims, format_fps, AudioPlan, Plan, VideoContainer};
use crate::probe::{AudioInfo, Colour, Probe};
use crate::trim::TrimWindow;

/// Which pass of an encode to build arguments for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// One pass (audio-only plans always use this).
    Single,
    /// Analysis pass: video only, output discarded, writes the pass log.
    First,
    /// Final pass using the pass log.
    Second,
}

/// File names inside FFmpeg's virtual file system, and threading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EncodeIo<'a> {
    /// Input file path.
    pub input: &'a str,
    /// Output file path (its extension should match the container).
    pub output: &'a str,
    /// Prefix for two-pass log files.
    pub passlog: &'a str,
    /// Encoder threads; libx264 in the multi-threaded wasm core crashes
    /// unless this is given explicitly.
    pub threads: Option<u32>,
    /// The part of the input to convert (`None`: all of it).
    pub trim: Option<TrimWindow>,
}

/// `-i input`, preceded by the trim window's `-ss`/`-t` input options when there is one.
pub fn input_args(io: &EncodeIo) -> Vec<String> {
    let mut args = io.trim.map(|t| t.input_args()).unwrap_or_default();
    args.extend([s("-i"), s(io.input)]);
    args
}

/// What the user asked for in "quality" (constant rate factor) mode.
#[derive(Clone, Debug, PartialEq)]
pub struct QualityRequest {
    /// Output container.
    pub container: VideoContainer,
    /// Constant rate factor: x264 0–51, VP8 4–63; lower is better quality.
    pub crf: u8,
    /// Upper limit for the picture's short side.
    pub max_height: Option<u32>,
    /// Upper limit for the frame rate.
    pub fps_cap: Option<f64>,
    /// Whether to keep the sound.
    pub keep_audio: bool,
}

/// Audio bitrate used in quality mode; transparent for most listeners with
/// AAC and Vorbis at stereo.
const QUALITY_AUDIO_BPS: u64 = 128_000;

/// VP8's CRF mode needs a bitrate ceiling; 0.2 bits per pixel per frame is
/// far above what CRF normally asks for, so it only limits pathological
/// content, never ordinary footage.
const VP8_CRF_CAP_BPP: f64 = 0.2;

/// libvpx speed/quality trade-off: `-deadline good -cpu-used 4` runs several
/// times faster than the default (`good`, cpu-used 1) at a small quality
/// cost, which matters in single-core-speed wasm; `realtime` would be faster
/// still but noticeably blockier at the low bitrates targets often need.
const VP8_SPEED: [&str; 4] = ["-deadline", "good", "-cpu-used", "4"];

fn s(v: &str) -> String {
    v.to_string()
}

/// Bitrate as ffmpeg text: whole kilobits as `Nk`, otherwise plain bits.
fn rate(bps: u64) -> String {
    if bps % 1000 == 0 {
        format!("{}k", bps / 1000)
    } else {
        bps.to_string()
    }
}

/// `fps=…,scale=…` filter chain, or `None` when nothing changes. The frame
/// rate filter comes first so dropped frames are never scaled. ffmpeg
/// auto-rotates before filters, so the sizes are display sizes.
fn video_filter(scale: Option<(u32, u32)>, fps: Option<f64>) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(f) = fps {
        parts.push(format!("fps={}", format_fps(f)));
    }
    if let Some((w, h)) = scale {
        parts.push(format!("scale={w}:{h}:flags=lanczos"));
    }
    (!parts.is_empty()).then(|| parts.join(","))
}

pub(crate) fn audio_args(
    container: VideoContainer,
    bitrate_bps: u64,
    channels: u32,
    sample_rate: u32,
) -> Vec<String> {
    let codec = match container {
        VideoContainer::Mp4 => "aac",
        VideoContainer::WebM => "libvorbis",
    };
    vec![
        s("-c:a"),
        s(codec),
        s("-b:a"),
        rate(bitrate_bps),
        s("-ac"),
        channels.to_string(),
        s("-ar"),
        sample_rate.to_string(),
    ]
}

fn video_codec_args(container: VideoContainer) -> Vec<String> {
    match container {
        VideoContainer::Mp4 => vec![s("-c:v"), s("libx264"), s("-preset"), s("veryfast")],
        VideoContainer::WebM => {
            let mut v = vec![s("-c:v"), s("libvpx")];
            v.extend(VP8_SPEED.iter().map(|a| s(a)));
            v
        }
    }
}

/// Output-side options shared by every real (non-null) output.
fn finish_output(args: &mut Vec<String>, container: VideoContainer, io: &EncodeIo) {
    if let Some(n) = io.threads {
        args.extend([s("-threads"), n.to_string()]);
    }
    if container == VideoContainer::Mp4 {
        // Index at the front so the result plays while still downloading/uploading.
        args.extend([s("-movflags"), s("+faststart")]);
    }
    // Global metadata is dropped: phone videos carry their GPS location there
    // (com.apple.quicktime.location.ISO6709, location-eng), and a file shared
    // after compression should not leak where it was filmed. Rotation is not
    // lost: ffmpeg applies it to the pixels before encoding.
    args.extend([s("-map_metadata"), s("-1")]);
    args.push(s(io.output));
}

/// Arguments for one pass of a target-size encode.
///
/// Explicit `-map`s pick the first video and (optionally, `?`) first audio
/// stream, so cover art, subtitles or data streams cannot break the encode.
/// Both passes of a two-pass encode get the same input options, video map, filter graph,
/// pixel format and frame timing (`-fps_mode`), so x264 sees the same frames twice: frame
/// counts that differ stop pass 2 with "Incomplete MB-tree stats file" (seen on an MPEG-4
/// Part 2 AVI with packed B-frames, and on a Theora/Vorbis Ogg).
pub fn target_args(plan: &Plan, io: &EncodeIo, pass: Pass) -> Vec<String> {
    let mut args = input_args(io);
    let Some(video) = &plan.video else {
        args.extend([s("-map"), s("0:a:0"), s("-vn")]);
        if let Some(a) = &plan.audio {
            args.extend(plan_audio(plan.container, a));
        }
        finish_output(&mut args, plan.container, io);
        return args;
    };
    let first = pass == Pass::First;
    args.extend([s("-map"), s("0:v:0")]);
    if plan.audio.is_some() {
        // Pass 1 reads the sound too (and copies it to nowhere): a demuxer reading one
        // stream of two may time the other differently (Ogg pages interleave both).
        args.extend([s("-map"), s("0:a:0?")]);
    }
    args.extend(video_codec_args(plan.container));
    args.extend([s("-b:v"), rate(video.bitrate_bps)]);
    if pass == Pass::Single && plan.container == VideoContainer::Mp4 {
        // One pass has no analysis to spread the bits by; a VBV ceiling keeps its
        // overshoot small enough for the size check to correct.
        args.extend([
            s("-maxrate"),
            rate(video.bitrate_bps.saturating_mul(3) / 2),
            s("-bufsize"),
            rate(video.bitrate_bps.saturating_mul(2)),
        ]);
    }
    let scale = video.scaled.then_some((video.width, video.height));
    if let Some(vf) = video_filter(scale, video.fps) {
        args.extend([s("-vf"), vf]);
    }
    args.extend([s("-pix_fmt"), s("yuv420p")]);
    args.extend(colour_args(&video.colour));
    match pass {
        Pass::Single => {}
        Pass::First => args.extend([s("-pass"), s("1"), s("-passlogfile"), s(io.passlog)]),
        Pass::Second => args.extend([s("-pass"), s("2"), s("-passlogfile"), s(io.passlog)]),
    }
    // The null muxer passes timestamps through, while a real output duplicates or drops
    // frames to its own timing (constant rate for MP4, variable for WebM): both passes
    // are told the real output's timing rather than left to their muxer's default.
    args.extend([s("-fps_mode"), s(fps_mode(plan.container))]);
    if first {
        // The analysis pass only needs video; its output is thrown away
        // ("-" with the null muxer, not a file).
        if let Some(n) = io.threads {
            args.extend([s("-threads"), n.to_string()]);
        }
        if plan.audio.is_some() {
            args.extend([s("-c:a"), s("copy")]);
        }
        args.extend([s("-f"), s("null"), s("-")]);
        return args;
    }
    match &plan.audio {
        Some(a) => args.extend(plan_audio(plan.container, a)),
        None => args.push(s("-an")),
    }
    finish_output(&mut args, plan.container, io);
    args
}

/// Colour values FFmpeg's options accept, as ffprobe names them; anything else is left
/// unsaid rather than risk an option FFmpeg refuses.
const RANGES: [&str; 1] = ["tv"];
const SPACES: [&str; 6] = [
    "bt709",
    "smpte170m",
    "bt470bg",
    "bt2020nc",
    "smpte240m",
    "fcc",
];
const TRANSFERS: [&str; 10] = [
    "bt709",
    "smpte170m",
    "bt470m",
    "bt470bg",
    "smpte240m",
    "linear",
    "iec61966-2-1",
    "bt2020-10",
    "smpte2084",
    "arib-std-b67",
];
const PRIMARIES: [&str; 7] = [
    "bt709",
    "smpte170m",
    "bt470bg",
    "bt470m",
    "smpte240m",
    "bt2020",
    "film",
];

/// `-color_range`/`-colorspace`/`-color_trc`/`-color_primaries` for the source's colour
/// description: scaling keeps the pixel values' meaning, so the output says the same.
/// Full range is not tagged: `-pix_fmt yuv420p` turns a full-range (`yuvj`) source into
/// limited-range pixels, which FFmpeg then tags itself.
pub(crate) fn colour_args(c: &Colour) -> Vec<String> {
    let mut args = Vec::new();
    let mut put = |opt: &str, value: &Option<String>, allowed: &[&str]| {
        if let Some(v) = value.as_deref().filter(|v| allowed.contains(v)) {
            args.extend([s(opt), s(v)]);
        }
    };
    put("-color_range", &c.range, &RANGES);
    put("-colorspace", &c.space, &SPACES);
    put("-color_trc", &c.transfer, &TRANSFERS);
    put("-color_primaries", &c.primaries, &PRIMARIES);
    args
}

/// The frame timing of the real output, given to both passes.
fn fps_mode(container: VideoContainer) -> &'static str {
    match container {
        VideoContainer::Mp4 => "cfr",
        VideoContainer::WebM => "vfr",
    }
}

fn plan_audio(container: VideoContainer, a: &AudioPlan) -> Vec<String> {
    audio_args(container, a.bitrate_bps, a.channels, a.sample_rate)
}

/// Arguments for a single-pass constant-quality encode.
pub fn quality_args(probe: &Probe, req: &QualityRequest, io: &EncodeIo) -> Vec<String> {
    let mut args = input_args(io);
    let video = probe
        .video
        .as_ref()
        .filter(|v| !v.is_still_image && v.width > 0 && v.height > 0);
    let audio = probe.audio.as_ref().filter(|_| req.keep_audio);
    match video {
        Some(v) => {
            args.extend([s("-map"), s("0:v:0")]);
            if audio.is_some() {
                args.extend([s("-map"), s("0:a:0?")]);
            }
            let display = v.display_size();
            let (w, h) = fit_dims(display, req.max_height);
            let src_fps = v.fps.unwrap_or(30.0);
            let fps = req
                .fps_cap
                .filter(|c| c.is_finite() && *c >= 1.0 && *c < src_fps - 0.01);
            args.extend(video_codec_args(req.container));
            match req.container {
                VideoContainer::Mp4 => args.extend([s("-crf"), req.crf.min(51).to_string()]),
                VideoContainer::WebM => {
                    let out_fps = fps.unwrap_or(src_fps);
                    let cap = (VP8_CRF_CAP_BPP * w as f64 * h as f64 * out_fps).max(500_000.0);
                    let cap = ((cap / 1000.0).round() as u64).saturating_mul(1000);
                    args.extend([
                        s("-crf"),
                        req.crf.clamp(4, 63).to_string(),
                        s("-b:v"),
                        rate(cap),
                    ]);
                }
            }
            let scale = ((w, h) != display).then_some((w, h));
            if let Some(vf) = video_filter(scale, fps) {
                args.extend([s("-vf"), vf]);
            }
            args.extend([s("-pix_fmt"), s("yuv420p")]);
            args.extend(colour_args(&v.colour));
        }
        None => args.extend([s("-map"), s("0:a:0"), s("-vn")]),
    }
    match audio {
        Some(a) => {
            let (bps, channels, sample_rate) = quality_audio(a);
            args.extend(audio_args(req.container, bps, channels, sample_rate));
        }
        None => args.push(s("-an")),
    }
    finish_output(&mut args, req.container, io);
    args
}

/// Audio bitrate, channels and sample rate of a quality-mode encode: the source's bitrate
/// up to [`QUALITY_AUDIO_BPS`], in whole kbit/s.
pub(crate) fn quality_audio(a: &AudioInfo) -> (u64, u32, u32) {
    let bps = a
        .bitrate_bps
        .map_or(QUALITY_AUDIO_BPS, |b| b.clamp(32_000, QUALITY_AUDIO_BPS));
    let bps = (bps / 1000) * 1000;
    let sample_rate = if matches!(a.sample_rate, 44_100 | 48_000) {
        a.sample_rate
    } else {
        48_000
    };
    (bps, audio_channels(bps, a.channels), sample_rate)
}

/// ffprobe arguments producing the JSON that `parse_ffprobe_json` reads.
pub fn probe_args(input: &str) -> Vec<String> {
    [
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        input,
    ]
    .iter()
    .map(|a| s(a))
    .collect()
}
