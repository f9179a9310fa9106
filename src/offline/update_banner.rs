//! The offline-ready indicator and the "A new version is ready" banner.

use leptos::prelude::*;

use super::registration;
use super::OfflineState;
use crate::i18n::t;
use crate::state::queue::Queue;

/// Starts the offline machinery (service worker, launches, shares) and shows its state.
/// Mount once, inside the [`Queue`]'s context.
#[component]
pub fn OfflineBar() -> impl IntoView {
    let queue = expect_context::<Queue>();
    let state = OfflineState::new();
    provide_context(state);
    registration::start(state, queue);

    // A job that is queued or running would be lost by a reload, and the new version must
    // not take over while the engine works; reloading waits for them.
    let busy = move || queue.batch_running();
    let has_jobs = move || queue.jobs.with(|jobs| !jobs.is_empty());
    let status_text = move || {
        if state.offline_ready.get() {
            t("offline-ready")
        } else {
            String::new()
        }
    };

    view! {
        <div class="offline-bar">
            <p class="offline-status" role="status">{status_text}</p>
            <Show when=move || state.update_ready.get()>
                <div class="update-banner" role="region" aria-label=move || t("update")>
                    <p class="update-text">{move || t("update-ready")}</p>
                    <button
                        type="button"
                        class="button primary"
                        disabled=busy
                        aria-describedby="update-hint"
                        on:click=move |_| registration::apply_update(state)
                    >
                        {move || t("reload")}
                    </button>
                    <p id="update-hint" class="hint">
                        {move || {
                            if busy() {
                                t("update-busy")
                            } else if has_jobs() {
                                t("update-clears-queue")
                            } else {
                                t("update-reload")
                            }
                        }}
                    </p>
                </div>
            </Show>
        </div>
    }
}
