//! File-type detection from magic bytes, never from the file name.
//!
//! The caller passes the first bytes of a file (up to 64 KiB). Detection is
//! deliberately strict where signatures are short (MP3 frame sync, PNM) so that
//! random data is not mistaken for media. The sniffer routes files and names what is clearly
//! not media (a PDF, a Word document, text); what it does not recognise at all is not refused
//! here but asked of FFmpeg, which reads far more formats than any list of signatures
//! ([`Sniffed::needs_probe`]).

mod more_media;
mod mpeg_audio;
mod not_media;
#[cfg(test)]
mod tests;

use crate::media::MediaKind;
use serde::Serialize;

/// The result of sniffing a file's first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sniffed {
    /// Broad kind; `Unknown` also for recognised non-media such as PDF.
    pub kind: MediaKind,
    /// Short format id such as `"mp4"`, `"webm"`, `"png"`; `None` when unrecognised.
    pub format: Option<&'static str>,
    /// Human description, e.g. "MP4 video" or "Unrecognised data".
    pub description: &'static str,
}

const fn hit(kind: MediaKind, format: &'static str, description: &'static str) -> Sniffed {
    Sniffed {
        kind,
        format: Some(format),
        description,
    }
}

const UNRECOGNISED: Sniffed = Sniffed {
    kind: MediaKind::Unknown,
    format: None,
    description: "Unrecognised data",
};

impl Sniffed {
    /// A file the sniffer did not know, once FFmpeg has read it as `kind`.
    pub fn read_by_ffmpeg(kind: MediaKind) -> Sniffed {
        Sniffed {
            kind,
            format: None,
            description: match kind {
                MediaKind::Video => "Video (read by FFmpeg)",
                MediaKind::Audio => "Audio (read by FFmpeg)",
                MediaKind::Image => "Picture (read by FFmpeg)",
                MediaKind::Unknown => "Unrecognised data",
            },
        }
    }

    /// Whether FFmpeg must be asked before the file is refused: not recognised here, but
    /// not recognised as something else either (and not empty).
    pub fn needs_probe(&self) -> bool {
        *self == UNRECOGNISED
    }
}

/// Classifies a file from its first bytes (pass up to 65536 of them).
pub fn sniff(head: &[u8]) -> Sniffed {
    use MediaKind::{Audio, Image, Unknown, Video};
    if head.is_empty() {
        return Sniffed {
            kind: Unknown,
            format: None,
            description: "Empty file",
        };
    }
    if let Some(s) = sniff_iso_bmff(head) {
        return s;
    }
    if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        // The DocType element sits near the start of the EBML header.
        let window = &head[..head.len().min(64)];
        return if contains(window, b"webm") {
            hit(Video, "webm", "WebM video")
        } else {
            hit(Video, "mkv", "Matroska video")
        };
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" {
        return match &head[8..12] {
            b"AVI " => hit(Video, "avi", "AVI video"),
            b"WAVE" => hit(Audio, "wav", "WAV audio"),
            b"WEBP" => hit(Image, "webp", "WebP image"),
            _ => UNRECOGNISED,
        };
    }
    if head.len() >= 12 && &head[..4] == b"FORM" && matches!(&head[8..12], b"AIFF" | b"AIFC") {
        return hit(Audio, "aiff", "AIFF audio");
    }
    if head.starts_with(b"fLaC") {
        return hit(Audio, "flac", "FLAC audio");
    }
    if head.starts_with(b"OggS") {
        return sniff_ogg(head);
    }
    if is_mpeg_ts(head) {
        return hit(Video, "ts", "MPEG-TS video");
    }
    if head.starts_with(&[0, 0, 1, 0xBA]) {
        return hit(Video, "mpeg", "MPEG-PS video");
    }
    if head.starts_with(b"FLV\x01") {
        return hit(Video, "flv", "FLV video");
    }
    if let Some(s) = more_media::sniff_more(head) {
        return s;
    }
    if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        return hit(Image, "png", "PNG image");
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return hit(Image, "jpeg", "JPEG image");
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return hit(Image, "gif", "GIF image");
    }
    if is_bmp(head) {
        return hit(Image, "bmp", "BMP image");
    }
    if is_ico(head) {
        return hit(Image, "ico", "ICO image");
    }
    if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        return hit(Image, "tiff", "TIFF image");
    }
    if head.starts_with(b"qoif") {
        return hit(Image, "qoi", "QOI image");
    }
    if is_pnm(head) {
        return hit(Image, "pnm", "PNM image");
    }
    if mpeg_audio::is_id3(head) || mpeg_audio::is_mp3_stream(head) {
        return hit(Audio, "mp3", "MP3 audio");
    }
    if mpeg_audio::is_adts_stream(head) {
        return hit(Audio, "aac", "AAC audio");
    }
    not_media::sniff_not_media(head).unwrap_or(UNRECOGNISED)
}

/// ISO base media (MP4, MOV, M4A, AVIF, HEIC): a box type at offset 4.
fn sniff_iso_bmff(head: &[u8]) -> Option<Sniffed> {
    use MediaKind::{Audio, Image, Video};
    if head.len() < 8 {
        return None;
    }
    let box_type = &head[4..8];
    if box_type != b"ftyp" {
        // Old QuickTime files may start straight with a movie/data box.
        return matches!(box_type, b"moov" | b"mdat" | b"wide" | b"free" | b"pnot").then_some(hit(
            Video,
            "mov",
            "QuickTime video",
        ));
    }
    let major = head.get(8..12)?;
    let size = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
    // Compatible brands follow the minor version, up to the end of the box.
    let brands_end = size.min(head.len());
    let compatible = head.get(16..brands_end).unwrap_or(&[]);
    let has_brand = |b: &[u8; 4]| compatible.chunks_exact(4).any(|c| c == b);
    Some(match major {
        b"M4A " | b"M4B " | b"M4P " => hit(Audio, "m4a", "M4A audio"),
        b"qt  " => hit(Video, "mov", "QuickTime video"),
        b"avif" | b"avis" => hit(Image, "avif", "AVIF image"),
        b"mif1" | b"msf1" if has_brand(b"avif") => hit(Image, "avif", "AVIF image"),
        b"heic" | b"heix" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
            hit(Image, "heic", "HEIC image")
        }
        _ => hit(Video, "mp4", "MP4 video"),
    })
}

/// Ogg is audio unless the first page announces a Theora or VP8 stream.
fn sniff_ogg(head: &[u8]) -> Sniffed {
    let first_page = ogg_first_page(head).unwrap_or(head);
    if contains(first_page, b"\x80theora") || contains(first_page, b"OVP80") {
        hit(MediaKind::Video, "ogg", "Ogg video")
    } else {
        hit(MediaKind::Audio, "ogg", "Ogg audio")
    }
}

fn ogg_first_page(head: &[u8]) -> Option<&[u8]> {
    let segments = *head.get(26)? as usize;
    let table = head.get(27..27 + segments)?;
    let body: usize = table.iter().map(|&b| b as usize).sum();
    let end = (27 + segments + body).min(head.len());
    head.get(..end)
}

/// Transport streams: sync byte every 188 bytes (or 192 for M2TS with a 4-byte prefix).
fn is_mpeg_ts(head: &[u8]) -> bool {
    let synced =
        |start: usize, stride: usize| (0..3).all(|i| head.get(start + i * stride) == Some(&0x47));
    synced(0, 188) || synced(4, 192)
}

fn is_bmp(head: &[u8]) -> bool {
    if head.len() < 26 || !head.starts_with(b"BM") {
        return false;
    }
    let le32 = |at: usize| u32::from_le_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let reserved_zero = head[6..10].iter().all(|&b| b == 0);
    let dib = le32(14);
    let data_offset = le32(10);
    reserved_zero && matches!(dib, 12 | 40 | 52 | 56 | 64 | 108 | 124) && data_offset >= 14 + dib
}

fn is_ico(head: &[u8]) -> bool {
    if head.len() < 22 || !head.starts_with(&[0, 0, 1, 0]) {
        return false;
    }
    let count = u16::from_le_bytes([head[4], head[5]]);
    // First directory entry: reserved byte 0, colour planes 0 or 1.
    let entry = &head[6..22];
    count > 0 && entry[3] == 0 && matches!(u16::from_le_bytes([entry[4], entry[5]]), 0 | 1)
}

fn is_pnm(head: &[u8]) -> bool {
    matches!(head, [b'P', b'1'..=b'7', ws, ..] if ws.is_ascii_whitespace())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
