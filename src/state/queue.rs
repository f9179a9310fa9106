//! The queue: the list of jobs and what the user can do to them. Running them is the
//! [`Runner`]'s job; the queue only changes statuses and asks the runner to look for work.

use leptos::prelude::*;
use tamp_core::batch::{expected_work, summarize, BatchItem, BatchSummary, ItemState};
use tamp_core::media::MediaKind;

use crate::engine::job_events::output_name;
use crate::engine::runner::{now_ms, Runner};
use crate::files::sniff_blob;
use crate::i18n::{t, tr, A};
use crate::protocol::{Goal, JobId, SoundOnly};
use crate::state::announcer::Announcer;
use crate::state::job::{Job, JobStatus, Transition};
use crate::state::settings::{Settings, SettingsError};

/// The queue, shared through context. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Queue {
    pub jobs: RwSignal<Vec<Job>>,
    next_id: StoredValue<JobId>,
    runner: StoredValue<Runner, LocalStorage>,
    pub settings: Settings,
    /// What screen readers are told as jobs end (the queue's live region).
    pub announcer: Announcer,
    /// The current batch: its number and when it started (`performance.now()` ms). A batch
    /// begins when a job is queued while none is queued or running.
    batch: RwSignal<(u32, f64)>,
}

impl Queue {
    /// An empty queue using `settings` for the jobs it starts.
    pub fn new(settings: Settings) -> Self {
        Queue {
            jobs: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
            runner: StoredValue::new_local(Runner::default()),
            settings,
            announcer: Announcer::default(),
            batch: RwSignal::new((0, 0.0)),
        }
    }

    /// Adds files; each is recognised by its content in the background.
    pub fn add_files(&self, files: Vec<web_sys::File>) {
        for file in files {
            let id = self.next_id.get_value();
            self.next_id.set_value(id + 1);
            let job = Job::new(id, file, self.announcer);
            self.jobs.update(|jobs| jobs.push(job.clone()));
            let file = job.file.get_value();
            let queue = *self;
            leptos::task::spawn_local(async move {
                let sniffed = sniff_blob(&file).await.ok();
                // Removed while its bytes were read: its signals are gone.
                if queue.job(job.id).is_some() {
                    job.sniffed.set(sniffed);
                    job.apply(Transition::Recognised);
                }
            });
        }
    }

    /// The job with this id, if it is still in the queue.
    pub fn job(&self, id: JobId) -> Option<Job> {
        self.jobs
            .with_untracked(|jobs| jobs.iter().find(|j| j.id == id).cloned())
    }

    /// **Convert**: queues every job that is ready, then lets the runner pick them up.
    pub fn start_all(&self) {
        self.begin_batch_if_idle();
        self.jobs.with_untracked(|jobs| {
            for job in jobs {
                if job.status.with_untracked(JobStatus::is_startable) {
                    self.enqueue(job);
                }
            }
        });
        self.pump();
    }

    /// A press of **Convert** (or **Retry**) while nothing is queued or running starts a new
    /// batch. Once per press, not per job: files refused at the door end at once, and each
    /// must not start a batch of its own (a batch of 9 with 6 unreadable files said "4 of 4").
    fn begin_batch_if_idle(&self) {
        if !self.busy() {
            self.batch.update(|(n, started)| {
                *n += 1;
                *started = now_ms();
            });
        }
    }

    fn enqueue(&self, job: &Job) {
        if !job.apply(Transition::Queue) {
            return;
        }
        job.batch.set_value(self.batch.with_untracked(|(n, _)| *n));
        job.waiting.set(None);
        job.failure.set(None);
        // A file the sniffer did not recognise is asked of FFmpeg before it is refused.
        if job.kind() != MediaKind::Unknown || job.needs_probe() {
            return;
        }
        let what = job
            .sniffed
            .with_untracked(|s| s.as_ref().map(|s| s.description))
            .unwrap_or("Unrecognised data");
        let message = if job.size == 0 {
            t("fail-empty")
        } else {
            tr("fail-unknown-data", &[("what", A::from(what))])
        };
        job.fail(message, vec![]);
    }

    /// **Retry**: back into the queue with the current settings.
    pub fn retry(&self, id: JobId) {
        if let Some(job) = self.job(id) {
            if !job.status.with_untracked(JobStatus::is_finished) {
                return;
            }
            job.clear_output();
            job.log.set(Vec::new());
            self.begin_batch_if_idle();
            self.enqueue(&job);
            self.pump();
        }
    }

    /// **Cancel**: stops the job now (its engine worker is terminated).
    pub fn cancel(&self, id: JobId) {
        if let Some(job) = self.job(id) {
            if job
                .status
                .with_untracked(|s| matches!(s, JobStatus::Queued))
            {
                job.apply(Transition::Cancel);
            } else {
                self.runner.with_value(|r| r.cancel(id));
            }
        }
    }

    /// **Remove**: cancels if needed, frees the output, drops the job and disposes its
    /// signals: now, or when the runner's task for it ends (it still reads the job).
    pub fn remove(&self, id: JobId) {
        self.cancel(id);
        let Some(job) = self.job(id) else { return };
        job.clear_output();
        // And whatever a cancelled copy left on disk: no run of this job comes again.
        crate::platform::disk::forget(id, None);
        self.jobs.update(|jobs| jobs.retain(|j| j.id != id));
        if !self.runner.with_value(|r| r.holds(id)) {
            job.dispose();
        }
    }

    /// Whether any job is queued or running.
    fn busy(&self) -> bool {
        self.jobs.with_untracked(|jobs| {
            jobs.iter()
                .any(|j| j.status.with_untracked(JobStatus::is_active))
        })
    }

    /// The goal for `job`: the settings panel's, with the job's own overrides.
    pub fn goal_for(&self, job: &Job) -> Result<Goal, SettingsError> {
        let format = job.overrides.format.get_untracked();
        let target = job.overrides.target_mb.get_untracked();
        let input = job.sniffed.with_untracked(|s| s.and_then(|s| s.format));
        self.settings
            .goal_with(goal_kind(job), input, format.as_deref(), target.as_deref())
    }

    /// For a file of unknown kind, the goal it gets should FFmpeg find only sound in it.
    pub fn sound_only_for(&self, job: &Job) -> Option<SoundOnly> {
        if !job.needs_probe() {
            return None;
        }
        let goal = self
            .settings
            .goal_with(MediaKind::Audio, None, None, None)
            .ok()?;
        let output_name = output_name(&job.name, &goal);
        Some(SoundOnly { goal, output_name })
    }

    /// The current batch's progress (tracked: re-runs as jobs move). `None` before the
    /// first **Convert**, or once the batch's jobs are all removed.
    pub fn batch_summary(&self) -> Option<BatchSummary> {
        let (number, started_ms) = self.batch.get();
        let items: Vec<BatchItem> = self.jobs.with(|jobs| {
            jobs.iter()
                .filter(|j| number > 0 && j.batch.get_value() == number)
                .filter_map(batch_item)
                .collect()
        });
        summarize(&items, (now_ms() - started_ms).max(0.0) / 1000.0)
    }

    /// Whether the current batch has work left (tracked).
    pub fn batch_running(&self) -> bool {
        self.jobs.with(|jobs| jobs.iter().any(Job::is_active))
    }

    /// Lets the runner start queued jobs if it has room.
    pub fn pump(&self) {
        let queue = *self;
        self.runner.with_value(|r| r.pump(queue));
    }
}

/// The kind whose goal `job` gets: a file the sniffer did not know is tried as a video
/// (FFmpeg reads it first, and the engine switches to [`SoundOnly`] if it holds only sound).
fn goal_kind(job: &Job) -> MediaKind {
    match job.kind() {
        MediaKind::Unknown if job.needs_probe() => MediaKind::Video,
        kind => kind,
    }
}

/// One job as the batch sums it up (tracked); `None` for jobs not sent to convert.
fn batch_item(job: &Job) -> Option<BatchItem> {
    let state = job.status.with(|s| match s {
        JobStatus::Detecting | JobStatus::Ready => None,
        JobStatus::Queued => Some(ItemState::Waiting),
        JobStatus::Running(run) => Some(ItemState::Running {
            fraction: run.fraction,
        }),
        JobStatus::Done(_) => Some(ItemState::Done),
        JobStatus::Failed { .. } | JobStatus::Cancelled => Some(ItemState::Stopped),
    })?;
    let work = job.probe.with(|p| {
        let video = p.as_ref().and_then(|p| p.video.as_ref());
        expected_work(
            job.kind(),
            job.size,
            p.as_ref().and_then(|p| p.duration_s),
            video.map(|v| u64::from(v.width) * u64::from(v.height)),
            video.and_then(|v| v.fps),
        )
    });
    Some(BatchItem { state, work })
}
