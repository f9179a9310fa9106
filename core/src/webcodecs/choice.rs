//! The user's settings that steer the video engines.

use serde::{Deserialize, Serialize};

/// The **Encoder** setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EncoderChoice {
    /// The browser's codecs when they can do the job and the budget is not so tight that
    /// x264's two passes clearly win; FFmpeg otherwise.
    #[default]
    Automatic,
    /// The browser's codecs whenever they can do the job.
    Fast,
    /// Always FFmpeg's x264 (two passes for a size target).
    Best,
}

impl EncoderChoice {
    /// Every choice, in the order the select lists them.
    pub const ALL: [EncoderChoice; 3] = [
        EncoderChoice::Automatic,
        EncoderChoice::Fast,
        EncoderChoice::Best,
    ];

    /// The select's option text.
    pub fn label(self) -> &'static str {
        match self {
            EncoderChoice::Automatic => "Automatic",
            EncoderChoice::Fast => "Fast (browser codecs)",
            EncoderChoice::Best => "Best quality (x264)",
        }
    }

    /// Stable id, what settings hold and save (the protocol's name for it, too).
    pub fn id(self) -> &'static str {
        match self {
            EncoderChoice::Automatic => "automatic",
            EncoderChoice::Fast => "fast",
            EncoderChoice::Best => "best",
        }
    }

    /// The choice with this [`EncoderChoice::id`].
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// The **Video codec** setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VideoCodecChoice {
    /// H.264 in MP4, VP9 (browser) or VP8 (FFmpeg) in WebM: plays everywhere.
    #[default]
    Compatible,
    /// AV1 from the browser's encoder: smaller at the same quality, for recent players.
    Av1,
}

impl VideoCodecChoice {
    /// Every choice, in the order the select lists them.
    pub const ALL: [VideoCodecChoice; 2] = [VideoCodecChoice::Compatible, VideoCodecChoice::Av1];

    /// The select's option text.
    pub fn label(self) -> &'static str {
        match self {
            VideoCodecChoice::Compatible => "H.264 / VP9 (plays everywhere)",
            VideoCodecChoice::Av1 => "AV1 (smaller, recent players)",
        }
    }

    /// Stable id, what settings hold and save (the protocol's name for it, too).
    pub fn id(self) -> &'static str {
        match self {
            VideoCodecChoice::Compatible => "compatible",
            VideoCodecChoice::Av1 => "av1",
        }
    }

    /// The choice with this [`VideoCodecChoice::id`].
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }
}
