// Bad input: each bad file gets its own alert in plain words; the good file in the same
// batch still converts, and the page keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { serveDist, openApp, makeMedia, randomBytesFile, addFiles, jobItem, download, ffprobe, media, artifacts } from './harness.mjs';

const TIMEOUT = 6 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

test('a batch of bad files fails file by file while a good one converts', { timeout: TIMEOUT }, async () => {
  const file = (name, bytes) => { const p = join(media, name); writeFileSync(p, bytes); return p; };
  const zero = file('bad-zero.mp4', Buffer.alloc(0));
  const pdf = file('bad-doc.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
  const text = file('bad-notes.txt', Buffer.from('Meeting notes\nNothing to see here.\n'.repeat(50)));
  const randomJpg = file('bad-random.jpg', readFileSync(randomBytesFile('bad-random.bin', 50_000, 99)));
  // Without +faststart the index (moov) sits at the end: cutting the file in half loses it.
  const whole = makeMedia('bad-src-moov-at-end.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p',
  ]);
  const bytes = readFileSync(whole);
  const truncated = file('bad-truncated.mp4', bytes.subarray(0, Math.floor(bytes.length / 2)));
  const short = makeMedia('good-short.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=0.6', '-f', 'lavfi', '-i', 'sine=duration=0.6',
    '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
  ]);

  await app.page.getByLabel('Target size (MB)').fill('0.2');
  await addFiles(app.page, [zero, pdf, text, randomJpg, truncated, short]);
  await jobItem(app.page, 'good-short.mp4').getByText('video', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();

  const expectations = [
    ['bad-zero.mp4', /empty \(0 bytes\)/],
    ['bad-doc.pdf', /PDF document/],
    ['bad-notes.txt', /not a video, audio or image file/],
    ['bad-random.jpg', /not a video, audio or image file/],
    ['bad-truncated.mp4', /incomplete|index/i],
  ];
  for (const [name, pattern] of expectations) {
    const alert = jobItem(app.page, name).getByRole('alert');
    await alert.waitFor({ timeout: 120_000 });
    const message = await alert.innerText();
    assert.match(message, pattern, `${name}: "${message}"`);
    assert.doesNotMatch(message, /undefined|panicked|RuntimeError|\[object/, `${name}: technical message "${message}"`);
  }
  // Retrying cannot help a file that is not media; only the truncated video offers it.
  assert.equal(await jobItem(app.page, 'bad-doc.pdf').getByRole('button', { name: 'Retry' }).count(), 0);
  assert.equal(await jobItem(app.page, 'bad-truncated.mp4').getByRole('button', { name: 'Retry' }).count(), 1);
  const good = jobItem(app.page, 'good-short.mp4');
  await good.getByRole('link', { name: 'Download good-short-0.2MB.mp4' }).waitFor({ timeout: TIMEOUT });
  const out = await download(app.page, good, 'good-short-0.2MB.mp4');
  assert.ok(statSync(out).size <= 200_000);
  assert.ok(Math.abs(Number(ffprobe(out).format.duration) - 0.6) <= 0.1);
  await app.page.screenshot({ path: join(artifacts, 'bad-input-batch.png'), fullPage: true });
});

test('a target below what the video can reach says so before encoding, naming the smallest size', { timeout: TIMEOUT }, async () => {
  // 60 s of 1080p with sound: 2 s encoded, then stream-copied 30 times (seconds, where
  // encoding all 60 s of the test pattern took 23 s here).
  const piece = makeMedia('bad-piece-2s-1080p.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
  ]);
  const long = makeMedia('bad-60s-1080p.mp4', ['-stream_loop', '29', '-i', piece, '-c', 'copy']);
  await app.page.getByLabel('Target size (MB)').fill('0.1');
  await addFiles(app.page, [long]);
  const item = jobItem(app.page, 'bad-60s-1080p.mp4');
  await item.getByText('video', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  const alert = item.getByRole('alert');
  await alert.waitFor({ timeout: 60_000 });
  const message = await alert.innerText();
  assert.match(message, /\d+(\.\d)? (KB|MB)/, `should name the smallest reachable size: "${message}"`);
  // It was refused before encoding: no encoding pass ever started. (A job refused this early
  // may have no log at all; reading a missing one used to wait out the 30 s timeout.)
  const logs = item.locator('pre');
  const log = (await logs.count()) ? await logs.first().textContent() : '';
  assert.doesNotMatch(log, /Stream mapping/);
});

/** A PNG whose header declares `width`×`height` pixels, with valid CRCs but no real image data. */
function pngDeclaring(width, height) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA: 4 bytes a pixel, 40 GB for 100,000².
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('the rest of the matrix: bomb, truncated JPEG, random audio, no video stream, no audio, overhead-sized target', { timeout: TIMEOUT }, async () => {
  const file = (name, bytes) => { const p = join(media, name); writeFileSync(p, bytes); return p; };
  const bomb = file('bad-bomb.png', pngDeclaring(100_000, 100_000));
  const photo = makeMedia('bad-src-photo.jpg', ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720', '-frames:v', '1', '-q:v', '3']);
  const jpeg = readFileSync(photo);
  const truncatedJpeg = file('bad-truncated.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 3)));
  const randomMp3 = file('bad-random.mp3', readFileSync(randomBytesFile('bad-random-audio.bin', 40_000, 7)));
  const soundOnly = makeMedia('edge-sound-only.mp4', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'aac', '-b:a', '96k']);
  const silent = makeMedia('edge-no-audio.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=3', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p',
  ]);
  await app.page.getByLabel('Target size (MB)').fill('0.3');
  await addFiles(app.page, [bomb, truncatedJpeg, randomMp3, soundOnly, silent]);
  await jobItem(app.page, 'edge-no-audio.mp4').getByText('video', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();

  const expectations = [
    ['bad-bomb.png', /100000 ?× ?100000|100,000|too large|megapixel/i],
    ['bad-truncated.jpg', /incomplete|truncated|cut short|damaged/i],
    ['bad-random.mp3', /not a video, audio or image file/],
  ];
  for (const [name, pattern] of expectations) {
    const alert = jobItem(app.page, name).getByRole('alert');
    await alert.waitFor({ timeout: 120_000 });
    const message = await alert.innerText();
    assert.match(message, pattern, `${name}: "${message}"`);
    assert.doesNotMatch(message, /undefined|panicked|RuntimeError|\[object/, `${name}: technical message "${message}"`);
  }
  // A video file with only sound still fits the target, as sound.
  const sound = jobItem(app.page, 'edge-sound-only.mp4');
  const soundLink = sound.getByRole('link', { name: /^Download / });
  await soundLink.waitFor({ timeout: TIMEOUT });
  const soundName = (await soundLink.getAttribute('download'));
  const soundOut = await download(app.page, sound, soundName);
  assert.ok(statSync(soundOut).size <= 300_000);
  const soundProbe = ffprobe(soundOut);
  assert.deepEqual(soundProbe.streams.map((s) => s.codec_type), ['audio'], soundName);
  assert.ok(Math.abs(Number(soundProbe.format.duration) - 3) <= 0.1);
  // A video without sound fits too, and stays silent.
  const mute = jobItem(app.page, 'edge-no-audio.mp4');
  await mute.getByRole('link', { name: 'Download edge-no-audio-0.3MB.mp4' }).waitFor({ timeout: TIMEOUT });
  const muteOut = await download(app.page, mute, 'edge-no-audio-0.3MB.mp4');
  assert.ok(statSync(muteOut).size <= 300_000);
  assert.deepEqual(ffprobe(muteOut).streams.map((s) => s.codec_type), ['video']);

  // A target below anything a file can be (container bytes alone) is refused as it is typed,
  // in plain words, and nothing runs.
  await app.page.getByLabel('Target size (MB)').fill('0.001');
  await app.page.getByText('The target size must be at least 0.01 MB (10 KB).').waitFor();
  await mute.getByRole('button', { name: 'Remove' }).click();
  await mute.waitFor({ state: 'detached' });
  await addFiles(app.page, [silent]);
  const tiny = jobItem(app.page, 'edge-no-audio.mp4');
  await tiny.getByText('video', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  await app.page.waitForTimeout(2000);
  assert.equal(await tiny.getAttribute('data-status'), 'ready', 'nothing runs with a refused target');
  // The smallest target the field takes is still too small for a video: the planner says so
  // before encoding, naming the smallest size that works.
  await app.page.getByLabel('Target size (MB)').fill('0.01');
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  const alert = tiny.getByRole('alert');
  await alert.waitFor({ timeout: 60_000 });
  assert.match(await alert.innerText(), /too small.*\d+(\.\d)? (KB|MB)/i);
});
