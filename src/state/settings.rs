//! The settings panel's values, shared through context. A job reads them when it starts,
//! so changes apply to every job not yet started.

use leptos::prelude::*;
use tamp_core::plan::VideoContainer;

use crate::protocol::Goal;

/// Size presets offered as buttons, in decimal MB, with what they are for.
pub const TARGET_PRESETS: &[(f64, &str)] =
    &[(10.0, "Discord"), (25.0, "email"), (50.0, ""), (100.0, "")];

/// Quality presets used when no target size is set (x264 CRF values).
pub const QUALITY_PRESETS: &[(&str, u8)] = &[("High", 20), ("Balanced", 23), ("Small", 28)];

/// Output formats for video.
pub const VIDEO_FORMATS: &[(&str, VideoContainer)] =
    &[("MP4", VideoContainer::Mp4), ("WebM", VideoContainer::WebM)];

/// The user's choices.
#[derive(Clone, Copy)]
pub struct Settings {
    /// Text of the **Target size (MB)** input; empty means "no target, use quality".
    pub target_mb: RwSignal<String>,
    /// Label of the chosen output format.
    pub format: RwSignal<String>,
    /// Label of the chosen quality preset.
    pub quality: RwSignal<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            target_mb: RwSignal::new("10".into()),
            format: RwSignal::new("MP4".into()),
            quality: RwSignal::new("Balanced".into()),
        }
    }
}

/// Why the settings cannot produce a goal.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum SettingsError {
    #[error("The target size must be a number of megabytes, like 10 or 8.5.")]
    NotANumber,
    #[error("The target size must be more than 0.1 MB.")]
    TooSmall,
}

impl Settings {
    /// The goal from the current settings, tracked (for showing errors as the user types).
    pub fn video_goal_tracked(&self) -> Result<Goal, SettingsError> {
        let container = self.format.with(|f| container_for(f));
        self.target_mb
            .with(|text| self.quality.with(|q| goal_from(text, container, q)))
    }

    /// The goal for a video job, from the current settings (read without tracking).
    pub fn video_goal(&self) -> Result<Goal, SettingsError> {
        let container = self.format.with_untracked(|f| container_for(f));
        let text = self.target_mb.get_untracked();
        goal_from(&text, container, &self.quality.get_untracked())
    }
}

fn container_for(label: &str) -> VideoContainer {
    VIDEO_FORMATS
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, c)| *c)
        .unwrap_or(VideoContainer::Mp4)
}

/// Turns the target text (decimal MB; empty for quality mode) into a goal.
pub fn goal_from(
    target_text: &str,
    container: VideoContainer,
    quality: &str,
) -> Result<Goal, SettingsError> {
    let text = target_text.trim();
    if text.is_empty() {
        let crf = QUALITY_PRESETS
            .iter()
            .find(|(l, _)| *l == quality)
            .map(|(_, c)| *c)
            .unwrap_or(23);
        return Ok(Goal::Quality { crf, container });
    }
    let mb: f64 = text
        .replace(',', ".")
        .parse()
        .map_err(|_| SettingsError::NotANumber)?;
    if !mb.is_finite() {
        return Err(SettingsError::NotANumber);
    }
    if mb < 0.1 {
        return Err(SettingsError::TooSmall);
    }
    Ok(Goal::TargetSize {
        target_bytes: (mb * 1_000_000.0).floor() as u64,
        container,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_is_decimal_megabytes() {
        assert_eq!(
            goal_from("10", VideoContainer::Mp4, "Balanced"),
            Ok(Goal::TargetSize {
                target_bytes: 10_000_000,
                container: VideoContainer::Mp4
            })
        );
        assert_eq!(
            goal_from(" 8,5 ", VideoContainer::WebM, "Balanced"),
            Ok(Goal::TargetSize {
                target_bytes: 8_500_000,
                container: VideoContainer::WebM
            })
        );
    }

    #[test]
    fn empty_target_means_quality() {
        assert_eq!(
            goal_from("", VideoContainer::Mp4, "High"),
            Ok(Goal::Quality {
                crf: 20,
                container: VideoContainer::Mp4
            })
        );
    }

    #[test]
    fn nonsense_is_rejected_in_words() {
        assert_eq!(
            goal_from("ten", VideoContainer::Mp4, "High"),
            Err(SettingsError::NotANumber)
        );
        assert_eq!(
            goal_from("0", VideoContainer::Mp4, "High"),
            Err(SettingsError::TooSmall)
        );
        assert_eq!(
            goal_from("inf", VideoContainer::Mp4, "High"),
            Err(SettingsError::NotANumber)
        );
    }
}
