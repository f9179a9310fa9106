//! "Notify me when the batch is done": a system notification when the last job of a batch
//! ends while the tab is hidden, if the user ticked the box and the browser allows it.
//! The choice is kept across visits like the settings; the permission is the browser's.

use std::collections::HashSet;

use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{t, tr, A};
use crate::platform::{batch_active, page_hidden};
use crate::protocol::JobId;
use crate::state::job::JobStatus;
use crate::state::persist::{load_flag, save_flag};
use crate::state::queue::Queue;

const PREF_KEY: &str = "tamp.notify.v1";

/// What the browser says about notifications for this site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// No Notification API here (or not in this context).
    Unsupported,
    /// Not asked yet.
    Ask,
    Granted,
    Denied,
}

/// The user's choice and the browser's permission, shared through context. Copy.
#[derive(Clone, Copy)]
pub struct NotifyPref {
    /// The box is ticked (kept across visits).
    pub wanted: RwSignal<bool>,
    /// The browser's answer, refreshed when the user ticks the box.
    pub permission: RwSignal<Permission>,
}

impl NotifyPref {
    /// Whether a notification would be shown.
    pub fn enabled(&self) -> bool {
        self.wanted.get() && self.permission.get() == Permission::Granted
    }

    /// Ticks or unticks the box; ticking asks the browser for permission first if needed.
    /// Resolves to whether notifications are now on (the box shows that, whatever was clicked).
    pub async fn set(self, on: bool) -> bool {
        if on && current_permission() == Permission::Ask {
            // The browser's own prompt; dismissing it leaves the permission at "default".
            if let Ok(promise) = web_sys::Notification::request_permission() {
                let _ = JsFuture::from(promise).await;
            }
        }
        let permission = current_permission();
        self.permission.set(permission);
        let enabled = on && permission == Permission::Granted;
        self.wanted.set(enabled);
        enabled
    }
}

/// The browser's current answer, without asking.
pub fn current_permission() -> Permission {
    let has_api =
        Reflect::get(&js_sys::global(), &"Notification".into()).is_ok_and(|n| n.is_function());
    if !has_api {
        return Permission::Unsupported;
    }
    match web_sys::Notification::permission() {
        web_sys::NotificationPermission::Granted => Permission::Granted,
        web_sys::NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Ask,
    }
}

/// The title and body for a batch that ended with `ready` outputs and `failed` failures.
pub fn batch_message(ready: &[String], failed: usize) -> (String, String) {
    let title = match ready.len() {
        0 => t("notify-title-finished"),
        n => tr("notify-title-ready", &[("count", A::from(n))]),
    };
    let mut body = ready.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    if ready.len() > 3 {
        body = tr(
            "notify-more",
            &[
                ("names", A::from(body)),
                ("count", A::from(ready.len() - 3)),
            ],
        );
    }
    if failed > 0 {
        if !body.is_empty() {
            body.push_str(". ");
        }
        body.push_str(&tr("notify-failed", &[("count", A::from(failed))]));
    }
    (title, body)
}

/// Loads the choice, keeps it saved, and notifies when a batch ends in a hidden tab.
pub fn install(queue: Queue) -> NotifyPref {
    let pref = NotifyPref {
        wanted: RwSignal::new(load_flag(PREF_KEY)),
        permission: RwSignal::new(current_permission()),
    };
    Effect::new(move |_| save_flag(PREF_KEY, pref.wanted.get()));

    let active = batch_active(queue);
    // Jobs that had already ended when the batch started: not counted as its results.
    let ended_before: StoredValue<HashSet<JobId>> = StoredValue::new(HashSet::new());
    Effect::new(move |was: Option<bool>| {
        let now = active.get();
        if now && was != Some(true) {
            ended_before.set_value(queue.jobs.with_untracked(|jobs| {
                jobs.iter()
                    .filter(|j| j.status.with_untracked(JobStatus::is_finished))
                    .map(|j| j.id)
                    .collect()
            }));
        } else if !now && was == Some(true) {
            batch_ended(queue, pref, &ended_before.get_value());
        }
        now
    });
    pref
}

fn batch_ended(queue: Queue, pref: NotifyPref, ended_before: &HashSet<JobId>) {
    if !pref.wanted.get_untracked() || current_permission() != Permission::Granted || !page_hidden()
    {
        return;
    }
    let (ready, failed) = queue.jobs.with_untracked(|jobs| {
        let mut ready = Vec::new();
        let mut failed = 0;
        for job in jobs.iter().filter(|j| !ended_before.contains(&j.id)) {
            match job.status.get_untracked() {
                JobStatus::Done(output) => ready.push(output.name),
                JobStatus::Failed { .. } => failed += 1,
                _ => {}
            }
        }
        (ready, failed)
    });
    if ready.is_empty() && failed == 0 {
        return; // everything was cancelled by the user, who knows already
    }
    let (title, body) = batch_message(&ready, failed);
    let options = web_sys::NotificationOptions::new();
    options.set_body(&body);
    if let Ok(n) = web_sys::Notification::new_with_options(&title, &options) {
        // Clicking it brings the tab back.
        let focus = Closure::once_into_js(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.focus();
            }
        });
        n.set_onclick(Some(focus.unchecked_ref()));
    }
}

#[cfg(test)]
mod tests {
    use super::batch_message;

    #[test]
    fn the_message_counts_and_names_the_results() {
        let names = |n: usize| (0..n).map(|i| format!("f{i}.webp")).collect::<Vec<_>>();
        assert_eq!(
            batch_message(&names(5), 1),
            (
                "Tamp: 5 files ready".to_owned(),
                "f0.webp, f1.webp, f2.webp and 2 more. 1 file failed.".to_owned()
            )
        );
        assert_eq!(
            batch_message(&names(1), 0),
            ("Tamp: 1 file ready".to_owned(), "f0.webp".to_owned())
        );
        assert_eq!(
            batch_message(&[], 2),
            (
                "Tamp: the batch has finished".to_owned(),
                "2 files failed.".to_owned()
            )
        );
    }
}
