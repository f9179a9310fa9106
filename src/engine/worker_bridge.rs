//! The page's side of an engine worker: spawn it, send requests, receive its events as a
//! stream. Dropping an [`EngineWorker`] terminates the worker, which frees all its memory.

use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::disk_paths::TAB_PARAM;
use crate::protocol::{self, CoreKind, Event, Request};

/// What arrives from a worker, plus what the page itself injects.
#[derive(Debug)]
pub enum WorkerMsg {
    /// An event from the engine, with the blob that came with it.
    Event(Event, Option<web_sys::Blob>),
    /// The worker died (script error, uncaught exception, out of memory).
    Crashed(String),
    /// The user cancelled; the worker has been terminated.
    Cancelled,
    /// Nothing arrived within the watchdog's time.
    Stalled,
}

/// A live engine worker.
pub struct EngineWorker {
    worker: Worker,
    tx: UnboundedSender<WorkerMsg>,
    rx: UnboundedReceiver<WorkerMsg>,
    core: CoreKind,
    ready: bool,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_message_error: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

/// Lets the queue stop a worker while a job's future owns it.
#[derive(Clone)]
pub struct CancelHandle {
    worker: Worker,
    tx: UnboundedSender<WorkerMsg>,
}

impl CancelHandle {
    /// Terminates the worker at once and tells the job's future.
    pub fn cancel(&self) {
        self.worker.terminate();
        let _ = self.tx.unbounded_send(WorkerMsg::Cancelled);
    }
}

impl EngineWorker {
    /// Starts a worker running the given engine (an FFmpeg core, or the image engine). It reports `Ready` when loaded.
    pub fn spawn(core: CoreKind) -> Result<Self, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let url = match core {
            CoreKind::Image => "./image-worker.js".to_owned(),
            _ => format!(
                "./ffmpeg-worker.js?core={}&{TAB_PARAM}={}{}",
                core.query_value(),
                crate::platform::disk::tab_id(),
                forwarded_hooks()
            ),
        };
        let worker = Worker::new_with_options(&url, &options)?;
        let (tx, rx) = unbounded();

        let events = tx.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
            let decoded = protocol::decode::<Event>(&msg.data());
            let item = match decoded {
                Ok((event, blob)) => WorkerMsg::Event(event, blob),
                Err(e) => WorkerMsg::Crashed(e.to_string()),
            };
            let _ = events.unbounded_send(item);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));

        let errors = tx.clone();
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |e: ErrorEvent| {
            e.prevent_default();
            let message = e.message();
            let message = if message.is_empty() {
                "the engine stopped unexpectedly".to_owned()
            } else {
                message
            };
            let _ = errors.unbounded_send(WorkerMsg::Crashed(message));
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

        // A message that cannot be deserialized arrives as `messageerror`, not `message`:
        // without this the job would wait for an event that never comes.
        let errors = tx.clone();
        let on_message_error = Closure::<dyn Fn(MessageEvent)>::new(move |_: MessageEvent| {
            let _ = errors.unbounded_send(WorkerMsg::Crashed(
                "a message from the engine could not be read".into(),
            ));
        });
        worker.set_onmessageerror(Some(on_message_error.as_ref().unchecked_ref()));

        Ok(EngineWorker {
            worker,
            tx,
            rx,
            core,
            ready: false,
            _on_message: on_message,
            _on_message_error: on_message_error,
            _on_error: on_error,
        })
    }

    /// Which core this worker runs.
    pub fn core(&self) -> CoreKind {
        self.core
    }

    /// Whether the engine has reported `Ready` (it ignores requests before that).
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// Records that `Ready` arrived.
    pub fn mark_ready(&mut self) {
        self.ready = true;
    }

    /// Whether the worker died while it sat idle between jobs, e.g. an error thrown after its
    /// last `Done`. Its crash report is still queued here and would otherwise be read by
    /// the next job as that job's own crash. Drains whatever arrived meanwhile.
    pub fn died_while_idle(&mut self) -> bool {
        let mut died = false;
        while let Ok(msg) = self.rx.try_recv() {
            died |= matches!(msg, WorkerMsg::Crashed(_));
        }
        died
    }

    /// A handle that can cancel this worker from elsewhere.
    pub fn cancel_handle(&self) -> CancelHandle {
        CancelHandle {
            worker: self.worker.clone(),
            tx: self.tx.clone(),
        }
    }

    /// Sends a request with its input file.
    pub fn send(&self, request: &Request, input: &web_sys::Blob) -> Result<(), JsValue> {
        let envelope = protocol::encode(request, Some(input))?;
        self.worker.post_message(&envelope)
    }

    /// The next message, or [`WorkerMsg::Stalled`] if `timeout_ms` passes without one. The
    /// stream cannot end while `self` holds a sender; if it did, that counts as a crash.
    pub async fn next_within(&mut self, timeout_ms: Option<u32>) -> WorkerMsg {
        use futures::future::{select, Either};
        use futures::StreamExt;
        let next = self.rx.next();
        let msg = match timeout_ms {
            None => next.await,
            Some(ms) => {
                let timer = gloo_timers::future::TimeoutFuture::new(ms);
                match select(next, timer).await {
                    Either::Left((msg, _)) => msg,
                    Either::Right(_) => return WorkerMsg::Stalled,
                }
            }
        };
        msg.unwrap_or_else(|| WorkerMsg::Crashed("the engine's message channel closed".into()))
    }
}

/// Test hooks in the page's URL that the engine worker reads from its own: with
/// `encoder_scaling=off` its check of the encoder's own scaling fails, so jobs resize on
/// Mediabunny's canvas (`src/bin/engine_worker/encoder_scaling.rs`); with `trial=off`
/// target-size jobs skip the trial encodes and keep the ladder's shape, for comparing the
/// two in one run; with `trial=always` they run one on any clip, however short
/// (`src/bin/engine_worker/trial.rs`).
const FORWARDED_HOOKS: [&str; 3] = ["encoder_scaling=off", "trial=off", "trial=always"];

fn forwarded_hooks() -> String {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let pairs: Vec<&str> = search.trim_start_matches('?').split('&').collect();
    let mut hooks: String = FORWARDED_HOOKS
        .iter()
        .filter(|hook| pairs.contains(hook))
        .map(|hook| format!("&{hook}"))
        .collect();
    // `free_space_mb=N`: the free space the engine believes the device has, to test the
    // refusal of a stream copy that would not fit (`disk_output.rs`).
    if let Some(pair) = pairs.iter().find(|p| p.starts_with("free_space_mb=")) {
        hooks.push('&');
        hooks.push_str(pair);
    }
    hooks
}

impl Drop for EngineWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
