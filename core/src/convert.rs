//! FFmpeg arguments for format conversions (as opposed to size targets): audio
//! extraction and transcoding, container changes by stream copy where the codecs allow
//! it, and animated GIF with a generated palette.

use thiserror::Error;

use crate::args::{input_args, EncodeIo};
use crate::plan::{TargetRequest, VideoContainer};
use crate::probe::Probe;
use crate::stream_copy::{CopyContainer, StreamCopy};

/// Why a conversion cannot be done.
#[derive(Debug, Error, PartialEq)]
pub enum ConvertError {
    #[error("This file has no sound to convert.")]
    NoAudio,
    #[error("This file has no picture to convert.")]
    NoVideo,
    #[error("This app cannot produce the format \"{0}\".")]
    UnknownFormat(String),
}

/// The arguments of one conversion, and what to tell the user about it.
#[derive(Debug, PartialEq)]
pub struct ConvertPlan {
    pub args: Vec<String>,
    pub notes: Vec<String>,
    /// Set when the command is a plain stream copy, which the browser may make instead
    /// (see [`crate::stream_copy`]).
    pub copy: Option<StreamCopy>,
}

/// Animated GIF defaults: GIFs are huge per frame, so keep them small and smooth enough.
pub const GIF_MAX_WIDTH: u32 = 480;
pub const GIF_FPS: u32 = 12;

/// Animated WebP defaults: it keeps full colour per frame, so a little wider and smoother
/// than GIF for a similar size; still capped, since every frame is a still picture.
pub const WEBP_ANIM_MAX_WIDTH: u32 = 640;
/// Frame rate of animated WebP outputs.
pub const WEBP_ANIM_FPS: u32 = 15;
/// libwebp's quality (0-100) for the frames; 75 is libwebp's own default.
const WEBP_ANIM_QUALITY: u32 = 75;

fn strs(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Video codecs MP4/MOV can carry as they are.
fn mp4_video_ok(codec: &str) -> bool {
    matches!(codec, "h264" | "hevc" | "av1" | "mpeg4")
}

/// Audio codecs MP4/MOV can carry as they are.
fn mp4_audio_ok(codec: &str) -> bool {
    matches!(codec, "aac" | "mp3" | "alac" | "ac3" | "eac3")
}

/// Whether the input's streams can be copied into an MP4/MOV unchanged. (FFmpeg names
/// one demuxer for MOV and MP4, so whether the input already *is* an MP4 is the caller's
/// knowledge, from sniffing.)
pub fn can_remux_to_mp4(probe: &Probe) -> bool {
    let video_ok = probe.video.as_ref().is_some_and(|v| mp4_video_ok(&v.codec));
    let audio_ok = probe.audio.as_ref().is_none_or(|a| mp4_audio_ok(&a.codec));
    video_ok && audio_ok
}

/// Stream copy into a new container: instant and lossless.
fn remux(io: &EncodeIo, container: CopyContainer, what: &str) -> ConvertPlan {
    let faststart = container != CopyContainer::Mkv;
    let mut args = input_args(io);
    args.extend(strs(&["-map", "0:v:0", "-map", "0:a:0?", "-c", "copy"]));
    if faststart {
        args.extend(strs(&["-movflags", "+faststart"]));
    }
    args.extend(strs(&["-map_metadata", "-1", io.output]));
    ConvertPlan {
        args,
        notes: vec![format!(
            "Remuxed into {what} without re-encoding: instant and lossless."
        )],
        copy: Some(StreamCopy {
            container,
            fast_start: faststart,
        }),
    }
}

/// A size-target MP4 whose input already fits it, with H.264 and AAC (or MP3) inside and
/// nothing asked that needs new pixels (smaller picture, lower frame rate, a cut, no sound):
/// copying the streams into a fresh MP4 is instant and loses nothing, where a re-encode
/// would only spend quality to land at about the same size. Metadata is still stripped.
/// The caller checks the copy's size against the target and encodes if it is over.
pub fn copy_if_it_fits(probe: &Probe, req: &TargetRequest, io: &EncodeIo) -> Option<ConvertPlan> {
    let video = probe.video.as_ref().filter(|v| !v.is_still_image)?;
    let (w, h) = video.display_size();
    let fits = probe.size_bytes.is_some_and(|s| s <= req.target_bytes);
    let plays_everywhere = video.codec == "h264"
        && probe
            .audio
            .as_ref()
            .is_none_or(|a| matches!(a.codec.as_str(), "aac" | "mp3"));
    let same_picture = req.max_height.is_none_or(|m| w.min(h) <= m)
        && req
            .fps_cap
            .is_none_or(|cap| video.fps.is_some_and(|fps| fps <= cap + 0.01));
    let same_streams = io.trim.is_none() && (req.keep_audio || probe.audio.is_none());
    if !(req.container == VideoContainer::Mp4
        && fits
        && plays_everywhere
        && same_picture
        && same_streams)
    {
        return None;
    }
    let mut plan = remux(io, CopyContainer::Mp4, "MP4");
    plan.notes = vec![
        "Already within the target size with H.264 inside: the streams are copied as they are \
         (instant, no quality lost), metadata removed."
            .to_string(),
    ];
    Some(plan)
}

/// Re-encode into H.264/AAC: for MOV outputs whose input codecs MOV cannot carry, and for
/// trimmed MKV/MOV outputs (a stream copy could only cut at keyframes).
fn h264_aac(io: &EncodeIo, faststart: bool, what: &str) -> ConvertPlan {
    let mut args = input_args(io);
    args.extend(strs(&[
        "-map", "0:v:0", "-map", "0:a:0?", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "160k",
    ]));
    if let Some(n) = io.threads {
        args.extend(["-threads".to_string(), n.to_string()]);
    }
    if faststart {
        args.extend(strs(&["-movflags", "+faststart"]));
    }
    args.extend(strs(&["-map_metadata", "-1", io.output]));
    ConvertPlan {
        args,
        notes: vec![format!("Re-encoded to H.264/AAC in {what}.")],
        copy: None,
    }
}

/// Whether an audio format can carry cover art (an attached picture) copied as it is.
fn keeps_cover(format_id: &str) -> bool {
    matches!(format_id, "mp3" | "m4a" | "flac")
}

/// Picture codecs MP3 (ID3 APIC), M4A (`covr`) and FLAC (PICTURE) all hold.
fn cover_codec_ok(codec: &str) -> bool {
    matches!(codec, "mjpeg" | "png")
}

/// Arguments converting `probe`'s file to the registry format `format_id`.
pub fn convert_args(
    probe: &Probe,
    format_id: &str,
    audio_kbps: u32,
    io: &EncodeIo,
) -> Result<ConvertPlan, ConvertError> {
    let kbps = format!("{}k", audio_kbps.clamp(32, 320));
    let trim_note = io.trim.map(|t| t.note());
    let audio = |codec_args: &[&str], note: String| -> Result<ConvertPlan, ConvertError> {
        if probe.audio.is_none() {
            return Err(ConvertError::NoAudio);
        }
        let mut notes = vec![note];
        let mut args = input_args(io);
        args.extend(strs(&["-map", "0:a:0"]));
        match &probe.cover {
            // The picture is copied as it is (no re-encode), marked as the cover.
            Some(cover) if keeps_cover(format_id) && cover_codec_ok(&cover.codec) => {
                args.extend([
                    "-map".to_string(),
                    format!("0:{}", cover.index),
                    "-c:v".to_string(),
                    "copy".to_string(),
                    "-disposition:v:0".to_string(),
                    "attached_pic".to_string(),
                ]);
                notes.push("Cover art kept.".into());
            }
            Some(_) => {
                args.push("-vn".into());
                notes.push(if keeps_cover(format_id) {
                    "Cover art dropped: its picture format cannot go into this file.".into()
                } else {
                    format!(
                        "Cover art dropped: {} files cannot carry a picture.",
                        format_id.to_uppercase()
                    )
                });
            }
            None => args.push("-vn".into()),
        }
        args.extend(strs(codec_args));
        args.extend(strs(&["-map_metadata", "-1", io.output]));
        notes.extend(trim_note.clone());
        Ok(ConvertPlan {
            args,
            notes,
            copy: None,
        })
    };
    // A stream copy cuts only at keyframes, so a trimmed MKV/MOV is re-encoded instead.
    let trimmed = io.trim.is_some();
    let with_trim_note = |mut plan: ConvertPlan| {
        plan.notes.extend(trim_note.clone());
        plan
    };
    match format_id {
        "mp3" => audio(
            &["-c:a", "libmp3lame", "-b:a", &kbps],
            format!("MP3 at {kbps}bit/s."),
        ),
        "m4a" => audio(
            &["-c:a", "aac", "-b:a", &kbps, "-movflags", "+faststart"],
            format!("AAC at {kbps}bit/s."),
        ),
        // Vorbis refuses stereo below ~45 kbit/s.
        "ogg" => {
            let k = format!("{}k", audio_kbps.clamp(64, 320));
            audio(
                &["-c:a", "libvorbis", "-b:a", &k],
                format!("Vorbis at {k}bit/s."),
            )
        }
        // Only when the browser has no Opus encoder: the FFmpeg core's libopus crashes at
        // 48 kHz (ffmpeg.wasm 0.12.10), so it runs at 24 kHz (wideband: fine for speech,
        // dull for music).
        "opus" | "webm-audio" => audio(
            &["-c:a", "libopus", "-b:a", &kbps, "-ar", "24000"],
            format!("Opus at {kbps}bit/s from FFmpeg at 24 kHz: this browser has no Opus encoder."),
        ),
        "wav" => audio(&["-c:a", "pcm_s16le"], "Uncompressed 16-bit PCM.".into()),
        "flac" => audio(&["-c:a", "flac"], "Lossless FLAC.".into()),
        "mkv" => {
            if probe.video.is_none() {
                return Err(ConvertError::NoVideo);
            }
            if trimmed {
                return Ok(with_trim_note(h264_aac(io, false, "MKV")));
            }
            // Matroska carries every codec FFmpeg reads.
            Ok(remux(io, CopyContainer::Mkv, "MKV"))
        }
        "mov" => match &probe.video {
            None => Err(ConvertError::NoVideo),
            Some(_) if trimmed => Ok(with_trim_note(h264_aac(io, true, "MOV"))),
            Some(_) if can_remux_to_mp4(probe) || probe.container.contains("mov") => {
                Ok(remux(io, CopyContainer::Mov, "MOV"))
            }
            Some(_) => Ok(h264_aac(io, true, "MOV")),
        },
        "gif-video" => {
            let video = probe.video.as_ref().ok_or(ConvertError::NoVideo)?;
            let (w, _) = video.display_size();
            let width = w.min(GIF_MAX_WIDTH);
            let graph = format!(
                "[0:v]fps={GIF_FPS},scale={width}:-2:flags=lanczos,split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle"
            );
            let mut args = input_args(io);
            args.extend(strs(&[
                "-filter_complex",
                &graph,
                "-loop",
                "0",
                "-map_metadata",
                "-1",
                io.output,
            ]));
            Ok(with_trim_note(ConvertPlan {
                args,
                notes: vec![format!(
                    "Animated GIF at {GIF_FPS} fps, {width} px wide, with a palette made for this clip."
                )],
                copy: None,
            }))
        }
        "webp-video" => {
            let video = probe.video.as_ref().ok_or(ConvertError::NoVideo)?;
            let (w, _) = video.display_size();
            let width = w.min(WEBP_ANIM_MAX_WIDTH);
            let mut args = input_args(io);
            args.extend([
                "-map".to_string(),
                "0:v:0".to_string(),
                "-vf".to_string(),
                format!("fps={WEBP_ANIM_FPS},scale={width}:-2:flags=lanczos"),
                "-c:v".to_string(),
                "libwebp_anim".to_string(),
                "-quality".to_string(),
                WEBP_ANIM_QUALITY.to_string(),
            ]);
            args.extend(strs(&[
                "-loop",
                "0",
                "-an",
                "-map_metadata",
                "-1",
                io.output,
            ]));
            Ok(with_trim_note(ConvertPlan {
                args,
                notes: vec![format!(
                    "Animated WebP at {WEBP_ANIM_FPS} fps, {width} px wide, lossy (quality {WEBP_ANIM_QUALITY}), looping."
                )],
                copy: None,
            }))
        }
        other => Err(ConvertError::UnknownFormat(other.to_string())),
    }
}

/// Remux into MP4 when the input is another container whose codecs MP4 can carry (for
/// "MP4" without a size target). `input_format` is the sniffed format id. Never for a
/// trimmed job: a stream copy would cut at keyframes, not at the times asked for.
pub fn remux_to_mp4(probe: &Probe, input_format: &str, io: &EncodeIo) -> Option<ConvertPlan> {
    (input_format != "mp4" && io.trim.is_none() && can_remux_to_mp4(probe))
        .then(|| remux(io, CopyContainer::Mp4, "MP4"))
}

#[cfg(test)]
mod tests;
