//! The size-fit loop's decisions, one for both engines (x264 on FFmpeg and the browser's
//! codecs): after every encode the output is measured, and the loop keeps it, or asks for
//! one more encode with a corrected bitrate, up or down. Encoders miss a requested bitrate
//! both ways: two-pass x264 lands within a few percent, while the browser's one-pass
//! encoder undershot a 1,706 kbit/s plan at 377 kbit/s on easy content and overshoots on
//! hard content; correcting only overshoot left 27–89 % of targets unused.
//!
//! Bounds: at most [`MAX_ATTEMPTS`] encodes per job; an output over the target is never
//! kept; the largest output within the target is kept when the attempts run out.

use super::{assemble, budget, replan_after_overshoot, Plan, PlanError};

/// Encodes per job at most: the first and two corrections. Each costs a full encode, so
/// a job that needs both corrections takes about three times as long as one that fits.
pub const MAX_ATTEMPTS: u32 = 3;
/// An output at or above this share of the target uses the budget and is kept.
pub const USE_AT_LEAST: f64 = 0.93;
/// Where a correction aims, as a share of the target: inside [`USE_AT_LEAST`]–1 with room
/// for the encoder's miss on the way.
const AIM: f64 = 0.965;
/// A raise may multiply the video bitrate by at most this in one step.
const MAX_RAISE: f64 = 4.0;
/// An encoder whose output grew by less than this share of the bitrate's growth has
/// reached the quality it stops at (its quantizer floor): more bits would be wasted time.
const SATURATED: f64 = 0.3;
/// Bitrates closer than this (as a ratio) are the same for the encoder.
const SAME_RATE: f64 = 1.02;

/// One measured encode.
#[derive(Clone, Debug, PartialEq)]
struct Attempt {
    plan: Plan,
    size: u64,
}

/// What to do after an encode.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    /// Keep the output of attempt `attempt` (from 1), which is within the target. `note`
    /// says why it uses less than [`USE_AT_LEAST`] of the target, when it does.
    Keep { attempt: u32, note: Option<String> },
    /// Encode `plan` next; `note` says why, for the job's details.
    Retry { plan: Box<Plan>, note: String },
    /// No output within the target, and none can be made.
    Fail(FitError),
}

/// Why the loop gave up without an output within the target.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FitError {
    /// A correction found the target unreachable.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// Every attempt came out over the target.
    #[error("The encoder could not bring this file under the target size. Try a larger target.")]
    AttemptsRanOut,
}

/// The loop's memory: the target and every attempt so far.
#[derive(Clone, Debug)]
pub struct SizeFit {
    target_bytes: u64,
    /// What the outputs aim under: the target, or the input's size when that is smaller
    /// (see [`Plan::size_cap`]); set by the first plan judged.
    goal_bytes: u64,
    attempts: Vec<Attempt>,
}

impl SizeFit {
    /// A loop for outputs of at most `target_bytes`.
    pub fn new(target_bytes: u64) -> Self {
        SizeFit {
            target_bytes,
            goal_bytes: target_bytes,
            attempts: Vec::new(),
        }
    }

    /// Records that `plan` came out at `size` bytes and says what to do next.
    pub fn judge(&mut self, plan: &Plan, size: u64) -> Next {
        if self.attempts.is_empty() {
            self.goal_bytes = plan
                .size_cap
                .map_or(self.target_bytes, |c| c.min(self.target_bytes));
        }
        self.attempts.push(Attempt {
            plan: plan.clone(),
            size,
        });
        let goal = self.goal_bytes;
        let n = self.attempts.len() as u32;
        if size <= goal && size as f64 >= USE_AT_LEAST * goal as f64 {
            return Next::Keep {
                attempt: n,
                note: None,
            };
        }
        let best = self.best_within(goal);
        if n >= MAX_ATTEMPTS {
            return match best.or_else(|| self.best_within(self.target_bytes)) {
                Some(i) => self.keep(i, "the attempts ran out"),
                None => Next::Fail(FitError::AttemptsRanOut),
            };
        }
        if size > goal {
            return self.after_overshoot(plan, size, best);
        }
        self.after_undershoot(plan, size, best)
    }

    /// The attempt (index) with the largest output within `limit`.
    fn best_within(&self, limit: u64) -> Option<usize> {
        self.attempts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.size <= limit)
            .max_by_key(|(_, a)| a.size)
            .map(|(i, _)| i)
    }

    fn keep(&self, index: usize, why: &str) -> Next {
        let a = &self.attempts[index];
        let share = a.size as f64 / self.target_bytes.max(1) as f64;
        let note = (share < USE_AT_LEAST).then(|| {
            format!(
                "The result uses {:.0} % of the target: {why}.",
                (share * 100.0).floor()
            )
        });
        Next::Keep {
            attempt: index as u32 + 1,
            note,
        }
    }

    fn after_overshoot(&self, plan: &Plan, size: u64, best: Option<usize>) -> Next {
        let over = (size as f64 / self.goal_bytes.max(1) as f64 - 1.0) * 100.0;
        if let Some(lo) = best {
            // Between a fitting attempt and this one: aim between their bitrates.
            return match self.between(&self.attempts[lo], plan, size) {
                Some(plan) => Next::Retry {
                    plan: Box::new(plan),
                    note: format!(
                        "Attempt {} came out {over:.0} % over the target; re-encoding between the two rates.",
                        self.attempts.len()
                    ),
                },
                None => self.keep(lo, "a rate between the last two attempts would change nothing"),
            };
        }
        match replan_after_overshoot(plan, self.goal_bytes, size) {
            Ok(plan) => Next::Retry {
                plan: Box::new(plan),
                note: format!(
                    "Attempt {} came out at {size} bytes, {over:.0} % over the {} byte {}; re-encoding at a lower bitrate.",
                    self.attempts.len(),
                    self.goal_bytes,
                    if self.goal_bytes < self.target_bytes { "input size" } else { "target" }
                ),
            },
            // The input's size is out of reach, but the target is not: keep the best.
            Err(e) => match self.best_within(self.target_bytes) {
                Some(i) => self.keep(i, "a smaller output was out of reach"),
                None => Next::Fail(e.into()),
            },
        }
    }

    fn after_undershoot(&self, plan: &Plan, size: u64, best: Option<usize>) -> Next {
        let index = best.unwrap_or(self.attempts.len() - 1);
        let Some(video) = &plan.video else {
            return self.keep(index, "the sound is already at its planned rate");
        };
        let bps = video.bitrate_bps as f64;
        if video
            .ceiling_bps
            .is_some_and(|c| bps * SAME_RATE >= c as f64)
        {
            return self.keep(
                index,
                "the video already spends what the original does, and more bits would not make it better",
            );
        }
        if self.saturated(plan, size) {
            return self.keep(
                index,
                "the encoder reached its best quality for this clip, so more bits would be wasted",
            );
        }
        let over = self
            .attempts
            .iter()
            .filter(|a| a.size > self.goal_bytes && same_shape(&a.plan, plan))
            .min_by_key(|a| a.size);
        let next = match over {
            Some(hi) => self.between(
                &Attempt {
                    plan: plan.clone(),
                    size,
                },
                &hi.plan,
                hi.size,
            ),
            None => self.raised(plan, size),
        };
        match next {
            Some(next) => Next::Retry {
                note: format!(
                    "Attempt {} came out at {:.0} % of the target; re-encoding with video raised from {} to {} kbps to use the budget.",
                    self.attempts.len(),
                    size as f64 * 100.0 / self.goal_bytes.max(1) as f64,
                    video.bitrate_bps / 1000,
                    next.video.as_ref().map_or(0, |v| v.bitrate_bps / 1000)
                ),
                plan: Box::new(next),
            },
            None => self.keep(index, "a higher rate would change nothing"),
        }
    }

    /// Whether an earlier attempt at a lower rate (same shape) grew by far less than its
    /// bitrate did: the encoder stops at its best quality whatever it is allowed.
    fn saturated(&self, plan: &Plan, size: u64) -> bool {
        let Some(bps) = plan.video.as_ref().map(|v| v.bitrate_bps as f64) else {
            return false;
        };
        self.attempts.iter().any(|a| {
            let Some(prev) = a.plan.video.as_ref().map(|v| v.bitrate_bps as f64) else {
                return false;
            };
            let rate_growth = bps / prev - 1.0;
            let size_growth = size as f64 / a.size.max(1) as f64 - 1.0;
            same_shape(&a.plan, plan) && rate_growth > 0.1 && size_growth < SATURATED * rate_growth
        })
    }

    /// `plan` with its video raised so that the output lands at [`AIM`] of the target,
    /// as far as the ceiling and [`MAX_RAISE`] allow; `None` when that changes nothing.
    fn raised(&self, plan: &Plan, size: u64) -> Option<Plan> {
        let video = plan.video.as_ref()?;
        let fixed = fixed_bytes(plan) as f64;
        let goal = self.goal_bytes as f64 * AIM - fixed;
        let got = size as f64 - fixed;
        if got <= 0.0 || goal <= got {
            return None;
        }
        let old = video.bitrate_bps as f64;
        let mut bps = old * (goal / got).min(MAX_RAISE);
        if let Some(c) = video.ceiling_bps {
            bps = bps.min(c as f64);
        }
        let predicted = fixed + got * bps / old;
        (bps > old * SAME_RATE).then(|| with_video_bps(plan, bps, predicted))
    }

    /// A rate between a fitting attempt `lo` and an overshooting `(hi, hi_size)` of the
    /// same shape, by the straight line through both, for [`AIM`] of the target.
    fn between(&self, lo: &Attempt, hi: &Plan, hi_size: u64) -> Option<Plan> {
        let (lv, hv) = (lo.plan.video.as_ref()?, hi.video.as_ref()?);
        if !same_shape(&lo.plan, hi) {
            return None;
        }
        let (b_lo, b_hi) = (lv.bitrate_bps as f64, hv.bitrate_bps as f64);
        let (s_lo, s_hi) = (lo.size as f64, hi_size as f64);
        if b_hi <= b_lo * SAME_RATE || s_hi <= s_lo {
            return None;
        }
        let goal = self.goal_bytes as f64 * AIM;
        let bps = b_lo + (goal - s_lo) * (b_hi - b_lo) / (s_hi - s_lo);
        let bps = bps.clamp(b_lo, b_hi);
        let differs = bps > b_lo * SAME_RATE && bps * SAME_RATE < b_hi;
        let predicted = s_lo + (bps - b_lo) * (s_hi - s_lo) / (b_hi - b_lo);
        differs.then(|| with_video_bps(&lo.plan, bps, predicted))
    }
}

/// Bytes the encoder's video rate does not control: container and planned sound.
pub(super) fn fixed_bytes(plan: &Plan) -> u64 {
    let audio = plan.audio.as_ref().map_or(0, |a| {
        budget::audio_bytes(plan.container, a.bitrate_bps, plan.duration_s)
    });
    plan.overhead_bytes.saturating_add(audio)
}

fn same_shape(a: &Plan, b: &Plan) -> bool {
    match (&a.video, &b.video) {
        (Some(x), Some(y)) => (x.width, x.height, x.fps) == (y.width, y.height, y.fps),
        _ => false,
    }
}

/// `plan` at a new video bitrate (whole kbit/s, rounded down), expected at `predicted`.
fn with_video_bps(plan: &Plan, bps: f64, predicted: f64) -> Plan {
    let mut video = plan.video.clone();
    if let Some(v) = video.as_mut() {
        v.bitrate_bps = ((bps / 1000.0).floor() as u64).max(1).saturating_mul(1000);
    }
    let mut next = assemble(
        video,
        plan.audio.clone(),
        plan.duration_s,
        plan.container,
        plan.overhead_bytes,
        plan.notes.clone(),
    );
    next.expected_bytes = predicted.max(0.0) as u64;
    next.outlook = plan.outlook;
    next.size_cap = plan.size_cap;
    next
}
