//! MPEG audio (MP3) and ADTS (AAC) frame-sync validation.
//!
//! A frame sync is only 11–12 bits, so random data matches it often. We only
//! accept a stream when consecutive frames line up exactly where each header's
//! frame length says the next one starts.

/// How far into the file we look for the first frame (junk or padding before
/// the first frame is common in real MP3s).
const SCAN_LIMIT: usize = 4096;

/// An ID3v2 tag: "ID3", major version 2–4, revision < 0xFF, sync-safe size bytes.
pub(super) fn is_id3(head: &[u8]) -> bool {
    match head {
        [b'I', b'D', b'3', major, rev, _flags, size @ ..] if size.len() >= 4 => {
            (2..=4).contains(major) && *rev != 0xFF && size[..4].iter().all(|&b| b < 0x80)
        }
        _ => false,
    }
}

/// Parses an MPEG-1/2/2.5 audio frame header and returns the frame length in bytes.
fn mpeg_frame_len(h: &[u8]) -> Option<usize> {
    let &[b0, b1, b2, b3, ..] = h else {
        return None;
    };
    if b0 != 0xFF || b1 & 0xE0 != 0xE0 {
        return None;
    }
    let version = (b1 >> 3) & 3; // 0 = 2.5, 1 = reserved, 2 = MPEG-2, 3 = MPEG-1
    let layer = (b1 >> 1) & 3; // 0 = reserved, 1 = III, 2 = II, 3 = I
    let bitrate_idx = (b2 >> 4) as usize;
    let sr_idx = ((b2 >> 2) & 3) as usize;
    let padding = ((b2 >> 1) & 1) as usize;
    // Reserved values, "free format" (0) and "bad" (15) bitrates are rejected.
    if version == 1 || layer == 0 || bitrate_idx == 0 || bitrate_idx == 15 || sr_idx == 3 {
        return None;
    }
    if b3 & 3 == 2 {
        return None; // reserved emphasis
    }
    const V1_L1: [usize; 15] = [
        0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448,
    ];
    const V1_L2: [usize; 15] = [
        0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384,
    ];
    const V1_L3: [usize; 15] = [
        0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
    ];
    const V2_L1: [usize; 15] = [
        0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256,
    ];
    const V2_L23: [usize; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    let mpeg1 = version == 3;
    let kbps = match (mpeg1, layer) {
        (true, 3) => V1_L1[bitrate_idx],
        (true, 2) => V1_L2[bitrate_idx],
        (true, _) => V1_L3[bitrate_idx],
        (false, 3) => V2_L1[bitrate_idx],
        (false, _) => V2_L23[bitrate_idx],
    };
    let base_rate = [44_100, 48_000, 32_000][sr_idx];
    let sample_rate = match version {
        3 => base_rate,
        2 => base_rate / 2,
        _ => base_rate / 4,
    };
    let bps = kbps * 1000;
    let len = match layer {
        3 => (12 * bps / sample_rate + padding) * 4,
        1 if !mpeg1 => 72 * bps / sample_rate + padding,
        _ => 144 * bps / sample_rate + padding,
    };
    // The smallest legal frame is far bigger than a header; guard anyway so a
    // zero length can never make the chain check loop in place.
    (len > 4).then_some(len)
}

/// ADTS (raw AAC) header: 12-bit sync, layer 0, 13-bit frame length.
fn adts_frame_len(h: &[u8]) -> Option<usize> {
    let &[b0, b1, b2, b3, b4, b5, ..] = h else {
        return None;
    };
    if b0 != 0xFF || b1 & 0xF6 != 0xF0 {
        return None;
    }
    let sr_idx = (b2 >> 2) & 0xF;
    if sr_idx > 12 {
        return None;
    }
    let len = (((b3 & 3) as usize) << 11) | ((b4 as usize) << 3) | ((b5 >> 5) as usize);
    (len > 7).then_some(len)
}

/// True when `count` frames follow each other exactly from `start`, all with
/// the same stream parameters (`same_stream` mask over header bytes 1 and 2):
/// real streams never change version, layer or sample rate mid-stream, while
/// coincidental syncs in random data almost never agree.
fn chain(
    head: &[u8],
    start: usize,
    count: usize,
    frame_len: fn(&[u8]) -> Option<usize>,
    same_stream: [u8; 2],
) -> bool {
    let signature = |at: usize| {
        head.get(at + 1..at + 3)
            .map(|b| [b[0] & same_stream[0], b[1] & same_stream[1]])
    };
    let first = signature(start);
    let mut at = start;
    for _ in 0..count {
        if signature(at) != first {
            return false;
        }
        match head.get(at..).and_then(frame_len) {
            Some(len) => at += len,
            None => return false,
        }
    }
    true
}

/// Version, layer, protection bit; sample-rate index.
const MPEG_SAME: [u8; 2] = [0xFF, 0x0C];
/// MPEG id, layer, protection; profile and sample-rate index.
const ADTS_SAME: [u8; 2] = [0xFF, 0xFC];

/// MP3 without a tag: two consecutive frames at offset 0, or three
/// consecutive frames starting anywhere in the first 4 KiB (stricter, because
/// scanning many offsets multiplies the chance of a coincidence).
pub(super) fn is_mp3_stream(head: &[u8]) -> bool {
    if chain(head, 0, 2, mpeg_frame_len, MPEG_SAME) {
        return true;
    }
    let limit = head.len().min(SCAN_LIMIT);
    (1..limit).any(|i| head[i] == 0xFF && chain(head, i, 3, mpeg_frame_len, MPEG_SAME))
}

/// Raw AAC in ADTS framing: two consecutive frames at offset 0.
pub(super) fn is_adts_stream(head: &[u8]) -> bool {
    chain(head, 0, 2, adts_frame_len, ADTS_SAME)
}
