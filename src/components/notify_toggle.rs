//! The **Notify me when the batch is done** box (see [`crate::platform::notify`]).

use leptos::prelude::*;

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
        Permission::Unsupported => "This browser cannot show notifications.",
        Permission::Denied => "Notifications are blocked for this site in the browser's settings.",
        _ => "Only when this tab is in the background.",
    };
    view! {
        <div class="notify">
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || pref.enabled()
                    disabled=blocked
                    aria-describedby="notify-help"
                    on:change=move |ev| pref.set(event_target_checked(&ev))
                />
                "Notify me when the batch is done"
            </label>
            <p id="notify-help" class="hint">{why}</p>
        </div>
    }
}
