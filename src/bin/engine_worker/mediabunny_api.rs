//! Bindings to Mediabunny (npm `mediabunny`, pinned in `vendor/`), which demuxes and muxes
//! MP4/MOV/WebM/MKV and drives the browser's WebCodecs decoders and encoders, streaming
//! (it never holds the decoded video). The worker bootstrap puts the module on
//! `globalThis.Mediabunny`; this file is the only Rust that knows its shape.

use js_sys::{Array, Function, Object, Promise, Reflect};
use tamp_core::plan::VideoContainer;
use tamp_core::trim::TrimWindow;
use tamp_core::webcodecs::{keyframe_interval_s, VideoRate, WebCodecsAudio, WebCodecsJob};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::encoder_framerate::{source_rate, FramerateHint};
use crate::encoder_scaling::{encoder_scaling_for, ScaleTo};

#[wasm_bindgen]
extern "C" {
    /// A configured `Mediabunny.Conversion`.
    pub type Conversion;

    /// False when the conversion cannot run as configured (see `discardedTracks`).
    #[wasm_bindgen(method, getter, js_name = isValid)]
    fn is_valid(this: &Conversion) -> bool;

    /// `{ track, reason }` for each input track left out of the output.
    #[wasm_bindgen(method, getter, js_name = discardedTracks)]
    fn discarded_tracks(this: &Conversion) -> Array;

    /// Called with `(progress 0..1, processed seconds)`.
    #[wasm_bindgen(method, setter, js_name = onProgress)]
    fn set_on_progress(this: &Conversion, callback: &Function);

    /// Runs the conversion to the end.
    #[wasm_bindgen(method)]
    fn execute(this: &Conversion) -> Promise;

    /// `Mediabunny.BufferTarget`: the output in memory once finalized.
    pub type BufferTarget;

    #[wasm_bindgen(method, getter)]
    fn buffer(this: &BufferTarget) -> Option<js_sys::ArrayBuffer>;
}

/// Why a conversion could not be set up or run.
pub enum ConversionError {
    /// The browser cannot do this job (a codec it cannot decode or encode, a container
    /// Mediabunny does not read): the words say which.
    Unsupported(String),
    /// Mediabunny or WebCodecs threw while working.
    Failed(JsValue),
}

impl From<JsValue> for ConversionError {
    fn from(e: JsValue) -> Self {
        ConversionError::Failed(e)
    }
}

pub(crate) fn module() -> Result<JsValue, JsValue> {
    let m = Reflect::get(&js_sys::global(), &"Mediabunny".into())?;
    if m.is_undefined() {
        return Err(JsValue::from_str("Mediabunny is not loaded"));
    }
    Ok(m)
}

/// `new Mediabunny[class](...args)`.
pub(crate) fn construct(class: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let ctor: Function = Reflect::get(&module()?, &class.into())?.dyn_into()?;
    let list: Array = args.iter().copied().collect();
    Reflect::construct(&ctor, &list)
}

/// A plain object from `(key, value)` pairs.
pub(crate) fn object(entries: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let o = Object::new();
    for (k, v) in entries {
        Reflect::set(&o, &(*k).into(), v)?;
    }
    Ok(o)
}

fn quality(rate: &VideoRate) -> Result<JsValue, JsValue> {
    match rate {
        VideoRate::Bitrate(bps) => construct(
            "Quality",
            &[&object(&[
                ("bitrate", (*bps as f64).into()),
                ("bitrateMode", "variable".into()),
            ])?
            .into()],
        ),
        VideoRate::Level(level) => construct("Quality", &[&(*level).into()]),
    }
}

/// The video track's options. With `encoder_scales`, no size is given: Mediabunny then
/// passes the decoded frames untouched and the encoder, configured at the planned size
/// (see `encoder_scaling.rs`), scales them; otherwise Mediabunny resizes on a canvas.
fn video_options(
    job: &WebCodecsJob,
    encoder_scales: bool,
    output_fps: Option<f64>,
) -> Result<Object, JsValue> {
    let v = &job.video;
    let options = object(&[
        ("codec", v.codec.into()),
        ("quality", quality(&v.rate)?),
        ("forceTranscode", true.into()),
        // Bake rotation into the pixels, as FFmpeg does: the planner's sizes are display
        // sizes, and every player shows the result upright.
        ("allowTransformationMetadata", false.into()),
        ("keyFrameInterval", keyframe_interval_s(output_fps).into()),
    ])?;
    if !encoder_scales {
        Reflect::set(&options, &"width".into(), &v.width.into())?;
        Reflect::set(&options, &"height".into(), &v.height.into())?;
        // The planner already kept the aspect ratio and made both sides even.
        Reflect::set(&options, &"fit".into(), &"fill".into())?;
    }
    if let Some(fps) = v.frame_rate {
        Reflect::set(&options, &"frameRate".into(), &fps.into())?;
    }
    Ok(options)
}

fn audio_options(job: &WebCodecsJob) -> Result<Object, JsValue> {
    let (codec, bitrate_bps, channels, sample_rate) = match &job.audio {
        WebCodecsAudio::Opus {
            bitrate_bps,
            channels,
        } => ("opus", *bitrate_bps, *channels, 48_000),
        WebCodecsAudio::Aac {
            bitrate_bps,
            channels,
            sample_rate,
        } => ("aac", *bitrate_bps, *channels, *sample_rate),
        WebCodecsAudio::None => return object(&[("discard", true.into())]),
    };
    object(&[
        ("codec", codec.into()),
        ("numberOfChannels", channels.into()),
        ("sampleRate", sample_rate.into()),
        (
            "quality",
            construct(
                "Quality",
                &[&object(&[("bitrate", (bitrate_bps as f64).into())])?.into()],
            )?,
        ),
        ("forceTranscode", true.into()),
    ])
}

/// A conversion ready to run, and where its output lands.
pub struct Prepared {
    conversion: Conversion,
    target: BufferTarget,
    /// The size the encoder scales to, when it does (else Mediabunny's canvas does).
    pub encoder_scaling: Option<(u32, u32)>,
    /// The output's frame rate, told to the encoder (see `encoder_framerate.rs`).
    frame_rate: Option<f64>,
    /// The video's bitrate comes from a quality level (quality mode), not the plan.
    bitrate_from_level: bool,
}

/// Sets up the conversion of `input` described by `job`. The browser is asked whether it
/// can decode the input and encode the output here (Mediabunny checks
/// `isConfigSupported`); a "no" is [`ConversionError::Unsupported`].
pub async fn prepare(
    input: &web_sys::Blob,
    job: &WebCodecsJob,
    trim: Option<TrimWindow>,
) -> Result<Prepared, ConversionError> {
    let source = construct("BlobSource", &[input])?;
    let formats = Reflect::get(&module()?, &"ALL_FORMATS".into())?;
    let input = construct(
        "Input",
        &[&object(&[("source", source), ("formats", formats)])?.into()],
    )?;
    let format = match job.container {
        // The index goes first (`+faststart`), built in memory: the output is at most the target size.
        VideoContainer::Mp4 => construct(
            "Mp4OutputFormat",
            &[&object(&[("fastStart", "in-memory".into())])?.into()],
        )?,
        VideoContainer::WebM => construct("WebMOutputFormat", &[])?,
    };
    let target = construct("BufferTarget", &[])?;
    let encoder_scaling = encoder_scaling_for(&input, job).await;
    let frame_rate = match job.video.frame_rate {
        Some(capped) => Some(capped),
        None => source_rate(&input).await,
    };
    let output = construct(
        "Output",
        &[&object(&[("format", format), ("target", target.clone())])?.into()],
    )?;
    let options = object(&[
        ("input", input),
        ("output", output),
        ("tracks", "primary".into()),
        (
            "video",
            video_options(job, encoder_scaling.is_some(), frame_rate)?.into(),
        ),
        ("audio", audio_options(job)?.into()),
        // No descriptive tags: phone videos carry their GPS location there.
        ("tags", Object::new().into()),
        ("showWarnings", false.into()),
    ])?;
    if let Some(trim) = trim {
        // Both tracks are re-encoded (`forceTranscode`), so the cut is exact, and the
        // output's timestamps start at zero.
        let (start, end) = trim.seconds();
        let range = object(&[("start", start.into())])?;
        if let Some(end) = end {
            Reflect::set(&range, &"end".into(), &end.into())?;
        }
        Reflect::set(&options, &"trim".into(), &range)?;
    }
    let init: Function = Reflect::get(
        &Reflect::get(&module()?, &"Conversion".into())?,
        &"init".into(),
    )?
    .dyn_into()?;
    let conversion: Conversion = JsFuture::from(
        init.call1(&JsValue::NULL, &options)?
            .dyn_into::<Promise>()?,
    )
    .await
    .map_err(unsupported_input)?
    .unchecked_into();
    check_tracks(&conversion, job)?;
    Ok(Prepared {
        conversion,
        target: target.unchecked_into(),
        encoder_scaling,
        frame_rate,
        bitrate_from_level: matches!(job.video.rate, VideoRate::Level(_)),
    })
}

/// An input Mediabunny cannot open (AVI, MPEG-TS, a damaged file) is the browser saying no.
fn unsupported_input(e: JsValue) -> ConversionError {
    ConversionError::Unsupported(format!(
        "the browser's codecs cannot read this file ({})",
        crate::describe_js_error(&e)
    ))
}

/// Every track the job needs must be in the output: a discarded video or audio track
/// means the browser cannot decode or encode it.
fn check_tracks(conversion: &Conversion, job: &WebCodecsJob) -> Result<(), ConversionError> {
    let wants_audio = !matches!(job.audio, WebCodecsAudio::None);
    for entry in conversion.discarded_tracks().iter() {
        let reason = Reflect::get(&entry, &"reason".into())?
            .as_string()
            .unwrap_or_default();
        let track = Reflect::get(&entry, &"track".into())?;
        let kind = Reflect::get(&track, &"type".into())?
            .as_string()
            .unwrap_or_default();
        let needed = kind == "video" || (kind == "audio" && wants_audio);
        if needed && reason != "discarded_by_user" {
            return Err(ConversionError::Unsupported(format!(
                "the browser cannot handle this file's {kind} ({})",
                reason.replace('_', " ")
            )));
        }
    }
    if !conversion.is_valid() {
        return Err(ConversionError::Unsupported(
            "the browser's codecs cannot produce this output".into(),
        ));
    }
    Ok(())
}

impl Prepared {
    /// Runs the conversion; `on_progress(fraction, processed_s)` is called as it goes.
    /// Returns the finished file.
    pub async fn run(
        self,
        on_progress: impl Fn(f64, f64) + 'static,
    ) -> Result<js_sys::Uint8Array, ConversionError> {
        let callback = Closure::<dyn Fn(f64, f64)>::new(on_progress);
        self.conversion
            .set_on_progress(callback.as_ref().unchecked_ref());
        let scaling = self
            .encoder_scaling
            .map(|(w, h)| ScaleTo::new(w, h, self.bitrate_from_level));
        let rate = FramerateHint::new(self.frame_rate);
        let result = JsFuture::from(self.conversion.execute()).await;
        drop(rate);
        drop(scaling);
        // Unhook the callback before it is freed, in case anything reports late.
        let _ = Reflect::set(&self.conversion, &"onProgress".into(), &JsValue::UNDEFINED);
        drop(callback);
        result?;
        let buffer = self
            .target
            .buffer()
            .ok_or_else(|| JsValue::from_str("the muxer produced no output"))?;
        Ok(js_sys::Uint8Array::new(&buffer))
    }
}
