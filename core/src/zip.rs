//! A store-only ZIP writer for **Download all**: media is already compressed, so entries
//! are stored as they are, and the page can assemble the archive as a `Blob` of headers
//! and the outputs' own Blobs without copying any output. This module computes the bytes
//! around the entries: local headers, the central directory, CRC-32, and unique names.

use thiserror::Error;

/// One file in the archive.
#[derive(Clone, Debug, PartialEq)]
pub struct ZipEntry {
    /// Name inside the archive (UTF-8; must be unique and safe to extract: see
    /// [`unique_names`] and [`crate::names::safe_file_name`]).
    pub name: String,
    /// CRC-32 of the data (see [`Crc32`]).
    pub crc32: u32,
    /// Size of the data in bytes.
    pub size: u64,
}

/// Why an archive cannot be written.
#[derive(Debug, Error, PartialEq)]
pub enum ZipError {
    #[error("\"{0}\" is larger than 4 GB, more than a plain ZIP holds; download it on its own.")]
    TooLarge(String),
    #[error("The files together are larger than 4 GB, more than a plain ZIP holds; download them one by one.")]
    ArchiveTooLarge,
}

/// The MS-DOS date of 1980-01-01 00:00: outputs have no meaningful time, and a fixed
/// stamp keeps archives reproducible.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// General purpose flag bit 11: names are UTF-8.
const UTF8_FLAG: u16 = 1 << 11;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn size32(entry: &ZipEntry) -> Result<u32, ZipError> {
    u32::try_from(entry.size).map_err(|_| ZipError::TooLarge(entry.name.clone()))
}

/// The local file header that precedes an entry's data.
pub fn local_header(entry: &ZipEntry) -> Result<Vec<u8>, ZipError> {
    let size = size32(entry)?;
    let name = entry.name.as_bytes();
    let mut out = Vec::with_capacity(30 + name.len());
    u32le(&mut out, 0x0403_4b50);
    u16le(&mut out, 20); // version needed: 2.0
    u16le(&mut out, UTF8_FLAG);
    u16le(&mut out, 0); // method: stored
    u16le(&mut out, DOS_TIME);
    u16le(&mut out, DOS_DATE);
    u32le(&mut out, entry.crc32);
    u32le(&mut out, size);
    u32le(&mut out, size);
    u16le(&mut out, name.len() as u16);
    u16le(&mut out, 0); // extra field length
    out.extend_from_slice(name);
    Ok(out)
}

/// The central directory and end record that close the archive; entries in the order
/// their local headers and data were written.
pub fn central_directory(entries: &[ZipEntry]) -> Result<Vec<u8>, ZipError> {
    let mut out = Vec::new();
    let mut offset: u64 = 0;
    for entry in entries {
        let size = size32(entry)?;
        let name = entry.name.as_bytes();
        let offset32 = u32::try_from(offset).map_err(|_| ZipError::ArchiveTooLarge)?;
        u32le(&mut out, 0x0201_4b50);
        u16le(&mut out, 20); // version made by
        u16le(&mut out, 20); // version needed
        u16le(&mut out, UTF8_FLAG);
        u16le(&mut out, 0);
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, entry.crc32);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0); // extra
        u16le(&mut out, 0); // comment
        u16le(&mut out, 0); // disk
        u16le(&mut out, 0); // internal attributes
        u32le(&mut out, 0); // external attributes
        u32le(&mut out, offset32);
        out.extend_from_slice(name);
        offset += 30 + name.len() as u64 + entry.size;
    }
    let dir_offset = u32::try_from(offset).map_err(|_| ZipError::ArchiveTooLarge)?;
    let dir_size = out.len() as u32;
    let count = u16::try_from(entries.len()).map_err(|_| ZipError::ArchiveTooLarge)?;
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, dir_size);
    u32le(&mut out, dir_offset);
    u16le(&mut out, 0);
    Ok(out)
}

/// Incremental CRC-32 (IEEE), fed chunk by chunk so large outputs need not be in memory at once.
#[derive(Clone, Copy, Debug)]
pub struct Crc32(u32);

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

static CRC_TABLE: [u32; 256] = crc_table();

impl Default for Crc32 {
    fn default() -> Self {
        Crc32(0xFFFF_FFFF)
    }
}

impl Crc32 {
    /// Adds bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        let mut c = self.0;
        for &b in bytes {
            c = CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
        }
        self.0 = c;
    }

    /// The checksum of everything added.
    pub fn finish(self) -> u32 {
        self.0 ^ 0xFFFF_FFFF
    }
}

/// Makes names unique the way file managers do: `clip.mp4`, `clip (2).mp4`, …
pub fn unique_names(names: &[String]) -> Vec<String> {
    let mut taken: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let (stem, ext) = match name.rfind('.') {
            Some(i) if i > 0 => (&name[..i], &name[i..]),
            _ => (name.as_str(), ""),
        };
        let mut candidate = name.clone();
        let mut n = 2;
        while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
            candidate = format!("{stem} ({n}){ext}");
            n += 1;
        }
        taken.push(candidate);
    }
    taken
}

#[cfg(test)]
mod tests;
