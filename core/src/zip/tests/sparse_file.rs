//! The manual check of a real archive past 4 GB: a 4.3 GB entry of zeros, written as a
//! sparse file (holes cost no disk), read whole by `python3 -m zipfile -t` and `unzip -t`.
//! Ignored by default: the readers go through all 4.3 GB (tens of seconds). Run with
//! `cargo test --release -p tamp-core --lib real_archive -- --ignored --nocapture`.

use super::*;
use std::io::{Seek, SeekFrom, Write};
use std::process::Command;
use std::time::Instant;

/// A reader's run: its time and whether it said every entry was intact.
fn timed(program: &str, args: &[&str], path: &std::path::Path, intact: &str) -> Option<f64> {
    let start = Instant::now();
    let out = Command::new(program).args(args).arg(path).output().ok()?;
    let seconds = start.elapsed().as_secs_f64();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{program}: {text}");
    assert!(
        text.contains(intact) && !text.contains("corrupted"),
        "{text}"
    );
    Some(seconds)
}

#[test]
#[ignore = "writes a 4.3 GB sparse file and reads it through twice; run by hand"]
fn a_real_archive_past_4_gb_passes_python_and_unzip() {
    const SIZE: u64 = 4_300_000_000;
    let start = Instant::now();
    let mut crc = Crc32::default();
    let zeros = vec![0u8; 1 << 20];
    let mut left = SIZE;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        crc.update(&zeros[..n]);
        left -= n as u64;
    }
    let crc_seconds = start.elapsed().as_secs_f64();
    let files = [
        (entry("a.txt", b"hello"), &b"hello"[..]),
        (
            ZipEntry {
                name: "big.bin".into(),
                crc32: crc.finish(),
                size: SIZE,
            },
            &[][..],
        ),
        (entry("z.txt", b"bye"), &b"bye"[..]),
    ];
    let path = std::env::temp_dir().join(format!("tamp-zip-{}-real.zip", std::process::id()));
    let mut file = std::fs::File::create(&path).unwrap();
    for (e, data) in &files {
        file.write_all(&local_header(e)).unwrap();
        if data.len() as u64 == e.size {
            file.write_all(data).unwrap();
        } else {
            file.seek(SeekFrom::Current(e.size as i64)).unwrap();
        }
    }
    let entries: Vec<ZipEntry> = files.iter().map(|(e, _)| e.clone()).collect();
    file.write_all(&central_directory(&entries)).unwrap();
    drop(file);
    let len = std::fs::metadata(&path).unwrap().len();
    let disk = Command::new("du")
        .arg("-k")
        .arg(&path)
        .output()
        .unwrap()
        .stdout;
    let python = timed("python3", &["-m", "zipfile", "-t"], &path, "Done testing");
    let unzip = timed("unzip", &["-t"], &path, "No errors detected");
    let listing = Command::new("python3")
        .args(["-m", "zipfile", "-l"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    let secs = |t: Option<f64>| t.map_or("not installed".into(), |t| format!("{t:.1} s"));
    eprintln!(
        "archive {len} bytes, on disk {} KB; CRC of the zeros {crc_seconds:.1} s; \
         python3 -m zipfile -t {}; unzip -t {}\n{}",
        String::from_utf8_lossy(&disk)
            .split_whitespace()
            .next()
            .unwrap_or("?"),
        secs(python),
        secs(unzip),
        String::from_utf8_lossy(&listing.stdout)
    );
    assert!(python.is_some(), "python3 is a test dependency");
}
