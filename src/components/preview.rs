//! Seeing a finished job's result: its picture size and length before and after, a preview
//! of the output, and (for pictures and videos) a split view against the original.
//!
//! Nothing here decodes media until asked: a batch of twenty finished videos shows twenty
//! buttons, not twenty players. The preview plays the output's existing object URL (owned
//! by the job); the comparison makes its own URL for the original file (see [`Compare`]).

use leptos::prelude::*;

use crate::components::compare::Compare;
use crate::components::quality_estimate::QualityEstimate;
use crate::i18n::format::{dimensions, duration};
use crate::i18n::{t, tr, A};
use crate::protocol::MediaFacts;
use crate::state::job::{Job, JobOutput};

/// How a browser can show a file, if it can at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// An `<img>`.
    Picture,
    /// A `<video>`.
    Moving,
    /// An `<audio>`.
    Sound,
}

/// How Chromium, Firefox and Safari can show a file with this extension or format id
/// (lower case, no dot). `None` for formats browsers do not display (TIFF, QOI, AVI, …),
/// so no Preview or Compare button is offered for them.
pub fn shown_as(ext_or_id: &str) -> Option<Shown> {
    match ext_or_id {
        "webp" | "jpg" | "jpeg" | "png" | "gif" | "bmp" | "ico" | "avif" => Some(Shown::Picture),
        "mp4" | "webm" | "mov" | "mkv" => Some(Shown::Moving),
        "mp3" | "m4a" | "ogg" | "wav" | "flac" | "aac" => Some(Shown::Sound),
        _ => None,
    }
}

/// The extension of a file name, lower case.
fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// "1920 × 1080, 0:05" — the parts of `facts` that are known.
pub fn describe_facts(facts: &MediaFacts) -> Option<String> {
    let parts: Vec<String> = facts
        .size
        .map(|(w, h)| dimensions(w, h))
        .into_iter()
        .chain(facts.duration_s.map(duration))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The before/after line of picture size and length ("1920 × 1080, 0:30 → 1280 × 720, 0:30"),
/// or one side when only that side is known.
pub fn before_after_line(input: Option<MediaFacts>, output: Option<MediaFacts>) -> Option<String> {
    let input = input.as_ref().and_then(describe_facts);
    let output = output.as_ref().and_then(describe_facts);
    match (input, output) {
        (Some(i), Some(o)) => Some(tr(
            "facts-change",
            &[("before", A::from(i)), ("after", A::from(o))],
        )),
        (Some(i), None) => Some(tr("facts-original", &[("facts", A::from(i))])),
        (None, Some(o)) => Some(tr("facts-result", &[("facts", A::from(o))])),
        (None, None) => None,
    }
}

/// Picture size and length before and after, as the engine measured them.
#[component]
pub fn BeforeAfterFacts(job: Job) -> impl IntoView {
    let facts = job.facts;
    move || {
        let f = facts.get();
        before_after_line(f.input, f.output).map(|line| view! { <p class="job-facts">{line}</p> })
    }
}

/// **Preview NAME** and **Compare NAME** toggles for a finished job, and what they open.
#[component]
pub fn ResultViews(job: Job, out: JobOutput) -> impl IntoView {
    let Some(shown) = shown_as(&extension(&out.name)) else {
        return ().into_any();
    };
    let input_shown = job
        .sniffed
        .with_untracked(|s| s.as_ref().and_then(|s| s.format).and_then(shown_as));
    // A split view needs the same kind of picture on both sides (not a video against its GIF).
    let comparable = shown != Shown::Sound && input_shown == Some(shown);
    let preview_open = RwSignal::new(false);
    let compare_open = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let name = out.name.clone();
    let url = out.url.clone();
    let alt = tr("preview-of", &[("name", A::from(name.as_str()))]);
    let preview = move || {
        preview_open.get().then(|| {
            let (url, alt) = (url.clone(), alt.clone());
            let on_error = move |_| failed.set(true);
            let media = match shown {
                Shown::Picture => view! { <img class="preview-media" src=url alt=alt on:error=on_error /> }.into_any(),
                Shown::Moving => view! {
                    <video class="preview-media" src=url controls preload="metadata" aria-label=alt on:error=on_error></video>
                }
                .into_any(),
                Shown::Sound => view! {
                    <audio class="preview-audio" src=url controls preload="metadata" aria-label=alt on:error=on_error></audio>
                }
                .into_any(),
            };
            view! {
                <div class="preview">
                    {media}
                    <Show when=move || failed.get()>
                        <p class="job-error">{t("preview-failed")}</p>
                    </Show>
                </div>
            }
        })
    };
    let compare = {
        let (file, url, name) = (job.file, out.url.clone(), out.name.clone());
        move || {
            compare_open.get().then(|| {
                view! { <Compare original=file.get_value() url=url.clone() name=name.clone() moving=shown == Shown::Moving /> }
            })
        }
    };
    view! {
        <div class="job-actions result-views">
            <button
                type="button"
                class="button"
                aria-expanded=move || preview_open.get().to_string()
                on:click=move |_| preview_open.update(|o| *o = !*o)
            >
                {move || tr("preview", &[("name", A::from(name.as_str()))])}
            </button>
            {comparable.then(|| {
                let name = out.name.clone();
                view! {
                    <button
                        type="button"
                        class="button"
                        aria-expanded=move || compare_open.get().to_string()
                        on:click=move |_| compare_open.update(|o| *o = !*o)
                    >
                        {move || tr("compare", &[("name", A::from(name.as_str()))])}
                    </button>
                }
            })}
        </div>
        {(shown == Shown::Picture).then(|| view! { <QualityEstimate job=job.clone() /> })}
        {preview}
        {compare}
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_formats_browsers_display_get_a_preview() {
        assert_eq!(shown_as("webp"), Some(Shown::Picture));
        assert_eq!(shown_as("jpeg"), Some(Shown::Picture));
        assert_eq!(shown_as("mp4"), Some(Shown::Moving));
        assert_eq!(shown_as("flac"), Some(Shown::Sound));
        assert_eq!(shown_as("tiff"), None);
        assert_eq!(shown_as("qoi"), None);
        assert_eq!(shown_as("avi"), None);
        assert_eq!(extension("clip-10MB.MP4"), "mp4");
        assert_eq!(extension("noext"), "");
    }

    #[test]
    fn the_facts_line_says_what_is_known() {
        let video = MediaFacts {
            size: Some((1920, 1080)),
            duration_s: Some(65.0),
        };
        let smaller = MediaFacts {
            size: Some((1280, 720)),
            duration_s: Some(65.0),
        };
        assert_eq!(
            before_after_line(Some(video), Some(smaller)).as_deref(),
            Some("1920 × 1080, 1:05 → 1280 × 720, 1:05")
        );
        let sound = MediaFacts {
            size: None,
            duration_s: Some(5.0),
        };
        assert_eq!(
            before_after_line(None, Some(sound)).as_deref(),
            Some("Result: 0:05")
        );
        assert_eq!(
            before_after_line(Some(MediaFacts::picture(640, 480)), None).as_deref(),
            Some("Original: 640 × 480")
        );
        assert_eq!(before_after_line(Some(MediaFacts::default()), None), None);
    }
}
