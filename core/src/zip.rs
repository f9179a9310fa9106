//! A store-only ZIP writer for **Download all**: media is already compressed, so entries
//! are stored as they are, and the page can assemble the archive as a `Blob` of headers
//! and the outputs' own Blobs without copying any output. This module computes the bytes
//! around the entries: local headers, the central directory, CRC-32, and unique names.
//!
//! Archives are plain ZIP (version 2.0, readable everywhere) unless they need ZIP64
//! (APPNOTE 6.3.x, section 4.5): an entry or offset of 4 GB or more, or 65,535 entries or
//! more. Only the entries and records that overflow carry ZIP64 fields, so a small
//! archive is byte for byte what a plain writer makes.

mod crc;
mod write;

use std::collections::HashMap;
use std::collections::HashSet;

pub use crc::Crc32;
#[cfg(test)]
use write::end_records;
pub use write::{central_directory, local_header};

/// One file in the archive.
#[derive(Clone, Debug, PartialEq)]
pub struct ZipEntry {
    /// Name inside the archive (UTF-8, at most 65,535 bytes; must be unique and safe to
    /// extract: see [`unique_names`] and [`crate::names::safe_file_name`]).
    pub name: String,
    /// CRC-32 of the data (see [`Crc32`]).
    pub crc32: u32,
    /// Size of the data in bytes.
    pub size: u64,
}

/// Makes names unique the way file managers do: `clip.mp4`, `clip (2).mp4`, …
///
/// Names are compared ignoring ASCII case, as the file systems most archives are
/// extracted to do. Linear in the number of names: a batch may hold more than 65,535
/// files (ZIP64), where comparing every pair, or retrying `(2)`, `(3)`, … from the start
/// for each copy of one name, would take minutes.
pub fn unique_names(names: &[String]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::with_capacity(names.len());
    // For each name already seen: the first number not yet tried. Numbers below it were
    // all taken when tried, and nothing is ever freed, so they need not be tried again.
    let mut next: HashMap<String, u64> = HashMap::new();
    let mut unique = Vec::with_capacity(names.len());
    for name in names {
        let key = name.to_ascii_lowercase();
        if taken.insert(key.clone()) {
            unique.push(name.clone());
            continue;
        }
        let (stem, ext) = match name.rfind('.') {
            Some(i) if i > 0 => (&name[..i], &name[i..]),
            _ => (name.as_str(), ""),
        };
        let n = next.entry(key).or_insert(2);
        let candidate = loop {
            let candidate = format!("{stem} ({n}){ext}");
            *n += 1;
            if taken.insert(candidate.to_ascii_lowercase()) {
                break candidate;
            }
        };
        unique.push(candidate);
    }
    unique
}

#[cfg(test)]
mod tests;
