//! A labelled select bound to a settings signal, with a help line: the settings panel's
//! recurring shape, written once so every such control is labelled and described alike.

use leptos::prelude::*;

use crate::i18n::format::option_text;
use crate::i18n::t;

/// A `<select>` with its `<label>` and a help text tied to it by `aria-describedby`.
/// `label` and `help` are message ids; `options` are `(value, English label)` pairs, shown
/// translated where the catalog has the label (see [`option_text`]). `muted` dims the
/// field while it does not apply.
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
            <label for=id>{move || t(label)}</label>
            <select
                id=id
                aria-describedby=help_id.clone()
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        view! {
                            <option value=v selected=move || value.with(|c| c == v)>
                                {move || option_text(text)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p id=help_id class="help">{move || t(help)}</p>
        </div>
    }
}
