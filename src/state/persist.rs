//! Settings survive visits (localStorage); nothing about the user's files is ever stored.

use leptos::prelude::*;

use tamp_core::choices::format_choice;
use tamp_core::saved::SavedSettings;
use tamp_core::webcodecs::{EncoderChoice, VideoCodecChoice};

use crate::state::settings::{quality_preset, Settings};

const KEY: &str = "tamp.settings.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Settings as last saved, or the defaults. Reading is core's ([`SavedSettings::parse`]):
/// field by field, choices by id, and the labels that earlier versions saved still read.
pub fn load_settings() -> Settings {
    let settings = Settings::default();
    let saved = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    if let Some(saved) = saved {
        settings.restore(SavedSettings::parse(&saved));
    }
    settings
}

/// Saves the settings whenever they change (an effect: syncing with the outside world).
/// The trim times are not saved (see [`SavedSettings`]).
pub fn save_settings_on_change(settings: Settings) {
    Effect::new(move |_| {
        let text = settings.snapshot().to_text();
        if let Some(s) = storage() {
            // Storage may be full or disabled (private mode); settings then last one visit.
            let _ = s.set_item(KEY, &text);
        }
    });
}

impl Settings {
    /// The choices to save (tracked: the saving effect re-runs as any of them changes).
    fn snapshot(&self) -> SavedSettings {
        SavedSettings {
            target_mb: Some(self.target_mb.get()),
            format: self.format.with(|f| format_choice(f)),
            quality: Some(self.quality.with(|q| quality_preset(q).id)),
            max_height: Some(self.max_height.get()),
            remove_audio: Some(self.remove_audio.get()),
            keep_metadata: Some(self.keep_metadata.get()),
            encoder: self.encoder.with(|e| EncoderChoice::from_id(e)),
            max_fps: Some(self.max_fps.get()),
            codec: self.codec.with(|c| VideoCodecChoice::from_id(c)),
            max_width: Some(self.max_width.get()),
        }
    }

    /// Sets every saved field; the others keep their defaults.
    fn restore(&self, saved: SavedSettings) {
        let text = |signal: RwSignal<String>, v: Option<String>| {
            if let Some(v) = v {
                signal.set(v);
            }
        };
        text(self.target_mb, saved.target_mb);
        text(self.format, saved.format.map(str::to_owned));
        text(self.quality, saved.quality.map(str::to_owned));
        text(self.max_height, saved.max_height);
        text(self.encoder, saved.encoder.map(|c| c.id().to_owned()));
        text(self.max_fps, saved.max_fps);
        text(self.codec, saved.codec.map(|c| c.id().to_owned()));
        text(self.max_width, saved.max_width);
        if let Some(on) = saved.remove_audio {
            self.remove_audio.set(on);
        }
        if let Some(on) = saved.keep_metadata {
            self.keep_metadata.set(on);
        }
    }
}

/// A yes/no preference kept under its own `key`, apart from the conversion settings.
pub fn load_flag(key: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .is_some_and(|v| v == "true")
}

/// Saves a preference read by [`load_flag`] (lost, like the settings, if storage is off).
pub fn save_flag(key: &str, on: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, if on { "true" } else { "false" });
    }
}
