// Bootstrap of the video engine worker (a module worker). The web platform needs a script
// URL to start a worker, and FFmpeg's core and Mediabunny are ES modules, so this shim only
// imports them and hands over to the Rust side, which does everything else.
// `?core=mt` picks the multi-threaded FFmpeg core (needs cross-origin isolation), anything
// else st. Mediabunny (WebCodecs demux/mux) is put on `globalThis.Mediabunny`, where the
// Rust bindings look for it. The FFmpeg core is imported only when a job first needs it
// (the Rust side calls `importCore`): a job the browser's codecs do whole never loads it.
const core = new URL(self.location.href).searchParams.get('core') === 'mt' ? 'mt' : 'st';
const [engine, mediabunny] = await Promise.all([
  import('./engine_worker.js'),
  import('./mediabunny/mediabunny.min.mjs'),
]);
globalThis.Mediabunny = mediabunny;
// MP4's AAC is encoded inside Mediabunny's output, beside the video: by the browser where
// it has an AAC encoder, else by @mediabunny/aac-encoder (FFmpeg's AAC encoder in wasm, in
// a worker of its own; scripts/vendor-aac.mjs serves it from the site). Without either,
// Mediabunny says it cannot make the track and FFmpeg does the job.
try {
  if (!(await mediabunny.canEncodeAudio('aac'))) {
    (await import('./aac-encoder/mediabunny-aac-encoder.mjs')).registerAacEncoder();
  }
} catch (e) {
  console.warn('No AAC encoder for the browser path:', e);
}
await engine.default();
const importCore = () => import(`./ffmpeg/${core}/ffmpeg-core.js`).then((m) => m.default);
engine.run_ffmpeg_worker(importCore, core, new URL(`./ffmpeg/${core}/`, self.location.href).href);
