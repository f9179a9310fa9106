//! Reading what the browser gives us about a user's file.

use js_sys::Uint8Array;
use tamp_core::sniff::{sniff, Sniffed};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How much of a file's start is read to recognise it.
pub const SNIFF_BYTES: f64 = 65_536.0;

/// Recognises a file by its first bytes (never by its name).
pub async fn sniff_blob(blob: &web_sys::Blob) -> Result<Sniffed, JsValue> {
    let head = blob.slice_with_f64_and_f64(0.0, SNIFF_BYTES)?;
    let buffer = JsFuture::from(head.array_buffer()).await?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    Ok(sniff(&bytes))
}

/// The part of a file name before its last dot (the whole name if it has none).
pub fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stem_drops_only_the_last_extension() {
        assert_eq!(stem("holiday.clip.mp4"), "holiday.clip");
        assert_eq!(stem("noext"), "noext");
        assert_eq!(stem(".hidden"), ".hidden");
    }
}
