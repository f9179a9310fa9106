//! Where outputs written to disk live in the origin-private file system (OPFS), shared by
//! the page (which cleans up) and the engine worker (which writes).
//!
//! `outputs/<tab>/job-<id>/<file>`: one folder per open tab, so that a tab starting up
//! sweeps only the folders of tabs that are gone (see `platform::disk`), and one per job,
//! so that removing a job removes whatever its worker left, finished or not.

use crate::protocol::JobId;

/// The folder of all outputs on disk, at the root of the origin's private file system.
pub const OUTPUTS_DIR: &str = "outputs";

/// The name of a tab's folder (and of the Web Lock the tab holds while open) for its id.
pub fn tab_dir(tab: &str) -> String {
    format!("tab-{tab}")
}

/// The folder of one job's outputs inside its tab's folder.
pub fn job_dir(id: JobId) -> String {
    format!("job-{id}")
}

/// The worker URL's query pair that tells an engine worker its tab's folder.
pub const TAB_PARAM: &str = "tab";
