//! One encode of prepared pixels into one output format.

use std::io::Cursor;

use image::codecs::{
    bmp::BmpEncoder, gif::GifEncoder, ico::IcoEncoder, jpeg::JpegEncoder, png::PngEncoder,
    qoi::QoiEncoder, tiff::TiffEncoder,
};
use image::{DynamicImage, ImageEncoder};

use crate::error::ImageError;
use crate::OutputFormat;

/// Metadata to carry into the output, when the user asked to keep it.
#[derive(Default)]
pub struct Metadata {
    pub icc: Option<Vec<u8>>,
    pub exif: Option<Vec<u8>>,
}

/// Encoded bytes and which metadata the encoder actually carried.
pub struct Encoded {
    pub bytes: Vec<u8>,
    pub kept: Vec<&'static str>,
}

/// Encodes `img` (already resized, flattened for JPEG) at `quality` (1..=100; 100 means
/// lossless for WebP).
pub fn encode(
    img: &DynamicImage,
    format: OutputFormat,
    quality: u8,
    meta: Option<&Metadata>,
) -> Result<Encoded, ImageError> {
    let name = format.name();
    let mut out = Vec::new();
    let kept = match format {
        OutputFormat::Webp => return encode_webp(img, quality, meta),
        OutputFormat::Jpeg => {
            let enc = JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100));
            write(img, enc, meta, name)?
        }
        OutputFormat::Png => write(img, PngEncoder::new(&mut out), meta, name)?,
        // Speed 10 is the gif crate's own default; speed 1 (image's default) takes minutes
        // of NeuQuant on a large photo.
        OutputFormat::Gif => {
            let mut enc = GifEncoder::new_with_speed(&mut out, 10);
            enc.encode_frame(image::Frame::new(img.to_rgba8()))
                .map_err(|e| ImageError::encode(name, e))?;
            drop(enc);
            Vec::new()
        }
        OutputFormat::Bmp => write(img, BmpEncoder::new(&mut out), meta, name)?,
        // PNG-in-ICO must be RGBA: Windows (and the `image` decoder) reject RGB ones.
        OutputFormat::Ico => {
            let rgba = DynamicImage::ImageRgba8(img.to_rgba8());
            write(&rgba, IcoEncoder::new(&mut out), meta, name)?
        }
        OutputFormat::Tiff => {
            let mut cursor = Cursor::new(Vec::new());
            let kept = write(img, TiffEncoder::new(&mut cursor), meta, name)?;
            out = cursor.into_inner();
            kept
        }
        OutputFormat::Qoi => write(img, QoiEncoder::new(&mut out), meta, name)?,
        // rav1e builds for wasm32 but takes 11 s natively for 12 MP at its fastest setting.
        OutputFormat::Avif => {
            return Err(ImageError::Encode {
                format: name.into(),
                detail: "AVIF is written by the browser-side codec only".into(),
            })
        }
    };
    Ok(Encoded { bytes: out, kept })
}

/// Runs an `image` encoder, offering it the metadata; returns what it accepted.
fn write(
    img: &DynamicImage,
    mut enc: impl ImageEncoder,
    meta: Option<&Metadata>,
    name: &str,
) -> Result<Vec<&'static str>, ImageError> {
    let mut kept = Vec::new();
    if let Some(meta) = meta {
        if let Some(icc) = &meta.icc {
            if enc.set_icc_profile(icc.clone()).is_ok() {
                kept.push("colour profile (ICC)");
            }
        }
        if let Some(exif) = &meta.exif {
            if enc.set_exif_metadata(exif.clone()).is_ok() {
                kept.push("camera data (EXIF)");
            }
        }
    }
    img.write_with_encoder(enc)
        .map_err(|e| ImageError::encode(name, e))?;
    Ok(kept)
}

/// WebP through the pure-Rust VP8 encoder: lossy at quality 1..=99, lossless at 100.
fn encode_webp(
    img: &DynamicImage,
    quality: u8,
    meta: Option<&Metadata>,
) -> Result<Encoded, ImageError> {
    use vaam_webp::{ColorType, EncoderParams, WebPEncoder};
    let (buf, color) = if img.color().has_alpha() {
        (img.to_rgba8().into_raw(), ColorType::Rgba8)
    } else {
        (img.to_rgb8().into_raw(), ColorType::Rgb8)
    };
    let mut out = Vec::new();
    let mut enc = WebPEncoder::new(&mut out);
    let mut kept = Vec::new();
    if let Some(meta) = meta {
        if let Some(icc) = &meta.icc {
            enc.set_icc_profile(icc.clone());
            kept.push("colour profile (ICC)");
        }
        if let Some(exif) = &meta.exif {
            enc.set_exif_metadata(exif.clone());
            kept.push("camera data (EXIF)");
        }
    }
    let mut params = EncoderParams::default();
    params.use_lossy = quality < 100;
    params.lossy_quality = quality.clamp(1, 99);
    enc.set_params(params);
    enc.encode(&buf, img.width(), img.height(), color)
        .map_err(|e| ImageError::encode("WebP", e))?;
    Ok(Encoded { bytes: out, kept })
}
