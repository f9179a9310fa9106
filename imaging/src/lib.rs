//! Tamp's image engine: decode any supported image (format detected from its bytes), turn it
//! upright, resize, and re-encode it — pure Rust, no web dependencies, so it is tested
//! natively and runs unchanged in the image worker (wasm32).
//!
//! Re-encoding from pixels drops every metadata block (EXIF with GPS location, XMP, ICC)
//! unless [`ImageOptions::keep_metadata`] asks to carry over what the encoder supports.

mod decode;
mod encode;
mod error;
mod jpeg_end;
pub mod limits;
mod target;

use image::{imageops::FilterType, DynamicImage, GenericImageView};
use tamp_core::human::format_bytes;

pub use error::ImageError;
pub use target::MIN_QUALITY;

/// An output format; the ids are the registry ids of `tamp_core::formats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Webp,
    Jpeg,
    Png,
    Gif,
    Bmp,
    Ico,
    Tiff,
    Qoi,
}

impl OutputFormat {
    /// Every output format, in registry order.
    pub const ALL: [OutputFormat; 8] = [
        Self::Webp,
        Self::Jpeg,
        Self::Png,
        Self::Gif,
        Self::Bmp,
        Self::Ico,
        Self::Tiff,
        Self::Qoi,
    ];

    /// Parses a registry id ("webp", "jpeg", …).
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The registry id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Webp => "webp",
            Self::Jpeg => "jpeg",
            Self::Png => "png",
            Self::Gif => "gif",
            Self::Bmp => "bmp",
            Self::Ico => "ico",
            Self::Tiff => "tiff",
            Self::Qoi => "qoi",
        }
    }

    /// What people call it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Webp => "WebP",
            Self::Jpeg => "JPEG",
            Self::Png => "PNG",
            Self::Gif => "GIF",
            Self::Bmp => "BMP",
            Self::Ico => "ICO",
            Self::Tiff => "TIFF",
            Self::Qoi => "QOI",
        }
    }

    /// Whether quality and target size apply (JPEG, WebP).
    pub fn is_lossy(self) -> bool {
        matches!(self, Self::Webp | Self::Jpeg)
    }

    /// Largest side the format can store, when it is smaller than the decoder limit.
    fn max_side(self) -> Option<u32> {
        match self {
            Self::Ico => Some(256),
            Self::Webp => Some(16_383),
            _ => None,
        }
    }
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageOptions {
    pub format: OutputFormat,
    /// 1..=100 for JPEG and WebP (WebP at 100 is lossless); ignored by the other formats.
    pub quality: u8,
    /// Largest output width/height; aspect ratio kept, never upscaled.
    pub max_width: Option<u32>,
    pub max_height: Option<u32>,
    /// JPEG and WebP: the highest quality (up to `quality`) whose output fits this many bytes.
    pub target_bytes: Option<u64>,
    /// Carry the ICC profile and EXIF over where the output format can hold them.
    pub keep_metadata: bool,
}

/// The converted image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageOutput {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The input's size as decoded and turned upright, before any resizing.
    pub source_width: u32,
    pub source_height: u32,
    /// Decisions made, in plain words, for the job's notes.
    pub notes: Vec<String>,
}

/// Where a conversion is, for status lines and logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Reading the input.
    Decoding,
    /// Encoding; `attempt` counts from 1 (several when fitting a target size).
    Encoding { attempt: u32 },
    /// A line for the job log.
    Log(String),
}

/// Converts `input` (any supported image) according to `opts`.
pub fn convert(input: &[u8], opts: &ImageOptions) -> Result<ImageOutput, ImageError> {
    convert_observed(input, opts, &mut |_| {})
}

/// [`convert`], reporting each step to `observe` as it happens.
pub fn convert_observed(
    input: &[u8],
    opts: &ImageOptions,
    observe: &mut dyn FnMut(Step),
) -> Result<ImageOutput, ImageError> {
    validate(opts)?;
    let format = opts.format;
    observe(Step::Decoding);
    let decoded = decode::decode(input)?;
    let mut notes = decoded.notes;
    let mut img = decoded.image;
    let (source_width, source_height) = (img.width(), img.height());
    observe(Step::Log(format!(
        "Read a {} × {} {} image ({:?}).",
        img.width(),
        img.height(),
        decoded.format_name,
        img.color()
    )));

    if let Some(resized) = shrink_to_fit(&img, opts.max_width, opts.max_height) {
        notes.push(format!(
            "Resized from {} × {} to {} × {}.",
            img.width(),
            img.height(),
            resized.width(),
            resized.height()
        ));
        img = resized;
    }
    if let Some(side) = format.max_side() {
        if let Some(resized) = shrink_to_fit(&img, Some(side), Some(side)) {
            notes.push(format!(
                "{} images can be at most {side} × {side} pixels, so the picture was scaled \
                 down to {} × {}.",
                format.name(),
                resized.width(),
                resized.height()
            ));
            img = resized;
        }
    }
    img = settle_alpha(img, format, &mut notes);

    let had_metadata = decoded.icc.is_some() || decoded.exif.is_some();
    let meta = opts.keep_metadata.then_some(encode::Metadata {
        icc: decoded.icc,
        exif: decoded.exif,
    });
    if !opts.keep_metadata && had_metadata {
        notes.push(
            "Removed the metadata (camera data such as GPS location, and the colour profile)."
                .into(),
        );
    }

    let quality = opts.quality.clamp(1, 100);
    let (encoded, img, used_quality) = match opts.target_bytes {
        Some(target) if format.is_lossy() => {
            let fitted = target::fit(&img, format, quality, target, meta.as_ref(), observe)?;
            notes.extend(fitted.notes);
            (fitted.encoded, fitted.image.into_owned(), fitted.quality)
        }
        target => {
            if target.is_some() {
                notes.push(format!(
                    "A target size applies only to JPEG and WebP; {} is written as is.",
                    format.name()
                ));
            }
            observe(Step::Encoding { attempt: 1 });
            let encoded = encode::encode(&img, format, quality, meta.as_ref())?;
            (encoded, img, quality)
        }
    };
    if format == OutputFormat::Webp && used_quality == 100 {
        notes.push("Quality 100: written as lossless WebP.".into());
    }
    if let Some(meta) = &meta {
        notes.push(metadata_note(meta, &encoded.kept, format));
    }
    observe(Step::Log(format!(
        "Wrote {} × {} {}: {}.",
        img.width(),
        img.height(),
        format.name(),
        format_bytes(encoded.bytes.len() as u64)
    )));
    Ok(ImageOutput {
        bytes: encoded.bytes,
        width: img.width(),
        height: img.height(),
        source_width,
        source_height,
        notes,
    })
}

fn validate(opts: &ImageOptions) -> Result<(), ImageError> {
    if opts.max_width == Some(0) || opts.max_height == Some(0) {
        return Err(ImageError::InvalidOptions(
            "the largest width and height must be at least 1 pixel".into(),
        ));
    }
    if opts.target_bytes == Some(0) {
        return Err(ImageError::InvalidOptions(
            "the target size must be above 0 bytes".into(),
        ));
    }
    Ok(())
}

/// Scales down (never up) to fit within the bounds, keeping the aspect ratio; `None` when
/// the image already fits.
pub(crate) fn shrink_to_fit(
    img: &DynamicImage,
    max_w: Option<u32>,
    max_h: Option<u32>,
) -> Option<DynamicImage> {
    let (w, h) = img.dimensions();
    let sx = max_w.map_or(1.0, |m| f64::from(m) / f64::from(w));
    let sy = max_h.map_or(1.0, |m| f64::from(m) / f64::from(h));
    let scale = sx.min(sy);
    if scale >= 1.0 {
        return None;
    }
    // Round, then clamp into the bounds: rounding up must not overshoot a limit.
    let nw = ((f64::from(w) * scale).round() as u32).clamp(1, max_w.unwrap_or(u32::MAX));
    let nh = ((f64::from(h) * scale).round() as u32).clamp(1, max_h.unwrap_or(u32::MAX));
    Some(resize_exact(img, nw, nh))
}

/// Resamples with Catmull-Rom: as sharp as Lanczos3 to the eye when shrinking photos, with
/// less ringing around hard edges (screenshots, text) and a third fewer taps per pixel.
pub(crate) fn resize_exact(img: &DynamicImage, w: u32, h: u32) -> DynamicImage {
    img.resize_exact(w, h, FilterType::CatmullRom)
}

/// JPEG cannot store transparency: flatten onto white. Elsewhere, drop an alpha channel that
/// is fully opaque (smaller files, no WebP alpha chunk).
fn settle_alpha(img: DynamicImage, format: OutputFormat, notes: &mut Vec<String>) -> DynamicImage {
    if !img.color().has_alpha() {
        return img;
    }
    let rgba = img.to_rgba8();
    let opaque = rgba.pixels().all(|p| p.0[3] == u8::MAX);
    if opaque {
        return DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(rgba).to_rgb8());
    }
    if format != OutputFormat::Jpeg {
        return img;
    }
    notes.push("JPEG has no transparency: transparent areas were filled with white.".into());
    let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
    for (dst, src) in rgb.pixels_mut().zip(rgba.pixels()) {
        let a = u32::from(src.0[3]);
        for c in 0..3 {
            dst.0[c] = ((u32::from(src.0[c]) * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    DynamicImage::ImageRgb8(rgb)
}

fn metadata_note(meta: &encode::Metadata, kept: &[&str], format: OutputFormat) -> String {
    if meta.icc.is_none() && meta.exif.is_none() {
        return "The image had no metadata to keep.".into();
    }
    if kept.is_empty() {
        return format!("{} cannot carry metadata, so none was kept.", format.name());
    }
    format!("Kept the {}.", kept.join(" and "))
}
