//! The step a running job is in, as data: the engines send it, the job keeps it, and the
//! page writes it in the shown language from [`Stage::message`].

use serde::{Deserialize, Serialize};

use crate::i18n::{Message, Param};

/// The step a job is in, for the status line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Stage {
    /// The page gave the job a worker; the engine has not reported yet.
    #[default]
    Starting,
    /// Reading the input's streams.
    Probing,
    /// Trial-encoding short stretches at a few shapes to choose the best (see
    /// `crate::plan::trial`).
    Analysing,
    /// Encoding; `pass` is 1 or 2 for two-pass encodes (0 for single pass), `attempt` counts
    /// size retries from 1.
    Encoding { attempt: u32, pass: u32 },
    /// Reading the finished output out of the engine.
    Finishing,
}

impl Stage {
    /// "Encoding (pass 2 of 2), attempt 2" as a message of the catalogs.
    pub fn message(&self) -> Message {
        let (id, attempt) = match *self {
            Stage::Starting => ("step-starting", 1),
            Stage::Probing => ("step-reading", 1),
            Stage::Analysing => ("step-analysing", 1),
            Stage::Encoding { attempt, pass: 1 } => ("step-pass-1", attempt),
            Stage::Encoding { attempt, pass: 2 } => ("step-pass-2", attempt),
            Stage::Encoding { attempt, .. } => ("step-encoding", attempt),
            Stage::Finishing => ("step-finishing", 1),
        };
        let step = Message::new(id);
        if attempt > 1 {
            Message::new("step-attempt")
                .with("step", Param::Message(Box::new(step)))
                .with("attempt", Param::Count(u64::from(attempt)))
        } else {
            step
        }
    }
}
