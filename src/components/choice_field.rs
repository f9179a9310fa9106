//! A labelled select bound to a settings signal, with a help line: the settings panel's
//! recurring shape, written once so every such control is labelled and described alike.

use leptos::prelude::*;

/// A `<select>` with its `<label>` and a help text tied to it by `aria-describedby`.
/// `options` are `(value, text)` pairs; `muted` dims the field while it does not apply.
#[component]
pub fn ChoiceField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    options: Vec<(&'static str, &'static str)>,
    help: &'static str,
    #[prop(into, optional)] muted: Signal<bool>,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    view! {
        <div class="field" class:muted=move || muted.get()>
            <label for=id>{label}</label>
            <select
                id=id
                aria-describedby=help_id.clone()
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(v, text)| view! { <option value=v>{text}</option> })
                    .collect_view()}
            </select>
            <p id=help_id class="help">{help}</p>
        </div>
    }
}
