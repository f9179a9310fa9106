//! What the page asks of the browser around a batch, outside its own DOM: a notification
//! when the batch ends in a hidden tab ([`notify`]), and keeping the screen on while it
//! runs ([`wake_lock`]), both reading only the queue's state; and the outputs written to
//! disk ([`disk`]).

pub mod disk;
pub mod notify;
pub mod wake_lock;

use leptos::prelude::*;

use crate::state::queue::Queue;

/// Whether any job is queued or running: the batch is under way.
pub fn batch_active(queue: Queue) -> Memo<bool> {
    Memo::new(move |_| queue.batch_running())
}

/// `document.hidden`: the tab is in the background or minimised.
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
