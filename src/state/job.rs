//! One file the user added, and everything the page shows about it.

use std::sync::Arc;

use leptos::prelude::*;
use tamp_core::media::MediaKind;
use tamp_core::probe::Probe;
use tamp_core::sniff::Sniffed;

use crate::protocol::{BeforeAfter, JobId};
use crate::state::announcer::{failed_text, ready_text, Announcer};

/// Where a job stands.
#[derive(Clone, Debug, PartialEq)]
pub enum JobStatus {
    /// Reading the first bytes to recognise the file.
    Detecting,
    /// Recognised; waiting for **Convert**.
    Ready,
    /// **Convert** was pressed; waiting for the engine.
    Queued,
    /// The engine is working on it.
    Running(RunInfo),
    /// Finished; the output is in [`Job::output`].
    Done,
    /// Failed; `message` says why in plain words.
    Failed {
        message: String,
        log_tail: Vec<String>,
    },
    /// Cancelled by the user.
    Cancelled,
}

impl JobStatus {
    /// Whether **Convert** should (re)start this job.
    pub fn is_startable(&self) -> bool {
        matches!(self, JobStatus::Ready)
    }

    /// Whether the job has ended one way or another.
    pub fn is_finished(&self) -> bool {
        matches!(
            self,
            JobStatus::Done | JobStatus::Failed { .. } | JobStatus::Cancelled
        )
    }
}

/// Live numbers of a running job.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RunInfo {
    /// What the engine is doing, in words ("Encoding, pass 2 of 2").
    pub step: String,
    /// 0..=1 for the whole job.
    pub fraction: f64,
    /// `performance.now()`-style milliseconds when the job started.
    pub started_ms: f64,
    /// The encoder's speed in × real time, when known.
    pub speed: Option<f64>,
}

/// A finished output: held as an object URL (the bytes stay in the browser's Blob store,
/// never in a signal). Revoked when the job is removed or retried.
#[derive(Clone, Debug, PartialEq)]
pub struct JobOutput {
    pub url: String,
    pub name: String,
    pub size: u64,
    /// Sentences the user must see beside the result ("The file ends early: …").
    pub warnings: Vec<String>,
}

/// Settings one job makes for itself; `None` follows the settings panel.
#[derive(Clone, Copy)]
pub struct JobOverrides {
    /// Label of the output format (a registry label).
    pub format: RwSignal<Option<String>>,
    /// Text of the target size in MB ("" for no target, quality instead).
    pub target_mb: RwSignal<Option<String>>,
}

impl Default for JobOverrides {
    fn default() -> Self {
        JobOverrides {
            format: RwSignal::new(None),
            target_mb: RwSignal::new(None),
        }
    }
}

/// One file in the queue. Cheap to clone: every field is a handle.
#[derive(Clone)]
pub struct Job {
    pub id: JobId,
    pub name: Arc<str>,
    pub size: u64,
    pub file: StoredValue<web_sys::File, LocalStorage>,
    pub sniffed: RwSignal<Option<Sniffed>>,
    pub status: RwSignal<JobStatus>,
    pub output: RwSignal<Option<JobOutput>>,
    /// The output's data, for **Download all** (a handle; the bytes stay in the browser).
    pub output_blob: StoredValue<Option<web_sys::Blob>, LocalStorage>,
    /// Whether the user has downloaded the output (single link or Download all).
    pub downloaded: StoredValue<bool>,
    /// Plan notes and engine lines, for the details view (capped).
    pub log: RwSignal<Vec<String>>,
    /// Why a queued job has not started yet, in plain words (none while it need not wait).
    pub waiting: RwSignal<Option<String>>,
    /// The input's streams, once the engine has read them (weights the batch's progress).
    pub probe: RwSignal<Option<Probe>>,
    /// The planned picture and expected quality, once the engine has planned the job.
    pub outlook: RwSignal<Option<tamp_core::plan::Outlook>>,
    /// The batch (one press of **Convert** while nothing ran) this job was last queued in.
    pub batch: StoredValue<u32>,
    /// This job's own choices, overriding the settings panel while it has not started.
    pub overrides: JobOverrides,
    /// Picture size and length of the input and output, for the before/after line.
    pub facts: RwSignal<BeforeAfter>,
    /// Where the job's ending is announced to screen readers (the queue's, shared).
    announcer: Announcer,
}

/// How many log lines a job keeps for its details view.
const LOG_LINES: usize = 1000;

impl Job {
    /// A new job for `file`, not yet recognised; its ending is told to `announcer`.
    pub fn new(id: JobId, file: web_sys::File, announcer: Announcer) -> Self {
        Job {
            id,
            name: Arc::from(file.name()),
            size: file.size() as u64,
            file: StoredValue::new_local(file),
            sniffed: RwSignal::new(None),
            status: RwSignal::new(JobStatus::Detecting),
            output: RwSignal::new(None),
            output_blob: StoredValue::new_local(None),
            downloaded: StoredValue::new(false),
            log: RwSignal::new(Vec::new()),
            waiting: RwSignal::new(None),
            probe: RwSignal::new(None),
            outlook: RwSignal::new(None),
            batch: StoredValue::new(0),
            overrides: JobOverrides::default(),
            facts: RwSignal::new(BeforeAfter::default()),
            announcer,
        }
    }

    /// Ends the job with its output, and tells screen readers.
    pub fn finish(&self, output: JobOutput) {
        self.announcer
            .say(ready_text(&self.name, &output.name, self.size, output.size));
        self.output.set(Some(output));
        self.status.set(JobStatus::Done);
    }

    /// Ends the job with a failure `message` in plain words, and tells screen readers.
    pub fn fail(&self, message: String, log_tail: Vec<String>) {
        self.announcer.say(failed_text(&self.name, &message));
        self.status.set(JobStatus::Failed { message, log_tail });
    }

    /// The detected kind (unknown until sniffed).
    pub fn kind(&self) -> MediaKind {
        self.sniffed
            .with_untracked(|s| s.as_ref().map(|s| s.kind))
            .unwrap_or(MediaKind::Unknown)
    }

    /// Whether the sniffer did not recognise the file, so FFmpeg is asked what it is.
    pub fn needs_probe(&self) -> bool {
        self.sniffed
            .with_untracked(|s| s.as_ref().is_some_and(Sniffed::needs_probe))
    }

    /// Appends a line to the job's log.
    pub fn push_log(&self, line: String) {
        self.log.update(|log| {
            if log.len() == LOG_LINES {
                log.remove(0);
            }
            log.push(line);
        });
    }

    /// Drops the output, revoking its object URL.
    pub fn clear_output(&self) {
        if let Some(out) = self.output.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&out.url);
        }
        self.output.set(None);
        self.facts.set(BeforeAfter::default());
        self.output_blob.set_value(None);
        self.downloaded.set_value(false);
    }
}
