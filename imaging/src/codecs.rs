//! Which encoder writes each output format: the choice, measured (README, "Image codecs").
//! The JavaScript codecs run outside this crate (the worker hands them RGBA pixels); this
//! module only decides.

use crate::OutputFormat;

/// An encoder that lives in JavaScript: the browser's own, or one of Squoosh's codecs
/// compiled to wasm (the jSquash npm packages), loaded only when a job needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsCodec {
    /// `OffscreenCanvas.convertToBlob("image/webp")`: libwebp in Chromium, at native speed.
    BrowserWebp,
    /// libwebp as wasm (`@jsquash/webp`), for browsers whose canvas cannot write WebP.
    LibWebp,
    /// MozJPEG as wasm (`@jsquash/jpeg`).
    MozJpeg,
    /// OxiPNG as wasm (`@jsquash/oxipng`), lossless.
    OxiPng,
    /// libavif with libaom as wasm (`@jsquash/avif`).
    Avif,
}

impl JsCodec {
    /// The name the worker's JavaScript knows it by.
    pub fn id(self) -> &'static str {
        match self {
            Self::BrowserWebp => "browser-webp",
            Self::LibWebp => "libwebp",
            Self::MozJpeg => "mozjpeg",
            Self::OxiPng => "oxipng",
            Self::Avif => "avif",
        }
    }

    /// The codec's own quality for Tamp's 1..=100 (libwebp's and MozJPEG's scale, where 75
    /// is the default). libavif's scale is harsher: Squoosh's default there is 50, so 75
    /// maps to 50, and 75..=100 spreads over 50..=100 so a size target can use them all.
    pub fn quality(self, quality: u8) -> f64 {
        let q = f64::from(quality);
        match self {
            Self::Avif if quality <= 75 => (q * 2.0 / 3.0).round().max(1.0),
            Self::Avif => 50.0 + (q - 75.0) * 2.0,
            _ => q,
        }
    }
}

/// Where one encode happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// The pure-Rust encoders of this crate.
    Rust,
    /// A JavaScript codec, given RGBA pixels.
    Js(JsCodec),
}

/// The encoder for `format` at `quality`. `keep_metadata`: only the Rust encoders write EXIF and ICC, so
/// they take the job then. `browser_webp`: whether this browser's canvas writes WebP (some
/// return PNG when asked for it).
pub fn codec_for(
    format: OutputFormat,
    quality: u8,
    keep_metadata: bool,
    browser_webp: bool,
) -> Codec {
    if format == OutputFormat::Avif {
        return Codec::Js(JsCodec::Avif);
    }
    if keep_metadata {
        return Codec::Rust;
    }
    match format {
        // Same bytes as cwebp at the same settings; the browser's is about twice as fast.
        // Canvases have no lossless WebP; quality 100 means lossless here.
        OutputFormat::Webp if browser_webp && quality < 100 => Codec::Js(JsCodec::BrowserWebp),
        OutputFormat::Webp => Codec::Js(JsCodec::LibWebp),
        OutputFormat::Jpeg => Codec::Js(JsCodec::MozJpeg),
        OutputFormat::Png => Codec::Js(JsCodec::OxiPng),
        _ => Codec::Rust,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_keeps_the_rust_encoders_and_webp_falls_back_to_libwebp() {
        for f in OutputFormat::ALL.into_iter().filter(|f| f.rust_encodes()) {
            assert_eq!(codec_for(f, 80, true, true), Codec::Rust);
        }
        assert_eq!(
            codec_for(OutputFormat::Avif, 80, true, true),
            Codec::Js(JsCodec::Avif)
        );
        assert_eq!(
            codec_for(OutputFormat::Webp, 80, false, true),
            Codec::Js(JsCodec::BrowserWebp)
        );
        assert_eq!(
            codec_for(OutputFormat::Webp, 100, false, true),
            Codec::Js(JsCodec::LibWebp)
        );
        assert_eq!(
            codec_for(OutputFormat::Webp, 80, false, false),
            Codec::Js(JsCodec::LibWebp)
        );
        assert_eq!(
            codec_for(OutputFormat::Jpeg, 80, false, false),
            Codec::Js(JsCodec::MozJpeg)
        );
        assert_eq!(codec_for(OutputFormat::Gif, 80, false, true), Codec::Rust);
        assert_eq!(JsCodec::Avif.quality(75), 50.0);
        assert_eq!(JsCodec::Avif.quality(100), 100.0);
        assert_eq!(JsCodec::MozJpeg.quality(75), 75.0);
    }
}
