//! Offline support and installability, the page's side: registering the service worker
//! (`sw.js`, the only place with JavaScript), the one-time reload into a cross-origin
//! isolated document, update prompts, the offline-ready indicator, and files that reach the
//! app from the operating system ("Open with…" through `launchQueue`, and the share target).

pub mod launch_queue;
pub mod registration;
pub mod update_banner;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use update_banner::OfflineBar;

/// What the page knows about its service worker, shared by the registration code and the
/// banner. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct OfflineState {
    /// Every file of this version is cached: the app works without a network.
    pub offline_ready: RwSignal<bool>,
    /// A new version is installed and waiting for the user's **Reload**.
    pub update_ready: RwSignal<bool>,
    /// The user asked for the new version: reload when it takes control.
    pub(crate) reload_requested: StoredValue<bool>,
}

impl OfflineState {
    /// Nothing known yet.
    pub fn new() -> Self {
        OfflineState {
            offline_ready: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            reload_requested: StoredValue::new(false),
        }
    }
}

impl Default for OfflineState {
    fn default() -> Self {
        Self::new()
    }
}

/// A `{ type: "…" }` message for the service worker.
pub(crate) fn message(kind: &str) -> JsValue {
    let msg = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    msg.into()
}

/// Whether the page is cross-origin isolated (`crossOriginIsolated` is not in web-sys' stable
/// API, so it is read as a property of the global object).
pub fn cross_origin_isolated() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into())
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

/// Logs a failure of the offline machinery: the app works without it, so it is never fatal.
pub(crate) fn warn(what: &str, err: &JsValue) {
    web_sys::console::warn_2(&format!("Tamp offline support: {what}:").into(), err);
}
