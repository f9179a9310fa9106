//! Size targets on FFmpeg: two-pass x264 (or VP8) from the planner's plan, the size
//! measured after every encode, and a corrected re-encode when it overshot.

use tamp::protocol::{Event, JobId, Stage};
use tamp_core::args::{target_args, EncodeIo, Pass};
use tamp_core::plan::{replan_after_overshoot, Plan};

use crate::job::{Engine, Output, SizeFit, MAX_RETRIES};
use crate::outcome::Failure;
use crate::post;

/// Share of the job's progress bar given to the first of two passes (x264's first pass is
/// the cheaper one, but decoding the source dominates in wasm: measured 55-58% of the time here with the st core).
const FIRST_PASS_SHARE: f64 = 0.55;

impl Engine {
    /// Encodes `plan` and checks the size, re-encoding at most [`MAX_RETRIES`] times.
    pub(crate) fn encode_to_target(
        &self,
        id: JobId,
        mut plan: Plan,
        target_bytes: u64,
        io: &EncodeIo,
    ) -> Result<Output, Failure> {
        let mut fit = SizeFit {
            id,
            target_bytes,
            notes: plan.notes.clone(),
        };
        for attempt in 1..=MAX_RETRIES + 1 {
            self.encode_plan(id, &plan, io, attempt)?;
            let size = self.core()?.fs().file_size(io.output).unwrap_or(u64::MAX);
            if size <= target_bytes {
                return Ok(fit.fitted(io.output, size, attempt));
            }
            fit.overshot(attempt, size);
            plan = replan_after_overshoot(&plan, target_bytes, size)
                .map_err(|e| Failure::plain(e.to_string()))?;
        }
        Err(Failure::plain(
            "The encoder could not bring this file under the target size. Try a larger target.",
        ))
    }

    fn encode_plan(
        &self,
        id: JobId,
        plan: &Plan,
        io: &EncodeIo,
        attempt: u32,
    ) -> Result<(), Failure> {
        let duration = plan.duration_s;
        if plan.video.is_some() {
            post(
                &Event::Stage {
                    id,
                    stage: Stage::Encoding { attempt, pass: 1 },
                },
                None,
            );
            self.encode(
                &target_args(plan, io, Pass::First),
                duration,
                0.0,
                FIRST_PASS_SHARE,
            )?;
            post(
                &Event::Stage {
                    id,
                    stage: Stage::Encoding { attempt, pass: 2 },
                },
                None,
            );
            self.encode(
                &target_args(plan, io, Pass::Second),
                duration,
                FIRST_PASS_SHARE,
                1.0 - FIRST_PASS_SHARE,
            )
        } else {
            post(
                &Event::Stage {
                    id,
                    stage: Stage::Encoding { attempt, pass: 0 },
                },
                None,
            );
            self.encode(&target_args(plan, io, Pass::Single), duration, 0.0, 1.0)
        }
    }
}
