// Options users expect: a maximum height (videos and images, never upscaled), a frame-rate
// cap, and removing the sound from a video.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, displaySize, media, setEncoder, jobLog } from './harness.mjs';

const TIMEOUT = 5 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

/** 4 s of 720p30 with a tone. */
const clip720 = () => makeMedia('opt-720p.mp4', [
  '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=4', '-f', 'lavfi', '-i', 'sine=duration=4',
  '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
]);

test('Max height and Remove audio shape a size-targeted video', { timeout: TIMEOUT }, async () => {
  const src = clip720();
  await app.page.getByLabel('Target size (MB)').fill('1');
  await app.page.getByLabel('Max height').selectOption({ label: '360p' });
  await app.page.getByLabel('Remove audio').check();
  await addFiles(app.page, [src]);
  const item = jobItem(app.page, 'opt-720p.mp4');
  await item.getByText('video', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  await item.getByRole('link', { name: 'Download opt-720p-1MB.mp4' }).waitFor({ timeout: TIMEOUT });
  const probe = ffprobe(await download(app.page, item, 'opt-720p-1MB.mp4'));
  assert.deepEqual(displaySize(probe), [640, 360]);
  assert.equal(probe.streams.filter((s) => s.codec_type === 'audio').length, 0, 'sound removed');
  await item.getByRole('button', { name: 'Remove' }).click();
  await app.page.getByLabel('Remove audio').uncheck();
});

test('Max height scales an image down, never up', { timeout: TIMEOUT }, async () => {
  const png = makeMedia('opt-image.png', ['-f', 'lavfi', '-i', 'testsrc2=size=800x600', '-frames:v', '1']);
  const small = makeMedia('opt-small.png', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1']);
  await app.page.getByLabel('Target size (MB)').fill('');
  await app.page.getByLabel('Max height').selectOption({ label: '480p' });
  await addFiles(app.page, [png, small]);
  await jobItem(app.page, 'opt-small.png').getByText('image', { exact: true }).waitFor();
  await app.page.getByLabel('Output format').selectOption({ label: 'PNG' });
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  for (const [name, out, size] of [['opt-image.png', 'opt-image-converted.png', [640, 480]], ['opt-small.png', 'opt-small-converted.png', [320, 240]]]) {
    const item = jobItem(app.page, name);
    await item.getByRole('link', { name: `Download ${out}` }).waitFor({ timeout: TIMEOUT });
    const v = ffprobe(await download(app.page, item, out)).streams[0];
    assert.deepEqual([v.width, v.height], size);
  }
});

test('Max width scales a wide image down keeping its shape, and leaves a narrow one', { timeout: TIMEOUT }, async () => {
  const wide = makeMedia('opt-wide.png', ['-f', 'lavfi', '-i', 'testsrc2=size=1000x500', '-frames:v', '1']);
  const tall = makeMedia('opt-tall.png', ['-f', 'lavfi', '-i', 'testsrc2=size=300x900', '-frames:v', '1']);
  await app.page.getByLabel('Target size (MB)').fill('');
  await app.page.getByLabel('Max height').selectOption({ label: 'Original' });
  await app.page.getByLabel('Max width').selectOption({ label: '640 px' });
  await addFiles(app.page, [wide, tall]);
  await jobItem(app.page, 'opt-tall.png').getByText('image', { exact: true }).waitFor();
  await app.page.getByLabel('Output format').selectOption({ label: 'PNG' });
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  for (const [name, out, size] of [['opt-wide.png', 'opt-wide-converted.png', [640, 320]], ['opt-tall.png', 'opt-tall-converted.png', [300, 900]]]) {
    const item = jobItem(app.page, name);
    await item.getByRole('link', { name: `Download ${out}` }).waitFor({ timeout: TIMEOUT });
    const v = ffprobe(await download(app.page, item, out)).streams[0];
    assert.deepEqual([v.width, v.height], size);
    await item.getByRole('button', { name: 'Remove' }).click();
  }
  await app.page.getByLabel('Max width').selectOption({ label: 'Original' });
});

const rate = (probe) => {
  const [n, d] = probe.streams.find((s) => s.codec_type === 'video').avg_frame_rate.split('/').map(Number);
  return n / d;
};

// Size target and quality mode, on each engine: 30 fps in, 15 fps out, same duration.
for (const [encoder, target, tag] of [
  ['Fast (browser codecs)', '1', 'wc'], ['Best quality (x264)', '1', 'x264'], ['Fast (browser codecs)', '', 'wc-quality'],
]) {
  test(`Max frame rate caps the video (${encoder}, ${target ? 'size target' : 'quality'})`, { timeout: TIMEOUT }, async () => {
    const name = `opt-fps-${tag}.mp4`;
    copyFileSync(clip720(), join(media, name));
    await app.page.getByLabel('Target size (MB)').fill(target);
    await app.page.getByLabel('Max height').selectOption({ label: 'Original' });
    await app.page.getByLabel('Max frame rate').selectOption({ label: '15 fps' });
    await setEncoder(app.page, encoder);
    await addFiles(app.page, [join(media, name)]);
    const item = jobItem(app.page, name);
    await item.getByText('video', { exact: true }).waitFor();
    await app.page.getByLabel('Output format').selectOption({ label: 'MP4' });
    await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
    const out = target ? `opt-fps-${tag}-1MB.mp4` : `opt-fps-${tag}-compressed.mp4`;
    await item.getByRole('link', { name: `Download ${out}` }).waitFor({ timeout: TIMEOUT });
    assert.match(await jobLog(item), encoder.startsWith('Fast') ? /WebCodecs/ : /x264 in FFmpeg/);
    const probe = ffprobe(await download(app.page, item, out));
    assert.ok(Math.abs(rate(probe) - 15) < 0.5, `frame rate ${rate(probe)}`);
    assert.ok(Math.abs(Number(probe.format.duration) - 4) <= 0.25, `duration ${probe.format.duration}`);
    await item.getByRole('button', { name: 'Remove' }).click();
    await app.page.getByLabel('Max frame rate').selectOption({ label: 'Original' });
  });
}
