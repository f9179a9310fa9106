//! The size-target loop both engines run: encode, measure, and let the core's
//! [`SizeFit`] keep the output or ask for a corrected encode (up or down, at most
//! [`tamp_core::plan::MAX_ATTEMPTS`] encodes). Each attempt writes its own file, so the
//! largest output within the target survives a later attempt that lands over it.

use std::cell::RefCell;

use js_sys::Uint8Array;
use tamp::protocol::{Event, JobId};
use tamp_core::plan::{FitError, Next, Plan, SizeFit};

use crate::core_api::Fs;
use crate::post;

/// Where an engine's attempts are written: FFmpeg's file system for x264, memory for the
/// browser's codecs (whose jobs may never load the FFmpeg core).
pub(crate) trait OutputFiles {
    /// The size of the file at `path`, if there is one.
    fn file_size(&self, path: &str) -> Option<u64>;
    /// Deletes the file at `path`, if there is one.
    fn remove(&self, path: &str);
}

impl OutputFiles for Fs {
    fn file_size(&self, path: &str) -> Option<u64> {
        Fs::file_size(self, path)
    }
    fn remove(&self, path: &str) {
        Fs::remove(self, path)
    }
}

/// Outputs held in memory by path: the browser path's attempts.
pub(crate) struct HeldOutputs<'a>(pub &'a RefCell<Vec<(String, Uint8Array)>>);

impl HeldOutputs<'_> {
    /// Holds `bytes` as the file at `path`, replacing what was there.
    pub fn put(&self, path: &str, bytes: Uint8Array) {
        let mut held = self.0.borrow_mut();
        held.retain(|(p, _)| p != path);
        held.push((path.to_owned(), bytes));
    }

    /// Takes the file at `path` out of memory.
    pub fn take(&self, path: &str) -> Option<Uint8Array> {
        let mut held = self.0.borrow_mut();
        let at = held.iter().position(|(p, _)| p == path)?;
        Some(held.swap_remove(at).1)
    }
}

impl OutputFiles for HeldOutputs<'_> {
    fn file_size(&self, path: &str) -> Option<u64> {
        self.0
            .borrow()
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| u64::from(b.length()))
    }
    fn remove(&self, path: &str) {
        self.0.borrow_mut().retain(|(p, _)| p != path);
    }
}

/// A finished output still inside the engine's file system.
pub(crate) struct Output {
    pub path: String,
    pub size: u64,
    pub notes: Vec<String>,
}

/// One engine's encode of a plan into a file: x264 on FFmpeg, or the browser's codecs.
pub(crate) trait SizeEncoder {
    /// Why an encode failed, as that engine tells it.
    type Error;
    /// Encodes `plan` (attempt `attempt`, from 1) into `output`; returns its size in bytes.
    async fn encode(&self, plan: &Plan, attempt: u32, output: &str) -> Result<u64, Self::Error>;
}

/// Why the loop ended without an output.
pub(crate) enum FitFailed<E> {
    /// The engine failed.
    Encoder(E),
    /// Nothing within the target could be made.
    Fit(FitError),
}

/// Fits `plan` under `target_bytes` with `encoder`; the kept output is renamed nowhere:
/// its path is the attempt's own (`output` with the attempt number before the extension).
pub(crate) async fn fit_to_target<E: SizeEncoder>(
    encoder: &E,
    (fs, id): (&dyn OutputFiles, JobId),
    mut plan: Plan,
    target_bytes: u64,
    (output, mut notes): (&str, Vec<String>),
) -> Result<Output, FitFailed<E::Error>> {
    let mut fit = SizeFit::new(target_bytes);
    let mut paths = Vec::new();
    let mut attempt = 0;
    loop {
        attempt += 1;
        let path = attempt_path(output, attempt);
        let size = encoder
            .encode(&plan, attempt, &path)
            .await
            .map_err(FitFailed::Encoder)?;
        paths.push(path);
        match fit.judge(&plan, size) {
            Next::Keep {
                attempt: kept,
                note,
            } => {
                let kept_path = paths[kept as usize - 1].clone();
                paths
                    .iter()
                    .filter(|p| **p != kept_path)
                    .for_each(|p| fs.remove(p));
                if attempt > 1 {
                    notes.push(format!("Kept attempt {kept} of {attempt}."));
                }
                notes.extend(note);
                let size = fs.file_size(&kept_path).unwrap_or(size);
                return Ok(Output {
                    path: kept_path,
                    size,
                    notes,
                });
            }
            Next::Retry { plan: next, note } => {
                log_line(id, note.clone());
                notes.push(note);
                plan = *next;
            }
            Next::Fail(e) => {
                paths.iter().for_each(|p| fs.remove(p));
                return Err(FitFailed::Fit(e));
            }
        }
    }
}

/// `/out/output.mp4` → `/out/output.2.mp4` for attempt 2 (attempt 1 keeps the name).
fn attempt_path(output: &str, attempt: u32) -> String {
    if attempt == 1 {
        return output.to_owned();
    }
    match output.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => format!("{stem}.{attempt}.{ext}"),
        _ => format!("{output}.{attempt}"),
    }
}

/// Posts one line for the job's log.
pub(crate) fn log_line(id: JobId, line: String) {
    post(&Event::Log { id, line }, None);
}
