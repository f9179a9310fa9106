//! What a size-target encode loop keeps, shared by both engines (x264 two-pass and
//! WebCodecs): the fitted output, its notes, and a log line per overshoot.

use tamp::protocol::{Event, JobId};

use crate::post;

/// A finished output still inside the engine's file system.
pub(crate) struct Output {
    pub path: String,
    pub size: u64,
    pub notes: Vec<String>,
}

/// The bookkeeping of a size-target encode loop, shared by both engines: notes for the
/// job's details, and a log line for every attempt that landed over the target.
pub(crate) struct SizeFit {
    pub id: JobId,
    pub target_bytes: u64,
    pub notes: Vec<String>,
}

impl SizeFit {
    /// The output of `attempt`, which fits.
    pub fn fitted(mut self, path: &str, size: u64, attempt: u32) -> Output {
        if attempt > 1 {
            self.notes.push(format!("Fitted on attempt {attempt}."));
        }
        Output {
            path: path.to_owned(),
            size,
            notes: self.notes,
        }
    }

    /// Records that `attempt` came out at `size`, over the target.
    pub fn overshot(&mut self, attempt: u32, size: u64) {
        let note = format!(
            "Attempt {attempt} came out at {size} bytes, over the {} byte target; re-encoding at a lower bitrate.",
            self.target_bytes
        );
        log_line(self.id, note.clone());
        self.notes.push(note);
    }
}

/// Posts one line for the job's log.
pub(crate) fn log_line(id: JobId, line: String) {
    post(&Event::Log { id, line }, None);
}
