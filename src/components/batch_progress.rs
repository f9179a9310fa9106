//! The batch's summary line above the queue: how many jobs are done, the share of the
//! expected work done, and the time left.

use leptos::prelude::*;

use crate::state::queue::Queue;

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
            let line = s.describe();
            view! {
                <div class="batch">
                    <progress
                        max="100"
                        value=s.percent()
                        aria-label="Batch progress"
                        aria-valuetext=line.clone()
                    >
                        {format!("{}%", s.percent())}
                    </progress>
                    <p class="batch-line">{line}</p>
                </div>
            }
        })
    }
}
