//! The FFmpeg engine worker: a wasm module of its own, started by `public/ffmpeg-worker.js`.
//!
//! It loads one FFmpeg core (kept for the worker's whole life: the multi-threaded core takes
//! over a second to spawn its threads) and runs the jobs the page sends, one at a time.
//! Video is encoded by the browser's own codecs (WebCodecs, through Mediabunny) where they
//! can do the job, and by FFmpeg otherwise or whenever that fails (`fast_path.rs`).
//! Cancelling a job is the page's business: it terminates this worker and starts another.

mod anim_target;
mod audio_target;
mod core_api;
mod fast_path;
mod ffmpeg_io;
mod job;
mod mediabunny_api;
mod opus_path;
mod outcome;
mod sink;
mod size_fit;
mod x264_target;

use js_sys::{Function, Promise, Reflect};
use tamp::protocol::{self, CoreKind, Event, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::core_api::FfmpegCore;
use crate::job::Engine;
use crate::sink::LogSink;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts an event to the page. A failure here means the page is gone; nothing to do.
pub(crate) fn post(event: &Event, blob: Option<&web_sys::Blob>) {
    if let Ok(envelope) = protocol::encode(event, blob) {
        let _ = scope().post_message(&envelope);
    }
}

/// Entry point called by the bootstrap with the core's factory, `"st"`/`"mt"`, and the URL
/// of the folder holding the core's files.
#[wasm_bindgen]
pub fn run_ffmpeg_worker(create_core: Function, kind: String, core_base_url: String) {
    console_error_panic_hook::set_once();
    let kind = if kind == "mt" {
        CoreKind::MultiThread
    } else {
        CoreKind::SingleThread
    };
    wasm_bindgen_futures::spawn_local(async move {
        match load_core(&create_core, &core_base_url).await {
            Ok(core) => {
                let sink = LogSink::default();
                install_logger(&core, &sink);
                let engine = Engine::new(core, sink, kind);
                install_handler(engine);
                post(&Event::Ready { core: kind }, None);
            }
            Err(e) => post(
                &Event::LoadFailed {
                    message: format!("FFmpeg could not be loaded: {}", describe_js_error(&e)),
                },
                None,
            ),
        }
    });
}

async fn load_core(create_core: &Function, base: &str) -> Result<FfmpegCore, JsValue> {
    // The core finds its wasm and pthread worker through `mainScriptUrlOrBlob`, whose hash
    // carries their URLs; without it, Emscripten would look next to *this* worker's script.
    let urls = js_sys::Object::new();
    Reflect::set(
        &urls,
        &"wasmURL".into(),
        &format!("{base}ffmpeg-core.wasm").into(),
    )?;
    Reflect::set(
        &urls,
        &"workerURL".into(),
        &format!("{base}ffmpeg-core.worker.js").into(),
    )?;
    let json = js_sys::JSON::stringify(&urls)?;
    let encoded = scope().btoa(&String::from(json))?;
    let options = js_sys::Object::new();
    Reflect::set(
        &options,
        &"mainScriptUrlOrBlob".into(),
        &format!("{base}ffmpeg-core.js#{encoded}").into(),
    )?;
    let promise: Promise = create_core.call1(&JsValue::NULL, &options)?.dyn_into()?;
    Ok(JsFuture::from(promise).await?.unchecked_into())
}

fn install_logger(core: &FfmpegCore, sink: &LogSink) {
    let sink = sink.clone();
    let logger = Closure::<dyn Fn(JsValue)>::new(move |record: JsValue| {
        let is_stdout = Reflect::get(&record, &"type".into())
            .ok()
            .and_then(|t| t.as_string())
            .is_some_and(|t| t == "stdout");
        let message = Reflect::get(&record, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        sink.on_record(is_stdout, &message);
    });
    core.set_logger(logger.as_ref().unchecked_ref());
    // The logger lives as long as the worker.
    logger.forget();
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
/// imported the FFmpeg core.
fn main() {}
