//! The plan in a few words, said before the encode: "720p · 30 fps · good".

use serde::{Deserialize, Serialize};

use super::{format_fps, fps_digits, ladder};
use crate::i18n::{Message, Param};

/// How good the planned output should look, in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    /// Visibly blocky in motion: the budget is below what this picture needs.
    Low,
    /// Softer than the source, with some blocking in fast motion.
    Fair,
    /// Clean: the budget meets what this picture needs.
    Good,
    /// Twice what the picture needs or more: hard to tell from the source.
    VeryGood,
}

impl Quality {
    /// The word shown to the user.
    pub fn word(self) -> &'static str {
        match self {
            Quality::Low => "low",
            Quality::Fair => "fair",
            Quality::Good => "good",
            Quality::VeryGood => "very good",
        }
    }

    /// The word as a message of the catalogs ("quality-very-good").
    pub fn message(self) -> Message {
        Message::new(match self {
            Quality::Low => "quality-low",
            Quality::Fair => "quality-fair",
            Quality::Good => "quality-good",
            Quality::VeryGood => "quality-very-good",
        })
    }

    /// From the bits per pixel planned against what this content needs
    /// (`ladder::LADDER_BPP` scaled by its complexity).
    pub(super) fn from_bpp(bpp: f64, complexity: f64) -> Self {
        let need = ladder::LADDER_BPP * complexity.clamp(0.0, 1.0);
        let r = if need > 0.0 { bpp / need } else { 0.0 };
        if r >= 2.0 {
            Quality::VeryGood
        } else if r >= 0.95 {
            Quality::Good
        } else if r >= 0.7 {
            Quality::Fair
        } else {
            Quality::Low
        }
    }
}

impl Quality {
    /// From the SSIM a trial encode scored as a viewer sees it (see `trial`): at 0.985
    /// and above few can tell it from the source; below 0.93 blocking shows.
    pub(super) fn from_ssim(ssim: f64) -> Self {
        if ssim >= 0.985 {
            Quality::VeryGood
        } else if ssim >= 0.96 {
            Quality::Good
        } else if ssim >= 0.93 {
            Quality::Fair
        } else {
            Quality::Low
        }
    }
}

/// The planned picture and its expected quality.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outlook {
    /// Output width and height as displayed.
    pub width: u32,
    pub height: u32,
    /// Output frame rate.
    pub fps: f64,
    /// Expected quality.
    pub quality: Quality,
}

impl Outlook {
    /// "Plan: 720p · 29.97 fps · good" as a message of the catalogs, for the job's row; the
    /// frame rate has two decimals unless it is whole, as [`Outlook::describe`] writes it.
    pub fn message(&self) -> Message {
        Message::new("plan")
            .with(
                "height",
                Param::Decimal {
                    value: f64::from(self.width.min(self.height)),
                    digits: 0,
                },
            )
            .with(
                "fps",
                Param::Decimal {
                    value: self.fps,
                    digits: fps_digits(self.fps),
                },
            )
            .with("quality", Param::Message(Box::new(self.quality.message())))
    }

    /// "720p · 30 fps · good" in English, for the job's log (the short side names the size,
    /// as players do).
    pub fn describe(&self) -> String {
        format!(
            "{}p · {} fps · {}",
            self.width.min(self.height),
            format_fps(self.fps),
            self.quality.word()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_the_shape_in_a_few_words() {
        let o = Outlook {
            width: 1280,
            height: 720,
            fps: 29.97,
            quality: Quality::from_bpp(0.035, 1.0),
        };
        assert_eq!(o.describe(), "720p · 29.97 fps · good");
        let english = crate::i18n::english;
        assert_eq!(english(&o.message()), "Plan: 720p · 29.97 fps · good");
        let whole = Outlook {
            fps: 24.0,
            quality: Quality::VeryGood,
            ..o
        };
        assert_eq!(english(&whole.message()), "Plan: 720p · 24 fps · very good");
        assert_eq!(Quality::from_bpp(0.07, 1.0), Quality::VeryGood);
        assert_eq!(Quality::from_bpp(0.015, 1.0), Quality::Low);
        // Easy content needs fewer bits for the same word.
        assert_eq!(Quality::from_bpp(0.015, 0.5), Quality::Good);
    }
}
