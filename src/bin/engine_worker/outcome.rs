//! How a job ends: failures in plain words, and the output as a Blob.

use tamp::protocol::{Goal, ImageGoal};
use tamp_core::formats::output_by_id;
use tamp_core::probe::FailReason;
use wasm_bindgen::JsValue;

use crate::describe_js_error;

/// Why a job failed: words for people, and whether the core is still usable.
pub struct Failure {
    pub message: String,
    /// The class of FFmpeg failure, which the page words in the user's language.
    pub reason: Option<FailReason>,
    pub engine_broken: bool,
}

impl Failure {
    pub fn plain(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            reason: None,
            engine_broken: false,
        }
    }

    /// A failure of a known class: its English sentence, and the class for the page.
    pub fn because(reason: FailReason) -> Self {
        Failure {
            message: reason.english(),
            reason: Some(reason),
            engine_broken: false,
        }
    }

    pub fn crashed(e: &JsValue) -> Self {
        Failure {
            message: format!(
                "The converter crashed while working on this file ({}). It has been restarted for the next file.",
                describe_js_error(e)
            ),
            reason: None,
            engine_broken: true,
        }
    }
}

/// Only `[a-z0-9]` survive: the extension becomes part of a path inside the engine.
pub fn sanitize_ext(ext: &str) -> String {
    let clean: String = ext
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    if clean.is_empty() {
        "bin".into()
    } else {
        clean
    }
}

pub fn mime_for(goal: &Goal) -> &'static str {
    match goal {
        Goal::TargetSize { container, .. } | Goal::Quality { container, .. } => container.mime(),
        Goal::Convert { format, .. } | Goal::Image(ImageGoal { format, .. }) => {
            output_by_id(format)
                .map(|f| f.mime)
                .unwrap_or("application/octet-stream")
        }
    }
}

pub fn make_blob(bytes: &js_sys::Uint8Array, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
}
