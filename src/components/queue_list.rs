//! The **Queue** list.

use leptos::prelude::*;

use crate::components::batch_progress::BatchProgress;
use crate::components::download_all::DownloadAll;
use crate::components::job_row::JobRow;
use crate::components::notify_toggle::NotifyToggle;
use crate::i18n::t;
use crate::state::queue::Queue;

/// Every job, one list item each, and the live region announcing how each one ended.
#[component]
pub fn QueueList() -> impl IntoView {
    let queue = expect_context::<Queue>();
    let empty = move || queue.jobs.with(Vec::is_empty);
    view! {
        <section class="panel queue" aria-labelledby="queue-title">
            <div class="queue-head">
                <h2 id="queue-title">{move || t("queue")}</h2>
                <DownloadAll />
            </div>
            <BatchProgress />
            <Show when=empty>
                <p class="empty">{move || t("queue-empty")}</p>
            </Show>
            <ul class="jobs" aria-label=move || t("queue")>
                <For
                    each=move || queue.jobs.get()
                    key=|job| job.id
                    children=move |job| view! { <JobRow job /> }
                />
            </ul>
            <NotifyToggle />
            // Always in the page, so screen readers are already watching it when a line is
            // added; a region inserted together with its text is often not read at all.
            // `log` reads each new line once, in order, without re-reading the older ones.
            <div class="visually-hidden" role="log" aria-live="polite" aria-label=move || t("queue-updates")>
                <For
                    each=move || queue.announcer.lines.get()
                    key=|line| line.id
                    children=|line| view! { <p>{line.text}</p> }
                />
            </div>
        </section>
    }
}
