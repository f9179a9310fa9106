// Size targets as good as the budget allows: two passes that cannot fail (a Theora/Vorbis
// Ogg on x264), the budget used when the browser's encoder undershoots, the frame rate and
// size kept where the budget allows, the colour description kept, and the plan said
// before the encode finishes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, media, setEncoder, jobLog } from './harness.mjs';

const TIMEOUT = 6 * 60_000;
const opened = [];
let server;
after(async () => { for (const a of opened) await a.browser.close(); server?.stop(); });

async function app() {
  server ??= await serveDist();
  const a = await openApp(server.url);
  opened.push(a);
  return a;
}

/** Queues a copy of `src` named `name` with the given settings and presses Convert. */
async function start(page, src, name, { target, encoder, format = 'MP4' }) {
  copyFileSync(src, join(media, name));
  await page.getByLabel('Target size (MB)').fill(String(target));
  await setEncoder(page, encoder);
  await addFiles(page, [join(media, name)]);
  const item = jobItem(page, name);
  await item.getByText('video', { exact: true }).waitFor();
  await page.getByLabel('Output format').selectOption({ label: format });
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  return item;
}

async function finish(page, item, outName) {
  await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: TIMEOUT });
  return download(page, item, outName);
}

const video = (probe) => probe.streams.find((s) => s.codec_type === 'video');
const rate = (r) => { const [n, d] = r.split('/').map(Number); return n / (d || 1); };

test('a Theora/Vorbis Ogg converts to MP4 under a target on x264, and the plan is shown before it finishes', { timeout: TIMEOUT }, async () => {
  const ogg = makeMedia('fit-theora.ogv', [
    '-f', 'lavfi', '-i', 'testsrc2=size=720x480:rate=30000/1001:duration=8', '-f', 'lavfi', '-i', 'sine',
    '-shortest', '-c:v', 'libtheora', '-q:v', '6', '-c:a', 'libvorbis',
  ]);
  const { page } = await app();
  const item = await start(page, ogg, 'fit-theora.ogv', { target: 0.8, encoder: 'Best quality (x264)' });
  // The planned shape, as data from the engine, is on the page while the encode runs.
  const plan = item.getByText(/^Plan: \d+p · [\d.]+ fps · (low|fair|good|very good)$/);
  await plan.waitFor({ timeout: TIMEOUT });
  const planned = await plan.innerText();
  assert.equal(await item.getByRole('link', { name: /^Download/ }).count(), 0, 'shown only once finished');
  const out = await finish(page, item, 'fit-theora-0.8MB.mp4');
  const size = statSync(out).size;
  assert.ok(size <= 800_000, `output ${size} B over 0.8 MB`);
  const probe = ffprobe(out);
  const v = video(probe);
  assert.equal(v.codec_name, 'h264');
  assert.ok(Math.abs(Number(probe.format.duration) - 8) <= 0.3, `duration ${probe.format.duration}`);
  assert.equal(planned, `Plan: ${Math.min(v.width, v.height)}p · 29.97 fps · ${planned.split(' · ')[2]}`);
  const log = await jobLog(item);
  assert.doesNotMatch(log, /Conversion failed!/);
  assert.doesNotMatch(log, /two-pass encode failed/, 'both passes saw the same frames');
});

test('an undershooting browser encode is raised to use at least 90 % of the target', { timeout: TIMEOUT }, async () => {
  // Slow-moving, lightly textured content: the browser's one-pass encoder spends well
  // under the bitrate it is given at this budget.
  const clip = makeMedia('fit-easy-720p.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10', '-f', 'lavfi', '-i', 'sine=frequency=300:duration=10',
    '-vf', 'setpts=4*PTS,fps=30,trim=duration=10', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '4',
    '-c:a', 'aac', '-b:a', '128k', '-pix_fmt', 'yuv420p', '-shortest',
  ]);
  const { page } = await app();
  const item = await start(page, clip, 'fit-easy.mp4', { target: 1.5, encoder: 'Fast (browser codecs)' });
  const out = await finish(page, item, 'fit-easy-1.5MB.mp4');
  const size = statSync(out).size;
  const log = await jobLog(item);
  assert.match(log, /Encoder: the browser's own codecs/);
  assert.ok(size <= 1_500_000, `output ${size} B over 1.5 MB`);
  assert.ok(size >= 1_350_000, `output ${size} B is under 90 % of 1.5 MB:\n${log}`);
});

test('a static clip keeps its resolution', { timeout: TIMEOUT }, async () => {
  // One still picture held for 20 s, in VP9/Opus (so it is re-encoded, not copied): its
  // own encoder needed about 100 kbit/s.
  const still = makeMedia('fit-still-720p.webm', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=1', '-f', 'lavfi', '-i', 'sine=duration=20',
    '-vf', 'trim=end_frame=1,loop=loop=599:size=1:start=0,setpts=N/(30*TB)', '-c:v', 'libvpx-vp9',
    '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '0', '-crf', '40', '-c:a', 'libopus', '-b:a', '64k', '-t', '20',
  ]);
  const { page } = await app();
  // 1 MB for 20 s: ordinary footage would be shrunk to 360p at this budget.
  const a = await start(page, still, 'fit-still.webm', { target: 1, encoder: 'Automatic' });
  const stillOut = await finish(page, a, 'fit-still-1MB.mp4');
  const s = video(ffprobe(stillOut));
  const stillLog = await jobLog(a);
  assert.deepEqual([s.width, s.height], [1280, 720], `a still picture is not shrunk:\n${stillLog}`);
  // Never larger than the input when the format changes.
  assert.ok(statSync(stillOut).size <= statSync(still).size, `${statSync(stillOut).size} B:\n${stillLog}`);
});

test('a 25 fps clip keeps 25 fps at a moderate budget', { timeout: TIMEOUT }, async () => {
  const pal = makeMedia('fit-25fps-720p.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=8', '-f', 'lavfi', '-i', 'sine=duration=8',
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '4M', '-c:a', 'aac', '-b:a', '96k', '-pix_fmt', 'yuv420p',
  ]);
  const { page } = await app();
  // 0.45 MB for 8 s: 360p at 25 fps fits the ladder; the old one cut it to 15 fps.
  const b = await start(page, pal, 'fit-pal.mp4', { target: 0.45, encoder: 'Fast (browser codecs)' });
  const palOut = await finish(page, b, 'fit-pal-0.45MB.mp4');
  const p = video(ffprobe(palOut));
  assert.ok(Math.abs(rate(p.avg_frame_rate) - 25) < 0.05, `frame rate ${p.avg_frame_rate}`);
  assert.ok(statSync(palOut).size <= 450_000);
});

test('a limited-range BT.709 source stays limited-range BT.709 on both engines', { timeout: TIMEOUT }, async () => {
  const src = makeMedia('fit-bt709.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=4', '-f', 'lavfi', '-i', 'sine=duration=4',
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '3M', '-pix_fmt', 'yuv420p', '-color_range', 'tv', '-colorspace', 'bt709',
    '-color_trc', 'bt709', '-color_primaries', 'bt709', '-c:a', 'aac',
  ]);
  const { page } = await app();
  for (const [encoder, name] of [['Best quality (x264)', 'fit-colour-x264'], ['Fast (browser codecs)', 'fit-colour-wc']]) {
    const item = await start(page, src, `${name}.mp4`, { target: 0.3, encoder });
    const out = await finish(page, item, `${name}-0.3MB.mp4`);
    const v = video(ffprobe(out));
    assert.equal(v.color_range, 'tv', `${encoder}: color_range ${v.color_range}`);
    assert.equal(v.color_space, 'bt709', `${encoder}: color_space ${v.color_space}`);
  }
});
