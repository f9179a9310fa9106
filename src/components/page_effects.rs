//! What the page does outside its own DOM while jobs run: the tab title shows progress,
//! and leaving with results not yet downloaded asks for confirmation.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::i18n::format::percent;
use crate::i18n::t;
use crate::state::job::JobStatus;
use crate::state::queue::Queue;

/// Installs the title and beforeunload effects for `queue`.
pub fn install(queue: Queue) {
    Effect::new(move |_| {
        // The whole batch's share of expected work, while it has work left.
        let title = match queue.batch_summary() {
            Some(batch) if queue.batch_running() => {
                format!(
                    "{} · {}",
                    percent(f64::from(batch.percent())),
                    t("page-title")
                )
            }
            _ => t("page-title"),
        };
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&title);
        }
    });

    let unsaved = move || {
        queue.jobs.with_untracked(|jobs| {
            jobs.iter().any(|j| {
                let done = j.status.with_untracked(|s| matches!(s, JobStatus::Done(_)));
                done && !j.downloaded.get_value()
            })
        })
    };
    let on_before_unload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if unsaved() {
                ev.prevent_default();
                // Older browsers need a return value to show the prompt.
                ev.set_return_value(&t("unsaved-results"));
            }
        },
    );
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback(
            "beforeunload",
            on_before_unload.as_ref().unchecked_ref(),
        );
    }
    // Lives as long as the page.
    on_before_unload.forget();
}
