// Speed of the browser path (issue 14): each clip → MP4 under a target with Encoder "Fast
// (browser codecs)" and with the default "Automatic", timed in the page from the click on
// Convert to the download link, against native ffmpeg (x264 veryfast, one pass, the app's
// planned shape and bitrates, all threads) run right after it, in the same run. The machine
// may be shared: absolute times are noisy, the ratio of each row is what counts.
//
// usage: node scripts/bench/fast-path.mjs [--clip FILE:MB]... [--reps N] [--out FILE]
// Default clips: scripts/bench/clips.mjs (Big Buck Bunny looped to 64 s at 720p and
// 1080p, and 8 s at 720p; tight targets that downscale and loose ones that do not).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { serveDist, openApp, artifacts, media } from '../../tests/e2e/harness.mjs';
import { defaultClips } from './clips.mjs';
import { runApp } from './app-run.mjs';
import { runNative } from './native-run.mjs';

const args = process.argv.slice(2);
const clips = [];
let reps = 1;
let outFile = join(artifacts, 'bench-fast-path.md');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--clip') {
    const [file, mb] = args[++i].split(/:(?=[^:]+$)/);
    clips.push([file.includes('/') ? resolve(file) : join(media, file), Number(mb)]);
  } else if (args[i] === '--reps') reps = Number(args[++i]);
  else if (args[i] === '--out') outFile = resolve(args[++i]);
  else throw new Error(`unknown option ${args[i]}`);
}
const rows = clips.length ? clips : defaultClips();
const outDir = join(artifacts, 'bench-fast-path');
mkdirSync(outDir, { recursive: true });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

const server = await serveDist();
const { browser, page } = await openApp(server.url);
// A warm page: one short job loads and JIT-warms the engine worker first.
await runApp(page, rows.at(-1)[0], rows.at(-1)[1], 'Fast (browser codecs)', outDir);

const lines = [];
for (const [clip, mb] of rows) {
  const app = []; const native = [];
  for (let r = 0; r < reps; r++) {
    const a = await runApp(page, clip, mb, 'Fast (browser codecs)', outDir);
    const n = runNative(clip, a, outDir, `${basename(clip, '.mp4')}-${mb}MB`);
    log(JSON.stringify({ ...a, out: undefined }));
    log(`${basename(clip)} → ${mb} MB: app ${a.wallS.toFixed(2)} s, native ${n.wallS.toFixed(2)} s`);
    app.push(a); native.push(n);
  }
  const a = app.at(-1); const n = native.at(-1);
  const appS = median(app.map((x) => x.wallS)); const nativeS = median(native.map((x) => x.wallS));
  lines.push(`| ${basename(clip)} → ${mb} MB | ${a.shape.join('×')} @ ${a.fps.toFixed(0)} | ${a.scaledInEncoder ? 'encoder' : 'canvas / none'} | ${a.encodeFps} | ${a.firstFrameMs} | ${appS.toFixed(2)} | ${nativeS.toFixed(2)} | ${(nativeS / appS).toFixed(2)}× | ${(a.size / 1e6).toFixed(2)} MB (${(100 * a.size / (mb * 1e6)).toFixed(0)}%) | ${(n.size / 1e6).toFixed(2)} MB | ${a.engine} |`);
}
await browser.close();
server.stop();

const table = [
  '| clip → target | output shape | resize | encode fps | first frame ms | app s | native s | native / app | app output | native output | engine |',
  '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ...lines,
].join('\n');
console.log(table);
writeFileSync(outFile, `${table}\n`);
