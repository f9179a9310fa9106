//! The page's side of the memory-aware queue: what the device allows, and what the queue
//! knows about a job before it runs. The rule itself is pure: [`tamp_core::memory`].

use leptos::prelude::*;
use tamp_core::media::MediaKind;
use tamp_core::memory::{Engine, JobShape, Limits, OutputSize};
use tamp_core::stream_copy::may_stream_to_disk;

use crate::engine::url_hooks::positive_param;
use crate::protocol::{CoreKind, Goal, ImageGoal};
use crate::state::job::Job;

/// Output formats that come out uncompressed or barely compressed, larger than the input.
const EXPANDING_FORMATS: &[&str] = &["wav", "flac", "gif-video"];

/// The device's limits, read from `navigator` each time (cheap) so that a test can stand in
/// a different device. Test hook: a `memory_budget_mb=N` query parameter in the page's URL
/// replaces the budget, so the end-to-end tests can watch a "large" job run alone without
/// a 600 MB file; the rule applied is the same.
pub fn device_limits() -> Limits {
    let window = web_sys::window();
    let navigator = window.as_ref().map(|w| w.navigator());
    let cores = navigator.as_ref().map(|n| n.hardware_concurrency());
    // `deviceMemory` is Chromium-only (and an unstable API in web-sys): read the property.
    let device_memory = navigator.as_ref().and_then(|n| {
        js_sys::Reflect::get(n, &"deviceMemory".into())
            .ok()
            .and_then(|v| v.as_f64())
    });
    let mut limits = Limits::from_device(cores, device_memory);
    let search = window
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if let Some(bytes) = budget_override(&search) {
        limits.budget_bytes = bytes;
    }
    limits
}

/// The `memory_budget_mb` test hook's value in bytes, from a URL's query string.
pub fn budget_override(search: &str) -> Option<u64> {
    positive_param::<u64>(search, "memory_budget_mb").map(|mb| mb.saturating_mul(1_000_000))
}

/// The memory engine for a job about to run on `core`.
pub fn engine_for(core: CoreKind) -> Engine {
    match core {
        CoreKind::MultiThread => Engine::FfmpegMulti,
        CoreKind::SingleThread => Engine::FfmpegSingle,
        CoreKind::Image => Engine::Image,
    }
}

/// What the estimate needs to know about `job` with `goal` on `engine`; the resolution once
/// the engine has probed the input.
pub fn shape_of(job: &Job, goal: &Goal, engine: Engine) -> JobShape {
    let pixels = job.probe.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.video.as_ref())
            .map(|v| u64::from(v.width) * u64::from(v.height))
    });
    let (target_bytes, output) = match goal {
        Goal::TargetSize { target_bytes, .. } => (Some(*target_bytes), OutputSize::LikeInput),
        Goal::Quality { .. } => (None, OutputSize::LikeInput),
        Goal::Convert { format, .. } if EXPANDING_FORMATS.contains(&format.as_str()) => {
            (None, OutputSize::Expands)
        }
        Goal::Convert { format, .. } if may_stream_to_disk(format) => (None, OutputSize::OnDisk),
        Goal::Convert { .. } => (None, OutputSize::LikeInput),
        Goal::Image(ImageGoal { target_bytes, .. }) => (*target_bytes, OutputSize::LikeInput),
    };
    JobShape {
        kind: match job.kind() {
            MediaKind::Unknown => MediaKind::Video,
            kind => kind,
        },
        input_bytes: job.size,
        pixels,
        target_bytes,
        output,
        engine,
    }
}

#[cfg(test)]
mod tests {
    use super::budget_override;

    #[test]
    fn the_budget_hook_reads_only_its_own_positive_number() {
        assert_eq!(budget_override(""), None);
        assert_eq!(budget_override("?memory_budget_mb=300"), Some(300_000_000));
        assert_eq!(
            budget_override("?core=st&memory_budget_mb=50&x=1"),
            Some(50_000_000)
        );
        assert_eq!(budget_override("?memory_budget_mb=0"), None);
        assert_eq!(budget_override("?memory_budget_mb=lots"), None);
        assert_eq!(budget_override("?xmemory_budget_mb=5"), None);
    }
}
