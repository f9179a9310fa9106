//! The **Add files** and **Add folder** pickers.

use leptos::prelude::*;

use crate::components::intake::in_hidden_path;
use crate::i18n::t;
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
    // A folder's files, every level down, except hidden ones (".DS_Store").
    let on_folder = move |ev: web_sys::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(list) = input.files() {
            let files = files_from_list(&list)
                .into_iter()
                .filter(|f| !in_hidden_path(&relative_path(f)))
                .collect();
            queue.add_files(files);
        }
        input.set_value("");
    };
    view! {
        <div class="add-files">
            <input id="add-files" class="file-input" type="file" multiple on:change=on_change />
            <label for="add-files" class="button primary big">{move || t("add-files")}</label>
            <input id="add-folder" class="file-input" type="file" prop:webkitdirectory=true on:change=on_folder />
            <label for="add-folder" class="button big">{move || t("add-folder")}</label>
            <p class="hint">{move || t("add-hint")}</p>
        </div>
    }
}

/// A picked file's path inside the picked folder ("Trip/day 1/a.jpg"); its name otherwise.
fn relative_path(file: &web_sys::File) -> String {
    // `webkitRelativePath` is not in web-sys; read the property.
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}
