//! Settings survive visits (localStorage); nothing about the user's files is ever stored.

use leptos::prelude::*;

use crate::state::settings::Settings;

const KEY: &str = "tamp.settings.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Settings as last saved, or the defaults. Unknown or malformed values fall back field by
/// field, so an old or hand-edited entry cannot break the page.
pub fn load_settings() -> Settings {
    let settings = Settings::default();
    let saved = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    if let Some(saved) = saved {
        for line in saved.lines() {
            match line.split_once('=') {
                Some(("target_mb", v)) if v.len() < 16 => settings.target_mb.set(v.to_owned()),
                Some(("format", v)) if v.len() < 32 => settings.format.set(v.to_owned()),
                Some(("quality", v)) if v.len() < 32 => settings.quality.set(v.to_owned()),
                Some(("max_height", v)) if v.len() < 8 => settings.max_height.set(v.to_owned()),
                Some(("remove_audio", v)) => settings.remove_audio.set(v == "true"),
                Some(("keep_metadata", v)) => settings.keep_metadata.set(v == "true"),
                Some(("encoder", v)) if v.len() < 32 => settings.encoder.set(v.to_owned()),
                Some(("max_fps", v)) if v.len() < 8 => settings.max_fps.set(v.to_owned()),
                Some(("codec", v)) if v.len() < 48 => settings.codec.set(v.to_owned()),
                Some(("max_width", v)) if v.len() < 8 => settings.max_width.set(v.to_owned()),
                _ => {}
            }
        }
    }
    settings
}

/// Saves the settings whenever they change (an effect: syncing with the outside world).
/// The trim times are left out on purpose: they belong to the clip at hand, and a cut
/// remembered from an earlier visit would silently shorten the next day's files.
pub fn save_settings_on_change(settings: Settings) {
    Effect::new(move |_| {
        let text = format!(
            "target_mb={}\nformat={}\nquality={}\nmax_height={}\nremove_audio={}\nkeep_metadata={}\nencoder={}\nmax_fps={}\ncodec={}\nmax_width={}",
            settings.target_mb.get(),
            settings.format.get(),
            settings.quality.get(),
            settings.max_height.get(),
            settings.remove_audio.get(),
            settings.keep_metadata.get(),
            settings.encoder.get(),
            settings.max_fps.get(),
            settings.codec.get(),
            settings.max_width.get()
        );
        if let Some(s) = storage() {
            // Storage may be full or disabled (private mode); settings then last one visit.
            let _ = s.set_item(KEY, &text);
        }
    });
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
