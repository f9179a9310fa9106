//! Containers FFmpeg reads that browsers rarely meet: recognised here so they are routed
//! (and named) at once instead of being left to the probe fallback.

use super::{contains, hit, Sniffed};
use crate::media::MediaKind::{Audio, Video};

/// ASF's header object GUID (WMV, WMA).
const ASF_HEADER: [u8; 16] = [
    0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C,
];
/// `ASF_Video_Media`, the stream type of a video stream properties object.
const ASF_VIDEO_MEDIA: [u8; 16] = [
    0xC0, 0xEF, 0x19, 0xBC, 0x4D, 0x5B, 0xCF, 0x11, 0xA8, 0xFD, 0x00, 0x80, 0x5F, 0x5C, 0x44, 0x2B,
];
/// The key of an MXF header partition pack (SMPTE 377M), bytes 0..13.
const MXF_PARTITION: [u8; 13] = [
    0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0D, 0x01, 0x02, 0x01, 0x01,
];

/// The formats of this module, or `None`.
pub(super) fn sniff_more(head: &[u8]) -> Option<Sniffed> {
    if head.starts_with(&ASF_HEADER) {
        // The header object lists every stream before any data: a video stream makes WMV.
        let header = &head[..head.len().min(65536)];
        return Some(if contains(header, &ASF_VIDEO_MEDIA) {
            hit(Video, "asf", "Windows Media video (ASF)")
        } else {
            hit(Audio, "wma", "Windows Media audio (ASF)")
        });
    }
    // MXF may start with a run-in of up to 64 KiB; in practice the key is at 0.
    if head.starts_with(&MXF_PARTITION) {
        return Some(hit(Video, "mxf", "MXF video"));
    }
    if is_dv(head) {
        return Some(hit(Video, "dv", "DV video"));
    }
    let simple: [(&[u8], Sniffed); 11] = [
        (b"YUV4MPEG2 ", hit(Video, "y4m", "Raw video (YUV4MPEG)")),
        (b"DKIF", hit(Video, "ivf", "IVF video")),
        (b".RMF", hit(Video, "rm", "RealMedia video")),
        (b"nut/multimedia container", hit(Video, "nut", "NUT video")),
        (&[0, 0, 1, 0xB3], hit(Video, "m1v", "MPEG video stream")),
        (b"#!AMR", hit(Audio, "amr", "AMR audio")),
        (b"caff", hit(Audio, "caf", "Core Audio (CAF) audio")),
        (b".snd", hit(Audio, "au", "Sun AU audio")),
        (b"wvpk", hit(Audio, "wv", "WavPack audio")),
        (b"MAC ", hit(Audio, "ape", "Monkey's Audio")),
        (b"TTA1", hit(Audio, "tta", "TTA audio")),
    ];
    if let Some((_, s)) = simple.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(*s);
    }
    // RF64 and BW64: WAV beyond 4 GiB.
    if head.len() >= 12 && matches!(&head[..4], b"RF64" | b"BW64") && &head[8..12] == b"WAVE" {
        return Some(hit(Audio, "wav", "WAV audio"));
    }
    None
}

/// A DV DIF stream begins with a header block: section type 0, sequence 0, DIF block 0,
/// then the APT byte whose top bit says 625/50 (PAL) or 525/60 (NTSC).
fn is_dv(head: &[u8]) -> bool {
    matches!(head, [0x1F, 0x07, 0x00, apt, ..] if apt & 0x7F == 0x3F)
        && head.len() >= 80 * 2
        // The second DIF block is a subcode block (section type 1).
        && head[80] >> 5 == 1
}
