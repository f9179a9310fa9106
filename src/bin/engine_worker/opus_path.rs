//! Opus sound (Ogg, or WebM audio) from the browser's own `AudioEncoder`, through
//! Mediabunny: the FFmpeg core's libopus crashes at 48 kHz (ffmpeg.wasm 0.12.10), so the
//! browser does it where it can. Constant-bitrate Opus lands where planned; every output is
//! measured and corrected with the same `refit` as FFmpeg's sound. Any failure here hands
//! the job back to FFmpeg at 24 kHz (the caller), which says so.
//!
//! The few Mediabunny helpers here repeat `mediabunny_api.rs`'s on purpose: that file is
//! being rewritten for the video pipeline, and sound needs only this much of it.

use js_sys::{Array, Function, Object, Promise, Reflect};
use tamp::protocol::{Event, JobId};
use tamp_core::args::EncodeIo;
use tamp_core::audio_fit::{refit, AudioFit, Refit};
use tamp_core::trim::TrimWindow;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::fast_path::stage;
use crate::job::{Engine, Output, MAX_RETRIES};
use crate::size_fit::{log_line, HeldOutputs};
use crate::{describe_js_error, post};

/// Why the browser could not do it, for the job's log.
type Reason = String;

/// The container of an Opus output.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpusContainer {
    Ogg,
    WebM,
}

impl OpusContainer {
    /// The container of a registry format id ("opus" or "webm-audio").
    pub(crate) fn for_format(id: &str) -> Option<Self> {
        match id {
            "opus" => Some(OpusContainer::Ogg),
            "webm-audio" => Some(OpusContainer::WebM),
            _ => None,
        }
    }
}

impl Engine {
    /// Fits `fit` under `target_bytes` with the browser's Opus encoder (at most
    /// [`MAX_RETRIES`] corrections); the output lands at `io.output` in FFmpeg's file system.
    pub(crate) async fn opus_to_target(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        mut fit: AudioFit,
        (target_bytes, container): (u64, OpusContainer),
        io: &EncodeIo<'_>,
    ) -> Result<Output, Reason> {
        let mut best: Option<(js_sys::Uint8Array, Vec<String>)> = None;
        for attempt in 1..=MAX_RETRIES + 1 {
            post(
                &Event::Planned {
                    id,
                    notes: fit.notes.clone(),
                },
                None,
            );
            stage(id, attempt);
            let bytes = encode_opus(input, &fit, container, io.trim).await?;
            let size = u64::from(bytes.length());
            let decision = if attempt > MAX_RETRIES && size <= target_bytes {
                Refit::Keep
            } else {
                refit(&fit, target_bytes, size).map_err(|e| e.to_string())?
            };
            match decision {
                Refit::Keep => return self.keep(&bytes, fit.notes, io, target_bytes),
                Refit::Again {
                    fit: next,
                    keep_current,
                } => {
                    log_line(
                        id,
                        format!(
                            "Attempt {attempt} came out at {size} bytes; re-encoding at {} kbit/s.",
                            next.bitrate_bps as f64 / 1000.0
                        ),
                    );
                    let better = best
                        .as_ref()
                        .is_none_or(|(b, _)| b.length() < bytes.length());
                    if keep_current && better {
                        best = Some((bytes, fit.notes.clone()));
                    }
                    fit = next;
                }
            }
        }
        match best {
            Some((bytes, notes)) => self.keep(&bytes, notes, io, target_bytes),
            None => Err("the browser's Opus encoder could not bring it under the target".into()),
        }
    }

    /// One Opus encode at `fit`'s bitrate, without a target (quality mode).
    pub(crate) async fn opus_once(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        fit: AudioFit,
        container: OpusContainer,
        io: &EncodeIo<'_>,
    ) -> Result<Output, Reason> {
        post(
            &Event::Planned {
                id,
                notes: fit.notes.clone(),
            },
            None,
        );
        stage(id, 1);
        let bytes = encode_opus(input, &fit, container, io.trim).await?;
        self.write_output(&bytes, fit.notes, io)
    }

    fn keep(
        &self,
        bytes: &js_sys::Uint8Array,
        mut notes: Vec<String>,
        io: &EncodeIo,
        target: u64,
    ) -> Result<Output, Reason> {
        let share = 100.0 * f64::from(bytes.length()) / target as f64;
        notes.push(format!("Uses {share:.1} % of the target size."));
        self.write_output(bytes, notes, io)
    }

    fn write_output(
        &self,
        bytes: &js_sys::Uint8Array,
        mut notes: Vec<String>,
        io: &EncodeIo,
    ) -> Result<Output, Reason> {
        notes.push("Encoded with the browser's own Opus encoder (WebCodecs).".into());
        // Held in memory, as the browser's video outputs are: the FFmpeg core may never load.
        HeldOutputs(&self.held).put(io.output, bytes.clone());
        Ok(Output {
            path: io.output.to_owned(),
            size: u64::from(bytes.length()),
            notes,
        })
    }
}

fn module() -> Result<JsValue, JsValue> {
    let m = Reflect::get(&js_sys::global(), &"Mediabunny".into())?;
    if m.is_undefined() {
        return Err(JsValue::from_str("Mediabunny is not loaded"));
    }
    Ok(m)
}

fn construct(class: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let ctor: Function = Reflect::get(&module()?, &class.into())?.dyn_into()?;
    let list: Array = args.iter().copied().collect();
    Reflect::construct(&ctor, &list)
}

fn object(entries: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let o = Object::new();
    for (k, v) in entries {
        Reflect::set(&o, &(*k).into(), v)?;
    }
    Ok(o)
}

/// Runs one Mediabunny conversion of the input's sound to Opus; returns the file.
async fn encode_opus(
    input: &web_sys::Blob,
    fit: &AudioFit,
    container: OpusContainer,
    trim: Option<TrimWindow>,
) -> Result<js_sys::Uint8Array, Reason> {
    let js = |e: JsValue| describe_js_error(&e);
    let source = construct("BlobSource", &[input]).map_err(js)?;
    let formats = Reflect::get(&module().map_err(js)?, &"ALL_FORMATS".into()).map_err(js)?;
    let input = construct(
        "Input",
        &[&object(&[("source", source), ("formats", formats)])
            .map_err(js)?
            .into()],
    )
    .map_err(js)?;
    let format = match container {
        OpusContainer::Ogg => construct("OggOutputFormat", &[]),
        OpusContainer::WebM => construct("WebMOutputFormat", &[]),
    }
    .map_err(js)?;
    let target = construct("BufferTarget", &[]).map_err(js)?;
    let output = construct(
        "Output",
        &[&object(&[("format", format), ("target", target.clone())])
            .map_err(js)?
            .into()],
    )
    .map_err(js)?;
    // Constant bitrate: each 20 ms packet has the same size, so the plan's size holds.
    let quality = construct(
        "Quality",
        &[&object(&[
            ("bitrate", (fit.bitrate_bps as f64).into()),
            ("bitrateMode", "constant".into()),
        ])
        .map_err(js)?
        .into()],
    )
    .map_err(js)?;
    let audio = object(&[
        ("codec", "opus".into()),
        ("numberOfChannels", fit.channels.into()),
        ("sampleRate", 48_000.into()),
        ("quality", quality),
        ("forceTranscode", true.into()),
    ])
    .map_err(js)?;
    let options = object(&[
        ("input", input),
        ("output", output),
        (
            "video",
            object(&[("discard", true.into())]).map_err(js)?.into(),
        ),
        ("audio", audio.into()),
        // No descriptive tags, as everywhere.
        ("tags", Object::new().into()),
        ("showWarnings", false.into()),
    ])
    .map_err(js)?;
    if let Some(trim) = trim {
        let (start, end) = trim.seconds();
        let range = object(&[("start", start.into())]).map_err(js)?;
        if let Some(end) = end {
            Reflect::set(&range, &"end".into(), &end.into()).map_err(js)?;
        }
        Reflect::set(&options, &"trim".into(), &range).map_err(js)?;
    }
    let conversion_class =
        Reflect::get(&module().map_err(js)?, &"Conversion".into()).map_err(js)?;
    let init: Function = Reflect::get(&conversion_class, &"init".into())
        .map_err(js)?
        .dyn_into()
        .map_err(js)?;
    let promise: Promise = init
        .call1(&JsValue::NULL, &options)
        .map_err(js)?
        .dyn_into()
        .map_err(js)?;
    let conversion = JsFuture::from(promise)
        .await
        .map_err(|e| format!("the browser cannot read this file ({})", js(e)))?;
    let valid = Reflect::get(&conversion, &"isValid".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !valid {
        return Err("the browser has no Opus encoder for this sound".into());
    }
    let execute: Function = Reflect::get(&conversion, &"execute".into())
        .map_err(js)?
        .dyn_into()
        .map_err(js)?;
    let run: Promise = execute
        .call0(&conversion)
        .map_err(js)?
        .dyn_into()
        .map_err(js)?;
    JsFuture::from(run).await.map_err(js)?;
    let buffer = Reflect::get(&target, &"buffer".into()).map_err(js)?;
    let buffer: js_sys::ArrayBuffer = buffer
        .dyn_into()
        .map_err(|_| "the muxer produced no output".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer))
}
