//! **Advanced options**: one disclosure for the settings most files never need (picture
//! size, frame rate, trim, codec, encoder, metadata), whose summary names every choice that
//! is not the default, so nothing folded away changes a result unseen. Open or closed is
//! remembered.

use leptos::prelude::*;

use crate::components::choice_field::ChoiceField;
use crate::components::trim_fields::TrimFields;
use crate::i18n::format::option_text;
use crate::i18n::{t, tr, A};
use crate::protocol::{EncoderChoice, VideoCodecChoice};
use crate::state::settings::{Settings, MAX_FPS, MAX_HEIGHTS, MAX_WIDTHS};

const OPEN_KEY: &str = "tamp.advanced-open.v1";

/// The disclosure and its fields.
#[component]
pub fn AdvancedOptions(settings: Settings) -> impl IntoView {
    let open = RwSignal::new(stored_open());
    view! {
        <details
            class="advanced"
            prop:open=move || open.get()
            on:toggle=move |ev| {
                let now = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                if now != open.get_untracked() {
                    open.set(now);
                    store_open(now);
                }
            }
        >
            <summary>
                <span class="advanced-title">{move || t("advanced")}</span>
                " "
                <span class="advanced-summary">{move || summary(settings)}</span>
            </summary>
            <ChoiceField
                id="max-height"
                label="max-height-label"
                value=settings.max_height
                options=MAX_HEIGHTS.to_vec()
                help="max-height-help"
            />
            <ChoiceField
                id="max-width"
                label="max-width-label"
                value=settings.max_width
                options=MAX_WIDTHS.to_vec()
                help="max-width-help"
            />
            <ChoiceField
                id="max-fps"
                label="max-fps-label"
                value=settings.max_fps
                options=MAX_FPS.to_vec()
                help="max-fps-help"
            />
            <TrimFields settings=settings />
            <ChoiceField
                id="video-codec"
                label="codec-label"
                value=settings.codec
                options=VideoCodecChoice::ALL.iter().map(|c| (c.id(), c.label())).collect()
                help="codec-help"
            />
            <ChoiceField
                id="encoder"
                label="encoder-label"
                value=settings.encoder
                options=EncoderChoice::ALL.iter().map(|c| (c.id(), c.label())).collect()
                help="encoder-help"
            />
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || settings.keep_metadata.get()
                    on:change=move |ev| settings.keep_metadata.set(event_target_checked(&ev))
                />
                {move || t("keep-metadata")}
            </label>
        </details>
    }
}

/// "Max height: 720p · AV1 (smaller, recent players)", or "all at their defaults".
fn summary(settings: Settings) -> String {
    let mut parts = Vec::new();
    let choice = |label: &str, value: &RwSignal<String>, options: &[(&str, &'static str)]| {
        let v = value.get();
        options
            .iter()
            .find(|(o, _)| *o == v && !v.is_empty())
            .map(|(_, text)| format!("{}: {}", t(label), option_text(text)))
    };
    parts.extend(choice(
        "max-height-label",
        &settings.max_height,
        MAX_HEIGHTS,
    ));
    parts.extend(choice("max-width-label", &settings.max_width, MAX_WIDTHS));
    parts.extend(choice("max-fps-label", &settings.max_fps, MAX_FPS));
    let (start, end) = (settings.trim_start.get(), settings.trim_end.get());
    if !start.trim().is_empty() || !end.trim().is_empty() {
        let or = |v: String, id| {
            if v.trim().is_empty() {
                t(id)
            } else {
                v.trim().to_owned()
            }
        };
        parts.push(tr(
            "trim-short",
            &[
                ("start", A::from(or(start, "trim-start-placeholder"))),
                ("end", A::from(or(end, "trim-end-placeholder"))),
            ],
        ));
    }
    let codec = settings.codec.with(|c| VideoCodecChoice::from_id(c));
    if let Some(c) = codec.filter(|c| *c != VideoCodecChoice::default()) {
        parts.push(option_text(c.label()));
    }
    let encoder = settings.encoder.with(|e| EncoderChoice::from_id(e));
    if let Some(e) = encoder.filter(|e| *e != EncoderChoice::default()) {
        parts.push(option_text(e.label()));
    }
    if settings.keep_metadata.get() {
        parts.push(t("keep-metadata-short"));
    }
    if parts.is_empty() {
        format!("({})", t("advanced-defaults"))
    } else {
        format!("({})", parts.join(" · "))
    }
}

fn stored_open() -> bool {
    storage()
        .and_then(|s| s.get_item(OPEN_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

fn store_open(open: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(OPEN_KEY, if open { "1" } else { "0" });
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
