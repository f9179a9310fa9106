// Per-clip planning (issue 13): a clip is analysed by trial encodes at a few shapes before
// its encode; the job says what the trial chose, the output has that shape and is within
// the target. A trial runs only where it costs at most ~15 % of the encode (a clip of
// several minutes; decided in core/src/plan/trial.rs, tested natively): the page's
// `?trial=always` hook runs it on a short clip here.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, media, setEncoder, jobLog, displaySize } from './harness.mjs';

const TIMEOUT = 6 * 60_000;

/** FFmpeg's luma SSIM of `out` scaled (bilinear) to `src`'s size, against `src`. */
function lumaSsim(out, src) {
  const r = spawnSync('ffmpeg', ['-nostdin', '-hide_banner', '-i', out, '-i', src, '-lavfi',
    '[0:v][1:v]scale2ref=flags=bilinear[o][s];[o]format=yuv420p[a];[s]format=yuv420p[b];[a][b]ssim', '-f', 'null', '-'], { encoding: 'utf8' });
  return Number(r.stderr.match(/SSIM Y:([\d.]+)/)[1]);
}
let server;
let opened;
after(async () => { await opened?.browser.close(); server?.stop(); });

test('a clip is analysed by trial encodes, and the shape they chose is encoded and said', { timeout: TIMEOUT }, async () => {
  // Real footage (Big Buck Bunny from fetch-samples.sh) looped to 16 s at 640×360.
  const clip = makeMedia('trial-bbb-360p-16s.mp4', [
    '-stream_loop', '3', '-i', join(media, 'bigbuckbunny.mp4'), '-t', '16', '-vf', 'scale=640:360',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-c:a', 'aac', '-b:a', '96k', '-pix_fmt', 'yuv420p',
  ]);
  server = await serveDist();
  opened = await openApp(`${server.url}?trial=always`);
  const { page } = opened;
  await page.getByLabel('Target size (MB)').fill('0.4');
  await setEncoder(page, 'Automatic');
  await addFiles(page, [clip]);
  const item = jobItem(page, 'trial-bbb-360p-16s.mp4');
  await item.getByText('video', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const outName = 'trial-bbb-360p-16s-0.4MB.mp4';
  await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: TIMEOUT });
  const out = await download(page, item, outName);
  const log = await jobLog(item);
  assert.match(log, /Analysed the clip in [\d.]+ s: 2 shapes × 2 stretches \(expected/, log);
  const chose = log.match(/Trial encodes of 2 short stretches chose (\d+)×(\d+) at ([\d.]+) fps \(SSIM (0\.\d+)/);
  assert.ok(chose, log);
  const size = statSync(out).size;
  assert.ok(size <= 400_000, `output ${size} B over the target`);
  const probe = ffprobe(out);
  assert.deepEqual(displaySize(probe), [Number(chose[1]), Number(chose[2])], 'the chosen shape is the one encoded');
  // The trial's score is a real measurement: close to FFmpeg's luma SSIM of the whole
  // output scaled back to the source's size (the trial scores a few frames of 1 s
  // samples; measured here 0.794 against 0.770).
  const ffmpegY = lumaSsim(out, clip);
  assert.ok(Math.abs(Number(chose[4]) - ffmpegY) <= 0.05, `trial ${chose[4]} against FFmpeg's ${ffmpegY}`);
  // The plan said last is the trial's (its shape and a word from its score); the job's
  // details keep every plan said, the ladder's first.
  const plans = [...log.matchAll(/^Plan: (\d+)p · [\d.]+ fps · (low|fair|good|very good)$/gm)];
  assert.ok(plans.length >= 2, log);
  assert.equal(Number(plans.at(-1)[1]), Math.min(Number(chose[1]), Number(chose[2])));
});
