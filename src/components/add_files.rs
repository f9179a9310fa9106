//! The **Add files** picker.

use leptos::prelude::*;

use crate::state::queue::Queue;

/// The files of a `FileList`, in order.
pub fn files_from_list(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// A labelled multi-file input, styled as a big button; drop hints beside it.
#[component]
pub fn AddFiles() -> impl IntoView {
    let queue = expect_context::<Queue>();
    let on_change = move |ev: web_sys::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(list) = input.files() {
            queue.add_files(files_from_list(&list));
        }
        // Clearing lets the same file be added again later.
        input.set_value("");
    };
    view! {
        <div class="add-files">
            <input id="add-files" class="file-input" type="file" multiple on:change=on_change />
            <label for="add-files" class="button primary big">"Add files"</label>
            <p class="hint">"or drop videos, audio and images anywhere on this page"</p>
        </div>
    }
}
