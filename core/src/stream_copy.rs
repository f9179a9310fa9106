//! Container changes without re-encoding, done by the browser instead of FFmpeg.
//!
//! FFmpeg.wasm reads a large input lazily (WORKERFS) but holds its output in memory
//! (MEMFS, one `Uint8Array`, at most 2 GiB), so a multi-gigabyte remux there needs several
//! copies of the file in memory and cannot finish.
//! Mediabunny reads the input lazily (`Blob` slices) and writes the output as it goes, into
//! a file in the origin-private file system (OPFS), so memory stays flat whatever the size.
//! This module decides when the browser can do a copy FFmpeg would do, and checks the free
//! space such an output needs before it starts.

use crate::probe::{FailReason, Probe};

/// The container a stream copy writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyContainer {
    Mp4,
    Mov,
    Mkv,
}

/// A copy of the input's first video and first audio stream into a new container, with
/// no metadata carried over (what FFmpeg's `-c copy -map_metadata -1` does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamCopy {
    pub container: CopyContainer,
    /// The index goes before the media (`+faststart`), for players that stream the file.
    pub fast_start: bool,
}

/// A fast-start MP4 is built whole in memory before it is written (the index must go first
/// and its size is known only at the end), so only outputs up to this size get one; larger
/// ones put the index at the end, which every player reads too.
pub const FAST_START_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Containers Mediabunny reads, as ffprobe names them (see [`crate::probe::demuxed`]).
fn browser_reads(container: &str) -> bool {
    matches!(container, "mov,mp4,m4a,3gp,3g2,mj2" | "matroska,webm")
}

/// Video codecs Mediabunny copies into `container` (by ffprobe's names).
fn video_fits(container: CopyContainer, codec: &str) -> bool {
    match container {
        CopyContainer::Mkv => matches!(codec, "h264" | "hevc" | "vp8" | "vp9" | "av1"),
        CopyContainer::Mp4 | CopyContainer::Mov => matches!(codec, "h264" | "hevc" | "av1"),
    }
}

/// Audio codecs Mediabunny copies into `container` (by ffprobe's names).
fn audio_fits(container: CopyContainer, codec: &str) -> bool {
    let common = matches!(codec, "aac" | "mp3" | "ac3" | "eac3");
    match container {
        CopyContainer::Mkv => {
            common
                || matches!(
                    codec,
                    "opus" | "vorbis" | "flac" | "pcm_s16le" | "pcm_f32le"
                )
        }
        CopyContainer::Mp4 | CopyContainer::Mov => common,
    }
}

impl StreamCopy {
    /// Whether the browser can make this copy of the file `probe` describes: it reads the
    /// container, and the new container takes both codecs as they are. Anything else stays
    /// with FFmpeg, which carries more codecs.
    pub fn in_browser(&self, probe: &Probe) -> bool {
        let video_ok = probe
            .video
            .as_ref()
            .is_some_and(|v| !v.is_still_image && video_fits(self.container, &v.codec));
        let audio_ok = probe
            .audio
            .as_ref()
            .is_none_or(|a| audio_fits(self.container, &a.codec));
        browser_reads(&probe.container) && video_ok && audio_ok
    }

    /// Whether the output of a copy of `input_bytes` is made fast-start.
    pub fn fast_start_for(&self, input_bytes: u64) -> bool {
        self.fast_start && input_bytes <= FAST_START_MAX_BYTES
    }
}

/// Whether converting to the registry format `format_id` (without a size target) may be a
/// stream copy to disk, as far as the queue can tell before the file is read: MKV and MOV
/// outputs are copies whenever the codecs allow ([`crate::convert::convert_args`]).
pub fn may_stream_to_disk(format_id: &str) -> bool {
    matches!(format_id, "mkv" | "mov")
}

/// Room a copy of `input_bytes` needs on disk: the copy is the input's size give or take
/// its index, plus a margin for the index and the file system.
pub fn space_needed(input_bytes: u64) -> u64 {
    input_bytes + input_bytes / 50 + 16 * 1024 * 1024
}

/// Refuses a job whose output would not fit in the space the browser grants this site
/// (`navigator.storage.estimate()`: `quota - usage`), before any work starts. `None` (the
/// browser does not say) lets the job try.
pub fn check_space(needed: u64, free: Option<u64>) -> Result<(), FailReason> {
    match free {
        Some(free) if free < needed => Err(FailReason::NoSpace { needed, free }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
