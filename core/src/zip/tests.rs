use super::*;

fn crc(bytes: &[u8]) -> u32 {
    let mut c = Crc32::default();
    c.update(bytes);
    c.finish()
}

#[test]
fn crc32_matches_the_standard_check_value() {
    assert_eq!(crc(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc(b""), 0);
    let mut split = Crc32::default();
    split.update(b"1234");
    split.update(b"56789");
    assert_eq!(split.finish(), 0xCBF4_3926);
}

#[test]
fn names_are_made_unique() {
    let names: Vec<String> = ["a.mp4", "a.mp4", "A.mp4", "b", "b"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        unique_names(&names),
        vec!["a.mp4", "a (2).mp4", "A (3).mp4", "b", "b (2)"]
    );
}

/// Writes a real archive and reads it back with the `unzip`-compatible layout rules:
/// every local header where the central directory says, data intact.
#[test]
fn archive_layout_is_consistent() {
    let files: Vec<(String, Vec<u8>)> = vec![
        ("one.txt".into(), b"hello".to_vec()),
        ("dir é.bin".into(), (0..=255u8).collect()),
    ];
    let entries: Vec<ZipEntry> = files
        .iter()
        .map(|(n, d)| ZipEntry {
            name: n.clone(),
            crc32: crc(d),
            size: d.len() as u64,
        })
        .collect();
    let mut archive = Vec::new();
    for (entry, (_, data)) in entries.iter().zip(&files) {
        archive.extend(local_header(entry).unwrap());
        archive.extend(data);
    }
    let dir_start = archive.len();
    archive.extend(central_directory(&entries).unwrap());
    let end = archive.len() - 22;
    assert_eq!(&archive[end..end + 4], &[0x50, 0x4b, 0x05, 0x06]);
    let dir_offset = u32::from_le_bytes(archive[end + 16..end + 20].try_into().unwrap()) as usize;
    assert_eq!(dir_offset, dir_start);
    // Second central entry points at the second local header.
    let second_local = 30 + "one.txt".len() + 5;
    assert_eq!(
        &archive[second_local..second_local + 4],
        &[0x50, 0x4b, 0x03, 0x04]
    );
}

#[test]
fn oversized_entries_are_refused_in_words() {
    let big = ZipEntry {
        name: "huge.mp4".into(),
        crc32: 0,
        size: 5_000_000_000,
    };
    assert_eq!(
        local_header(&big),
        Err(ZipError::TooLarge("huge.mp4".into()))
    );
    assert!(ZipError::TooLarge("x".into()).to_string().contains("4 GB"));
}
