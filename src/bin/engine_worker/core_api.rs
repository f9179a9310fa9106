//! Bindings to the FFmpeg core module (`@ffmpeg/core` / `@ffmpeg/core-mt`, Emscripten).
//!
//! Only what the engine uses: run ffmpeg/ffprobe, receive log lines, and the virtual file
//! system (MEMFS for outputs, WORKERFS to read the user's `File` without copying it).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The module object the core's factory resolves to.
    pub type FfmpegCore;

    /// Runs `ffmpeg` with the given arguments (the core prepends `-nostdin -y`); returns its exit code.
    #[wasm_bindgen(method, variadic, catch)]
    pub fn exec(this: &FfmpegCore, args: &Array) -> Result<i32, JsValue>;

    /// Runs `ffprobe` with the given arguments; returns its exit code.
    #[wasm_bindgen(method, variadic, catch)]
    pub fn ffprobe(this: &FfmpegCore, args: &Array) -> Result<i32, JsValue>;

    /// Installs the callback that receives `{ type: "stdout" | "stderr", message }` per line.
    #[wasm_bindgen(method, js_name = setLogger)]
    pub fn set_logger(this: &FfmpegCore, logger: &js_sys::Function);

    /// Resets the core's per-run state; required between two runs.
    #[wasm_bindgen(method)]
    pub fn reset(this: &FfmpegCore);

    /// Emscripten's file system.
    #[wasm_bindgen(method, getter, js_name = FS)]
    pub fn fs(this: &FfmpegCore) -> Fs;

    /// Emscripten's `FS` object.
    pub type Fs;

    #[wasm_bindgen(method, catch)]
    fn mkdir(this: &Fs, path: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn mount(this: &Fs, kind: &JsValue, options: &JsValue, at: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn unmount(this: &Fs, at: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = readFile)]
    fn read_file(this: &Fs, path: &str) -> Result<Uint8Array, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn unlink(this: &Fs, path: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = writeFile)]
    fn write_file(this: &Fs, path: &str, data: &Uint8Array) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = rename)]
    fn rename_file(this: &Fs, from: &str, to: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn stat(this: &Fs, path: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn readdir(this: &Fs, path: &str) -> Result<Array, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn filesystems(this: &Fs) -> JsValue;
}

impl FfmpegCore {
    /// Runs ffmpeg and resets the core afterwards. A JS exception (a wasm trap) becomes `Err`.
    ///
    /// The log level is set on every run: it is global state inside the module, and an
    /// earlier `ffprobe -v error` would otherwise silence the progress lines of every later run.
    pub fn run_ffmpeg(&self, args: &[String]) -> Result<i32, JsValue> {
        let mut full = vec![
            "-hide_banner".to_owned(),
            "-loglevel".to_owned(),
            "info".to_owned(),
        ];
        full.extend_from_slice(args);
        let result = self.exec(&to_array(&full));
        self.reset();
        result
    }

    /// Runs ffprobe and resets the core afterwards.
    pub fn run_ffprobe(&self, args: &[String]) -> Result<i32, JsValue> {
        let result = self.ffprobe(&to_array(args));
        self.reset();
        result
    }
}

fn to_array(args: &[String]) -> Array {
    args.iter().map(|a| JsValue::from_str(a)).collect()
}

impl Fs {
    /// Creates a directory; an existing one is fine.
    pub fn ensure_dir(&self, path: &str) {
        // EEXIST is the only expected failure, and a real failure shows up at first use.
        let _ = self.mkdir(path);
    }

    /// Mounts `blob` read-only at `dir/name` through WORKERFS: ffmpeg reads the user's file
    /// lazily, so a 600 MB video does not get copied into the wasm heap.
    pub fn mount_blob(&self, dir: &str, name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
        let workerfs = Reflect::get(&self.filesystems(), &"WORKERFS".into())?;
        let entry = Object::new();
        Reflect::set(&entry, &"name".into(), &name.into())?;
        Reflect::set(&entry, &"data".into(), blob)?;
        let options = Object::new();
        Reflect::set(&options, &"blobs".into(), &Array::of1(&entry))?;
        self.ensure_dir(dir);
        self.mount(&workerfs, &options, dir)?;
        Ok(())
    }

    /// Unmounts a WORKERFS mount; a missing mount is fine.
    pub fn release_mount(&self, dir: &str) {
        let _ = self.unmount(dir);
    }

    /// Size in bytes of a file, if it exists.
    pub fn file_size(&self, path: &str) -> Option<u64> {
        let stat = self.stat(path).ok()?;
        Reflect::get(&stat, &"size".into())
            .ok()?
            .as_f64()
            .map(|s| s as u64)
    }

    /// Copies a file out of the wasm heap.
    pub fn read(&self, path: &str) -> Result<Uint8Array, JsValue> {
        self.read_file(path)
    }

    /// Writes `data` into the in-memory file system (MEMFS).
    pub fn write(&self, path: &str, data: &Uint8Array) -> Result<(), JsValue> {
        self.write_file(path, data).map(|_| ())
    }

    /// Moves a file (replacing what is at `to`).
    pub fn rename(&self, from: &str, to: &str) -> Result<(), JsValue> {
        self.remove(to);
        self.rename_file(from, to).map(|_| ())
    }

    /// Deletes a file; a missing one is fine.
    pub fn remove(&self, path: &str) {
        let _ = self.unlink(path);
    }

    /// Deletes every file in `dir` (outputs and two-pass logs of a finished job).
    pub fn clear_dir(&self, dir: &str) {
        if let Ok(names) = self.readdir(dir) {
            for name in names.iter().filter_map(|n| n.as_string()) {
                if name != "." && name != ".." {
                    let _ = self.unlink(&format!("{dir}/{name}"));
                }
            }
        }
    }
}
