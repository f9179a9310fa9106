//! Pure logic of Tamp: everything that can be decided without a browser.
//!
//! Nothing here touches the DOM or FFmpeg itself: the web app feeds in bytes,
//! ffprobe JSON and ffmpeg log lines, and gets back classifications, plans and
//! argument lists. That keeps the decisions testable natively.

pub mod anim_fit;
pub mod args;
pub mod audio_fit;
pub mod batch;
pub mod choices;
pub mod convert;
pub mod formats;
pub mod human;
pub mod i18n;
pub mod lifecycle;
pub mod media;
pub mod memory;
pub mod names;
pub mod plan;
pub mod presets;
pub mod probe;
pub mod progress;
pub mod quality;
pub mod saved;
pub mod sniff;
pub mod stream_copy;
pub mod target_scope;
pub mod trim;
pub mod webcodecs;
pub mod zip;
