//! The page's state: jobs, the queue that owns them, and the user's settings.

pub mod announcer;
pub mod job;
pub mod persist;
pub mod queue;
pub mod settings;
