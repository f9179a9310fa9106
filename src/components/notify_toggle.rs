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
                    on:change=move |ev| {
                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                        let on = input.checked();
                        leptos::task::spawn_local(async move {
                            // A refused permission must untick the box the user just ticked.
                            input.set_checked(pref.set(on).await);
                        });
                    }
                />
                "Notify me when the batch is done"
            </label>
            <p id="notify-help" class="hint">{why}</p>
        </div>
    }
}
