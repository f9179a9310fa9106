//! Whether a JPEG file is whole. The JPEG decoder fills a cut-short picture with grey and
//! reports success, so a truncated photo would convert silently into a broken one.
//!
//! A whole JPEG has an end-of-image marker (FF D9) after the main picture's first
//! start-of-scan marker (FF DA). Marker segments are walked from the start to find that
//! scan, so an EXIF thumbnail (a small JPEG with its own FF D9 inside an APP1 segment) does
//! not count. Inside entropy-coded data every FF byte is followed by 00 or a restart marker
//! (D0–D7), so an FF D9 there is the real end. Data after the end (some cameras append a
//! trailer) is allowed.

/// True when `jpeg` (which starts with FF D8) has an end-of-image marker after its first scan.
pub(crate) fn is_complete(jpeg: &[u8]) -> bool {
    let Some(scan) = first_scan(jpeg) else {
        return false;
    };
    jpeg[scan..].windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Offset of the data after the first start-of-scan segment's header, walking segments.
fn first_scan(jpeg: &[u8]) -> Option<usize> {
    let mut at = 2; // after SOI
    loop {
        // Markers may be preceded by any number of FF fill bytes.
        while *jpeg.get(at)? == 0xFF && *jpeg.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *jpeg.get(at)? != 0xFF {
            return None;
        }
        let marker = *jpeg.get(at + 1)?;
        match marker {
            // Markers without a length: TEM, RSTn, SOI.
            0x01 | 0xD0..=0xD8 => at += 2,
            0xD9 => return None, // end before any scan
            _ => {
                let len = usize::from(u16::from_be_bytes([*jpeg.get(at + 2)?, *jpeg.get(at + 3)?]));
                if len < 2 {
                    return None;
                }
                let next = at.checked_add(2 + len)?;
                if marker == 0xDA {
                    return (next <= jpeg.len()).then_some(next);
                }
                at = next;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_complete;

    /// SOI, an APP1 holding a whole thumbnail JPEG, SOS, scan data with stuffing, EOI.
    fn jpeg(with_end: bool) -> Vec<u8> {
        let thumb = [0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 1, 2, 0xFF, 0xD9];
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE1];
        b.extend_from_slice(&((thumb.len() + 2) as u16).to_be_bytes());
        b.extend_from_slice(&thumb);
        b.extend_from_slice(&[0xFF, 0xDA, 0, 4, 9, 9, 1, 0xFF, 0x00, 2, 0xFF, 0xD3, 3]);
        if with_end {
            b.extend_from_slice(&[0xFF, 0xD9]);
        }
        b
    }

    #[test]
    fn a_whole_jpeg_is_complete_and_its_thumbnail_end_does_not_count() {
        assert!(is_complete(&jpeg(true)));
        assert!(!is_complete(&jpeg(false)));
        let mut trailer = jpeg(true);
        trailer.extend_from_slice(b"camera trailer");
        assert!(is_complete(&trailer));
    }

    #[test]
    fn cut_anywhere_is_incomplete() {
        let whole = jpeg(true);
        for cut in 0..whole.len() - 1 {
            assert!(!is_complete(&whole[..cut]), "cut at {cut}");
        }
    }
}
