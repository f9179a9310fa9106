// A mixed batch with no format chosen: each kind gets its default; Download all gives one
// zip whose entries are exactly the outputs, each valid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, ffprobe, artifacts, unzip } from './harness.mjs';

const TIMEOUT = 5 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

test('Download all zips every finished output, stored as-is', { timeout: TIMEOUT }, async () => {
  const video = makeMedia('batch-video.mov', [
    '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2',
    '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
  ]);
  const audio = makeMedia('batch-audio.wav', ['-f', 'lavfi', '-i', 'sine=frequency=550:duration=2']);
  const image = makeMedia('batch-image.png', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1']);
  await app.page.getByLabel('Target size (MB)').fill('');
  await app.page.getByLabel('Output format').selectOption({ label: 'Automatic' });
  const downloadAll = app.page.getByRole('button', { name: 'Download all' });
  assert.equal(await downloadAll.isDisabled(), true, 'nothing to download yet');
  await addFiles(app.page, [video, audio, image]);
  await jobItem(app.page, 'batch-audio.wav').getByText('audio', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  // MOV holding H.264/AAC becomes MP4 by stream copy; WAV becomes MP3.
  await jobItem(app.page, 'batch-video.mov').getByRole('link', { name: 'Download batch-video.mp4' }).waitFor({ timeout: TIMEOUT });
  await jobItem(app.page, 'batch-audio.wav').getByRole('link', { name: 'Download batch-audio.mp3' }).waitFor({ timeout: TIMEOUT });
  await jobItem(app.page, 'batch-image.png').getByRole('link', { name: 'Download batch-image.webp' }).waitFor({ timeout: TIMEOUT });
  assert.match(await jobItem(app.page, 'batch-video.mov').locator('pre').textContent(), /without re-encoding/);

  const [dl] = await Promise.all([app.page.waitForEvent('download'), downloadAll.click()]);
  assert.equal(dl.suggestedFilename(), 'tamp-3-files.zip');
  const zip = join(artifacts, 'batch.zip');
  await dl.saveAs(zip);
  const dir = join(artifacts, 'batch-unzipped');
  const listing = unzip(zip, dir);
  assert.deepEqual(listing.map(([n]) => n).sort(), ['batch-audio.mp3', 'batch-image.webp', 'batch-video.mp4']);
  assert.ok(listing.every(([, method]) => method === 0), 'entries are stored, not recompressed');
  // Every job moved only as its lifecycle allows (the page warns of a refused move).
  assert.deepEqual(app.consoleErrors.filter((m) => m.includes('illegal job transition')), []);
  assert.equal(ffprobe(join(dir, 'batch-video.mp4')).streams[0].codec_name, 'h264');
  assert.equal(ffprobe(join(dir, 'batch-audio.mp3')).streams[0].codec_name, 'mp3');
  assert.equal(ffprobe(join(dir, 'batch-image.webp')).streams[0].codec_name, 'webp');
  await app.page.getByRole('status').filter({ hasText: 'Saved a zip of 3 files.' }).waitFor();
  // The service worker installed during the session (its precache requests are in the audit).
  assert.ok(app.requests.some((r) => r.from === 'service worker'), 'the service worker install was recorded');

  // Nothing left the device: every request of the whole session went to the site itself
  // (or to blob: URLs of local results), and none carried data (GET only).
  const foreign = app.requests.filter((r) => !r.url.startsWith(server.url) && !/^(blob|data):/.test(r.url));
  assert.deepEqual(foreign, [], 'requests to other origins');
  const writes = app.requests.filter((r) => r.method !== 'GET');
  assert.deepEqual(writes, [], 'requests that send data');
});
