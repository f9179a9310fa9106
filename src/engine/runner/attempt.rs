//! One attempt at a job on one worker: wait for the engine, send the job, follow its events
//! to the end; and every way a worker can stop talking.

use leptos::prelude::*;
use tamp_core::memory::estimate_peak;

use super::{Attempt, Runner, MT_STALL_MS};
use crate::engine::admission::{engine_for, shape_of};
use crate::engine::job_events::{apply_event, fail, output_name};
use crate::engine::test_hold;
use crate::engine::url_hooks::st_silence_ms;
use crate::engine::worker_bridge::{EngineWorker, WorkerMsg};
use crate::i18n::{t, tr, A};
use crate::protocol::{CoreKind, Event, Goal, JobSpec, Request, VideoOptions};
use crate::state::job::{Job, Transition};
use crate::state::queue::Queue;

impl Runner {
    pub(super) async fn attempt(
        &self,
        queue: Queue,
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
            CoreKind::SingleThread => Some(st_silence_ms()),
            CoreKind::Image => None,
        };
        if test_hold::enabled() {
            if let Some(ended) = held(job, core, &mut worker).await {
                return ended;
            }
        }
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
        if core == CoreKind::Image {
            // The FFmpeg workers write their engine line themselves, and only when a job
            // needs FFmpeg (src/bin/engine_worker/lazy_core.rs).
            job.push_log(format!("Engine: {}", core.describe()));
        }

        let spec = JobSpec {
            input_ext: job
                .sniffed
                .with_untracked(|s| s.as_ref().and_then(|s| s.format))
                // Not "bin": FFmpeg takes that extension for its ANSI-art demuxer, which
                // "reads" random bytes; with a name no demuxer claims, only content counts.
                .unwrap_or("unknown")
                .to_owned(),
            output_name: output_name(&job.name, goal),
            goal: goal.clone(),
            video: video.clone(),
            if_sound_only: queue.sound_only_for(job),
        };
        let request = Request::Start { id: job.id, spec };
        if worker.send(&request, &job.file.get_value()).is_err() {
            fail(job, t("fail-handoff"), vec![]);
            return Attempt::Ended(None);
        }
        loop {
            match worker.next_within(watchdog).await {
                WorkerMsg::Event(event, blob) => {
                    let probed = matches!(event, Event::Probed { .. });
                    let planned = matches!(event, Event::Outlook { .. });
                    if let Some(keep) = apply_event(job, event, blob) {
                        return Attempt::Ended(keep.then_some(worker));
                    }
                    if planned && test_hold::planned_enabled() {
                        test_hold::hold(&job.name).await;
                    }
                    if probed {
                        self.refine_estimate(queue, job, goal, core);
                    }
                }
                other => return end_abnormally(job, core, other),
            }
        }
    }

    /// Once the engine knows the picture's size, the job's estimate is redone with it; if it
    /// shrank (a small video assumed to be 1080p), waiting jobs may now fit beside it.
    fn refine_estimate(&self, queue: Queue, job: &Job, goal: &Goal, core: CoreKind) {
        let bytes = estimate_peak(&shape_of(job, goal, engine_for(core)));
        let shrank = {
            let mut state = self.0.borrow_mut();
            match state.active.iter_mut().find(|a| a.id == job.id) {
                Some(active) if active.claim.bytes != bytes => {
                    let shrank = bytes < active.claim.bytes;
                    active.claim.bytes = bytes;
                    shrank
                }
                _ => return,
            }
        };
        job.push_log(format!(
            "Memory: est. {} now that the picture size is known.",
            tamp_core::human::format_bytes(bytes)
        ));
        if shrank {
            queue.pump();
        }
    }
}

/// The `hold_jobs` test hook ([`test_hold`]): waits until the test releases `job`, while its
/// engine loads as usual; a cancel or a crash in the meantime ends the attempt as it would
/// at any other point. `None` once released.
async fn held(job: &Job, core: CoreKind, worker: &mut EngineWorker) -> Option<Attempt> {
    use futures::future::{select, Either};
    let mut release = test_hold::hold(&job.name);
    loop {
        let next = Box::pin(worker.next_within(None));
        let msg = match select(&mut release, next).await {
            Either::Left(_) => return None,
            Either::Right((msg, _)) => msg,
        };
        match msg {
            WorkerMsg::Event(Event::Ready { .. }, _) => worker.mark_ready(),
            WorkerMsg::Event(Event::LoadFailed { message }, _) => {
                fail(job, message, vec![]);
                return Some(Attempt::Ended(None));
            }
            WorkerMsg::Event(..) => {}
            other => return Some(end_abnormally(job, core, other)),
        }
    }
}

/// Handles every way a worker can stop talking.
fn end_abnormally(job: &Job, core: CoreKind, msg: WorkerMsg) -> Attempt {
    match msg {
        WorkerMsg::Stalled if core == CoreKind::MultiThread => Attempt::Stalled,
        WorkerMsg::Stalled => {
            let seconds = A::from(st_silence_ms() / 1000);
            fail(
                job,
                tr("fail-silent", &[("seconds", seconds)]),
                job.log.get_untracked(),
            );
            Attempt::Ended(None)
        }
        WorkerMsg::Cancelled => {
            job.apply(Transition::Cancel);
            Attempt::Ended(None)
        }
        WorkerMsg::Crashed(message) => {
            fail(
                job,
                tr("fail-crashed", &[("detail", A::from(message.as_str()))]),
                job.log.get_untracked(),
            );
            Attempt::Ended(None)
        }
        WorkerMsg::Event(..) => Attempt::Ended(None),
    }
}

/// The multi-threaded core needs SharedArrayBuffer, which needs cross-origin isolation.
pub(super) fn preferred_core() -> CoreKind {
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
