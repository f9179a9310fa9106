//! Animated GIF and WebP under a size target on FFmpeg: the shape from
//! `tamp_core::anim_fit`, each encode measured, and the next shape planned from the
//! content's real bytes per pixel until an output fits and uses enough of the target.

use tamp::protocol::{Event, JobId, Stage};
use tamp_core::anim_fit::{AnimFit, AnimKind};
use tamp_core::args::{anim_fit_args, EncodeIo};
use tamp_core::probe::Probe;

use crate::job::{Engine, Output, OUT_DIR};
use crate::outcome::Failure;
use crate::post;
use crate::size_fit::log_line;

/// Encodes at most this many shapes: a 6 s clip takes a few seconds each, and the third
/// lands within a few percent of the aim (measured on the test clips).
const MAX_ATTEMPTS: u32 = 5;

impl Engine {
    /// Fits the probed clip's picture as `kind` under `target_bytes`.
    pub(crate) fn encode_anim_to_target(
        &self,
        id: JobId,
        probe: &Probe,
        kind: AnimKind,
        target_bytes: u64,
        io: &EncodeIo,
    ) -> Result<Output, Failure> {
        let plain = |e: tamp_core::plan::PlanError| Failure::plain(e.to_string());
        let video = probe
            .video
            .as_ref()
            .filter(|v| !v.is_still_image)
            .ok_or_else(|| Failure::plain("This file has no picture to convert."))?;
        let duration = probe.duration_s.unwrap_or(0.0);
        let mut fit =
            AnimFit::plan(kind, video.display_size(), duration, target_bytes).map_err(plain)?;
        let fs = self.core()?.fs();
        let kept = format!("{OUT_DIR}/kept-anim");
        let mut best: Option<(u64, AnimFit)> = None;
        for attempt in 1..=MAX_ATTEMPTS {
            post(
                &Event::Planned {
                    id,
                    notes: vec![fit.note(target_bytes)],
                },
                None,
            );
            post(
                &Event::Stage {
                    id,
                    stage: Stage::Encoding { attempt, pass: 0 },
                },
                None,
            );
            self.encode(&anim_fit_args(&fit, io), duration, 0.0, 1.0)?;
            let size = fs.file_size(io.output).unwrap_or(u64::MAX);
            let fits = size <= target_bytes;
            if fits && best.as_ref().is_none_or(|(s, _)| *s < size) {
                fs.rename(io.output, &kept)
                    .map_err(|e| Failure::crashed(&e))?;
                best = Some((size, fit.clone()));
            }
            let next = if attempt == MAX_ATTEMPTS {
                None
            } else {
                fit.after(target_bytes, size).map_err(plain)?
            };
            match next {
                Some(n) => {
                    log_line(
                        id,
                        format!(
                            "Attempt {attempt} ({} fps, {} px wide) came out at {size} bytes ({:.1} % of the target); trying {} fps, {} px wide.",
                            fit.fps, fit.width, 100.0 * size as f64 / target_bytes as f64, n.fps, n.width
                        ),
                    );
                    fit = n;
                }
                None => break,
            }
        }
        fs.remove(io.output);
        let Some((size, chosen)) = best else {
            return Err(Failure::plain(
                "No shape of this animation came out under the target size. Try a larger target or a shorter trim.",
            ));
        };
        fs.rename(&kept, io.output)
            .map_err(|e| Failure::crashed(&e))?;
        let share = 100.0 * size as f64 / target_bytes as f64;
        let mut notes = vec![format!("Shape chosen: {}", chosen.note(target_bytes))];
        notes.push(if chosen.at_ceiling {
            format!("Uses {share:.1} % of the target size: the full-size, full-quality animation is smaller.")
        } else {
            format!("Uses {share:.1} % of the target size.")
        });
        Ok(Output {
            path: io.output.to_owned(),
            size,
            notes,
        })
    }
}
