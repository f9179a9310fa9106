//! Safe file names for outputs and zip entries.
//!
//! An output is named after the user's file, and that name is not ours: it can come from
//! another operating system, from a share target or "Open with…", or be made up to cause
//! trouble. Saved as a download or extracted from a zip it must not escape the folder
//! (`../`), hide itself (a leading dot), be refused or misread by Windows (`<>:"/\|?*`,
//! trailing dots and spaces, `CON`, `LPT1`, …), pretend to be something else (bidirectional
//! overrides), or be too long for a file system (255 bytes is the usual limit, and a zip
//! tool may add a folder). The functions here keep as much of the user's name as is safe.

/// Longest whole file name made here, in bytes: well under the 255 that file systems allow,
/// leaving room for a folder prefix and the " (2)" of a duplicate.
pub const MAX_NAME_BYTES: usize = 200;

/// Longest base name (without extension) made by [`safe_stem`], in bytes, leaving room for
/// what the app appends to it ("-converted.webm", "-10MB.mp4").
pub const MAX_STEM_BYTES: usize = 180;

/// What a name becomes when nothing of it is left.
pub const FALLBACK: &str = "output";

/// Characters Windows refuses in a file name (besides control characters).
const WINDOWS_FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Device names Windows reserves whatever the extension ("CON.mp4" is the console too).
/// The superscript digits are reserved as well.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "COM¹", "COM²", "COM³", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
    "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// The last component of a path (`/` or `\` separated) that has a name in it: `passwd` from
/// `../../etc/passwd`, `b.png` from `C:\a\b.png`. `.` and `..` are not names.
pub fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\'])
        .find(|part| {
            !part
                .trim_matches(|c: char| c == '.' || c.is_whitespace())
                .is_empty()
        })
        .unwrap_or("")
}

/// A safe base name (no extension) from the user's: see the module docs for what is
/// removed. At most [`MAX_STEM_BYTES`] bytes; [`FALLBACK`] when nothing is left.
pub fn safe_stem(stem: &str) -> String {
    clean(base_name(stem), MAX_STEM_BYTES, End::Trim)
}

/// A safe whole file name: like [`safe_stem`] for the part before the extension, which is
/// kept when it looks like one (1 to 10 ASCII letters or digits). At most [`MAX_NAME_BYTES`]
/// bytes. Used for names that arrive whole, e.g. the entries of a zip.
pub fn safe_file_name(name: &str) -> String {
    // Cleaning can reveal an extension that was not one before ("a .M." loses its trailing
    // dot and ends in ".M"), and the next call would then split differently. A safe name
    // must come back unchanged (a zip entry must match the file downloaded alone), so
    // clean until nothing changes: each round only removes characters, so two or three do.
    let mut name = clean_whole(base_name(name));
    for _ in 0..4 {
        let again = clean_whole(&name);
        if again == name {
            break;
        }
        name = again;
    }
    name
}

/// One round of [`safe_file_name`] on a name without folders.
fn clean_whole(name: &str) -> String {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 && is_extension(&name[i + 1..]) => (&name[..i], Some(&name[i + 1..])),
        _ => (name, None),
    };
    match ext {
        // The name goes on after the stem, so dots at its end are harmless: keeping them
        // makes a safe name come back unchanged ("s...s" must not become "s.s").
        Some(ext) => format!(
            "{}.{ext}",
            clean(stem, MAX_NAME_BYTES - 1 - ext.len(), End::Keep)
        ),
        None => clean(name, MAX_NAME_BYTES, End::Trim),
    }
}

fn is_extension(ext: &str) -> bool {
    (1..=10).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Characters that change how text is displayed without showing: bidirectional overrides
/// (which can make "gpj.exe" read as "exe.jpg"), zero-width characters, the byte order mark.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether the cleaned text ends the file name (trailing dots and spaces must go: Windows
/// drops them) or an extension follows it (only trailing spaces go).
#[derive(Clone, Copy, PartialEq)]
enum End {
    Trim,
    Keep,
}

/// Replaces what must go, trims, shortens, and steers clear of reserved names.
fn clean(raw: &str, max_bytes: usize, end: End) -> String {
    let mut out = String::with_capacity(raw.len().min(max_bytes));
    for c in raw.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_control() || WINDOWS_FORBIDDEN.contains(&c) {
            // One "_" for a run of them: "a?*b" reads better as "a_b" than "a__b".
            if !out.ends_with('_') {
                out.push('_');
            }
        } else {
            out.push(c);
        }
    }
    // Leading dots hide a file on Unix (and ".." is a parent); Windows drops trailing ones
    // and trailing spaces, so "a." would not be the name it was saved under.
    let trim = |s: &str| {
        let s = s.trim_start_matches(|c: char| c == '.' || c.is_whitespace());
        match end {
            End::Trim => s.trim_end_matches(|c: char| c == '.' || c.is_whitespace()),
            // Spaces before the extension only look odd; dots there are harmless.
            End::Keep => s.trim_end(),
        }
        .to_owned()
    };
    let mut out = trim(&out);
    if out.is_empty() {
        return FALLBACK.to_owned();
    }
    // "CON", "con.tar", "LPT1 .x" all open a device on Windows: "CON_" does not.
    let device_end = out.find('.').unwrap_or(out.len());
    let device = out[..device_end].trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(device)) {
        out.insert(device.len(), '_');
    }
    // Cutting keeps the start, so it cannot undo the above; it can leave a trailing dot or
    // space, which is trimmed again (never down to nothing: the start is not a dot).
    if out.len() > max_bytes {
        let mut cut = max_bytes;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out = trim(&out);
    }
    out
}

#[cfg(test)]
mod tests;
