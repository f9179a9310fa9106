//! The decompression-bomb guard: limits checked against the header before any pixel
//! buffer is allocated.
//!
//! A 20 000 × 20 000 PNG can be a few kilobytes on disk and 1.6 GB in memory; a browser tab
//! (wasm32: 4 GiB address space at most, often less) would die without a clear message.

/// Largest accepted width or height, in pixels.
pub const MAX_SIDE: u32 = 20_000;
/// Largest accepted pixel count, in megapixels (a 100-MP RGBA8 buffer is 400 MB).
pub const MAX_MEGAPIXELS: u64 = 100;
/// Cap handed to the `image` crate's own `Limits` for any single allocation while decoding,
/// a second line of defence (16-bit or float images need 2–4× the bytes per pixel).
pub const MAX_ALLOC: u64 = 1 << 30;

/// Whether an image of this size may be decoded.
pub fn allowed(width: u32, height: u32) -> bool {
    width <= MAX_SIDE
        && height <= MAX_SIDE
        && u64::from(width) * u64::from(height) <= MAX_MEGAPIXELS * 1_000_000
}

/// The `image` crate limits used for every decode. Only the allocation cap: the side and
/// pixel-count limits are checked by [`allowed`] so the refusal can name the image's size.
pub(crate) fn decoder_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}
