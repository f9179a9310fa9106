//! Correcting a plan after the encoder overshot the target.

use super::{assemble, audio, budget, ladder, Outlook, Plan, PlanError, VideoPlan, DEFAULT_FPS};

/// Extra reduction on top of the measured overshoot: the second encode
/// overshoots in a similar way, so aim a little lower than proportional.
const EXTRA_MARGIN: f64 = 0.97;
/// A correction to at least this share of the bitrate keeps the picture's shape, even
/// below the ladder's minimum for it (a still clip planned at 0.004 bits per pixel was
/// shrunk to 240p by a 6 % correction).
const SMALL_CORRECTION: f64 = 0.75;

/// Returns a corrected plan after an encode of `plan` produced `actual_bytes`
/// instead of at most `target_bytes`.
///
/// The video bitrate is scaled by (target − overhead − audio) / (actual −
/// overhead − audio) and a further 3%, so only the part of the file the
/// encoder controls is corrected. If the new bitrate is below the minimum for
/// the current picture size, the picture is scaled down (lower rungs, then
/// 15 fps) rather than starved. Audio-only plans lower the audio bitrate the same way.
/// When `actual_bytes` is already within the target, the plan is returned unchanged.
pub fn replan_after_overshoot(
    plan: &Plan,
    target_bytes: u64,
    actual_bytes: u64,
) -> Result<Plan, PlanError> {
    if actual_bytes <= target_bytes {
        return Ok(plan.clone());
    }
    let duration = plan.duration_s;
    if !(duration.is_finite() && duration > 0.0) {
        return Err(PlanError::NoDuration);
    }
    let over_pct = ((actual_bytes as f64 / target_bytes.max(1) as f64 - 1.0) * 100.0)
        .round()
        .max(1.0);
    let audio_bytes = plan.audio.as_ref().map_or(0, |a| {
        budget::audio_bytes(plan.container, a.bitrate_bps, duration)
    });
    let fixed = plan.overhead_bytes.saturating_add(audio_bytes);
    // How much larger than planned everything came out; used to make the
    // "smallest reachable size" honest about this encoder's behaviour.
    let inflation = (actual_bytes as f64 / plan.expected_bytes.max(1) as f64).max(1.0);
    let mut notes = plan.notes.clone();

    let Some(video) = &plan.video else {
        return replan_audio_only(plan, target_bytes, actual_bytes, notes, over_pct);
    };
    let fps = video.fps.unwrap_or(DEFAULT_FPS);
    let floor_shape = ladder::floor_shape((video.width, video.height), None, fps);
    let too_small = || {
        let min_v = ladder::min_bps(floor_shape.width, floor_shape.height, floor_shape.fps);
        let min_a = plan.audio.as_ref().map_or(0.0, |_| {
            audio::MIN_AUDIO_BPS as f64 * budget::audio_slack(plan.container)
        });
        let raw = budget::target_for(plan.overhead_bytes, (min_v + min_a) * inflation, duration);
        PlanError::TargetTooSmall {
            smallest_bytes: raw.max(target_bytes.saturating_add(1)),
        }
    };
    if target_bytes <= fixed {
        return Err(too_small());
    }
    let ratio = (target_bytes - fixed) as f64 / (actual_bytes - fixed) as f64;
    let new_bps = video.bitrate_bps as f64 * ratio * EXTRA_MARGIN;

    // Keep the current shape if it still gets enough bits, else step down.
    let current_short = video.width.min(video.height);
    let mut candidates = vec![(current_short, fps)];
    candidates.extend(
        ladder::rungs((video.width, video.height), None)
            .into_iter()
            .skip(1)
            .map(|r| (r, fps)),
    );
    candidates.push((floor_shape.rung, floor_shape.fps));
    let (width, height, out_fps) = candidates
        .into_iter()
        .map(|(rung, f)| {
            let (w, h) = ladder::dims_for_rung((video.width, video.height), rung);
            (w, h, f)
        })
        .find(|(w, h, f)| {
            // The plan may sit below the usual minimum on purpose (easy content, or the
            // source's own low bitrate): a small correction keeps its shape.
            let keep_current = (*w, *h) == (video.width, video.height)
                && new_bps >= SMALL_CORRECTION * video.bitrate_bps as f64;
            keep_current || new_bps >= ladder::min_bps(*w, *h, *f)
        })
        .ok_or_else(too_small)?;

    let bitrate_bps = ((new_bps / 1000.0).floor() as u64).saturating_mul(1000);
    notes.push(format!(
        "Second attempt: the first result was {over_pct:.0}% over the target, so video was lowered from {} to {} kbps",
        video.bitrate_bps / 1000,
        bitrate_bps / 1000
    ));
    if (width, height) != (video.width, video.height) {
        notes.push(format!(
            "Scaled down further to {width}×{height} for the second attempt"
        ));
    }
    let fps_out = if out_fps < fps - 0.01 {
        Some(out_fps)
    } else {
        video.fps
    };
    let new_video = VideoPlan {
        bitrate_bps,
        width,
        height,
        fps: fps_out,
        scaled: video.scaled || (width, height) != (video.width, video.height),
        ceiling_bps: video.ceiling_bps,
        colour: video.colour.clone(),
    };
    let mut next = assemble(
        Some(new_video),
        plan.audio.clone(),
        duration,
        plan.container,
        plan.overhead_bytes,
        notes,
    );
    next.size_cap = plan.size_cap;
    next.outlook = plan.outlook.map(|o| Outlook {
        width,
        height,
        fps: fps_out.unwrap_or(o.fps),
        ..o
    });
    Ok(next)
}

fn replan_audio_only(
    plan: &Plan,
    target_bytes: u64,
    actual_bytes: u64,
    mut notes: Vec<String>,
    over_pct: f64,
) -> Result<Plan, PlanError> {
    let Some(a) = &plan.audio else {
        return Err(PlanError::NoStreams);
    };
    // Scale like video (continuous, as audio-only plans are), and always
    // lower by at least the extra margin.
    let fixed = plan.overhead_bytes;
    let ratio = target_bytes.saturating_sub(fixed) as f64
        / actual_bytes.saturating_sub(fixed).max(1) as f64;
    let wanted = a.bitrate_bps as f64 * ratio.min(1.0) * EXTRA_MARGIN;
    let next = ((wanted / 1000.0).floor() as u64).saturating_mul(1000);
    if next < audio::MIN_AUDIO_BPS {
        let inflation = (actual_bytes as f64 / plan.expected_bytes.max(1) as f64).max(1.0);
        let min_a = audio::MIN_AUDIO_BPS as f64 * budget::audio_slack(plan.container) * inflation;
        return Err(PlanError::TargetTooSmall {
            smallest_bytes: budget::target_for(fixed, min_a, plan.duration_s)
                .max(target_bytes.saturating_add(1)),
        });
    }
    notes.push(format!(
        "Second attempt: the first result was {over_pct:.0}% over the target, so audio was lowered from {} to {} kbps",
        a.bitrate_bps / 1000,
        next / 1000
    ));
    let mut audio_plan = a.clone();
    audio_plan.bitrate_bps = next;
    audio_plan.channels = audio_plan
        .channels
        .min(audio::out_channels(next, audio_plan.channels));
    Ok(assemble(
        None,
        Some(audio_plan),
        plan.duration_s,
        plan.container,
        plan.overhead_bytes,
        notes,
    ))
}
