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

// libheif (LGPL-3.0, `libheif-js`), loaded as its own unmodified module.
const libheif = () => once('heif', async () => {
  const lib = (await import('./codecs/heif/libheif-bundle.mjs')).default();
  return lib;
});

/** Decodes a HEIC/HEIF file's primary image (grids assembled, `irot`/`imir` applied, 10-bit
 *  reduced to 8) to `[width, height, RGBA bytes]`. */
self.tampDecodeHeif = async (bytes) => {
  const file = new Uint8Array(bytes);
  const lib = await libheif();
  const decoder = new lib.HeifDecoder();
  const images = decoder.decode(file);
  if (!images?.length) throw new Error('no image in this HEIF file');
  // `is_primary` calls a function this build of libheif-js lacks: try it, else the first
  // top-level image (libheif lists the primary first in the files tried).
  const primary = (i) => { try { return i.is_primary(); } catch { return false; } };
  const image = images.find(primary) ?? images[0];
  const width = image.get_width();
  const height = image.get_height();
  const data = new Uint8ClampedArray(width * height * 4);
  await new Promise((ok, fail) => image.display({ data, width, height }, (d) => (d ? ok() : fail(new Error('libheif could not decode this image')))));
  for (const i of images) i.free?.();
  return [width, height, new Uint8Array(data.buffer)];
};

let writesWebp;
/** Whether this browser's canvas writes WebP: some return PNG when asked for it. */
self.tampBrowserWritesWebp = () => (writesWebp ??= (async () => {
  try {
    const canvas = new OffscreenCanvas(2, 2);
    canvas.getContext('2d'); // a canvas without a context refuses to convert at all
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
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

/** Decodes a JPEG or PNG file with the browser's own decoder, upright (EXIF orientation
 *  applied); resolves to the ImageBitmap, or refuses when it is not `width × height`, the
 *  upright size Rust read from the header. */
self.tampBitmapOpen = (file, width, height) => {
  // `file` is a view into the Rust module's memory: the Blob copies it now.
  const blob = new Blob([file]);
  return (async () => {
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    if (bitmap.width !== width || bitmap.height !== height) {
      bitmap.close();
      throw new Error(`it came out ${bitmap.width} × ${bitmap.height}, not ${width} × ${height}`);
    }
    return bitmap;
  })();
};

/** The bitmap drawn at `width × height` (resampled at high quality when smaller) and
 *  written by the browser's WebP encoder. */
self.tampBitmapWebp = (bitmap, width, height, quality) => {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  return browserWebp(canvas, quality);
};
self.tampBitmapClose = (bitmap) => bitmap.close();

async function browserWebp(canvas, quality) {
  const blob = await canvas.convertToBlob({ type: 'image/webp', quality: Math.min(quality, 99) / 100 });
  if (blob.type !== 'image/webp') throw new Error(`the browser wrote ${blob.type} instead of WebP`);
  return new Uint8Array(await blob.arrayBuffer());
}

async function encode(codec, pixels, width, height, quality) {
  switch (codec) {
    case 'browser-webp': {
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d').putImageData(new ImageData(pixels, width, height), 0, 0);
      return browserWebp(canvas, quality);
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
