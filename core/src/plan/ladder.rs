//! Resolution and frame-rate choice from the video bitrate available.
//!
//! Quality is judged by bits per pixel per frame (bpp). For H.264 at the
//! `veryfast` preset, ~0.07 bpp looks clean for typical footage and below
//! ~0.05 blocking becomes obvious; fewer pixels at a healthy bpp look better
//! than many pixels starved of bits.

/// Pick the largest rung at or above this bpp (for ordinary footage; easier content needs
/// less, see `source::complexity`). Measured here with native x264 two-pass veryfast,
/// SSIM of the output scaled back to the source's size (what a viewer sees):
/// bigbuckbunny 720p25 at 742 kbit/s: 720p (0.032 bpp) 0.9725, 540p 0.9706, 480p 0.9696;
/// at 330 kbit/s: 720p (0.014) 0.9373, 540p (0.025) 0.9439, 480p (0.032) 0.9450, 360p
/// 0.9404; testsrc2 720p30 at 667 kbit/s: 720p (0.024) 0.9728, 540p 0.9706, 360p 0.9645;
/// bikes 640×272 25 fps at 146 kbit/s: full size (0.034) 0.9613, 240p 0.9613, 180p
/// 0.9605, and 240p at 15 fps 0.9447. The best shape is the largest at about 0.03 bpp;
/// the old 0.07 shrank every one of them (and cut frame rates) for a worse picture.
pub(super) const LADDER_BPP: f64 = 0.03;
/// Below this even the smallest rung is not worth producing.
pub(super) const MIN_BPP: f64 = 0.03;
/// x264/libvpx cannot usefully go lower whatever the picture size.
pub(super) const MIN_VIDEO_BPS: f64 = 16_000.0;
/// Standard heights (short side), largest first; 240 is the floor.
const RUNGS: [u32; 8] = [2160, 1440, 1080, 720, 540, 480, 360, 240];
/// Frame rates to fall back to, in order: the most kept below 60 fps, the least kept for
/// a film-rate source, and the last resort.
const FPS_STEPS: [f64; 3] = [30.0, 24.0, 15.0];

/// Output picture shape chosen by the ladder.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Shape {
    pub width: u32,
    pub height: u32,
    /// Short side, i.e. the rung.
    pub rung: u32,
    /// Frame rate the output will have.
    pub fps: f64,
}

/// Largest even number ≤ `v`, at least 2.
fn even_floor(v: u32) -> u32 {
    (v & !1).max(2)
}

/// Nearest even number to `v`, at least 2.
fn even_round(v: f64) -> u32 {
    let half = (v / 2.0).round();
    if half.is_finite() && half >= 1.0 {
        (half.min(u32::MAX as f64 / 2.0) as u32) * 2
    } else {
        2
    }
}

/// Display dimensions scaled so the short side equals `rung` (aspect kept,
/// both even, never larger than the source).
pub(super) fn dims_for_rung(display: (u32, u32), rung: u32) -> (u32, u32) {
    let (w, h) = (display.0.max(1), display.1.max(1));
    let short = w.min(h);
    let rung = even_floor(rung.min(short));
    let long = even_round(w.max(h) as f64 * rung as f64 / short as f64).min(even_floor(w.max(h)));
    if w <= h {
        (rung, long)
    } else {
        (long, rung)
    }
}

/// Lowest bitrate worth producing at this shape.
pub(super) fn min_bps(width: u32, height: u32, fps: f64) -> f64 {
    (MIN_BPP * width as f64 * height as f64 * fps).max(MIN_VIDEO_BPS)
}

fn bpp(bps: f64, width: u32, height: u32, fps: f64) -> f64 {
    bps / (width as f64 * height as f64 * fps)
}

/// Candidate rungs for a source: the source's own (possibly capped) short
/// side, then the standard ones below it, down to 240 (or the source's own
/// size when smaller).
pub(super) fn rungs(display: (u32, u32), max_height: Option<u32>) -> Vec<u32> {
    let top = top_rung(display, max_height);
    let mut out = vec![top];
    out.extend(RUNGS.iter().copied().filter(|r| *r < top));
    out
}

/// The source's short side, limited by `max_height`, made even.
pub(super) fn top_rung(display: (u32, u32), max_height: Option<u32>) -> u32 {
    let short = display.0.min(display.1).max(2);
    even_floor(max_height.map_or(short, |m| m.min(short)))
}

fn shape(display: (u32, u32), rung: u32, fps: f64) -> Shape {
    let (width, height) = dims_for_rung(display, rung);
    Shape {
        width,
        height,
        rung,
        fps,
    }
}

/// The smallest shape the planner will ever produce for this source.
pub(super) fn floor_shape(display: (u32, u32), max_height: Option<u32>, fps_ceiling: f64) -> Shape {
    let rungs = rungs(display, max_height);
    let rung = rungs.last().copied().unwrap_or(2);
    shape(display, rung, fps_ceiling.min(FPS_STEPS[2]))
}

/// The frame rate kept when the source's is above 30 fps and the budget cannot keep it:
/// half of a 50 or 60 fps source (every other frame, no judder), else 30.
pub(super) fn working_fps(fps_ceiling: f64) -> f64 {
    if fps_ceiling <= FPS_STEPS[0] + 0.01 {
        fps_ceiling
    } else if fps_ceiling >= 47.0 && fps_ceiling / 2.0 <= FPS_STEPS[0] + 0.01 {
        fps_ceiling / 2.0
    } else {
        FPS_STEPS[0]
    }
}

/// Chooses resolution and frame rate for `video_bps`; `complexity` (0.35–1, see
/// `source::complexity`) scales the bits per pixel a picture needs to look clean.
///
/// 1. Above 30 fps, keep the frame rate only if the top rung stays clean.
/// 2. Otherwise keep the source's rate (at most 30, half of 50/60) and take the largest
///    rung that stays clean: smaller pictures come before fewer frames.
/// 3. Then 24 fps for a faster source, at any rung: never fewer for a source at 24 or
///    more, while any shape works there.
/// 4. Then the floor shape at `MIN_BPP`, at the kept rate, then 24; only as a last
///    resort 15 fps. `None` when even that does not fit.
pub(super) fn choose(
    display: (u32, u32),
    fps_ceiling: f64,
    max_height: Option<u32>,
    video_bps: f64,
    complexity: f64,
) -> Option<Shape> {
    let rungs = rungs(display, max_height);
    let top = top_rung(display, max_height);
    let need = LADDER_BPP * complexity.clamp(0.0, 1.0);
    let clean = |rung: u32, fps: f64| {
        let s = shape(display, rung, fps);
        (bpp(video_bps, s.width, s.height, fps) >= need).then_some(s)
    };
    if fps_ceiling > FPS_STEPS[0] + 0.01 {
        if let Some(s) = clean(top, fps_ceiling) {
            return Some(s);
        }
    }
    let kept = working_fps(fps_ceiling);
    let mut rates = vec![kept];
    if kept > FPS_STEPS[1] + 0.01 {
        rates.push(FPS_STEPS[1]);
    }
    for &fps in &rates {
        if let Some(s) = rungs.iter().find_map(|r| clean(*r, fps)) {
            return Some(s);
        }
    }
    let floor_rung = rungs.last().copied().unwrap_or(2);
    rates.push(kept.min(FPS_STEPS[2]));
    rates
        .into_iter()
        .map(|fps| shape(display, floor_rung, fps))
        .find(|s| video_bps >= min_bps(s.width, s.height, s.fps))
}
