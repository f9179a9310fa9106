// Bootstrap of the video engine worker (a module worker). The web platform needs a script
// URL to start a worker, and FFmpeg's core and Mediabunny are ES modules, so this shim only
// imports them and hands over to the Rust side, which does everything else.
// `?core=mt` picks the multi-threaded FFmpeg core (needs cross-origin isolation), anything
// else st. Mediabunny (WebCodecs demux/mux) is put on `globalThis.Mediabunny`, where the
// Rust bindings look for it.
const core = new URL(self.location.href).searchParams.get('core') === 'mt' ? 'mt' : 'st';
const [{ default: createFFmpegCore }, engine, mediabunny] = await Promise.all([
  import(`./ffmpeg/${core}/ffmpeg-core.js`),
  import('./engine_worker.js'),
  import('./mediabunny/mediabunny.min.mjs'),
]);
globalThis.Mediabunny = mediabunny;
await engine.default();
engine.run_ffmpeg_worker(createFFmpegCore, core, new URL(`./ffmpeg/${core}/`, self.location.href).href);
