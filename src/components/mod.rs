//! The page's components. Each one small; shared state comes from context.

pub mod add_files;
pub mod advanced_options;
pub mod app;
pub mod batch_progress;
pub mod choice_field;
pub mod compare;
pub mod download_all;
pub mod intake;
pub mod job_options;
pub mod job_row;
pub mod language_select;
pub mod notify_toggle;
pub mod page_effects;
pub mod preview;
pub mod quality_estimate;
pub mod queue_list;
pub mod settings_panel;
pub mod trim_fields;
