//! The top-level component: provides the queue and lays out the page.

use leptos::prelude::*;

use crate::components::add_files::AddFiles;
use crate::components::intake;
use crate::components::language_select::LanguageSelect;
use crate::components::page_effects;
use crate::components::queue_list::QueueList;
use crate::components::settings_panel::SettingsPanel;
use crate::i18n::t;
use crate::offline::OfflineBar;
use crate::state::persist::{load_settings, save_settings_on_change};
use crate::state::queue::Queue;

/// The whole app. The page is the drop zone: files and folders dropped anywhere are added,
/// and so are files pasted anywhere.
#[component]
pub fn App() -> impl IntoView {
    let locale = crate::i18n::install();
    let settings = load_settings();
    save_settings_on_change(settings);
    let queue = Queue::new(settings);
    provide_context(queue);
    page_effects::install(queue);
    provide_context(crate::platform::notify::install(queue));
    crate::platform::wake_lock::install(queue);
    crate::platform::disk::claim_and_sweep();
    let dragging = RwSignal::new(false);

    let on_drag_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let on_drag_leave = move |ev: web_sys::DragEvent| {
        // Leaving for a child element also fires dragleave; only the window edge counts.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(dt) = ev.data_transfer() {
            intake::add_dropped(queue, &dt);
        }
    };
    // Files pasted anywhere on the page join the queue; pasted text is left alone.
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        if intake::add_pasted(queue, ev.clipboard_data()) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || paste.remove());

    view! {
        <div
            class="app"
            class:dragging=move || dragging.get()
            on:dragover=on_drag_over
            on:dragleave=on_drag_leave
            on:drop=on_drop
        >
            <header class="masthead">
                <div class="masthead-row">
                    <h1>"Tamp"</h1>
                    <LanguageSelect locale />
                </div>
                <p class="promise">{move || t("promise")}</p>
                <OfflineBar />
            </header>
            <main class="layout">
                // Add, see the queue, choose, convert: on a phone the queue comes right after
                // the pickers, so an added file shows at once (the desktop grid puts it beside).
                <section class="panel intake" aria-labelledby="intake-title">
                    <h2 id="intake-title" class="visually-hidden">{move || t("files-heading")}</h2>
                    <AddFiles />
                </section>
                <QueueList />
                <section class="panel settings-panel" aria-labelledby="settings-title">
                    <h2 id="settings-title" class="visually-hidden">{move || t("settings-heading")}</h2>
                    <SettingsPanel />
                </section>
            </main>
            <div class="drop-overlay" aria-hidden="true">
                <p>{move || t("drop-overlay")}</p>
            </div>
        </div>
    }
}
