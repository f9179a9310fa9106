//! **Download all**: one `.zip` of every finished output. Entries are stored, not
//! recompressed (media is compressed already), and the archive is a `Blob` made of the
//! headers and the outputs' own Blobs, so no output is copied; only the CRC-32 needs a
//! pass over the bytes, read in slices so the page stays responsive.

use js_sys::{Array, Uint8Array};
use leptos::prelude::*;
use tamp_core::names::safe_file_name;
use tamp_core::zip::{central_directory, local_header, unique_names, Crc32, ZipEntry};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{t, tr, A};
use crate::state::job::JobStatus;
use crate::state::queue::Queue;

/// Slice size for checksumming: large enough to be fast, small enough to keep memory flat.
const CHUNK: f64 = 8.0 * 1024.0 * 1024.0;

/// The button, enabled once at least one job is done, and its status line.
#[component]
pub fn DownloadAll() -> impl IntoView {
    let queue = expect_context::<Queue>();
    let busy = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let done_count = move || {
        queue.jobs.with(|jobs| {
            jobs.iter()
                .filter(|j| j.status.with(|s| matches!(s, JobStatus::Done(_))))
                .count()
        })
    };
    let on_click = move |_| {
        busy.set(true);
        message.set(t("zip-preparing"));
        leptos::task::spawn_local(async move {
            let result = build_and_save(queue).await;
            message.set(match result {
                Ok(n) => tr("zip-saved", &[("count", A::from(n))]),
                Err(e) => e,
            });
            busy.set(false);
        });
    };
    view! {
        <div class="download-all">
            <button
                type="button"
                class="button"
                disabled=move || busy.get() || done_count() == 0
                on:click=on_click
            >
                {move || t("download-all")}
            </button>
            <span class="job-status" role="status">{move || message.get()}</span>
        </div>
    }
}

async fn build_and_save(queue: Queue) -> Result<usize, String> {
    let outputs: Vec<(String, web_sys::Blob)> = queue.jobs.with_untracked(|jobs| {
        jobs.iter()
            .filter_map(|j| {
                let name = j
                    .status
                    .with_untracked(|s| s.output().map(|o| o.name.clone()))?;
                Some((name, j.output_blob.get_value()?))
            })
            .collect()
    });
    // Entry names are made safe again here: a zip tool extracts them as paths, so one
    // with "../" or "C:" in it would write outside the folder.
    let names = unique_names(
        &outputs
            .iter()
            .map(|(n, _)| safe_file_name(n))
            .collect::<Vec<_>>(),
    );
    let parts = Array::new();
    let mut entries = Vec::with_capacity(outputs.len());
    for ((_, blob), name) in outputs.iter().zip(names) {
        let crc32 = checksum(blob).await.map_err(|_| t("zip-read-failed"))?;
        let entry = ZipEntry {
            name,
            crc32,
            // A Blob's size is an exact integer in an f64 up to 2^53 bytes.
            size: blob.size() as u64,
        };
        parts.push(&Uint8Array::from(local_header(&entry).as_slice()));
        parts.push(blob);
        entries.push(entry);
    }
    // ZIP64 where an output or the archive passes 4 GB or 65,535 entries, so nothing
    // finished is ever refused for its size (`core/src/zip/write.rs`).
    parts.push(&Uint8Array::from(central_directory(&entries).as_slice()));
    save(&parts, entries.len()).map_err(|_| t("zip-save-failed"))?;
    queue.jobs.with_untracked(|jobs| {
        for j in jobs
            .iter()
            .filter(|j| j.output_blob.with_value(Option::is_some))
        {
            j.downloaded.set_value(true);
        }
    });
    Ok(entries.len())
}

async fn checksum(blob: &web_sys::Blob) -> Result<u32, JsValue> {
    let mut crc = Crc32::default();
    let size = blob.size();
    let mut start = 0.0;
    while start < size {
        let end = (start + CHUNK).min(size);
        let buffer =
            JsFuture::from(blob.slice_with_f64_and_f64(start, end)?.array_buffer()).await?;
        crc.update(&Uint8Array::new(&buffer).to_vec());
        start = end;
    }
    Ok(crc.finish())
}

fn save(parts: &Array, count: usize) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/zip");
    let zip = web_sys::Blob::new_with_blob_sequence_and_options(parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&zip)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(&format!("tamp-{count}-files.zip"));
    link.click();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    leptos::task::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(60_000).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}
