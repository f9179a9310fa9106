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
    #[wasm_bindgen(js_name = tampBrowserWritesWebp, catch)]
    fn js_browser_writes_webp() -> Result<Promise, JsValue>;
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
