//! Jobs the browser does from end to end: it decodes the file itself (`createImageBitmap`,
//! EXIF orientation applied), scales it on a canvas and encodes WebP with its own libwebp,
//! so the pixels never cross into wasm and back. Measured here, a 12 MP camera JPEG to WebP
//! in the worker: 1.58 s through Rust's decoder (decode and prepare 0.31 s, RGBA copies and
//! `putImageData` 0.15 s, the encode 1.1 s) (README, "Image codecs"). This module decides
//! when; the worker only runs it, and falls back to Rust's decoder when the browser refuses.

use crate::decode;
use crate::prepare::{plan, Plan};
use crate::{validate, Codec, ImageOptions, JsCodec};

/// A PNG's last chunk: IEND, empty, with its CRC.
const PNG_END: [u8; 12] = [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];

/// The plan for a job the browser can do alone, or `None` when the pixels must come through
/// Rust. Only the browser's WebP encoder qualifies (it already excludes kept metadata and
/// lossless), and only the inputs measured: JPEG, and whole PNG whose camera data asks for no
/// turn (Rust reads PNG's `eXIf` orientation; the browser's decoder may not). The header is
/// read here, so the bomb guard and the damaged-file checks run before the browser decodes.
pub fn browser_plan(input: &[u8], opts: &ImageOptions, codec: Codec) -> Option<Plan> {
    if codec != Codec::Js(JsCodec::BrowserWebp) || validate(opts).is_err() {
        return None;
    }
    let header = decode::header(input).ok()?;
    // A cut-off PNG can come out of a browser half grey; Rust's decoder refuses it, in words.
    let png_complete = input.ends_with(&PNG_END);
    let fits = match header.format_name {
        "JPEG" => true,
        "PNG" => !header.turned && png_complete,
        _ => false,
    };
    fits.then(|| plan(header, opts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OutputFormat;

    fn opts(format: OutputFormat) -> ImageOptions {
        ImageOptions {
            format,
            quality: 75,
            max_width: Some(100),
            max_height: None,
            target_bytes: None,
            keep_metadata: false,
        }
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        image::DynamicImage::new_rgb8(w, h)
            .write_to(&mut out, image::ImageFormat::Png)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn only_the_browsers_webp_of_a_jpeg_or_png_and_the_plan_is_the_same_as_rusts() {
        let webp = Codec::Js(JsCodec::BrowserWebp);
        let plan = browser_plan(&png(400, 200), &opts(OutputFormat::Webp), webp).unwrap();
        assert_eq!((plan.width, plan.height), (100, 50));
        assert_eq!((plan.source_width, plan.source_height), (400, 200));
        assert!(plan
            .notes
            .iter()
            .any(|n| n.contains("Resized from 400 × 200")));
        let libwebp = Codec::Js(JsCodec::LibWebp);
        assert!(browser_plan(&png(4, 4), &opts(OutputFormat::Webp), libwebp).is_none());
        // Not an image at all, a cut-off one, or a bomb: Rust's path says why.
        let whole = png(4, 4);
        assert!(browser_plan(&whole[..whole.len() - 1], &opts(OutputFormat::Webp), webp).is_none());
        assert!(browser_plan(b"not an image", &opts(OutputFormat::Webp), webp).is_none());
        let bomb = b"P6\n20000 20000\n255\n".to_vec();
        assert!(browser_plan(&bomb, &opts(OutputFormat::Webp), webp).is_none());
    }
}
