//! A quality slider with a live size estimate for one finished image (WebP, JPEG, AVIF),
//! beside **Compare**: moving it re-encodes the picture at that quality, without a target,
//! in an image worker of its own, so the size shown is the real file's, not a guess. While
//! one encode runs the slider can move on; the newest position is encoded next, the ones in
//! between are skipped. The worker lives as long as the control and is terminated with it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use tamp_imaging::OutputFormat;

use crate::engine::job_events::output_name;
use crate::engine::worker_bridge::{EngineWorker, WorkerMsg};
use crate::i18n::{t, tr, A};
use crate::protocol::{CoreKind, Event, Goal, ImageGoal, JobId, JobSpec, Request};
use crate::state::job::Job;
use crate::state::queue::Queue;

// The control's words, in the shown language.
fn slider_label(name: &str) -> String {
    tr("estimate-slider", &[("name", A::from(name))])
}
fn estimate_line(quality: u8, bytes: u64) -> String {
    let size = A::from(crate::i18n::format::bytes(bytes));
    tr(
        "estimate-size",
        &[("quality", A::from(u32::from(quality))), ("size", size)],
    )
}
fn failed_line(message: &str) -> String {
    tr("estimate-failed", &[("message", A::from(message))])
}

/// What the control shows under the slider.
#[derive(Clone, PartialEq)]
enum Shown {
    Idle,
    Estimating,
    Size(u8, u64),
    Failed(String),
}

/// The slider and its estimate, for a finished image job with a lossy output; nothing else.
#[component]
pub fn QualityEstimate(job: Job) -> impl IntoView {
    let queue = expect_context::<Queue>();
    let Ok(Goal::Image(goal)) = queue.goal_for(&job) else {
        return ().into_any();
    };
    if !OutputFormat::from_id(&goal.format).is_some_and(OutputFormat::is_lossy) {
        return ().into_any();
    }
    let wanted = RwSignal::new(goal.quality);
    let shown = RwSignal::new(Shown::Idle);
    // Dropped with the control, which terminates its worker.
    let estimator = StoredValue::new_local(Rc::new(Estimator {
        // What the encodes need of the job, read now: the job may be removed (and its
        // signals freed) while an encode is under way.
        input_ext: job
            .sniffed
            .with_untracked(|s| s.as_ref().and_then(|s| s.format))
            .unwrap_or("unknown")
            .to_owned(),
        name: job.name.to_string(),
        id: job.id,
        file: job.file.get_value(),
        goal,
        worker: RefCell::new(None),
        running: Cell::new(false),
    }));
    let on_input = move |ev: leptos::ev::Event| {
        if let Ok(q) = event_target_value(&ev).parse::<u8>() {
            wanted.set(q.clamp(1, 100));
            let estimator = estimator.get_value();
            leptos::task::spawn_local(async move { estimator.run(wanted, shown).await });
        }
    };
    let line = move || match shown.get() {
        Shown::Idle => String::new(),
        Shown::Estimating => t("estimate-running"),
        Shown::Size(q, bytes) => estimate_line(q, bytes),
        Shown::Failed(message) => failed_line(&message),
    };
    let out_name = job
        .status
        .with_untracked(|s| s.output().map(|o| o.name.clone()));
    let label = slider_label(out_name.as_deref().unwrap_or(&job.name));
    view! {
        <div class="quality-estimate">
            <label>
                {label}
                " "
                <input type="range" min="1" max="100" step="1"
                    prop:value=move || wanted.get().to_string() on:input=on_input />
            </label>
            " "
            <output>{move || wanted.get()}</output>
            <p class="hint" role="status">{line}</p>
        </div>
    }
    .into_any()
}

/// The encodes behind the slider, one at a time.
struct Estimator {
    input_ext: String,
    name: String,
    id: JobId,
    file: web_sys::File,
    goal: ImageGoal,
    worker: RefCell<Option<EngineWorker>>,
    running: Cell<bool>,
}

impl Estimator {
    /// Encodes at the wanted quality until the last encode is of the newest one. A call
    /// while another runs returns at once: the running one picks the new position up.
    async fn run(&self, wanted: RwSignal<u8>, shown: RwSignal<Shown>) {
        if self.running.replace(true) {
            return;
        }
        // Gone with its control (the job was removed): nothing left to show.
        while let (Some(quality), Some(now)) =
            (wanted.try_get_untracked(), shown.try_get_untracked())
        {
            if matches!(now, Shown::Size(q, _) if q == quality) {
                break;
            }
            shown.set(Shown::Estimating);
            let result = self.encode(quality).await;
            if result.is_err() {
                // A crashed worker is replaced for the next estimate.
                self.worker.replace(None);
            }
            let failed = result.is_err();
            shown.set(match result {
                Ok(bytes) => Shown::Size(quality, bytes),
                Err(message) => Shown::Failed(message),
            });
            if failed && wanted.try_get_untracked() == Some(quality) {
                break;
            }
        }
        self.running.set(false);
    }

    /// The size of the job's picture encoded at `quality`, without a target.
    async fn encode(&self, quality: u8) -> Result<u64, String> {
        let mut slot = self.worker.take();
        if slot.is_none() {
            let mut worker =
                EngineWorker::spawn(CoreKind::Image).map_err(|_| ended(WorkerMsg::Stalled))?;
            loop {
                match worker.next_within(None).await {
                    WorkerMsg::Event(Event::Ready { .. }, _) => break,
                    WorkerMsg::Event(Event::LoadFailed { message }, _) => return Err(message),
                    WorkerMsg::Event(..) => {}
                    other => return Err(ended(other)),
                }
            }
            worker.mark_ready();
            slot = Some(worker);
        }
        let mut worker = slot.expect("spawned above");
        let goal = Goal::Image(ImageGoal {
            quality,
            target_bytes: None,
            ..self.goal.clone()
        });
        let spec = JobSpec {
            input_ext: self.input_ext.clone(),
            output_name: output_name(&self.name, &goal),
            goal,
            video: Default::default(),
            if_sound_only: None,
        };
        let request = Request::Start { id: self.id, spec };
        worker
            .send(&request, &self.file)
            .map_err(|_| ended(WorkerMsg::Stalled))?;
        let result = loop {
            match worker.next_within(None).await {
                WorkerMsg::Event(Event::Done { size, .. }, _) => break Ok(size),
                WorkerMsg::Event(Event::Failed { message, .. }, _) => break Err(message),
                WorkerMsg::Event(..) => {}
                other => break Err(ended(other)),
            }
        };
        self.worker.replace(Some(worker));
        result
    }
}

/// Why the worker gave no size (its crash message, else a plain word).
fn ended(msg: WorkerMsg) -> String {
    match msg {
        WorkerMsg::Crashed(message) => message,
        _ => "the image engine stopped".to_owned(),
    }
}
