//! Tamp's image engine: decode any supported image (format detected from its bytes), turn it
//! upright, resize, and re-encode it — pure Rust, no web dependencies, so it is tested
//! natively and runs unchanged in the image worker (wasm32).
//!
//! Re-encoding from pixels drops every metadata block (EXIF with GPS location, XMP, ICC)
//! unless [`ImageOptions::keep_metadata`] asks to carry over what the encoder supports.

mod browser;
mod codecs;
mod decode;
mod encode;
mod error;
mod jpeg_end;
pub mod limits;
mod prepare;
pub mod search;
mod target;

use image::imageops::FilterType;

pub use browser::browser_plan;
pub use codecs::{codec_for, Codec, JsCodec};
pub use encode::{encode, Encoded, Metadata};
pub use error::ImageError;
/// The decoded picture type, for the worker's encoders.
pub use image::DynamicImage;
pub use prepare::{prepare, prepare_rgba, Plan, Prepared};
pub use search::MIN_QUALITY;
pub use target::{at_size, Fitted, Fitter};

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
    /// Written by libavif in the worker's JavaScript only ([`codec_for`]).
    Avif,
}

impl OutputFormat {
    /// Every output format, in registry order.
    pub const ALL: [OutputFormat; 9] = [
        Self::Webp,
        Self::Jpeg,
        Self::Png,
        Self::Gif,
        Self::Bmp,
        Self::Ico,
        Self::Tiff,
        Self::Qoi,
        Self::Avif,
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
            Self::Avif => "avif",
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
            Self::Avif => "AVIF",
        }
    }

    /// Whether quality and target size apply (JPEG, WebP, AVIF).
    pub fn is_lossy(self) -> bool {
        matches!(self, Self::Webp | Self::Jpeg | Self::Avif)
    }

    /// Whether this crate's pure-Rust encoders write it (all but AVIF).
    pub fn rust_encodes(self) -> bool {
        self != Self::Avif
    }

    /// Largest side the format can store, when it is smaller than the decoder limit.
    pub(crate) fn max_side(self) -> Option<u32> {
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

/// Converts `input` (any supported image) according to `opts`, with the pure-Rust encoders.
pub fn convert(input: &[u8], opts: &ImageOptions) -> Result<ImageOutput, ImageError> {
    convert_observed(input, opts, &mut |_| {})
}

/// [`convert`], reporting each step to `observe` as it happens. The worker does the same
/// with [`prepare`], a [`Fitter`] or one encode by the codec [`codec_for`] picks, and
/// [`Prepared::finish`].
pub fn convert_observed(
    input: &[u8],
    opts: &ImageOptions,
    observe: &mut dyn FnMut(Step),
) -> Result<ImageOutput, ImageError> {
    let Prepared { image, plan } = prepare(input, opts, observe)?;
    let (format, meta) = (opts.format, plan.meta.as_ref());
    let size = (image.width(), image.height());
    let fitted = match opts.target_bytes {
        Some(target) if format.is_lossy() => {
            let mut fitter = Fitter::new(size, opts.quality, target);
            while let Some((probe, w, h)) = fitter.next(observe) {
                let img = at_size(&image, w, h);
                let encoded = encode::encode(&img, format, probe.quality, meta)?;
                fitter.record(encoded, observe);
            }
            fitter.finish()?
        }
        _ => {
            observe(Step::Encoding { attempt: 1 });
            let encoded = encode::encode(&image, format, plan.quality, meta)?;
            Fitted::whole(encoded, size, plan.quality)
        }
    };
    Ok(plan.finish(fitted, observe))
}

pub(crate) fn validate(opts: &ImageOptions) -> Result<(), ImageError> {
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

/// The size that fits within the bounds, scaled down (never up) keeping the aspect ratio;
/// `None` when `w × h` already fits.
pub(crate) fn fit_within(
    (w, h): (u32, u32),
    max_w: Option<u32>,
    max_h: Option<u32>,
) -> Option<(u32, u32)> {
    let sx = max_w.map_or(1.0, |m| f64::from(m) / f64::from(w));
    let sy = max_h.map_or(1.0, |m| f64::from(m) / f64::from(h));
    let scale = sx.min(sy);
    if scale >= 1.0 {
        return None;
    }
    // Round, then clamp into the bounds: rounding up must not overshoot a limit.
    let nw = ((f64::from(w) * scale).round() as u32).clamp(1, max_w.unwrap_or(u32::MAX));
    let nh = ((f64::from(h) * scale).round() as u32).clamp(1, max_h.unwrap_or(u32::MAX));
    Some((nw, nh))
}

/// Resamples with Catmull-Rom: as sharp as Lanczos3 to the eye when shrinking photos, with
/// less ringing around hard edges (screenshots, text) and a third fewer taps per pixel.
pub(crate) fn resize_exact(img: &DynamicImage, w: u32, h: u32) -> DynamicImage {
    img.resize_exact(w, h, FilterType::CatmullRom)
}
