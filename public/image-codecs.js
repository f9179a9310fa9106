// The image worker's JavaScript encoders: the browser's own WebP encoder, and Squoosh's
// codecs compiled to wasm (libwebp, MozJPEG, OxiPNG, libavif) (the jSquash npm packages, copied into codecs/ by
// scripts/post-build.sh). Rust picks the codec (`tamp_imaging::codec_for`) and hands RGBA
// pixels over; each wasm codec is fetched the first time a job needs it, never at startup.
import { defaultOptions as webpDefaults } from './codecs/webp/meta.js';
import { defaultOptions as jpegDefaults } from './codecs/jpeg/meta.js';
import { defaultOptions as oxipngDefaults } from './codecs/oxipng/meta.js';
import { defaultOptions as avifDefaults } from './codecs/avif/meta.js';

const modules = {};
const once = (name, load) => (modules[name] ??= load().catch((e) => { delete modules[name]; throw e; }));
// Emscripten factories; the SIMD build of libwebp when the engine can compile it.
const emscripten = (url) => import(url).then((m) => m.default({ noInitialRun: true }));
const libwebp = () => once('webp', () => emscripten('./codecs/webp/webp_enc_simd.js').catch(() => emscripten('./codecs/webp/webp_enc.js')));
const mozjpeg = () => once('jpeg', () => emscripten('./codecs/jpeg/mozjpeg_enc.js'));
const libavif = () => once('avif', () => emscripten('./codecs/avif/avif_enc.js'));
const oxipng = () => once('oxipng', async () => {
  const m = await import('./codecs/oxipng/squoosh_oxipng.js');
  await m.default();
  return m;
});

let browserWebp;
/** Whether this browser's canvas writes WebP: some return PNG when asked for it. */
self.tampBrowserWritesWebp = () => (browserWebp ??= (async () => {
  try {
    const blob = await new OffscreenCanvas(2, 2).convertToBlob({ type: 'image/webp', quality: 0.8 });
    return blob.type === 'image/webp';
  } catch {
    return false;
  }
})());

/** Encodes RGBA pixels with `codec` at `quality` (the codec's own scale); resolves to the
 *  file's bytes. */
self.tampImageEncode = (codec, rgba, width, height, quality) => {
  // `rgba` is a view into the Rust module's memory: copy it before anything can move it.
  const pixels = new Uint8ClampedArray(rgba);
  return encode(codec, pixels, width, height, quality);
};

async function encode(codec, pixels, width, height, quality) {
  switch (codec) {
    case 'browser-webp': {
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d').putImageData(new ImageData(pixels, width, height), 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/webp', quality: Math.min(quality, 99) / 100 });
      if (blob.type !== 'image/webp') throw new Error(`the browser wrote ${blob.type} instead of WebP`);
      return new Uint8Array(await blob.arrayBuffer());
    }
    case 'libwebp': {
      const lossless = quality >= 100 ? 1 : 0;
      return (await libwebp()).encode(pixels, width, height, { ...webpDefaults, quality: lossless ? 100 : quality, lossless });
    }
    case 'mozjpeg':
      return (await mozjpeg()).encode(pixels, width, height, { ...jpegDefaults, quality });
    case 'oxipng': {
      const { level, interlace, optimiseAlpha } = oxipngDefaults;
      return (await oxipng()).optimise_raw(pixels, width, height, level, interlace, optimiseAlpha);
    }
    case 'avif':
      // Speed 8 rather than jSquash's 6: a third faster for 4 % more bytes (README).
      return (await libavif()).encode(pixels, width, height, { ...avifDefaults, quality, speed: 8 });
    default:
      throw new Error(`unknown image codec ${codec}`);
  }
}
