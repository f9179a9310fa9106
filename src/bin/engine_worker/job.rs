//! Runs one job on the FFmpeg core: probe, plan, encode (two-pass for a size target),
//! verify the size and re-encode if it overshot, then hand the output to the page.

use tamp::protocol::{BeforeAfter, CoreKind, Event, Goal, JobId, JobSpec, Stage};
use tamp_core::args::{quality_args, EncodeIo, QualityRequest};
use tamp_core::convert::{copy_if_it_fits, remux_to_mp4, ConvertPlan};
use tamp_core::formats::output_by_id;
use tamp_core::plan::trial::TrialSource;
use tamp_core::plan::{plan_for_target, TargetRequest, VideoContainer};
use tamp_core::probe::{ends_early, OutputWarning};
use tamp_core::webcodecs::{
    choose_engine, job_for_quality, plan_bits_per_pixel, VideoCodecChoice, VideoEngine,
};

use crate::audio_target::{ConvertJob, Converted};
use std::cell::{Cell, RefCell};

use js_sys::Uint8Array;

use crate::core_api::FfmpegCore;
use crate::lazy_core::LazyCore;
use crate::outcome::{mime_for, sanitize_ext, Failure};
use crate::post;
use crate::sink::LogSink;
pub(crate) use crate::size_fit::{log_line, Output};
use crate::unknown_input::settle_unknown_input;

pub(crate) const IN_DIR: &str = "/in";
pub(crate) const OUT_DIR: &str = "/out";
const PASSLOG: &str = "/out/passlog";
/// Corrections after the first encode for the sound and animation loops: the same bound
/// as the video size-fit loop's ([`tamp_core::plan::MAX_ATTEMPTS`] encodes in all).
pub(crate) const MAX_RETRIES: u32 = tamp_core::plan::MAX_ATTEMPTS - 1;

/// The FFmpeg core (loaded when a job first needs it) plus what jobs need.
pub struct Engine {
    pub(crate) ffmpeg: LazyCore,
    pub(crate) sink: LogSink,
    pub(crate) kind: CoreKind,
    /// Whether this job's input is in the core's file system yet.
    pub(crate) staged: Cell<bool>,
    /// The outputs of the browser's codecs by path (one per size-fit attempt), held here
    /// rather than in the core's file system (the core may never be loaded).
    pub(crate) held: RefCell<Vec<(String, Uint8Array)>>,
    /// A stream copy's output, written to disk by the browser (see `stream_copy.rs`), by path.
    pub(crate) on_disk: RefCell<Option<(String, web_sys::File)>>,
    /// When (`Date.now()`) this job reached the engine.
    pub(crate) started_ms: Cell<f64>,
    /// The current job's expected output length (after trimming), to tell a salvaged
    /// truncated input from a whole one once the output is measured.
    pub(crate) expected_s: Cell<Option<f64>>,
}

impl Engine {
    pub fn new(ffmpeg: LazyCore, sink: LogSink, kind: CoreKind) -> Self {
        Engine {
            ffmpeg,
            sink,
            kind,
            staged: Cell::new(false),
            held: RefCell::new(Vec::new()),
            on_disk: RefCell::new(None),
            started_ms: Cell::new(0.0),
            expected_s: Cell::new(None),
        }
    }

    /// The loaded core. Every FFmpeg step runs after [`Engine::need_ffmpeg`], so an error
    /// here is a bug in the engine, reported rather than panicked on.
    pub(crate) fn core(&self) -> Result<&FfmpegCore, Failure> {
        self.ffmpeg
            .get()
            .ok_or_else(|| Failure::plain("FFmpeg was used before it was loaded."))
    }

    /// Runs a job to the end and posts `Done` or `Failed`.
    pub async fn run(&self, id: JobId, spec: &JobSpec, input: &web_sys::Blob) {
        self.sink.begin_job(id);
        self.started_ms.set(js_sys::Date::now());
        self.staged.set(false);
        self.held.borrow_mut().clear();
        self.on_disk.borrow_mut().take();
        // The goal of a file only FFmpeg recognised is settled once it is read.
        let mut spec = spec.clone();
        self.expected_s.set(None);
        let result = self.run_steps(id, &mut spec, input).await;
        let spec = &spec;
        let outcome = match result {
            Ok(out) => {
                post(
                    &Event::Stage {
                        id,
                        stage: Stage::Finishing,
                    },
                    None,
                );
                self.finished(&out, mime_for(&spec.goal))
                    .await
                    .map(|(blob, output)| {
                        // Not knowing the output's picture size and length is no failure.
                        let warnings: Vec<OutputWarning> =
                            ends_early(self.expected_s.get(), output.and_then(|o| o.duration_s))
                                .into_iter()
                                .collect();
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
                        (blob, out, warnings)
                    })
            }
            Err(f) => Err(f),
        };
        self.held.borrow_mut().clear();
        self.on_disk.borrow_mut().take();
        if let Some(core) = self.ffmpeg.get() {
            let fs = core.fs();
            fs.clear_dir(OUT_DIR);
            fs.release_mount(IN_DIR);
            // An input copied into memory (see `stage_input`) is a plain file there.
            fs.clear_dir(IN_DIR);
        }
        self.sink.set_window(None);
        match outcome {
            Ok((blob, out, warnings)) => post(
                &Event::Done {
                    id,
                    output_name: spec.output_name.clone(),
                    size: out.size,
                    notes: out.notes,
                    warnings,
                },
                Some(&blob),
            ),
            Err(f) => post(
                &Event::Failed {
                    id,
                    message: f.message,
                    reason: f.reason,
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
        spec: &mut JobSpec,
        input: &web_sys::Blob,
    ) -> Result<Output, Failure> {
        let ext = sanitize_ext(&spec.input_ext);
        let input_path = format!("{IN_DIR}/input.{ext}");

        post(
            &Event::Stage {
                id,
                stage: Stage::Probing,
            },
            None,
        );
        let probe = self.probe_input(id, &spec.goal, input, &input_path).await?;
        post(
            &Event::Probed {
                id,
                probe: Box::new(probe.clone()),
            },
            None,
        );
        settle_unknown_input(spec, &probe)?;

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
        self.expected_s.set(probe.duration_s);
        let plan = match &spec.goal {
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
                        self.need_ffmpeg(input, &input_path).await?;
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
                if let Some(outlook) = plan.outlook {
                    post(&Event::Outlook { id, outlook }, None);
                }
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
                            TrialSource::new(&probe, &request).as_ref(),
                        )
                        .await
                    {
                        Ok(out) => return Ok(out),
                        Err(reason) => self.hand_back_to_ffmpeg(id, &reason),
                    }
                }
                self.need_ffmpeg(input, &input_path).await?;
                return self.encode_to_target(id, plan, *target_bytes, &io).await;
            }
            Goal::Quality { crf, container } => {
                match (container, remux_to_mp4(&probe, &spec.input_ext, &io)) {
                    // MP4 without a size target from an MKV/MOV that already holds H.264/AAC:
                    // copying the streams is instant and loses nothing.
                    (VideoContainer::Mp4, Some(plan)) => plan,
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
                        ConvertPlan {
                            args: quality_args(&probe, &req, &io),
                            notes,
                            copy: None,
                        }
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
                match self.convert(id, input, &probe, &job, &io).await? {
                    Converted::Done(out) => return Ok(out),
                    Converted::Run(plan) => plan,
                }
            }
            Goal::Image(_) => unreachable_goal()?,
        };
        self.run_plan(id, input, &probe, plan, &io, duration_s)
            .await
    }
}

/// Image goals are rejected before this point; kept as an error rather than a panic.
fn unreachable_goal() -> Result<ConvertPlan, Failure> {
    Err(Failure::plain("This job was sent to the wrong engine."))
}
