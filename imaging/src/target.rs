//! Fitting a lossy output under a byte budget: [`crate::search::SizeSearch`] decides what to
//! try; a [`Fitter`] turns each try into the picture to encode and keeps the best result, so
//! the native driver ([`crate::convert_observed`]) and the worker's asynchronous one are the
//! same five-line loop around different encoders.

use std::borrow::Cow;

use image::DynamicImage;
use tamp_core::human::format_bytes;

use crate::encode::Encoded;
use crate::error::ImageError;
use crate::search::{Outcome, Probe, SizeSearch, MIN_QUALITY};
use crate::{resize_exact, Step};

/// Never shrink below this many pixels on the shorter side.
const MIN_SIDE: u32 = 16;

/// The encode that goes out, the quality it was made at and the picture's size.
pub struct Fitted {
    pub encoded: Encoded,
    pub quality: u8,
    pub width: u32,
    pub height: u32,
    pub notes: Vec<String>,
}

impl Fitted {
    /// One encode of the whole `width × height` picture, no search.
    pub fn whole(encoded: Encoded, (width, height): (u32, u32), quality: u8) -> Self {
        Self {
            encoded,
            quality,
            width,
            height,
            notes: Vec::new(),
        }
    }
}

/// Drives a size search over one prepared picture; see the module docs.
pub struct Fitter {
    /// The full-size picture's size.
    width: u32,
    height: u32,
    target: u64,
    search: SizeSearch,
    attempt: u32,
    /// The probe being encoded and its picture's size.
    current: Option<(Probe, u32, u32)>,
    best: Option<(Encoded, Probe, u32, u32)>,
    /// The full-size lowest-quality size, for the note when the picture was scaled.
    lowest: Option<u64>,
}

impl Fitter {
    /// A search for the best encode of a `width × height` picture in at most `target` bytes,
    /// at quality up to `quality`: the target is a cap, so a picture that fits at the quality
    /// setting is written at it (the default 10 MB target must not raise every photo to 95).
    pub fn new((width, height): (u32, u32), quality: u8, target: u64) -> Self {
        let short = width.min(height).max(1);
        let min_scale = (f64::from(MIN_SIDE) / f64::from(short)).min(1.0);
        Self {
            width,
            height,
            target,
            search: SizeSearch::new(target, quality, min_scale),
            attempt: 0,
            current: None,
            best: None,
            lowest: None,
        }
    }

    /// The next try: its probe (the quality to encode at) and the size to encode the
    /// picture at ([`at_size`] resamples it).
    pub fn next(&mut self, observe: &mut dyn FnMut(Step)) -> Option<(Probe, u32, u32)> {
        let probe = self.search.next_probe()?;
        let (w, h) = scaled_size(self.width, self.height, probe.scale);
        self.attempt += 1;
        observe(Step::Encoding {
            attempt: self.attempt,
        });
        self.current = Some((probe, w, h));
        Some((probe, w, h))
    }

    /// Records the encode of the last try.
    pub fn record(&mut self, encoded: Encoded, observe: &mut dyn FnMut(Step)) {
        let Some((probe, w, h)) = self.current.take() else {
            return;
        };
        let size = encoded.bytes.len() as u64;
        observe(Step::Log(format!(
            "Attempt {}: quality {} at {w} × {h} → {}",
            self.attempt,
            probe.quality,
            format_bytes(size)
        )));
        if probe.scale == 1.0 && probe.quality == MIN_QUALITY {
            self.lowest = Some(size);
        }
        if self.search.record(size) {
            self.best = Some((encoded, probe, w, h));
        }
    }

    /// The best encode that fits, or why none does.
    pub fn finish(self) -> Result<Fitted, ImageError> {
        let (w, h) = (self.width, self.height);
        let target = self.target;
        match (self.search.outcome(), self.best) {
            (Outcome::Fits(..), Some((encoded, probe, bw, bh))) => {
                let lowest_fits = self.lowest.is_some_and(|l| l <= target);
                let note = if probe.scale < 1.0 && lowest_fits {
                    format!(
                        "No quality at {w} × {h} used 90 % of {}: wrote quality {} scaled to \
                         {bw} × {bh}, the biggest file that fits.",
                        format_bytes(target),
                        probe.quality
                    )
                } else if probe.scale < 1.0 {
                    format!(
                        "Even at quality {MIN_QUALITY} the {w} × {h} picture was {}, over {}: \
                         scaled it down to {bw} × {bh} at quality {}.",
                        format_bytes(self.lowest.unwrap_or(0)),
                        format_bytes(target),
                        probe.quality
                    )
                } else {
                    format!(
                        "Quality {} is the highest that fits under {}.",
                        probe.quality,
                        format_bytes(target)
                    )
                };
                Ok(Fitted {
                    encoded,
                    quality: probe.quality,
                    width: bw,
                    height: bh,
                    notes: vec![note],
                })
            }
            (Outcome::Unreachable(probe, smallest), _) | (Outcome::Fits(probe, smallest), None) => {
                let (width, height) = scaled_size(w, h, probe.scale);
                Err(ImageError::TargetUnreachable {
                    target,
                    smallest,
                    width,
                    height,
                    quality: probe.quality,
                })
            }
        }
    }
}

/// The picture at `w × h` (resampled from the original), or itself at its own size.
pub fn at_size(original: &DynamicImage, w: u32, h: u32) -> Cow<'_, DynamicImage> {
    if (w, h) == (original.width(), original.height()) {
        return Cow::Borrowed(original);
    }
    Cow::Owned(resize_exact(original, w, h))
}

fn scaled_size(w: u32, h: u32, scale: f64) -> (u32, u32) {
    if scale >= 1.0 {
        return (w, h);
    }
    let side = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    (side(w), side(h))
}
