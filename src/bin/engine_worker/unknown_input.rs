//! A file the page could not recognise comes with a video goal and an audio alternative;
//! once ffprobe has read it, the engine settles which applies (or says why neither does).

use tamp::protocol::JobSpec;
use tamp_core::media::MediaKind;
use tamp_core::probe::Probe;

use crate::outcome::Failure;

/// Switches `spec` to its sound-only goal when FFmpeg found only sound, and refuses a still
/// picture (FFmpeg reads formats the image engine does not, and a one-frame MP4 is no
/// conversion anyone asked for). Known inputs (no alternative) are left alone.
pub(crate) fn settle_unknown_input(spec: &mut JobSpec, probe: &Probe) -> Result<(), Failure> {
    let Some(sound_only) = spec.if_sound_only.take() else {
        return Ok(());
    };
    match probe.kind() {
        MediaKind::Video => Ok(()),
        MediaKind::Audio => {
            spec.goal = sound_only.goal;
            spec.output_name = sound_only.output_name;
            Ok(())
        }
        MediaKind::Image => Err(Failure::plain(format!(
            "This is a still picture in a format this app does not convert (FFmpeg reads it as “{}”). Save it as PNG or JPEG first.",
            probe.container
        ))),
        MediaKind::Unknown => Err(Failure::plain(
            "This file is not a video, audio or image file we can read: FFmpeg finds no picture or sound in it.",
        )),
    }
}
