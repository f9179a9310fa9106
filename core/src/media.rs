//! The broad kind of a media file, shared by sniffing, probing and the UI.

use serde::{Deserialize, Serialize};

/// What a file is, in the coarse sense the UI cares about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MediaKind {
    /// Moving pictures (possibly with sound).
    Video,
    /// Sound only.
    Audio,
    /// A still picture.
    Image,
    /// Anything we do not recognise (or recognise but cannot process, e.g. PDF).
    Unknown,
}

impl MediaKind {
    /// Lower-case English label, stable for use in CSS classes and logs.
    pub fn label(self) -> &'static str {
        match self {
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Image => "image",
            MediaKind::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(MediaKind::Video.label(), "video");
        assert_eq!(MediaKind::Audio.label(), "audio");
        assert_eq!(MediaKind::Image.label(), "image");
        assert_eq!(MediaKind::Unknown.label(), "unknown");
    }

    #[test]
    fn serde_round_trip() {
        let s = serde_json::to_string(&MediaKind::Audio).unwrap();
        assert_eq!(s, "\"Audio\"");
        let k: MediaKind = serde_json::from_str(&s).unwrap();
        assert_eq!(k, MediaKind::Audio);
    }
}
