//! The batch's summary line above the queue: how many jobs are done, the share of the
//! expected work done, and the time left.

use leptos::prelude::*;

use crate::i18n::format::{duration, percent};
use crate::i18n::{t, tr, A};
use crate::state::queue::Queue;
use tamp_core::batch::BatchSummary;

/// "Batch: 3 of 6 done · 45% · about 1:05 left", with a progress bar named
/// "Batch progress" whose value text is that line. Not a live region: the queue's log
/// already announces each job as it ends, and a line that changes every second would
/// drown it out.
#[component]
pub fn BatchProgress() -> impl IntoView {
    let queue = expect_context::<Queue>();
    let summary = Memo::new(move |_| queue.batch_summary());
    move || {
        summary.get().map(|s| {
            let line = describe(&s);
            view! {
                <div class="batch">
                    <progress
                        max="100"
                        value=s.percent()
                        aria-label=move || t("batch-progress")
                        aria-valuetext=line.clone()
                    >
                        {percent(f64::from(s.percent()))}
                    </progress>
                    <p class="batch-line">{line}</p>
                </div>
            }
        })
    }
}

/// [`BatchSummary::describe`] in the shown language.
pub fn describe(s: &BatchSummary) -> String {
    let mut line = tr(
        "batch-done",
        &[("ended", A::from(s.ended)), ("total", A::from(s.total))],
    );
    if s.stopped > 0 {
        line += " ";
        line += &tr("batch-stopped", &[("stopped", A::from(s.stopped))]);
    }
    line += &format!(" · {}", percent(f64::from(s.percent())));
    if let Some(eta) = s.eta_s {
        line += " · ";
        line += &tr("time-left", &[("time", A::from(duration(eta.ceil())))]);
    }
    line
}
