// Format conversion through FFmpeg: every (input kind → output format) pair the select
// offers for video and audio inputs converts a real file, checked with ffprobe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, media, setEncoder, jobLog } from './harness.mjs';

const TIMEOUT = 5 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

const video = () => makeMedia('conv-src.mp4', [
  '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=3', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=3',
  '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
]);
const audio = () => makeMedia('conv-src.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-ac', '2']);

/** Converts a copy of `src` named `name` to `label`; returns ffprobe's view of the output.
 *  `inspect(item)` runs on the finished job before it is removed. */
async function convert(src, name, label, outName, inspect = async () => {}) {
  return ffprobe(await convertFile(src, name, label, outName, inspect));
}

/** Like `convert`, but returns the output's path. */
async function convertFile(src, name, label, outName, inspect = async () => {}) {
  const file = join(media, name);
  copyFileSync(src, file);
  await app.page.getByLabel('Target size (MB)').fill('');
  await addFiles(app.page, [file]);
  const item = jobItem(app.page, name);
  await item.getByText(/^(video|audio)$/).waitFor();
  await app.page.getByLabel('Output format').selectOption({ label });
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: TIMEOUT });
  const out = await download(app.page, item, outName);
  await inspect(item);
  await item.getByRole('button', { name: 'Remove' }).click();
  return out;
}

const streams = (p, type) => p.streams.filter((s) => s.codec_type === type && !s.disposition?.attached_pic);

const VIDEO_CASES = [
  ['MP3', 'mp3', (p) => assert.equal(streams(p, 'audio')[0].codec_name, 'mp3')],
  ['M4A', 'm4a', (p) => assert.equal(streams(p, 'audio')[0].codec_name, 'aac')],
  ['OGG', 'ogg', (p) => assert.equal(streams(p, 'audio')[0].codec_name, 'vorbis')],
  ['WAV', 'wav', (p) => assert.equal(streams(p, 'audio')[0].codec_name, 'pcm_s16le')],
  ['FLAC', 'flac', (p) => assert.equal(streams(p, 'audio')[0].codec_name, 'flac')],
  ['MKV', 'mkv', (p) => { assert.equal(streams(p, 'video')[0].codec_name, 'h264'); assert.equal(streams(p, 'audio')[0].codec_name, 'aac'); }],
  ['MOV', 'mov', (p) => assert.equal(streams(p, 'video')[0].codec_name, 'h264')],
  ['GIF', 'gif', (p) => { const v = streams(p, 'video')[0]; assert.equal(v.codec_name, 'gif'); assert.equal(v.width, 320); }],
  // MP4 and WebM run on the browser's codecs with the default (Automatic) encoder, and on
  // FFmpeg with "Best quality (x264)".
  ['MP4', 'mp4', (p) => { assert.equal(streams(p, 'video')[0].codec_name, 'h264'); assert.equal(streams(p, 'audio')[0].codec_name, 'aac'); }],
  ['WebM', 'webm', (p) => { assert.equal(streams(p, 'video')[0].codec_name, 'vp9'); assert.equal(streams(p, 'audio')[0].codec_name, 'opus'); }],
  ['MP4', 'mp4', (p) => { assert.equal(streams(p, 'video')[0].codec_name, 'h264'); assert.equal(streams(p, 'audio')[0].codec_name, 'aac'); }, 'Best quality (x264)'],
  ['WebM', 'webm', (p) => { assert.equal(streams(p, 'video')[0].codec_name, 'vp8'); assert.equal(streams(p, 'audio')[0].codec_name, 'vorbis'); }, 'Best quality (x264)'],
];

for (const [label, ext, check, encoder = 'Automatic'] of VIDEO_CASES) {
  test(`video → ${label} (encoder: ${encoder})`, { timeout: TIMEOUT }, async () => {
    await setEncoder(app.page, encoder);
    const tag = encoder === 'Automatic' ? ext : `${ext}-x264`;
    const name = `conv-video-${tag}.mp4`;
    const outName = ext === 'mp4' ? `conv-video-${tag}-compressed.${ext}` : `conv-video-${tag}.${ext}`;
    const p = await convert(video(), name, label, outName);
    check(p);
    assert.ok(Math.abs(Number(p.format.duration) - 3) <= 0.25, `duration ${p.format.duration}`);
  });
}

const AUDIO_CASES = [
  ['MP3', 'mp3', 'mp3'], ['M4A', 'm4a', 'aac'], ['OGG', 'ogg', 'vorbis'], ['WAV', 'wav', 'pcm_s16le'], ['FLAC', 'flac', 'flac'],
  // Opus from the browser's AudioEncoder, in Ogg and in WebM.
  ['Opus', 'opus', 'opus'], ['WebM (Opus sound)', 'webm', 'opus'],
];
for (const [label, ext, codec] of AUDIO_CASES) {
  test(`audio → ${label}`, { timeout: TIMEOUT }, async () => {
    const name = `conv-audio-${ext}.wav`;
    const outName = ext === 'wav' ? `conv-audio-${ext}-converted.wav` : `conv-audio-${ext}.${ext}`;
    const p = await convert(audio(), name, label, outName);
    assert.equal(streams(p, 'audio')[0].codec_name, codec);
    assert.equal(streams(p, 'video').length, 0);
    assert.ok(Math.abs(Number(p.format.duration) - 3) <= 0.1, `duration ${p.format.duration}`);
  });
}

test('the Output format select offers only what the queued files can become', async () => {
  const file = join(media, 'conv-only-audio.wav');
  copyFileSync(audio(), file);
  await addFiles(app.page, [file]);
  const item = jobItem(app.page, 'conv-only-audio.wav');
  await item.getByText('audio', { exact: true }).waitFor();
  const labels = await app.page.getByLabel('Output format').locator('option').allTextContents();
  assert.deepEqual(labels, ['Automatic', 'MP3', 'M4A', 'OGG', 'Opus', 'WebM (Opus sound)', 'WAV', 'FLAC']);
  await item.getByRole('button', { name: 'Remove' }).click();
});

// Cover art: an MP3 with a JPEG cover (as most are) keeps it in MP3, M4A and FLAC; OGG and
// WAV cannot carry it here, and the job's details say it was dropped.
const coverSong = () => {
  const pic = makeMedia('conv-cover.jpg', ['-f', 'lavfi', '-i', 'testsrc2=size=300x300', '-frames:v', '1']);
  return makeMedia('conv-cover-src.mp3', [
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-i', pic, '-map', '0:a', '-map', '1:v',
    '-c:a', 'libmp3lame', '-c:v', 'copy', '-disposition:v:0', 'attached_pic', '-id3v2_version', '3',
  ]);
};
const covers = (p) => p.streams.filter((s) => s.codec_type === 'video' && s.disposition?.attached_pic === 1);
for (const [label, ext, codec, kept] of [
  ['MP3', 'mp3', 'mp3', true], ['M4A', 'm4a', 'aac', true], ['FLAC', 'flac', 'flac', true],
  ['OGG', 'ogg', 'vorbis', false], ['WAV', 'wav', 'pcm_s16le', false],
]) {
  test(`audio with cover art → ${label} (${kept ? 'cover kept' : 'cover dropped, said so'})`, { timeout: TIMEOUT }, async () => {
    assert.equal(covers(ffprobe(coverSong())).length, 1, 'the source has a cover');
    const name = `conv-cover-${ext}.mp3`;
    const outName = ext === 'mp3' ? `conv-cover-${ext}-converted.mp3` : `conv-cover-${ext}.${ext}`;
    let log = '';
    const p = await convert(coverSong(), name, label, outName, async (item) => { log = await jobLog(item); });
    assert.equal(streams(p, 'audio')[0].codec_name, codec);
    if (kept) {
      assert.equal(covers(p).length, 1, `cover in ${label}`);
      assert.equal(covers(p)[0].codec_name, 'mjpeg');
      assert.match(log, /Cover art kept/);
    } else {
      assert.equal(p.streams.filter((s) => s.codec_type === 'video').length, 0);
      assert.match(log, new RegExp(`Cover art dropped: ${label} files cannot carry a picture`));
    }
    assert.ok(Math.abs(Number(p.format.duration) - 3) <= 0.1, `duration ${p.format.duration}`);
  });
}

/** The chunks of a RIFF/WEBP file: [{ id, data }]. ffprobe cannot decode animated WebP
 *  (its decoder reads only still frames), so the container is checked chunk by chunk. */
function webpChunks(buf) {
  assert.equal(buf.toString('ascii', 0, 4), 'RIFF');
  assert.equal(buf.toString('ascii', 8, 12), 'WEBP');
  assert.equal(buf.readUInt32LE(4) + 8, buf.length, 'RIFF size matches the file');
  const chunks = [];
  for (let off = 12; off + 8 <= buf.length;) {
    const size = buf.readUInt32LE(off + 4);
    chunks.push({ id: buf.toString('ascii', off, off + 4), data: buf.subarray(off + 8, off + 8 + size) });
    off += 8 + size + (size & 1);
  }
  return chunks;
}
const u24 = (b, at) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);

test('video → WebP (animated)', { timeout: TIMEOUT }, async () => {
  const out = await convertFile(video(), 'conv-video-awebp.mp4', 'WebP (animated)', 'conv-video-awebp.webp');
  const chunks = webpChunks(readFileSync(out));
  assert.equal(chunks[0].id, 'VP8X');
  const vp8x = chunks[0].data;
  assert.ok(vp8x[0] & 0x02, 'animation flag set');
  assert.deepEqual([u24(vp8x, 4) + 1, u24(vp8x, 7) + 1], [320, 240]);
  assert.ok(chunks.some((c) => c.id === 'ANIM'), 'ANIM chunk');
  const frames = chunks.filter((c) => c.id === 'ANMF');
  // 3 s at 15 fps: about 45 frames, each holding a VP8 bitstream, lasting 3 s in all.
  assert.ok(frames.length >= 40 && frames.length <= 46, `${frames.length} frames`);
  assert.ok(frames.every((f) => /^(VP8 |VP8L|ALPH)$/.test(f.data.toString('ascii', 16, 20))), 'every frame holds a picture');
  const total = frames.reduce((ms, f) => ms + u24(f.data, 12), 0);
  assert.ok(Math.abs(total - 3000) <= 150, `${total} ms in all`);
});
