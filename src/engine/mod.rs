//! Running jobs: the bridge to an engine worker, and the runner that feeds it.

pub mod admission;
pub mod job_events;
pub mod runner;
pub mod test_hold;
pub mod url_hooks;
pub mod worker_bridge;
