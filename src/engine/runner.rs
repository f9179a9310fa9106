//! Feeds queued jobs to the FFmpeg engine worker, one video job at a time, and turns the
//! worker's events into job state. A loaded worker is kept for the next job (loading the
//! core costs up to a second and a half); a cancelled or crashed one is dropped, which
//! terminates it, and a fresh one serves the next job.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use tamp_core::human::format_bytes;

use crate::engine::worker_bridge::{CancelHandle, EngineWorker, WorkerMsg};
use crate::files::stem;
use crate::protocol::{CoreKind, Event, Goal, JobId, JobSpec, Request, Stage};
use crate::state::job::{Job, JobOutput, JobStatus, RunInfo};
use crate::state::queue::Queue;

/// The runner, kept in the queue. Cheap to clone.
#[derive(Clone, Default)]
pub struct Runner(Rc<RefCell<RunnerState>>);

#[derive(Default)]
struct RunnerState {
    /// A loaded worker waiting for work.
    idle: Option<EngineWorker>,
    /// The job in flight, with a way to stop it.
    active: Option<(JobId, Option<CancelHandle>)>,
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
                job.status.set(JobStatus::Failed {
                    message: e.to_string(),
                    log_tail: vec![],
                });
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

    /// Runs one job; returns the worker if it can serve the next one.
    async fn run(
        &self,
        job: &Job,
        goal: Goal,
        worker: Option<EngineWorker>,
    ) -> Option<EngineWorker> {
        let mut worker = match worker {
            Some(w) => w,
            None => match EngineWorker::spawn(preferred_core()) {
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
        self.0.borrow_mut().active = Some((job.id, Some(worker.cancel_handle())));
        if !worker.is_ready() {
            // The worker drops messages until its engine has loaded; wait for `Ready`.
            loop {
                match worker.next().await {
                    Some(WorkerMsg::Event(Event::Ready { .. }, _)) => {
                        worker.mark_ready();
                        break;
                    }
                    Some(WorkerMsg::Event(Event::LoadFailed { message }, _)) => {
                        fail(job, message, vec![]);
                        return None;
                    }
                    Some(WorkerMsg::Event(..)) => {}
                    Some(WorkerMsg::Cancelled) => {
                        job.status.set(JobStatus::Cancelled);
                        return None;
                    }
                    Some(WorkerMsg::Crashed(message)) => {
                        fail(
                            job,
                            format!("The converter could not start ({message})."),
                            vec![],
                        );
                        return None;
                    }
                    None => {
                        fail(job, "The converter stopped unexpectedly.".into(), vec![]);
                        return None;
                    }
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
            output_name: output_name(&job.name, &goal),
            goal,
        };
        let request = Request::Start { id: job.id, spec };
        if worker.send(&request, &job.file.get_value()).is_err() {
            fail(
                job,
                "The file could not be handed to the converter.".into(),
                vec![],
            );
            return None;
        }
        loop {
            match worker.next().await {
                Some(WorkerMsg::Event(event, blob)) => {
                    if let Some(keep) = apply_event(job, event, blob) {
                        return keep.then_some(worker);
                    }
                }
                Some(WorkerMsg::Cancelled) => {
                    job.status.set(JobStatus::Cancelled);
                    return None;
                }
                Some(WorkerMsg::Crashed(message)) => {
                    fail(
                        job,
                        format!("The converter crashed ({message}). It will be restarted for the next file."),
                        job.log.get_untracked(),
                    );
                    return None;
                }
                None => {
                    fail(job, "The converter stopped unexpectedly.".into(), vec![]);
                    return None;
                }
            }
        }
    }
}

/// Applies one engine event to a job. `Some(keep_worker)` when the job has ended.
fn apply_event(job: &Job, event: Event, blob: Option<web_sys::Blob>) -> Option<bool> {
    if event.job_id().is_some_and(|id| id != job.id) {
        return None;
    }
    match event {
        Event::Ready { .. } => {}
        Event::LoadFailed { message } => {
            fail(job, message, vec![]);
            return Some(false);
        }
        Event::Log { line, .. } => job.push_log(line),
        Event::Stage { stage, .. } => update_run(job, |run| run.step = describe_stage(&stage)),
        Event::Probed { probe, .. } => job.push_log(format!("Input: {probe:?}")),
        Event::Planned { notes, .. } => notes.into_iter().for_each(|n| job.push_log(n)),
        Event::Progress {
            fraction, speed, ..
        } => update_run(job, |run| {
            run.fraction = fraction.clamp(0.0, 1.0);
            run.speed = speed;
        }),
        Event::Done {
            output_name,
            size,
            notes,
            ..
        } => {
            notes.into_iter().for_each(|n| job.push_log(n));
            let Some(blob) = blob else {
                fail(
                    job,
                    "The converter finished but sent no file.".into(),
                    vec![],
                );
                return Some(true);
            };
            match web_sys::Url::create_object_url_with_blob(&blob) {
                Ok(url) => {
                    job.push_log(format!("Output: {} ({size} bytes)", format_bytes(size)));
                    job.output.set(Some(JobOutput {
                        url,
                        name: output_name,
                        size,
                    }));
                    job.status.set(JobStatus::Done);
                }
                Err(_) => fail(
                    job,
                    "The result could not be made downloadable.".into(),
                    vec![],
                ),
            }
            return Some(true);
        }
        Event::Failed {
            message,
            log_tail,
            engine_broken,
            ..
        } => {
            fail(job, message, log_tail);
            return Some(!engine_broken);
        }
    }
    None
}

fn update_run(job: &Job, f: impl FnOnce(&mut RunInfo)) {
    job.status.update(|status| {
        if let JobStatus::Running(run) = status {
            f(run);
        }
    });
}

fn fail(job: &Job, message: String, log_tail: Vec<String>) {
    job.status.set(JobStatus::Failed { message, log_tail });
}

fn describe_stage(stage: &Stage) -> String {
    match stage {
        Stage::Probing => "Reading the file".into(),
        Stage::Encoding { attempt, pass } => {
            let pass = match pass {
                1 => "Analysing (pass 1 of 2)",
                2 => "Encoding (pass 2 of 2)",
                _ => "Encoding",
            };
            if *attempt > 1 {
                format!("{pass}, attempt {attempt}")
            } else {
                pass.to_owned()
            }
        }
        Stage::Finishing => "Finishing".into(),
    }
}

/// The output's file name: the user's base name, marked with the target when there is one.
fn output_name(input: &str, goal: &Goal) -> String {
    let base = stem(input);
    match goal {
        Goal::TargetSize {
            target_bytes,
            container,
        } => {
            let mb = *target_bytes as f64 / 1_000_000.0;
            let mb = if mb.fract() == 0.0 {
                format!("{mb:.0}")
            } else {
                format!("{mb:.1}")
            };
            format!("{base}-{mb}MB.{}", container.extension())
        }
        Goal::Quality { container, .. } => format!("{base}-compressed.{}", container.extension()),
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
