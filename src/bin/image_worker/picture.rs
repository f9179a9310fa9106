//! One image job's pixels: decoded by Rust (or libheif) and prepared, or left to the browser
//! end to end (`tamp_imaging::browser_plan` decides), then encoded once or as often as
//! fitting the target size takes: the same [`Fitter`] loop as `tamp_imaging::convert_observed`,
//! with encoders that may be asynchronous.

use tamp_core::sniff::sniff;
use tamp_imaging::{
    at_size, browser_plan, codec_for, prepare, prepare_rgba, Codec, DynamicImage, Fitted, Fitter,
    ImageOptions, ImageOutput, OutputFormat, Plan, Prepared, Step,
};
use wasm_bindgen::JsValue;

use crate::codecs::{self, browser_writes_webp, decode_heif, encode_with};
use crate::job::describe;

/// The picture the encoder reads: pixels in wasm memory, or the browser's own decode.
enum Picture {
    Pixels(DynamicImage),
    /// An `ImageBitmap`, upright, at the source's size.
    Bitmap(JsValue),
}

/// Prepares the picture, picks its encoder and encodes it.
pub async fn encode_job(
    input: &[u8],
    opts: &ImageOptions,
    observe: &mut dyn FnMut(Step),
) -> Result<ImageOutput, String> {
    let started = js_sys::Date::now();
    let format = opts.format;
    let browser_webp = format == OutputFormat::Webp && browser_writes_webp().await;
    let codec = codec_for(format, opts.quality, opts.keep_metadata, browser_webp);
    if let Codec::Js(js) = codec {
        observe(Step::Log(format!("Encoder: {}.", js.id())));
    }
    let (picture, plan) = decoded(input, opts, codec, observe).await?;
    observe(Step::Log(format!(
        "Decoded and prepared in {}.",
        secs_since(started)
    )));
    let meta = plan.meta.as_ref();
    let size = (plan.width, plan.height);
    let encode = async |w: u32, h: u32, quality: u8| {
        let started = js_sys::Date::now();
        let encoded = match &picture {
            Picture::Pixels(img) => {
                encode_with(codec, &at_size(img, w, h), format, quality, meta).await
            }
            Picture::Bitmap(bitmap) => codecs::bitmap_webp(bitmap, w, h, quality).await,
        }?;
        Ok::<_, String>((encoded, secs_since(started)))
    };
    let fitted = match opts.target_bytes {
        Some(target) if format.is_lossy() => {
            let mut fitter = Fitter::new(size, plan.quality, target);
            while let Some((probe, w, h)) = fitter.next(observe) {
                let (encoded, secs) = encode(w, h, probe.quality).await?;
                observe(encoded_in(probe.quality, &secs));
                fitter.record(encoded, observe);
            }
            fitter.finish().map_err(|e| e.to_string())?
        }
        _ => {
            observe(Step::Encoding { attempt: 1 });
            let (encoded, secs) = encode(size.0, size.1, plan.quality).await?;
            observe(encoded_in(plan.quality, &secs));
            Fitted::whole(encoded, size, plan.quality)
        }
    };
    if let Picture::Bitmap(bitmap) = &picture {
        codecs::close_bitmap(bitmap);
    }
    Ok(plan.finish(fitted, observe))
}

/// The picture and its plan: the browser's decode where it can do the whole job, else Rust's
/// (or libheif's for HEIC).
async fn decoded(
    input: &[u8],
    opts: &ImageOptions,
    codec: Codec,
    observe: &mut dyn FnMut(Step),
) -> Result<(Picture, Plan), String> {
    if let Some(plan) = browser_plan(input, opts, codec) {
        observe(Step::Decoding);
        let (w, h) = (plan.source_width, plan.source_height);
        match codecs::open_bitmap(input, w, h).await {
            Ok(bitmap) => {
                observe(Step::Log(format!(
                    "The browser decoded the {w} × {h} picture."
                )));
                return Ok((Picture::Bitmap(bitmap), plan));
            }
            Err(e) => observe(Step::Log(format!(
                "The browser could not decode it ({}); decoding it here instead.",
                describe(&e)
            ))),
        }
    }
    let prepared = if sniff(input).format == Some("heic") {
        observe(Step::Decoding);
        let (w, h, rgba) = decode_heif(input).await?;
        prepare_rgba(w, h, rgba, "HEIC", opts, observe)
    } else {
        prepare(input, opts, observe)
    }
    .map_err(|e| e.to_string())?;
    let Prepared { image, plan } = prepared;
    Ok((Picture::Pixels(image), plan))
}

/// The encode's time, for the log (the benchmark reads it: scripts/bench-images.mjs).
fn encoded_in(quality: u8, secs: &str) -> Step {
    Step::Log(format!("Encoded at quality {quality} in {secs}."))
}

fn secs_since(started: f64) -> String {
    format!("{:.2} s", (js_sys::Date::now() - started) / 1000.0)
}
