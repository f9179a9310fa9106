//! One image job: read the input Blob, convert, post the result.

use js_sys::{Array, Uint8Array};
use tamp::protocol::{BeforeAfter, Event, Goal, JobId, JobSpec, MediaFacts, Stage};
use tamp_core::formats::output_by_id;
use tamp_core::human::format_bytes;
use tamp_imaging::{ImageOptions, OutputFormat, Step};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag};

use crate::picture::encode_job;
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
                    reason: None,
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
