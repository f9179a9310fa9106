//! Reading an image: format by content, the bomb guard, EXIF orientation, metadata.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use crate::error::ImageError;
use crate::limits;

/// A decoded, upright image and what came with it.
pub(crate) struct Decoded {
    pub image: DynamicImage,
    /// What the input was, in words ("PNG").
    pub format_name: &'static str,
    pub icc: Option<Vec<u8>>,
    /// Raw EXIF (TIFF structure), with its orientation tag already reset to "upright".
    pub exif: Option<Vec<u8>>,
    pub notes: Vec<String>,
}

/// Words for a format, for notes and errors.
pub(crate) fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "PNG",
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::WebP => "WebP",
        ImageFormat::Gif => "GIF",
        ImageFormat::Bmp => "BMP",
        ImageFormat::Ico => "ICO",
        ImageFormat::Tiff => "TIFF",
        ImageFormat::Tga => "TGA",
        ImageFormat::Qoi => "QOI",
        ImageFormat::Pnm => "PNM",
        ImageFormat::Avif => "AVIF",
        ImageFormat::Hdr => "HDR",
        ImageFormat::OpenExr => "OpenEXR",
        ImageFormat::Dds => "DDS",
        ImageFormat::Farbfeld => "Farbfeld",
        _ => "image",
    }
}

/// What the header says, read before any pixel is decoded.
pub(crate) struct Header {
    /// What the input is, in words ("PNG").
    pub format_name: &'static str,
    /// The size once upright (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
    pub icc: Option<Vec<u8>>,
    /// Raw EXIF (TIFF structure), with its orientation tag already reset to "upright".
    pub exif: Option<Vec<u8>>,
    /// "Turned the picture upright …", when the camera data asks for a turn.
    pub notes: Vec<String>,
    /// Whether the camera data asks for a turn or a flip.
    pub turned: bool,
}

/// Reads `input`'s header, refusing damaged and oversized images: the bomb guard runs
/// before any pixel buffer exists.
pub(crate) fn header(input: &[u8]) -> Result<Header, ImageError> {
    open(input).map(|(header, _, _)| header)
}

/// Decodes `input`, refusing oversized images before allocating their pixels.
pub(crate) fn decode(input: &[u8]) -> Result<Decoded, ImageError> {
    let (header, orientation, decoder) = open(input)?;
    let name = header.format_name;
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| ImageError::from_decode(name, e))?;
    image.apply_orientation(orientation);
    Ok(Decoded {
        image,
        format_name: name,
        icc: header.icc,
        exif: header.exif,
        notes: header.notes,
    })
}

fn open(
    input: &[u8],
) -> Result<(Header, image::metadata::Orientation, impl ImageDecoder + '_), ImageError> {
    let format = detect(input)?;
    let name = format_name(format);
    if format == ImageFormat::Jpeg && !crate::jpeg_end::is_complete(input) {
        return Err(ImageError::Damaged {
            format: name.into(),
            detail: "it ends before the picture does".into(),
        });
    }
    let mut reader = ImageReader::with_format(Cursor::new(input), format);
    reader.limits(limits::decoder_limits());
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| ImageError::from_decode(name, e))?;

    // The header has been parsed, no pixel buffer exists yet: this is the place to refuse.
    let (width, height) = decoder.dimensions();
    if !limits::allowed(width, height) {
        return Err(ImageError::TooLarge { width, height });
    }
    if width == 0 || height == 0 {
        return Err(ImageError::Damaged {
            format: name.into(),
            detail: "it says it has no pixels".into(),
        });
    }

    // Metadata is optional: a broken EXIF block must not sink an otherwise good photo.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut exif = decoder.exif_metadata().ok().flatten();
    if let Some(chunk) = exif.as_mut() {
        // We rotate the pixels ourselves; a kept EXIF must not make viewers rotate again.
        let _ = image::metadata::Orientation::remove_from_exif_chunk(chunk);
    }
    let mut notes = Vec::new();
    if orientation != image::metadata::Orientation::NoTransforms {
        notes.push(format!(
            "Turned the picture upright as its camera data asked ({}).",
            describe_orientation(orientation)
        ));
    }
    let (width, height) = if turns_sideways(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let header = Header {
        format_name: name,
        width,
        height,
        icc,
        exif,
        notes,
        turned: orientation != image::metadata::Orientation::NoTransforms,
    };
    Ok((header, orientation, decoder))
}

fn turns_sideways(o: image::metadata::Orientation) -> bool {
    use image::metadata::Orientation as O;
    matches!(
        o,
        O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH
    )
}

/// The format from the bytes themselves; the file name is never trusted.
fn detect(input: &[u8]) -> Result<ImageFormat, ImageError> {
    if input.is_empty() {
        return Err(ImageError::Damaged {
            format: "image".into(),
            detail: "the file is empty".into(),
        });
    }
    match image::guess_format(input) {
        Ok(f) => Ok(f),
        // TGA has no magic number; accept it only when its header is self-consistent.
        Err(_) if looks_like_tga(input) => Ok(ImageFormat::Tga),
        Err(_) => Err(ImageError::Unrecognized),
    }
}

/// A plausibility check of the 18-byte TGA header (color-map type, image type, bit depth).
fn looks_like_tga(b: &[u8]) -> bool {
    if b.len() < 18 {
        return false;
    }
    let color_map = b[1];
    let kind = b[2];
    let depth = b[16];
    let width = u16::from_le_bytes([b[12], b[13]]);
    let height = u16::from_le_bytes([b[14], b[15]]);
    let descriptor = b[17];
    color_map <= 1
        && matches!(kind, 1 | 2 | 3 | 9 | 10 | 11)
        && matches!(depth, 8 | 15 | 16 | 24 | 32)
        && width > 0
        && height > 0
        // Bits 6–7 of the descriptor are reserved/interleave flags, zero in practice.
        && descriptor & 0xC0 == 0
}

fn describe_orientation(o: image::metadata::Orientation) -> &'static str {
    use image::metadata::Orientation as O;
    match o {
        O::NoTransforms => "as is",
        O::Rotate90 => "rotated 90° clockwise",
        O::Rotate180 => "rotated 180°",
        O::Rotate270 => "rotated 90° counter-clockwise",
        O::FlipHorizontal => "mirrored",
        O::FlipVertical => "flipped vertically",
        O::Rotate90FlipH => "rotated 90° and mirrored",
        O::Rotate270FlipH => "rotated 270° and mirrored",
    }
}
