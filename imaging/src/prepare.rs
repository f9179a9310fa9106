//! Everything before the encoder (decode, orient, resize, settle alpha, pick the metadata)
//! and everything after it (the notes and the log line), shared by every codec.

use image::DynamicImage;
use tamp_core::human::format_bytes;

use crate::encode::Metadata;
use crate::error::ImageError;
use crate::target::Fitted;
use crate::{
    decode, fit_within, limits, resize_exact, validate, ImageOptions, ImageOutput, OutputFormat,
    Step,
};

/// What is decided about a picture before its pixels are touched: its output size, quality,
/// metadata and notes. The browser-only path ([`crate::browser_plan`]) has a plan and no pixels.
pub struct Plan {
    pub format: OutputFormat,
    /// 1..=100: the quality to encode at without a target.
    pub quality: u8,
    /// The metadata to carry over, when the person asked to keep it.
    pub meta: Option<Metadata>,
    pub notes: Vec<String>,
    pub source_width: u32,
    pub source_height: u32,
    /// The size to encode at (upright, resized).
    pub width: u32,
    pub height: u32,
}

/// A decoded picture ready for an encoder.
pub struct Prepared {
    /// Upright, resized, alpha settled for the output format.
    pub image: DynamicImage,
    pub plan: Plan,
}

/// Decodes `input` and prepares the picture for `opts.format`.
pub fn prepare(
    input: &[u8],
    opts: &ImageOptions,
    observe: &mut dyn FnMut(Step),
) -> Result<Prepared, ImageError> {
    validate(opts)?;
    observe(Step::Decoding);
    let decoded = decode::decode(input)?;
    prepare_decoded(decoded, opts, observe)
}

/// Prepares pixels decoded outside this crate (HEIC, by libheif in the worker): upright
/// RGBA8, `width × height`, from a `format_name` file. Its metadata is not carried over.
pub fn prepare_rgba(
    width: u32,
    height: u32,
    rgba: Vec<u8>,
    format_name: &'static str,
    opts: &ImageOptions,
    observe: &mut dyn FnMut(Step),
) -> Result<Prepared, ImageError> {
    validate(opts)?;
    if !limits::allowed(width, height) {
        return Err(ImageError::TooLarge { width, height });
    }
    let damaged = || ImageError::Damaged {
        format: format_name.into(),
        detail: "the decoder returned no pixels".into(),
    };
    let image = image::RgbaImage::from_raw(width, height, rgba).ok_or_else(damaged)?;
    if width == 0 || height == 0 {
        return Err(damaged());
    }
    let mut notes = Vec::new();
    if opts.keep_metadata {
        notes.push(format!(
            "The {format_name} file's metadata is not carried over."
        ));
    }
    let decoded = decode::Decoded {
        image: DynamicImage::ImageRgba8(image),
        format_name,
        icc: None,
        exif: None,
        notes,
    };
    prepare_decoded(decoded, opts, observe)
}

fn prepare_decoded(
    decoded: decode::Decoded,
    opts: &ImageOptions,
    observe: &mut dyn FnMut(Step),
) -> Result<Prepared, ImageError> {
    let img = decoded.image;
    observe(Step::Log(format!(
        "Read a {} × {} {} image ({:?}).",
        img.width(),
        img.height(),
        decoded.format_name,
        img.color()
    )));
    let header = decode::Header {
        format_name: decoded.format_name,
        width: img.width(),
        height: img.height(),
        icc: decoded.icc,
        exif: decoded.exif,
        notes: decoded.notes,
        turned: false,
    };
    let mut plan = plan(header, opts);
    let resized = if (plan.width, plan.height) == (img.width(), img.height()) {
        img
    } else {
        resize_exact(&img, plan.width, plan.height)
    };
    let image = settle_alpha(resized, plan.format, &mut plan.notes);
    Ok(Prepared { image, plan })
}

/// The plan for a picture whose header says `header`.
pub(crate) fn plan(header: decode::Header, opts: &ImageOptions) -> Plan {
    let format = opts.format;
    let mut notes = header.notes;
    let source = (header.width, header.height);
    let mut size = source;
    if let Some(resized) = fit_within(size, opts.max_width, opts.max_height) {
        notes.push(format!(
            "Resized from {} × {} to {} × {}.",
            size.0, size.1, resized.0, resized.1
        ));
        size = resized;
    }
    if let Some(side) = format.max_side() {
        if let Some(resized) = fit_within(size, Some(side), Some(side)) {
            notes.push(format!(
                "{} images can be at most {side} × {side} pixels, so the picture was scaled \
                 down to {} × {}.",
                format.name(),
                resized.0,
                resized.1
            ));
            size = resized;
        }
    }

    let had_metadata = header.icc.is_some() || header.exif.is_some();
    let meta = opts.keep_metadata.then_some(Metadata {
        icc: header.icc,
        exif: header.exif,
    });
    if !opts.keep_metadata && had_metadata {
        notes.push(
            "Removed the metadata (camera data such as GPS location, and the colour profile)."
                .into(),
        );
    }
    if opts.target_bytes.is_some() && !format.is_lossy() {
        notes.push(format!(
            "A target size applies only to JPEG and WebP; {} is written as is.",
            format.name()
        ));
    }
    Plan {
        format,
        quality: opts.quality.clamp(1, 100),
        meta,
        notes,
        source_width: source.0,
        source_height: source.1,
        width: size.0,
        height: size.1,
    }
}

impl Prepared {
    /// The output, with the notes on what was decided.
    pub fn finish(self, fitted: Fitted, observe: &mut dyn FnMut(Step)) -> ImageOutput {
        self.plan.finish(fitted, observe)
    }
}

impl Plan {
    /// The output, with the notes on what was decided.
    pub fn finish(self, fitted: Fitted, observe: &mut dyn FnMut(Step)) -> ImageOutput {
        let Plan {
            format,
            meta,
            mut notes,
            source_width,
            source_height,
            ..
        } = self;
        notes.extend(fitted.notes);
        if format == OutputFormat::Webp && fitted.quality == 100 {
            notes.push("Quality 100: written as lossless WebP.".into());
        }
        if let Some(meta) = &meta {
            notes.push(metadata_note(meta, &fitted.encoded.kept, format));
        }
        observe(Step::Log(format!(
            "Wrote {} × {} {}: {}.",
            fitted.width,
            fitted.height,
            format.name(),
            format_bytes(fitted.encoded.bytes.len() as u64)
        )));
        ImageOutput {
            bytes: fitted.encoded.bytes,
            width: fitted.width,
            height: fitted.height,
            source_width,
            source_height,
            notes,
        }
    }
}

/// JPEG cannot store transparency: flatten onto white. Elsewhere, drop an alpha channel that
/// is fully opaque (smaller files, no WebP alpha chunk). For AVIF, blank what is under fully
/// transparent pixels (below).
fn settle_alpha(img: DynamicImage, format: OutputFormat, notes: &mut Vec<String>) -> DynamicImage {
    if !img.color().has_alpha() {
        return img;
    }
    let rgba = img.to_rgba8();
    let opaque = rgba.pixels().all(|p| p.0[3] == u8::MAX);
    if opaque {
        return DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(rgba).to_rgb8());
    }
    if format == OutputFormat::Avif {
        return DynamicImage::ImageRgba8(clear_under_transparent(rgba));
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

/// Black under every fully transparent pixel: nobody sees it, and libavif encodes it (libwebp
/// and the browser's canvas already drop it). Measured here on a 1280×800 photo cut to a disc
/// (`scripts/bench-images.mjs`'s PNG with alpha), avifenc at one quantizer: 225,827 B at SSIM
/// 0.9748 before, 110,326 B at 0.9732 after (SSIM of the picture over black).
fn clear_under_transparent(mut rgba: image::RgbaImage) -> image::RgbaImage {
    for p in rgba.pixels_mut().filter(|p| p.0[3] == 0) {
        p.0 = [0; 4];
    }
    rgba
}

fn metadata_note(meta: &Metadata, kept: &[&str], format: OutputFormat) -> String {
    if meta.icc.is_none() && meta.exif.is_none() {
        return "The image had no metadata to keep.".into();
    }
    if kept.is_empty() {
        return format!("{} cannot carry metadata, so none was kept.", format.name());
    }
    format!("Kept the {}.", kept.join(" and "))
}
