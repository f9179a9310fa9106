//! One file the user added, and everything the page shows about it.

use std::sync::Arc;

use leptos::prelude::*;
use tamp_core::media::MediaKind;
use tamp_core::probe::Probe;
use tamp_core::sniff::Sniffed;

use crate::protocol::{BeforeAfter, JobId};
use crate::state::announcer::{failed_text, ready_text, Announcer};

pub use tamp_core::lifecycle::{JobOutput, JobStatus, RunInfo, Transition};

/// Settings one job makes for itself; `None` follows the settings panel.
#[derive(Clone, Copy)]
pub struct JobOverrides {
    /// Id of the output format choice ([`tamp_core::formats::FormatInfo::choice`]).
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
    /// Where the job stands (the output, once done, is in it). Read it freely; write it only
    /// through [`Job::apply`], which checks each move against the lifecycle's table.
    pub status: RwSignal<JobStatus>,
    /// The output's data, for **Download all** (a handle; the bytes stay in the browser). Set
    /// with the move to Done and dropped with its output; a browser handle, so not in core.
    pub output_blob: StoredValue<Option<web_sys::Blob>, LocalStorage>,
    /// Whether the user has downloaded the output (single link or Download all).
    pub downloaded: StoredValue<bool>,
    /// Plan notes and engine lines, for the details view (capped).
    pub log: RwSignal<Vec<String>>,
    /// Why a queued job has not started yet (none while it need not wait); the row writes it
    /// in the shown language.
    pub waiting: RwSignal<Option<tamp_core::memory::Wait>>,
    /// The class of the last failure, when the engine gave one: the row words it in the
    /// shown language (the status's message is the sentence as it read when it failed).
    pub failure: RwSignal<Option<tamp_core::probe::FailReason>>,
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
    /// Owns every signal above, so that removing the job disposes them all at once.
    owner: Owner,
}

/// How many log lines a job keeps for its details view.
const LOG_LINES: usize = 1000;

impl Job {
    /// A new job for `file`, not yet recognised; its ending is told to `announcer`.
    pub fn new(id: JobId, file: web_sys::File, announcer: Announcer) -> Self {
        let owner = Owner::new();
        owner.with(|| Job {
            id,
            name: Arc::from(file.name()),
            size: file.size() as u64,
            file: StoredValue::new_local(file),
            sniffed: RwSignal::new(None),
            status: RwSignal::new(JobStatus::Detecting),
            output_blob: StoredValue::new_local(None),
            downloaded: StoredValue::new(false),
            log: RwSignal::new(Vec::new()),
            waiting: RwSignal::new(None),
            failure: RwSignal::new(None),
            probe: RwSignal::new(None),
            outlook: RwSignal::new(None),
            batch: StoredValue::new(0),
            overrides: JobOverrides::default(),
            facts: RwSignal::new(BeforeAfter::default()),
            announcer,
            owner: owner.clone(),
        })
    }

    /// The one writer of [`Job::status`]: makes `transition` if the job's state allows it.
    /// An illegal move (a late event for a job already ended) changes nothing and is logged.
    /// A job already removed (its signals disposed) is left alone.
    pub fn apply(&self, transition: Transition) -> bool {
        // Checked before writing, so that a refused move does not wake the page's readers.
        match self.status.try_with_untracked(|s| s.check(&transition)) {
            Some(Ok(())) => {
                self.status.update(|s| {
                    let _ = s.apply(transition);
                });
                true
            }
            Some(Err(illegal)) => {
                web_sys::console::warn_1(&format!("job {}: {illegal}", self.id).into());
                false
            }
            None => false,
        }
    }

    /// Ends the job with its output (and the output's data), and tells screen readers.
    pub fn finish(&self, output: JobOutput, blob: web_sys::Blob) {
        let text = ready_text(&self.name, &output.name, self.size, output.size);
        if self.apply(Transition::Finish(output)) {
            self.output_blob.set_value(Some(blob));
            self.announcer.say(text);
        }
    }

    /// Ends the job with a failure `message` in plain words, and tells screen readers.
    pub fn fail(&self, message: String, log_tail: Vec<String>) {
        let text = failed_text(&self.name, &message);
        if self.apply(Transition::Fail { message, log_tail }) {
            self.announcer.say(text);
        }
    }

    /// Whether the job is queued or running (tracked).
    pub fn is_active(&self) -> bool {
        self.status.with(JobStatus::is_active)
    }

    /// Frees every signal of the job. Call it once nothing will read the job again: after it
    /// left the queue's list and no runner task holds it. Done after a zero timeout, so the
    /// page's effects (run as microtasks) first take its row out: a view still showing the
    /// job never reads a freed signal.
    pub fn dispose(&self) {
        let owner = self.owner.clone();
        set_timeout(move || owner.cleanup(), std::time::Duration::ZERO);
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

    /// Drops the output's data and facts, revoking its object URL (the status still says
    /// Done until the next move: Retry's Queue, or the job's removal).
    pub fn clear_output(&self) {
        if let Some(url) = self
            .status
            .with_untracked(|s| s.output().map(|o| o.url.clone()))
        {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        self.facts.set(BeforeAfter::default());
        // An output on disk (a disk-backed `File` from the private file system) is deleted.
        if let Some(file) = self
            .output_blob
            .get_value()
            .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::File>(b).ok())
        {
            crate::platform::disk::forget(self.id, Some(file.name()));
        }
        self.output_blob.set_value(None);
        self.downloaded.set_value(false);
    }
}
