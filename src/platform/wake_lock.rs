//! A screen wake lock while a batch runs, so a phone does not sleep (and throttle the tab)
//! in the middle of a long encode. Released when the queue goes idle; the browser drops it
//! whenever the tab is hidden, so it is asked for again when the tab is shown while the
//! batch still runs. Where the Screen Wake Lock API is missing or refuses, nothing happens.
//!
//! web-sys has the API only behind `web_sys_unstable_apis`; a few `Reflect` calls on
//! `navigator.wakeLock` avoid a build flag for the whole crate.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::platform::batch_active;
use crate::state::queue::Queue;

#[derive(Default)]
struct LockState {
    /// The batch runs, so the screen should stay on.
    wanted: bool,
    /// A request is on its way; its answer decides what happens.
    pending: bool,
    /// The `WakeLockSentinel` the browser gave, while held.
    sentinel: Option<JsValue>,
}

type Shared = Rc<RefCell<LockState>>;

/// Holds a wake lock whenever `queue` has work under way.
pub fn install(queue: Queue) {
    let state: Shared = Rc::default();
    let active = batch_active(queue);
    let s = state.clone();
    // Syncs the browser's lock with the queue: an effect is for exactly that.
    Effect::new(move |_| {
        let want = active.get();
        let was = std::mem::replace(&mut s.borrow_mut().wanted, want);
        match (was, want) {
            (false, true) => request(&s),
            (true, false) => release(&s),
            _ => {}
        }
    });
    let s = state;
    let on_visible = Closure::<dyn Fn()>::new(move || {
        let stale = {
            let st = s.borrow();
            st.wanted && !st.pending && st.sentinel.as_ref().is_none_or(released)
        };
        if stale && !crate::platform::page_hidden() {
            request(&s);
        }
    });
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        let _ = d.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    // Lives as long as the page.
    on_visible.forget();
}

/// `navigator.wakeLock.request("screen")`, or `None` where there is no such API.
fn ask_browser() -> Option<Promise> {
    let navigator = web_sys::window()?.navigator();
    let wake_lock = Reflect::get(&navigator, &"wakeLock".into()).ok()?;
    if wake_lock.is_undefined() || wake_lock.is_null() {
        return None;
    }
    let request: Function = Reflect::get(&wake_lock, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    request
        .call1(&wake_lock, &"screen".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn request(state: &Shared) {
    let Some(promise) = ask_browser() else {
        return;
    };
    state.borrow_mut().pending = true;
    let state = state.clone();
    leptos::task::spawn_local(async move {
        // Refused (hidden tab, battery saver, permissions policy): carry on without it.
        let sentinel = JsFuture::from(promise).await.ok();
        let mut st = state.borrow_mut();
        st.pending = false;
        if let Some(sentinel) = sentinel {
            if st.wanted {
                st.sentinel = Some(sentinel);
            } else {
                // The batch ended while the request was on its way.
                call_release(&sentinel);
            }
        }
    });
}

fn release(state: &Shared) {
    if let Some(sentinel) = state.borrow_mut().sentinel.take() {
        call_release(&sentinel);
    }
}

fn call_release(sentinel: &JsValue) {
    if let Some(f) = Reflect::get(sentinel, &"release".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        // Returns a promise; a lock already dropped by the browser resolves all the same.
        let _ = f.call0(sentinel);
    }
}

/// Whether the browser has already dropped this lock (the tab was hidden).
fn released(sentinel: &JsValue) -> bool {
    Reflect::get(sentinel, &"released".into()).is_ok_and(|v| v.is_truthy())
}
