//! Registering `sw.js`, following its updates, and talking to it.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MessageEvent, RegistrationOptions, ServiceWorker, ServiceWorkerContainer,
    ServiceWorkerRegistration, ServiceWorkerState, Window,
};

use super::{cross_origin_isolated, launch_queue, message, warn, OfflineState};
use crate::state::queue::Queue;

/// Whether the person has started using the page (typed, clicked, dropped): the isolation
/// reload must not throw away what they did, such as settings they changed.
static INTERACTED: AtomicBool = AtomicBool::new(false);

/// Set for the tab's lifetime once the page has reloaded itself to become cross-origin
/// isolated, so that a browser that never isolates it cannot make it reload forever.
const ISOLATION_RELOAD_KEY: &str = "tamp-isolation-reload";

/// Starts everything in the background; failures are logged, never fatal: without a service
/// worker the app still works online on the single-threaded core.
pub fn start(state: OfflineState, queue: Queue) {
    let Some(window) = web_sys::window() else {
        return;
    };
    launch_queue::consume_launches(&window, queue);
    watch_interaction(&window);
    // `navigator.serviceWorker` is missing in insecure contexts (plain http other than
    // localhost) and in some private modes.
    let has_sw =
        js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false);
    if !has_sw {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Err(err) = run(window, state, queue).await {
            warn("service worker", &err);
        }
    });
}

async fn run(window: Window, state: OfflineState, queue: Queue) -> Result<(), JsValue> {
    let container = window.navigator().service_worker();
    listen(&container, state, queue);

    let options = RegistrationOptions::new();
    options.set_scope("./");
    let registration: ServiceWorkerRegistration =
        JsFuture::from(container.register_with_options("./sw.js", &options))
            .await?
            .dyn_into()?;
    watch_updates(&registration, &container, state);
    check_for_updates_hourly(registration);
    ask_persistent_storage(&window);

    // Resolves once a version is active, i.e. fully precached (install waits for it).
    let ready: ServiceWorkerRegistration = JsFuture::from(container.ready()?).await?.dyn_into()?;
    if let Some(active) = ready.active() {
        active.post_message(&message("STATUS"))?;
    }
    if launch_queue::is_share_landing(&window) {
        launch_queue::request_shared(&window, &container);
    }
    reload_for_isolation(&window, queue);
    Ok(())
}

/// Messages from the service worker: its status, and files shared to the app.
fn listen(container: &ServiceWorkerContainer, state: OfflineState, queue: Queue) {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        let kind = js_sys::Reflect::get(&data, &"type".into())
            .ok()
            .and_then(|v| v.as_string());
        match kind.as_deref() {
            Some("STATUS") => {
                let ready = js_sys::Reflect::get(&data, &"offlineReady".into())
                    .map(|v| v.is_truthy())
                    .unwrap_or(false);
                state.offline_ready.set(ready);
            }
            Some("SHARED") => launch_queue::add_shared(&data, queue),
            _ => {}
        }
    });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The container lives as long as the page, and so must its handler.
    on_message.forget();

    // Only a user's **Reload** leads to a reload on a new controller: an automatic one
    // would throw away the queue and unfinished results.
    let on_controller_change = Closure::<dyn Fn()>::new(move || {
        if state.reload_requested.get_value() {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();
}

/// Shows the update banner when a new version has installed while this page is controlled
/// by an older one (on a first install there is nothing to update).
fn watch_updates(
    registration: &ServiceWorkerRegistration,
    container: &ServiceWorkerContainer,
    state: OfflineState,
) {
    if registration.waiting().is_some() && container.controller().is_some() {
        state.update_ready.set(true);
    }
    let reg = registration.clone();
    let container = container.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let container = container.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && container.controller().is_some() {
                state.update_ready.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // One handler per installed version; versions are rare, so this leak is bounded.
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Browsers look for a new `sw.js` on navigations only, and people keep this tab open for
/// long batches; look every hour too (a failed look, e.g. offline, is simply retried).
fn check_for_updates_hourly(registration: ServiceWorkerRegistration) {
    leptos::task::spawn_local(async move {
        loop {
            gloo_timers::future::TimeoutFuture::new(60 * 60 * 1000).await;
            if let Ok(promise) = registration.update() {
                let _ = JsFuture::from(promise).await;
            }
        }
    });
}

/// **Reload**: lets the waiting version take over, then reloads when it has.
pub fn apply_update(state: OfflineState) {
    state.reload_requested.set_value(true);
    leptos::task::spawn_local(async move {
        match waiting_worker().await {
            // The reload follows in `controllerchange`.
            Some(worker) => {
                if let Err(err) = worker.post_message(&super::message("SKIP_WAITING")) {
                    warn("activating the update", &err);
                    reload();
                }
            }
            // Another tab activated it already.
            None => reload(),
        }
    });
}

async fn waiting_worker() -> Option<ServiceWorker> {
    let container = web_sys::window()?.navigator().service_worker();
    let registration = JsFuture::from(container.get_registration()).await.ok()?;
    registration
        .dyn_into::<ServiceWorkerRegistration>()
        .ok()?
        .waiting()
}

/// Asks the browser not to evict the cache (the FFmpeg cores are 64 MB to download again).
fn ask_persistent_storage(window: &Window) {
    let Ok(promise) = window.navigator().storage().persist() else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Err(err) = JsFuture::from(promise).await {
            warn("persistent storage", &err);
        }
    });
}

/// The static host sends no COOP/COEP, so the first visit is not cross-origin isolated; once
/// a service worker (which adds them) is active, the reload's navigation goes through it and
/// the page comes back isolated, so the multi-threaded core can run. Skipped when the user
/// has added files already, and at most once per tab.
fn reload_for_isolation(window: &Window, queue: Queue) {
    if cross_origin_isolated() {
        return;
    }
    if INTERACTED.load(Ordering::Relaxed) || !queue.jobs.with_untracked(Vec::is_empty) {
        return;
    }
    let Ok(Some(session)) = window.session_storage() else {
        return;
    };
    if session
        .get_item(ISOLATION_RELOAD_KEY)
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    if session.set_item(ISOLATION_RELOAD_KEY, "1").is_ok() {
        reload();
    }
}

fn watch_interaction(window: &Window) {
    let on_use = Closure::<dyn Fn()>::new(|| INTERACTED.store(true, Ordering::Relaxed));
    for kind in ["pointerdown", "keydown", "input", "change", "drop"] {
        // Capture phase on the window: sees every interaction, whatever handles it.
        let _ = window.add_event_listener_with_callback_and_bool(
            kind,
            on_use.as_ref().unchecked_ref(),
            true,
        );
    }
    // Listens for the page's lifetime.
    on_use.forget();
}

fn reload() {
    if let Some(window) = web_sys::window() {
        if let Err(err) = window.location().reload() {
            warn("reload", &err);
        }
    }
}
