// Bootstrap of the image engine worker (a module worker): the web platform needs a script URL
// to start a worker, so this shim loads the Rust module and hands over to it.
// If the wasm traps (out of memory), no Rust code can report it: do it here for the job the
// Rust side recorded in `self.__tampImageJob`, so the page never waits forever.
import init, { run_image_worker } from './image_worker.js';
// Defines the JavaScript encoders Rust calls (`tampImageEncode`); loads no codec yet.
import './image-codecs.js';

const crashed = (detail) => {
  const id = self.__tampImageJob;
  if (id === null || id === undefined) return;
  self.__tampImageJob = null;
  self.postMessage({ body: { type: 'failed', id, message: 'The image engine ran out of memory or crashed on this file. It will be restarted for the next one.', log_tail: [String(detail?.message ?? detail)], engine_broken: true } });
};
self.addEventListener('error', (e) => crashed(e.error ?? e.message));
self.addEventListener('unhandledrejection', (e) => crashed(e.reason));
try {
  await init();
} catch (e) {
  self.postMessage({ body: { type: 'load_failed', message: `The image engine could not be loaded: ${e?.message ?? e}` } });
  throw e;
}
run_image_worker();
