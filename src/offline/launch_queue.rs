//! Files that reach the app from the operating system: "Open with…" (the manifest's
//! `file_handlers`, delivered through `window.launchQueue`) and the share target (the
//! service worker receives the POST, keeps the files until this page takes them).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, Window};

use super::{message, warn};
use crate::state::queue::Queue;

/// Adds the files of every launch to the queue. `launchQueue` is not in web-sys (and only
/// Chromium has it), so it is reached by property; without it there is nothing to do.
pub fn consume_launches(window: &Window, queue: Queue) {
    let Ok(launch_queue) = js_sys::Reflect::get(window, &"launchQueue".into()) else {
        return;
    };
    if launch_queue.is_undefined() || launch_queue.is_null() {
        return;
    }
    let Ok(set_consumer) = js_sys::Reflect::get(&launch_queue, &"setConsumer".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    let consumer = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        leptos::task::spawn_local(async move {
            match launched_files(&params).await {
                Ok(files) if !files.is_empty() => queue.add_files(files),
                Ok(_) => {}
                Err(err) => warn("opening launched files", &err),
            }
        });
    });
    if let Err(err) = set_consumer.call1(&launch_queue, consumer.as_ref().unchecked_ref()) {
        warn("launchQueue.setConsumer", &err);
    }
    // The consumer is called for every launch while the page lives.
    consumer.forget();
}

/// The `File`s of a `LaunchParams`: its `files` are `FileSystemFileHandle`s.
async fn launched_files(params: &JsValue) -> Result<Vec<web_sys::File>, JsValue> {
    let handles: js_sys::Array = js_sys::Reflect::get(params, &"files".into())?
        .dyn_into()
        .unwrap_or_default();
    let mut files = Vec::new();
    for handle in handles.iter() {
        let get_file: js_sys::Function =
            js_sys::Reflect::get(&handle, &"getFile".into())?.dyn_into()?;
        let promise: js_sys::Promise = get_file.call0(&handle)?.dyn_into()?;
        if let Ok(file) = JsFuture::from(promise).await?.dyn_into::<web_sys::File>() {
            files.push(file);
        }
    }
    Ok(files)
}

/// Whether this page is where the share target redirected to (`?shared=1`).
pub fn is_share_landing(window: &Window) -> bool {
    window
        .location()
        .search()
        .map(|s| {
            s.trim_start_matches('?')
                .split('&')
                .any(|p| p == "shared=1")
        })
        .unwrap_or(false)
}

/// Asks the service worker for the shared files (they arrive as a `SHARED` message), and
/// drops `?shared=1` from the address so a later reload does not ask again.
pub fn request_shared(window: &Window, container: &ServiceWorkerContainer) {
    match container.controller() {
        Some(controller) => {
            if let Err(err) = controller.post_message(&message("GET_SHARED")) {
                warn("asking for shared files", &err);
            }
        }
        None => warn(
            "shared files",
            &"the page is not controlled by the service worker".into(),
        ),
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("./"));
    }
}

/// Adds the files of a `SHARED` message to the queue.
pub fn add_shared(data: &JsValue, queue: Queue) {
    let files: Vec<web_sys::File> = js_sys::Reflect::get(data, &"files".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Array>().ok())
        .map(|list| list.iter().filter_map(|f| f.dyn_into().ok()).collect())
        .unwrap_or_default();
    if !files.is_empty() {
        queue.add_files(files);
    }
}
