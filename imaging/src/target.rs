//! Fitting a lossy output under a byte budget: the highest quality that fits, then smaller
//! pixel dimensions if even the lowest quality is too big.

use std::borrow::Cow;

use image::DynamicImage;
use tamp_core::human::format_bytes;

use crate::encode::{encode, Encoded, Metadata};
use crate::error::ImageError;
use crate::{resize_exact, OutputFormat, Step};

/// The lowest quality tried before scaling down: below it JPEG and WebP turn to blocks,
/// and a smaller picture at a sane quality looks better than a full-size smear.
pub const MIN_QUALITY: u8 = 10;
/// How many times the picture may be scaled down before giving up.
const MAX_DOWNSCALES: u32 = 8;
/// Never shrink below this many pixels on the shorter side.
const MIN_SIDE: u32 = 16;

/// The winning encode, its quality and the picture it was made from.
pub(crate) struct Fitted<'a> {
    pub encoded: Encoded,
    pub quality: u8,
    pub image: Cow<'a, DynamicImage>,
    pub notes: Vec<String>,
}

/// Finds the highest quality in `MIN_QUALITY..=max_quality` whose output is at most
/// `target` bytes (binary search: size grows with quality), scaling down when none fits.
pub(crate) fn fit<'a>(
    original: &'a DynamicImage,
    format: OutputFormat,
    max_quality: u8,
    target: u64,
    meta: Option<&Metadata>,
    observe: &mut dyn FnMut(Step),
) -> Result<Fitted<'a>, ImageError> {
    let max_quality = max_quality.clamp(MIN_QUALITY, 100);
    let mut image: Cow<'a, DynamicImage> = Cow::Borrowed(original);
    let mut attempt = 0;
    let mut notes = Vec::new();
    let mut round = 0;
    loop {
        let mut try_quality = |q: u8, img: &DynamicImage| -> Result<Encoded, ImageError> {
            attempt += 1;
            observe(Step::Encoding { attempt });
            let e = encode(img, format, q, meta)?;
            observe(Step::Log(format!(
                "Attempt {attempt}: quality {q} at {} × {} → {}",
                img.width(),
                img.height(),
                format_bytes(e.bytes.len() as u64)
            )));
            Ok(e)
        };
        let fits = |e: &Encoded| e.bytes.len() as u64 <= target;

        let top = try_quality(max_quality, &image)?;
        if fits(&top) {
            return Ok(Fitted {
                encoded: top,
                quality: max_quality,
                image,
                notes,
            });
        }
        let low = try_quality(MIN_QUALITY, &image)?;
        if fits(&low) {
            // Invariant: `lo` fits, `hi` does not.
            let (mut lo, mut hi, mut best) = (MIN_QUALITY, max_quality, low);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                let e = try_quality(mid, &image)?;
                if fits(&e) {
                    (lo, best) = (mid, e);
                } else {
                    hi = mid;
                }
            }
            notes.push(format!(
                "Quality {lo} is the highest that fits under {}.",
                format_bytes(target)
            ));
            return Ok(Fitted {
                encoded: best,
                quality: lo,
                image,
                notes,
            });
        }

        // Too big even at the lowest quality: shrink by the area ratio, with a margin, and
        // at least 10 % per step so the loop ends.
        let ratio = (target as f64 / low.bytes.len() as f64).sqrt() * 0.9;
        let scale = ratio.clamp(0.3, 0.9);
        let (w, h) = (image.width(), image.height());
        let (nw, nh) = (
            ((f64::from(w) * scale).round() as u32).max(1),
            ((f64::from(h) * scale).round() as u32).max(1),
        );
        if round == MAX_DOWNSCALES || nw.min(nh) < MIN_SIDE {
            return Err(ImageError::TargetUnreachable {
                target,
                smallest: low.bytes.len() as u64,
                width: w,
                height: h,
                quality: MIN_QUALITY,
            });
        }
        // Always resample from the original, not from the previous reduction.
        image = Cow::Owned(resize_exact(original, nw, nh));
        notes.push(format!(
            "Even at quality {MIN_QUALITY} the {w} × {h} picture was {}, over {}: scaled it \
             down to {nw} × {nh}.",
            format_bytes(low.bytes.len() as u64),
            format_bytes(target)
        ));
        round += 1;
    }
}
