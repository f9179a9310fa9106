//! The worker's side of per-clip planning ([`tamp_core::plan::trial`] decides): short
//! stretches of the clip are encoded by the job's own encoder (the browser's, through
//! Mediabunny) at each candidate shape and the planned bitrate, then the source and each
//! sample are decoded at the same moments, drawn at the comparison size on a canvas (as
//! a player scales a smaller picture up) and scored by SSIM in Rust.
//!
//! The trial only improves a plan: if anything in it fails, the ladder's plan is encoded
//! as it was. Cancel needs nothing here: the page terminates the worker. Test hook:
//! `trial=off` in the page's URL skips it (the quality benchmark compares both);
//! `trial=always` runs it on a clip too short to pay for it (the end-to-end test).

use js_sys::{Function, Promise, Reflect, Uint8Array};
use tamp::protocol::{Event, JobId, Stage};
use tamp_core::plan::trial::{self, SampleScore, Trial, TrialSource, Window};
use tamp_core::plan::Plan;
use tamp_core::quality::{luma_from_rgba, ssim, Plane};
use tamp_core::trim::TrimWindow;
use tamp_core::webcodecs::{job_for_plan, VideoCodecChoice};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::job::{log_line, Engine};
use crate::mediabunny_api::{construct, module, object, prepare, ConversionError};
use crate::{describe_js_error, post};

/// Luma planes of one stretch of the source, at the trial's score times.
type Frames = Vec<Vec<u8>>;

impl Engine {
    /// Runs the trial for `plan` and returns the plan to encode: the trial's choice, or
    /// `plan` itself when no trial is worth it or it failed. `offset_s` is where the part
    /// being converted starts in the file (the user's trim).
    pub(crate) async fn analyse(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        (plan, src): (&Plan, &TrialSource),
        codec: VideoCodecChoice,
        offset_s: f64,
    ) -> Plan {
        let Some(trial) =
            trial::trial_for(plan, src, hook("trial=always")).filter(|_| !hook("trial=off"))
        else {
            return plan.clone();
        };
        post(
            &Event::Stage {
                id,
                stage: Stage::Analysing,
            },
            None,
        );
        let started = js_sys::Date::now();
        let (trial, scores) = match run_trial(id, input, plan, &trial, (codec, offset_s)).await {
            Ok(done) => done,
            Err(e) => {
                log_line(
                    id,
                    format!(
                        "The trial encodes failed ({}); the planned shape is kept.",
                        describe_js_error(&e)
                    ),
                );
                return plan.clone();
            }
        };
        let Some(verdict) = trial::verdict(plan, src, &trial, &scores) else {
            return plan.clone();
        };
        log_line(
            id,
            format!(
                "Analysed the clip in {:.1} s: {} shapes × {} stretches (expected {:.1} s, against about {:.0} s for the encode).",
                (js_sys::Date::now() - started) / 1000.0,
                trial.candidates.len(),
                trial.windows.len(),
                trial.predicted_s,
                trial.job_predicted_s
            ),
        );
        if let Some(note) = verdict.plan.notes.last() {
            log_line(id, note.clone());
        }
        post(
            &Event::Planned {
                id,
                notes: verdict.plan.notes.clone(),
            },
            None,
        );
        if let Some(outlook) = verdict.plan.outlook {
            post(&Event::Outlook { id, outlook }, None);
        }
        verdict.plan
    }
}

/// Test hooks in the worker's URL (forwarded from the page's): `trial=off` skips the
/// trial, `trial=always` runs the smallest one on any clip with two shapes to compare.
fn hook(pair: &str) -> bool {
    Reflect::get(&js_sys::global(), &"location".into())
        .and_then(|l| Reflect::get(&l, &"search".into()))
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s.split(['?', '&']).any(|p| p == pair))
}

/// Encodes and scores every stretch at every shape; progress is reported per sample.
/// Returns the trial as run (its stretches moved to keyframes) and the scores.
async fn run_trial(
    id: JobId,
    input: &web_sys::Blob,
    plan: &Plan,
    trial: &Trial,
    (codec, offset_s): (VideoCodecChoice, f64),
) -> Result<(Trial, Vec<SampleScore>), JsValue> {
    let source = Decoded::open(&construct("BlobSource", &[input])?, trial.compare_size).await?;
    let windows = source.snapped(&trial.windows, offset_s).await;
    let total = (windows.len() * trial.candidates.len()) as f64;
    let mut scores = Vec::new();
    for window in &windows {
        let times: Vec<f64> = window
            .score_times(trial.fps)
            .iter()
            .map(|t| offset_s + window.start_s + t)
            .collect();
        let reference = source.luma_at(&times).await?;
        for (i, candidate) in trial.candidates.iter().enumerate() {
            let mut sample_plan = plan.clone();
            sample_plan.audio = None;
            if let Some(v) = sample_plan.video.as_mut() {
                (v.width, v.height, v.fps) = (candidate.width, candidate.height, candidate.fps);
            }
            let bytes = encode_sample(input, &sample_plan, codec, window, offset_s).await?;
            let sample =
                Decoded::open(&construct("BufferSource", &[&bytes])?, trial.compare_size).await?;
            let seen = sample.luma_at(&window.score_times(trial.fps)).await;
            sample.dispose();
            let ssim = mean_ssim(&reference, &seen?, trial.compare_size);
            scores.push(SampleScore { candidate: i, ssim });
            post(
                &Event::Progress {
                    id,
                    fraction: scores.len() as f64 / total,
                    speed: None,
                },
                None,
            );
        }
    }
    source.dispose();
    Ok((
        Trial {
            windows,
            ..trial.clone()
        },
        scores,
    ))
}

/// One stretch encoded at the sample plan's shape and bitrate, video only.
async fn encode_sample(
    input: &web_sys::Blob,
    plan: &Plan,
    codec: VideoCodecChoice,
    window: &Window,
    offset_s: f64,
) -> Result<Uint8Array, JsValue> {
    let job = job_for_plan(plan)
        .ok_or_else(|| JsValue::from_str("no video to try"))?
        .with_codec(codec);
    let ms = |s: f64| (s * 1000.0).round().max(0.0) as u64;
    let trim = TrimWindow {
        start_ms: ms(offset_s + window.start_s),
        end_ms: Some(ms(offset_s + window.end_s)),
    };
    let prepared = prepare(input, &job, Some(trim)).await.map_err(js_error)?;
    prepared.run(|_, _| {}).await.map_err(js_error)
}

fn js_error(e: ConversionError) -> JsValue {
    match e {
        ConversionError::Unsupported(why) => JsValue::from_str(&why),
        ConversionError::Failed(js) => js,
    }
}

/// Mean SSIM over the frame pairs both sides have; 0 when none (a sample that shows
/// nothing at those moments loses).
fn mean_ssim(reference: &Frames, seen: &Frames, (w, h): (u32, u32)) -> f64 {
    fn plane(data: &[u8], (w, h): (u32, u32)) -> Plane<'_> {
        Plane {
            width: w as usize,
            height: h as usize,
            data,
        }
    }
    let scores: Vec<f64> = reference
        .iter()
        .zip(seen)
        .filter_map(|(a, b)| ssim(plane(a, (w, h)), plane(b, (w, h))))
        .collect();
    if scores.is_empty() {
        0.0
    } else {
        scores.iter().sum::<f64>() / scores.len() as f64
    }
}

/// A video opened with Mediabunny and drawn at one size.
struct Decoded {
    input: JsValue,
    track: JsValue,
    sink: JsValue,
    size: (u32, u32),
}

impl Decoded {
    async fn open(source: &JsValue, size: (u32, u32)) -> Result<Self, JsValue> {
        let formats = Reflect::get(&module()?, &"ALL_FORMATS".into())?;
        let input = construct(
            "Input",
            &[&object(&[("source", source.clone()), ("formats", formats)])?.into()],
        )?;
        let track = call(&input, "getPrimaryVideoTrack", &[]).await?;
        if track.is_null() || track.is_undefined() {
            return Err(JsValue::from_str("no video track"));
        }
        let options = object(&[
            ("width", size.0.into()),
            ("height", size.1.into()),
            ("fit", "fill".into()),
            ("poolSize", 1.into()),
        ])?;
        let sink = construct("CanvasSink", &[&track, &options.into()])?;
        Ok(Decoded {
            input,
            track,
            sink,
            size,
        })
    }

    /// The stretches moved back to start at a keyframe, so that neither the sample's
    /// encode nor the source's frames need a long run of frames decoded first (a file
    /// made with x264's defaults has one keyframe in 250 frames: 25 s at 10 fps).
    /// Stretches that land on the same keyframe are tried once.
    async fn snapped(&self, windows: &[Window], offset_s: f64) -> Vec<Window> {
        let Ok(packets) = construct("EncodedPacketSink", &[&self.track]) else {
            return windows.to_vec();
        };
        let mut out: Vec<Window> = Vec::new();
        for w in windows {
            let options = object(&[("metadataOnly", true.into())]).map(JsValue::from);
            let key = match options {
                Ok(o) => call(
                    &packets,
                    "getKeyPacket",
                    &[&(offset_s + w.start_s).into(), &o],
                )
                .await
                .ok(),
                Err(_) => None,
            };
            let start = key
                .and_then(|p| Reflect::get(&p, &"timestamp".into()).ok())
                .and_then(|t| t.as_f64())
                .map(|t| (t - offset_s).max(0.0))
                .unwrap_or(w.start_s);
            let snapped = Window {
                start_s: start,
                end_s: start + (w.end_s - w.start_s),
            };
            if !out
                .iter()
                .any(|o| (o.start_s - snapped.start_s).abs() < 1e-3)
            {
                out.push(snapped);
            }
        }
        out
    }

    /// The luma of the frame shown at each of `times` (seconds, increasing), decoded in one
    /// pass; a time before the first frame gives an empty plane, which scores nothing.
    async fn luma_at(&self, times: &[f64]) -> Result<Frames, JsValue> {
        let list: js_sys::Array = times.iter().map(|t| JsValue::from(*t)).collect();
        let frames = call(&self.sink, "canvasesAtTimestamps", &[&list]).await?;
        let mut out = Vec::with_capacity(times.len());
        while out.len() < times.len() {
            let step = call(&frames, "next", &[]).await?;
            if Reflect::get(&step, &"done".into())?.is_truthy() {
                break;
            }
            let wrapped = Reflect::get(&step, &"value".into())?;
            if wrapped.is_null() || wrapped.is_undefined() {
                out.push(Vec::new());
                continue;
            }
            out.push(self.luma_of(&Reflect::get(&wrapped, &"canvas".into())?)?);
        }
        // Ends the generator, which closes its decoder.
        let _ = call(&frames, "return", &[&JsValue::UNDEFINED]).await;
        Ok(out)
    }

    fn luma_of(&self, canvas: &JsValue) -> Result<Vec<u8>, JsValue> {
        let context = method(canvas, "getContext")?.call1(canvas, &"2d".into())?;
        let (w, h) = self.size;
        let args: js_sys::Array = [0, 0, w, h].iter().map(|v| JsValue::from(*v)).collect();
        let image = Reflect::apply(&method(&context, "getImageData")?, &context, &args)?;
        let pixels = Reflect::get(&image, &"data".into())?;
        let data = Uint8Array::new(&Reflect::get(&pixels, &"buffer".into())?);
        Ok(luma_from_rgba(&data.to_vec()))
    }

    fn dispose(&self) {
        if let Ok(f) = method(&self.input, "dispose") {
            let _ = f.call0(&self.input);
        }
    }
}

fn method(target: &JsValue, name: &str) -> Result<Function, JsValue> {
    Reflect::get(target, &name.into())?.dyn_into()
}

/// `await target[name](...args)`.
async fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let list: js_sys::Array = args.iter().copied().collect();
    let result = Reflect::apply(&method(target, name)?, target, &list)?;
    match result.dyn_into::<Promise>() {
        Ok(p) => JsFuture::from(p).await,
        Err(v) => Ok(v),
    }
}
