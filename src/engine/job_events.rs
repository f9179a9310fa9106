//! Turning engine events into job state, and the words the page shows for them.

use leptos::prelude::*;
use tamp_core::human::format_bytes;

use crate::files::stem;
use tamp_core::formats::output_by_id;
use tamp_core::names::{base_name, safe_file_name, safe_stem};
use tamp_core::sniff::Sniffed;

use crate::i18n::{say, t};
use crate::protocol::{Event, Goal, ImageGoal, MediaFacts};
use crate::state::job::{Job, JobOutput, Transition};

/// Applies one engine event to a job. `Some(keep_worker)` when the job has ended.
pub fn apply_event(job: &Job, event: Event, blob: Option<web_sys::Blob>) -> Option<bool> {
    if event.job_id().is_some_and(|id| id != job.id) {
        return None;
    }
    match event {
        Event::Ready { .. } => {}
        Event::LoadFailed { message } => {
            fail(job, message, vec![]);
            return Some(false);
        }
        Event::Log { line, .. } => job.push_log(line),
        Event::Stage { stage, .. } => {
            job.apply(Transition::Step(stage));
        }
        Event::Probed { probe, .. } => {
            // A file only FFmpeg recognised now has a kind (shown, and used by a Retry).
            if job.needs_probe() {
                job.sniffed.set(Some(Sniffed::read_by_ffmpeg(probe.kind())));
            }
            job.facts
                .update(|f| f.input = Some(MediaFacts::from_probe(&probe)));
            job.push_log(format!("Input: {probe:?}"));
            job.probe.set(Some(*probe));
        }
        Event::Measured { facts, .. } => job.facts.update(|f| {
            f.input = facts.input.or(f.input);
            f.output = facts.output.or(f.output);
        }),
        Event::Planned { notes, .. } => notes.into_iter().for_each(|n| job.push_log(n)),
        Event::Outlook { outlook, .. } => {
            job.push_log(format!("Plan: {}", outlook.describe()));
            job.outlook.set(Some(outlook));
        }
        Event::Progress {
            fraction, speed, ..
        } => {
            job.apply(Transition::Progress { fraction, speed });
        }
        Event::Done {
            output_name,
            size,
            notes,
            warnings,
            ..
        } => {
            // Plan notes were logged when planned; add only what the encode learned since.
            for note in notes {
                if !job.log.with_untracked(|log| log.contains(&note)) {
                    job.push_log(note);
                }
            }
            let Some(blob) = blob else {
                fail(job, t("fail-no-file"), vec![]);
                return Some(true);
            };
            match web_sys::Url::create_object_url_with_blob(&blob) {
                Ok(url) => {
                    job.push_log(format!("Output: {} ({size} bytes)", format_bytes(size)));
                    let output = JobOutput {
                        url,
                        // Made safe by `output_name` before the job started; the engine
                        // echoes it back, so check again rather than trust the round trip.
                        name: safe_file_name(&output_name),
                        size,
                        warnings,
                    };
                    job.finish(output, blob);
                }
                Err(_) => fail(job, t("fail-no-download"), vec![]),
            }
            return Some(true);
        }
        Event::Failed {
            message,
            reason,
            log_tail,
            engine_broken,
            ..
        } => {
            // A known class is written in the shown language; anything else stays English.
            let message = reason.as_ref().map_or(message, |r| say(&r.message()));
            job.failure.set(reason);
            fail(job, message, log_tail);
            return Some(!engine_broken);
        }
    }
    None
}

/// Ends `job` with a failure (see [`Job::fail`]).
pub fn fail(job: &Job, message: String, log_tail: Vec<String>) {
    job.fail(message, log_tail);
}

/// The output's file name: the user's base name made safe to save anywhere (see
/// [`tamp_core::names`]), marked with the target when there is one.
pub fn output_name(input: &str, goal: &Goal) -> String {
    let base = safe_stem(stem(base_name(input)));
    match goal {
        Goal::TargetSize {
            target_bytes,
            container,
        } => {
            // The target as typed, to 10 KB: "0.45MB", not a rounded "0.5MB" that would
            // promise more room than the file was given.
            let mb = format!("{:.2}", *target_bytes as f64 / 1_000_000.0);
            let mb = mb.trim_end_matches('0').trim_end_matches('.');
            format!("{base}-{mb}MB.{}", container.extension())
        }
        Goal::Quality { container, .. } => {
            let ext = container.extension();
            if has_extension(input, ext) {
                format!("{base}-compressed.{ext}")
            } else {
                format!("{base}.{ext}")
            }
        }
        Goal::Convert { format, .. } | Goal::Image(ImageGoal { format, .. }) => {
            let ext = output_by_id(format).map(|f| f.ext).unwrap_or("bin");
            if has_extension(input, ext) {
                format!("{base}-converted.{ext}")
            } else {
                format!("{base}.{ext}")
            }
        }
    }
}

fn has_extension(name: &str, ext: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case(ext))
}

#[cfg(test)]
mod tests {
    use super::output_name;
    use crate::protocol::Goal;
    use tamp_core::plan::VideoContainer;

    #[test]
    fn output_names_are_safe_whatever_the_input_is_called() {
        let convert = |format: &str| Goal::Convert {
            format: format.into(),
            audio_kbps: 128,
            target_bytes: None,
        };
        let target = Goal::TargetSize {
            target_bytes: 10_000_000,
            container: VideoContainer::Mp4,
        };
        assert_eq!(output_name("clip.mov", &target), "clip-10MB.mp4");
        let target_of = |bytes| Goal::TargetSize {
            target_bytes: bytes,
            container: VideoContainer::Mp4,
        };
        assert_eq!(output_name("a.mp4", &target_of(450_000)), "a-0.45MB.mp4");
        assert_eq!(output_name("a.mp4", &target_of(2_500_000)), "a-2.5MB.mp4");
        assert_eq!(output_name("a.mp4", &target_of(50_000)), "a-0.05MB.mp4");
        assert_eq!(output_name("../../etc/passwd", &target), "passwd-10MB.mp4");
        assert_eq!(
            output_name("bad:name*?.wav", &convert("mp3")),
            "bad_name_.mp3"
        );
        assert_eq!(output_name(".hidden.wav", &convert("mp3")), "hidden.mp3");
        assert_eq!(output_name("CON.wav", &convert("mp3")), "CON_.mp3");
        assert_eq!(output_name("   .wav", &convert("mp3")), "output.mp3");
        assert_eq!(
            output_name("song.mp3", &convert("mp3")),
            "song-converted.mp3"
        );
    }
}
