// Images through the Rust image engine: every image output the select offers converts a
// real file (checked by decoding it with ffprobe), detection is by content, and bad
// images fail alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, media } from './harness.mjs';

const TIMEOUT = 3 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

const photo = () => makeMedia('img-src.png', ['-f', 'lavfi', '-i', 'testsrc2=size=800x600', '-frames:v', '1']);

async function convert(name, label, outName) {
  await app.page.getByLabel('Target size (MB)').fill('');
  const file = join(media, name);
  await addFiles(app.page, [file]);
  const item = jobItem(app.page, name);
  await item.getByText('image', { exact: true }).waitFor();
  await app.page.getByLabel('Output format').selectOption({ label });
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: TIMEOUT });
  const out = await download(app.page, item, outName);
  await item.getByRole('button', { name: 'Remove' }).click();
  return out;
}

const CASES = [
  ['WebP', 'webp', 'webp', [800, 600]], ['JPEG', 'jpg', 'mjpeg', [800, 600]], ['PNG', 'png', 'png', [800, 600]],
  ['GIF', 'gif', 'gif', [800, 600]], ['BMP', 'bmp', 'bmp', [800, 600]], ['ICO', 'ico', 'png', [256, 192]],
  ['TIFF', 'tiff', 'tiff', [800, 600]], ['QOI', 'qoi', 'qoi', [800, 600]],
];
for (const [label, ext, codec, [w, h]] of CASES) {
  test(`image → ${label}`, { timeout: TIMEOUT }, async () => {
    // Named .jpg although it is a PNG: detection is by content.
    const name = `img-${ext}-src.jpg`;
    copyFileSync(photo(), join(media, name));
    const outName = ext === 'jpg' ? `img-${ext}-src-converted.jpg` : `img-${ext}-src.${ext}`;
    const out = await convert(name, label, outName);
    const v = ffprobe(out).streams[0];
    assert.equal(v.codec_name, codec);
    assert.deepEqual([v.width, v.height], [w, h]);
  });
}

test('lossy WebP is much smaller than the PNG it came from', { timeout: TIMEOUT }, async () => {
  const src = join(media, 'synth-photo.png');
  copyFileSync(src, join(media, 'img-photo.png'));
  const out = await convert('img-photo.png', 'WebP', 'img-photo.webp');
  assert.ok(statSync(out).size < statSync(src).size / 3, `${statSync(out).size} vs ${statSync(src).size}`);
});

test('a truncated PNG gets an alert in plain words and does not stop the next image', { timeout: TIMEOUT }, async () => {
  const bytes = readFileSync(photo());
  writeFileSync(join(media, 'img-truncated.png'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  copyFileSync(photo(), join(media, 'img-after.png'));
  await app.page.getByLabel('Target size (MB)').fill('');
  await app.page.getByLabel('Output format').selectOption({ label: 'Automatic' });
  await addFiles(app.page, [join(media, 'img-truncated.png'), join(media, 'img-after.png')]);
  await jobItem(app.page, 'img-after.png').getByText('image', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  const alert = jobItem(app.page, 'img-truncated.png').getByRole('alert');
  await alert.waitFor({ timeout: TIMEOUT });
  assert.doesNotMatch(await alert.innerText(), /undefined|panicked|RuntimeError|\[object/);
  await jobItem(app.page, 'img-after.png').getByRole('link', { name: 'Download img-after.webp' }).waitFor({ timeout: TIMEOUT });
});
