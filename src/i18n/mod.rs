//! The page's side of translations: the current locale's Fluent catalog, the `t`/`tr`
//! lookups every component uses, and switching (remembered, applied to `<html lang dir>`).
//!
//! English is compiled in (it is also the fallback for a message a catalog lacks); the other
//! locales are fetched from `locales/*.ftl` when chosen (precached by the service worker like
//! every file of the build), so the app's own download grows only by the English text.
//! Decisions (which locale, plural rules, the check that every file is complete) are in
//! [`tamp_core::i18n`].

pub mod format;

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use tamp_core::i18n::{Arg, Catalog, Locale, Message};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub use tamp_core::i18n::Arg as A;

/// The reference catalog, in the app itself.
const ENGLISH: &str = include_str!("../../locales/en.ftl");
/// Where the user's own choice of language is kept (absent: follow the browser).
const SAVED_KEY: &str = "tamp.locale.v1";

thread_local! {
    static FALLBACK: Catalog = english();
    /// The chosen locale's catalog; `None` while it is English.
    static CURRENT: RefCell<Option<Catalog>> = const { RefCell::new(None) };
    /// The locale whose text is shown (read by the number formatter).
    static SHOWN: Cell<Locale> = const { Cell::new(Locale::En) };
    /// The reactive locale, once the app has installed it: every `t` call subscribes to it.
    static SIGNAL: Cell<Option<RwSignal<Locale>>> = const { Cell::new(None) };
}

fn english() -> Catalog {
    // The native test parses en.ftl, so this cannot fail in a build that passed it.
    let mut catalog = Catalog::parse(Locale::En, ENGLISH).expect("en.ftl parses");
    catalog.set_number_formatter(format::catalog_number);
    catalog.set_decimal_formatter(format::catalog_decimal);
    catalog.set_plural_rules(format::plural_category);
    catalog
}

/// The locale shown now (tracked in a reactive context once installed).
pub fn locale() -> Locale {
    match SIGNAL.get() {
        Some(s) => s.get(),
        None => SHOWN.get(),
    }
}

/// Message `id` in the shown language.
pub fn t(id: &str) -> String {
    tr(id, &[])
}

/// Message `id` with its arguments, in the shown language (English if the catalog lacks it;
/// the id itself if English does too, which the native test rules out for literal ids).
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    if let Some(s) = SIGNAL.get() {
        s.track();
    }
    let own = CURRENT.with(|c| c.try_borrow().ok()?.as_ref()?.format(id, args));
    own.or_else(|| FALLBACK.with(|f| f.format(id, args)))
        .unwrap_or_else(|| id.to_owned())
}

/// A sentence core made ([`Message`]: a job's step, why it waits, its plan) in the shown
/// language; in English when the catalog lacks it or a message it places.
pub fn say(message: &Message) -> String {
    if let Some(s) = SIGNAL.get() {
        s.track();
    }
    let own = CURRENT.with(|c| c.try_borrow().ok()?.as_ref()?.message(message));
    own.or_else(|| FALLBACK.with(|f| f.message(message)))
        .unwrap_or_else(|| message.id.to_owned())
}

/// Whether English has message `id` (for text that is translated only where it has one).
pub fn has(id: &str) -> bool {
    FALLBACK.with(|f| f.has(id))
}

/// Starts the locale: the saved choice, else the browser's languages; English meanwhile.
/// Keeps `<html lang>`, `dir` and the tab's base title in step. Call once, in the app.
pub fn install() -> RwSignal<Locale> {
    let signal = RwSignal::new(Locale::En);
    SIGNAL.set(Some(signal));
    Effect::new(move |_| {
        let l = signal.get();
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", l.tag());
            let _ = root.set_attribute("dir", l.dir());
        }
    });
    let wanted = saved()
        .unwrap_or_else(|| Locale::negotiate(browser_languages().iter().map(String::as_str)));
    if wanted != Locale::En {
        switch(wanted, false);
    }
    signal
}

/// Shows `locale` (fetching its catalog first); `remember` saves it as the user's choice.
pub fn switch(locale: Locale, remember: bool) {
    if remember {
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(SAVED_KEY, locale.tag());
        }
    }
    leptos::task::spawn_local(async move {
        let catalog = if locale == Locale::En {
            None
        } else {
            match load(locale).await {
                Ok(c) => Some(c),
                Err(e) => {
                    web_sys::console::warn_2(
                        &format!("Tamp: {} not loaded:", locale.file_name()).into(),
                        &e,
                    );
                    return;
                }
            }
        };
        CURRENT.with(|c| *c.borrow_mut() = catalog);
        SHOWN.set(locale);
        if let Some(s) = SIGNAL.get() {
            s.set(locale);
        }
    });
}

async fn load(locale: Locale) -> Result<Catalog, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let url = format!("locales/{}", locale.file_name());
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()).into());
    }
    let text = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    let mut catalog = Catalog::parse(locale, &text).map_err(|e| JsValue::from_str(&e))?;
    catalog.set_number_formatter(format::catalog_number);
    catalog.set_decimal_formatter(format::catalog_decimal);
    catalog.set_plural_rules(format::plural_category);
    Ok(catalog)
}

fn saved() -> Option<Locale> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Locale::from_tag(&storage.get_item(SAVED_KEY).ok()??)
}

fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
