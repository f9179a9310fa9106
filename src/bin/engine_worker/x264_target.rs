//! Size targets on FFmpeg: two-pass x264 (or VP8) from the planner's plan, fitted by the
//! shared size-fit loop. When a two-pass encode fails for a reason other than a crash,
//! the job does not fail: it is encoded in one pass instead, and the details say why.

use std::cell::Cell;

use tamp::protocol::{Event, JobId, Stage};
use tamp_core::args::{target_args, EncodeIo, Pass};
use tamp_core::plan::Plan;

use crate::job::Engine;
use crate::outcome::Failure;
use crate::post;
use crate::size_fit::{fit_to_target, log_line, FitFailed, Output, SizeEncoder};

/// Share of the job's progress bar given to the first of two passes (x264's first pass is
/// the cheaper one, but decoding the source dominates in wasm: measured 55-58% of the time here with the st core).
const FIRST_PASS_SHARE: f64 = 0.55;

/// x264 (or VP8) on the FFmpeg core, two passes unless they failed once for this job.
struct X264<'a> {
    engine: &'a Engine,
    id: JobId,
    io: &'a EncodeIo<'a>,
    /// Set once two passes failed: the rest of the job runs in one pass.
    one_pass: Cell<bool>,
    /// What the job's details say about a fallback.
    note: Cell<Option<String>>,
}

impl SizeEncoder for X264<'_> {
    type Error = Failure;

    async fn encode(&self, plan: &Plan, attempt: u32, output: &str) -> Result<u64, Failure> {
        let io = EncodeIo { output, ..*self.io };
        let fs = self.engine.core()?.fs();
        if plan.video.is_some() && !self.one_pass.get() {
            match self.two_passes(plan, &io, attempt) {
                Ok(()) => return Ok(fs.file_size(output).unwrap_or(u64::MAX)),
                Err(f) if f.engine_broken => return Err(f),
                Err(f) => {
                    let note = format!(
                        "The two-pass encode failed ({}); encoded in one pass instead.",
                        f.message.trim_end_matches('.')
                    );
                    log_line(self.id, note.clone());
                    self.note.set(Some(note));
                    self.one_pass.set(true);
                    fs.remove(output);
                }
            }
        }
        stage(self.id, attempt, 0);
        self.engine.encode(
            &target_args(plan, &io, Pass::Single),
            plan.duration_s,
            0.0,
            1.0,
        )?;
        Ok(fs.file_size(output).unwrap_or(u64::MAX))
    }
}

impl X264<'_> {
    fn two_passes(&self, plan: &Plan, io: &EncodeIo, attempt: u32) -> Result<(), Failure> {
        let duration = plan.duration_s;
        stage(self.id, attempt, 1);
        self.engine.encode(
            &target_args(plan, io, Pass::First),
            duration,
            0.0,
            FIRST_PASS_SHARE,
        )?;
        stage(self.id, attempt, 2);
        self.engine.encode(
            &target_args(plan, io, Pass::Second),
            duration,
            FIRST_PASS_SHARE,
            1.0 - FIRST_PASS_SHARE,
        )
    }
}

fn stage(id: JobId, attempt: u32, pass: u32) {
    post(
        &Event::Stage {
            id,
            stage: Stage::Encoding { attempt, pass },
        },
        None,
    );
}

impl Engine {
    /// Encodes `plan` and fits it under `target_bytes` with the shared size-fit loop.
    pub(crate) async fn encode_to_target(
        &self,
        id: JobId,
        plan: Plan,
        target_bytes: u64,
        io: &EncodeIo<'_>,
    ) -> Result<Output, Failure> {
        let x264 = X264 {
            engine: self,
            id,
            io,
            one_pass: Cell::new(false),
            note: Cell::new(None),
        };
        let notes = plan.notes.clone();
        let fs = self.core()?.fs();
        let fitted = fit_to_target(&x264, (&fs, id), plan, target_bytes, (io.output, notes)).await;
        match fitted {
            Ok(mut out) => {
                out.notes.extend(x264.note.take());
                Ok(out)
            }
            Err(FitFailed::Encoder(f)) => Err(f),
            Err(FitFailed::Fit(e)) => Err(Failure::plain(e.to_string())),
        }
    }
}
