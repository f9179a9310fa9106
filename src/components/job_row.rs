//! One job in the queue: what the file is, where the job stands, and its buttons.

use leptos::prelude::*;
use tamp_core::media::MediaKind;

use crate::components::job_options::JobOptions;
use crate::components::preview::{BeforeAfterFacts, ResultViews};
use crate::engine::runner::now_ms;
use crate::i18n::format::{bytes, change, duration, number_with, percent};
use crate::i18n::{say, t, tr, A};
use crate::state::job::{Job, JobStatus};
use crate::state::queue::Queue;

/// A list item for one job.
#[component]
pub fn JobRow(job: Job) -> impl IntoView {
    let queue = expect_context::<Queue>();
    let id = job.id;
    let kind = move || {
        let id = job
            .sniffed
            .with(|s| s.as_ref().map(|s| s.kind.label()))
            .map_or("kind-detecting".to_owned(), |k| format!("kind-{k}"));
        t(&id)
    };
    let status = job.status;
    let job_kind = Memo::new({
        let job = job.clone();
        move |_| {
            job.sniffed.track();
            job.kind()
        }
    });
    let name = job.name.clone();
    let input_size = job.size;
    let waiting = job.waiting;
    // Its own format and target, while it has not started (and once its kind is known).
    let options = {
        let job = job.clone();
        move || {
            let kind = job_kind.get_untracked();
            (kind != MediaKind::Unknown).then(|| view! { <JobOptions job=job.clone() kind /> })
        }
    };

    // Re-render the body only when the phase changes, so progress updates do not rebuild
    // the buttons under the user's pointer or steal keyboard focus.
    let phase = Memo::new(move |_| status.with(JobStatus::name));
    let body = move || {
        match phase.get() {
        "detecting" | "ready" => view! {
            {options()}
            <div class="job-actions">
                <button type="button" class="button" on:click=move |_| queue.remove(id)>{move || t("remove")}</button>
            </div>
        }
        .into_any(),
        "queued" => view! {
            <p class="job-status">{move || waiting.get().map_or_else(|| t("waiting"), |w| say(&w.message()))}</p>
            {options()}
            <div class="job-actions">
                <button type="button" class="button" on:click=move |_| queue.cancel(id)>{move || t("cancel")}</button>
            </div>
        }
        .into_any(),
        "running" => view! {
            <Running status outlook=job.outlook />
            <div class="job-actions">
                <button type="button" class="button" on:click=move |_| queue.cancel(id)>{move || t("cancel")}</button>
            </div>
        }
        .into_any(),
        "done" => view! {
            <Finished job=job.clone() input_size />
            <div class="job-actions">
                <button type="button" class="button" on:click=move |_| queue.remove(id)>{move || t("remove")}</button>
            </div>
        }
        .into_any(),
        "failed" => {
            let (message, log_tail) = match status.get_untracked() {
                JobStatus::Failed { message, log_tail } => (message, log_tail),
                _ => (String::new(), Vec::new()),
            };
            // Retrying cannot help a file that is not media at all.
            let retryable = job_kind.get_untracked() != MediaKind::Unknown;
            let failure = job.failure;
            let message = move || failure.with(|r| r.as_ref().map(|r| say(&r.message()))).unwrap_or_else(|| message.clone());
            view! {
            <p class="job-error" role="alert">{message}</p>
            {(!log_tail.is_empty()).then(|| view! {
                <details class="log">
                    <summary>{move || t("details")}</summary>
                    <pre>{log_tail.join("\n")}</pre>
                </details>
            })}
            <div class="job-actions">
                {retryable.then(|| view! {
                    <button type="button" class="button" on:click=move |_| queue.retry(id)>{move || t("retry")}</button>
                })}
                <button type="button" class="button" on:click=move |_| queue.remove(id)>{move || t("remove")}</button>
            </div>
            }
            .into_any()
        }
        _ => view! {
            <p class="job-status">{move || t("cancelled")}</p>
            <div class="job-actions">
                <button type="button" class="button" on:click=move |_| queue.retry(id)>{move || t("retry")}</button>
                <button type="button" class="button" on:click=move |_| queue.remove(id)>{move || t("remove")}</button>
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <li class="job" data-status=move || phase.get()>
            <div class="job-head">
                <span class="job-name" title=name.to_string()>{name.to_string()}</span>
                <span class="job-size">{move || bytes(input_size)}</span>
                <span class="job-kind">{kind}</span>
            </div>
            {body}
        </li>
    }
}

/// Progress bar and live numbers of a running job.
#[component]
fn Running(
    status: RwSignal<JobStatus>,
    outlook: RwSignal<Option<tamp_core::plan::Outlook>>,
) -> impl IntoView {
    let run = move || status.with(|s| s.run().cloned()).unwrap_or_default();
    let percent_done = move || (run().fraction * 100.0).round();
    let line = move || {
        let run = run();
        let elapsed_s = ((now_ms() - run.started_ms) / 1000.0).max(0.0);
        let mut parts = vec![
            say(&run.step.message()),
            percent((run.fraction * 100.0).round()),
            tr("elapsed", &[("time", A::from(duration(elapsed_s)))]),
        ];
        if run.fraction > 0.02 {
            let eta = elapsed_s * (1.0 - run.fraction) / run.fraction;
            parts.push(tr("time-left", &[("time", A::from(duration(eta)))]));
        }
        if let Some(speed) = run.speed.filter(|s| s.is_finite() && *s > 0.0) {
            let digits = if speed >= 10.0 { 0 } else { 1 };
            parts.push(tr(
                "speed",
                &[("speed", A::from(number_with(speed, digits, true)))],
            ));
        }
        parts.join(" · ")
    };
    view! {
        <div class="running">
            <progress max="100" value=percent_done aria-label=move || t("progress")>{move || percent(percent_done())}</progress>
            <p class="job-status">{line}</p>
            {move || outlook.get().map(|o| view! {
                <p class="job-plan">{say(&o.message())}</p>
            })}
        </div>
    }
}

/// The result: download link, size and savings, and the job's log behind a toggle.
#[component]
fn Finished(job: Job, input_size: u64) -> impl IntoView {
    let status = job.status;
    let log = job.log;
    move || {
        status.with(|s| s.output().cloned()).map(|out| {
            view! {
                <div class="result">
                    <a
                        class="button primary"
                        href=out.url.clone()
                        download=out.name.clone()
                        on:click=move |_| job.downloaded.set_value(true)
                    >
                        {let name = out.name.clone(); move || tr("download", &[("name", A::from(name.as_str()))])}
                    </a>
                    <p class="job-status">
                        {move || tr("size-change", &[
                            ("before", A::from(bytes(input_size))),
                            ("after", A::from(bytes(out.size))),
                            ("change", A::from(change(input_size, out.size))),
                        ])}
                    </p>
                    {out.warnings.iter().map(|w| {
                        let w = w.clone();
                        view! { <p class="job-warning">{move || say(&w.message())}</p> }
                    }).collect_view()}
                    <BeforeAfterFacts job=job.clone() />
                    <ResultViews job=job.clone() out=out.clone() />
                    <details class="log">
                        <summary>{move || t("details")}</summary>
                        <pre>{move || log.get().join("\n")}</pre>
                    </details>
                </div>
            }
        })
    }
}
