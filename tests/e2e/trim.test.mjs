// Trim by start and end time: a 12 s clip cut to 2–5 s on both video engines (with a size
// target that must hold for the part kept) and to an MP3, checked with ffprobe; mistyped
// times are said in words before anything runs, and a start past the end fails the job.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, media, setEncoder, jobLog } from './harness.mjs';

const TIMEOUT = 5 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

/** 12 s of 640x360 at 30 fps with a tone, at a high bitrate (so the source's rate never caps the plan). */
const clip = () => makeMedia('trim-12s-v2.mp4', [
  '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=12', '-f', 'lavfi', '-i', 'sine=frequency=500:duration=12',
  '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '3M', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
]);

async function setTrim(start, end) {
  await app.page.getByLabel('Trim start').fill(start);
  await app.page.getByLabel('Trim end').fill(end);
}

/** Converts a copy of the clip named `name`; returns the downloaded output and its job's log. */
async function convert(name, { label, target, encoder = 'Automatic', outName }) {
  const file = join(media, name);
  copyFileSync(clip(), file);
  await app.page.getByLabel('Target size (MB)').fill(target);
  await setEncoder(app.page, encoder);
  await addFiles(app.page, [file]);
  const item = jobItem(app.page, name);
  await item.getByText('video', { exact: true }).waitFor();
  await app.page.getByLabel('Output format').selectOption({ label });
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: TIMEOUT });
  const log = await jobLog(item);
  const out = await download(app.page, item, outName);
  await item.getByRole('button', { name: 'Remove' }).click();
  return { out, log };
}

const TARGET_MB = 0.4;
for (const [encoder, engine, tag] of [
  ['Best quality (x264)', /x264 in FFmpeg/, 'x264'],
  ['Fast (browser codecs)', /WebCodecs/, 'wc'],
]) {
  test(`2–5 s of a 12 s clip under a size target (${encoder})`, { timeout: TIMEOUT }, async () => {
    await setTrim('2', '0:05');
    const { out, log } = await convert(`trim-${tag}.mp4`, {
      label: 'MP4', target: String(TARGET_MB), encoder, outName: `trim-${tag}-0.4MB.mp4`,
    });
    assert.match(log, engine);
    assert.match(log, /Trimmed to 0:02 – 0:05/);
    assert.doesNotMatch(log, /could not do this file/, 'no fallback to FFmpeg');
    const p = ffprobe(out);
    assert.ok(Math.abs(Number(p.format.duration) - 3) <= 0.1, `duration ${p.format.duration}`);
    for (const type of ['video', 'audio']) {
      const s = p.streams.find((x) => x.codec_type === type);
      assert.ok(s, `${type} kept`);
      assert.ok(Math.abs(Number(s.duration) - 3) <= 0.15, `${type} duration ${s.duration}`);
    }
    const size = statSync(out).size;
    assert.ok(size <= TARGET_MB * 1e6, `${size} bytes over the target`);
    // Planned from the 3 s kept, not the 12 s of the file: 0.4 MB over 3 s leaves about
    // 1000 kbps for the picture, over 12 s about 200.
    const planned = Number(log.match(/Video (\d+) kbps/)?.[1]);
    assert.ok(planned >= 700, `planned video bitrate ${planned} kbps`);
  });
}

test('2–5 s of a 12 s clip at a quality setting (Fast (browser codecs))', { timeout: TIMEOUT }, async () => {
  await setTrim('2', '5');
  const { out, log } = await convert('trim-quality.mp4', {
    label: 'MP4', target: '', encoder: 'Fast (browser codecs)', outName: 'trim-quality-compressed.mp4',
  });
  assert.match(log, /WebCodecs/);
  assert.doesNotMatch(log, /could not do this file/, 'no fallback to FFmpeg');
  const p = ffprobe(out);
  assert.ok(Math.abs(Number(p.format.duration) - 3) <= 0.1, `duration ${p.format.duration}`);
  assert.deepEqual(p.streams.map((s) => s.codec_name), ['h264', 'aac']);
});

test('2–5 s of a 12 s clip to MP3', { timeout: TIMEOUT }, async () => {
  await setTrim('0:02', '5');
  const { out, log } = await convert('trim-audio.mp4', { label: 'MP3', target: '', outName: 'trim-audio.mp3' });
  assert.match(log, /Trimmed to 0:02 – 0:05/);
  const p = ffprobe(out);
  assert.equal(p.streams[0].codec_name, 'mp3');
  assert.ok(Math.abs(Number(p.format.duration) - 3) <= 0.1, `duration ${p.format.duration}`);
});

// MKV is normally a stream copy; a copy could only start at a keyframe (here the only one
// before 2 s is at 0 s), so a trimmed MKV is re-encoded and cut exactly.
test('2–5 s of a 12 s clip to MKV is re-encoded, not cut at a keyframe', { timeout: TIMEOUT }, async () => {
  await setTrim('2', '5');
  const { out, log } = await convert('trim-mkv.mp4', { label: 'MKV', target: '', outName: 'trim-mkv.mkv' });
  assert.match(log, /Re-encoded to H\.264\/AAC in MKV/);
  assert.doesNotMatch(log, /Remuxed/);
  const p = ffprobe(out);
  assert.deepEqual(p.streams.map((s) => s.codec_name), ['h264', 'aac']);
  assert.ok(Math.abs(Number(p.format.duration) - 3) <= 0.1, `duration ${p.format.duration}`);
});

test('mistyped times are said in words, and a start past the end fails only that job', { timeout: TIMEOUT }, async () => {
  const start = app.page.getByLabel('Trim start');
  const end = app.page.getByLabel('Trim end');
  await setTrim('1:75', '');
  await app.page.getByText('The trim start "1:75" is not a time; write it like 1:05, 65 or 1:02:03.5.').waitFor();
  assert.equal(await start.getAttribute('aria-invalid'), 'true');
  await setTrim('0:05', '4');
  await app.page.getByText('The trim end must be after the trim start.').waitFor();
  // Keyboard only: clear the end and type a valid one; the message goes away.
  await end.focus();
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type('1:02:03.5');
  await app.page.getByText('The trim end must be after the trim start.').waitFor({ state: 'detached' });
  assert.equal(await end.getAttribute('aria-invalid'), 'false');

  // Valid text, but past this file's end: the job fails with an alert, before encoding.
  await setTrim('20', '');
  const file = join(media, 'trim-past-end.mp4');
  copyFileSync(clip(), file);
  await app.page.getByLabel('Target size (MB)').fill('');
  await addFiles(app.page, [file]);
  const item = jobItem(app.page, 'trim-past-end.mp4');
  await item.getByText('video', { exact: true }).waitFor();
  await app.page.getByLabel('Output format').selectOption({ label: 'MP4' });
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  const alert = item.getByRole('alert');
  await alert.waitFor({ timeout: TIMEOUT });
  assert.match(await alert.innerText(), /The trim start \(0:20\) is at or past the end of this file \(0:12\)/);
  await item.getByRole('button', { name: 'Remove' }).click();
  await setTrim('', '');
});
