//! Small generated images for the tests.
#![allow(dead_code)]

use std::io::Cursor;

use image::{DynamicImage, ImageEncoder, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use tamp_imaging::{ImageOptions, OutputFormat};

/// Options with defaults: quality 80, no limits, metadata stripped.
pub fn opts(format: OutputFormat) -> ImageOptions {
    ImageOptions {
        format,
        quality: 80,
        max_width: None,
        max_height: None,
        target_bytes: None,
        keep_metadata: false,
    }
}

/// A photo-like RGB image: gradients plus deterministic noise, so lossy sizes vary with quality.
pub fn photo(w: u32, h: u32) -> RgbImage {
    let mut seed = 0x1234_5678u32;
    RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let n = (seed % 48) as u8;
        Rgb([
            ((x * 255 / w.max(1)) as u8).saturating_add(n),
            ((y * 255 / h.max(1)) as u8).saturating_add(n / 2),
            (((x + y) * 3) % 256) as u8,
        ])
    })
}

/// Left half red, right half blue: shows which way a rotation went.
pub fn halves(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, _| {
        if x < w / 2 {
            Rgb([255, 0, 0])
        } else {
            Rgb([0, 0, 255])
        }
    })
}

/// A half-transparent RGBA image.
pub fn translucent(w: u32, h: u32) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, _| {
        Rgba([0, 0, 0, if x < w / 2 { 0 } else { 255 }])
    })
}

/// Encodes an image in `format` with the `image` crate.
pub fn encoded(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).expect("test image encodes");
    out.into_inner()
}

/// A PNG carrying an EXIF block with the given orientation tag.
pub fn png_with_orientation(img: &RgbImage, orientation: u16) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = image::codecs::png::PngEncoder::new(&mut out);
    enc.set_exif_metadata(exif_orientation(orientation))
        .expect("PNG takes EXIF");
    enc.write_image(
        img.as_raw(),
        img.width(),
        img.height(),
        image::ExtendedColorType::Rgb8,
    )
    .expect("test PNG encodes");
    out
}

/// A minimal little-endian TIFF/EXIF structure: one IFD with one Orientation entry.
pub fn exif_orientation(value: u16) -> Vec<u8> {
    let mut e = b"II*\0".to_vec();
    e.extend_from_slice(&8u32.to_le_bytes()); // first IFD offset
    e.extend_from_slice(&1u16.to_le_bytes()); // entry count
    e.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
    e.extend_from_slice(&3u16.to_le_bytes()); // SHORT
    e.extend_from_slice(&1u32.to_le_bytes()); // count
    e.extend_from_slice(&value.to_le_bytes());
    e.extend_from_slice(&[0, 0]); // value padding
    e.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
    e
}

/// A PNG whose header claims `w` × `h` pixels, with no real pixel data behind it.
pub fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(
        &mut png,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
