//! The **Notify me when the batch is done** box (see [`crate::platform::notify`]).

use leptos::prelude::*;

use crate::i18n::t;
use crate::platform::notify::{NotifyPref, Permission};

/// The box, disabled with a reason where notifications cannot be shown.
#[component]
pub fn NotifyToggle() -> impl IntoView {
    let pref = expect_context::<NotifyPref>();
    let blocked = move || {
        matches!(
            pref.permission.get(),
            Permission::Unsupported | Permission::Denied
        )
    };
    let why = move || match pref.permission.get() {
        Permission::Unsupported => t("notify-unsupported"),
        Permission::Denied => t("notify-denied"),
        _ => t("notify-background"),
    };
    view! {
        <div class="notify">
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || pref.enabled()
                    disabled=blocked
                    aria-describedby="notify-help"
                    on:change=move |ev| {
                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                        let on = input.checked();
                        leptos::task::spawn_local(async move {
                            // A refused permission must untick the box the user just ticked.
                            input.set_checked(pref.set(on).await);
                        });
                    }
                />
                {move || t("notify")}
            </label>
            <p id="notify-help" class="hint">{why}</p>
        </div>
    }
}
