//! The size-target loop both engines run: encode, measure, and let the core's
//! [`SizeFit`] keep the output or ask for a corrected encode (up or down, at most
//! [`tamp_core::plan::MAX_ATTEMPTS`] encodes). Each attempt writes its own file, so the
//! largest output within the target survives a later attempt that lands over it.

use tamp::protocol::{Event, JobId};
use tamp_core::plan::{FitError, Next, Plan, SizeFit};

use crate::core_api::Fs;
use crate::post;

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
    (fs, id): (&Fs, JobId),
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
