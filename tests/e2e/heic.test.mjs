// HEIC in (libheif in the image worker): an iPhone-style grid (tiled) HEIC with a 90°
// rotation (`irot`) becomes an upright JPEG by default, and a 10-bit one converts too.
// The files are made by pillow-heif (PyPI; libheif with x265), which writes EXIF
// orientation as `irot`, as iPhones do, and tiles with `tile_size`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, jobLog, ffprobe, media } from './harness.mjs';

const TIMEOUT = 3 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

const src = () => makeMedia('heic-src.png', ['-f', 'lavfi', '-i', 'testsrc2=size=640x400', '-frames:v', '1']);

/** Writes `name` from the source picture with pillow-heif: 256-px grid tiles, rotated 90°
 *  clockwise for display (EXIF 6 → `irot`), at 8 or 10 bits. */
function heic(name, bits) {
  const out = join(media, name);
  if (!existsSync(out)) {
    execFileSync('python3', ['-c', `
import sys, numpy as np, pillow_heif
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
ex = Image.Exif(); ex[0x0112] = 6
if sys.argv[3] == "10":
    px = np.asarray(im).astype(np.uint16) * 257
    h = pillow_heif.from_bytes(mode="RGB;16", size=im.size, data=px.tobytes())
    h.save(sys.argv[2], quality=80, tile_size=256, exif=ex.tobytes())
else:
    pillow_heif.from_pillow(im).save(sys.argv[2], quality=80, tile_size=256, exif=ex.tobytes())
`, src(), out, String(bits)]);
  }
  return out;
}

/** Mean absolute difference of two pictures, both scaled to 40×64 grey. */
function difference(a, b) {
  const grey = (f) => execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-i', f, '-vf', 'scale=40:64,format=gray', '-f', 'rawvideo', '-']);
  const [x, y] = [grey(a), grey(b)];
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i] - y[i]);
  return sum / x.length;
}

for (const bits of [8, 10]) {
  test(`a ${bits}-bit grid HEIC rotated 90° becomes an upright JPEG by default`, { timeout: TIMEOUT }, async () => {
    const file = heic(`heic-grid-rot-${bits}.heic`, bits);
    const name = file.split('/').pop();
    await app.page.getByLabel('Output format').selectOption({ label: 'Automatic' });
    await addFiles(app.page, [file]);
    const item = jobItem(app.page, name);
    await item.getByText('image', { exact: true }).waitFor();
    await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
    const outName = name.replace(/\.heic$/, '.jpg');
    await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: TIMEOUT });
    const out = await download(app.page, item, outName);
    const log = await jobLog(item);
    await item.getByRole('button', { name: 'Remove' }).click();
    assert.match(log, /Read a 400 × 640 HEIC image/);
    const v = ffprobe(out).streams[0];
    assert.equal(v.codec_name, 'mjpeg');
    assert.deepEqual([v.width, v.height], [400, 640]);
    // Upright: close to the source turned clockwise, far from it turned the other way.
    const cw = makeMedia('heic-src-cw.png', ['-i', src(), '-vf', 'transpose=1']);
    const ccw = makeMedia('heic-src-ccw.png', ['-i', src(), '-vf', 'transpose=2']);
    const [right, wrong] = [difference(out, cw), difference(out, ccw)];
    assert.ok(right < 6 && wrong > 3 * right, `difference ${right.toFixed(1)} upright, ${wrong.toFixed(1)} the other way`);
  });
}
