//! The settings panel's choices by stable id: the output format and the quality preset.
//! Settings and saved settings hold these ids, never the labels the page shows, so that a
//! reworded label neither breaks a choice nor silently resets a returning user's.

use crate::formats::{default_output_for, outputs_for, FormatInfo, FORMATS};
use crate::media::MediaKind;

/// The id of the **Output format** choice meaning "each kind's default" (video MP4, audio
/// MP3, image WebP; JPEG for HEIC).
pub const AUTOMATIC: &str = "auto";
/// What the select shows for [`AUTOMATIC`].
pub const AUTOMATIC_LABEL: &str = "Automatic";

impl FormatInfo {
    /// The id the **Output format** select (and the saved settings) use for this format.
    /// Formats that are one choice for different kinds share it: "GIF" is an animated GIF
    /// for a video and a GIF picture for an image. Never the label, which may be reworded.
    pub fn choice(&self) -> &'static str {
        match self.id {
            "gif-video" => "gif",
            id => id,
        }
    }
}

/// The output a job of `kind` gets when the format choice is `choice`: that format if this
/// kind can become it, otherwise the kind's default.
pub fn output_for(kind: MediaKind, choice: &str) -> Option<&'static FormatInfo> {
    output_for_input(kind, None, choice)
}

/// [`output_for`] for an input of format id `input` (its default may differ: HEIC → JPEG).
pub fn output_for_input(
    kind: MediaKind,
    input: Option<&str>,
    choice: &str,
) -> Option<&'static FormatInfo> {
    outputs_for(kind)
        .find(|f| f.choice() == choice)
        .or_else(|| default_output_for(kind, input))
}

/// The **Output format** options for files of these kinds, as (id, label): Automatic first,
/// then each choice once, in the registry's order.
pub fn format_choices(kinds: &[MediaKind]) -> Vec<(&'static str, &'static str)> {
    let mut options = vec![(AUTOMATIC, AUTOMATIC_LABEL)];
    for kind in [MediaKind::Video, MediaKind::Audio, MediaKind::Image] {
        if kinds.contains(&kind) {
            for f in outputs_for(kind) {
                if !options.iter().any(|(id, _)| *id == f.choice()) {
                    options.push((f.choice(), f.label));
                }
            }
        }
    }
    options
}

/// The format choice with this id, as the registry's own `'static` id: [`AUTOMATIC`] or
/// a choice some kind can be converted to (`None` for anything else).
pub fn format_choice(id: &str) -> Option<&'static str> {
    choice_in(id, FORMATS)
}

/// [`format_choice`] against a given registry.
pub(crate) fn choice_in(id: &str, formats: &[FormatInfo]) -> Option<&'static str> {
    if id == AUTOMATIC {
        return Some(AUTOMATIC);
    }
    formats
        .iter()
        .find(|f| f.choice() == id && !f.writable_from.is_empty())
        .map(|f| f.choice())
}

/// What the page shows for the format choice `choice` (`None` for an unknown id).
pub fn format_label(choice: &str) -> Option<&'static str> {
    if choice == AUTOMATIC {
        return Some(AUTOMATIC_LABEL);
    }
    FORMATS
        .iter()
        .find(|f| f.choice() == choice && !f.writable_from.is_empty())
        .map(|f| f.label)
}

/// One quality preset, as each kind of output understands it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QualityPreset {
    /// Stable id, what settings hold and save.
    pub id: &'static str,
    /// What the **Quality** select shows.
    pub label: &'static str,
    /// x264's CRF for video.
    pub crf: u8,
    /// kbit/s for lossy audio.
    pub audio_kbps: u32,
    /// Quality for lossy images.
    pub image_quality: u8,
}

/// Quality presets: x264 CRF for video, kbit/s for lossy audio, quality for lossy images
/// (libwebp's and MozJPEG's scale: 75 is both tools' default and Squoosh's).
pub const QUALITY_PRESETS: &[QualityPreset] = &[
    QualityPreset {
        id: "high",
        label: "High",
        crf: 20,
        audio_kbps: 256,
        image_quality: 90,
    },
    QualityPreset {
        id: "balanced",
        label: "Balanced",
        crf: 23,
        audio_kbps: 192,
        image_quality: 75,
    },
    QualityPreset {
        id: "small",
        label: "Small",
        crf: 28,
        audio_kbps: 128,
        image_quality: 60,
    },
];

/// The preset used when none (or an unknown id) is chosen.
pub const DEFAULT_QUALITY: &str = "balanced";

/// The preset with this id, or the default one.
pub fn quality_preset(id: &str) -> QualityPreset {
    QUALITY_PRESETS
        .iter()
        .copied()
        .find(|p| p.id == id)
        .unwrap_or(QUALITY_PRESETS[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;
    use MediaKind::{Audio, Image, Unknown, Video};

    #[test]
    fn automatic_gives_each_kind_its_default() {
        assert_eq!(output_for(Video, AUTOMATIC).unwrap().id, "mp4");
        assert_eq!(output_for(Audio, AUTOMATIC).unwrap().id, "mp3");
        assert_eq!(output_for(Image, AUTOMATIC).unwrap().id, "webp");
        assert!(output_for(Unknown, AUTOMATIC).is_none());
        let heic = |choice| output_for_input(Image, Some("heic"), choice).unwrap().id;
        assert_eq!((heic(AUTOMATIC), heic("png")), ("jpeg", "png"));
    }

    #[test]
    fn a_choice_applies_only_to_kinds_that_can_produce_it() {
        // MP3 applies to video (extract audio) and audio, not to images.
        assert_eq!(output_for(Video, "mp3").unwrap().id, "mp3");
        assert_eq!(output_for(Image, "mp3").unwrap().id, "webp");
        // GIF is one choice: an animated GIF for video and a GIF picture for images.
        assert_eq!(output_for(Video, "gif").unwrap().id, "gif-video");
        assert_eq!(output_for(Image, "gif").unwrap().id, "gif");
        // A label is not an id.
        assert_eq!(output_for(Video, "MP3").unwrap().id, "mp4");
    }

    #[test]
    fn the_select_lists_each_choice_once_with_its_label() {
        let all = format_choices(&[Video, Audio, Image]);
        assert_eq!(all[0], (AUTOMATIC, "Automatic"));
        for (i, (id, label)) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|(other, _)| other != id), "{id}");
            assert_eq!(format_label(id), Some(*label));
        }
        assert!(all.contains(&("gif", "GIF")) && all.contains(&("webp-video", "WebP (animated)")));
        let images = format_choices(&[Image]);
        assert!(images.contains(&("png", "PNG")) && !images.iter().any(|(id, _)| *id == "mp4"));
        assert_eq!(format_label("no-such"), None);
    }

    #[test]
    fn every_size_preset_picks_a_format_by_an_id_the_select_offers() {
        let video = format_choices(&[Video]);
        for p in PRESETS {
            if let Some(id) = p.format {
                assert!(video.iter().any(|(v, _)| *v == id), "{}: {id}", p.label);
            }
        }
    }

    #[test]
    fn quality_presets_by_id() {
        assert_eq!(quality_preset("small").crf, 28);
        assert_eq!(quality_preset(DEFAULT_QUALITY).label, "Balanced");
        // An unknown id (or an old label) is the default, never a panic.
        assert_eq!(quality_preset("Small").id, DEFAULT_QUALITY);
    }
}
