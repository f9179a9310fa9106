// The batch a person actually drops: two videos (one for the browser's codecs, one only
// FFmpeg reads), two images, a song and a broken file, converted at once with the default
// settings. The broken file fails alone with an alert; **Download all** gives a zip of
// exactly the other five outputs, each a valid file of the kind Automatic promises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  serveDist, openApp, makeMedia, randomBytesFile, addFiles, jobItem, ffprobe, artifacts, unzip,
} from './harness.mjs';

const TIMEOUT = 6 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

test('a mixed batch of six: the broken file fails alone, Download all zips the other five', { timeout: TIMEOUT }, async () => {
  const inputs = {
    // H.264/AAC in MOV: decodable by the browser's codecs.
    'mix-clip-a.mov': makeMedia('mix-clip-a.mov', [
      '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2',
      '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
    ]),
    // MPEG-4 Part 2 in AVI: the browser cannot decode it, so FFmpeg does the work.
    'mix-clip-b.avi': makeMedia('mix-clip-b.avi', [
      '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=660:duration=2',
      '-c:v', 'mpeg4', '-q:v', '5', '-c:a', 'pcm_s16le', '-shortest',
    ]),
    'mix-photo.png': makeMedia('mix-photo.png', ['-f', 'lavfi', '-i', 'testsrc2=size=640x480', '-frames:v', '1']),
    'mix-picture.jpg': makeMedia('mix-picture.jpg', ['-f', 'lavfi', '-i', 'smptebars=size=480x320', '-frames:v', '1']),
    'mix-tone.flac': makeMedia('mix-tone.flac', ['-f', 'lavfi', '-i', 'sine=frequency=330:duration=3']),
    'mix-broken.mp4': randomBytesFile('mix-broken.mp4', 60_000, 1234),
  };
  // The defaults, stated: a 10 MB target (far above what these clips need) and Automatic.
  assert.equal(await app.page.getByLabel('Target size (MB)').inputValue(), '10');
  const format = app.page.getByLabel('Output format', { exact: true });
  assert.equal(await format.evaluate((s) => s.selectedOptions[0]?.label), 'Automatic');

  await addFiles(app.page, Object.values(inputs));
  const kinds = { 'mix-clip-a.mov': 'video', 'mix-clip-b.avi': 'video', 'mix-photo.png': 'image', 'mix-picture.jpg': 'image', 'mix-tone.flac': 'audio', 'mix-broken.mp4': 'unknown' };
  for (const [name, kind] of Object.entries(kinds)) {
    await jobItem(app.page, name).getByText(kind, { exact: true }).waitFor();
  }
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();

  const alert = await jobItem(app.page, 'mix-broken.mp4').getByRole('alert').innerText();
  assert.match(alert, /not a video, audio or image file/);
  // Automatic: video → MP4 (at the target), image → WebP, audio → MP3.
  const outputs = {
    'mix-clip-a.mov': 'mix-clip-a-10MB.mp4', 'mix-clip-b.avi': 'mix-clip-b-10MB.mp4',
    'mix-photo.png': 'mix-photo.webp', 'mix-picture.jpg': 'mix-picture.webp', 'mix-tone.flac': 'mix-tone.mp3',
  };
  for (const [name, out] of Object.entries(outputs)) {
    await jobItem(app.page, name).getByRole('link', { name: `Download ${out}` }).waitFor({ timeout: TIMEOUT });
  }
  assert.equal(await jobItem(app.page, 'mix-broken.mp4').getByRole('link').count(), 0, 'no result for the broken file');
  await app.page.screenshot({ path: join(artifacts, 'mixed-batch.png'), fullPage: true });

  const [dl] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('button', { name: 'Download all' }).click(),
  ]);
  assert.equal(dl.suggestedFilename(), 'tamp-5-files.zip');
  const zip = join(artifacts, 'mixed-batch.zip');
  await dl.saveAs(zip);
  const dir = join(artifacts, 'mixed-batch-unzipped');
  const names = unzip(zip, dir).map(([n]) => n).sort();
  assert.deepEqual(names, Object.values(outputs).sort(), 'exactly the five outputs');

  for (const out of ['mix-clip-a-10MB.mp4', 'mix-clip-b-10MB.mp4']) {
    const probe = ffprobe(join(dir, out));
    const codecs = probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort();
    assert.deepEqual(codecs, ['audio:aac', 'video:h264'], out);
    assert.ok(Math.abs(Number(probe.format.duration) - 2) <= 0.15, `${out} lasts ${probe.format.duration} s`);
    assert.ok(Number(probe.format.size) <= 10_000_000, `${out} is within the target`);
  }
  for (const [out, [w, h]] of [['mix-photo.webp', [640, 480]], ['mix-picture.webp', [480, 320]]]) {
    const [s] = ffprobe(join(dir, out)).streams;
    assert.deepEqual([s.codec_name, s.width, s.height], ['webp', w, h], out);
  }
  const tone = ffprobe(join(dir, 'mix-tone.mp3'));
  assert.equal(tone.streams[0].codec_name, 'mp3');
  assert.ok(Math.abs(Number(tone.format.duration) - 3) <= 0.15, `mp3 lasts ${tone.format.duration} s`);
  await app.page.getByRole('status').filter({ hasText: 'Saved a zip of 5 files.' }).waitFor();
});
