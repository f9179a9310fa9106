//! Test hook: with `hold_jobs=1` in the page's query string, every job stops at a known
//! point — marked running, its worker started, nothing sent to the engine yet — until the
//! test releases it. The end-to-end tests use it to look at transient states (a running
//! job's progress bar, a job waiting beside a running one, the batch's time left, two jobs
//! running at once) without racing the machine: whatever its speed, the state holds until
//! the test says so. Without the parameter nothing here runs.
//!
//! With `hold_planned=1` as well, a job is held a second time once the engine has sent its
//! plan: the plan line is on the page, and the page reads none of the engine's later events
//! (they wait in the worker's queue; the engine goes on) until the test releases the job
//! again. Used to read a running job's plan line without racing the encode.
//!
//! The page gets two functions (set from Rust: the CSP allows no `eval`):
//! `tampHeld()` lists the names of the jobs held now, and `tampRelease(name?)` lets the one
//! named go on, or all of them without a name.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Held jobs: each hold's number, the job's file name and the function that resolves it.
    static HELD: RefCell<Vec<(u64, String, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    /// The next hold's number.
    static NEXT: RefCell<u64> = const { RefCell::new(0) };
    /// Whether `tampHeld` and `tampRelease` are on `window` yet.
    static INSTALLED: RefCell<bool> = const { RefCell::new(false) };
}

/// Whether the hook is on for this page.
pub fn enabled() -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    hold_requested(&search)
}

/// Whether jobs are held again once planned (`hold_planned=1`, beside `hold_jobs=1`).
pub fn planned_enabled() -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    hold_requested(&search) && has_pair(&search, "hold_planned=1")
}

/// Whether a query string asks for the hold (`hold_jobs=1`).
pub fn hold_requested(search: &str) -> bool {
    has_pair(search, "hold_jobs=1")
}

fn has_pair(search: &str, wanted: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == wanted)
}

/// A hold on the job called `name`: a future that resolves when the test releases it.
/// Dropped before that (the job was cancelled meanwhile), it is no longer listed as held.
pub struct Hold {
    number: u64,
    released: JsFuture,
}

/// Holds the job called `name` until the test releases it.
pub fn hold(name: &str) -> Hold {
    install();
    let number = NEXT.with(|n| n.replace_with(|n| *n + 1));
    let name = name.to_owned();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        HELD.with(|held| held.borrow_mut().push((number, name.clone(), resolve)));
    });
    Hold {
        number,
        released: JsFuture::from(promise),
    }
}

impl Future for Hold {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.released).poll(cx).map(|_| ())
    }
}

impl Drop for Hold {
    fn drop(&mut self) {
        HELD.with(|held| held.borrow_mut().retain(|(n, ..)| *n != self.number));
    }
}

/// Puts `tampHeld` and `tampRelease` on `window`, once.
fn install() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let list = Closure::<dyn Fn() -> js_sys::Array>::new(|| {
        HELD.with(|held| {
            held.borrow()
                .iter()
                .map(|(_, name, _)| JsValue::from_str(name))
                .collect()
        })
    });
    let release = Closure::<dyn Fn(JsValue)>::new(|which: JsValue| {
        let which = which.as_string();
        let released: Vec<js_sys::Function> = HELD.with(|held| {
            let mut held = held.borrow_mut();
            let (go, stay): (Vec<_>, Vec<_>) = held
                .drain(..)
                .partition(|(_, name, _)| which.as_ref().is_none_or(|w| w == name));
            *held = stay;
            go.into_iter().map(|(.., resolve)| resolve).collect()
        });
        for resolve in released {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = js_sys::Reflect::set(&window, &"tampHeld".into(), list.as_ref());
    let _ = js_sys::Reflect::set(&window, &"tampRelease".into(), release.as_ref());
    // They live as long as the page.
    list.forget();
    release.forget();
}

#[cfg(test)]
mod tests {
    use super::hold_requested;

    #[test]
    fn the_hold_is_asked_for_by_its_exact_parameter() {
        assert!(hold_requested("?hold_jobs=1"));
        assert!(hold_requested("?memory_budget_mb=150&hold_jobs=1"));
        assert!(!hold_requested(""));
        assert!(!hold_requested("?hold_jobs=0"));
        assert!(!hold_requested("?xhold_jobs=1"));
    }
}
