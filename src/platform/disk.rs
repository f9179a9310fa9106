//! The page's side of outputs on disk (the origin-private file system, where engine
//! workers write stream copies: see `disk_paths`): this tab's folder, held open with a Web
//! Lock; a job's files deleted when its output is dropped; and, when the app starts, the
//! folders of tabs that are gone (closed, crashed, reloaded) swept away.

use std::sync::OnceLock;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{FileSystemDirectoryHandle, FileSystemRemoveOptions};

use crate::disk_paths::{job_dir, tab_dir, OUTPUTS_DIR};
use crate::protocol::JobId;

/// This tab's id, made once per page load.
pub fn tab_id() -> &'static str {
    static TAB: OnceLock<String> = OnceLock::new();
    TAB.get_or_init(|| {
        let random = (js_sys::Math::random() * 2f64.powi(48)) as u64;
        format!("{:x}{random:012x}", js_sys::Date::now() as u64)
    })
}

/// Takes this tab's lock (held until the tab goes) and sweeps the folders of tabs whose
/// lock nobody holds. Called once when the app starts; does nothing where the browser has
/// no Web Locks or no private file system.
pub fn claim_and_sweep() {
    spawn_local(async {
        if let Err(e) = claim_and_sweep_now().await {
            web_sys::console::warn_1(&format!("could not tidy the outputs on disk: {e:?}").into());
        }
    });
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// `navigator.locks`, where the browser has it (web-sys binds it only as unstable).
fn locks() -> Option<JsValue> {
    let locks = Reflect::get(&navigator()?.into(), &"locks".into()).ok()?;
    (!locks.is_undefined()).then_some(locks)
}

async fn claim_and_sweep_now() -> Result<(), JsValue> {
    let Some(locks) = locks() else { return Ok(()) };
    let mine = tab_dir(tab_id());
    // The callback's promise never settles, so the lock is held as long as the tab lives.
    let hold = Closure::once_into_js(|| Promise::new(&mut |_, _| {}));
    let request: Function = Reflect::get(&locks, &"request".into())?.dyn_into()?;
    let _ = request.call2(&locks, &JsValue::from_str(&mine), &hold)?;
    let Some(outputs) = outputs_folder().await else {
        return Ok(());
    };
    let query: Function = Reflect::get(&locks, &"query".into())?.dyn_into()?;
    let snapshot = JsFuture::from(query.call0(&locks)?.dyn_into::<Promise>()?).await?;
    let held: Vec<String> = Reflect::get(&snapshot, &"held".into())?
        .dyn_into::<Array>()?
        .iter()
        .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
        .collect();
    for name in folder_names(&outputs).await? {
        if name != mine && !held.contains(&name) {
            remove(&outputs, &name).await;
        }
    }
    Ok(())
}

/// `outputs/` at the root of the private file system, if there is one yet.
async fn outputs_folder() -> Option<FileSystemDirectoryHandle> {
    let root: FileSystemDirectoryHandle = JsFuture::from(navigator()?.storage().get_directory())
        .await
        .ok()?
        .unchecked_into();
    JsFuture::from(root.get_directory_handle(OUTPUTS_DIR))
        .await
        .ok()
        .map(JsCast::unchecked_into)
}

/// The names in `folder`.
async fn folder_names(folder: &FileSystemDirectoryHandle) -> Result<Vec<String>, JsValue> {
    let keys = folder.keys();
    let mut names = Vec::new();
    loop {
        let next = JsFuture::from(keys.next()?).await?;
        if Reflect::get(&next, &"done".into())?.is_truthy() {
            return Ok(names);
        }
        if let Some(name) = Reflect::get(&next, &"value".into())?.as_string() {
            names.push(name);
        }
    }
}

/// Deletes `name` and everything in it; a file still open (a worker writing) stays.
async fn remove(folder: &FileSystemDirectoryHandle, name: &str) {
    let options = FileSystemRemoveOptions::new();
    options.set_recursive(true);
    let _ = JsFuture::from(folder.remove_entry_with_options(name, &options)).await;
}

/// Deletes job `id`'s file `name` (`None`: its whole folder, with whatever a cancelled
/// copy left). Each run of a job writes a file of its own name, so deleting the last
/// run's output never touches the next run's.
pub fn forget(id: JobId, name: Option<String>) {
    spawn_local(async move {
        let Some(outputs) = outputs_folder().await else {
            return;
        };
        let Ok(tab) = JsFuture::from(outputs.get_directory_handle(&tab_dir(tab_id()))).await else {
            return;
        };
        let tab: FileSystemDirectoryHandle = tab.unchecked_into();
        match name {
            None => remove(&tab, &job_dir(id)).await,
            Some(name) => {
                if let Ok(job) = JsFuture::from(tab.get_directory_handle(&job_dir(id))).await {
                    remove(job.unchecked_ref(), &name).await;
                }
            }
        }
    });
}
