//! Files that are clearly not media, named so the user is told what they dropped ("a Word
//! document") instead of "unrecognised data". Everything here is refused at the door;
//! anything not recognised at all is left for FFmpeg to judge.

use super::{contains, hit, Sniffed};
use crate::media::MediaKind::Unknown;

/// A recognised non-media file, or `None`.
pub(super) fn sniff_not_media(head: &[u8]) -> Option<Sniffed> {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Some(zip_kind(head));
    }
    let simple: [(&[u8], Sniffed); 13] = [
        (b"%PDF", hit(Unknown, "pdf", "PDF document")),
        (
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            hit(Unknown, "ole", "Microsoft Office document (older format)"),
        ),
        (b"Rar!\x1A\x07", hit(Unknown, "rar", "RAR archive")),
        (b"7z\xBC\xAF\x27\x1C", hit(Unknown, "7z", "7-Zip archive")),
        (&[0x1F, 0x8B], hit(Unknown, "gz", "gzip archive")),
        (
            &[0xFD, b'7', b'z', b'X', b'Z', 0],
            hit(Unknown, "xz", "xz archive"),
        ),
        (b"BZh", hit(Unknown, "bz2", "bzip2 archive")),
        (b"\x7FELF", hit(Unknown, "elf", "program (ELF)")),
        (b"\0asm", hit(Unknown, "wasm", "WebAssembly program")),
        (
            b"SQLite format 3\0",
            hit(Unknown, "sqlite", "SQLite database"),
        ),
        (b"{\\rtf", hit(Unknown, "rtf", "RTF document")),
        (b"%!PS", hit(Unknown, "ps", "PostScript document")),
        (
            b"MThd",
            hit(Unknown, "midi", "MIDI file (notes, not recorded sound)"),
        ),
    ];
    if let Some((_, s)) = simple.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(*s);
    }
    if is_pe(head) {
        return Some(hit(Unknown, "exe", "Windows program"));
    }
    text_kind(head)
}

/// ZIP and the document formats built on it: Office Open XML names its parts (`word/`,
/// `xl/`, `ppt/`), OpenDocument and EPUB store their MIME type first, uncompressed.
fn zip_kind(head: &[u8]) -> Sniffed {
    let named = [
        (&b"mimetypeapplication/epub+zip"[..], "epub", "EPUB e-book"),
        (
            b"application/vnd.oasis.opendocument.text",
            "odt",
            "OpenDocument text",
        ),
        (
            b"application/vnd.oasis.opendocument.spreadsheet",
            "ods",
            "OpenDocument spreadsheet",
        ),
        (
            b"application/vnd.oasis.opendocument.presentation",
            "odp",
            "OpenDocument presentation",
        ),
        (b"word/", "docx", "Word document"),
        (b"xl/", "xlsx", "Excel spreadsheet"),
        (b"ppt/", "pptx", "PowerPoint presentation"),
        (b"META-INF/MANIFEST.MF", "jar", "Java archive"),
    ];
    named
        .iter()
        .find(|(needle, _, _)| contains(head, needle))
        .map(|&(_, format, description)| hit(Unknown, format, description))
        .unwrap_or(hit(Unknown, "zip", "ZIP archive"))
}

/// A DOS/Windows executable: `MZ`, and the PE header offset pointing at `PE\0\0`.
fn is_pe(head: &[u8]) -> bool {
    if head.len() < 64 || !head.starts_with(b"MZ") {
        return false;
    }
    let at = u32::from_le_bytes([head[60], head[61], head[62], head[63]]) as usize;
    head.get(at..at + 4) == Some(b"PE\0\0")
}

/// Text: valid UTF-8 (a character cut at the end of the window is fine) without control
/// characters other than whitespace. Web pages and SVG drawings are named as such.
fn text_kind(head: &[u8]) -> Option<Sniffed> {
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // Only an incomplete character at the very end is allowed.
        Err(e) if e.error_len().is_none() && head.len() - e.valid_up_to() < 4 => {
            std::str::from_utf8(&head[..e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    let printable = |c: char| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\x0C');
    if text.trim().is_empty() || !text.chars().all(printable) {
        return None;
    }
    let start: String = text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    Some(
        if start.starts_with("<!doctype html") || start.starts_with("<html") {
            hit(Unknown, "html", "Web page (HTML)")
        } else if start.starts_with("<svg") || (start.starts_with("<?xml") && text.contains("<svg"))
        {
            hit(Unknown, "svg", "SVG drawing")
        } else {
            hit(Unknown, "txt", "Text")
        },
    )
}
