//! The JavaScript encoders (`public/image-codecs.js`): the browser's WebP encoder and the
//! jSquash wasm codecs. `tamp_imaging::codec_for` decides which one a job uses; this only
//! crosses over and back.

use js_sys::{Promise, Uint8Array};
use tamp_imaging::{encode, Codec, DynamicImage, Encoded, JsCodec, Metadata, OutputFormat};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::job::describe;

#[wasm_bindgen]
extern "C" {
    /// Defined on the worker global by `image-codecs.js`.
    #[wasm_bindgen(js_name = tampImageEncode, catch)]
    fn js_encode(
        codec: &str,
        rgba: &[u8],
        width: u32,
        height: u32,
        quality: f64,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_name = tampDecodeHeif, catch)]
    fn js_decode_heif(file: &[u8]) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_name = tampBrowserWritesWebp, catch)]
    fn js_browser_writes_webp() -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_name = tampBitmapOpen, catch)]
    fn js_bitmap_open(file: &[u8], width: u32, height: u32) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_name = tampBitmapWebp, catch)]
    fn js_bitmap_webp(
        bitmap: &JsValue,
        width: u32,
        height: u32,
        quality: f64,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_name = tampBitmapClose)]
    fn js_bitmap_close(bitmap: &JsValue);
}

/// The file decoded by the browser (`createImageBitmap`, EXIF orientation applied): an
/// `ImageBitmap`, refused unless it is `width × height`, the upright size Rust read from the
/// header (so a browser that ignored the orientation is caught).
pub async fn open_bitmap(file: &[u8], width: u32, height: u32) -> Result<JsValue, JsValue> {
    // The JavaScript side copies the bytes before it returns the promise.
    JsFuture::from(js_bitmap_open(file, width, height)?).await
}

/// `bitmap` drawn at `width × height` and encoded by the browser's WebP encoder.
pub async fn bitmap_webp(
    bitmap: &JsValue,
    width: u32,
    height: u32,
    quality: u8,
) -> Result<Encoded, String> {
    let js = JsCodec::BrowserWebp;
    let promise =
        js_bitmap_webp(bitmap, width, height, js.quality(quality)).map_err(|e| failed(js, &e))?;
    let bytes = JsFuture::from(promise).await.map_err(|e| failed(js, &e))?;
    Ok(Encoded {
        bytes: Uint8Array::new(&bytes).to_vec(),
        kept: Vec::new(),
    })
}

/// Frees the bitmap's pixels now rather than at garbage collection.
pub fn close_bitmap(bitmap: &JsValue) {
    js_bitmap_close(bitmap);
}

/// Whether this browser's canvas writes WebP (feature-detected once, in JavaScript).
pub async fn browser_writes_webp() -> bool {
    match js_browser_writes_webp() {
        Ok(p) => JsFuture::from(p)
            .await
            .is_ok_and(|v| v.as_bool() == Some(true)),
        Err(_) => false,
    }
}

/// A HEIC/HEIF file's primary image as upright RGBA8, decoded by libheif (`libheif-js`).
pub async fn decode_heif(file: &[u8]) -> Result<(u32, u32, Vec<u8>), String> {
    let failed = |e: JsValue| format!("This HEIC image could not be decoded: {}", describe(&e));
    // The JavaScript side copies the bytes before it returns the promise.
    let decoded = JsFuture::from(js_decode_heif(file).map_err(failed)?)
        .await
        .map_err(failed)?;
    let parts = js_sys::Array::from(&decoded);
    let side = |i: u32| parts.get(i).as_f64().map_or(0, |v| v as u32);
    Ok((side(0), side(1), Uint8Array::new(&parts.get(2)).to_vec()))
}

/// One encode of `img` by `codec`.
pub async fn encode_with(
    codec: Codec,
    img: &DynamicImage,
    format: OutputFormat,
    quality: u8,
    meta: Option<&Metadata>,
) -> Result<Encoded, String> {
    let js = match codec {
        Codec::Rust => return encode(img, format, quality, meta).map_err(|e| e.to_string()),
        Codec::Js(js) => js,
    };
    let rgba = img.to_rgba8();
    // The JavaScript side copies the pixels before it returns the promise.
    let promise = js_encode(
        js.id(),
        rgba.as_raw(),
        rgba.width(),
        rgba.height(),
        js.quality(quality),
    )
    .map_err(|e| failed(js, &e))?;
    drop(rgba);
    let bytes = JsFuture::from(promise).await.map_err(|e| failed(js, &e))?;
    Ok(Encoded {
        bytes: Uint8Array::new(&bytes).to_vec(),
        kept: Vec::new(),
    })
}

fn failed(js: JsCodec, e: &JsValue) -> String {
    format!("The {} encoder failed: {}", js.id(), describe(e))
}
