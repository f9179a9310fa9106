// The browser path scales in the encoder (issue 14): a downscaled job comes out at the
// planned size, upright, with sound and picture starting together; with the encoder's
// scaling check forced to fail (`?encoder_scaling=off`) the job resizes on Mediabunny's
// canvas instead, with the same result. Short clips, Fast (browser codecs) chosen.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, setEncoder, jobLog, streamTimes, displaySize } from './harness.mjs';

const TIMEOUT = 6 * 60_000;
const opened = [];
let server;
after(async () => { for (const a of opened) await a.browser.close(); server?.stop(); });

async function app(query = '') {
  server ??= await serveDist();
  const a = await openApp(server.url + query);
  opened.push(a);
  return a;
}

const clip = (name, size) => makeMedia(name, [
  '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=30:duration=6`, '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6',
  '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '4M', '-c:a', 'aac', '-b:a', '128k', '-pix_fmt', 'yuv420p',
]);

/** Converts `file` to MP4 under `mb` MB with the browser's codecs; returns log and ffprobe. */
async function convert(page, file, mb) {
  const name = file.split('/').pop();
  await page.getByLabel('Target size (MB)').fill(String(mb));
  await setEncoder(page, 'Fast (browser codecs)');
  await addFiles(page, [file]);
  const item = jobItem(page, name);
  await item.getByText('video', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const outName = name.replace(/\.mp4$/, `-${mb}MB.mp4`);
  await item.getByRole('link', { name: `Download ${outName}` }).or(item.getByRole('alert')).first().waitFor({ timeout: TIMEOUT });
  if (await item.getByRole('alert').count()) assert.fail(`${name} failed: ${await item.getByRole('alert').innerText()}\n${await jobLog(item)}`);
  const out = await download(page, item, outName);
  assert.ok(statSync(out).size <= mb * 1e6, `${name}: ${statSync(out).size} B over ${mb} MB`);
  return { log: await jobLog(item), probe: ffprobe(out) };
}

/** The last planned picture size in the job's log ("Scaled down to 360p (640×360)…"). */
function plannedSize(log) {
  const sizes = [...log.matchAll(/Scaled down (?:to \d+p \(|further to )(\d+)×(\d+)/g)];
  assert.ok(sizes.length > 0, `no downscale planned:\n${log}`);
  const last = sizes.at(-1);
  return [Number(last[1]), Number(last[2])];
}

function assertShapeAndSync(log, probe, portrait) {
  const [w, h] = displaySize(probe);
  assert.deepEqual([w, h], plannedSize(log), 'output size is the planned size');
  assert.equal(h > w, portrait, `orientation ${w}×${h}`);
  const { video, audio } = streamTimes(probe);
  assert.ok(audio, 'the output has sound');
  assert.equal(probe.streams.find((s) => s.codec_type === 'audio').codec_name, 'aac');
  assert.ok(Math.abs(video.start - audio.start) <= 0.04, `A/V start ${video.start} vs ${audio.start}`);
  assert.ok(Math.abs(video.duration - audio.duration) <= 0.1, `A/V length ${video.duration} vs ${audio.duration}`);
}

test('downscaled on the browser path: the encoder scales, planned size, upright, in sync', { timeout: TIMEOUT }, async () => {
  const { page, consoleErrors } = await app();
  for (const [file, portrait] of [[clip('es-landscape.mp4', '1280x720'), false], [clip('es-portrait.mp4', '720x1280'), true]]) {
    const { log, probe } = await convert(page, file, 0.4);
    assert.match(log, /Encoder: the browser's own codecs/);
    assert.match(log, /the encoder scales to \d+×\d+/);
    assert.doesNotMatch(log, /Converting it with FFmpeg instead/);
    assertShapeAndSync(log, probe, portrait);
  }
  assert.deepEqual(consoleErrors, []);
});

test('a rotated phone clip stays portrait (the canvas rotates it)', { timeout: TIMEOUT }, async () => {
  const { page } = await app();
  const rotated = makeMedia('es-rotated.mp4', ['-i', clip('es-rotated-src.mp4', '1280x720'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90']);
  const { log, probe } = await convert(page, rotated, 0.4);
  assert.match(log, /Mediabunny's canvas resizes/);
  assertShapeAndSync(log, probe, true);
});

test('when the encoder-scaling check fails, the canvas resizes and the result is the same', { timeout: TIMEOUT }, async () => {
  const { page, consoleErrors } = await app('?encoder_scaling=off');
  const { log, probe } = await convert(page, clip('es-forced-canvas.mp4', '1280x720'), 0.4);
  assert.match(log, /Encoder: the browser's own codecs/);
  assert.match(log, /Mediabunny's canvas resizes/);
  assert.doesNotMatch(log, /the encoder scales to/);
  assertShapeAndSync(log, probe, false);
  assert.deepEqual(consoleErrors, []);
});
