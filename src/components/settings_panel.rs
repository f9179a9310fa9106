//! The settings panel: target size with presets, output format, quality, the advanced
//! options folded under one disclosure, and **Convert**.

use leptos::prelude::*;

use crate::components::advanced_options::AdvancedOptions;
use crate::components::choice_field::ChoiceField;
use crate::i18n::format::{bytes, option_text};
use crate::i18n::{t, tr, A};
use crate::state::queue::Queue;
use crate::state::settings::{SettingsError, QUALITY_PRESETS};
use tamp_core::choices::{format_choices, format_label};
use tamp_core::media::MediaKind;
use tamp_core::presets::PRESETS;

/// Settings for jobs not yet started, and the **Convert** button.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let queue = expect_context::<Queue>();
    let settings = queue.settings;
    let has_target = move || !settings.target_mb.with(|t| t.trim().is_empty());
    let error = move || settings.target_error().map(|e| target_error_text(&e));
    // Only what the queued files can become (every kind's outputs while the queue is empty).
    let format_options = Memo::new(move |_| {
        let mut kinds: Vec<MediaKind> = queue.jobs.with(|jobs| {
            jobs.iter()
                .filter_map(|j| j.sniffed.with(|s| s.as_ref().map(|s| s.kind)))
                .collect()
        });
        if kinds.is_empty() {
            kinds = vec![MediaKind::Video, MediaKind::Audio, MediaKind::Image];
        }
        format_choices(&kinds)
    });

    view! {
        <form class="settings" on:submit=move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            queue.start_all();
        }>
            <div class="field">
                <label for="target-mb">{move || t("target-label")}</label>
                <input
                    id="target-mb"
                    type="number"
                    inputmode="decimal"
                    min="0.01"
                    step="any"
                    placeholder=move || t("target-placeholder")
                    aria-describedby="target-help"
                    prop:value=move || settings.target_mb.get()
                    on:input=move |ev| settings.target_mb.set(event_target_value(&ev))
                />
                <div class="presets" role="group" aria-label=move || t("presets")>
                    {PRESETS
                        .iter()
                        .map(|preset| {
                            let value = preset.target_text();
                            let format = preset.format;
                            let pressed = {
                                let value = value.clone();
                                move || {
                                    settings.target_mb.with(|t| t.trim() == value)
                                        && format.is_none_or(|f| settings.format.with(|s| s == f))
                                }
                            };
                            // Where the limit comes from, for a pointer's hover.
                            let title = move || {
                                let mut args = vec![
                                    ("source", A::from(preset.source)),
                                    ("checked", A::from(preset.checked)),
                                ];
                                match format {
                                    Some(f) => {
                                        args.push(("format", A::from(format_label(f).unwrap_or(f))));
                                        tr("preset-source-format", &args)
                                    }
                                    None => tr("preset-source", &args),
                                }
                            };
                            view! {
                                <button
                                    type="button"
                                    class="chip"
                                    title=title
                                    aria-pressed=move || pressed().to_string()
                                    on:click=move |_| {
                                        settings.target_mb.set(value.clone());
                                        if let Some(f) = format {
                                            settings.format.set(f.to_string());
                                        }
                                    }
                                >
                                    // The place and its limit, in the shown language's digits:
                                    // reactive, since a catalog other than English arrives
                                    // after the first render.
                                    {move || format!("{} {}", preset.label, bytes(preset.limit_bytes))}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <p id="target-help" class="help">{move || t("target-help")}</p>
            </div>
            <div class="field">
                <label for="output-format">{move || t("format-label")}</label>
                <select
                    id="output-format"
                    prop:value=move || settings.format.get()
                    on:change=move |ev| settings.format.set(event_target_value(&ev))
                >
                    {move || {
                        format_options
                            .get()
                            .into_iter()
                            .map(|(id, label)| {
                                let selected = settings.format.with_untracked(|f| f == id);
                                view! { <option value=id selected=selected>{move || option_text(label)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <ChoiceField
                id="quality"
                label="quality-label"
                value=settings.quality
                options=QUALITY_PRESETS.iter().map(|p| (p.id, p.label)).collect()
                help="quality-help"
                muted=Signal::derive(has_target)
            />
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || settings.remove_audio.get()
                    on:change=move |ev| settings.remove_audio.set(event_target_checked(&ev))
                />
                {move || t("remove-audio")}
            </label>
            <AdvancedOptions settings />
            <p class="settings-error" role="status">{error}</p>
            <div class="convert-bar">
                <button type="submit" class="button primary convert">{move || t("convert")}</button>
            </div>
        </form>
    }
}

/// A target-size mistake in the shown language (the format error cannot come from typing).
pub fn target_error_text(e: &SettingsError) -> String {
    match e {
        SettingsError::NotANumber => t("target-not-number"),
        SettingsError::TooSmall => t("target-too-small"),
        SettingsError::Trim(e) => trim_error_text(e),
        other => other.to_string(),
    }
}

/// A trim mistake in the shown language (one found only against a file is said by its job).
pub fn trim_error_text(e: &tamp_core::trim::TrimError) -> String {
    use tamp_core::trim::TrimError;
    match e {
        TrimError::NotATime { which, text } => {
            let id = if *which == "end" {
                "trim-end-not-a-time"
            } else {
                "trim-start-not-a-time"
            };
            tr(id, &[("text", A::from(text.as_str()))])
        }
        TrimError::EndNotAfterStart => t("trim-end-before-start"),
        other => other.to_string(),
    }
}
