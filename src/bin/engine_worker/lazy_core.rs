//! The FFmpeg core, loaded on first use and kept for the worker's life. A job the
//! browser's codecs do whole (probe, encode, mux) never loads it: importing and
//! instantiating the 32 MB core, and spawning the multi-threaded core's threads, is most
//! of a fast job's fixed cost.

use std::cell::{Cell, OnceCell};

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::core_api::FfmpegCore;
use crate::describe_js_error;
use crate::job::{IN_DIR, OUT_DIR};
use crate::outcome::Failure;
use crate::sink::LogSink;
use tamp::protocol::{CoreKind, JobId};

/// The core, once a job has needed it.
pub struct LazyCore {
    /// `() => Promise<factory>`: the bootstrap's dynamic import of the core's module.
    import: Function,
    /// URL of the folder holding the core's files.
    base: String,
    sink: LogSink,
    /// Which build of the core this worker loads, for the job's log.
    kind: CoreKind,
    core: OnceCell<FfmpegCore>,
    /// The last job whose log says FFmpeg ran: the line is written once per job that
    /// needs the core, and never for one the browser's codecs did whole.
    logged_for: Cell<Option<JobId>>,
}

impl LazyCore {
    pub fn new(import: Function, base: String, sink: LogSink, kind: CoreKind) -> Self {
        LazyCore {
            import,
            base,
            sink,
            kind,
            core: OnceCell::new(),
            logged_for: Cell::new(None),
        }
    }

    /// The core if it is loaded.
    pub fn get(&self) -> Option<&FfmpegCore> {
        self.core.get()
    }

    /// The core, loading it first if no job has needed it yet. Jobs never overlap in a
    /// worker, so two loads cannot race.
    pub async fn load(&self) -> Result<&FfmpegCore, Failure> {
        if let Some(core) = self.core.get() {
            self.log_engine(None);
            return Ok(core);
        }
        let started = js_sys::Date::now();
        let core = self.instantiate().await.map_err(|e| Failure {
            message: format!("FFmpeg could not be loaded: {}", describe_js_error(&e)),
            reason: None,
            engine_broken: true,
        })?;
        install_logger(&core, &self.sink);
        let fs = core.fs();
        fs.ensure_dir(IN_DIR);
        fs.ensure_dir(OUT_DIR);
        self.log_engine(Some(js_sys::Date::now() - started));
        Ok(self.core.get_or_init(|| core))
    }

    /// Writes "Engine: FFmpeg (…)" in the current job's log, once per job, with the load
    /// time when this job loaded the core: whether a job needed FFmpeg at all is worth
    /// knowing, and the page cannot tell (it only knows which worker ran the job).
    fn log_engine(&self, loaded_in_ms: Option<f64>) {
        let Some(id) = self.sink.job() else { return };
        if self.logged_for.get() == Some(id) {
            return;
        }
        self.logged_for.set(Some(id));
        let line = match loaded_in_ms {
            Some(ms) => format!("Engine: {}, loaded in {ms:.0} ms.", self.kind.describe()),
            None => format!("Engine: {}, already loaded.", self.kind.describe()),
        };
        web_sys::console::info_1(&line.clone().into());
        crate::size_fit::log_line(id, line);
    }

    async fn instantiate(&self) -> Result<FfmpegCore, JsValue> {
        let factory: Function =
            JsFuture::from(self.import.call0(&JsValue::NULL)?.dyn_into::<Promise>()?)
                .await?
                .dyn_into()?;
        // The core finds its wasm and pthread worker through `mainScriptUrlOrBlob`, whose hash
        // carries their URLs; without it, Emscripten would look next to *this* worker's script.
        let base = &self.base;
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
        let encoded = crate::scope().btoa(&String::from(json))?;
        let options = js_sys::Object::new();
        Reflect::set(
            &options,
            &"mainScriptUrlOrBlob".into(),
            &format!("{base}ffmpeg-core.js#{encoded}").into(),
        )?;
        let promise: Promise = factory.call1(&JsValue::NULL, &options)?.dyn_into()?;
        Ok(JsFuture::from(promise).await?.unchecked_into())
    }
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
