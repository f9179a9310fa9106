//! Runs one job on the FFmpeg core: probe, plan, encode (two-pass for a size target),
//! verify the size and re-encode if it overshot, then hand the output to the page.

use tamp::protocol::{BeforeAfter, CoreKind, Event, Goal, JobId, JobSpec, MediaFacts, Stage};
use tamp_core::args::{quality_args, EncodeIo, QualityRequest};
use tamp_core::convert::{copy_if_it_fits, remux_to_mp4, ConvertPlan};
use tamp_core::formats::output_by_id;
use tamp_core::plan::{plan_for_target, TargetRequest, VideoContainer};
use tamp_core::webcodecs::{
    choose_engine, job_for_quality, plan_bits_per_pixel, VideoCodecChoice, VideoEngine,
};

use crate::audio_target::{ConvertJob, Converted};
use crate::core_api::FfmpegCore;
use crate::ffmpeg_io::stage_input;
use crate::outcome::{make_blob, mime_for, sanitize_ext, Failure};
use crate::post;
use crate::sink::LogSink;
pub(crate) use crate::size_fit::{log_line, Output, SizeFit};

pub(crate) const IN_DIR: &str = "/in";
pub(crate) const OUT_DIR: &str = "/out";
const PASSLOG: &str = "/out/passlog";
/// An encode that lands over the target is redone at most this many more times.
pub(crate) const MAX_RETRIES: u32 = 2;

/// The loaded core plus what it needs to run jobs.
pub struct Engine {
    pub(crate) core: FfmpegCore,
    pub(crate) sink: LogSink,
    pub(crate) kind: CoreKind,
}

impl Engine {
    pub fn new(core: FfmpegCore, sink: LogSink, kind: CoreKind) -> Self {
        let fs = core.fs();
        fs.ensure_dir(IN_DIR);
        fs.ensure_dir(OUT_DIR);
        Engine { core, sink, kind }
    }

    /// Runs a job to the end and posts `Done` or `Failed`.
    pub async fn run(&self, id: JobId, spec: &JobSpec, input: &web_sys::Blob) {
        self.sink.begin_job(id);
        let result = self.run_steps(id, spec, input).await;
        let fs = self.core.fs();
        let outcome = result.and_then(|out| {
            post(
                &Event::Stage {
                    id,
                    stage: Stage::Finishing,
                },
                None,
            );
            // The output's picture size and length for the before/after line: ffprobe
            // reads only the headers of a file already in memory. Not knowing is no failure.
            let output = self
                .probe(&out.path)
                .ok()
                .map(|p| MediaFacts::from_probe(&p));
            post(
                &Event::Measured {
                    id,
                    facts: BeforeAfter {
                        input: None,
                        output,
                    },
                },
                None,
            );
            let bytes = fs.read(&out.path).map_err(|e| Failure::crashed(&e))?;
            let blob = make_blob(&bytes, mime_for(&spec.goal)).map_err(|e| Failure::crashed(&e))?;
            Ok((blob, out))
        });
        fs.clear_dir(OUT_DIR);
        fs.release_mount(IN_DIR);
        // An input copied into memory (see `stage_input`) is a plain file there.
        fs.clear_dir(IN_DIR);
        self.sink.set_window(None);
        match outcome {
            Ok((blob, out)) => post(
                &Event::Done {
                    id,
                    output_name: spec.output_name.clone(),
                    size: out.size,
                    notes: out.notes,
                },
                Some(&blob),
            ),
            Err(f) => post(
                &Event::Failed {
                    id,
                    message: f.message,
                    log_tail: self.sink.tail(),
                    engine_broken: f.engine_broken,
                },
                None,
            ),
        }
        self.sink.end_job();
    }

    async fn run_steps(
        &self,
        id: JobId,
        spec: &JobSpec,
        input: &web_sys::Blob,
    ) -> Result<Output, Failure> {
        let fs = self.core.fs();
        let ext = sanitize_ext(&spec.input_ext);
        let input_path = format!("{IN_DIR}/input.{ext}");
        stage_input(&fs, &format!("input.{ext}"), input).await?;

        post(
            &Event::Stage {
                id,
                stage: Stage::Probing,
            },
            None,
        );
        let probe = self.probe(&input_path)?;
        post(
            &Event::Probed {
                id,
                probe: Box::new(probe.clone()),
            },
            None,
        );

        let ext = match &spec.goal {
            Goal::TargetSize { container, .. } | Goal::Quality { container, .. } => {
                container.extension()
            }
            Goal::Convert { format, .. } => output_by_id(format).map(|f| f.ext).unwrap_or("bin"),
            Goal::Image(_) => {
                return Err(Failure::plain(
                    "Images are converted by the image engine, not FFmpeg.",
                ))
            }
        };
        // The part to convert: checked against the file's duration, then everything below
        // (planner, progress, both engines) sees only that part.
        let trim = spec
            .video
            .trim
            .window(probe.duration_s)
            .map_err(|e| Failure::plain(e.to_string()))?;
        let probe = match trim {
            Some(window) => {
                log_line(id, window.note());
                window.apply_to(&probe)
            }
            None => probe,
        };
        let output_path = format!("{OUT_DIR}/output.{ext}");
        let io = EncodeIo {
            input: &input_path,
            output: &output_path,
            passlog: PASSLOG,
            threads: self.threads(),
            trim,
        };
        let duration_s = probe.duration_s.unwrap_or(0.0);
        let (args, notes) = match &spec.goal {
            Goal::TargetSize {
                target_bytes,
                container,
            } => {
                let request = TargetRequest {
                    target_bytes: *target_bytes,
                    container: *container,
                    max_height: spec.video.max_height,
                    fps_cap: spec.video.fps_cap,
                    keep_audio: !spec.video.remove_audio,
                };
                if spec.video.codec == VideoCodecChoice::Compatible {
                    if let Some(copy) = copy_if_it_fits(&probe, &request, &io) {
                        if let Some(out) =
                            self.try_copy(id, copy, *target_bytes, &io, duration_s)?
                        {
                            return Ok(out);
                        }
                    }
                }
                let plan =
                    plan_for_target(&probe, &request).map_err(|e| Failure::plain(e.to_string()))?;
                post(
                    &Event::Planned {
                        id,
                        notes: plan.notes.clone(),
                    },
                    None,
                );
                let decision =
                    choose_engine(spec.video.choices(), &probe, plan_bits_per_pixel(&plan));
                log_line(id, decision.reason);
                if decision.engine == VideoEngine::WebCodecs {
                    match self
                        .webcodecs_to_target(
                            id,
                            input,
                            &plan,
                            (*target_bytes, spec.video.codec),
                            &io,
                        )
                        .await
                    {
                        Ok(out) => return Ok(out),
                        Err(reason) => self.hand_back_to_ffmpeg(id, &reason),
                    }
                }
                return self.encode_to_target(id, plan, *target_bytes, &io);
            }
            Goal::Quality { crf, container } => {
                match (container, remux_to_mp4(&probe, &spec.input_ext, &io)) {
                    // MP4 without a size target from an MKV/MOV that already holds H.264/AAC:
                    // copying the streams is instant and loses nothing.
                    (VideoContainer::Mp4, Some(plan)) => (plan.args, plan.notes),
                    _ => {
                        let decision = choose_engine(spec.video.choices(), &probe, None);
                        log_line(id, decision.reason);
                        let fast = job_for_quality(
                            &probe,
                            *container,
                            *crf,
                            (spec.video.max_height, spec.video.fps_cap),
                            !spec.video.remove_audio,
                        )
                        .filter(|_| decision.engine == VideoEngine::WebCodecs)
                        .map(|job| job.with_codec(spec.video.codec));
                        if let Some(job) = fast {
                            match self.webcodecs_once(id, input, &job, &io, duration_s).await {
                                Ok(out) => return Ok(out),
                                Err(reason) => self.hand_back_to_ffmpeg(id, &reason),
                            }
                        }
                        let req = QualityRequest {
                            container: *container,
                            crf: *crf,
                            max_height: spec.video.max_height,
                            fps_cap: spec.video.fps_cap,
                            keep_audio: !spec.video.remove_audio,
                        };
                        let mut notes = vec![format!("Constant quality (CRF {crf}).")];
                        notes.extend(trim.map(|t| t.note()));
                        (quality_args(&probe, &req, &io), notes)
                    }
                }
            }
            Goal::Convert {
                format,
                audio_kbps,
                target_bytes,
            } => {
                let job = ConvertJob {
                    format,
                    audio_kbps: *audio_kbps,
                    target_bytes: *target_bytes,
                };
                let plan = match self.convert(id, input, &probe, &job, &io).await? {
                    Converted::Done(out) => return Ok(out),
                    Converted::Run(plan) => plan,
                };
                (plan.args, plan.notes)
            }
            Goal::Image(_) => unreachable_goal()?,
        };
        self.run_once(id, ConvertPlan { args, notes }, &output_path, duration_s)
    }
}

/// Image goals are rejected before this point; kept as an error rather than a panic.
fn unreachable_goal() -> Result<(Vec<String>, Vec<String>), Failure> {
    Err(Failure::plain("This job was sent to the wrong engine."))
}
