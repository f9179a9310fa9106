//! Archives from the real writer, read back by independent readers: Python's `zipfile`
//! (a test dependency already, see `scripts/setup.sh`) and Info-ZIP's `unzip -t` where it
//! is installed.

use super::*;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

/// Reads an archive given as a sparse layout (argv[1] holds the byte segments listed as
/// `offset:length` in argv[4..], the archive is argv[2] bytes, zeros elsewhere, so a 5 GB
/// entry costs nothing) and prints the end record as the reader understood it, then one
/// line per entry: name, size, offset, and the data read back (CRC checked by `read`) of
/// every argv[3]-th entry and the last, `-` for the others. Entries named `huge*` only
/// have their first MiB read: their zeros are never materialised.
const READER: &str = r#"
import io, sys, zipfile, zlib
segs, pos = [], 0
blob = open(sys.argv[1], 'rb').read()
total, stride = int(sys.argv[2]), int(sys.argv[3])
for s in sys.argv[4:]:
    o, n = map(int, s.split(':'))
    segs.append((o, blob[pos:pos + n])); pos += n
class Sparse(io.RawIOBase):
    pos = 0
    def readable(self): return True
    def seekable(self): return True
    def tell(self): return self.pos
    def seek(self, off, whence=0):
        self.pos = [off, self.pos + off, total + off][whence]; return self.pos
    def readinto(self, b):
        n = max(0, min(len(b), total - self.pos))
        b[:n] = bytes(n)
        for o, d in segs:
            lo, hi = max(o, self.pos), min(o + len(d), self.pos + n)
            if lo < hi: b[lo - self.pos:hi - self.pos] = d[lo - o:hi - o]
        self.pos += n
        return n
# Without holes, an archive is read from memory at C speed (70,000 entries: 3 s -> <1 s).
f = io.BytesIO(blob) if len(blob) == total else Sparse()
end = zipfile._EndRecData(f)
print(end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_OFFSET])
z = zipfile.ZipFile(f)
out, entries = [], z.infolist()
for k, i in enumerate(entries):
    if k % stride and k != len(entries) - 1:
        data = None
    elif i.filename.startswith('huge'):
        with z.open(i) as e:
            assert e.read(1 << 20) == bytes(1 << 20)
        data = b''
    else:
        data = z.read(i)
        assert zlib.crc32(data) == i.CRC
    shown = '-' if data is None else data.hex()
    out.append(f'{i.filename}\t{i.file_size}\t{i.header_offset}\t{shown}')
print('\n'.join(out))
"#;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// One archive laid out as the page does it: header, data, …, directory.
struct Archive {
    /// (offset, bytes) of every piece that is not a huge entry's zeros.
    segments: Vec<(u64, Vec<u8>)>,
    len: u64,
    /// What a reader must report for each entry: name, size and offset, and its data in
    /// hex (see [`READER`]).
    expected: Vec<(String, String)>,
    /// Where the central directory starts.
    dir_offset: u64,
}

impl Archive {
    /// Appends bytes at the end, merged with the previous piece when they touch.
    fn push(&mut self, bytes: &[u8]) {
        match self.segments.last_mut() {
            Some((o, b)) if *o + b.len() as u64 == self.len => b.extend_from_slice(bytes),
            _ => self.segments.push((self.len, bytes.to_vec())),
        }
        self.len += bytes.len() as u64;
    }
}

fn archive(files: &[(ZipEntry, Vec<u8>)]) -> Archive {
    let mut a = Archive {
        segments: Vec::new(),
        len: 0,
        expected: Vec::new(),
        dir_offset: 0,
    };
    for (e, data) in files {
        let header = local_header(e);
        let is_huge = e.name.starts_with("huge");
        let shown = if is_huge { &[][..] } else { data };
        let mut hex = String::with_capacity(2 * shown.len());
        for b in shown {
            hex.push(HEX[(b >> 4) as usize] as char);
            hex.push(HEX[(b & 15) as usize] as char);
        }
        let facts = format!("{}\t{}\t{}", e.name, e.size, a.len);
        a.expected.push((facts, hex));
        a.push(&header);
        if is_huge {
            a.len += e.size;
        } else {
            a.push(data);
        }
    }
    let entries: Vec<ZipEntry> = files.iter().map(|(e, _)| e.clone()).collect();
    a.dir_offset = a.len;
    a.push(&central_directory(&entries));
    a
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("tamp-zip-{}-{name}", std::process::id()))
}

impl Archive {
    /// The pieces end to end (a byte-wise iterator took 0.1 s for 7 MB in a debug build).
    fn pieces(&self) -> Vec<u8> {
        let pieces: Vec<&[u8]> = self.segments.iter().map(|(_, b)| b.as_slice()).collect();
        pieces.concat()
    }

    /// What [`READER`] must print when it reads every `stride`-th entry back.
    fn python_view(&self, entries: usize, stride: usize) -> String {
        let mut view = format!("{entries} {}\n", self.dir_offset);
        let last = self.expected.len() - 1;
        for (k, (facts, hex)) in self.expected.iter().enumerate() {
            let shown = if k % stride == 0 || k == last {
                hex
            } else {
                "-"
            };
            writeln!(view, "{facts}\t{shown}").unwrap();
        }
        view
    }
}

/// Python's view of the archive: "entries offset" of the end record, then the entries,
/// every `stride`-th read back.
fn python_reads(a: &Archive, tag: &str, stride: usize) -> String {
    let blob = temp(&format!("{tag}.segments"));
    let bytes = a.pieces();
    std::fs::write(&blob, bytes).unwrap();
    let mut cmd = Command::new("python3");
    cmd.args(["-c", READER])
        .arg(&blob)
        .arg(a.len.to_string())
        .arg(stride.to_string());
    for (o, b) in &a.segments {
        cmd.arg(format!("{o}:{}", b.len()));
    }
    let out = cmd.output().expect("python3 runs");
    std::fs::remove_file(&blob).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `unzip -t` of a whole (small) archive: the number of entries it found intact, or None
/// when unzip is not installed.
fn unzip_tests(a: &Archive, tag: &str) -> Option<usize> {
    Command::new("unzip").arg("-v").output().ok()?;
    let path = temp(&format!("{tag}.zip"));
    let bytes = a.pieces();
    assert_eq!(
        bytes.len() as u64,
        a.len,
        "no holes in an archive given to unzip"
    );
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("unzip").arg("-t").arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("No errors detected"), "{text}");
    Some(text.lines().filter(|l| l.ends_with("OK")).count())
}

/// Equal, or the first line that differs (a 70,000-line diff helps nobody).
fn same_lines(got: &str, expected: &str) {
    let first = got.lines().zip(expected.lines()).position(|(g, e)| g != e);
    if let Some(i) = first {
        panic!(
            "line {i}: read {:?}, wrote {:?}",
            got.lines().nth(i),
            expected.lines().nth(i)
        );
    }
    assert_eq!(
        got.lines().count(),
        expected.lines().count(),
        "entries read"
    );
}

/// Python reads 70,000 entries back at about 14 µs each (1 s of a 2 s budget for the
/// tests), so where `unzip -t` tests every entry's data, Python reads one in this many
/// (and still checks every entry's name, size and offset).
const PYTHON_STRIDE_BESIDE_UNZIP: usize = 10;

/// Both readers at once (they take most of a test's time), each checked: Python's end
/// record and entries, and unzip's count of intact entries where it is installed. Every
/// entry's data is read back by at least one of them.
fn both_read(a: &Archive, tag: &str, entries: usize) {
    let has_unzip = Command::new("unzip").arg("-v").output().is_ok();
    let stride = if has_unzip {
        PYTHON_STRIDE_BESIDE_UNZIP
    } else {
        1
    };
    let (python, unzip) = std::thread::scope(|s| {
        let unzip = s.spawn(|| unzip_tests(a, tag));
        (python_reads(a, tag, stride), unzip.join().unwrap())
    });
    same_lines(&python, &a.python_view(entries, stride));
    match unzip {
        Some(ok) => assert_eq!(ok, entries),
        None => eprintln!("unzip is not installed: only Python read the archive"),
    }
}

fn small(name: &str, data: &[u8]) -> (ZipEntry, Vec<u8>) {
    (entry(name, data), data.to_vec())
}

#[test]
fn a_plain_archive_reads_back() {
    let files = [
        small("one.txt", b"hello"),
        small("dir é.bin", &(0..=255u8).collect::<Vec<_>>()),
        small("empty.mp4", b""),
    ];
    both_read(&archive(&files), "plain", 3);
}

/// More entries than the classic end record counts: the count must come from the ZIP64
/// record (Python walks the directory by size, so the count is checked from its end
/// record; unzip checks it against the entries it finds).
#[test]
fn seventy_thousand_entries_read_back() {
    let files: Vec<_> = (0..70_000u32)
        .map(|i| small(&format!("f{i:05}.txt"), i.to_string().as_bytes()))
        .collect();
    both_read(&archive(&files), "many", 70_000);
}

/// A 5 GB entry between two small ones, the last starting past 4 GB: sizes, offsets and
/// the small entries' data as Python reads them through the ZIP64 fields.
#[test]
fn an_archive_past_4_gb_reads_back() {
    let files = [
        small("a.txt", b"hello"),
        (huge("huge.bin", 5_000_000_000), Vec::new()),
        small("z.txt", b"bye"),
    ];
    let a = archive(&files);
    assert!(a.dir_offset > 5_000_000_000);
    same_lines(&python_reads(&a, "huge", 1), &a.python_view(3, 1));
}
