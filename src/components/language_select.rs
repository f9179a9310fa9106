//! The **Language** select: every locale by its own name; a choice is remembered.

use leptos::prelude::*;
use tamp_core::i18n::Locale;

use crate::i18n::{self, t};

/// A labelled select of the languages Tamp speaks, showing the current one.
#[component]
pub fn LanguageSelect(locale: RwSignal<Locale>) -> impl IntoView {
    view! {
        <div class="language">
            <label for="language">{move || t("language")}</label>
            <select
                id="language"
                prop:value=move || locale.get().tag()
                on:change=move |ev| {
                    if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                        i18n::switch(l, true);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.tag() lang=l.tag()>{l.native_name()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
