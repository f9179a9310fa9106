//! Why FFmpeg could not read or convert a file, as a typed reason, and what a finished
//! output's user must know ([`OutputWarning`]): the engine sends them, and the page writes
//! their sentences in the shown language ([`FailReason::message`]). FFmpeg's
//! own lines are never translated: they stay in the job's log tail (under **Details**), and
//! the one reason that quotes FFmpeg places its line as it is.

use serde::{Deserialize, Serialize};

use crate::i18n::{Message, Param};

/// One class of FFmpeg failure, each with its own sentence in `locales/*.ftl`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum FailReason {
    /// The MP4/MOV index is missing (an interrupted recording or download).
    NoIndex,
    /// The file is cut short or damaged.
    CutShort,
    /// The file could not be opened (moved, renamed or deleted).
    Gone,
    /// The browser refused to read the file.
    NotAllowed,
    /// Memory ran out while reading the file.
    MemoryReading,
    /// A format or codec this FFmpeg cannot decode (found while reading).
    CannotDecode,
    /// No video or audio stream at all.
    NoStreams,
    /// FFmpeg does not recognise the data.
    NotMedia,
    /// The file is encrypted (DRM).
    Encrypted,
    /// Unrecognised; FFmpeg's last line, quoted as it is.
    FfmpegSaid { line: String },
    /// Unreadable, and FFmpeg gave no reason.
    NoReason,
    /// Memory ran out during the encode.
    MemoryEncoding,
    /// The two passes saw different frames.
    PassesDiffer,
    /// The picture changes size or format part-way through.
    PictureChanges,
    /// No room left for the output.
    NoRoom,
    /// A codec this FFmpeg cannot decode (found while encoding), named when FFmpeg named it.
    Codec { codec: Option<String> },
    /// No encoder for the chosen output.
    NoEncoder,
    /// The output format cannot hold one of the streams.
    CannotHold,
    /// The data is damaged where FFmpeg decoded it.
    Damaged,
    /// Anything else FFmpeg stopped on.
    Other,
    /// The device has too little free space for the output, found before any work.
    NoSpace { needed: u64, free: u64 },
}

impl FailReason {
    /// The sentence in English, for the engine's notes and as the failure's fallback text.
    pub fn english(&self) -> String {
        crate::i18n::english(&self.message())
    }

    /// The sentence as a message of the catalogs.
    pub fn message(&self) -> Message {
        let id = match self {
            FailReason::NoIndex => "fail-no-index",
            FailReason::CutShort => "fail-cut-short",
            FailReason::Gone => "fail-gone",
            FailReason::NotAllowed => "fail-not-allowed",
            FailReason::MemoryReading => "fail-memory-reading",
            FailReason::CannotDecode => "fail-cannot-decode",
            FailReason::NoStreams => "fail-no-streams",
            FailReason::NotMedia => "fail-not-media",
            FailReason::Encrypted => "fail-encrypted",
            FailReason::FfmpegSaid { line } => {
                return Message::new("fail-ffmpeg-said").with("line", Param::Text(line.clone()))
            }
            FailReason::NoReason => "fail-no-reason",
            FailReason::MemoryEncoding => "fail-memory-encoding",
            FailReason::PassesDiffer => "fail-passes-differ",
            FailReason::PictureChanges => "fail-picture-changes",
            FailReason::NoRoom => "fail-no-room",
            FailReason::Codec { codec: Some(codec) } => {
                return Message::new("fail-codec-named").with("codec", Param::Text(codec.clone()))
            }
            FailReason::Codec { codec: None } => "fail-codec",
            FailReason::NoEncoder => "fail-no-encoder",
            FailReason::CannotHold => "fail-cannot-hold",
            FailReason::Damaged => "fail-damaged",
            FailReason::Other => "fail-other",
            FailReason::NoSpace { needed, free } => {
                return Message::new("fail-no-space")
                    .with("needed", Param::Bytes(*needed))
                    .with("free", Param::Bytes(*free))
            }
        };
        Message::new(id)
    }
}

/// Something true of a finished output that the user must see beside it, with its own
/// sentence in `locales/*.ftl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum OutputWarning {
    /// The file ended before its header said: the first `saved_s` of the `claimed_s`
    /// seconds were saved.
    EndsEarly { saved_s: f64, claimed_s: f64 },
}

impl OutputWarning {
    /// The sentence in English, for the engine's notes.
    pub fn english(&self) -> String {
        crate::i18n::english(&self.message())
    }

    /// The sentence as a message of the catalogs.
    pub fn message(&self) -> Message {
        match self {
            OutputWarning::EndsEarly { saved_s, claimed_s } => Message::new("warn-ends-early")
                .with(
                    "saved",
                    Param::Decimal {
                        value: *saved_s,
                        digits: 1,
                    },
                )
                .with(
                    "claimed",
                    Param::Decimal {
                        value: *claimed_s,
                        digits: 1,
                    },
                ),
        }
    }
}
