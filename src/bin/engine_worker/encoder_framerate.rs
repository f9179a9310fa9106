//! The frame rate the browser's encoder is told. WebCodecs encoders share the bitrate
//! they are given among the frames of each second at the `framerate` they are configured
//! with, and Chromium assumes 30 fps when none is given; Mediabunny gives one only when
//! the output's rate is capped. Measured here with the H.264 encoder: a 10 fps clip came
//! out at 34 % of its planned bitrate, twice in a row, and a 25 fps one at 84 %: each
//! needed a second full encode from the size-fit loop, and the 10 fps clip was scored as
//! if it had a third of its budget. So during a job every encoder configured is told the
//! output's frame rate (the source's, when it is not capped).

use std::cell::Cell;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::mediabunny_probe::call;

/// Packets read for the source's frame rate: a steady average without a long scan.
const STAT_PACKETS: u32 = 240;

thread_local! {
    /// The output frame rate of the job being encoded.
    static RATE: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Tells encoders configured while it lives the output's frame rate.
pub struct FramerateHint(());

impl FramerateHint {
    pub fn new(fps: Option<f64>) -> Self {
        RATE.with(|r| r.set(fps.filter(|f| f.is_finite() && *f > 0.0)));
        FramerateHint(())
    }
}

impl Drop for FramerateHint {
    fn drop(&mut self) {
        RATE.with(|r| r.set(None));
    }
}

/// `config` with the job's frame rate, unless it already says one.
pub fn with_framerate(config: &JsValue) -> Result<JsValue, JsValue> {
    let Some(fps) = RATE.with(Cell::get) else {
        return Ok(config.clone());
    };
    if Reflect::get(config, &"framerate".into())?
        .as_f64()
        .is_some()
    {
        return Ok(config.clone());
    }
    let copy = Object::assign(&Object::new(), config.unchecked_ref());
    Reflect::set(&copy, &"framerate".into(), &fps.into())?;
    Ok(copy.into())
}

/// The average frame rate of `input`'s video, from its first packets.
pub async fn source_rate(input: &JsValue) -> Option<f64> {
    let track = call(input, "getPrimaryVideoTrack", &[]).await.ok()?;
    if track.is_null() || track.is_undefined() {
        return None;
    }
    let stats = call(&track, "computePacketStats", &[STAT_PACKETS.into()])
        .await
        .ok()?;
    Reflect::get(&stats, &"averagePacketRate".into())
        .ok()?
        .as_f64()
        .filter(|f| f.is_finite() && *f > 0.0 && *f <= 1000.0)
}
