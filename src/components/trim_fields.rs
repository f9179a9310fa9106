//! **Trim start** and **Trim end**: keep only part of a video or audio file. Plain text
//! inputs with the ordinary keyboard (times like "1:05" are not numbers, and a decimal
//! keypad has no colon), checked as the user types; a mistake is
//! said in words under the fields and marks them invalid, and stops only video and audio
//! jobs.

use leptos::prelude::*;

use crate::components::settings_panel::trim_error_text;
use crate::i18n::t;
use crate::state::settings::Settings;

/// The two trim times, with their help line and error message.
#[component]
pub fn TrimFields(settings: Settings) -> impl IntoView {
    let error = move || settings.trim_error().map(|e| trim_error_text(&e));
    let invalid = move || settings.trim_error().is_some().to_string();
    let input = move |id: &'static str,
                      label: &'static str,
                      value: RwSignal<String>,
                      hint: &'static str| {
        view! {
            <div class="field">
                <label for=id>{move || t(label)}</label>
                <input
                    id=id
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=move || t(hint)
                    aria-describedby="trim-help trim-error"
                    aria-invalid=invalid
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <div class="field">
            <div class="pair">
                {input("trim-start", "trim-start", settings.trim_start, "trim-start-placeholder")}
                {input("trim-end", "trim-end", settings.trim_end, "trim-end-placeholder")}
            </div>
            <p id="trim-help" class="help">{move || t("trim-help")}</p>
            <p id="trim-error" class="settings-error" role="status">{error}</p>
        </div>
    }
}
