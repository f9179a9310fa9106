//! Target-size fitting and hostile input: wrong bytes must give words, never a panic.

mod common;

use common::*;
use image::{DynamicImage, ImageFormat};
use tamp_imaging::{convert, ImageError, ImageOptions, OutputFormat, MIN_QUALITY};

fn photo_png(w: u32, h: u32) -> Vec<u8> {
    encoded(&DynamicImage::ImageRgb8(photo(w, h)), ImageFormat::Png)
}

#[test]
fn target_size_picks_the_highest_quality_that_fits() {
    let input = photo_png(320, 240);
    for format in [OutputFormat::Jpeg, OutputFormat::Webp] {
        let full = convert(
            &input,
            &ImageOptions {
                quality: 95,
                ..opts(format)
            },
        )
        .unwrap();
        let target = full.bytes.len() as u64 / 2;
        let out = convert(
            &input,
            &ImageOptions {
                quality: 95,
                target_bytes: Some(target),
                ..opts(format)
            },
        )
        .unwrap();
        assert!(
            out.bytes.len() as u64 <= target,
            "{format:?}: {} > {target}",
            out.bytes.len()
        );
        assert_eq!(
            (out.width, out.height),
            (320, 240),
            "{format:?}: no downscale needed"
        );
        assert!(
            out.notes
                .iter()
                .any(|n| n.contains("is the highest that fits")),
            "{:?}",
            out.notes
        );
        // A generous target is met at the requested quality in one go.
        let easy = convert(
            &input,
            &ImageOptions {
                quality: 95,
                target_bytes: Some(10_000_000),
                ..opts(format)
            },
        )
        .unwrap();
        assert_eq!(easy.bytes, full.bytes);
    }
}

#[test]
fn target_size_scales_down_when_quality_alone_cannot_fit() {
    let input = photo_png(640, 480);
    let lowest = convert(
        &input,
        &ImageOptions {
            quality: MIN_QUALITY,
            ..opts(OutputFormat::Jpeg)
        },
    )
    .unwrap();
    let target = lowest.bytes.len() as u64 / 3;
    let out = convert(
        &input,
        &ImageOptions {
            target_bytes: Some(target),
            ..opts(OutputFormat::Jpeg)
        },
    )
    .unwrap();
    assert!(out.bytes.len() as u64 <= target);
    assert!(
        out.bytes.len() as f64 >= 0.9 * target as f64,
        "{} of {target} used",
        out.bytes.len()
    );
    assert!(out.width < 640 && out.height < 480);
    assert!(
        out.notes.iter().any(|n| n.contains("scaled it down")),
        "{:?}",
        out.notes
    );
}

#[test]
fn impossible_target_fails_with_the_smallest_size_reached() {
    let input = photo_png(64, 64);
    let err = convert(
        &input,
        &ImageOptions {
            target_bytes: Some(50),
            ..opts(OutputFormat::Webp)
        },
    )
    .unwrap_err();
    let ImageError::TargetUnreachable { smallest, .. } = err else {
        panic!("{err:?}")
    };
    assert!(smallest > 50);
    assert!(err.to_string().contains("smallest file reached"), "{err}");
}

#[test]
fn garbage_gets_plain_words() {
    let random: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(
        convert(&random, &opts(OutputFormat::Png)),
        Err(ImageError::Unrecognized)
    );
    let empty = convert(&[], &opts(OutputFormat::Png)).unwrap_err();
    assert!(empty.to_string().contains("empty"), "{empty}");

    let png = photo_png(64, 64);
    let err = convert(&png[..png.len() / 2], &opts(OutputFormat::Jpeg)).unwrap_err();
    assert!(matches!(err, ImageError::Damaged { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("This PNG file is damaged or cut short"),
        "{err}"
    );

    let jpeg = encoded(&DynamicImage::ImageRgb8(photo(64, 64)), ImageFormat::Jpeg);
    let err = convert(&jpeg[..200], &opts(OutputFormat::Png)).unwrap_err();
    assert!(err.to_string().contains("JPEG"), "{err}");
    // Cut inside the picture data, the decoder fills the rest with grey and says nothing:
    // the missing end-of-image marker gives it away.
    let photo_jpeg = encoded(&DynamicImage::ImageRgb8(photo(640, 480)), ImageFormat::Jpeg);
    let err = convert(
        &photo_jpeg[..photo_jpeg.len() * 2 / 3],
        &opts(OutputFormat::Png),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "This JPEG file is damaged or cut short, so it could not be decoded (it ends before the picture does)."
    );
    assert!(convert(&photo_jpeg, &opts(OutputFormat::Png)).is_ok());
}

/// A tiny fuzzer: random bytes, every format truncated at many points, and bit flips.
/// Any panic fails the test; errors are expected.
#[test]
fn hostile_bytes_never_panic() {
    let mut seed = 0x9E37_79B9u32;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let o = opts(OutputFormat::Png);
    for len in [1, 2, 8, 17, 18, 64, 300, 4096] {
        for _ in 0..20 {
            let bytes: Vec<u8> = (0..len).map(|_| rand() as u8).collect();
            let _ = convert(&bytes, &o);
        }
    }
    let img = DynamicImage::ImageRgba8(translucent(24, 16));
    for format in [
        ImageFormat::Png,
        ImageFormat::Jpeg,
        ImageFormat::WebP,
        ImageFormat::Gif,
        ImageFormat::Bmp,
        ImageFormat::Ico,
        ImageFormat::Tiff,
        ImageFormat::Tga,
        ImageFormat::Qoi,
        ImageFormat::Pnm,
    ] {
        let src = if format == ImageFormat::Jpeg || format == ImageFormat::Pnm {
            DynamicImage::ImageRgb8(img.to_rgb8())
        } else {
            img.clone()
        };
        let good = encoded(&src, format);
        for cut in (0..good.len()).step_by((good.len() / 40).max(1)) {
            let _ = convert(&good[..cut], &o);
        }
        for _ in 0..60 {
            let mut bad = good.clone();
            for _ in 0..3 {
                let i = rand() as usize % bad.len();
                bad[i] ^= 1 << (rand() % 8);
            }
            let _ = convert(&bad, &o);
        }
    }
}
