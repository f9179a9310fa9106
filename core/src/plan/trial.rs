//! Per-clip planning from trial encodes: before the full encode, a few short stretches of
//! the clip are encoded at a few candidate shapes (picture size × frame rate) at the
//! planned bitrate, each is scored as a viewer sees it (SSIM at the source's size, see
//! [`crate::quality`]), and the shape that looks best is encoded. The bits-per-pixel
//! ladder only guesses how hard the content is; the trial sees it.
//!
//! The worker does the encoding and the scoring; the choices (which shapes, which
//! stretches, how much the trial may cost, which shape wins) are made here.

use super::{ladder, Outlook, Plan, Quality, TargetRequest, DEFAULT_FPS};
use crate::probe::{Probe, VideoInfo};

/// Length of one trial stretch in seconds: long enough for the encoder's rate control to
/// settle past the first keyframe, short enough to try several shapes.
pub const SAMPLE_S: f64 = 1.0;
/// Frames scored per stretch (spread over it; the first keyframe is not among them).
pub const FRAMES_PER_SAMPLE: usize = 3;
/// The trial may cost at most this share of the job's predicted encode time.
const MAX_TRIAL_SHARE: f64 = 0.15;
/// Source pixels per second the browser path decodes, scales and encodes in a job on this
/// kind of machine (2 cores), which predicts the job's time: Big Buck Bunny 64 s at 720p to
/// 540p ran at 125 fps (115 Mpx/s) and at 1080p to 720p at 60 fps (124 Mpx/s) with one
/// other session building. (It was 60 Mpx/s, measured on a saturated machine: the trial
/// then ran on a 64 s 1080p clip, cost 5.9–12.2 s against a 27 s encode, and chose the
/// ladder's shape anyway.)
const PIXEL_RATE: f64 = 120.0e6;
/// Source pixels per second of a trial sample: encoded at its candidate's size (no
/// scaling in the encoder), decoded back and scored. The same two-shapes-by-two-stretches
/// trial of 1080p 25 fps took 5.9 s and 12.2 s (per sample, 37–76 Mpx/s past the fixed cost).
const SAMPLE_PIXEL_RATE: f64 = 60.0e6;
/// The fixed cost of one trial sample, in seconds: setting up its conversion, decoder and
/// encoder, and decoding it back. Six samples and three source stretches of 1 s at 10 fps
/// (768×576) took 4.1 s with other work running.
const SAMPLE_OVERHEAD_S: f64 = 0.5;
/// Shapes × stretches tried, best first: the first whose cost fits is run.
const LAYOUTS: [(usize, usize); 4] = [(3, 3), (3, 2), (2, 3), (2, 2)];
/// A shape must beat the ladder's by this much SSIM to replace it: differences below
/// are noise in a few seconds of samples.
const MARGIN: f64 = 0.002;
/// The comparison is made at the source's size, up to this many pixels (720p); above,
/// both pictures are compared at the same smaller size, which ranks shapes the same way
/// at a quarter of the cost for 1080p.
const MAX_COMPARE_PIXELS: f64 = 1280.0 * 720.0;

/// A stretch of the clip (seconds from the start of the part being converted).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start_s: f64,
    pub end_s: f64,
}

impl Window {
    /// The times, from the stretch's start, of the frames to score, spread over it and
    /// each half a frame (at the source's `fps`) past a frame's start: a time on a frame
    /// boundary could show one frame in the source and the next in the sample after
    /// rounding, and a neighbouring frame scores far lower than the same one.
    pub fn score_times(&self, fps: f64) -> Vec<f64> {
        let len = self.end_s - self.start_s;
        let frame = 1.0 / fps.clamp(1.0, 1000.0);
        (1..=FRAMES_PER_SAMPLE)
            .map(|k| {
                let t = len * k as f64 / (FRAMES_PER_SAMPLE as f64 + 1.0);
                ((t / frame).floor() + 0.5) * frame
            })
            .collect()
    }
}

/// One shape to try: output size as displayed and the frame rate (`None`: the source's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    pub width: u32,
    pub height: u32,
    pub fps: Option<f64>,
}

/// What to try, and the size both pictures are compared at.
#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    /// The ladder's own shape first.
    pub candidates: Vec<Candidate>,
    pub windows: Vec<Window>,
    pub compare_size: (u32, u32),
    /// The source's frame rate, which the score times are placed by.
    pub fps: f64,
    /// What the trial is expected to take, in seconds, against the job's encode.
    pub predicted_s: f64,
    pub job_predicted_s: f64,
}

/// One stretch encoded at one shape, scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SampleScore {
    /// Index into [`Trial::candidates`].
    pub candidate: usize,
    /// Mean SSIM of the scored frames, seen at the comparison size.
    pub ssim: f64,
}

/// The shape the trial chose, as a plan ready for the full encode.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub plan: Plan,
    /// The chosen shape's mean SSIM in the trial.
    pub ssim: f64,
    /// Whether the ladder's shape was replaced.
    pub changed: bool,
}

/// The source as the planner saw it: what the candidate shapes are cut from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrialSource {
    display: (u32, u32),
    /// The source's frame rate, limited by the user's cap.
    fps_ceiling: f64,
    src_fps: f64,
    max_height: Option<u32>,
}

impl TrialSource {
    /// `None` when there is no moving picture to try shapes on.
    pub fn new(probe: &Probe, req: &TargetRequest) -> Option<Self> {
        let v: &VideoInfo = probe
            .video
            .as_ref()
            .filter(|v| !v.is_still_image && v.width > 0 && v.height > 0)?;
        let src_fps = v
            .fps
            .filter(|f| (0.1..=1000.0).contains(f))
            .unwrap_or(DEFAULT_FPS);
        let fps_ceiling = req
            .fps_cap
            .filter(|c| c.is_finite() && *c >= 1.0)
            .map_or(src_fps, |c| c.min(src_fps));
        Some(TrialSource {
            display: v.display_size(),
            fps_ceiling,
            src_fps,
            max_height: req.max_height,
        })
    }
}

/// What to try for `plan`, or `None` when a trial is not worth it: no video, a clip too
/// short to spare the samples, or nothing but the ladder's shape to try. With `any_cost`
/// (a test hook), the smallest trial runs however short the clip.
pub fn trial_for(plan: &Plan, src: &TrialSource, any_cost: bool) -> Option<Trial> {
    let candidates = candidates(plan, src);
    if candidates.len() < 2 {
        return None;
    }
    // As many shapes and stretches as the cost allows, spread over the clip.
    let pixels = src.display.0 as f64 * src.display.1 as f64;
    let job_s = plan.duration_s * src.src_fps * pixels / PIXEL_RATE;
    let sample_s = SAMPLE_OVERHEAD_S + SAMPLE_S * src.src_fps * pixels / SAMPLE_PIXEL_RATE;
    let cost = |(shapes, stretches): (usize, usize)| {
        // Each stretch of the source is decoded once more for the scores.
        (shapes as f64 + 0.5) * stretches as f64 * sample_s
    };
    let (shapes, per_shape) = LAYOUTS
        .into_iter()
        .filter(|(shapes, _)| *shapes <= candidates.len())
        .find(|layout| cost(*layout) <= MAX_TRIAL_SHARE * job_s || (any_cost && layout.1 == 2))?;
    let candidates = candidates[..shapes].to_vec();
    let windows = (0..per_shape)
        .map(|k| {
            let centre = plan.duration_s * (2 * k + 1) as f64 / (2 * per_shape) as f64;
            let start = (centre - SAMPLE_S / 2.0).max(0.0);
            Window {
                start_s: start,
                end_s: (start + SAMPLE_S).min(plan.duration_s),
            }
        })
        .collect();
    Some(Trial {
        candidates,
        windows,
        compare_size: compare_size(src.display),
        fps: src.src_fps,
        predicted_s: cost((shapes, per_shape)),
        job_predicted_s: job_s,
    })
}

/// The ladder's shape, then one rung larger (the ladder guesses content is harder than it
/// is more often than not), then the source's frame rate if the ladder cut it, else one
/// rung smaller.
fn candidates(plan: &Plan, src: &TrialSource) -> Vec<Candidate> {
    let Some(v) = plan.video.as_ref() else {
        return Vec::new();
    };
    let planned = Candidate {
        width: v.width,
        height: v.height,
        fps: v.fps,
    };
    let rungs = ladder::rungs(src.display, src.max_height);
    let short = v.width.min(v.height);
    let at = rungs
        .iter()
        .position(|r| *r <= short)
        .unwrap_or(rungs.len());
    let shape_at = |rung: u32, fps: Option<f64>| {
        let (width, height) = ladder::dims_for_rung(src.display, rung);
        Candidate { width, height, fps }
    };
    let mut out = vec![planned];
    if at > 0 {
        out.push(shape_at(rungs[at - 1], v.fps));
    }
    let kept = ladder::working_fps(src.fps_ceiling);
    let kept = (kept < src.src_fps - 0.01).then_some(kept);
    if v.fps
        .is_some_and(|f| f < kept.unwrap_or(src.src_fps) - 0.01)
    {
        out.push(Candidate {
            fps: kept,
            ..planned
        });
    } else if let Some(smaller) = rungs.get(at + 1) {
        out.push(shape_at(*smaller, v.fps));
    }
    out.dedup_by(|a, b| a == b);
    out
}

/// The source's display size, or the same shape at [`MAX_COMPARE_PIXELS`], both even.
fn compare_size((w, h): (u32, u32)) -> (u32, u32) {
    let pixels = w as f64 * h as f64;
    let k = if pixels > MAX_COMPARE_PIXELS {
        (MAX_COMPARE_PIXELS / pixels).sqrt()
    } else {
        1.0
    };
    let even = |v: f64| ((v / 2.0).floor() as u32 * 2).max(8);
    (even(w as f64 * k), even(h as f64 * k))
}

/// Picks the shape with the best mean SSIM over the stretches; the ladder's keeps its
/// place unless another beats it by [`MARGIN`]. `None` when no shape has a score.
pub fn verdict(
    plan: &Plan,
    src: &TrialSource,
    trial: &Trial,
    scores: &[SampleScore],
) -> Option<Verdict> {
    let mean = |i: usize| {
        let s: Vec<f64> = scores
            .iter()
            .filter(|s| s.candidate == i && s.ssim.is_finite())
            .map(|s| s.ssim)
            .collect();
        (s.len() == trial.windows.len() && !s.is_empty())
            .then(|| s.iter().sum::<f64>() / s.len() as f64)
    };
    let ladder_score = mean(0);
    let (best, best_score) = (0..trial.candidates.len())
        .filter_map(|i| mean(i).map(|m| (i, m)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let (chosen, score) = match ladder_score {
        Some(l) if best_score < l + MARGIN => (0, l),
        _ => (best, best_score),
    };
    let c = trial.candidates[chosen];
    let mut plan = plan.clone();
    let video = plan.video.as_mut()?;
    video.width = c.width;
    video.height = c.height;
    video.fps = c.fps;
    video.scaled = (c.width, c.height) != src.display;
    let fps = c.fps.unwrap_or(src.src_fps);
    let rejected: Vec<String> = (0..trial.candidates.len())
        .filter(|i| *i != chosen)
        .filter_map(|i| mean(i).map(|m| format!("{} {m:.3}", describe(&trial.candidates[i], src))))
        .collect();
    plan.notes.push(format!(
        "Trial encodes of {} short stretches chose {} (SSIM {score:.3}, as a viewer sees it) over {}",
        trial.windows.len(),
        describe(&c, src),
        rejected.join(", ")
    ));
    plan.outlook = Some(Outlook {
        width: c.width,
        height: c.height,
        fps,
        quality: Quality::from_ssim(score),
    });
    Some(Verdict {
        plan,
        ssim: score,
        changed: chosen != 0,
    })
}

/// "854×480 at 30 fps".
fn describe(c: &Candidate, src: &TrialSource) -> String {
    format!(
        "{}×{} at {} fps",
        c.width,
        c.height,
        super::format_fps(c.fps.unwrap_or(src.src_fps))
    )
}
