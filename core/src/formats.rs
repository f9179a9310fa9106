//! The converter registry: one table of formats, what each can be made from, and which
//! backend writes it. The **Output format** select, the engines and the README's table
//! all read this, so an offered conversion always has a backend behind it.

use serde::Serialize;

use crate::media::MediaKind;

/// Which engine writes a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Backend {
    /// FFmpeg (WebAssembly) in the engine worker.
    Ffmpeg,
    /// The `image` crate in the image worker.
    Image,
}

/// One format the app knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FormatInfo {
    /// Stable id; for inputs it equals the id [`crate::sniff::sniff`] reports.
    pub id: &'static str,
    /// What users call it; the option label of the select.
    pub label: &'static str,
    /// File extension without the dot.
    pub ext: &'static str,
    /// MIME type of a file in this format.
    pub mime: &'static str,
    /// What a file of this format is.
    pub kind: MediaKind,
    /// Whether the app can read it.
    pub readable: bool,
    /// Which input kinds can be converted to it (empty: never written).
    pub writable_from: &'static [MediaKind],
    /// Which engine writes it.
    pub backend: Backend,
}

use Backend::{Ffmpeg, Image as Img};
use MediaKind::{Audio, Image, Video};

const AV: &[MediaKind] = &[Video, Audio];
const V: &[MediaKind] = &[Video];
const I: &[MediaKind] = &[Image];
const NONE: &[MediaKind] = &[];

// A table-row constructor: positional arguments keep the table below one line per format.
#[allow(clippy::too_many_arguments)]
const fn f(
    id: &'static str,
    label: &'static str,
    ext: &'static str,
    mime: &'static str,
    kind: MediaKind,
    readable: bool,
    writable_from: &'static [MediaKind],
    backend: Backend,
) -> FormatInfo {
    FormatInfo {
        id,
        label,
        ext,
        mime,
        kind,
        readable,
        writable_from,
        backend,
    }
}

/// Every format, outputs in the order the select offers them.
pub const FORMATS: &[FormatInfo] = &[
    f("mp4", "MP4", "mp4", "video/mp4", Video, true, V, Ffmpeg),
    f("webm", "WebM", "webm", "video/webm", Video, true, V, Ffmpeg),
    f(
        "mkv",
        "MKV",
        "mkv",
        "video/x-matroska",
        Video,
        true,
        V,
        Ffmpeg,
    ),
    f(
        "mov",
        "MOV",
        "mov",
        "video/quicktime",
        Video,
        true,
        V,
        Ffmpeg,
    ),
    f(
        "gif-video",
        "GIF",
        "gif",
        "image/gif",
        Video,
        false,
        V,
        Ffmpeg,
    ),
    // Animated WebP from the core's libwebp_anim: smaller than GIF at better colour.
    f(
        "webp-video",
        "WebP (animated)",
        "webp",
        "image/webp",
        Video,
        false,
        V,
        Ffmpeg,
    ),
    f("mp3", "MP3", "mp3", "audio/mpeg", Audio, true, AV, Ffmpeg),
    f("m4a", "M4A", "m4a", "audio/mp4", Audio, true, AV, Ffmpeg),
    f("ogg", "OGG", "ogg", "audio/ogg", Audio, true, AV, Ffmpeg),
    // Opus from the browser's AudioEncoder (FFmpeg's libopus at 24 kHz where it has none).
    f(
        "opus",
        "Opus",
        "opus",
        "audio/ogg",
        Audio,
        false,
        AV,
        Ffmpeg,
    ),
    f(
        "webm-audio",
        "WebM (Opus sound)",
        "webm",
        "audio/webm",
        Audio,
        false,
        AV,
        Ffmpeg,
    ),
    f("wav", "WAV", "wav", "audio/wav", Audio, true, AV, Ffmpeg),
    f(
        "flac",
        "FLAC",
        "flac",
        "audio/flac",
        Audio,
        true,
        AV,
        Ffmpeg,
    ),
    f("webp", "WebP", "webp", "image/webp", Image, true, I, Img),
    f("jpeg", "JPEG", "jpg", "image/jpeg", Image, true, I, Img),
    f("png", "PNG", "png", "image/png", Image, true, I, Img),
    f("gif", "GIF", "gif", "image/gif", Image, true, I, Img),
    f("bmp", "BMP", "bmp", "image/bmp", Image, true, I, Img),
    f("ico", "ICO", "ico", "image/x-icon", Image, true, I, Img),
    f("tiff", "TIFF", "tiff", "image/tiff", Image, true, I, Img),
    f("qoi", "QOI", "qoi", "image/qoi", Image, true, I, Img),
    f("avif", "AVIF", "avif", "image/avif", Image, false, I, Img),
    // Read only.
    f(
        "avi",
        "AVI",
        "avi",
        "video/x-msvideo",
        Video,
        true,
        NONE,
        Ffmpeg,
    ),
    f(
        "ts",
        "MPEG-TS",
        "ts",
        "video/mp2t",
        Video,
        true,
        NONE,
        Ffmpeg,
    ),
    f(
        "mpeg",
        "MPEG",
        "mpg",
        "video/mpeg",
        Video,
        true,
        NONE,
        Ffmpeg,
    ),
    f(
        "flv",
        "FLV",
        "flv",
        "video/x-flv",
        Video,
        true,
        NONE,
        Ffmpeg,
    ),
    f("aac", "AAC", "aac", "audio/aac", Audio, true, NONE, Ffmpeg),
    f(
        "aiff",
        "AIFF",
        "aiff",
        "audio/aiff",
        Audio,
        true,
        NONE,
        Ffmpeg,
    ),
    f("tga", "TGA", "tga", "image/x-tga", Image, true, NONE, Img),
    // Decoded by libheif in the image worker (iPhone photos).
    f("heic", "HEIC", "heic", "image/heic", Image, true, NONE, Img),
    f(
        "pnm",
        "PNM",
        "pnm",
        "image/x-portable-anymap",
        Image,
        true,
        NONE,
        Img,
    ),
];

/// The formats an input of `kind` can become, in the select's order.
pub fn outputs_for(kind: MediaKind) -> impl Iterator<Item = &'static FormatInfo> {
    FORMATS
        .iter()
        .filter(move |f| f.writable_from.contains(&kind))
}

/// An output format by its id.
pub fn output_by_id(id: &str) -> Option<&'static FormatInfo> {
    FORMATS
        .iter()
        .find(|f| f.id == id && !f.writable_from.is_empty())
}

/// What a kind becomes when the user picks nothing: MP4 (plays everywhere), MP3 (plays
/// everywhere), WebP (smallest widely supported image format).
pub fn default_output(kind: MediaKind) -> Option<&'static FormatInfo> {
    match kind {
        Video => output_by_id("mp4"),
        Audio => output_by_id("mp3"),
        Image => output_by_id("webp"),
        MediaKind::Unknown => None,
    }
}

/// What an input becomes when the user picks nothing: [`default_output`] for its kind, but
/// JPEG for HEIC (iPhone photos), which is what people convert them for: a photo that opens
/// everywhere, keeping its look.
pub fn default_output_for(kind: MediaKind, input: Option<&str>) -> Option<&'static FormatInfo> {
    match input {
        Some("heic") => output_by_id("jpeg"),
        _ => default_output(kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_outputs_have_labels() {
        for (i, a) in FORMATS.iter().enumerate() {
            assert!(!a.label.is_empty() && !a.ext.is_empty() && a.mime.contains('/'));
            for b in &FORMATS[i + 1..] {
                assert_ne!(a.id, b.id);
            }
        }
    }

    #[test]
    fn every_kind_has_a_default_it_can_produce() {
        for kind in [Video, Audio, Image] {
            let d = default_output(kind).expect("default");
            assert!(d.writable_from.contains(&kind), "{kind:?} -> {}", d.id);
        }
        assert!(default_output(MediaKind::Unknown).is_none());
    }

    #[test]
    fn video_can_become_audio_but_audio_cannot_become_video() {
        assert!(outputs_for(Video).any(|f| f.id == "mp3"));
        assert!(!outputs_for(Audio).any(|f| f.kind == Video));
        assert!(outputs_for(Image).all(|f| f.backend == Backend::Image));
    }
}
