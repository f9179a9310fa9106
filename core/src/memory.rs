//! How much memory a job is expected to need, and whether it may start now.
//!
//! A browser tab that runs out of memory dies with every job in it, so the queue estimates
//! each job's peak before starting it and starts it only when the estimates of the jobs
//! already running plus its own fit a budget (see [`admit`]). The estimate is deliberately
//! coarse and errs high: its job is to keep one large video from sharing the tab with two
//! more, not to predict the heap to the megabyte.
//!
//! The model, per engine:
//! - **FFmpeg** (video and audio): the loaded core; the input, copied twice while it is
//!   staged in memory (the `ArrayBuffer` read from the file and its MEMFS copy), or nearly
//!   nothing when it is mounted with WORKERFS; the frames in flight (decoder references,
//!   x264's lookahead, filters: about 48 YUV 4:2:0 frames, more with the multi-threaded
//!   core's frame threads); and the output three times over (the file in MEMFS, the bytes
//!   read out of it, the `Blob` made from them). For a 605 MB remux this gives 2.0 GB
//!   mounted and 3.2 GB staged, against 1.9 GB and 3.0 GB measured.
//!   A container change the browser may make as a stream copy to disk (MKV, MOV) counts
//!   only its write buffer for the output ([`OutputSize::OnDisk`]): a 4.4 GB copy peaked
//!   at 0.65 GB for the whole browser, against 13 GB this model gives it in memory.
//! - **Image engine**: the input, the decoded RGBA picture three times (decoded, converted
//!   or resized, the encoder's working copy) and the output.

use crate::i18n::{Message, Param};
use crate::media::MediaKind;

const MB: u64 = 1_000_000;
const GB: u64 = 1_000_000_000;

/// Inputs up to this size are copied into the FFmpeg engine's memory (MEMFS); larger ones
/// are mounted read-only (WORKERFS). The engine worker stages inputs by this rule.
pub const MEMFS_MAX_BYTES: u64 = 128 * 1024 * 1024;

/// The image engine refuses pictures over this many pixels (decompression bombs), so no
/// image job decodes more.
const IMAGE_MAX_PIXELS: u64 = 100_000_000;

/// Frames the FFmpeg core holds at once on one thread (references, lookahead, filters).
const FRAMES_IN_FLIGHT_ST: u64 = 48;
/// The multi-threaded core adds frame threads and a longer lookahead.
const FRAMES_IN_FLIGHT_MT: u64 = 80;
/// Pixels assumed for a video not yet probed: 1080p, the common case for phone footage.
const ASSUMED_VIDEO_PIXELS: u64 = 1920 * 1080;
/// Pixels assumed per input byte of an image not yet decoded (a 3 MB JPEG is about
/// 12 megapixels; PNGs are denser, so this errs high for them).
const ASSUMED_IMAGE_PIXELS_PER_BYTE: u64 = 4;
/// What uncompressed outputs (WAV, FLAC, GIF) may grow to, as a multiple of the input.
const EXPANDING_OUTPUT_FACTOR: u64 = 10;

/// Which engine runs a job, as far as memory is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// The single-threaded FFmpeg core (also hosts the browser-codec path).
    FfmpegSingle,
    /// The multi-threaded FFmpeg core.
    FfmpegMulti,
    /// The Rust image engine.
    Image,
}

impl Engine {
    /// The loaded engine before any job data: its wasm heap, code and glue.
    fn base_bytes(self) -> u64 {
        match self {
            Engine::FfmpegSingle => 48 * MB,
            Engine::FfmpegMulti => 96 * MB,
            Engine::Image => 24 * MB,
        }
    }
}

/// What the queue knows about a job before (or while) running it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct JobShape {
    /// The input's kind.
    pub kind: MediaKind,
    /// The input's size.
    pub input_bytes: u64,
    /// Width × height of the picture, once probed.
    pub pixels: Option<u64>,
    /// The output's size limit, when the job has a target.
    pub target_bytes: Option<u64>,
    /// How large the output may grow without a target, and where it is kept.
    pub output: OutputSize,
    /// The engine that will run it.
    pub engine: Engine,
}

/// What a job's output costs in memory when it has no size target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputSize {
    /// About the input's size, held in memory (an encode, or an FFmpeg remux).
    LikeInput,
    /// Uncompressed or barely compressed (WAV, FLAC, GIF): may be much larger than the input.
    Expands,
    /// A container change the browser may stream to disk as it is made
    /// ([`crate::stream_copy`]): only its write buffer is in memory.
    OnDisk,
}

/// What a stream copy on its way to disk holds in memory: Mediabunny's write buffer and
/// the input's read cache.
const ON_DISK_OUTPUT_BYTES: u64 = 32 * MB;

/// Estimated peak memory of one job, in bytes.
pub fn estimate_peak(job: &JobShape) -> u64 {
    let output = match (job.target_bytes, job.output) {
        (Some(target), _) => target,
        (None, OutputSize::Expands) => job.input_bytes.saturating_mul(EXPANDING_OUTPUT_FACTOR),
        (None, OutputSize::LikeInput | OutputSize::OnDisk) => job.input_bytes,
    };
    let base = job.engine.base_bytes();
    if job.engine == Engine::Image {
        let pixels = job
            .pixels
            .unwrap_or_else(|| {
                job.input_bytes
                    .saturating_mul(ASSUMED_IMAGE_PIXELS_PER_BYTE)
            })
            .min(IMAGE_MAX_PIXELS);
        // Output of an image job is bounded by its decoded picture.
        let output = output.min(pixels * 4);
        return base + 2 * job.input_bytes + 3 * 4 * pixels + output;
    }
    let staging = if job.input_bytes <= MEMFS_MAX_BYTES {
        2 * job.input_bytes
    } else {
        16 * MB // WORKERFS reads the file in small pieces
    };
    let frames = match job.kind {
        MediaKind::Video => {
            let per_frame = job.pixels.unwrap_or(ASSUMED_VIDEO_PIXELS) * 3 / 2;
            let count = match job.engine {
                Engine::FfmpegMulti => FRAMES_IN_FLIGHT_MT,
                _ => FRAMES_IN_FLIGHT_ST,
            };
            per_frame.saturating_mul(count)
        }
        _ => 16 * MB, // audio codec buffers
    };
    // Three copies in memory (the file in MEMFS, the bytes read out, the `Blob`), or only
    // the write buffer of a copy streaming to disk.
    let output_held = match (job.target_bytes, job.output) {
        (None, OutputSize::OnDisk) => ON_DISK_OUTPUT_BYTES,
        _ => output.saturating_mul(3),
    };
    base.saturating_add(staging)
        .saturating_add(frames)
        .saturating_add(output_held)
}

/// Where a job runs: each lane has its own limit of jobs at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// Video inputs, on FFmpeg workers.
    Video,
    /// Audio inputs, on FFmpeg workers beside the videos.
    Audio,
    /// Images, on image workers.
    Image,
}

impl Lane {
    /// The lane for an input of `kind`.
    pub fn for_kind(kind: MediaKind) -> Lane {
        match kind {
            MediaKind::Audio => Lane::Audio,
            MediaKind::Image => Lane::Image,
            _ => Lane::Video,
        }
    }
}

/// What the device allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Memory the tab's jobs may use together, in bytes.
    pub budget_bytes: u64,
    /// Logical cores (`navigator.hardwareConcurrency`).
    pub cores: u32,
}

impl Limits {
    /// Limits from `navigator.hardwareConcurrency` and `navigator.deviceMemory` (GB; only
    /// Chromium has it, and it reports at most 8). A tab may use a fraction of the device's
    /// memory: 40 %, between 1 and 3 GB; 2 GB where the browser does not say.
    pub fn from_device(cores: Option<f64>, device_memory_gb: Option<f64>) -> Limits {
        let budget_bytes = match device_memory_gb {
            Some(gb) if gb.is_finite() && gb > 0.0 => {
                ((gb * 0.4 * GB as f64) as u64).clamp(GB, 3 * GB)
            }
            _ => 2 * GB,
        };
        let cores = match cores {
            Some(c) if c.is_finite() && c >= 1.0 => c.min(256.0) as u32,
            _ => 2,
        };
        Limits {
            budget_bytes,
            cores,
        }
    }

    /// How many jobs of `lane` may run at once. Images decode on one core each, leaving one
    /// for the page; FFmpeg encodes use several threads, so videos get a lane per three
    /// cores (always at least one), and audio, which is light, runs beside them.
    pub fn capacity(&self, lane: Lane) -> usize {
        let cores = self.cores as usize;
        match lane {
            Lane::Image => cores.saturating_sub(1).clamp(1, 4),
            Lane::Audio => (cores / 2).clamp(1, 2),
            Lane::Video => (cores / 3).clamp(1, 3),
        }
    }
}

/// A job holding (or claiming) memory: running, or queued ahead and waiting for memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub lane: Lane,
    pub kind: MediaKind,
    pub bytes: u64,
}

/// Why a job may not start yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    /// Its lane is full.
    Lane { lane: Lane, capacity: usize },
    /// It does not fit beside the jobs running (or queued ahead of it and waiting for
    /// memory); `largest` is the biggest of those, `ahead` whether that one is still queued.
    Memory {
        largest: Claim,
        ahead: bool,
        claimed: u64,
        budget: u64,
    },
}

impl Wait {
    /// The reason as a message of the catalogs, for the job's row ("Waiting: this device
    /// converts one video at a time.").
    pub fn message(&self) -> Message {
        match *self {
            Wait::Lane { lane, capacity: 1 } => Message::new(match lane {
                Lane::Video => "wait-one-video",
                Lane::Audio => "wait-one-audio",
                Lane::Image => "wait-one-image",
            }),
            Wait::Lane { lane, capacity } => Message::new(match lane {
                Lane::Video => "wait-many-videos",
                Lane::Audio => "wait-many-audio",
                Lane::Image => "wait-many-images",
            })
            .with("count", Param::Count(capacity as u64)),
            Wait::Memory {
                largest,
                ahead,
                claimed,
                budget,
            } => {
                let lane = Lane::for_kind(largest.kind);
                if largest.bytes * 2 < budget {
                    Message::new("wait-memory")
                        .with("claimed", Param::Bytes(claimed))
                        .with("budget", Param::Bytes(budget))
                } else {
                    let id = match (ahead, lane) {
                        (true, Lane::Video) => "wait-ahead-video",
                        (true, Lane::Audio) => "wait-ahead-audio",
                        (true, Lane::Image) => "wait-ahead-image",
                        (false, Lane::Video) => "wait-running-video",
                        (false, Lane::Audio) => "wait-running-audio",
                        (false, Lane::Image) => "wait-running-image",
                    };
                    Message::new(id).with("size", Param::Bytes(largest.bytes))
                }
            }
        }
    }
}

/// Whether a job of `lane` and `kind` needing `bytes` may start beside `running`, with
/// `ahead` the jobs queued before it that wait for memory (so that smaller jobs behind a
/// large one cannot keep it waiting forever). A job that does not fit the budget even
/// alone still runs, alone, once everything else has finished.
pub fn admit(
    lane: Lane,
    bytes: u64,
    running: &[Claim],
    ahead: &[Claim],
    limits: &Limits,
) -> Result<(), Wait> {
    let capacity = limits.capacity(lane);
    if running.iter().filter(|c| c.lane == lane).count() >= capacity {
        return Err(Wait::Lane { lane, capacity });
    }
    if running.is_empty() && ahead.is_empty() {
        return Ok(());
    }
    let claimed: u64 = running.iter().chain(ahead).map(|c| c.bytes).sum();
    if claimed.saturating_add(bytes) <= limits.budget_bytes {
        return Ok(());
    }
    // The biggest holder names the reason; on a tie, a running job rather than one ahead.
    let holders = running
        .iter()
        .map(|c| (*c, false))
        .chain(ahead.iter().map(|c| (*c, true)));
    let Some((largest, ahead)) = holders.max_by_key(|(c, is_ahead)| (c.bytes, !is_ahead)) else {
        return Ok(());
    };
    Err(Wait::Memory {
        largest,
        ahead,
        claimed,
        budget: limits.budget_bytes,
    })
}

#[cfg(test)]
mod tests;
