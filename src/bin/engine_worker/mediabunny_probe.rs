//! Reads a file's streams with Mediabunny: the container's header and index only, in a
//! few milliseconds, with no FFmpeg core loaded. The facts go to
//! [`tamp_core::probe::probe_from_demuxer`], which decides whether they suffice.

use js_sys::{Function, Promise, Reflect};
use tamp_core::probe::{DemuxedAudio, DemuxedColour, DemuxedFacts, DemuxedVideo};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::mediabunny_api::{construct, module, object};

/// Packets read for the frame rate and bitrate: enough for a steady average (8 s at
/// 30 fps) without scanning a long file's whole index.
const STAT_PACKETS: u32 = 240;

/// `obj.method(...args)`, awaited when it returns a promise (Mediabunny's getters may
/// answer at once or later).
pub(crate) async fn call(
    obj: &JsValue,
    method: &str,
    args: &[JsValue],
) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(obj, &method.into())?.dyn_into()?;
    let list: js_sys::Array = args.iter().collect();
    let value = Reflect::apply(&f, obj, &list)?;
    JsFuture::from(Promise::resolve(&value)).await
}

fn number(v: &JsValue) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

fn field(obj: &JsValue, key: &str) -> f64 {
    Reflect::get(obj, &key.into())
        .map(|v| number(&v))
        .unwrap_or(0.0)
}

/// What Mediabunny reads from `source` (a `Blob`, or an `ArrayBuffer` for an output held
/// in memory) of `size_bytes`; `None` when it cannot read the container at all.
pub async fn demux_facts(source: &JsValue, size_bytes: u64) -> Option<DemuxedFacts> {
    let class = if source.is_instance_of::<web_sys::Blob>() {
        "BlobSource"
    } else {
        "BufferSource"
    };
    let input = open(class, source).ok()?;
    let facts = read_facts(&input, size_bytes).await.ok();
    // Frees the demuxer's buffers at once; the input is not used again.
    let _ = call(&input, "dispose", &[]).await;
    facts
}

/// A Mediabunny `Input` over `source` (a `Blob` or an `ArrayBuffer`, by `class`), every
/// container format enabled.
pub(crate) fn open(class: &str, source: &JsValue) -> Result<JsValue, JsValue> {
    let source = construct(class, &[source])?;
    let formats = Reflect::get(&module()?, &"ALL_FORMATS".into())?;
    construct(
        "Input",
        &[&object(&[("source", source), ("formats", formats)])?.into()],
    )
}

async fn read_facts(input: &JsValue, size_bytes: u64) -> Result<DemuxedFacts, JsValue> {
    let format = call(input, "getFormat", &[]).await?;
    let format = Reflect::get(&format, &"name".into())?
        .as_string()
        .unwrap_or_default();
    let duration_s = number(&call(input, "computeDuration", &[]).await?);
    let video = call(input, "getPrimaryVideoTrack", &[]).await?;
    let video = if video.is_null() || video.is_undefined() {
        None
    } else {
        Some(read_video(&video).await?)
    };
    let audio = call(input, "getPrimaryAudioTrack", &[]).await?;
    let audio = if audio.is_null() || audio.is_undefined() {
        None
    } else {
        Some(read_audio(&audio).await?)
    };
    Ok(DemuxedFacts {
        format,
        size_bytes,
        duration_s,
        video,
        audio,
    })
}

async fn read_video(track: &JsValue) -> Result<DemuxedVideo, JsValue> {
    let stats = call(track, "computePacketStats", &[STAT_PACKETS.into()]).await?;
    Ok(DemuxedVideo {
        codec: call(track, "getCodec", &[]).await?.as_string(),
        coded_width: number(&call(track, "getCodedWidth", &[]).await?) as u32,
        coded_height: number(&call(track, "getCodedHeight", &[]).await?) as u32,
        rotation: number(&call(track, "getRotation", &[]).await?) as i32,
        packet_count: field(&stats, "packetCount") as u64,
        packet_rate: field(&stats, "averagePacketRate"),
        bitrate_bps: field(&stats, "averageBitrate"),
        colour: read_colour(&call(track, "getColorSpace", &[]).await?),
        pixel_aspect: {
            let par = call(track, "getPixelAspectRatio", &[]).await?;
            (field(&par, "num") as u32, field(&par, "den") as u32)
        },
    })
}

/// A `VideoColorSpaceInit`'s fields, each if said.
fn read_colour(space: &JsValue) -> DemuxedColour {
    let text = |key: &str| {
        Reflect::get(space, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    DemuxedColour {
        primaries: text("primaries"),
        transfer: text("transfer"),
        matrix: text("matrix"),
        full_range: Reflect::get(space, &"fullRange".into())
            .ok()
            .and_then(|v| v.as_bool()),
    }
}

async fn read_audio(track: &JsValue) -> Result<DemuxedAudio, JsValue> {
    let stats = call(track, "computePacketStats", &[STAT_PACKETS.into()]).await?;
    Ok(DemuxedAudio {
        codec: call(track, "getCodec", &[]).await?.as_string(),
        channels: number(&call(track, "getNumberOfChannels", &[]).await?) as u32,
        sample_rate: number(&call(track, "getSampleRate", &[]).await?) as u32,
        bitrate_bps: field(&stats, "averageBitrate"),
    })
}
