//! Sound-only outputs under a size target on FFmpeg: the plan from `tamp_core::audio_fit`,
//! the size measured after every encode, and a corrected re-encode when it landed over the
//! target (never kept) or used too little of it (kept only if the next one does not fit).

use tamp::protocol::{Event, JobId};
use tamp_core::anim_fit::AnimKind;
use tamp_core::args::{audio_fit_args, EncodeIo};
use tamp_core::audio_fit::{plan_at_bitrate, plan_audio_fit, refit, AudioCodec, AudioFit, Refit};
use tamp_core::convert::{convert_args, ConvertPlan};
use tamp_core::formats::output_by_id;
use tamp_core::probe::Probe;
use tamp_core::target_scope::not_applied_note;

use crate::fast_path::stage;
use crate::job::{Engine, Output, MAX_RETRIES, OUT_DIR};
use crate::opus_path::OpusContainer;
use crate::outcome::Failure;
use crate::post;
use crate::size_fit::log_line;

/// Said when Opus comes from FFmpeg: the browser's encoder failed or is missing.
const FFMPEG_OPUS_NOTE: &str =
    "Opus from FFmpeg at 24 kHz instead of 48 kHz: this browser's Opus encoder could not do it.";

/// A conversion job, as the page asked for it.
pub(crate) struct ConvertJob<'a> {
    pub format: &'a str,
    pub audio_kbps: u32,
    pub target_bytes: Option<u64>,
}

/// How a conversion went: finished here, or one FFmpeg command left to run.
pub(crate) enum Converted {
    Done(Output),
    Run(ConvertPlan),
}

impl Engine {
    /// Converts to a registry format: Opus from the browser's encoder where it can; sound
    /// fitted to a target where the format honours one; otherwise one FFmpeg command, whose
    /// notes say when a target does not apply.
    pub(crate) async fn convert(
        &self,
        id: JobId,
        input: &web_sys::Blob,
        probe: &Probe,
        job: &ConvertJob<'_>,
        io: &EncodeIo<'_>,
    ) -> Result<Converted, Failure> {
        let trim_note = io.trim.map(|t| t.note());
        let plain = |e: tamp_core::plan::PlanError| Failure::plain(e.to_string());
        if let Some(container) = OpusContainer::for_format(job.format) {
            let kbps = u64::from(job.audio_kbps).min(160) * 1000;
            let fit = match job.target_bytes {
                Some(target) => plan_audio_fit(probe, AudioCodec::Opus, target),
                None => plan_at_bitrate(probe, AudioCodec::Opus, kbps),
            }
            .map_err(plain)?;
            let browser = match job.target_bytes {
                Some(target) => {
                    self.opus_to_target(id, input, fit, (target, container), io)
                        .await
                }
                None => self.opus_once(id, input, fit, container, io).await,
            };
            match browser {
                Ok(mut out) => {
                    out.notes.extend(trim_note);
                    return Ok(Converted::Done(out));
                }
                Err(reason) => self.hand_back_to_ffmpeg(id, &reason),
            }
        }
        // The fitting loops below run FFmpeg, loaded only now (an Opus job, or a stream
        // copy the browser makes, may never need it).
        if let (Some(target), Some(kind)) = (job.target_bytes, AnimKind::for_format(job.format)) {
            self.need_ffmpeg(input, io.input).await?;
            let mut out = self.encode_anim_to_target(id, probe, kind, target, io)?;
            out.notes.extend(trim_note);
            return Ok(Converted::Done(out));
        }
        if let (Some(target), Some(codec)) = (job.target_bytes, AudioCodec::for_format(job.format))
        {
            self.need_ffmpeg(input, io.input).await?;
            let mut fit = plan_audio_fit(probe, codec, target).map_err(plain)?;
            if codec == AudioCodec::Opus {
                fit.notes.push(FFMPEG_OPUS_NOTE.into());
            }
            let mut out = self.encode_audio_to_target(id, fit, target, io)?;
            out.notes.extend(trim_note);
            return Ok(Converted::Done(out));
        }
        let mut plan = convert_args(probe, job.format, job.audio_kbps, io)
            .map_err(|e| Failure::plain(e.to_string()))?;
        let label = output_by_id(job.format).map_or(job.format, |f| f.label);
        if let Some(note) = job
            .target_bytes
            .and_then(|_| not_applied_note(job.format, label))
        {
            plan.notes.insert(0, note);
        }
        Ok(Converted::Run(plan))
    }

    /// Encodes `fit` into `io.output`, re-encoding at most [`MAX_RETRIES`] times until the
    /// result is within `target_bytes` and uses enough of it.
    pub(crate) fn encode_audio_to_target(
        &self,
        id: JobId,
        mut fit: AudioFit,
        target_bytes: u64,
        io: &EncodeIo,
    ) -> Result<Output, Failure> {
        let fs = self.core()?.fs();
        // The best fitting output so far, kept aside while a fuller one is tried.
        let kept = format!("{OUT_DIR}/kept-{}", file_name(io.output));
        let mut best: Option<(u64, Vec<String>)> = None;
        for attempt in 1..=MAX_RETRIES + 1 {
            post(
                &Event::Planned {
                    id,
                    notes: fit.notes.clone(),
                },
                None,
            );
            stage(id, attempt);
            self.encode(&audio_fit_args(&fit, io), fit.duration_s, 0.0, 1.0)?;
            let size = fs.file_size(io.output).unwrap_or(u64::MAX);
            let decision = if attempt > MAX_RETRIES && size <= target_bytes {
                Refit::Keep
            } else {
                refit(&fit, target_bytes, size).map_err(|e| Failure::plain(e.to_string()))?
            };
            match decision {
                Refit::Keep => {
                    return Ok(finish(
                        fit.notes,
                        io.output,
                        size,
                        target_bytes,
                        fit.at_ceiling,
                    ))
                }
                Refit::Again {
                    fit: next,
                    keep_current,
                } => {
                    let share = 100.0 * size as f64 / target_bytes as f64;
                    log_line(
                        id,
                        format!(
                            "Attempt {attempt} came out at {size} bytes ({share:.1} % of the target); re-encoding at {} kbit/s.",
                            next.bitrate_bps as f64 / 1000.0
                        ),
                    );
                    if keep_current && best.as_ref().is_none_or(|(s, _)| *s < size) {
                        fs.rename(io.output, &kept)
                            .map_err(|e| Failure::crashed(&e))?;
                        best = Some((size, fit.notes.clone()));
                    }
                    fit = next;
                }
            }
        }
        // The last attempt landed over: the best fitting one stays the answer.
        fs.remove(io.output);
        match best {
            Some((size, notes)) => {
                fs.rename(&kept, io.output).map_err(|e| Failure::crashed(&e))?;
                Ok(finish(notes, io.output, size, target_bytes, false))
            }
            None => Err(Failure::plain(
                "The encoder could not bring this sound under the target size. Try a larger target.",
            )),
        }
    }
}

/// The fitted output with a last note saying how much of the target it uses.
fn finish(mut notes: Vec<String>, path: &str, size: u64, target: u64, at_ceiling: bool) -> Output {
    let share = 100.0 * size as f64 / target as f64;
    notes.push(
        if at_ceiling || share >= 100.0 * tamp_core::audio_fit::MIN_FILL {
            format!("Uses {share:.1} % of the target size.")
        } else {
            format!("Uses {share:.1} % of the target size: a fuller encode came out over it.")
        },
    );
    Output {
        path: path.to_owned(),
        size,
        notes,
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
