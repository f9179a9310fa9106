//! **Trim start** and **Trim end**: keep only part of a video or audio file. Plain text
//! inputs with the ordinary keyboard (times like "1:05" are not numbers, and a decimal
//! keypad has no colon), checked as the user types; a mistake is
//! said in words under the fields and marks them invalid, and stops only video and audio
//! jobs.

use leptos::prelude::*;

use crate::state::settings::Settings;

/// The two trim times, with their help line and error message.
#[component]
pub fn TrimFields(settings: Settings) -> impl IntoView {
    let error = move || settings.trim_error().map(|e| e.to_string());
    let invalid = move || settings.trim_error().is_some().to_string();
    let input = move |id: &'static str, label: &'static str, value: RwSignal<String>, hint| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=hint
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
                {input("trim-start", "Trim start", settings.trim_start, "start")}
                {input("trim-end", "Trim end", settings.trim_end, "end")}
            </div>
            <p id="trim-help" class="help">
                "Videos and audio: keep only this part, as 1:05, 65 or 1:02:03.5. Cuts are exact (the part is re-encoded, never cut at the nearest keyframe). Empty keeps the whole file."
            </p>
            <p id="trim-error" class="settings-error" role="status">{error}</p>
        </div>
    }
}
