//! The image engine worker: a wasm module of its own, started by `public/image-worker.js`.
//!
//! Converts images with `tamp_imaging` (pure Rust), one job at a time; the page runs several
//! of these workers for parallelism and cancels a job by terminating its worker. Events
//! follow `tamp::protocol`: `Ready { core: "image" }` on start, then per job `Stage`/`Log`,
//! and `Done` with the output Blob in the envelope, or `Failed`.

mod codecs;
mod job;
mod picture;

use std::cell::Cell;

use tamp::protocol::{self, CoreKind, Event, JobId, Request};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Name of the worker-global property holding the running job's id, read by the bootstrap
/// if the wasm traps (out of memory) and no Rust code can run any more.
const JOB_GLOBAL: &str = "__tampImageJob";

thread_local! {
    /// The job being converted, if any: panics are reported against it.
    static CURRENT: Cell<Option<JobId>> = const { Cell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts an event to the page. A failure here means the page is gone; nothing to do.
pub(crate) fn post(event: &Event, blob: Option<&web_sys::Blob>) {
    if let Ok(envelope) = protocol::encode(event, blob) {
        let _ = scope().post_message(&envelope);
    }
}

/// Records (or clears) the running job, here and on the worker global for the bootstrap.
pub(crate) fn set_current(id: Option<JobId>) {
    CURRENT.with(|c| c.set(id));
    let value = id.map_or(JsValue::NULL, JsValue::from);
    let _ = js_sys::Reflect::set(&scope(), &JOB_GLOBAL.into(), &value);
}

/// Entry point called by the bootstrap once the module is instantiated.
#[wasm_bindgen]
pub fn run_image_worker() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // The release build aborts after this hook: tell the page now, or it would wait.
        if let Some(id) = CURRENT.with(Cell::take) {
            set_current(None);
            post(
                &Event::Failed {
                    id,
                    message: "The image engine crashed on this file. It will be restarted for \
                              the next one."
                        .into(),
                    reason: None,
                    log_tail: vec![info.to_string()],
                    engine_broken: true,
                },
                None,
            );
        }
    }));
    install_handler();
    post(
        &Event::Ready {
            core: CoreKind::Image,
        },
        None,
    );
}

fn install_handler() {
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
        match protocol::decode::<Request>(&msg.data()) {
            Ok((Request::Start { id, spec }, Some(input))) => {
                if let Some(running) = CURRENT.with(Cell::get) {
                    fail_now(
                        id,
                        format!("This image worker is still busy with job {running}."),
                    );
                    return;
                }
                set_current(Some(id));
                wasm_bindgen_futures::spawn_local(async move {
                    job::run(id, spec, input).await;
                    set_current(None);
                });
            }
            Ok((Request::Start { id, .. }, None)) => {
                fail_now(id, "No input file was sent to the image engine.".into())
            }
            Err(e) => web_sys::console::error_1(&format!("image worker: {e}").into()),
        }
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
}

fn fail_now(id: JobId, message: String) {
    post(
        &Event::Failed {
            id,
            message,
            reason: None,
            log_tail: vec![],
            engine_broken: false,
        },
        None,
    );
}

/// Nothing to do at instantiation: the bootstrap calls [`run_image_worker`].
fn main() {}
