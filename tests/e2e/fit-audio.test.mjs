// Sound under a size target: a 20-minute talk reaches 5 MB as MP3, M4A and Opus at 93–100 % of
// the target, a 3-minute music file reaches 1 MB with the reason for its channels shown, a
// target too small is refused naming the smallest size that works, and a format that does
// not honour a target says so. Every output is read back with ffprobe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, media, jobLog } from './harness.mjs';

const TIMEOUT = 8 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

const TEXT = 'Welcome back to the show. Today we talk about how to fit a long recording into a small '
  + 'email attachment. The trick is to choose the bitrate from the duration, and to keep one clear '
  + 'channel when the budget is tight. Speech needs far fewer bits than music, because the voice '
  + 'occupies a narrow band, and pauses between sentences cost almost nothing.';

/** 20 minutes of real synthesized speech (espeak-ng, looped), mono 22.05 kHz MP3 at 48k. */
function speech() {
  const wav = join(media, 'fit-speech-1.wav');
  if (!existsSync(wav)) execFileSync('espeak-ng', ['-v', 'en-us', '-s', '160', '-w', wav, TEXT]);
  return makeMedia('fit-speech-20min.mp3', [
    '-stream_loop', '-1', '-i', wav, '-t', '1200', '-ar', '22050', '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '48k',
  ]);
}

/** 3 minutes of stereo "music": two modulated voices and pink noise, MP3 at 192k. */
const music = () => makeMedia('fit-music-3min.mp3', [
  '-f', 'lavfi', '-i', 'aevalsrc=0.3*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*0.5*t))+0.2*sin(2*PI*330*t+sin(2*PI*3*t))|'
    + '0.3*sin(2*PI*277*t)*(0.6+0.4*sin(2*PI*0.7*t))+0.2*sin(2*PI*440*t):s=44100:d=180',
  '-f', 'lavfi', '-i', 'anoisesrc=c=pink:a=0.04:d=180:r=44100',
  '-filter_complex', '[1:a]aformat=channel_layouts=stereo[n];[0:a][n]amix=inputs=2:normalize=0',
  '-c:a', 'libmp3lame', '-b:a', '192k',
]);

/** Converts a copy of `src` named `name` to `label` under `mb`; returns the output's path,
 *  its probe and the job's details. */
async function fit(src, name, label, mb, outName) {
  const file = join(media, name);
  copyFileSync(src, file);
  await app.page.getByLabel('Target size (MB)').fill(String(mb));
  await app.page.getByLabel('Output format').selectOption({ label });
  await addFiles(app.page, [file]);
  const item = jobItem(app.page, name);
  await item.getByText('audio', { exact: true }).waitFor();
  const started = Date.now();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: TIMEOUT });
  const seconds = (Date.now() - started) / 1000;
  const out = await download(app.page, item, outName);
  const log = await jobLog(item);
  await item.getByRole('button', { name: 'Remove' }).click();
  return { out, probe: ffprobe(out), log, size: statSync(out).size, seconds };
}

const audioStream = (p) => p.streams.find((s) => s.codec_type === 'audio');

for (const [label, ext, codec] of [['MP3', 'mp3', 'mp3'], ['M4A', 'm4a', 'aac'], ['Opus', 'opus', 'opus']]) {
  test(`a 20-minute talk fits 5 MB as ${label}, using 93–100 % of it`, { timeout: TIMEOUT }, async () => {
    const name = `fit-talk-${ext}.mp3`;
    const outName = ext === 'mp3' ? `fit-talk-${ext}-converted.mp3` : `fit-talk-${ext}.${ext}`;
    const r = await fit(speech(), name, label, 5, outName);
    console.log(`# bench: speech 20:00 → ${label} 5 MB: ${r.size} bytes (${(r.size / 5e4).toFixed(1)} %), ${r.seconds.toFixed(1)} s`);
    assert.ok(r.size <= 5_000_000, `${r.size} bytes is over the target`);
    assert.ok(r.size >= 0.93 * 5_000_000, `${r.size} bytes uses under 93 % of the target`);
    assert.equal(audioStream(r.probe).codec_name, codec);
    assert.equal(audioStream(r.probe).channels, 1);
    assert.ok(Math.abs(Number(r.probe.format.duration) - 1200) <= 1, `duration ${r.probe.format.duration}`);
    assert.match(r.log, new RegExp(`${label === 'M4A' ? 'AAC' : label} at [0-9.]+ kbit/s`));
    if (label === 'Opus') assert.match(r.log, /browser's own Opus encoder/);
    assert.match(r.log, /Uses (9[3-9]|100)\.\d % of the target size/);
  });
}

test('3 minutes of music fit 1 MB as MP3, and the details say why it is mono', { timeout: TIMEOUT }, async () => {
  const r = await fit(music(), 'fit-music.mp3', 'MP3', 1, 'fit-music-converted.mp3');
  console.log(`# bench: music 3:00 → MP3 1 MB: ${r.size} bytes (${(r.size / 1e4).toFixed(1)} %), ${r.seconds.toFixed(1)} s`);
  assert.ok(r.size <= 1_000_000 && r.size >= 930_000, `${r.size} bytes`);
  assert.equal(audioStream(r.probe).channels, 1);
  assert.match(r.log, /Mono: [0-9.]+ kbit\/s is too little for two channels in MP3/);
  assert.ok(Math.abs(Number(r.probe.format.duration) - 180) <= 1);
});

test('a target too small for the talk is refused before encoding, naming the smallest size', { timeout: TIMEOUT }, async () => {
  const file = join(media, 'fit-talk-tiny.mp3');
  copyFileSync(speech(), file);
  await app.page.getByLabel('Target size (MB)').fill('0.5');
  await app.page.getByLabel('Output format').selectOption({ label: 'MP3' });
  await addFiles(app.page, [file]);
  const item = jobItem(app.page, 'fit-talk-tiny.mp3');
  await item.getByText('audio', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  const alert = item.getByRole('alert');
  await alert.waitFor({ timeout: TIMEOUT });
  const text = await alert.innerText();
  const m = text.match(/smallest size we can reach is about ([0-9.]+) MB/);
  assert.ok(m, text);
  assert.ok(Number(m[1]) > 0.5 && Number(m[1]) < 5, text);
  await item.getByRole('button', { name: 'Remove' }).click();
});

test('a format that does not honour the target says so in its details', { timeout: TIMEOUT }, async () => {
  const src = makeMedia('fit-tone.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-ac', '2']);
  const r = await fit(src, 'fit-tone-flac.wav', 'FLAC', 0.01, 'fit-tone-flac.flac');
  assert.equal(audioStream(r.probe).codec_name, 'flac');
  assert.match(r.log, /The target size does not apply to FLAC/);
});
