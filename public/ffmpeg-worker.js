// Bootstrap of the FFmpeg engine worker (a module worker). The web platform needs a script
// URL to start a worker, and FFmpeg's core is an ES module factory, so this shim only
// imports the two modules and hands the factory to the Rust side, which does everything else.
// `?core=mt` picks the multi-threaded core (needs cross-origin isolation), anything else st.
const core = new URL(self.location.href).searchParams.get('core') === 'mt' ? 'mt' : 'st';
const [{ default: createFFmpegCore }, engine] = await Promise.all([
  import(`./ffmpeg/${core}/ffmpeg-core.js`),
  import('./engine_worker.js'),
]);
await engine.default();
engine.run_ffmpeg_worker(createFFmpegCore, core, new URL(`./ffmpeg/${core}/`, self.location.href).href);
