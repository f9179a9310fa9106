// The WebCodecs engine's choices and its safety net: WebM through the browser's VP9/Opus,
// a legacy codec routed to FFmpeg, and a WebCodecs failure mid-job that FFmpeg finishes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, media, setEncoder, jobLog, streamTimes } from './harness.mjs';

const TIMEOUT = 6 * 60_000;
const opened = [];
let server;
after(async () => { for (const a of opened) await a.browser.close(); server?.stop(); });

async function app(options) {
  server ??= await serveDist();
  const a = await openApp(server.url, options);
  opened.push(a);
  return a;
}

const clip = () => makeMedia('wc-720p-8s.mp4', [
  '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=8', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=8',
  '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '5M', '-c:a', 'aac', '-b:a', '128k', '-pix_fmt', 'yuv420p',
]);

// The fallback test's clip: small and short, since its FFmpeg leg runs on the single-threaded
// core (no service worker, so no isolation), and what it checks is the hand-over, not x264.
const smallClip = () => makeMedia('wc-360p-4s.mp4', [
  '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=4', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=4',
  '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '2M', '-c:a', 'aac', '-b:a', '128k', '-pix_fmt', 'yuv420p',
]);

/** Converts a copy of `src` named `name` with the given settings; returns the item and output path. */
async function run(page, src, name, { target, format, encoder }, outName) {
  copyFileSync(src, join(media, name));
  await page.getByLabel('Target size (MB)').fill(String(target));
  await setEncoder(page, encoder);
  await addFiles(page, [join(media, name)]);
  const item = jobItem(page, name);
  await item.getByText('video', { exact: true }).waitFor();
  await page.getByLabel('Output format').selectOption({ label: format });
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: TIMEOUT });
  return { item, out: await download(page, item, outName) };
}

test('WebM on the browser codecs: VP9 and Opus, within the target, in sync', { timeout: TIMEOUT }, async () => {
  const { page } = await app();
  const { item, out } = await run(page, clip(), 'wc-webm.mp4', { target: 1.5, format: 'WebM', encoder: 'Fast (browser codecs)' }, 'wc-webm-1.5MB.webm');
  const log = await jobLog(item);
  assert.match(log, /Encoder: the browser's own codecs \(WebCodecs\)/);
  // Probe, encode and mux all in the browser: the FFmpeg core was never loaded.
  assert.doesNotMatch(log, /Engine: FFmpeg/);
  assert.ok(statSync(out).size <= 1_500_000, `output ${statSync(out).size} B over 1.5 MB`);
  const probe = ffprobe(out);
  assert.equal(probe.streams.find((s) => s.codec_type === 'video').codec_name, 'vp9');
  assert.equal(probe.streams.find((s) => s.codec_type === 'audio').codec_name, 'opus');
  assert.ok(Math.abs(Number(probe.format.duration) - 8) <= 0.2, `duration ${probe.format.duration}`);
  const { video, audio } = streamTimes(probe);
  assert.ok(Math.abs(video.start - audio.start) <= 0.05, `A/V start ${video.start} vs ${audio.start}`);
});

test('AV1 in MP4 (with AAC) and in WebM (with Opus) from the browser\'s encoder, even with x264 chosen', { timeout: TIMEOUT }, async () => {
  const { page } = await app();
  await page.getByLabel('Video codec').selectOption({ label: 'AV1 (smaller, recent players)' });
  for (const [format, ext, audio] of [['MP4', 'mp4', 'aac'], ['WebM', 'webm', 'opus']]) {
    const { item, out } = await run(page, clip(), `wc-av1-${ext}.mp4`, { target: 1, format, encoder: 'Best quality (x264)' }, `wc-av1-${ext}-1MB.${ext}`);
    assert.match(await jobLog(item), /Encoder: the browser's own codecs \(WebCodecs\)/);
    assert.ok(statSync(out).size <= 1_000_000, `${format}: ${statSync(out).size} B over 1 MB`);
    const probe = ffprobe(out);
    assert.equal(probe.streams.find((s) => s.codec_type === 'video').codec_name, 'av1');
    assert.equal(probe.streams.find((s) => s.codec_type === 'audio').codec_name, audio);
    assert.ok(Math.abs(Number(probe.format.duration) - 8) <= 0.2, `duration ${probe.format.duration}`);
  }
});

test('a legacy codec (MPEG-4 Part 2 in AVI) goes to FFmpeg, even with Fast chosen', { timeout: TIMEOUT }, async () => {
  const { page } = await app();
  const { item, out } = await run(page, join(media, 'synth-mpeg4.avi'), 'wc-legacy.avi', { target: 1, format: 'MP4', encoder: 'Fast (browser codecs)' }, 'wc-legacy-1MB.mp4');
  assert.match(await jobLog(item), /Encoder: FFmpeg \(the browser's codecs cannot read this container/);
  assert.ok(statSync(out).size <= 1_000_000);
  const probe = ffprobe(out);
  assert.equal(probe.streams.find((s) => s.codec_type === 'video').codec_name, 'h264');
  assert.ok(Math.abs(Number(probe.format.duration) - 5) <= 0.2, `duration ${probe.format.duration}`);
});

test('a WebCodecs failure mid-job falls back to FFmpeg and the job still succeeds', { timeout: TIMEOUT }, async () => {
  // Serve a Mediabunny whose conversion accepts the job and then fails while running, as a
  // crashing hardware encoder would. No service worker, so the route sees the request.
  const broken = `
    class Stub { constructor(options) { this.options = options; } }
    export const ALL_FORMATS = [];
    export { Stub as Input, Stub as BlobSource, Stub as Output, Stub as Mp4OutputFormat,
             Stub as WebMOutputFormat, Stub as BufferTarget, Stub as Quality };
    export class Conversion {
      static async init() {
        return { isValid: true, discardedTracks: [],
                 async execute() { throw new Error('VideoEncoder error (forced by the test)'); } };
      }
    }`;
  const { page, consoleErrors } = await app({
    serviceWorkers: 'block',
    beforeLoad: (context) => context.route('**/mediabunny/mediabunny.min.mjs',
      (route) => route.fulfill({ body: broken, contentType: 'text/javascript' })),
  });
  const { item, out } = await run(page, smallClip(), 'wc-fallback.mp4', { target: 0.5, format: 'MP4', encoder: 'Fast (browser codecs)' }, 'wc-fallback-0.5MB.mp4');
  const log = await jobLog(item);
  assert.match(log, /Encoder: the browser's own codecs/);
  assert.match(log, /Engine: FFmpeg \(single-threaded core\), loaded in \d+ ms\./);
  assert.match(log, /could not do this file: VideoEncoder error \(forced by the test\)\. Converting it with FFmpeg instead/);
  assert.equal(await item.getByRole('alert').count(), 0);
  assert.ok(statSync(out).size <= 500_000);
  const probe = ffprobe(out);
  assert.equal(probe.streams.find((s) => s.codec_type === 'video').codec_name, 'h264');
  assert.equal(probe.streams.find((s) => s.codec_type === 'audio').codec_name, 'aac');
  assert.ok(Math.abs(Number(probe.format.duration) - 4) <= 0.2, `duration ${probe.format.duration}`);
  assert.deepEqual(consoleErrors, []);
});
