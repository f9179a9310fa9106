//! Errors in plain words: every message is shown to people as is.

use tamp_core::human::format_bytes;

use crate::limits::{MAX_MEGAPIXELS, MAX_SIDE};

/// Why an image could not be converted.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImageError {
    /// The bytes are not an image format Tamp reads.
    #[error(
        "This file is not an image Tamp can read. It should be PNG, JPEG, WebP, GIF, BMP, ICO, \
         TIFF, TGA, QOI or PNM."
    )]
    Unrecognized,
    /// A known image format that this engine cannot decode (AVIF, HDR, …) or a variant of a
    /// format it does not support (for example a 12-bit JPEG).
    #[error("This {format} image uses a feature Tamp cannot read ({detail}).")]
    Unsupported { format: String, detail: String },
    /// The image is larger than the decompression-bomb guard allows; nothing was decoded.
    #[error(
        "This image is {width} × {height} pixels. Tamp handles images up to {MAX_MEGAPIXELS} \
         megapixels and at most {MAX_SIDE} pixels on a side, so your browser does not run out \
         of memory."
    )]
    TooLarge { width: u32, height: u32 },
    /// Decoding would need more memory than the allocation limit.
    #[error(
        "Decoding this image would need more memory than Tamp allows for one image ({limit}): \
         it handles images up to {MAX_MEGAPIXELS} megapixels and at most {MAX_SIDE} pixels on \
         a side. Try a smaller image."
    )]
    NeedsTooMuchMemory { limit: String },
    /// The file starts like an image but is damaged or cut short.
    #[error("This {format} file is damaged or cut short, so it could not be decoded ({detail}).")]
    Damaged { format: String, detail: String },
    /// An option the page sent makes no sense (unknown format id, zero size limit).
    #[error("Invalid image settings: {0}")]
    InvalidOptions(String),
    /// The encoder refused or failed.
    #[error("Writing the {format} file failed: {detail}")]
    Encode { format: String, detail: String },
    /// Even the lowest quality at the smallest size tried is over the target.
    #[error(
        "Could not fit the image under {}: the smallest file reached was {} ({width} × {height} \
         pixels at quality {quality}). Choose a larger target size.",
        format_bytes(*target),
        format_bytes(*smallest)
    )]
    TargetUnreachable {
        target: u64,
        smallest: u64,
        width: u32,
        height: u32,
        quality: u8,
    },
}

impl ImageError {
    /// Maps an `image` crate decoding error to words, given the format name (e.g. "PNG").
    pub(crate) fn from_decode(format: &str, err: image::ImageError) -> Self {
        use image::error::{ImageError as E, LimitErrorKind};
        match err {
            E::Limits(l) => match l.kind() {
                LimitErrorKind::InsufficientMemory => ImageError::NeedsTooMuchMemory {
                    limit: format_bytes(crate::limits::MAX_ALLOC),
                },
                _ => ImageError::Damaged {
                    format: format.into(),
                    detail: l.to_string(),
                },
            },
            E::Unsupported(u) => ImageError::Unsupported {
                format: format.into(),
                detail: u.to_string(),
            },
            E::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
                ImageError::Damaged {
                    format: format.into(),
                    detail: "the file ends too early".into(),
                }
            }
            other => ImageError::Damaged {
                format: format.into(),
                detail: other.to_string(),
            },
        }
    }

    /// Maps an encoder failure.
    pub(crate) fn encode(format: &str, err: impl std::fmt::Display) -> Self {
        ImageError::Encode {
            format: format.into(),
            detail: err.to_string(),
        }
    }
}
