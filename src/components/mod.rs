//! The page's components. Each one small; shared state comes from context.

pub mod add_files;
pub mod app;
pub mod choice_field;
pub mod download_all;
pub mod job_row;
pub mod page_effects;
pub mod queue_list;
pub mod settings_panel;
pub mod trim_fields;
