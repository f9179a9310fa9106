//! Feeds queued jobs to engine workers, as many at once as the device allows: each kind of
//! input has its lane (videos and audio on FFmpeg workers, images on image workers), each
//! lane a limit from the number of cores, and every job an estimate of the memory it needs;
//! a job starts only when it fits beside the ones running (the rule is
//! [`tamp_core::memory::admit`]; a job too large for the budget runs alone). A loaded
//! worker is kept for the next job (loading the FFmpeg core costs up to a second and a
//! half); a cancelled or crashed one is dropped, which terminates it, and a fresh one serves
//! the next job.
//!
//! The multi-threaded core is known to hang in Chromium now and then: when it goes quiet
//! for [`MT_STALL_MS`], the job restarts on the single-threaded core, and the page keeps
//! using that core from then on. A single-threaded core quiet for [`ST_SILENCE_MS`] has
//! died without a word (a worker that closed itself sends no error): the job fails and a
//! fresh worker serves the next one.

mod attempt;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use tamp_core::human::format_bytes;
use tamp_core::memory::{admit, estimate_peak, Claim, Lane, Limits, Wait};

use crate::engine::admission::{device_limits, engine_for, shape_of};
use crate::engine::job_events::fail;
use crate::engine::worker_bridge::{CancelHandle, EngineWorker};
use crate::i18n::t;
use crate::protocol::{CoreKind, Goal, JobId, Stage, VideoOptions};
use crate::state::job::{Job, JobStatus, RunInfo, Transition};
use crate::state::queue::Queue;
use attempt::preferred_core;

/// Silence after which a multi-threaded run counts as hung. Progress lines arrive about
/// twice a second while encoding; probing a large file through WORKERFS can take a few
/// seconds, so this is generous.
const MT_STALL_MS: u32 = 20_000;

/// Silence after which a single-threaded run counts as dead. Much longer than
/// [`MT_STALL_MS`] because there is no fallback: x264 buffers its lookahead before the
/// first progress line, which for 4K on a slow phone can take most of a minute.
pub(crate) const ST_SILENCE_MS: u32 = 120_000;

/// The runner, kept in the queue. Cheap to clone.
#[derive(Clone, Default)]
pub struct Runner(Rc<RefCell<RunnerState>>);

/// A job in flight.
struct Active {
    id: JobId,
    /// Its lane and estimated memory (refined once the input is probed).
    claim: Claim,
    /// A way to stop it, once its worker exists.
    handle: Option<CancelHandle>,
}

#[derive(Default)]
struct RunnerState {
    /// Loaded FFmpeg workers waiting for work (videos and audio).
    idle_ffmpeg: Vec<EngineWorker>,
    /// Loaded image workers waiting for work.
    idle_image: Vec<EngineWorker>,
    /// Jobs in flight, in every lane.
    active: Vec<Active>,
    /// Set once the multi-threaded core has hung in this page.
    mt_failed: bool,
}

impl RunnerState {
    fn set_handle(&mut self, id: JobId, handle: CancelHandle) {
        if let Some(active) = self.active.iter_mut().find(|a| a.id == id) {
            active.handle = Some(handle);
        }
    }

    fn claims(&self) -> Vec<Claim> {
        self.active.iter().map(|a| a.claim).collect()
    }

    /// A loaded worker for the next job, if one is idle (never a multi-threaded one once
    /// that core has hung).
    fn take_idle(&mut self, images: bool) -> Option<EngineWorker> {
        if images {
            return self.idle_image.pop();
        }
        let mt_failed = self.mt_failed;
        self.idle_ffmpeg
            .retain(|w| !(mt_failed && w.core() == CoreKind::MultiThread));
        self.idle_ffmpeg.pop()
    }

    /// Keeps a worker that can serve again, unless enough are idle already. An idle worker
    /// holds the memory its last job grew its heap to (wasm memory never shrinks), so one
    /// that ran a job of more than a quarter of the budget is let go.
    fn keep_idle(&mut self, worker: EngineWorker, claim: Claim, limits: &Limits) {
        if claim.bytes > limits.budget_bytes / 4 {
            return; // dropping terminates it
        }
        let (idle, max) = match worker.core() {
            CoreKind::Image => (&mut self.idle_image, limits.capacity(Lane::Image)),
            _ => (&mut self.idle_ffmpeg, 1),
        };
        if idle.len() < max {
            idle.push(worker);
        }
    }
}

/// How one attempt at a job ended.
enum Attempt {
    /// The job ended (done, failed or cancelled); the worker, if it can serve again.
    Ended(Option<EngineWorker>),
    /// The multi-threaded core went silent; try again on the single-threaded one.
    Stalled,
}

impl Runner {
    /// Starts queued jobs, in queue order, while their lane has room and their memory
    /// estimate fits; tells each job left waiting why.
    pub fn pump(&self, queue: Queue) {
        let limits = device_limits();
        let queued: Vec<Job> = queue.jobs.with_untracked(|jobs| {
            jobs.iter()
                .filter(|j| j.status.with_untracked(|s| *s == JobStatus::Queued))
                .cloned()
                .collect()
        });
        // Jobs queued earlier that wait for memory: later ones must not keep them waiting.
        let mut ahead: Vec<Claim> = Vec::new();
        for job in queued {
            let goal = match queue.goal_for(&job) {
                Ok(goal) => goal,
                Err(e) => {
                    fail(&job, e.to_string(), vec![]);
                    continue;
                }
            };
            let images = matches!(goal, Goal::Image(_));
            let core = self.core_to_use(images);
            let kind = job.kind();
            let claim = Claim {
                lane: if images {
                    Lane::Image
                } else {
                    Lane::for_kind(kind)
                },
                kind,
                bytes: estimate_peak(&shape_of(&job, &goal, engine_for(core))),
            };
            let running = self.0.borrow().claims();
            if let Err(wait) = admit(claim.lane, claim.bytes, &running, &ahead, &limits) {
                if matches!(wait, Wait::Memory { .. }) {
                    ahead.push(claim);
                }
                let reason = Some(wait);
                if job.waiting.with_untracked(|w| *w != reason) {
                    job.waiting.set(reason);
                }
                continue;
            }
            job.waiting.set(None);
            self.start(queue, job, goal, claim, &running, &limits);
        }
    }

    /// Marks `job` running and runs it on a worker of its lane.
    fn start(
        &self,
        queue: Queue,
        job: Job,
        goal: Goal,
        claim: Claim,
        running: &[Claim],
        limits: &Limits,
    ) {
        let images = claim.lane == Lane::Image;
        let worker = {
            let mut state = self.0.borrow_mut();
            state.active.push(Active {
                id: job.id,
                claim,
                handle: None,
            });
            state.take_idle(images)
        };
        job.apply(Transition::Start(RunInfo {
            step: Stage::Starting,
            started_ms: now_ms(),
            ..RunInfo::default()
        }));
        let beside: u64 = running.iter().map(|c| c.bytes).sum();
        job.push_log(format!(
            "Memory: est. {} for this job, beside {} running (est. {}); budget {}.",
            format_bytes(claim.bytes),
            match running.len() {
                1 => "1 job".to_owned(),
                n => format!("{n} jobs"),
            },
            format_bytes(beside),
            format_bytes(limits.budget_bytes),
        ));
        let video = queue.settings.video_options();
        let runner = self.clone();
        leptos::task::spawn_local(async move {
            let kept = runner.run(queue, &job, goal, video, worker, images).await;
            {
                let mut state = runner.0.borrow_mut();
                let claim = state
                    .active
                    .iter()
                    .find(|a| a.id == job.id)
                    .map(|a| a.claim)
                    .unwrap_or(claim);
                state.active.retain(|a| a.id != job.id);
                if let Some(worker) = kept {
                    state.keep_idle(worker, claim, &device_limits());
                }
            }
            // Removed while it ran: the queue left its signals to this task; free them now.
            if queue.job(job.id).is_none() {
                job.dispose();
            }
            queue.pump();
        });
    }

    /// Whether a task of this runner is working on the job (and so still reads it).
    pub fn holds(&self, id: JobId) -> bool {
        self.0.borrow().active.iter().any(|a| a.id == id)
    }

    /// Stops the job if it is running.
    pub fn cancel(&self, id: JobId) {
        let state = self.0.borrow();
        if let Some(Active {
            handle: Some(handle),
            ..
        }) = state.active.iter().find(|a| a.id == id)
        {
            handle.cancel();
        }
    }

    /// Runs one job, restarting it on the single-threaded core if the multi-threaded one
    /// hangs; returns the worker if it can serve the next job.
    async fn run(
        &self,
        queue: Queue,
        job: &Job,
        goal: Goal,
        video: VideoOptions,
        mut worker: Option<EngineWorker>,
        images: bool,
    ) -> Option<EngineWorker> {
        loop {
            let mut kept = worker.take();
            if kept.as_mut().is_some_and(EngineWorker::died_while_idle) {
                job.push_log(
                    "The converter had stopped since the last file; starting a fresh one.".into(),
                );
                kept = None; // dropping terminates it
            }
            let w = match kept {
                Some(w) => w,
                None => match EngineWorker::spawn(self.core_to_use(images)) {
                    Ok(w) => w,
                    Err(_) => {
                        fail(job, t("fail-no-start"), vec![]);
                        return None;
                    }
                },
            };
            match self.attempt(queue, job, &goal, &video, w).await {
                Attempt::Ended(kept) => return kept,
                Attempt::Stalled => {
                    self.0.borrow_mut().mt_failed = true;
                    job.push_log(
                        "The multi-threaded core stopped making progress; restarting this job on the single-threaded core."
                            .into(),
                    );
                }
            }
        }
    }

    fn core_to_use(&self, images: bool) -> CoreKind {
        if images {
            CoreKind::Image
        } else if self.0.borrow().mt_failed {
            CoreKind::SingleThread
        } else {
            preferred_core()
        }
    }
}

/// Milliseconds since the page loaded.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
