//! The whole batch's progress and time left, from each job's progress weighted by the
//! work it is expected to take: a one-hour 4K video is most of a batch that also holds
//! ten photos, whatever the count says.

use crate::human::format_duration;
use crate::media::MediaKind;

/// Encoding speed assumed for weighting video, in pixels per second (x264 in wasm at about
/// 15 frames of 1080p a second).
const VIDEO_PIXELS_PER_S: f64 = 31e6;
/// Work assumed per input byte when a video has not been probed yet: phone video is about
/// 2 MB per second, which at the speed above takes about 2 s to encode.
const VIDEO_BYTES_PER_S: f64 = 1e6;
const AUDIO_BYTES_PER_S: f64 = 2e6;
const IMAGE_BYTES_PER_S: f64 = 1e6;
/// Frame rate assumed when the probe has none.
const ASSUMED_FPS: f64 = 30.0;

/// Where one job of the batch stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ItemState {
    /// Queued, not started.
    Waiting,
    /// Running, `fraction` (0..=1) done.
    Running { fraction: f64 },
    /// Finished with an output.
    Done,
    /// Failed or cancelled: no more work will be done on it.
    Stopped,
}

/// One job of the batch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BatchItem {
    pub state: ItemState,
    /// Expected work, from [`expected_work`].
    pub work: f64,
}

/// What one job is expected to cost, in rough seconds: duration × pixels × frame rate for a
/// probed video, its size for anything else (each kind at its own rate).
pub fn expected_work(
    kind: MediaKind,
    input_bytes: u64,
    duration_s: Option<f64>,
    pixels: Option<u64>,
    fps: Option<f64>,
) -> f64 {
    let bytes = input_bytes as f64;
    let work = match (kind, duration_s, pixels) {
        (MediaKind::Video, Some(d), Some(px)) if d.is_finite() && d > 0.0 && px > 0 => {
            let fps = fps
                .filter(|f| f.is_finite() && *f > 0.0)
                .unwrap_or(ASSUMED_FPS);
            d * px as f64 * fps / VIDEO_PIXELS_PER_S
        }
        (MediaKind::Video, ..) => bytes / VIDEO_BYTES_PER_S,
        (MediaKind::Audio, ..) => bytes / AUDIO_BYTES_PER_S,
        _ => bytes / IMAGE_BYTES_PER_S,
    };
    // Every job costs something: starting a worker alone takes a moment.
    work.max(0.5)
}

/// The batch in numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BatchSummary {
    /// Jobs in the batch.
    pub total: usize,
    /// Jobs that have ended (done, failed or cancelled).
    pub ended: usize,
    /// Of those, the ones that failed or were cancelled.
    pub stopped: usize,
    /// 0..=1 of the batch's expected work.
    pub fraction: f64,
    /// Seconds left: from the expected work until the batch has shown its pace, then more
    /// and more from the pace so far. `None` once every job has ended.
    pub eta_s: Option<f64>,
}

/// Sums up `items`, `elapsed_s` after the batch started. `None` for an empty batch.
pub fn summarize(items: &[BatchItem], elapsed_s: f64) -> Option<BatchSummary> {
    if items.is_empty() {
        return None;
    }
    let mut total_work = 0.0;
    let mut done_work = 0.0;
    let (mut ended, mut stopped) = (0, 0);
    for item in items {
        let work = if item.work.is_finite() && item.work > 0.0 {
            item.work
        } else {
            0.5
        };
        total_work += work;
        done_work += work
            * match item.state {
                ItemState::Waiting => 0.0,
                ItemState::Running { fraction } if fraction.is_finite() => fraction.clamp(0.0, 1.0),
                ItemState::Running { .. } => 0.0,
                ItemState::Done => 1.0,
                ItemState::Stopped => {
                    stopped += 1;
                    1.0
                }
            };
        if matches!(item.state, ItemState::Done | ItemState::Stopped) {
            ended += 1;
        }
    }
    let fraction = (done_work / total_work).clamp(0.0, 1.0);
    let all_ended = ended == items.len();
    let eta_s = (!all_ended).then(|| time_left(items, total_work - done_work, fraction, elapsed_s));
    Some(BatchSummary {
        total: items.len(),
        ended,
        stopped,
        fraction: if all_ended { 1.0 } else { fraction.min(0.99) },
        eta_s,
    })
}

/// Share of the batch done after which the time left is the pace's alone.
const PACE_TRUSTED_AT: f64 = 0.2;

/// Seconds left for `remaining` work (in expected seconds) when `fraction` of the batch is
/// done after `elapsed_s`. The expected work is known for every job from the start, so an
/// estimate is there as soon as the batch starts: the remaining work shared among the jobs
/// running side by side. Once the batch has a pace (2 % done and a second gone), the pace
/// so far (which covers parallel lanes, queueing and the engine's real speed without
/// modelling them) takes over, fully from [`PACE_TRUSTED_AT`] on, so the line does not
/// jump from one to the other.
fn time_left(items: &[BatchItem], remaining: f64, fraction: f64, elapsed_s: f64) -> f64 {
    let side_by_side = items
        .iter()
        .filter(|i| matches!(i.state, ItemState::Running { .. }))
        .count()
        .max(1);
    let modelled = remaining.max(0.0) / side_by_side as f64;
    if fraction < 0.02 || elapsed_s < 1.0 {
        return modelled;
    }
    let paced = elapsed_s * (1.0 - fraction) / fraction;
    let trust = (fraction / PACE_TRUSTED_AT).min(1.0);
    trust * paced + (1.0 - trust) * modelled
}

impl BatchSummary {
    /// Whole percent done.
    pub fn percent(&self) -> u32 {
        (self.fraction * 100.0).floor() as u32
    }

    /// "Batch: 3 of 6 done · 45% · about 1:05 left".
    pub fn describe(&self) -> String {
        let mut line = format!("Batch: {} of {} done", self.ended, self.total);
        if self.stopped > 0 {
            line += &format!(" ({} failed or cancelled)", self.stopped);
        }
        line += &format!(" · {}%", self.percent());
        if let Some(eta) = self.eta_s {
            line += &format!(" · about {} left", format_duration(eta.ceil()));
        }
        line
    }
}

#[cfg(test)]
mod tests;
