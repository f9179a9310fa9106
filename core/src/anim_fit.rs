//! Fitting an animated GIF or animated WebP under a size target.
//!
//! An animation's size is about `frames × pixels × bytes per pixel`, where the bytes per
//! pixel depend on the content (unknown until encoded) and on the quality level (GIF: the
//! palette's colours; WebP: libwebp's quality). The plan walks a ladder of (frame rate,
//! quality) tiers from the best down and, for each, solves the width that spends the
//! budget; the first tier whose width is still comfortable wins. Each encode measures the
//! content's real bytes per pixel and the next plan uses it ([`AnimFit::after`]), until an
//! output fits and uses at least [`MIN_FILL`] of the target.

use serde::{Deserialize, Serialize};

use crate::human::format_bytes;
use crate::plan::PlanError;

/// An output is redone when it uses less than this share of the target (and a larger
/// shape is possible).
pub const MIN_FILL: f64 = 0.85;
/// The share of the target a plan aims at.
const AIM: f64 = 0.93;
/// Narrowest picture offered: below this an animation is a thumbnail.
const MIN_WIDTH: u32 = 96;
/// A tier is used while its width is at least this (or the source is narrower).
const COMFORTABLE_WIDTH: u32 = 320;

/// Which animation format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnimKind {
    /// Animated GIF (palette per clip).
    Gif,
    /// Animated WebP (`libwebp_anim`, lossy).
    WebP,
}

impl AnimKind {
    /// The kind of a registry output format.
    pub fn for_format(id: &str) -> Option<AnimKind> {
        match id {
            "gif-video" => Some(AnimKind::Gif),
            "webp-video" => Some(AnimKind::WebP),
            _ => None,
        }
    }

    /// (frame rate, quality level) from the best down. GIF's level is the palette size,
    /// WebP's libwebp's quality.
    fn tiers(self) -> &'static [(u32, u32)] {
        match self {
            AnimKind::Gif => &[(12, 256), (12, 128), (10, 128), (10, 64), (8, 64), (8, 32)],
            AnimKind::WebP => &[
                (15, 75),
                (15, 60),
                (12, 60),
                (12, 45),
                (10, 45),
                (10, 30),
                (8, 30),
                (8, 15),
            ],
        }
    }

    /// Widest output (the defaults of the plain conversions).
    fn max_width(self) -> u32 {
        match self {
            AnimKind::Gif => crate::convert::GIF_MAX_WIDTH,
            AnimKind::WebP => crate::convert::WEBP_ANIM_MAX_WIDTH,
        }
    }

    /// Bytes per pixel per frame at `level`, relative to the best tier. GIF: LZW codes of
    /// log2(colours) bits; WebP: measured on a 6 s test clip with ffmpeg 5.1 (quality 75
    /// → 45 → 15 gave about 1 : 0.62 : 0.38 of the size).
    fn level_factor(self, level: u32) -> f64 {
        match self {
            AnimKind::Gif => (level as f64).log2() / 8.0,
            AnimKind::WebP => 0.3 + 0.7 * (level as f64 / 75.0).powf(1.2),
        }
    }

    /// A first guess at bytes per pixel per frame at the best tier, before any encode.
    fn prior_bpp(self) -> f64 {
        match self {
            AnimKind::Gif => 0.25,
            AnimKind::WebP => 0.08,
        }
    }
}

/// The shape of an animated output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnimFit {
    /// GIF or WebP.
    pub kind: AnimKind,
    /// Frames per second.
    pub fps: u32,
    /// Output width in pixels (even); the height follows the aspect ratio.
    pub width: u32,
    /// Output height in pixels (even).
    pub height: u32,
    /// GIF: palette colours; WebP: quality 0–100.
    pub level: u32,
    /// Seconds of the clip (the trimmed part).
    pub duration_s: f64,
    /// The source's display size.
    pub source: (u32, u32),
    /// The content's bytes per pixel per frame at the best tier (measured once encoded).
    pub bpp: f64,
    /// The best tier at the widest size already fits: using less of the target is right.
    pub at_ceiling: bool,
    /// Predicted size in bytes.
    pub expected_bytes: u64,
}

impl AnimFit {
    /// Plans the first encode of a `source` (display size) clip of `duration_s` seconds.
    pub fn plan(
        kind: AnimKind,
        source: (u32, u32),
        duration_s: f64,
        target_bytes: u64,
    ) -> Result<AnimFit, PlanError> {
        if !(duration_s.is_finite() && duration_s > 0.0 && duration_s < 1.0e6) {
            return Err(PlanError::NoDuration);
        }
        if source.0 == 0 || source.1 == 0 {
            return Err(PlanError::NoStreams);
        }
        shape(kind, source, duration_s, target_bytes, kind.prior_bpp())
    }

    /// The next plan after this one came out at `actual` bytes, or `None` to keep it.
    pub fn after(&self, target_bytes: u64, actual: u64) -> Result<Option<AnimFit>, PlanError> {
        let fits = actual <= target_bytes;
        if fits && (self.at_ceiling || actual as f64 >= MIN_FILL * target_bytes as f64) {
            return Ok(None);
        }
        let bpp = self.bpp * actual as f64 / self.expected_bytes.max(1) as f64;
        let next = shape(self.kind, self.source, self.duration_s, target_bytes, bpp)?;
        let same = (next.fps, next.width, next.level) == (self.fps, self.width, self.level);
        if same && fits {
            return Ok(None);
        }
        Ok(Some(next))
    }

    /// Words for the job's details: the shape chosen.
    pub fn note(&self, target_bytes: u64) -> String {
        let level = match self.kind {
            AnimKind::Gif => format!("{} colours", self.level),
            AnimKind::WebP => format!("quality {}", self.level),
        };
        let name = match self.kind {
            AnimKind::Gif => "GIF",
            AnimKind::WebP => "WebP",
        };
        format!(
            "Animated {name} at {} fps, {}×{} px, {level} (planned {} of the {} target).",
            self.fps,
            self.width,
            self.height,
            format_bytes(self.expected_bytes),
            format_bytes(target_bytes)
        )
    }
}

/// Predicted size of a shape.
fn predict(kind: AnimKind, fps: u32, (w, h): (u32, u32), level: u32, dur: f64, bpp: f64) -> f64 {
    let frames = (fps as f64 * dur).ceil().max(1.0);
    // A few hundred bytes of header (and GIF's global palette) beside the frames.
    800.0 + frames * w as f64 * h as f64 * bpp * kind.level_factor(level)
}

/// Even height for `width` keeping the source's aspect ratio.
fn height_for(width: u32, (sw, sh): (u32, u32)) -> u32 {
    let h = (width as f64 * sh as f64 / sw as f64).round() as u32;
    (h.max(2) / 2) * 2
}

fn shape(
    kind: AnimKind,
    source: (u32, u32),
    dur: f64,
    target: u64,
    bpp: f64,
) -> Result<AnimFit, PlanError> {
    let widest = (source.0.min(kind.max_width()) / 2 * 2).max(2);
    let budget = target as f64 * AIM;
    let tiers = kind.tiers();
    let mut chosen = None;
    for (i, &(fps, level)) in tiers.iter().enumerate() {
        // Size grows with width squared (the height follows): solve for the budget.
        let full = predict(
            kind,
            fps,
            (widest, height_for(widest, source)),
            level,
            dur,
            bpp,
        );
        let scale = ((budget - 800.0).max(0.0) / (full - 800.0)).sqrt();
        let width = ((widest as f64 * scale.min(1.0)) as u32 / 2 * 2).min(widest);
        let last = i + 1 == tiers.len();
        let comfortable = width >= COMFORTABLE_WIDTH.min(widest);
        if comfortable || (last && width >= MIN_WIDTH.min(widest)) {
            chosen = Some((fps, level, width, i == 0 && scale >= 1.0));
            break;
        }
    }
    let Some((fps, level, width, at_ceiling)) = chosen else {
        let &(fps, level) = tiers.last().expect("tiers");
        let w = MIN_WIDTH.min(widest);
        let smallest = predict(kind, fps, (w, height_for(w, source)), level, dur, bpp) / AIM;
        return Err(PlanError::TargetTooSmall {
            smallest_bytes: (smallest.ceil() as u64).div_ceil(1000).saturating_add(1) * 1000,
        });
    };
    let height = height_for(width, source);
    let expected = predict(kind, fps, (width, height), level, dur, bpp).ceil() as u64;
    Ok(AnimFit {
        kind,
        fps,
        width,
        height,
        level,
        duration_s: dur,
        source,
        bpp,
        at_ceiling,
        expected_bytes: expected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_six_second_clip_plans_within_the_target_at_both_sizes() {
        for kind in [AnimKind::Gif, AnimKind::WebP] {
            for target in [512_000, 256_000] {
                let fit = AnimFit::plan(kind, (1280, 720), 6.0, target).unwrap();
                assert!(fit.expected_bytes <= target, "{fit:?}");
                assert!(fit.width % 2 == 0 && fit.height % 2 == 0 && fit.width <= 640);
                assert!(fit.note(target).contains(" fps, "));
            }
        }
    }

    #[test]
    fn a_measured_overshoot_shrinks_the_next_shape_and_a_short_fall_grows_it() {
        let fit = AnimFit::plan(AnimKind::Gif, (1280, 720), 6.0, 512_000).unwrap();
        let smaller = fit.after(512_000, 900_000).unwrap().unwrap();
        assert!(smaller.expected_bytes <= 512_000);
        assert!(smaller.width * smaller.fps * smaller.level < fit.width * fit.fps * fit.level);
        let larger = fit.after(512_000, 200_000).unwrap().unwrap();
        assert!(larger.width * larger.fps * larger.level > fit.width * fit.fps * fit.level);
        assert_eq!(fit.after(512_000, 470_000).unwrap(), None);
    }

    #[test]
    fn a_target_no_shape_reaches_is_refused_naming_one_that_works() {
        let Err(PlanError::TargetTooSmall { smallest_bytes }) =
            AnimFit::plan(AnimKind::Gif, (1920, 1080), 60.0, 20_000)
        else {
            panic!("60 s in 20 KB");
        };
        assert!(AnimFit::plan(AnimKind::Gif, (1920, 1080), 60.0, smallest_bytes).is_ok());
    }
}
