use super::*;
use crate::media::MediaKind::{Audio, Image, Unknown, Video};

fn kind_fmt(bytes: &[u8]) -> (MediaKind, Option<&'static str>) {
    let s = sniff(bytes);
    (s.kind, s.format)
}

fn padded(prefix: &[u8]) -> Vec<u8> {
    let mut v = prefix.to_vec();
    v.resize(prefix.len().max(512), 0);
    v
}

fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
    let size = 16 + 4 * compatible.len() as u32;
    let mut v = size.to_be_bytes().to_vec();
    v.extend_from_slice(b"ftyp");
    v.extend_from_slice(major);
    v.extend_from_slice(&[0, 0, 2, 0]);
    for b in compatible {
        v.extend_from_slice(*b);
    }
    padded(&v)
}

/// Tiny xorshift64 so the random-data tests are reproducible without a crate.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| (self.next() >> 24) as u8).collect()
    }
}

#[test]
fn empty_and_tiny() {
    let s = sniff(&[]);
    assert_eq!(
        (s.kind, s.format, s.description),
        (Unknown, None, "Empty file")
    );
    for n in 1..12 {
        assert_eq!(sniff(&vec![0u8; n]).kind, Unknown);
    }
    assert_eq!(sniff(b"RIFF").kind, Unknown);
    assert_eq!(sniff(&[0xFF]).kind, Unknown);
}

#[test]
fn iso_bmff_brands() {
    assert_eq!(
        kind_fmt(&ftyp(b"isom", &[b"isom", b"avc1"])),
        (Video, Some("mp4"))
    );
    assert_eq!(kind_fmt(&ftyp(b"mp42", &[])), (Video, Some("mp4")));
    assert_eq!(kind_fmt(&ftyp(b"3gp5", &[])), (Video, Some("mp4")));
    assert_eq!(kind_fmt(&ftyp(b"qt  ", &[b"qt  "])), (Video, Some("mov")));
    assert_eq!(
        kind_fmt(&ftyp(b"M4A ", &[b"M4A ", b"mp42"])),
        (Audio, Some("m4a"))
    );
    assert_eq!(kind_fmt(&ftyp(b"M4B ", &[])), (Audio, Some("m4a")));
    assert_eq!(kind_fmt(&ftyp(b"avif", &[b"mif1"])), (Image, Some("avif")));
    assert_eq!(kind_fmt(&ftyp(b"avis", &[])), (Image, Some("avif")));
    assert_eq!(kind_fmt(&ftyp(b"mif1", &[b"avif"])), (Image, Some("avif")));
    assert_eq!(kind_fmt(&ftyp(b"heic", &[b"mif1"])), (Image, Some("heic")));
    assert_eq!(kind_fmt(&ftyp(b"mif1", &[b"heic"])), (Image, Some("heic")));
    assert_eq!(kind_fmt(&padded(b"\0\0\0\x08wide")), (Video, Some("mov")));
    assert_eq!(sniff(&ftyp(b"isom", &[])).description, "MP4 video");
    // Truncated right after the box type: still an MP4 ftyp, but no brand yet.
    assert_eq!(sniff(b"\0\0\0\x20ftyp").kind, Unknown);
}

#[test]
fn containers() {
    let webm = padded(b"\x1A\x45\xDF\xA3\x9F\x42\x86\x81\x01\x42\x82\x84webm");
    assert_eq!(kind_fmt(&webm), (Video, Some("webm")));
    let mkv = padded(b"\x1A\x45\xDF\xA3\x9F\x42\x86\x81\x01\x42\x82\x88matroska");
    assert_eq!(kind_fmt(&mkv), (Video, Some("mkv")));
    assert_eq!(
        kind_fmt(&padded(b"RIFF\x10\0\0\0AVI LIST")),
        (Video, Some("avi"))
    );
    assert_eq!(
        kind_fmt(&padded(b"RIFF\x10\0\0\0WAVEfmt ")),
        (Audio, Some("wav"))
    );
    assert_eq!(
        kind_fmt(&padded(b"RIFF\x10\0\0\0WEBPVP8 ")),
        (Image, Some("webp"))
    );
    assert_eq!(kind_fmt(&padded(b"RIFF\x10\0\0\0CDXA")), (Unknown, None));
    assert_eq!(
        kind_fmt(&padded(b"FORM\0\0\0\0AIFF")),
        (Audio, Some("aiff"))
    );
    assert_eq!(kind_fmt(&padded(b"fLaC\0\0\0\x22")), (Audio, Some("flac")));
    assert_eq!(kind_fmt(&padded(b"FLV\x01\x05")), (Video, Some("flv")));
    assert_eq!(
        kind_fmt(&padded(b"\0\0\x01\xBA\x44")),
        (Video, Some("mpeg"))
    );
    let mut ts = vec![0u8; 188 * 3];
    for i in 0..3 {
        ts[i * 188] = 0x47;
    }
    assert_eq!(kind_fmt(&ts), (Video, Some("ts")));
    ts[376] = 0;
    assert_eq!(kind_fmt(&ts).0, Unknown);
}

fn ogg_page(payload: &[u8]) -> Vec<u8> {
    let mut v = b"OggS\0\x02".to_vec();
    v.extend_from_slice(&[0; 20]);
    v.push(1);
    v.push(payload.len() as u8);
    v.extend_from_slice(payload);
    v
}

#[test]
fn ogg_audio_vs_video() {
    assert_eq!(
        kind_fmt(&ogg_page(b"\x01vorbis\0\0\0\0\x02")),
        (Audio, Some("ogg"))
    );
    assert_eq!(
        kind_fmt(&ogg_page(b"OpusHead\x01\x02")),
        (Audio, Some("ogg"))
    );
    assert_eq!(
        kind_fmt(&ogg_page(b"\x80theora\x03\x02")),
        (Video, Some("ogg"))
    );
    assert_eq!(sniff(&ogg_page(b"\x80theora")).description, "Ogg video");
    // A Theora header in a later page does not make the first stream video.
    let mut two = ogg_page(b"\x01vorbis\0\0\0\0\x02");
    two.extend_from_slice(&ogg_page(b"\x80theora"));
    assert_eq!(kind_fmt(&two).0, Audio);
}

#[test]
fn images() {
    assert_eq!(
        kind_fmt(&padded(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR")),
        (Image, Some("png"))
    );
    assert_eq!(
        kind_fmt(&padded(b"\xFF\xD8\xFF\xE0\0\x10JFIF")),
        (Image, Some("jpeg"))
    );
    assert_eq!(kind_fmt(&padded(b"GIF89a")), (Image, Some("gif")));
    assert_eq!(kind_fmt(&padded(b"GIF87a")), (Image, Some("gif")));
    let mut bmp = b"BM\x46\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0".to_vec();
    bmp.resize(64, 0);
    assert_eq!(kind_fmt(&bmp), (Image, Some("bmp")));
    bmp[14] = 0x99; // nonsense DIB header size
    assert_eq!(kind_fmt(&bmp).0, Unknown);
    let mut ico = vec![0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0];
    ico.resize(64, 0);
    assert_eq!(kind_fmt(&ico), (Image, Some("ico")));
    ico[4] = 0; // zero images
    assert_eq!(kind_fmt(&ico).0, Unknown);
    assert_eq!(kind_fmt(&padded(b"II*\0\x08\0\0\0")), (Image, Some("tiff")));
    assert_eq!(kind_fmt(&padded(b"MM\0*\0\0\0\x08")), (Image, Some("tiff")));
    assert_eq!(kind_fmt(&padded(b"qoif\0\0\0\x10")), (Image, Some("qoi")));
    assert_eq!(kind_fmt(b"P6\n640 480\n255\n"), (Image, Some("pnm")));
    assert_eq!(kind_fmt(b"P7\nWIDTH 2\n"), (Image, Some("pnm")));
    assert_eq!(kind_fmt(b"P8\n").0, Unknown);
    assert_eq!(kind_fmt(b"P6x").0, Unknown);
}

#[test]
fn pdf_is_recognised_but_not_media() {
    let s = sniff(b"%PDF-1.7\n%\xE2\xE3");
    assert_eq!(
        (s.kind, s.format, s.description),
        (Unknown, Some("pdf"), "PDF document")
    );
}

/// MPEG-1 Layer III, 128 kbps, 44.1 kHz, no padding: 417-byte frames.
fn mp3_frames(n: usize, offset: usize) -> Vec<u8> {
    let mut v = vec![0u8; offset];
    for _ in 0..n {
        let mut f = vec![0xFF, 0xFB, 0x90, 0x64];
        f.resize(417, 0x11);
        v.extend_from_slice(&f);
    }
    v
}

#[test]
fn mp3_and_aac() {
    assert_eq!(
        kind_fmt(&padded(b"ID3\x04\0\0\0\0\x10\x00")),
        (Audio, Some("mp3"))
    );
    assert_eq!(kind_fmt(&padded(b"ID3\x09\0\0\0\0\0\0")).0, Unknown);
    assert_eq!(kind_fmt(&mp3_frames(2, 0)), (Audio, Some("mp3")));
    // One frame alone is not enough evidence.
    let mut one = mp3_frames(1, 0);
    one.resize(1000, 0);
    assert_eq!(kind_fmt(&one).0, Unknown);
    // Junk before the first frame: needs three frames in a row.
    assert_eq!(kind_fmt(&mp3_frames(3, 100)), (Audio, Some("mp3")));
    assert_eq!(kind_fmt(&mp3_frames(2, 100)).0, Unknown);
    // ADTS: AAC-LC 44.1 kHz stereo, 200-byte frames.
    let mut adts = Vec::new();
    for _ in 0..2 {
        let len: usize = 200;
        let mut f = vec![
            0xFF,
            0xF1,
            0x50,
            0x80 | (len >> 11) as u8,
            (len >> 3) as u8,
            ((len & 7) << 5) as u8 | 0x1F,
            0xFC,
        ];
        f.resize(len, 0x22);
        adts.extend_from_slice(&f);
    }
    assert_eq!(kind_fmt(&adts), (Audio, Some("aac")));
}

#[test]
fn random_bytes_are_never_media() {
    for seed in 1..=3000u64 {
        let mut rng = XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let len = 1 + (rng.next() % 8192) as usize;
        let data = rng.bytes(len);
        let s = sniff(&data);
        assert_eq!(s.kind, Unknown, "seed {seed} classified as {s:?}");
    }
}

#[test]
fn random_bytes_with_sync_bytes_are_never_media() {
    // Data biased towards 0xFF (1 byte in 16) makes MP3/ADTS frame syncs
    // far more common than in uniform noise.
    for seed in 1..=500u64 {
        let mut rng = XorShift(seed | 1);
        let data: Vec<u8> = (0..16384)
            .map(|_| {
                let r = rng.next();
                if r % 16 == 0 {
                    0xFF
                } else {
                    (r >> 32) as u8
                }
            })
            .collect();
        assert_eq!(sniff(&data).kind, Unknown, "seed {seed}");
    }
}

#[test]
fn real_samples_when_available() {
    // The sample media is fetched separately and not committed; skip quietly
    // when absent so the suite stays self-contained.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.media");
    let expect = [
        ("bigbuckbunny.mp4", Video, "mp4"),
        ("synth-portrait-rotated.mp4", Video, "mp4"),
        ("synth-silent.webm", Video, "webm"),
        ("synth-mpeg4.avi", Video, "avi"),
        ("synth-tone.wav", Audio, "wav"),
        ("synth-photo.png", Image, "png"),
        // Made by tests/e2e/matrix-inputs.mjs with Debian's ffmpeg.
        ("matrix-asf-wmv2-wmav2.wmv", Video, "asf"),
        ("matrix-wma-audio-only.wma", Audio, "wma"),
        ("matrix-dv-pal.dv", Video, "dv"),
        ("matrix-mxf-mpeg2-pcm.mxf", Video, "mxf"),
        ("matrix-y4m-raw.y4m", Video, "y4m"),
        ("matrix-mpegps-mpeg1-mp2.mpg", Video, "mpeg"),
        ("matrix-m2ts-h264-aac.m2ts", Video, "ts"),
        ("matrix-3gp-h263-aac.3gp", Video, "mp4"),
        ("matrix-ogv-theora-vorbis.ogv", Video, "ogg"),
        ("matrix-flv-flv1-mp3.flv", Video, "flv"),
        ("matrix-mp3-cover-art.mp3", Audio, "mp3"),
    ];
    for (name, kind, fmt) in expect {
        let Ok(bytes) = std::fs::read(dir.join(name)) else {
            continue;
        };
        let head = &bytes[..bytes.len().min(65536)];
        assert_eq!(kind_fmt(head), (kind, Some(fmt)), "{name}");
    }
}

#[test]
fn windows_media_is_video_or_audio_by_its_streams() {
    let mut wmv = asf_header();
    wmv.extend_from_slice(&[
        0xC0, 0xEF, 0x19, 0xBC, 0x4D, 0x5B, 0xCF, 0x11, 0xA8, 0xFD, 0x00, 0x80, 0x5F, 0x5C, 0x44,
        0x2B,
    ]);
    assert_eq!(kind_fmt(&padded(&wmv)), (Video, Some("asf")));
    assert_eq!(kind_fmt(&padded(&asf_header())), (Audio, Some("wma")));
}

fn asf_header() -> Vec<u8> {
    vec![
        0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE,
        0x6C, 0x40, 0x9E, 0x69, 0xF8, 0x4D, 0x5B, 0xCF, 0x11, 0xA8, 0xFD, 0x00, 0x80, 0x5F, 0x5C,
        0x44, 0x2B,
    ]
}

#[test]
fn broadcast_and_raw_containers() {
    let mut dv = vec![0x1F, 0x07, 0x00, 0xBF];
    dv.resize(80, 0xFF);
    dv.extend_from_slice(&[0x3F, 0x07, 0x00]);
    assert_eq!(kind_fmt(&padded(&dv)), (Video, Some("dv")));
    let mxf = [
        0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0D, 0x01, 0x02, 0x01, 0x01, 0x02, 0x04,
    ];
    assert_eq!(kind_fmt(&padded(&mxf)), (Video, Some("mxf")));
    assert_eq!(
        kind_fmt(b"YUV4MPEG2 W64 H48 F25:1 Ip A1:1 C420jpeg\nFRAME\n\x10\x10"),
        (Video, Some("y4m"))
    );
    assert_eq!(kind_fmt(b"#!AMR\n\x3c\x00"), (Audio, Some("amr")));
}

#[test]
fn documents_and_archives_are_named_not_probed() {
    let mut docx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00".to_vec();
    docx.extend_from_slice(b"[Content_Types].xml\x00\x00PK\x03\x04word/document.xml");
    let s = sniff(&docx);
    assert_eq!((s.kind, s.description), (Unknown, "Word document"));
    assert!(!s.needs_probe());
    assert_eq!(
        sniff(b"PK\x03\x04\x14\x00photos/a.jpg").description,
        "ZIP archive"
    );
    let mut odt = b"PK\x03\x04\x0a\x00\x00\x00\x00\x00".to_vec();
    odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
    assert_eq!(sniff(&odt).description, "OpenDocument text");
    assert_eq!(sniff(b"%PDF-1.7\n").description, "PDF document");
    assert_eq!(
        sniff(b"Meeting notes\n- bring the clip\n").description,
        "Text"
    );
    assert_eq!(sniff("Café ☕ notes".as_bytes()).description, "Text");
    assert_eq!(
        sniff(b"\xEF\xBB\xBF<!DOCTYPE html><html>").description,
        "Web page (HTML)"
    );
    assert_eq!(
        sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>").description,
        "SVG drawing"
    );
}

#[test]
fn only_unrecognised_data_is_left_to_ffmpeg() {
    assert!(sniff(&[0x0B, 0x77, 0x12, 0x34, 0x00, 0xFE, 0x01]).needs_probe());
    assert!(!sniff(&[]).needs_probe());
    assert!(!sniff(&padded(b"RIFF\0\0\0\0WAVEfmt ")).needs_probe());
    assert!(!sniff(b"plain words").needs_probe());
    let mut rng = XorShift(77);
    assert!(sniff(&rng.bytes(4096)).needs_probe());
}
