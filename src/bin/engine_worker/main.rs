//! The FFmpeg engine worker: a wasm module of its own, started by `public/ffmpeg-worker.js`.
//!
//! It runs the jobs the page sends, one at a time. The FFmpeg core is loaded the first time
//! a job needs it and kept for the worker's whole life (the multi-threaded core takes over
//! a second to spawn its threads); a job the browser's codecs do whole never loads it.
//! Video is encoded by the browser's own codecs (WebCodecs, through Mediabunny) where they
//! can do the job, and by FFmpeg otherwise or whenever that fails (`fast_path.rs`).
//! Cancelling a job is the page's business: it terminates this worker and starts another.

mod anim_target;
mod audio_target;
mod core_api;
mod disk_output;
mod encoder_framerate;
mod encoder_scaling;
mod fast_path;
mod ffmpeg_io;
mod job;
mod lazy_core;
mod mediabunny_api;
mod mediabunny_probe;
mod opus_path;
mod outcome;
mod sink;
mod size_fit;
mod staging;
mod stream_copy;
mod trial;
mod unknown_input;
mod x264_target;

use js_sys::Function;
use tamp::protocol::{self, CoreKind, Event, Request};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::job::Engine;
use crate::lazy_core::LazyCore;
use crate::sink::LogSink;

pub(crate) fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// The value of `name=` in this worker's URL (hooks and the tab's folder, from the page).
pub(crate) fn url_param(name: &str) -> Option<String> {
    let search = js_sys::Reflect::get(&js_sys::global(), &"location".into())
        .and_then(|l| js_sys::Reflect::get(&l, &"search".into()))
        .ok()?
        .as_string()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .map(str::to_owned)
}

/// Posts an event to the page. A failure here means the page is gone; nothing to do.
pub(crate) fn post(event: &Event, blob: Option<&web_sys::Blob>) {
    if let Ok(envelope) = protocol::encode(event, blob) {
        let _ = scope().post_message(&envelope);
    }
}

/// Entry point called by the bootstrap with a function that imports the FFmpeg core's
/// module (called only when a job needs FFmpeg), `"st"`/`"mt"`, and the URL of the folder
/// holding the core's files. The worker is ready as soon as Mediabunny is: the browser's
/// codecs need nothing more.
#[wasm_bindgen]
pub fn run_ffmpeg_worker(import_core: Function, kind: String, core_base_url: String) {
    console_error_panic_hook::set_once();
    let kind = if kind == "mt" {
        CoreKind::MultiThread
    } else {
        CoreKind::SingleThread
    };
    if let Err(e) = encoder_scaling::install() {
        // Mediabunny's canvas still resizes; only slower.
        web_sys::console::warn_1(
            &format!("encoder scaling unavailable: {}", describe_js_error(&e)).into(),
        );
    }
    let sink = LogSink::default();
    let core = LazyCore::new(import_core, core_base_url, sink.clone(), kind);
    install_handler(Engine::new(core, sink, kind));
    post(&Event::Ready { core: kind }, None);
}

fn install_handler(engine: Engine) {
    let engine = std::rc::Rc::new(engine);
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
        match protocol::decode::<Request>(&msg.data()) {
            // The page sends the next job only after this one ended, so jobs never overlap.
            Ok((Request::Start { id, spec }, Some(input))) => {
                let engine = engine.clone();
                wasm_bindgen_futures::spawn_local(
                    async move { engine.run(id, &spec, &input).await },
                );
            }
            Ok((Request::Start { id, .. }, None)) => post(
                &Event::Failed {
                    id,
                    message: "No input file was sent to the engine.".into(),
                    reason: None,
                    log_tail: vec![],
                    engine_broken: false,
                },
                None,
            ),
            Err(e) => web_sys::console::error_1(&format!("engine worker: {e}").into()),
        }
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
}

/// Best-effort text of a JS exception.
pub(crate) fn describe_js_error(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Nothing to do at instantiation: the bootstrap calls [`run_ffmpeg_worker`] once it has
/// imported Mediabunny.
fn main() {}
