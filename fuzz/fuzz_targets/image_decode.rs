//! Images are decoded from whatever bytes the user drops. Any input must convert or be
//! refused with an error (a decompression bomb before any pixel is allocated), never
//! panic; the output of a conversion is non-empty and no larger than asked.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tamp_imaging::{convert, ImageOptions, OutputFormat};

fuzz_target!(|data: &[u8]| {
    let opts = ImageOptions {
        format: OutputFormat::Png,
        quality: 80,
        max_width: Some(64),
        max_height: Some(64),
        target_bytes: None,
        keep_metadata: false,
    };
    if let Ok(out) = convert(data, &opts) {
        assert!(!out.bytes.is_empty());
        assert!(
            out.width <= 64 && out.height <= 64,
            "{}x{}",
            out.width,
            out.height
        );
    }
});
