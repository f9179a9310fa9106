//! Outputs written to disk as they are made: a file in the origin-private file system
//! (OPFS), written through a synchronous access handle (this is a dedicated worker), so a
//! multi-gigabyte output never sits in memory. The page gets the finished file as a
//! disk-backed `File`, which download links, Preview, Compare and the zip read lazily.

use js_sys::{Promise, Reflect, Uint8Array};
use tamp::disk_paths::{job_dir, tab_dir, OUTPUTS_DIR, TAB_PARAM};
use tamp::protocol::JobId;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions,
    FileSystemGetFileOptions, FileSystemReadWriteOptions, FileSystemRemoveOptions,
    FileSystemSyncAccessHandle, StorageEstimate, UnderlyingSink, WritableStream,
};

use crate::mediabunny_api::{construct, object};
use crate::{scope, url_param};

/// Mediabunny gathers writes into pieces of this size before they reach the disk: fewer,
/// larger writes, and the memory held stays this small.
const WRITE_CHUNK_BYTES: u32 = 16 * 1024 * 1024;

/// A file on disk being written, and where it is.
pub struct DiskFile {
    folder: FileSystemDirectoryHandle,
    name: String,
    handle: FileSystemFileHandle,
    access: FileSystemSyncAccessHandle,
    /// The sink's `write`, kept alive as long as the stream that calls it.
    _write: Closure<dyn FnMut(JsValue) -> Result<(), JsValue>>,
    stream: WritableStream,
}

async fn subfolder(
    parent: &FileSystemDirectoryHandle,
    name: &str,
) -> Result<FileSystemDirectoryHandle, JsValue> {
    let options = FileSystemGetDirectoryOptions::new();
    options.set_create(true);
    Ok(
        JsFuture::from(parent.get_directory_handle_with_options(name, &options))
            .await?
            .unchecked_into(),
    )
}

/// This job's folder, made if needed: `outputs/<tab>/job-<id>`.
async fn job_folder(id: JobId) -> Result<FileSystemDirectoryHandle, JsValue> {
    let tab =
        url_param(TAB_PARAM).ok_or_else(|| JsValue::from_str("the worker was not told its tab"))?;
    let root: FileSystemDirectoryHandle =
        JsFuture::from(scope().navigator().storage().get_directory())
            .await?
            .unchecked_into();
    let outputs = subfolder(&root, OUTPUTS_DIR).await?;
    let tab = subfolder(&outputs, &tab_dir(&tab)).await?;
    subfolder(&tab, &job_dir(id)).await
}

impl DiskFile {
    /// Creates (or empties) `name` in job `id`'s folder, open for writing.
    pub async fn create(id: JobId, name: &str) -> Result<DiskFile, JsValue> {
        let folder = job_folder(id).await?;
        let options = FileSystemGetFileOptions::new();
        options.set_create(true);
        let handle: FileSystemFileHandle =
            JsFuture::from(folder.get_file_handle_with_options(name, &options))
                .await?
                .unchecked_into();
        let access: FileSystemSyncAccessHandle = JsFuture::from(handle.create_sync_access_handle())
            .await?
            .unchecked_into();
        access.truncate_with_f64(0.0)?;
        let writer = access.clone();
        // Mediabunny's chunks are `{ type: 'write', data, position }`; the muxer goes back
        // to fill in sizes, so every write says where it goes.
        let write = Closure::<dyn FnMut(JsValue) -> Result<(), JsValue>>::new(
            move |chunk: JsValue| -> Result<(), JsValue> {
                let data: Uint8Array = Reflect::get(&chunk, &"data".into())?.dyn_into()?;
                let at = Reflect::get(&chunk, &"position".into())?
                    .as_f64()
                    .unwrap_or(0.0);
                let options = FileSystemReadWriteOptions::new();
                options.set_at(at);
                let written = writer.write_with_js_u8_array_and_options(&data, &options)?;
                if written < f64::from(data.length()) {
                    return Err(JsValue::from_str("the disk is full"));
                }
                Ok(())
            },
        );
        let sink = UnderlyingSink::new();
        sink.set_write(write.as_ref().unchecked_ref());
        let stream = WritableStream::new_with_underlying_sink(&sink)?;
        Ok(DiskFile {
            folder,
            name: name.to_owned(),
            handle,
            access,
            _write: write,
            stream,
        })
    }

    /// A Mediabunny `StreamTarget` that writes into this file.
    pub fn target(&self) -> Result<JsValue, JsValue> {
        let options = object(&[
            ("chunked", true.into()),
            ("chunkSize", WRITE_CHUNK_BYTES.into()),
        ])?;
        construct("StreamTarget", &[&self.stream, &options.into()])
    }

    /// Closes the file and returns it as a disk-backed `File`.
    pub async fn finish(self) -> Result<web_sys::File, JsValue> {
        self.access.flush()?;
        self.access.close();
        Ok(JsFuture::from(self.handle.get_file())
            .await?
            .unchecked_into())
    }

    /// Closes and deletes the file (a failed or abandoned output).
    pub async fn discard(self) {
        self.access.close();
        let options = FileSystemRemoveOptions::new();
        let _ = JsFuture::from(self.folder.remove_entry_with_options(&self.name, &options)).await;
    }
}

/// Bytes this site may still write (`quota - usage`), or `None` when the browser does not
/// say. Test hook: `free_space_mb=N` in the page's URL (forwarded to the worker) says N MB.
pub async fn free_space() -> Option<u64> {
    if let Some(mb) = url_param("free_space_mb").and_then(|n| n.parse::<u64>().ok()) {
        return Some(mb * 1_000_000);
    }
    let promise: Promise = scope().navigator().storage().estimate().ok()?;
    let estimate: StorageEstimate = JsFuture::from(promise).await.ok()?.unchecked_into();
    let quota = estimate.get_quota()?;
    let usage = estimate.get_usage().unwrap_or(0.0);
    Some((quota - usage).max(0.0) as u64)
}
