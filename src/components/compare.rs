//! A split view of the original against the converted picture or video, after Squoosh:
//! both stacked in one place, the converted one clipped to the right of a divider that the
//! user drags (or moves with the arrow keys: the divider is an `<input type=range>`).
//!
//! For video, the converted one drives and the original (muted) follows: play, pause and
//! seeks are mirrored, and drift beyond [`MAX_DRIFT_S`] is corrected.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{locale, t, tr, A};

/// How far the two videos may drift apart before the original is moved to match.
const MAX_DRIFT_S: f64 = 0.1;

/// The split view. `original` is the user's file (an object URL is made for it here, while
/// the view is open, and revoked when it closes or the job goes); `url` is the output's.
#[component]
pub fn Compare(original: web_sys::File, url: String, name: String, moving: bool) -> impl IntoView {
    // The original's URL lives exactly as long as this view.
    let original_url = web_sys::Url::create_object_url_with_blob(&original).ok();
    if let Some(u) = original_url.clone() {
        on_cleanup(move || {
            let _ = web_sys::Url::revoke_object_url(&u);
        });
    }
    let Some(original_url) = original_url else {
        return view! { <p class="job-error">{t("compare-open-failed")}</p> }.into_any();
    };
    // Percent of the width, from the left, where the converted picture starts.
    let split = RwSignal::new(50u32);
    // Measured from the reading start: the original on the left in English, on the right in
    // Arabic, where the range (a right-to-left input) also grows leftwards and the arrow
    // keys follow it.
    let clip = move || {
        if locale().dir() == "rtl" {
            format!("inset(0 {}% 0 0)", split.get())
        } else {
            format!("inset(0 0 0 {}%)", split.get())
        }
    };
    let divider = move || format!("{}%", split.get());
    let label = tr("compare-range", &[("name", A::from(name.as_str()))]);
    let value_text = move || {
        let s = split.get();
        tr(
            "compare-value",
            &[("original", A::from(s)), ("converted", A::from(100 - s))],
        )
    };
    let on_input = move |ev: leptos::ev::Event| {
        if let Ok(v) = event_target_value(&ev).parse::<u32>() {
            split.set(v.min(100));
        }
    };
    let failed = RwSignal::new(false);
    let on_error = move |_| failed.set(true);

    let (layers, controls) = if moving {
        let lead = NodeRef::<html::Video>::new();
        let follow = NodeRef::<html::Video>::new();
        let playing = RwSignal::new(false);
        let sync_time = move || {
            if let (Some(l), Some(f)) = (lead.get_untracked(), follow.get_untracked()) {
                if (l.current_time() - f.current_time()).abs() > MAX_DRIFT_S {
                    f.set_current_time(l.current_time());
                }
            }
        };
        let on_play = move |_| {
            playing.set(true);
            sync_time();
            if let Some(f) = follow.get_untracked() {
                // A rejected play() (the original cannot be decoded) leaves it paused.
                let _ = f.play();
            }
        };
        let on_pause = move |_| {
            playing.set(false);
            if let Some(f) = follow.get_untracked() {
                let _ = f.pause();
            }
            sync_time();
        };
        let toggle = move |_| {
            if let Some(l) = lead.get_untracked() {
                if l.paused() {
                    let _ = l.play();
                } else {
                    let _ = l.pause();
                }
            }
        };
        let layers = view! {
            <video class="compare-layer compare-original" node_ref=follow src=original_url prop:muted=true loop preload="auto"
                playsinline aria-label=t("original") on:error=on_error></video>
            <video class="compare-layer compare-converted" node_ref=lead src=url loop preload="auto" playsinline
                aria-label=t("converted") style:clip-path=clip on:error=on_error
                on:play=on_play on:pause=on_pause on:seeked=move |_| sync_time() on:timeupdate=move |_| sync_time()></video>
        }
        .into_any();
        let controls = view! {
            <button type="button" class="button" on:click=toggle>
                {move || if playing.get() { t("pause-both") } else { t("play-both") }}
            </button>
        }
        .into_any();
        (layers, Some(controls))
    } else {
        let layers = view! {
            <img class="compare-layer compare-original" src=original_url alt=t("original") on:error=on_error />
            <img class="compare-layer compare-converted" src=url alt=t("converted") style:clip-path=clip on:error=on_error />
        }
        .into_any();
        (layers, None)
    };

    view! {
        <figure class="compare" role="group" aria-label=tr("comparison-of", &[("name", A::from(name.as_str()))])>
            <div class="compare-stage">
                {layers}
                <div class="compare-divider" aria-hidden="true" style:inset-inline-start=divider></div>
                <input
                    class="compare-range"
                    type="range"
                    min="0"
                    max="100"
                    step="1"
                    aria-label=label
                    aria-valuetext=value_text
                    prop:value=move || split.get().to_string()
                    on:input=on_input
                />
            </div>
            <figcaption class="hint">{t("compare-caption")}</figcaption>
            {controls}
            <Show when=move || failed.get()>
                <p class="job-error">{t("compare-failed")}</p>
            </Show>
        </figure>
    }
    .into_any()
}
