//! Routes the core's log lines: to the page (tagged with the running job's id), to the
//! progress computation, and into a short tail kept for error reports.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use tamp::protocol::{Event, JobId};
use tamp_core::progress::{parse_progress, progress_fraction};

use crate::post;

/// How many log lines a failure report carries.
const TAIL_LINES: usize = 40;
/// Progress events are throttled to this interval; ffmpeg prints stats about twice a second anyway.
const PROGRESS_INTERVAL_MS: f64 = 200.0;

/// Maps encoder time to whole-job progress: this step covers `[base, base + weight]`.
#[derive(Clone, Copy, Debug)]
pub struct ProgressWindow {
    pub duration_s: f64,
    pub base: f64,
    pub weight: f64,
}

/// What the logger callback needs to know about the job in flight.
#[derive(Default)]
pub struct LogState {
    job: Option<JobId>,
    stdout: String,
    tail: VecDeque<String>,
    window: Option<ProgressWindow>,
    last_progress_ms: f64,
}

/// Shared handle to the log state; the logger closure holds one clone.
#[derive(Clone, Default)]
pub struct LogSink(Rc<RefCell<LogState>>);

impl LogSink {
    /// Starts collecting for a new job.
    pub fn begin_job(&self, id: JobId) {
        let mut s = self.0.borrow_mut();
        *s = LogState {
            job: Some(id),
            ..LogState::default()
        };
    }

    /// The job whose lines these are, if one is running.
    pub fn job(&self) -> Option<JobId> {
        self.0.borrow().job
    }

    /// Stops attributing lines to any job.
    pub fn end_job(&self) {
        self.0.borrow_mut().job = None;
    }

    /// Sets (or clears) how encoder time maps to job progress.
    pub fn set_window(&self, window: Option<ProgressWindow>) {
        self.0.borrow_mut().window = window;
    }

    /// Takes what the tool printed on stdout since the last call (ffprobe's JSON).
    pub fn take_stdout(&self) -> String {
        std::mem::take(&mut self.0.borrow_mut().stdout)
    }

    /// The last lines of stderr, oldest first.
    pub fn tail(&self) -> Vec<String> {
        self.0.borrow().tail.iter().cloned().collect()
    }

    /// Handles one `{type, message}` record from the core.
    pub fn on_record(&self, is_stdout: bool, message: &str) {
        if is_stdout {
            let mut s = self.0.borrow_mut();
            s.stdout.push_str(message);
            s.stdout.push('\n');
            return;
        }
        // Stats lines end in '\r' on a terminal; several may arrive joined in one record.
        for piece in message
            .split('\r')
            .map(str::trim_end)
            .filter(|p| !p.is_empty())
        {
            self.on_stderr_line(piece);
        }
    }

    fn on_stderr_line(&self, line: &str) {
        // The core prints this at the end of every run, success included.
        if line == "Aborted()" {
            return;
        }
        let mut s = self.0.borrow_mut();
        let Some(id) = s.job else { return };
        if let Some(sample) = parse_progress(line) {
            let Some(w) = s.window else { return };
            let now = js_sys::Date::now();
            if now - s.last_progress_ms < PROGRESS_INTERVAL_MS {
                return;
            }
            s.last_progress_ms = now;
            let fraction = w.base + w.weight * progress_fraction(sample.time_s, w.duration_s);
            drop(s);
            post(
                &Event::Progress {
                    id,
                    fraction,
                    speed: sample.speed,
                },
                None,
            );
            return;
        }
        if s.tail.len() == TAIL_LINES {
            s.tail.pop_front();
        }
        s.tail.push_back(line.to_owned());
        drop(s);
        post(
            &Event::Log {
                id,
                line: line.to_owned(),
            },
            None,
        );
    }
}
