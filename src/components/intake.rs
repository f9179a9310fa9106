//! Files that arrive without the picker: dropped on the page (folders included, read
//! recursively) or pasted from the clipboard.

use std::future::Future;
use std::pin::Pin;

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

use crate::components::add_files::files_from_list;
use crate::state::queue::Queue;

/// Folders nested deeper than this are not read (a guard against link loops).
const MAX_DEPTH: u32 = 32;

/// Whether a name inside a dropped or picked folder is the system's rather than the user's
/// (".DS_Store", "._IMG_0001.JPG", ".thumbnails"): those are skipped.
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Whether a file picked with **Add folder**, by its path inside the folder
/// ("Trip/.thumbs/a.jpg"), is hidden or lies in a hidden folder.
pub fn in_hidden_path(path: &str) -> bool {
    path.split('/').any(is_hidden)
}

/// Adds what was dropped: files as they are, folders with every file inside them.
pub fn add_dropped(queue: Queue, dt: &DataTransfer) {
    // Entries must be taken while the drop event runs: the browser empties the
    // DataTransfer as soon as it returns.
    let items = dt.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if !entries.iter().any(FileSystemEntry::is_directory) {
        if let Some(list) = dt.files() {
            queue.add_files(files_from_list(&list));
        }
        return;
    }
    leptos::task::spawn_local(async move {
        let mut files = Vec::new();
        for entry in entries {
            files.extend(read_entry(entry, 0).await);
        }
        queue.add_files(files);
    });
}

/// Adds the files of a paste, if it carries any (pasted text is left to the page).
/// Returns whether it did.
pub fn add_pasted(queue: Queue, clipboard: Option<DataTransfer>) -> bool {
    let files = clipboard
        .and_then(|dt| dt.files())
        .map(|list| files_from_list(&list))
        .unwrap_or_default();
    if files.is_empty() {
        return false;
    }
    queue.add_files(files);
    true
}

/// The files under `entry`, in the order the browser lists them; hidden ones inside folders
/// skipped. Unreadable entries are skipped too: one locked file must not lose the rest.
fn read_entry(entry: FileSystemEntry, depth: u32) -> Pin<Box<dyn Future<Output = Vec<File>>>> {
    Box::pin(async move {
        if depth > 0 && is_hidden(&entry.name()) {
            return Vec::new();
        }
        if entry.is_file() {
            let Ok(file_entry) = entry.dyn_into::<FileSystemFileEntry>() else {
                return Vec::new();
            };
            let promise = Promise::new(&mut |resolve, reject| {
                file_entry.file_with_callback_and_callback(&resolve, &reject);
            });
            return match JsFuture::from(promise).await {
                Ok(file) => file.dyn_into::<File>().into_iter().collect(),
                Err(_) => Vec::new(),
            };
        }
        if depth >= MAX_DEPTH {
            return Vec::new();
        }
        let Ok(dir) = entry.dyn_into::<FileSystemDirectoryEntry>() else {
            return Vec::new();
        };
        let reader = dir.create_reader();
        let mut files = Vec::new();
        // `readEntries` gives a batch at a time (100 in Chromium); an empty batch is the end.
        loop {
            let promise = Promise::new(&mut |resolve, reject| {
                if let Err(e) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                    let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &e);
                }
            });
            let batch = match JsFuture::from(promise).await {
                Ok(batch) => Array::from(&batch),
                Err(_) => break,
            };
            if batch.length() == 0 {
                break;
            }
            for child in batch.iter() {
                if let Ok(child) = child.dyn_into::<FileSystemEntry>() {
                    files.extend(read_entry(child, depth + 1).await);
                }
            }
        }
        files
    })
}

#[cfg(test)]
mod tests {
    use super::{in_hidden_path, is_hidden};

    #[test]
    fn system_files_are_hidden_and_media_is_not() {
        assert!(is_hidden(".DS_Store"));
        assert!(is_hidden("._IMG_0001.JPG"));
        assert!(!is_hidden("IMG_0001.JPG"));
        assert!(!is_hidden("clip.final.mp4"));
    }

    #[test]
    fn a_hidden_folder_hides_what_is_inside() {
        assert!(in_hidden_path("Trip/.thumbs/a.jpg"));
        assert!(in_hidden_path("Trip/.DS_Store"));
        assert!(!in_hidden_path("Trip/day 1/a.jpg"));
    }
}
