//! Feeds queued jobs to the FFmpeg engine worker, one video job at a time. A loaded worker
//! is kept for the next job (loading the core costs up to a second and a half); a cancelled
//! or crashed one is dropped, which terminates it, and a fresh one serves the next job.
//!
//! The multi-threaded core is known to hang in Chromium now and then: when it goes quiet
//! for [`MT_STALL_MS`], the job restarts on the single-threaded core, and the page keeps
//! using that core from then on.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::engine::job_events::{apply_event, fail, output_name};
use crate::engine::worker_bridge::{CancelHandle, EngineWorker, WorkerMsg};
use crate::protocol::{CoreKind, Event, Goal, JobId, JobSpec, Request};
use crate::state::job::{Job, JobStatus, RunInfo};
use crate::state::queue::Queue;

/// Silence after which a multi-threaded run counts as hung. Progress lines arrive about
/// twice a second while encoding; probing a large file through WORKERFS can take a few
/// seconds, so this is generous.
const MT_STALL_MS: u32 = 20_000;

/// The runner, kept in the queue. Cheap to clone.
#[derive(Clone, Default)]
pub struct Runner(Rc<RefCell<RunnerState>>);

#[derive(Default)]
struct RunnerState {
    /// A loaded worker waiting for work.
    idle: Option<EngineWorker>,
    /// The job in flight, with a way to stop it.
    active: Option<(JobId, Option<CancelHandle>)>,
    /// Set once the multi-threaded core has hung in this page.
    mt_failed: bool,
}

/// How one attempt at a job ended.
enum Attempt {
    /// The job ended (done, failed or cancelled); the worker, if it can serve again.
    Ended(Option<EngineWorker>),
    /// The multi-threaded core went silent; try again on the single-threaded one.
    Stalled,
}

impl Runner {
    /// Starts the next queued job if the engine is free.
    pub fn pump(&self, queue: Queue) {
        if self.0.borrow().active.is_some() {
            return;
        }
        let next = queue.jobs.with_untracked(|jobs| {
            jobs.iter()
                .find(|j| j.status.with_untracked(|s| matches!(s, JobStatus::Queued)))
                .cloned()
        });
        let Some(job) = next else { return };
        let goal = match queue.settings.video_goal() {
            Ok(goal) => goal,
            Err(e) => {
                fail(&job, e.to_string(), vec![]);
                return self.pump(queue);
            }
        };
        job.status.set(JobStatus::Running(RunInfo {
            step: "Starting the converter".into(),
            started_ms: now_ms(),
            ..RunInfo::default()
        }));
        let worker = {
            let mut state = self.0.borrow_mut();
            state.active = Some((job.id, None));
            state.idle.take()
        };
        let runner = self.clone();
        leptos::task::spawn_local(async move {
            let kept = runner.run(&job, goal, worker).await;
            {
                let mut state = runner.0.borrow_mut();
                state.active = None;
                state.idle = kept;
            }
            queue.pump();
        });
    }

    /// Stops the job if it is the one running.
    pub fn cancel(&self, id: JobId) {
        let state = self.0.borrow();
        if let Some((active, Some(handle))) = &state.active {
            if *active == id {
                handle.cancel();
            }
        }
    }

    /// Runs one job, restarting it on the single-threaded core if the multi-threaded one
    /// hangs; returns the worker if it can serve the next job.
    async fn run(
        &self,
        job: &Job,
        goal: Goal,
        mut worker: Option<EngineWorker>,
    ) -> Option<EngineWorker> {
        loop {
            let w = match worker.take() {
                Some(w) => w,
                None => match EngineWorker::spawn(self.core_to_use()) {
                    Ok(w) => w,
                    Err(_) => {
                        fail(
                            job,
                            "The converter could not be started in this browser.".into(),
                            vec![],
                        );
                        return None;
                    }
                },
            };
            match self.attempt(job, &goal, w).await {
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

    fn core_to_use(&self) -> CoreKind {
        if self.0.borrow().mt_failed {
            CoreKind::SingleThread
        } else {
            preferred_core()
        }
    }

    async fn attempt(&self, job: &Job, goal: &Goal, mut worker: EngineWorker) -> Attempt {
        self.0.borrow_mut().active = Some((job.id, Some(worker.cancel_handle())));
        let watchdog = (worker.core() == CoreKind::MultiThread).then_some(MT_STALL_MS);
        if !worker.is_ready() {
            // The worker drops requests until its engine has loaded; wait for `Ready`.
            loop {
                match worker.next_within(watchdog).await {
                    WorkerMsg::Event(Event::Ready { .. }, _) => {
                        worker.mark_ready();
                        break;
                    }
                    WorkerMsg::Event(Event::LoadFailed { message }, _) => {
                        fail(job, message, vec![]);
                        return Attempt::Ended(None);
                    }
                    WorkerMsg::Event(..) => {}
                    other => return end_abnormally(job, other),
                }
            }
        }
        job.push_log(format!("Engine: {}", worker.core().describe()));

        let spec = JobSpec {
            input_ext: job
                .sniffed
                .with_untracked(|s| s.as_ref().and_then(|s| s.format))
                .unwrap_or("bin")
                .to_owned(),
            output_name: output_name(&job.name, goal),
            goal: goal.clone(),
        };
        let request = Request::Start { id: job.id, spec };
        if worker.send(&request, &job.file.get_value()).is_err() {
            fail(
                job,
                "The file could not be handed to the converter.".into(),
                vec![],
            );
            return Attempt::Ended(None);
        }
        loop {
            match worker.next_within(watchdog).await {
                WorkerMsg::Event(event, blob) => {
                    if let Some(keep) = apply_event(job, event, blob) {
                        return Attempt::Ended(keep.then_some(worker));
                    }
                }
                other => return end_abnormally(job, other),
            }
        }
    }
}

/// Handles every way a worker can stop talking.
fn end_abnormally(job: &Job, msg: WorkerMsg) -> Attempt {
    match msg {
        WorkerMsg::Stalled => Attempt::Stalled,
        WorkerMsg::Cancelled => {
            job.status.set(JobStatus::Cancelled);
            Attempt::Ended(None)
        }
        WorkerMsg::Crashed(message) => {
            fail(
                job,
                format!(
                    "The converter crashed ({message}). It will be restarted for the next file."
                ),
                job.log.get_untracked(),
            );
            Attempt::Ended(None)
        }
        WorkerMsg::Event(..) => Attempt::Ended(None),
    }
}

/// The multi-threaded core needs SharedArrayBuffer, which needs cross-origin isolation.
fn preferred_core() -> CoreKind {
    // `crossOriginIsolated` is not in web-sys' stable API; read the global property.
    let isolated = js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into())
        .map(|v| v.is_truthy())
        .unwrap_or(false);
    if isolated {
        CoreKind::MultiThread
    } else {
        CoreKind::SingleThread
    }
}

/// Milliseconds since the page loaded.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
