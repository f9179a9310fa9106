//! The **Queue** list.

use leptos::prelude::*;

use crate::components::download_all::DownloadAll;
use crate::components::job_row::JobRow;
use crate::state::queue::Queue;

/// Every job, one list item each.
#[component]
pub fn QueueList() -> impl IntoView {
    let queue = expect_context::<Queue>();
    let empty = move || queue.jobs.with(Vec::is_empty);
    view! {
        <section class="panel queue" aria-labelledby="queue-title">
            <div class="queue-head">
                <h2 id="queue-title">"Queue"</h2>
                <DownloadAll />
            </div>
            <Show when=empty>
                <p class="empty">"No files yet. Add some to begin."</p>
            </Show>
            <ul class="jobs" aria-label="Queue">
                <For
                    each=move || queue.jobs.get()
                    key=|job| job.id
                    children=move |job| view! { <JobRow job /> }
                />
            </ul>
        </section>
    }
}
