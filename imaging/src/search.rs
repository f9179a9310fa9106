//! The search for the best encode under a byte budget, as a state machine with no encoder in
//! it: the caller asks [`SizeSearch::next_probe`] what to try, encodes it however it encodes (the
//! pure-Rust encoders natively, the browser's or a wasm codec in the worker, asynchronously),
//! and reports the size with [`SizeSearch::record`]. So one search serves every encoder, and
//! it is tested here with a fake one.
//!
//! First on quality (bisection: size grows with quality), at full size. When even the lowest
//! quality is too big, on size: the picture is scaled down at [`SCALED_QUALITY`], guided by
//! "bytes grow with the area", until a try fits and uses at least [`FILL`] of the budget.

/// The lowest quality tried at full size: below it JPEG and WebP turn to blocks.
pub const MIN_QUALITY: u8 = 10;
/// The quality used when the picture must be scaled down to fit: a smaller picture at a sane
/// quality looks better than a full-size smear.
pub const SCALED_QUALITY: u8 = 50;
/// A scaled-down try that fits and uses at least this share of the budget ends the search.
pub const FILL: f64 = 0.9;
/// How many scaled-down tries at most.
const MAX_SCALE_TRIES: u32 = 10;

/// One encode to try: a quality (1..=100) and a scale of the prepared picture (0 < s ≤ 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Probe {
    pub quality: u8,
    pub scale: f64,
}

/// How the search ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// The best try that fits.
    Fits(Probe, u64),
    /// Nothing fits, down to the smallest scale allowed; the smallest size reached.
    Unreachable(Probe, u64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// Trying the top quality at full size.
    Top,
    /// Trying the lowest quality at full size.
    Bottom,
    /// Bisecting: `lo` fits, `hi` does not.
    Quality {
        lo: u8,
        hi: u8,
    },
    /// Scaling down at `quality`: `fit` is the largest scale known to fit, `over` the
    /// smallest known not to; `tries` counts the scaled tries.
    Scale {
        quality: u8,
        fit: Option<f64>,
        over: f64,
        tries: u32,
    },
    Done,
}

/// The search's state; see the module docs.
#[derive(Clone, Debug)]
pub struct SizeSearch {
    target: u64,
    top: u8,
    min_scale: f64,
    phase: Phase,
    /// The last probe handed out and not yet recorded.
    pending: Option<Probe>,
    /// The last try recorded, which the area model starts from.
    last: Option<(Probe, u64)>,
    best: Option<(Probe, u64)>,
    smallest: Option<(Probe, u64)>,
}

impl SizeSearch {
    /// A search for the best encode of at most `target` bytes, at quality up to `top`, and
    /// scaled no smaller than `min_scale` (so the picture keeps a minimum size).
    pub fn new(target: u64, top: u8, min_scale: f64) -> Self {
        Self {
            target,
            top: top.clamp(MIN_QUALITY, 100),
            min_scale: min_scale.clamp(f64::MIN_POSITIVE, 1.0),
            phase: Phase::Top,
            pending: None,
            last: None,
            best: None,
            smallest: None,
        }
    }

    /// What to encode next, or `None` when the search is over (see [`Self::outcome`]).
    pub fn next_probe(&mut self) -> Option<Probe> {
        let probe = match self.phase {
            Phase::Top => full(self.top),
            Phase::Bottom => full(MIN_QUALITY),
            Phase::Quality { lo, hi } => full(lo + (hi - lo) / 2),
            Phase::Scale {
                quality, fit, over, ..
            } => Probe {
                quality,
                scale: self.next_scale(fit, over),
            },
            Phase::Done => return None,
        };
        self.pending = Some(probe);
        Some(probe)
    }

    /// Records the size of the probe [`Self::next_probe`] gave. Returns true when this try is the
    /// best so far: the caller keeps its bytes (and may drop the previous best's).
    pub fn record(&mut self, size: u64) -> bool {
        let Some(probe) = self.pending.take() else {
            return false;
        };
        let fits = size <= self.target;
        if self.smallest.is_none_or(|(_, s)| size < s) {
            self.smallest = Some((probe, size));
        }
        self.last = Some((probe, size));
        // The biggest file that fits is the best: it uses most of the budget.
        let better = fits && self.best.is_none_or(|(_, s)| size > s);
        if better {
            self.best = Some((probe, size));
        }
        self.phase = match self.phase {
            Phase::Top if fits => Phase::Done,
            Phase::Top => Phase::Bottom,
            Phase::Bottom if fits => self.bisect(MIN_QUALITY, self.top),
            Phase::Bottom => Phase::Scale {
                quality: SCALED_QUALITY.min(self.top),
                fit: None,
                over: 1.0,
                tries: 0,
            },
            Phase::Quality { lo, hi } => {
                let mid = probe.quality;
                let (lo, hi) = if fits { (mid, hi) } else { (lo, mid) };
                match self.bisect(lo, hi) {
                    // Quality alone leaves the budget under-used (a step between two
                    // qualities can be a third of the file: MozJPEG stops subsampling the
                    // colour at 80): try the quality just over, slightly scaled down.
                    Phase::Done if !self.full_enough() => Phase::Scale {
                        quality: hi,
                        fit: None,
                        over: 1.0,
                        tries: 0,
                    },
                    next => next,
                }
            }
            Phase::Scale {
                quality,
                fit,
                over,
                tries,
            } => {
                let s = probe.scale;
                let (fit, over) = if fits { (Some(s), over) } else { (fit, s) };
                let full_enough = fits && size as f64 >= FILL * self.target as f64;
                let floor_over = !fits && s <= self.min_scale;
                let narrow = fit.is_some_and(|f| over - f < 0.002);
                if full_enough || floor_over || narrow || tries + 1 >= MAX_SCALE_TRIES {
                    Phase::Done
                } else {
                    Phase::Scale {
                        quality,
                        fit,
                        over,
                        tries: tries + 1,
                    }
                }
            }
            Phase::Done => Phase::Done,
        };
        better
    }

    /// The result once [`Self::next_probe`] returned `None`.
    pub fn outcome(&self) -> Outcome {
        match (self.best, self.smallest) {
            (Some((p, s)), _) => Outcome::Fits(p, s),
            (None, Some((p, s))) => Outcome::Unreachable(p, s),
            (None, None) => Outcome::Unreachable(full(self.top), u64::MAX),
        }
    }

    /// Whether the best fit so far uses at least [`FILL`] of the budget.
    fn full_enough(&self) -> bool {
        self.best
            .is_some_and(|(_, s)| s as f64 >= FILL * self.target as f64)
    }

    fn bisect(&self, lo: u8, hi: u8) -> Phase {
        if hi - lo > 1 {
            Phase::Quality { lo, hi }
        } else {
            Phase::Done
        }
    }

    /// The next scale: what the area model predicts from the last size (bytes ∝ scale²,
    /// aiming at 95 % of the budget), kept strictly inside the bracket, else its middle.
    fn next_scale(&self, fit: Option<f64>, over: f64) -> f64 {
        let lower = fit.unwrap_or(self.min_scale);
        let (last_scale, last_size) = self
            .last
            .map_or((1.0, self.target * 2), |(p, s)| (p.scale, s));
        let predicted = last_scale * (0.95 * self.target as f64 / last_size.max(1) as f64).sqrt();
        let s = if fit.is_none() && predicted <= lower {
            lower
        } else if predicted > lower && predicted < over {
            predicted
        } else {
            (lower + over) / 2.0
        };
        s.clamp(self.min_scale, 1.0)
    }
}

fn full(quality: u8) -> Probe {
    Probe {
        quality,
        scale: 1.0,
    }
}

#[cfg(test)]
mod tests;
