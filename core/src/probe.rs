//! Understanding ffprobe's JSON (`-print_format json -show_format -show_streams`).

mod demuxed;
mod explain;
mod raw;
mod reason;
#[cfg(test)]
mod tests;

pub use demuxed::{probe_from_demuxer, DemuxedAudio, DemuxedColour, DemuxedFacts, DemuxedVideo};
pub use explain::{ends_early, explain_encode_failure, explain_ffprobe_failure};
pub use reason::{FailReason, OutputWarning};

use crate::media::MediaKind;
use raw::{RawProbe, RawStream};
use serde::{Deserialize, Serialize};

/// What ffprobe told us about a file, reduced to what planning needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    /// ffprobe's `format_name`, e.g. `"mov,mp4,m4a,3gp,3g2,mj2"` or `"matroska,webm"`.
    pub container: String,
    /// Duration in seconds, from the container or else the longest stream.
    pub duration_s: Option<f64>,
    /// Overall bitrate in bits per second.
    pub bitrate_bps: Option<u64>,
    /// File size in bytes as ffprobe saw it.
    pub size_bytes: Option<u64>,
    /// The main video stream (cover art is not video).
    pub video: Option<VideoInfo>,
    /// The first audio stream.
    pub audio: Option<AudioInfo>,
    /// Cover art (an attached picture, as in MP3, M4A and FLAC files).
    #[serde(default)]
    pub cover: Option<CoverInfo>,
}

impl Probe {
    /// What the file is as FFmpeg read it: moving pictures make a video, else sound makes
    /// audio, else a still picture an image. Decides the goal of a file the sniffer did not
    /// know ([`crate::sniff::Sniffed::needs_probe`]).
    pub fn kind(&self) -> MediaKind {
        match (&self.video, &self.audio) {
            (Some(v), _) if !v.is_still_image => MediaKind::Video,
            (_, Some(_)) => MediaKind::Audio,
            (Some(_), None) => MediaKind::Image,
            (None, None) => MediaKind::Unknown,
        }
    }
}

/// An attached picture: the cover of an album or podcast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverInfo {
    /// Index of its stream in the file (for `-map 0:N`).
    pub index: u32,
    /// Codec name as ffprobe spells it (`"mjpeg"`, `"png"`).
    pub codec: String,
}

/// The main video stream.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VideoInfo {
    /// Codec name as ffprobe spells it (`"h264"`, `"vp8"`, `"png"`…).
    pub codec: String,
    /// Coded width in pixels, before rotation.
    pub width: u32,
    /// Coded height in pixels, before rotation.
    pub height: u32,
    /// Frames per second from `avg_frame_rate`, else `r_frame_rate`; `None` if unknown.
    pub fps: Option<f64>,
    /// Clockwise rotation needed for display: 0, 90, 180 or 270.
    ///
    /// Clockwise, like the legacy `rotate` tag; ffprobe's display-matrix
    /// `rotation` is counter-clockwise and is converted.
    pub rotation: i32,
    /// Stream bitrate in bits per second, when the container records it.
    pub bitrate_bps: Option<u64>,
    /// Frame count, when the container records it.
    pub frames: Option<u64>,
    /// True for a single picture (an image file or cover art) rather than moving video.
    pub is_still_image: bool,
    /// Sample (pixel) aspect ratio when the pixels are not square (anamorphic DVD, DV,
    /// HDV): the picture is shown wider or narrower than its pixel count says.
    #[serde(default)]
    pub sar: Option<(u32, u32)>,
    /// How the pixel values are to be read (range, matrix, transfer, primaries).
    #[serde(default)]
    pub colour: Colour,
}

/// A video stream's colour description, as ffprobe names it (`color_range` "tv"/"pc",
/// `color_space` "bt709", …). Each part is `None` when the file does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colour {
    /// `"tv"` (limited, 16–235) or `"pc"` (full, 0–255).
    pub range: Option<String>,
    /// The YUV matrix (`color_space`), e.g. `"bt709"`, `"smpte170m"`, `"bt470bg"`.
    pub space: Option<String>,
    /// The transfer function (`color_transfer`), e.g. `"bt709"`.
    pub transfer: Option<String>,
    /// The primaries (`color_primaries`), e.g. `"bt709"`.
    pub primaries: Option<String>,
}

impl VideoInfo {
    /// Width and height as displayed, i.e. swapped for 90° and 270° rotations.
    pub fn display_size(&self) -> (u32, u32) {
        if self.rotation % 180 == 90 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// The first audio stream.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AudioInfo {
    /// Codec name as ffprobe spells it (`"aac"`, `"opus"`, `"pcm_s16le"`…).
    pub codec: String,
    /// Channel count (0 if ffprobe did not say).
    pub channels: u32,
    /// Sample rate in Hz (0 if ffprobe did not say).
    pub sample_rate: u32,
    /// Stream bitrate in bits per second, when known.
    pub bitrate_bps: Option<u64>,
}

/// Why ffprobe output could not be understood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProbeError {
    /// The text was not the JSON ffprobe writes.
    #[error("The file's details could not be read (unexpected ffprobe output: {0}).")]
    InvalidJson(String),
    /// ffprobe produced no streams at all, which is what it prints on failure.
    #[error("No video, audio or image data was found in this file.")]
    NoStreams,
}

/// Parses ffprobe's JSON output.
pub fn parse_ffprobe_json(json: &str) -> Result<Probe, ProbeError> {
    let raw: RawProbe =
        serde_json::from_str(json).map_err(|e| ProbeError::InvalidJson(e.to_string()))?;
    let streams = raw.streams.unwrap_or_default();
    if streams.is_empty() {
        return Err(ProbeError::NoStreams);
    }
    let format = raw.format.unwrap_or_default();
    let container = format.format_name.clone().unwrap_or_default();

    let video = streams
        .iter()
        .find(|s| s.is_type("video") && !s.is_attached_pic())
        .map(|s| video_info(s, &container));
    let audio = streams
        .iter()
        .find(|s| s.is_type("audio"))
        .map(|s| AudioInfo {
            codec: s.codec(),
            channels: raw::as_u64(&s.channels).and_then(to_u32).unwrap_or(0),
            sample_rate: raw::as_u64(&s.sample_rate).and_then(to_u32).unwrap_or(0),
            bitrate_bps: s.bitrate(),
        });

    // The container's duration covers all streams; streams are the fallback
    // (e.g. some raw or damaged files only time their streams).
    let duration_s = raw::as_f64(&format.duration)
        .filter(|d| *d > 0.0)
        .or_else(|| {
            streams
                .iter()
                .filter(|s| s.is_type("video") || s.is_type("audio"))
                .filter_map(RawStream::duration)
                .filter(|d| *d > 0.0)
                .reduce(f64::max)
        });

    let cover = streams
        .iter()
        .find(|s| s.is_type("video") && s.is_attached_pic())
        .and_then(|s| {
            Some(CoverInfo {
                index: raw::as_u64(&s.index).and_then(to_u32)?,
                codec: s.codec(),
            })
        });

    Ok(Probe {
        container,
        duration_s,
        bitrate_bps: raw::as_u64(&format.bit_rate),
        size_bytes: raw::as_u64(&format.size),
        video,
        audio,
        cover,
    })
}

fn to_u32(v: u64) -> Option<u32> {
    u32::try_from(v).ok()
}

fn video_info(s: &RawStream, container: &str) -> VideoInfo {
    let codec = s.codec();
    let frames = raw::as_u64(&s.nb_frames);
    // Image codecs also carry motion-JPEG and similar video, so a picture
    // codec only counts as a still image in an image container or with one frame.
    const PICTURE_CODECS: [&str; 10] = [
        "png", "mjpeg", "bmp", "webp", "tiff", "jpeg2000", "jpegls", "qoi", "ppm", "pam",
    ];
    let image_container = container.ends_with("_pipe") || container == "image2";
    let is_still_image = s.is_attached_pic()
        || s.flag("still_image")
        || (PICTURE_CODECS.contains(&codec.as_str()) && (image_container || frames == Some(1)));
    VideoInfo {
        width: raw::as_u64(&s.width).and_then(to_u32).unwrap_or(0),
        height: raw::as_u64(&s.height).and_then(to_u32).unwrap_or(0),
        fps: raw::parse_rate(s.avg_frame_rate.as_deref())
            .or_else(|| raw::parse_rate(s.r_frame_rate.as_deref())),
        rotation: s.rotation_clockwise(),
        bitrate_bps: s.bitrate(),
        frames,
        is_still_image,
        colour: colour_of(s),
        sar: s.non_square_sar(),
        codec,
    }
}

/// The stream's colour tags; ffprobe's "unknown"/"reserved" count as not said.
fn colour_of(s: &RawStream) -> Colour {
    let said = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| {
                !v.is_empty()
                    && v.len() <= 32
                    && !matches!(*v, "unknown" | "reserved" | "unspecified")
                    && v.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            })
            .map(str::to_owned)
    };
    Colour {
        range: said(&s.color_range),
        space: said(&s.color_space),
        transfer: said(&s.color_transfer),
        primaries: said(&s.color_primaries),
    }
}
