//! Round trips, orientation, resizing, metadata, alpha and the bomb guard.

mod common;

use common::*;
use image::{DynamicImage, GenericImageView, ImageDecoder, ImageFormat};
use tamp_imaging::{convert, ImageError, OutputFormat};

fn decode(bytes: &[u8]) -> DynamicImage {
    image::load_from_memory(bytes).expect("output decodes")
}

#[test]
fn every_output_format_round_trips() {
    let input = encoded(&DynamicImage::ImageRgb8(photo(64, 48)), ImageFormat::Png);
    for format in OutputFormat::ALL.into_iter().filter(|f| f.rust_encodes()) {
        let out = convert(&input, &opts(format)).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        let expected = match format {
            OutputFormat::Webp => ImageFormat::WebP,
            OutputFormat::Jpeg => ImageFormat::Jpeg,
            OutputFormat::Png => ImageFormat::Png,
            OutputFormat::Gif => ImageFormat::Gif,
            OutputFormat::Bmp => ImageFormat::Bmp,
            OutputFormat::Ico => ImageFormat::Ico,
            OutputFormat::Tiff => ImageFormat::Tiff,
            OutputFormat::Qoi => ImageFormat::Qoi,
            OutputFormat::Avif => unreachable!("written in the worker only"),
        };
        assert_eq!(
            image::guess_format(&out.bytes).ok(),
            Some(expected),
            "{format:?}"
        );
        assert_eq!(decode(&out.bytes).dimensions(), (64, 48), "{format:?}");
        assert_eq!((out.width, out.height), (64, 48));
    }
}

#[test]
fn every_readable_input_format_is_detected_by_content() {
    let img = DynamicImage::ImageRgb8(photo(32, 24));
    for f in [
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
        // ICO's embedded PNG must be RGBA.
        let src = if f == ImageFormat::Ico {
            DynamicImage::ImageRgba8(img.to_rgba8())
        } else {
            img.clone()
        };
        let out = convert(&encoded(&src, f), &opts(OutputFormat::Png))
            .unwrap_or_else(|e| panic!("{f:?}: {e}"));
        assert_eq!((out.width, out.height), (32, 24), "{f:?}");
    }
}

#[test]
fn lossy_webp_is_smaller_than_lossless_and_quality_100_is_lossless() {
    let input = encoded(&DynamicImage::ImageRgb8(photo(256, 192)), ImageFormat::Png);
    let lossy = convert(&input, &opts(OutputFormat::Webp)).unwrap();
    let lossless = convert(
        &input,
        &tamp_imaging::ImageOptions {
            quality: 100,
            ..opts(OutputFormat::Webp)
        },
    )
    .unwrap();
    assert!(lossy.bytes.len() < lossless.bytes.len());
    assert!(lossless.notes.iter().any(|n| n.contains("lossless")));
    // Lossless means lossless.
    let back = decode(&lossless.bytes).to_rgb8();
    assert_eq!(back, photo(256, 192));
}

#[test]
fn exif_orientation_turns_the_picture_upright() {
    // Orientation 6: the camera was turned 90° clockwise; viewers rotate 90° clockwise.
    let input = png_with_orientation(&halves(40, 20), 6);
    let out = convert(&input, &opts(OutputFormat::Png)).unwrap();
    assert_eq!((out.width, out.height), (20, 40));
    // The before/after line shows the input as a viewer shows it: upright too.
    assert_eq!((out.source_width, out.source_height), (20, 40));
    let img = decode(&out.bytes).to_rgb8();
    // The left half (red) is now on top.
    assert_eq!(img.get_pixel(10, 5).0, [255, 0, 0]);
    assert_eq!(img.get_pixel(10, 35).0, [0, 0, 255]);
    assert!(out.notes.iter().any(|n| n.contains("upright")));
}

#[test]
fn metadata_is_stripped_by_default_and_kept_on_request() {
    let input = png_with_orientation(&halves(40, 20), 6);
    let exif_of = |bytes: &[u8]| {
        let mut d = image::codecs::png::PngDecoder::new(std::io::Cursor::new(bytes)).unwrap();
        d.exif_metadata().unwrap()
    };
    let stripped = convert(&input, &opts(OutputFormat::Png)).unwrap();
    assert_eq!(exif_of(&stripped.bytes), None);
    assert!(stripped
        .notes
        .iter()
        .any(|n| n.contains("Removed the metadata")));

    let kept = convert(
        &input,
        &tamp_imaging::ImageOptions {
            keep_metadata: true,
            ..opts(OutputFormat::Png)
        },
    )
    .unwrap();
    let exif = exif_of(&kept.bytes).expect("EXIF kept");
    // Kept, but the orientation now says "upright" so viewers do not rotate twice.
    assert_eq!(
        image::metadata::Orientation::from_exif_chunk(&exif),
        Some(image::metadata::Orientation::NoTransforms)
    );
    assert!(kept
        .notes
        .iter()
        .any(|n| n.contains("Kept the camera data")));
    assert_eq!((kept.width, kept.height), (20, 40));

    let bmp = convert(
        &input,
        &tamp_imaging::ImageOptions {
            keep_metadata: true,
            ..opts(OutputFormat::Bmp)
        },
    )
    .unwrap();
    assert!(bmp
        .notes
        .iter()
        .any(|n| n.contains("cannot carry metadata")));
}

#[test]
fn resize_keeps_aspect_and_never_upscales() {
    let input = encoded(&DynamicImage::ImageRgb8(photo(300, 200)), ImageFormat::Png);
    let o = |w, h| tamp_imaging::ImageOptions {
        max_width: w,
        max_height: h,
        ..opts(OutputFormat::Png)
    };
    let dims = |w, h| {
        let out = convert(&input, &o(w, h)).unwrap();
        assert_eq!(decode(&out.bytes).dimensions(), (out.width, out.height));
        (out.width, out.height)
    };
    assert_eq!(dims(Some(150), None), (150, 100));
    assert_eq!(dims(None, Some(50)), (75, 50));
    assert_eq!(dims(Some(100), Some(100)), (100, 67));
    assert_eq!(dims(Some(1000), Some(1000)), (300, 200));
    assert!(matches!(
        convert(&input, &o(Some(0), None)),
        Err(ImageError::InvalidOptions(_))
    ));
}

#[test]
fn ico_is_scaled_down_to_256() {
    let input = encoded(&DynamicImage::ImageRgb8(photo(600, 300)), ImageFormat::Png);
    let out = convert(&input, &opts(OutputFormat::Ico)).unwrap();
    assert_eq!((out.width, out.height), (256, 128));
    assert_eq!((out.source_width, out.source_height), (600, 300));
    assert_eq!(decode(&out.bytes).dimensions(), (256, 128));
    assert!(out.notes.iter().any(|n| n.contains("256 × 256")));
}

#[test]
fn jpeg_flattens_transparency_onto_white() {
    let input = encoded(
        &DynamicImage::ImageRgba8(translucent(32, 16)),
        ImageFormat::Png,
    );
    let out = convert(&input, &opts(OutputFormat::Jpeg)).unwrap();
    let img = decode(&out.bytes).to_rgb8();
    let [r, g, b] = img.get_pixel(4, 8).0;
    assert!(
        r > 240 && g > 240 && b > 240,
        "transparent became {r},{g},{b}"
    );
    let [r, g, b] = img.get_pixel(28, 8).0;
    assert!(
        r < 16 && g < 16 && b < 16,
        "opaque black became {r},{g},{b}"
    );
    assert!(out.notes.iter().any(|n| n.contains("white")));
    // Other formats keep the alpha channel, and PNG the colours under it.
    let png = convert(&input, &opts(OutputFormat::Png)).unwrap();
    assert!(decode(&png.bytes).color().has_alpha());
    assert_eq!(
        decode(&png.bytes).to_rgba8().into_raw(),
        decode(&input).to_rgba8().into_raw()
    );
    // For AVIF what nobody sees is blanked (libavif would spend bytes on it), and only that.
    let coloured = image::RgbaImage::from_fn(32, 16, |x, y| {
        image::Rgba([
            200,
            100,
            (x * 8) as u8,
            if x < 16 { 0 } else { 40 + y as u8 },
        ])
    });
    let input = encoded(
        &DynamicImage::ImageRgba8(coloured.clone()),
        ImageFormat::Png,
    );
    let mut noop = |_| {};
    let avif = tamp_imaging::prepare(&input, &opts(OutputFormat::Avif), &mut noop).unwrap();
    for (a, s) in avif.image.to_rgba8().pixels().zip(coloured.pixels()) {
        assert_eq!(a.0, if s.0[3] == 0 { [0; 4] } else { s.0 });
    }
}

#[test]
fn bombs_are_refused_from_the_header() {
    for (w, h) in [
        (30_000, 100),
        (100, 20_001),
        (12_000, 12_000),
        (100_000, 100_000),
    ] {
        let err = convert(&png_header_only(w, h), &opts(OutputFormat::Png)).unwrap_err();
        assert_eq!(
            err,
            ImageError::TooLarge {
                width: w,
                height: h
            }
        );
        let text = err.to_string();
        assert!(
            text.contains("100 megapixels") && text.contains("20000 pixels"),
            "{text}"
        );
    }
    let pnm = b"P6\n20000 20000\n255\n".to_vec();
    assert!(matches!(
        convert(&pnm, &opts(OutputFormat::Png)),
        Err(ImageError::TooLarge { .. })
    ));
}

#[test]
fn pixels_decoded_elsewhere_are_prepared_like_any_image() {
    use tamp_imaging::{prepare_rgba, Fitted};
    let rgba: Vec<u8> = (0..6 * 4 * 4).map(|i| (i * 7) as u8 | 3).collect();
    let o = opts(OutputFormat::Png);
    let mut noop = |_| {};
    let prepared = prepare_rgba(6, 4, rgba.clone(), "HEIC", &o, &mut noop).unwrap();
    // Opaque except where the pattern says otherwise: alpha is kept as it came.
    assert_eq!((prepared.image.width(), prepared.image.height()), (6, 4));
    let encoded = tamp_imaging::encode(&prepared.image, OutputFormat::Png, 80, None).unwrap();
    let out = prepared.finish(Fitted::whole(encoded, (6, 4), 80), &mut noop);
    assert_eq!(decode(&out.bytes).to_rgba8().into_raw(), rgba);
    // A buffer that does not match its size is refused, not read past.
    assert!(matches!(
        prepare_rgba(6, 5, rgba, "HEIC", &o, &mut noop),
        Err(ImageError::Damaged { .. })
    ));
    assert!(matches!(
        prepare_rgba(30_000, 30_000, vec![], "HEIC", &o, &mut noop),
        Err(ImageError::TooLarge { .. })
    ));
}
