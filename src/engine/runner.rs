//! Feeds queued jobs to the FFmpeg engine worker, one video job at a time. A loaded worker
//! is kept for the next job (loading the core costs up to a second and a half); a cancelled
//! or crashed one is dropped, which terminates it, and a fresh one serves the next job.
//!
//! The multi-threaded core is known to hang in Chromium now and then: when it goes quiet
//! for [`MT_STALL_MS`], the job restarts on the single-threaded core, and the page keeps
//! using that core from then on. A single-threaded core quiet for [`ST_SILENCE_MS`] has
//! died without a word (a worker that closed itself sends no error): the job fails and a
//! fresh worker serves the next one.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::engine::job_events::{apply_event, fail, output_name};
use crate::engine::worker_bridge::{CancelHandle, EngineWorker, WorkerMsg};
use crate::protocol::{CoreKind, Event, Goal, JobId, JobSpec, Request, VideoOptions};
use crate::state::job::{Job, JobStatus, RunInfo};
use crate::state::queue::Queue;

/// Silence after which a multi-threaded run counts as hung. Progress lines arrive about
/// twice a second while encoding; probing a large file through WORKERFS can take a few
/// seconds, so this is generous.
const MT_STALL_MS: u32 = 20_000;

/// Silence after which a single-threaded run counts as dead. Much longer than
/// [`MT_STALL_MS`] because there is no fallback: x264 buffers its lookahead before the
/// first progress line, which for 4K on a slow phone can take most of a minute.
const ST_SILENCE_MS: u32 = 120_000;

/// How many image jobs run at once: images are decoded in parallel workers, one per core,
/// leaving one core for the page and any video job.
fn image_capacity() -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(2.0) as usize;
    cores.saturating_sub(1).clamp(1, 4)
}

/// The runner, kept in the queue. Cheap to clone.
#[derive(Clone, Default)]
pub struct Runner(Rc<RefCell<RunnerState>>);

/// Workers of one engine, and the jobs they run.
#[derive(Default)]
struct Lane {
    /// Loaded workers waiting for work.
    idle: Vec<EngineWorker>,
    /// Jobs in flight, each with a way to stop it (once its worker exists).
    active: Vec<(JobId, Option<CancelHandle>)>,
}

#[derive(Default)]
struct RunnerState {
    /// FFmpeg: one job at a time. A video job can need gigabytes; one large video at a time
    /// is better than three that crash the tab.
    ffmpeg: Lane,
    /// The image engine: several at once, beside the video job.
    image: Lane,
    /// Set once the multi-threaded core has hung in this page.
    mt_failed: bool,
}

impl RunnerState {
    fn lane(&mut self, images: bool) -> &mut Lane {
        if images {
            &mut self.image
        } else {
            &mut self.ffmpeg
        }
    }

    fn set_handle(&mut self, id: JobId, handle: CancelHandle) {
        for lane in [&mut self.ffmpeg, &mut self.image] {
            if let Some(slot) = lane.active.iter_mut().find(|(j, _)| *j == id) {
                slot.1 = Some(handle);
                return;
            }
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
    /// Starts queued jobs while their engine has room: one FFmpeg job, several image jobs.
    pub fn pump(&self, queue: Queue) {
        let queued: Vec<Job> = queue.jobs.with_untracked(|jobs| {
            jobs.iter()
                .filter(|j| j.status.with_untracked(|s| matches!(s, JobStatus::Queued)))
                .cloned()
                .collect()
        });
        for job in queued {
            let goal = match queue.settings.goal_for(job.kind()) {
                Ok(goal) => goal,
                Err(e) => {
                    fail(&job, e.to_string(), vec![]);
                    continue;
                }
            };
            let video = queue.settings.video_options();
            let images = matches!(goal, Goal::Image(_));
            let capacity = if images { image_capacity() } else { 1 };
            let worker = {
                let mut state = self.0.borrow_mut();
                let lane = state.lane(images);
                if lane.active.len() >= capacity {
                    continue;
                }
                lane.active.push((job.id, None));
                lane.idle.pop()
            };
            job.status.set(JobStatus::Running(RunInfo {
                step: "Starting the converter".into(),
                started_ms: now_ms(),
                ..RunInfo::default()
            }));
            let runner = self.clone();
            leptos::task::spawn_local(async move {
                let kept = runner.run(&job, goal, video, worker, images).await;
                {
                    let mut state = runner.0.borrow_mut();
                    let lane = state.lane(images);
                    lane.active.retain(|(id, _)| *id != job.id);
                    lane.idle.extend(kept);
                }
                queue.pump();
            });
        }
    }

    /// Stops the job if it is running.
    pub fn cancel(&self, id: JobId) {
        let state = self.0.borrow();
        for lane in [&state.ffmpeg, &state.image] {
            if let Some((_, Some(handle))) = lane.active.iter().find(|(j, _)| *j == id) {
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
                        fail(
                            job,
                            "The converter could not be started in this browser.".into(),
                            vec![],
                        );
                        return None;
                    }
                },
            };
            match self.attempt(job, &goal, &video, w).await {
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

    async fn attempt(
        &self,
        job: &Job,
        goal: &Goal,
        video: &VideoOptions,
        mut worker: EngineWorker,
    ) -> Attempt {
        self.0
            .borrow_mut()
            .set_handle(job.id, worker.cancel_handle());
        // No watchdog for images: they report nothing while converting, for as long as a
        // large photo takes; their bootstrap reports traps itself (public/image-worker.js).
        let core = worker.core();
        let watchdog = match core {
            CoreKind::MultiThread => Some(MT_STALL_MS),
            CoreKind::SingleThread => Some(ST_SILENCE_MS),
            CoreKind::Image => None,
        };
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
                    other => return end_abnormally(job, core, other),
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
            video: video.clone(),
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
                other => return end_abnormally(job, core, other),
            }
        }
    }
}

/// Handles every way a worker can stop talking.
fn end_abnormally(job: &Job, core: CoreKind, msg: WorkerMsg) -> Attempt {
    match msg {
        WorkerMsg::Stalled if core == CoreKind::MultiThread => Attempt::Stalled,
        WorkerMsg::Stalled => {
            fail(
                job,
                format!(
                    "The converter stopped responding (nothing for {} s). It will be restarted for the next file.",
                    ST_SILENCE_MS / 1000
                ),
                job.log.get_untracked(),
            );
            Attempt::Ended(None)
        }
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
