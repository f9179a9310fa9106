//! A job's own settings, behind an **Options for NAME** disclosure in its row: its output
//! format and target size, overriding the settings panel's until the job starts.

use leptos::prelude::*;
use tamp_core::formats::outputs_for;
use tamp_core::media::MediaKind;

use crate::i18n::format::option_text;
use crate::i18n::{t, tr, A};
use crate::state::job::Job;
use crate::state::settings::parse_target;

/// The disclosure and, once opened, its fields. The fields are only built when open, so
/// a long queue does not fill the page (and its accessibility tree) with hidden selects.
#[component]
pub fn JobOptions(job: Job, kind: MediaKind) -> impl IntoView {
    let open = RwSignal::new(false);
    let name = job.name.to_string();
    let summary = {
        let name = name.clone();
        move || tr("options-for", &[("name", A::from(name.as_str()))])
    };
    let overrides = job.overrides;
    let customised =
        move || overrides.format.with(Option::is_some) || overrides.target_mb.with(Option::is_some);
    view! {
        <details
            class="job-options"
            prop:open=move || open.get()
            on:toggle=move |ev| {
                open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            }
        >
            <summary>
                {summary}
                <Show when=customised>
                    <span class="badge">" "{move || t("own-settings")}</span>
                </Show>
            </summary>
            <Show when=move || open.get()>
                <Fields job=job.clone() kind name=name.clone() />
            </Show>
        </details>
    }
}

#[component]
fn Fields(job: Job, kind: MediaKind, name: String) -> impl IntoView {
    let overrides = job.overrides;
    let format_id = format!("job-{}-format", job.id);
    let target_id = format!("job-{}-target", job.id);
    let error_id = format!("job-{}-target-error", job.id);
    let formats: Vec<(&'static str, &'static str)> =
        outputs_for(kind).map(|f| (f.choice(), f.label)).collect();
    let error = move || {
        overrides
            .target_mb
            .with(|t| t.as_deref().and_then(|t| parse_target(t).err()))
            .map(|e| crate::components::settings_panel::target_error_text(&e))
    };
    view! {
        <div class="job-option-fields">
            <div class="field">
                <label for=format_id.clone()>
                    {move || t("format-label")}<span class="visually-hidden">" "{tr("for-file", &[("name", A::from(name.as_str()))])}</span>
                </label>
                <select
                    id=format_id
                    prop:value=move || overrides.format.get().unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        overrides.format.set((!v.is_empty()).then_some(v));
                    }
                >
                    <option value="">{move || t("as-in-settings")}</option>
                    {formats
                        .into_iter()
                        .map(|(id, label)| view! { <option value=id>{move || option_text(label)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=target_id.clone()>
                    {move || t("job-target-label")}<span class="visually-hidden">" "{tr("for-file", &[("name", A::from(name.as_str()))])}</span>" "{move || t("job-target-unit")}
                </label>
                <input
                    id=target_id
                    type="text"
                    inputmode="decimal"
                    placeholder=move || t("as-in-settings")
                    aria-describedby=error_id.clone()
                    prop:value=move || overrides.target_mb.get().unwrap_or_default()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        overrides.target_mb.set((!v.trim().is_empty()).then_some(v));
                    }
                />
                <p id=error_id class="settings-error" role="alert">{error}</p>
            </div>
        </div>
    }
}
