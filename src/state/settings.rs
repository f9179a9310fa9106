//! The settings panel's values, shared through context. A job reads them when it starts,
//! so changes apply to every job not yet started.

use leptos::prelude::*;
use tamp_core::formats::{Backend, FormatInfo};
use tamp_core::media::MediaKind;
use tamp_core::plan::VideoContainer;
use tamp_core::trim::{parse_trim, Trim, TrimError};

use crate::protocol::{EncoderChoice, Goal, ImageGoal, VideoCodecChoice, VideoOptions};

pub use tamp_core::choices::{
    output_for, output_for_input, quality_preset, QualityPreset, AUTOMATIC, DEFAULT_QUALITY,
    QUALITY_PRESETS,
};

/// The user's choices. The selects' signals hold stable ids (see [`tamp_core::choices`]),
/// never the labels the page shows, so rewording a label changes nothing the user chose.
#[derive(Clone, Copy)]
pub struct Settings {
    /// Text of the **Target size (MB)** input; empty means "no target, use quality".
    pub target_mb: RwSignal<String>,
    /// Id of the chosen output format choice ([`tamp_core::formats::FormatInfo::choice`]),
    /// or [`AUTOMATIC`].
    pub format: RwSignal<String>,
    /// Id of the chosen quality preset ([`QualityPreset::id`]).
    pub quality: RwSignal<String>,
    /// Largest output height in pixels as text ("" keeps the original size).
    pub max_height: RwSignal<String>,
    /// Drop the sound from video outputs.
    pub remove_audio: RwSignal<bool>,
    /// Keep photo metadata (camera, location); off by default for privacy.
    pub keep_metadata: RwSignal<bool>,
    /// Highest output frame rate as text ("" keeps the original rate).
    pub max_fps: RwSignal<String>,
    /// Id of the chosen video encoder ([`EncoderChoice::id`]).
    pub encoder: RwSignal<String>,
    /// Id of the chosen video codec ([`VideoCodecChoice::id`]).
    pub codec: RwSignal<String>,
    /// Largest image width in pixels as text ("" keeps the original size).
    pub max_width: RwSignal<String>,
    /// Text of **Trim start** ("1:05", "65", …; "" is the file's start).
    pub trim_start: RwSignal<String>,
    /// Text of **Trim end** ("" is the file's end).
    pub trim_end: RwSignal<String>,
}

/// The **Max width** choices for images: (value, label).
pub const MAX_WIDTHS: &[(&str, &str)] = &[
    ("", "Original"),
    ("3840", "3840 px"),
    ("1920", "1920 px"),
    ("1280", "1280 px"),
    ("800", "800 px"),
    ("640", "640 px"),
];

/// The **Max height** choices: (value, label).
pub const MAX_HEIGHTS: &[(&str, &str)] = &[
    ("", "Original"),
    ("2160", "2160p (4K)"),
    ("1080", "1080p"),
    ("720", "720p"),
    ("480", "480p"),
    ("360", "360p"),
];

impl Default for Settings {
    fn default() -> Self {
        Settings {
            target_mb: RwSignal::new("10".into()),
            format: RwSignal::new(AUTOMATIC.into()),
            quality: RwSignal::new(DEFAULT_QUALITY.into()),
            max_height: RwSignal::new(String::new()),
            remove_audio: RwSignal::new(false),
            keep_metadata: RwSignal::new(false),
            max_fps: RwSignal::new(String::new()),
            encoder: RwSignal::new(EncoderChoice::default().id().into()),
            codec: RwSignal::new(VideoCodecChoice::default().id().into()),
            max_width: RwSignal::new(String::new()),
            trim_start: RwSignal::new(String::new()),
            trim_end: RwSignal::new(String::new()),
        }
    }
}

/// The **Max frame rate** choices: (value, label).
pub const MAX_FPS: &[(&str, &str)] = &[
    ("", "Original"),
    ("60", "60 fps"),
    ("30", "30 fps"),
    ("24", "24 fps"),
    ("15", "15 fps"),
];

/// Why the settings cannot produce a goal.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum SettingsError {
    #[error("The target size must be a number of megabytes, like 10 or 8.5.")]
    NotANumber,
    #[error("The target size must be at least 0.01 MB (10 KB).")]
    TooSmall,
    #[error("There is no output format for this kind of file.")]
    NoFormat,
    #[error(transparent)]
    Trim(#[from] TrimError),
}

impl Settings {
    /// The target size currently typed, checked (tracked, for showing errors as the user types).
    pub fn target_error(&self) -> Option<SettingsError> {
        self.target_mb.with(|t| parse_target(t).err())
    }

    /// The trim times currently typed, checked (tracked, for showing errors as the user types).
    pub fn trim_error(&self) -> Option<TrimError> {
        self.trim_start
            .with(|s| self.trim_end.with(|e| parse_trim(s, e).err()))
    }

    /// The trim times, checked (read without tracking).
    pub fn trim(&self) -> Result<Trim, TrimError> {
        self.trim_start
            .with_untracked(|s| self.trim_end.with_untracked(|e| parse_trim(s, e)))
    }

    /// The goal for a job of `kind`, from the current settings (read without tracking).
    pub fn goal_for(&self, kind: MediaKind) -> Result<Goal, SettingsError> {
        self.goal_with(kind, None, None, None)
    }

    /// Like [`Settings::goal_for`], for an input of format id `input`, with a job's own
    /// output format choice id and target size text in place of the panel's where it has them.
    pub fn goal_with(
        &self,
        kind: MediaKind,
        input: Option<&str>,
        format: Option<&str>,
        target_mb: Option<&str>,
    ) -> Result<Goal, SettingsError> {
        let format = match format {
            Some(choice) => output_for_input(kind, input, choice),
            None => self
                .format
                .with_untracked(|choice| output_for_input(kind, input, choice)),
        }
        .ok_or(SettingsError::NoFormat)?;
        let target = match target_mb {
            Some(t) => parse_target(t)?,
            None => self.target_mb.with_untracked(|t| parse_target(t))?,
        };
        let quality = self.quality.with_untracked(|q| quality_preset(q));
        let mut goal = goal(format, target, quality);
        if let Goal::Image(image) = &mut goal {
            image.max_width = self.max_width.with_untracked(|w| w.parse().ok());
            image.max_height = self.max_height_px();
            image.keep_metadata = self.keep_metadata.get_untracked();
        } else {
            // Trim applies to video and audio; a mistyped time stops those jobs, not images.
            self.trim()?;
        }
        Ok(goal)
    }

    /// Picture and sound options for video jobs.
    pub fn video_options(&self) -> VideoOptions {
        VideoOptions {
            max_height: self.max_height_px(),
            remove_audio: self.remove_audio.get_untracked(),
            fps_cap: self.max_fps.with_untracked(|f| f.parse().ok()),
            encoder: self
                .encoder
                .with_untracked(|e| EncoderChoice::from_id(e))
                .unwrap_or_default(),
            codec: self
                .codec
                .with_untracked(|c| VideoCodecChoice::from_id(c))
                .unwrap_or_default(),
            trim: self.trim().unwrap_or_default(),
        }
    }

    fn max_height_px(&self) -> Option<u32> {
        self.max_height.with_untracked(|h| h.parse().ok())
    }
}

/// Decimal MB text to bytes; empty means no target.
pub fn parse_target(text: &str) -> Result<Option<u64>, SettingsError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let mb: f64 = text
        .replace(',', ".")
        .parse()
        .map_err(|_| SettingsError::NotANumber)?;
    if !mb.is_finite() {
        return Err(SettingsError::NotANumber);
    }
    // 10 KB: small enough for image upload limits (0.05 = 50 KB), and already below what
    // any video can reach, which the planner then says with the smallest size that works.
    if mb < 0.01 {
        return Err(SettingsError::TooSmall);
    }
    Ok(Some((mb * 1_000_000.0).floor() as u64))
}

/// The goal for one output format.
pub fn goal(format: &FormatInfo, target: Option<u64>, quality: QualityPreset) -> Goal {
    let container = match format.id {
        "mp4" => Some(VideoContainer::Mp4),
        "webm" => Some(VideoContainer::WebM),
        _ => None,
    };
    match (container, format.backend) {
        (Some(container), _) => match target {
            Some(target_bytes) => Goal::TargetSize {
                target_bytes,
                container,
            },
            None => Goal::Quality {
                crf: quality.crf,
                container,
            },
        },
        (None, Backend::Image) => Goal::Image(ImageGoal {
            format: format.id.into(),
            quality: quality.image_quality,
            max_width: None,
            max_height: None,
            target_bytes: target,
            keep_metadata: false,
        }),
        (None, Backend::Ffmpeg) => Goal::Convert {
            format: format.id.into(),
            audio_kbps: quality.audio_kbps,
            target_bytes: target,
        },
    }
}

#[cfg(test)]
mod tests;
