//! A job's lifecycle as a checked state machine: where a job stands ([`JobStatus`]), the
//! moves it can make ([`Transition`]) and the one writer, [`JobStatus::apply`], which refuses
//! a move its state does not allow. Like Mediabunny's `Conversion` state, checked on every
//! call: a late engine event cannot revive a cancelled job, and a job cannot be "done"
//! without its output, because [`JobStatus::Done`] carries it.

mod stage;

pub use stage::Stage;

use crate::probe::OutputWarning;

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
    /// Finished, with its output.
    Done(JobOutput),
    /// Failed; `message` says why in plain words.
    Failed {
        message: String,
        log_tail: Vec<String>,
    },
    /// Cancelled by the user.
    Cancelled,
}

/// Live numbers of a running job.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RunInfo {
    /// What the engine is doing (written as "Encoding (pass 2 of 2)" by the page).
    pub step: Stage,
    /// 0..=1 for the whole job.
    pub fraction: f64,
    /// `performance.now()`-style milliseconds when the job started.
    pub started_ms: f64,
    /// The encoder's speed in × real time, when known.
    pub speed: Option<f64>,
}

/// A finished output: held as an object URL (the bytes stay in the browser's Blob store,
/// never in the state). The app revokes the URL when the job is removed or retried.
#[derive(Clone, Debug, PartialEq)]
pub struct JobOutput {
    pub url: String,
    pub name: String,
    pub size: u64,
    /// What the user must see beside the result ("The file ends early: …").
    pub warnings: Vec<OutputWarning>,
}

/// A move of the lifecycle. Each is legal from the states [`JobStatus::check`] lists.
#[derive(Clone, Debug, PartialEq)]
pub enum Transition {
    /// The file's first bytes were read: Detecting → Ready.
    Recognised,
    /// **Convert** or **Retry**: Ready, Done, Failed or Cancelled → Queued.
    Queue,
    /// The runner gave it a worker: Queued → Running.
    Start(RunInfo),
    /// The engine moved to a new step: Running → Running.
    Step(Stage),
    /// The engine reported progress (`fraction` is clamped to 0..=1): Running → Running.
    Progress { fraction: f64, speed: Option<f64> },
    /// The engine handed back the output: Running → Done.
    Finish(JobOutput),
    /// Refused or failed: Queued or Running → Failed.
    Fail {
        message: String,
        log_tail: Vec<String>,
    },
    /// **Cancel**, or the worker confirmed it stopped: Queued or Running → Cancelled.
    Cancel,
}

/// A transition the current state does not allow; the state is left as it was.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("illegal job transition {transition} from {from}")]
pub struct Illegal {
    /// The state's name ([`JobStatus::name`]).
    pub from: &'static str,
    /// The transition's name ([`Transition::name`]).
    pub transition: &'static str,
}

impl JobStatus {
    /// The state's name, as the page's `data-status` shows it.
    pub fn name(&self) -> &'static str {
        match self {
            JobStatus::Detecting => "detecting",
            JobStatus::Ready => "ready",
            JobStatus::Queued => "queued",
            JobStatus::Running(_) => "running",
            JobStatus::Done(_) => "done",
            JobStatus::Failed { .. } => "failed",
            JobStatus::Cancelled => "cancelled",
        }
    }

    /// Whether **Convert** should start this job.
    pub fn is_startable(&self) -> bool {
        matches!(self, JobStatus::Ready)
    }

    /// Whether the job is queued or running: work the batch still has to do.
    pub fn is_active(&self) -> bool {
        matches!(self, JobStatus::Queued | JobStatus::Running(_))
    }

    /// Whether the job has ended one way or another.
    pub fn is_finished(&self) -> bool {
        matches!(
            self,
            JobStatus::Done(_) | JobStatus::Failed { .. } | JobStatus::Cancelled
        )
    }

    /// The output, once done.
    pub fn output(&self) -> Option<&JobOutput> {
        match self {
            JobStatus::Done(output) => Some(output),
            _ => None,
        }
    }

    /// The live numbers, while running.
    pub fn run(&self) -> Option<&RunInfo> {
        match self {
            JobStatus::Running(run) => Some(run),
            _ => None,
        }
    }

    /// Whether `transition` is legal from this state (the transition table).
    pub fn check(&self, transition: &Transition) -> Result<(), Illegal> {
        use JobStatus as S;
        use Transition as T;
        let legal = match transition {
            T::Recognised => matches!(self, S::Detecting),
            T::Queue => matches!(self, S::Ready) || self.is_finished(),
            T::Start(_) => matches!(self, S::Queued),
            T::Step(_) | T::Progress { .. } | T::Finish(_) => matches!(self, S::Running(_)),
            T::Fail { .. } | T::Cancel => self.is_active(),
        };
        if legal {
            Ok(())
        } else {
            Err(Illegal {
                from: self.name(),
                transition: transition.name(),
            })
        }
    }

    /// The one writer: makes `transition`, or refuses it (and changes nothing) if this
    /// state does not allow it.
    pub fn apply(&mut self, transition: Transition) -> Result<(), Illegal> {
        self.check(&transition)?;
        match transition {
            Transition::Recognised => *self = JobStatus::Ready,
            Transition::Queue => *self = JobStatus::Queued,
            Transition::Start(run) => *self = JobStatus::Running(run),
            Transition::Step(step) => {
                if let JobStatus::Running(run) = self {
                    run.step = step;
                }
            }
            Transition::Progress { fraction, speed } => {
                if let JobStatus::Running(run) = self {
                    run.fraction = fraction.clamp(0.0, 1.0);
                    run.speed = speed;
                }
            }
            Transition::Finish(output) => *self = JobStatus::Done(output),
            Transition::Fail { message, log_tail } => {
                *self = JobStatus::Failed { message, log_tail }
            }
            Transition::Cancel => *self = JobStatus::Cancelled,
        }
        Ok(())
    }
}

impl Transition {
    /// The transition's name, for logs.
    pub fn name(&self) -> &'static str {
        match self {
            Transition::Recognised => "recognised",
            Transition::Queue => "queue",
            Transition::Start(_) => "start",
            Transition::Step(_) => "step",
            Transition::Progress { .. } => "progress",
            Transition::Finish(_) => "finish",
            Transition::Fail { .. } => "fail",
            Transition::Cancel => "cancel",
        }
    }
}

#[cfg(test)]
mod tests;
