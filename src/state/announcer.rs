//! What the queue says to screen readers when a job ends. A sighted person sees a row turn
//! green or red; someone listening needs to be told, with the file's name, since the row may
//! be far from where they are. The queue renders these lines in a polite live region.

use crate::i18n::format::{bytes, change};
use crate::i18n::{tr, A};
use leptos::prelude::*;

/// How many lines the live region keeps. Screen readers read each line once, as it is
/// added; the older ones only need to stay long enough not to be cut off mid-sentence.
const KEEP: usize = 5;

/// One announcement; `id` keys it in the list so old lines are not re-rendered (and so not
/// re-read) when a new one arrives.
#[derive(Clone, Debug, PartialEq)]
pub struct Announcement {
    pub id: u64,
    pub text: String,
}

/// The queue's announcements, newest last. Copy: every field is a handle. Written only from
/// job events and user actions, never from an effect.
#[derive(Clone, Copy)]
pub struct Announcer {
    /// The lines the live region shows.
    pub lines: RwSignal<Vec<Announcement>>,
    next_id: StoredValue<u64>,
}

impl Default for Announcer {
    fn default() -> Self {
        Announcer {
            lines: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }
}

impl Announcer {
    /// Adds a line for screen readers to read, dropping the oldest beyond [`KEEP`].
    pub fn say(&self, text: String) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.lines.update(|lines| {
            lines.push(Announcement { id, text });
            let excess = lines.len().saturating_sub(KEEP);
            lines.drain(..excess);
        });
    }
}

/// "clip.mov is ready: clip.mp4, 1.2 MB (40% smaller)".
pub fn ready_text(input: &str, output: &str, input_size: u64, output_size: u64) -> String {
    tr(
        "ready-announcement",
        &[
            ("input", A::from(input)),
            ("output", A::from(output)),
            ("size", A::from(bytes(output_size))),
            ("change", A::from(change(input_size, output_size))),
        ],
    )
}

/// "notes.txt failed: This file is not a video, audio or image file…".
pub fn failed_text(input: &str, message: &str) -> String {
    tr(
        "failed-announcement",
        &[("input", A::from(input)), ("message", A::from(message))],
    )
}

#[cfg(test)]
mod tests {
    use super::{failed_text, ready_text, Announcer, KEEP};
    use leptos::prelude::*;

    #[test]
    fn keeps_the_latest_lines_each_with_its_own_key() {
        let announcer = Announcer::default();
        for i in 0..KEEP + 2 {
            announcer.say(format!("line {i}"));
        }
        let lines = announcer.lines.get_untracked();
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["line 2", "line 3", "line 4", "line 5", "line 6"]);
        let ids: Vec<u64> = lines.iter().map(|l| l.id).collect();
        assert_eq!(ids, [2, 3, 4, 5, 6]);
    }

    #[test]
    fn announcements_name_the_file_and_the_outcome() {
        assert_eq!(
            ready_text("clip.mov", "clip.mp4", 2_000_000, 1_200_000),
            "clip.mov is ready: clip.mp4, 1.2 MB (40% smaller)"
        );
        assert_eq!(
            failed_text("notes.txt", "This file is empty."),
            "notes.txt failed: This file is empty."
        );
    }
}
