//! If the app panics, the page must not just freeze: show a banner with a **Reload**
//! button. Built with plain DOM calls because the reactive runtime may be what broke.

use wasm_bindgen::prelude::*;

/// Installs the panic hook (which also logs the panic to the console).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner();
    }));
}

fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(&format!("{} ", crate::i18n::t("crashed"))));
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some(&crate::i18n::t("reload")));
        let _ = button.set_attribute("type", "button");
        let reload = Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
        let _ = banner.append_child(&button);
    }
    let _ = body.prepend_with_node_1(&banner);
}
