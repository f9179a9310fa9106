//! The settings panel: target size with presets, output format, quality, and **Convert**.

use leptos::prelude::*;

use crate::components::choice_field::ChoiceField;
use crate::protocol::{EncoderChoice, VideoCodecChoice};
use crate::state::queue::Queue;
use tamp_core::formats::outputs_for;
use tamp_core::media::MediaKind;

use crate::components::trim_fields::TrimFields;
use crate::state::settings::{AUTOMATIC, MAX_FPS, MAX_HEIGHTS, MAX_WIDTHS, QUALITY_PRESETS};
use tamp_core::presets::PRESETS;

/// Settings for jobs not yet started, and the **Convert** button.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let queue = expect_context::<Queue>();
    let settings = queue.settings;
    let has_target = move || !settings.target_mb.with(|t| t.trim().is_empty());
    let error = move || settings.target_error().map(|e| e.to_string());
    // Only what the queued files can become (every kind's outputs while the queue is empty).
    let format_labels = Memo::new(move |_| {
        let mut kinds: Vec<MediaKind> = queue.jobs.with(|jobs| {
            jobs.iter()
                .filter_map(|j| j.sniffed.with(|s| s.as_ref().map(|s| s.kind)))
                .collect()
        });
        if kinds.is_empty() {
            kinds = vec![MediaKind::Video, MediaKind::Audio, MediaKind::Image];
        }
        let mut labels: Vec<&'static str> = vec![AUTOMATIC];
        for kind in [MediaKind::Video, MediaKind::Audio, MediaKind::Image] {
            if kinds.contains(&kind) {
                for f in outputs_for(kind) {
                    if !labels.contains(&f.label) {
                        labels.push(f.label);
                    }
                }
            }
        }
        labels
    });

    view! {
        <form class="settings" on:submit=move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            queue.start_all();
        }>
            <div class="field">
                <label for="target-mb">"Target size (MB)"</label>
                <input
                    id="target-mb"
                    type="number"
                    inputmode="decimal"
                    min="0.01"
                    step="any"
                    placeholder="no limit"
                    aria-describedby="target-help"
                    prop:value=move || settings.target_mb.get()
                    on:input=move |ev| settings.target_mb.set(event_target_value(&ev))
                />
                <div class="presets" role="group" aria-label="Size presets">
                    {PRESETS
                        .iter()
                        .map(|preset| {
                            let value = preset.target_text();
                            let format = preset.format;
                            let pressed = {
                                let value = value.clone();
                                move || {
                                    settings.target_mb.with(|t| t.trim() == value)
                                        && format.is_none_or(|f| settings.format.with(|s| s == f))
                                }
                            };
                            // Where the limit comes from, for a pointer's hover.
                            let title = format!(
                                "Limit from {}, checked {}{}",
                                preset.source,
                                preset.checked,
                                format.map(|f| format!("; makes {f}")).unwrap_or_default()
                            );
                            view! {
                                <button
                                    type="button"
                                    class="chip"
                                    title=title
                                    aria-pressed=move || pressed().to_string()
                                    on:click=move |_| {
                                        settings.target_mb.set(value.clone());
                                        if let Some(f) = format {
                                            settings.format.set(f.to_string());
                                        }
                                    }
                                >
                                    {preset.chip_text()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <p id="target-help" class="help">
                    "Videos, MP3 and M4A sound, and JPEG and WebP pictures never come out larger than this (0.05 is 50 KB); other formats say in their details that it does not apply to them. Leave it empty to convert at a quality setting instead."
                </p>
            </div>
            <div class="field">
                <label for="output-format">"Output format"</label>
                <select
                    id="output-format"
                    prop:value=move || settings.format.get()
                    on:change=move |ev| settings.format.set(event_target_value(&ev))
                >
                    {move || {
                        format_labels
                            .get()
                            .into_iter()
                            .map(|label| {
                                let selected = settings.format.with_untracked(|f| f == label);
                                view! { <option value=label selected=selected>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <ChoiceField
                id="quality"
                label="Quality"
                value=settings.quality
                options=QUALITY_PRESETS.iter().map(|p| (p.label, p.label)).collect()
                help="Used when no target size is set."
                muted=Signal::derive(has_target)
            />
            <ChoiceField
                id="max-height"
                label="Max height"
                value=settings.max_height
                options=MAX_HEIGHTS.to_vec()
                help="Videos and images taller than this are scaled down; never up."
            />
            <ChoiceField
                id="max-width"
                label="Max width"
                value=settings.max_width
                options=MAX_WIDTHS.to_vec()
                help="Images wider than this are scaled down, keeping their shape; never up."
            />
            <ChoiceField
                id="max-fps"
                label="Max frame rate"
                value=settings.max_fps
                options=MAX_FPS.to_vec()
                help="Frames beyond this rate are dropped (the video plays at the same speed); fewer frames leave more of a size budget for each."
            />
            <TrimFields settings=settings />
            <ChoiceField
                id="video-codec"
                label="Video codec"
                value=settings.codec
                options=VideoCodecChoice::ALL.iter().map(|c| (c.label(), c.label())).collect()
                help="AV1 makes smaller files at the same quality, encoded by your browser; older players cannot open them."
            />
            <ChoiceField
                id="encoder"
                label="Encoder"
                value=settings.encoder
                options=EncoderChoice::ALL.iter().map(|c| (c.label(), c.label())).collect()
                help="Fast uses your browser's own video codecs, several times quicker; x264 squeezes a little more quality out of tight budgets. Automatic picks per file."
            />
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || settings.remove_audio.get()
                    on:change=move |ev| settings.remove_audio.set(event_target_checked(&ev))
                />
                "Remove audio"
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || settings.keep_metadata.get()
                    on:change=move |ev| settings.keep_metadata.set(event_target_checked(&ev))
                />
                "Keep photo metadata (camera, location)"
            </label>
            <p class="settings-error" role="status">{error}</p>
            <button type="submit" class="button primary">"Convert"</button>
        </form>
    }
}
