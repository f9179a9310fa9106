// Bad input: each bad file gets its own alert in plain words; the good file in the same
// batch still converts, and the page keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  await app.page.getByRole('button', { name: 'Convert' }).click();

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
  const long = makeMedia('bad-long-1080p.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=60', '-f', 'lavfi', '-i', 'sine=duration=60',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
  ]);
  await app.page.getByLabel('Target size (MB)').fill('0.1');
  await addFiles(app.page, [long]);
  const item = jobItem(app.page, 'bad-long-1080p.mp4');
  await item.getByText('video', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert' }).click();
  const alert = item.getByRole('alert');
  await alert.waitFor({ timeout: 60_000 });
  const message = await alert.innerText();
  assert.match(message, /\d+(\.\d)? (KB|MB)/, `should name the smallest reachable size: "${message}"`);
  // It was refused before encoding: no encoding pass ever started.
  const log = await item.locator('pre').textContent().catch(() => '');
  assert.doesNotMatch(log ?? '', /Stream mapping/);
});
