//! Which conversions honour a size target. A target that a format does not honour is said
//! in the job's details, never silently ignored: the field promises "never larger than this".

use crate::anim_fit::AnimKind;
use crate::audio_fit::AudioCodec;

/// Whether an FFmpeg conversion to `format_id` is fitted to a size target.
pub fn fits_target(format_id: &str) -> bool {
    AudioCodec::for_format(format_id).is_some() || AnimKind::for_format(format_id).is_some()
}

/// The sentence for a job converting to `format_id` (its `label`) with a target it does not
/// honour; `None` when the format is fitted.
pub fn not_applied_note(format_id: &str, label: &str) -> Option<String> {
    if fits_target(format_id) {
        return None;
    }
    let why = match format_id {
        "wav" => "uncompressed sound is as large as its length makes it",
        "flac" => "lossless sound cannot be made smaller to order",
        "mkv" | "mov" => "it is a copy or a quality encode of the original",
        "ogg" => "Vorbis is not fitted to a size; choose MP3, M4A or Opus for that",
        _ => "this format is not fitted to a size",
    };
    Some(format!(
        "The target size does not apply to {label} ({why}): the result may be larger."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{outputs_for, FORMATS};
    use crate::media::MediaKind;

    #[test]
    fn every_sound_output_either_fits_or_says_it_does_not() {
        for f in outputs_for(MediaKind::Audio) {
            let note = not_applied_note(f.id, f.label);
            assert_eq!(note.is_none(), fits_target(f.id), "{}", f.id);
        }
        assert!(fits_target("mp3") && fits_target("m4a"));
        let wav = not_applied_note("wav", "WAV").unwrap();
        assert!(wav.contains("does not apply to WAV"), "{wav}");
        assert!(FORMATS.iter().any(|f| f.id == "gif-video"));
        assert!(fits_target("gif-video") && fits_target("webp-video"));
        assert!(not_applied_note("mkv", "MKV").is_some());
    }
}
