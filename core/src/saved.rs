//! The settings as saved between visits: one `key=value` line each, choices by their stable
//! ids ([`crate::choices`], [`EncoderChoice::id`]), never by the labels the page shows.
//! Reading is forgiving, field by field: an unknown key or value, or an over-long one, is
//! skipped, so an old or hand-edited entry cannot break the page. Entries written before
//! ids were saved hold labels; [`LEGACY_LABELS`] maps those, frozen as they were, so a
//! returning user's choice survives whatever the labels are reworded to later.

use crate::choices::{choice_in, QualityPreset, AUTOMATIC, QUALITY_PRESETS};
use crate::formats::{FormatInfo, FORMATS};
use crate::webcodecs::{EncoderChoice, VideoCodecChoice};

/// The user's choices as saved. `None` is "not saved" (the default applies). The trim
/// times are left out on purpose: they belong to the clip at hand, and a cut remembered
/// from an earlier visit would silently shorten the next day's files.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavedSettings {
    pub target_mb: Option<String>,
    /// A format choice id, or [`AUTOMATIC`].
    pub format: Option<&'static str>,
    /// A quality preset id.
    pub quality: Option<&'static str>,
    pub max_height: Option<String>,
    pub remove_audio: Option<bool>,
    pub keep_metadata: Option<bool>,
    pub encoder: Option<EncoderChoice>,
    pub max_fps: Option<String>,
    pub codec: Option<VideoCodecChoice>,
    pub max_width: Option<String>,
}

/// Labels that earlier versions saved, and the id each meant: (field, label, id). Frozen:
/// never edit a label here when the page's wording changes, only add rows.
pub const LEGACY_LABELS: &[(&str, &str, &str)] = &[
    ("format", "Automatic", AUTOMATIC),
    ("format", "MP4", "mp4"),
    ("format", "WebM", "webm"),
    ("format", "MKV", "mkv"),
    ("format", "MOV", "mov"),
    ("format", "GIF", "gif"),
    ("format", "WebP (animated)", "webp-video"),
    ("format", "MP3", "mp3"),
    ("format", "M4A", "m4a"),
    ("format", "OGG", "ogg"),
    ("format", "Opus", "opus"),
    ("format", "WebM (Opus sound)", "webm-audio"),
    ("format", "WAV", "wav"),
    ("format", "FLAC", "flac"),
    ("format", "WebP", "webp"),
    ("format", "JPEG", "jpeg"),
    ("format", "PNG", "png"),
    ("format", "BMP", "bmp"),
    ("format", "ICO", "ico"),
    ("format", "TIFF", "tiff"),
    ("format", "QOI", "qoi"),
    ("format", "AVIF", "avif"),
    ("quality", "High", "high"),
    ("quality", "Balanced", "balanced"),
    ("quality", "Small", "small"),
    ("encoder", "Automatic", "automatic"),
    ("encoder", "Fast (browser codecs)", "fast"),
    ("encoder", "Best quality (x264)", "best"),
    ("codec", "H.264 / VP9 (plays everywhere)", "compatible"),
    ("codec", "AV1 (smaller, recent players)", "av1"),
];

impl SavedSettings {
    /// Reads a saved entry against the app's registry of formats and presets.
    pub fn parse(text: &str) -> Self {
        Self::parse_with(text, FORMATS, QUALITY_PRESETS)
    }

    /// [`SavedSettings::parse`] against a given registry (tests rename its labels).
    pub fn parse_with(text: &str, formats: &[FormatInfo], presets: &[QualityPreset]) -> Self {
        let mut saved = SavedSettings::default();
        let text_of = |v: &str, max: usize| (v.len() < max).then(|| v.to_owned());
        for line in text.lines() {
            let Some((key, v)) = line.split_once('=') else {
                continue;
            };
            let id = id_of(key, v);
            match key {
                "target_mb" => saved.target_mb = text_of(v, 16),
                "format" => saved.format = choice_in(id, formats),
                "quality" => saved.quality = presets.iter().find(|p| p.id == id).map(|p| p.id),
                "max_height" => saved.max_height = text_of(v, 8),
                "remove_audio" => saved.remove_audio = Some(v == "true"),
                "keep_metadata" => saved.keep_metadata = Some(v == "true"),
                "encoder" => saved.encoder = EncoderChoice::from_id(id),
                "max_fps" => saved.max_fps = text_of(v, 8),
                "codec" => saved.codec = VideoCodecChoice::from_id(id),
                "max_width" => saved.max_width = text_of(v, 8),
                _ => {}
            }
        }
        saved
    }

    /// The entry to save: every field that has a value, choices by id.
    pub fn to_text(&self) -> String {
        let mut lines = Vec::new();
        let mut put = |key: &str, v: Option<&str>| {
            if let Some(v) = v {
                lines.push(format!("{key}={v}"));
            }
        };
        let yes_no = |b: Option<bool>| b.map(|b| if b { "true" } else { "false" });
        put("target_mb", self.target_mb.as_deref());
        put("format", self.format);
        put("quality", self.quality);
        put("max_height", self.max_height.as_deref());
        put("remove_audio", yes_no(self.remove_audio));
        put("keep_metadata", yes_no(self.keep_metadata));
        put("encoder", self.encoder.map(EncoderChoice::id));
        put("max_fps", self.max_fps.as_deref());
        put("codec", self.codec.map(VideoCodecChoice::id));
        put("max_width", self.max_width.as_deref());
        lines.join("\n")
    }
}

/// The id a saved value means: itself, or the id an earlier version's label stood for.
fn id_of<'a>(key: &str, value: &'a str) -> &'a str {
    LEGACY_LABELS
        .iter()
        .find(|(k, label, _)| *k == key && *label == value)
        .map_or(value, |(_, _, id)| id)
}

#[cfg(test)]
mod tests;
