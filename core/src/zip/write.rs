//! The bytes around the entries: local headers, the central directory and the end
//! records, with ZIP64 fields (APPNOTE 6.3.x, 4.5.3 and 4.3.14–4.3.15) only where a
//! classic field overflows.

use super::ZipEntry;

/// The MS-DOS date of 1980-01-01 00:00: outputs have no meaningful time, and a fixed
/// stamp keeps archives reproducible.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// General purpose flag bit 11: names are UTF-8.
const UTF8_FLAG: u16 = 1 << 11;
/// Version 2.0 (stored files, folders) is what every unzip reads; 4.5 says "uses ZIP64"
/// (APPNOTE 4.4.3.2), so an entry says it only when it has a ZIP64 field.
const VERSION_PLAIN: u16 = 20;
const VERSION_ZIP64: u16 = 45;
/// A classic 32-bit size or offset holds less than this. The value itself is the marker
/// for "see the ZIP64 field" (APPNOTE 4.4.8), so it goes to ZIP64 too.
const LIMIT_32: u64 = 0xFFFF_FFFF;
/// The same for the classic 16-bit entry counts of the end record.
const LIMIT_16: u64 = 0xFFFF;
/// Header ID of the ZIP64 extended information extra field.
const ZIP64_EXTRA: u16 = 0x0001;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u64le(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A value for a 32-bit field: itself, or the marker when the real one is in a ZIP64 field.
fn field32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// The entry's name and its 16-bit length. Names come from
/// [`crate::names::safe_file_name`] (at most a few hundred bytes), so a longer one is a
/// caller's bug, not a file the user can make.
fn name(entry: &ZipEntry) -> (&[u8], u16) {
    let bytes = entry.name.as_bytes();
    let len = u16::try_from(bytes.len()).expect("a zip entry name is at most 65,535 bytes");
    (bytes, len)
}

fn large_size(entry: &ZipEntry) -> bool {
    entry.size >= LIMIT_32
}

/// Bytes of the local header, so the central directory knows where each entry starts.
fn local_header_len(entry: &ZipEntry) -> u64 {
    let zip64_extra = if large_size(entry) { 20 } else { 0 };
    30 + entry.name.len() as u64 + zip64_extra
}

/// The local file header that precedes an entry's data.
///
/// An entry of 4 GB or more gets a ZIP64 extra field with both sizes (the local header
/// must carry both, APPNOTE 4.5.3). Its offset does not matter here: the local header
/// has no offset field.
///
/// # Panics
/// If the name is longer than 65,535 bytes.
pub fn local_header(entry: &ZipEntry) -> Vec<u8> {
    let (name, name_len) = name(entry);
    let zip64 = large_size(entry);
    let mut out = Vec::with_capacity(local_header_len(entry) as usize);
    u32le(&mut out, 0x0403_4b50);
    u16le(&mut out, if zip64 { VERSION_ZIP64 } else { VERSION_PLAIN });
    u16le(&mut out, UTF8_FLAG);
    u16le(&mut out, 0); // method: stored
    u16le(&mut out, DOS_TIME);
    u16le(&mut out, DOS_DATE);
    u32le(&mut out, entry.crc32);
    u32le(&mut out, field32(entry.size)); // compressed
    u32le(&mut out, field32(entry.size)); // uncompressed
    u16le(&mut out, name_len);
    u16le(&mut out, if zip64 { 20 } else { 0 }); // extra field length
    out.extend_from_slice(name);
    if zip64 {
        u16le(&mut out, ZIP64_EXTRA);
        u16le(&mut out, 16);
        u64le(&mut out, entry.size); // uncompressed
        u64le(&mut out, entry.size); // compressed
    }
    out
}

/// The central directory and end records that close the archive; entries in the order
/// their local headers and data were written, from offset 0.
///
/// # Panics
/// If a name is longer than 65,535 bytes.
pub fn central_directory(entries: &[ZipEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut offset: u64 = 0;
    for entry in entries {
        central_entry(&mut out, entry, offset);
        offset += local_header_len(entry) + entry.size;
    }
    let dir_size = out.len() as u64;
    end_records(&mut out, entries.len() as u64, dir_size, offset);
    out
}

/// One central directory entry for the local header at `offset`.
fn central_entry(out: &mut Vec<u8>, entry: &ZipEntry, offset: u64) {
    let (name, name_len) = name(entry);
    // The ZIP64 field holds only the values whose classic field overflows, in this
    // order (APPNOTE 4.5.3): uncompressed size, compressed size, local header offset.
    let mut zip64 = Vec::new();
    if large_size(entry) {
        u64le(&mut zip64, entry.size);
        u64le(&mut zip64, entry.size);
    }
    if offset >= LIMIT_32 {
        u64le(&mut zip64, offset);
    }
    let version = if zip64.is_empty() {
        VERSION_PLAIN
    } else {
        VERSION_ZIP64
    };
    let extra_len = if zip64.is_empty() { 0 } else { 4 + zip64.len() };
    u32le(out, 0x0201_4b50);
    u16le(out, version); // made by (MS-DOS attributes, none set)
    u16le(out, version); // needed to extract
    u16le(out, UTF8_FLAG);
    u16le(out, 0); // method: stored
    u16le(out, DOS_TIME);
    u16le(out, DOS_DATE);
    u32le(out, entry.crc32);
    u32le(out, field32(entry.size));
    u32le(out, field32(entry.size));
    u16le(out, name_len);
    u16le(out, extra_len as u16); // at most 4 + 24
    u16le(out, 0); // comment
    u16le(out, 0); // disk
    u16le(out, 0); // internal attributes
    u32le(out, 0); // external attributes
    u32le(out, field32(offset));
    out.extend_from_slice(name);
    if !zip64.is_empty() {
        u16le(out, ZIP64_EXTRA);
        u16le(out, zip64.len() as u16);
        out.extend_from_slice(&zip64);
    }
}

/// The end of central directory record, preceded by the ZIP64 end record and its locator
/// when a count, size or offset overflows the classic one (APPNOTE 4.3.14–4.3.16).
pub(super) fn end_records(out: &mut Vec<u8>, count: u64, dir_size: u64, dir_offset: u64) {
    if count >= LIMIT_16 || dir_size >= LIMIT_32 || dir_offset >= LIMIT_32 {
        let record_offset = dir_offset + dir_size;
        u32le(out, 0x0606_4b50);
        u64le(out, 44); // size of the rest of the record
        u16le(out, VERSION_ZIP64); // made by
        u16le(out, VERSION_ZIP64); // needed to extract
        u32le(out, 0); // this disk
        u32le(out, 0); // disk where the central directory starts
        u64le(out, count); // entries on this disk
        u64le(out, count); // entries in all
        u64le(out, dir_size);
        u64le(out, dir_offset);
        u32le(out, 0x0706_4b50);
        u32le(out, 0); // disk of the ZIP64 end record
        u64le(out, record_offset);
        u32le(out, 1); // disks in all
    }
    // A field too small for its value holds the marker, and readers take the value from
    // the ZIP64 record; the others keep theirs (APPNOTE 4.4.1.4).
    let count16 = count.min(LIMIT_16) as u16;
    u32le(out, 0x0605_4b50);
    u16le(out, 0); // this disk
    u16le(out, 0); // disk where the central directory starts
    u16le(out, count16);
    u16le(out, count16);
    u32le(out, field32(dir_size));
    u32le(out, field32(dir_offset));
    u16le(out, 0); // comment
}
