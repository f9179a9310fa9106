use super::*;

mod readback;
mod sparse_file;

fn crc(bytes: &[u8]) -> u32 {
    let mut c = Crc32::default();
    c.update(bytes);
    c.finish()
}

fn entry(name: &str, data: &[u8]) -> ZipEntry {
    ZipEntry {
        name: name.into(),
        crc32: crc(data),
        size: data.len() as u64,
    }
}

fn u16at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes(b[i..i + 2].try_into().unwrap())
}

fn u32at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(b[i..i + 4].try_into().unwrap())
}

fn u64at(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[i..i + 8].try_into().unwrap())
}

/// An entry of `size` bytes that the tests never materialise: only its headers are built.
fn huge(name: &str, size: u64) -> ZipEntry {
    ZipEntry {
        name: name.into(),
        crc32: 0x1234_5678,
        size,
    }
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

/// Slicing-by-8 against the definition, one bit at a time, for every length and split
/// around the 8-byte steps.
#[test]
fn crc32_matches_the_bitwise_definition() {
    let bitwise = |bytes: &[u8]| {
        let mut c = 0xFFFF_FFFFu32;
        for &b in bytes {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    };
    let data: Vec<u8> = (0..300u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for len in 0..data.len() {
        assert_eq!(crc(&data[..len]), bitwise(&data[..len]), "{len}");
    }
    for split in 0..40 {
        let mut c = Crc32::default();
        c.update(&data[..split]);
        c.update(&data[split..]);
        assert_eq!(c.finish(), bitwise(&data), "{split}");
    }
}

#[test]
fn names_are_made_unique() {
    let names: Vec<String> = ["a.mp4", "a.mp4", "A.mp4", "b", "b", "a (2).mp4", "a.mp4"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        unique_names(&names),
        vec![
            "a.mp4",
            "a (2).mp4",
            "A (3).mp4",
            "b",
            "b (2)",
            "a (2) (2).mp4",
            "a (4).mp4"
        ]
    );
}

/// 70,000 copies of one name: the k-th copy must not retry `(2)` … `(k)`, which made this
/// about 2.5 billion tries.
#[test]
fn many_copies_of_one_name_stay_fast() {
    let names = vec!["clip.mp4".to_string(); 70_000];
    let unique = unique_names(&names);
    assert_eq!(unique[1], "clip (2).mp4");
    assert_eq!(unique[69_999], "clip (70000).mp4");
    let mut sorted = unique.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 70_000);
}

/// The bytes the writer made before ZIP64 (commit 4478f19) for these three files' headers
/// and directory: small archives must stay plain ZIP 2.0, byte for byte.
const PLAIN_ZIP_BEFORE_ZIP64: &str = concat!(
    "504b03041400000800000000210086a610360500000005000000070000006f6e652e747874504b030414000008000000",
    "002100738c052900010000000100000a00000064697220c3a92e62696e504b0304140000080000000021000000000000",
    "000000000000000c000000636c6970202832292e6d7034504b010214001400000800000000210086a610360500000005",
    "0000000700000000000000000000000000000000006f6e652e747874504b0102140014000008000000002100738c0529",
    "00010000000100000a000000000000000000000000002a00000064697220c3a92e62696e504b01021400140000080000",
    "000021000000000000000000000000000c0000000000000000000000000052010000636c6970202832292e6d7034504b",
    "05060000000003000300a70000007c0100000000",
);

#[test]
fn small_archives_are_unchanged_plain_zip() {
    let entries = [
        entry("one.txt", b"hello"),
        entry("dir é.bin", &(0..=255u8).collect::<Vec<_>>()),
        entry("clip (2).mp4", b""),
    ];
    let mut bytes = Vec::new();
    for e in &entries {
        bytes.extend(local_header(e));
    }
    bytes.extend(central_directory(&entries));
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, PLAIN_ZIP_BEFORE_ZIP64);
}

/// Just under the marker stays plain; the marker value itself must go to ZIP64, since a
/// reader takes 0xFFFFFFFF as "see the ZIP64 field".
#[test]
fn an_entry_of_4_gb_gets_a_zip64_local_header() {
    let plain = local_header(&huge("a.bin", 0xFFFF_FFFE));
    assert_eq!(u16at(&plain, 4), 20);
    assert_eq!(u32at(&plain, 18), 0xFFFF_FFFE);
    assert_eq!(u16at(&plain, 28), 0);
    assert_eq!(plain.len(), 30 + 5);

    for size in [0xFFFF_FFFF, 4_600_000_000, u64::MAX / 2] {
        let h = local_header(&huge("a.bin", size));
        assert_eq!(u32at(&h, 0), 0x0403_4b50);
        assert_eq!(u16at(&h, 4), 45, "version needed");
        assert_eq!(u32at(&h, 14), 0x1234_5678, "crc");
        assert_eq!(u32at(&h, 18), 0xFFFF_FFFF, "compressed size marker");
        assert_eq!(u32at(&h, 22), 0xFFFF_FFFF, "uncompressed size marker");
        assert_eq!(u16at(&h, 26), 5);
        assert_eq!(u16at(&h, 28), 20, "extra length");
        assert_eq!(&h[30..35], b"a.bin");
        assert_eq!(u16at(&h, 35), 0x0001, "ZIP64 extra id");
        assert_eq!(u16at(&h, 37), 16);
        assert_eq!(u64at(&h, 39), size, "uncompressed");
        assert_eq!(u64at(&h, 47), size, "compressed");
        assert_eq!(h.len(), 55);
    }
}

/// A parsed central directory entry: (version needed, size field, offset field, extra).
fn central_entries(dir: &[u8], count: usize) -> Vec<(u16, u32, u32, Vec<u8>)> {
    let mut at = 0;
    (0..count)
        .map(|_| {
            assert_eq!(u32at(dir, at), 0x0201_4b50);
            let (name, extra, comment) = (
                u16at(dir, at + 28) as usize,
                u16at(dir, at + 30) as usize,
                u16at(dir, at + 32) as usize,
            );
            assert_eq!(u16at(dir, at + 4), u16at(dir, at + 6), "made by = needed");
            let start = at + 46 + name;
            let parsed = (
                u16at(dir, at + 6),
                u32at(dir, at + 24),
                u32at(dir, at + 42),
                dir[start..start + extra].to_vec(),
            );
            at = start + extra + comment;
            parsed
        })
        .collect()
}

/// [small, 5 GB, small]: the big entry's sizes go to ZIP64 (its offset is small); the
/// entry after it is small but starts past 4 GB, so only its offset goes to ZIP64; the
/// directory starts past 4 GB too, so the archive ends with the ZIP64 records.
#[test]
fn offsets_past_4_gb_go_to_zip64_fields_and_records() {
    let big: u64 = 5_000_000_000;
    let entries = [
        entry("a.txt", b"hello"),
        huge("big.bin", big),
        entry("z.txt", b"bye"),
    ];
    let dir = central_directory(&entries);
    let big_offset = 30 + 5 + 5;
    let z_offset = big_offset + 30 + 7 + 20 + big;
    let dir_offset = z_offset + 30 + 5 + 3;
    let parsed = central_entries(&dir, 3);
    assert_eq!(parsed[0], (20, 5, 0, vec![]));
    let mut sizes = vec![1, 0, 16, 0];
    sizes.extend(big.to_le_bytes());
    sizes.extend(big.to_le_bytes());
    assert_eq!(parsed[1], (45, 0xFFFF_FFFF, big_offset as u32, sizes));
    let mut offset = vec![1, 0, 8, 0];
    offset.extend(z_offset.to_le_bytes());
    assert_eq!(parsed[2], (45, 3, 0xFFFF_FFFF, offset));

    let dir_size = (46 + 5) + (46 + 7 + 20) + (46 + 5 + 12);
    let (z64, locator, end) = (dir_size, dir_size + 56, dir_size + 56 + 20);
    assert_eq!(dir.len(), end + 22);
    assert_eq!(u32at(&dir, z64), 0x0606_4b50);
    assert_eq!(u64at(&dir, z64 + 4), 44);
    assert_eq!((u16at(&dir, z64 + 12), u16at(&dir, z64 + 14)), (45, 45));
    assert_eq!((u64at(&dir, z64 + 24), u64at(&dir, z64 + 32)), (3, 3));
    assert_eq!(u64at(&dir, z64 + 40), dir_size as u64);
    assert_eq!(u64at(&dir, z64 + 48), dir_offset);
    assert_eq!(u32at(&dir, locator), 0x0706_4b50);
    assert_eq!(u64at(&dir, locator + 8), dir_offset + dir_size as u64);
    assert_eq!(u32at(&dir, locator + 16), 1, "disks");
    // Classic end record: the count and size fit and stay; the offset holds the marker.
    assert_eq!(u32at(&dir, end), 0x0605_4b50);
    assert_eq!((u16at(&dir, end + 8), u16at(&dir, end + 10)), (3, 3));
    assert_eq!(u32at(&dir, end + 12), dir_size as u32);
    assert_eq!(u32at(&dir, end + 16), 0xFFFF_FFFF);
}

/// The end records for a directory of `count` entries, `size` bytes, at `offset`.
fn ends(count: u64, size: u64, offset: u64) -> Vec<u8> {
    let mut out = Vec::new();
    end_records(&mut out, count, size, offset);
    out
}

/// Each classic end record field goes to ZIP64 from its marker value up, alone: the
/// others keep their values. (A central directory of 4 GB would take 50 million entries,
/// so its size is tested here, not through [`central_directory`].)
#[test]
fn each_end_record_field_goes_to_zip64_from_its_marker() {
    let classic = |b: &[u8]| {
        let end = b.len() - 22;
        assert_eq!(u32at(b, end), 0x0605_4b50);
        (
            u16at(b, end + 10) as u64,
            u32at(b, end + 12) as u64,
            u32at(b, end + 16) as u64,
        )
    };
    let plain = ends(65_534, 0xFFFF_FFFE, 0xFFFF_FFFE);
    assert_eq!(plain.len(), 22);
    assert_eq!(classic(&plain), (65_534, 0xFFFF_FFFE, 0xFFFF_FFFE));
    let m = 0xFFFF_FFFF;
    for (count, size, offset, shown) in [
        (65_535, 10, 20, (0xFFFF, 10, 20)),
        (70_000, 10, 20, (0xFFFF, 10, 20)),
        (3, m, 20, (3, m, 20)),
        (3, 10, m, (3, 10, m)),
        (3, 10, 1 << 40, (3, 10, m)),
    ] {
        let b = ends(count, size, offset);
        assert_eq!(b.len(), 56 + 20 + 22, "{count} {size} {offset}");
        assert_eq!(classic(&b), shown);
        assert_eq!(u32at(&b, 0), 0x0606_4b50);
        assert_eq!((u64at(&b, 24), u64at(&b, 32)), (count, count));
        assert_eq!((u64at(&b, 40), u64at(&b, 48)), (size, offset));
        assert_eq!(u32at(&b, 56), 0x0706_4b50);
        assert_eq!(u64at(&b, 64), offset + size, "where the ZIP64 record is");
    }
}
