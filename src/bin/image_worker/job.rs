//! One image job: read the input Blob, convert, post the result.

use js_sys::{Array, Uint8Array};
use tamp::protocol::{BeforeAfter, Event, Goal, JobId, JobSpec, MediaFacts, Stage};
use tamp_core::formats::output_by_id;
use tamp_core::human::format_bytes;
use tamp_core::sniff::sniff;
use tamp_imaging::{
    codec_for, prepare, prepare_rgba, Codec, DynamicImage, Encoded, Fitted, Fitter, ImageOptions,
    ImageOutput, Metadata, OutputFormat, Step,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag};

use crate::codecs::{browser_writes_webp, decode_heif, encode_with};
use crate::post;

/// How many log lines a failure carries back.
const LOG_TAIL: usize = 20;

/// Runs one job to its end: exactly one `Done` or `Failed` is posted.
pub async fn run(id: JobId, spec: JobSpec, input: Blob) {
    let mut log: Vec<String> = Vec::new();
    match convert_job(id, &spec, &input, &mut log).await {
        Ok((blob, size, notes)) => post(
            &Event::Done {
                id,
                output_name: spec.output_name.clone(),
                size,
                notes,
                warnings: Vec::new(),
            },
            Some(&blob),
        ),
        Err(message) => {
            let start = log.len().saturating_sub(LOG_TAIL);
            post(
                &Event::Failed {
                    id,
                    message,
                    log_tail: log.split_off(start),
                    engine_broken: false,
                },
                None,
            );
        }
    }
}

async fn convert_job(
    id: JobId,
    spec: &JobSpec,
    input: &Blob,
    log: &mut Vec<String>,
) -> Result<(Blob, u64, Vec<String>), String> {
    let Goal::Image(goal) = &spec.goal else {
        return Err(
            "The image engine only converts images; this job was sent to the wrong engine.".into(),
        );
    };
    let format = OutputFormat::from_id(&goal.format)
        .ok_or_else(|| format!("The image engine cannot write \"{}\".", goal.format))?;
    let mime = output_by_id(format.id()).map_or("application/octet-stream", |f| f.mime);
    let opts = ImageOptions {
        format,
        quality: goal.quality,
        max_width: goal.max_width,
        max_height: goal.max_height,
        target_bytes: goal.target_bytes,
        keep_metadata: goal.keep_metadata,
    };

    post(
        &Event::Stage {
            id,
            stage: Stage::Probing,
        },
        None,
    );
    let started = js_sys::Date::now();
    let bytes = read_blob(input)
        .await
        .map_err(|e| format!("The file could not be read: {}", describe(&e)))?;
    let say = |line: String, log: &mut Vec<String>| {
        post(
            &Event::Log {
                id,
                line: line.clone(),
            },
            None,
        );
        log.push(line);
    };
    say(
        format!("Read {} from the file.", format_bytes(bytes.len() as u64)),
        log,
    );

    let mut observed: Vec<String> = Vec::new();
    let mut observe = |step: Step| match step {
        Step::Decoding => {}
        Step::Encoding { attempt } => post(
            &Event::Stage {
                id,
                stage: Stage::Encoding { attempt, pass: 0 },
            },
            None,
        ),
        Step::Log(line) => {
            post(
                &Event::Log {
                    id,
                    line: line.clone(),
                },
                None,
            );
            observed.push(line);
        }
    };
    let result = encode_job(&bytes, &opts, &mut observe).await;
    log.append(&mut observed);
    drop(bytes);
    let output = result?;
    say(
        format!(
            "Converted in {:.2} s.",
            (js_sys::Date::now() - started) / 1000.0
        ),
        log,
    );

    post(
        &Event::Stage {
            id,
            stage: Stage::Finishing,
        },
        None,
    );
    post(
        &Event::Measured {
            id,
            facts: BeforeAfter {
                input: Some(MediaFacts::picture(
                    output.source_width,
                    output.source_height,
                )),
                output: Some(MediaFacts::picture(output.width, output.height)),
            },
        },
        None,
    );
    let size = output.bytes.len() as u64;
    let blob = to_blob(&output.bytes, mime).map_err(|e| {
        format!(
            "The result could not be handed to the page: {}",
            describe(&e)
        )
    })?;
    Ok((blob, size, output.notes))
}

/// Prepares the picture, picks its encoder and encodes it once, or as often as fitting the
/// target size takes (the same [`Fitter`] loop as `tamp_imaging::convert_observed`, with an
/// encoder that may be asynchronous).
async fn encode_job(
    input: &[u8],
    opts: &ImageOptions,
    observe: &mut dyn FnMut(Step),
) -> Result<ImageOutput, String> {
    let started = js_sys::Date::now();
    let mut prepared = if sniff(input).format == Some("heic") {
        observe(Step::Decoding);
        let (w, h, rgba) = decode_heif(input).await?;
        prepare_rgba(w, h, rgba, "HEIC", opts, observe)
    } else {
        prepare(input, opts, observe)
    }
    .map_err(|e| e.to_string())?;
    observe(Step::Log(format!(
        "Decoded and prepared in {}.",
        secs_since(started)
    )));
    let format = opts.format;
    let browser_webp = format == OutputFormat::Webp && browser_writes_webp().await;
    let codec = codec_for(format, prepared.quality, opts.keep_metadata, browser_webp);
    if let Codec::Js(js) = codec {
        observe(Step::Log(format!("Encoder: {}.", js.id())));
    }
    let meta = prepared.meta.take();
    let fitted = match opts.target_bytes {
        Some(target) if format.is_lossy() => {
            let mut fitter = Fitter::new(&prepared.image, prepared.quality, target);
            while let Some((probe, img)) = fitter.next(observe) {
                let encoded =
                    timed(codec, &img, format, probe.quality, meta.as_ref(), observe).await?;
                fitter.record(encoded, observe);
            }
            fitter.finish().map_err(|e| e.to_string())?
        }
        _ => {
            observe(Step::Encoding { attempt: 1 });
            let q = prepared.quality;
            let encoded = timed(codec, &prepared.image, format, q, meta.as_ref(), observe).await?;
            Fitted::whole(encoded, &prepared.image, q)
        }
    };
    prepared.meta = meta;
    Ok(prepared.finish(fitted, observe))
}

/// One encode, with its time in the log (the benchmark reads it: scripts/bench-images.mjs).
async fn timed(
    codec: Codec,
    img: &DynamicImage,
    format: OutputFormat,
    quality: u8,
    meta: Option<&Metadata>,
    observe: &mut dyn FnMut(Step),
) -> Result<Encoded, String> {
    let started = js_sys::Date::now();
    let encoded = encode_with(codec, img, format, quality, meta).await?;
    observe(Step::Log(format!(
        "Encoded at quality {quality} in {}.",
        secs_since(started)
    )));
    Ok(encoded)
}

fn secs_since(started: f64) -> String {
    format!("{:.2} s", (js_sys::Date::now() - started) / 1000.0)
}

/// The Blob's bytes, copied into wasm memory (module workers have no FileReaderSync).
async fn read_blob(blob: &Blob) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(blob.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Copies the output out of wasm memory into a Blob of the given MIME type.
fn to_blob(bytes: &[u8], mime: &str) -> Result<Blob, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options)
}

pub(crate) fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
