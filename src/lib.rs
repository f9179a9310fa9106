//! Tamp: compress and convert video, audio and images in the browser; nothing is uploaded.
//!
//! The page (Leptos) lives in [`components`], its state in [`state`]; [`engine`] drives the
//! FFmpeg worker over the typed [`protocol`]. Decisions that need no browser (sniffing,
//! probing, planning, FFmpeg arguments) live in the `tamp-core` crate. [`offline`] makes the
//! site installable and usable offline through its service worker.

pub mod components;
pub mod disk_paths;
pub mod engine;
pub mod files;
pub mod i18n;
pub mod offline;
pub mod panic_banner;
pub mod platform;
pub mod protocol;
pub mod state;

pub use components::app::App;
