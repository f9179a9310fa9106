// Quality benchmark (issue 13): each clip → MP4 under a target in the app (Encoder
// "Automatic"), with the per-clip trial and without it (`?trial=off`, the ladder alone),
// against native x264 anchors made in the same run. The trial page runs `?trial=always`
// (the trial on every row, however short: it only runs by itself where it costs at most
// ~15 % of the encode). Anchors:
//   (a) a one-formula plan in the manner of compress.lol: CRF 23 capped by -maxrate at the
//       budget's video bitrate (bufsize twice that), the source's shape, one pass, veryfast;
//   (b) native two-pass veryfast at the shape and bitrate the app chose;
//   (c) the ceiling: the best native two-pass veryfast over a small ladder of shapes (the
//       source's size and the standard rungs below it down to 360p, at the source's frame
//       rate up to 30), at the budget's video bitrate.
// Every output is scored as a viewer sees it (`ssim.mjs`): scaled back to the source's
// picture size (bilinear, as a player does) and compared with the source frame by frame
// by FFmpeg's `ssim` filter (the "All" value, every frame). Output size is given as a share of the target.
//
// usage: node scripts/bench/quality.mjs [--clip FILE:MB]... [--no-ceiling] [--out FILE]
// Not part of the test command: a row takes minutes (the ceiling alone is up to eight
// native encodes). The machine may be shared; times are noisy, SSIM and sizes are not.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { serveDist, openApp, artifacts, media, ffprobe, displaySize } from '../../tests/e2e/harness.mjs';
import { qualityClips } from './clips.mjs';
import { viewerSsim } from './ssim.mjs';
import { runApp } from './app-run.mjs';

const args = process.argv.slice(2);
const clips = [];
let ceiling = true;
let outFile = join(artifacts, 'bench-quality.md');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--clip') {
    const [file, mb] = args[++i].split(/:(?=[^:]+$)/);
    clips.push([file.includes('/') ? resolve(file) : join(media, file), Number(mb)]);
  } else if (args[i] === '--no-ceiling') ceiling = false;
  else if (args[i] === '--out') outFile = resolve(args[++i]);
  else throw new Error(`unknown option ${args[i]}`);
}
const rows = clips.length ? clips : qualityClips();
const outDir = join(artifacts, 'bench-quality');
mkdirSync(outDir, { recursive: true });
const log = (...a) => console.error(`[quality ${new Date().toISOString().slice(11, 19)}]`, ...a);
const rate = (r) => { const [n, d] = r.split('/').map(Number); return d ? n / d : n; };

/** Source facts: duration, display size, frame rate, audio. */
function facts(clip) {
  const p = ffprobe(clip);
  const v = p.streams.find((s) => s.codec_type === 'video');
  return { duration: Number(p.format.duration), shape: displaySize(p), fps: rate(v.avg_frame_rate), hasAudio: p.streams.some((s) => s.codec_type === 'audio') };
}

/** A native x264 encode; returns { out, size, wallS }. */
function native(clip, tag, videoArgs, audioKbps, twoPass) {
  const out = join(outDir, `${tag}.mp4`);
  const audio = audioKbps ? ['-c:a', 'aac', '-b:a', `${audioKbps}k`] : ['-an'];
  const base = ['-nostdin', '-loglevel', 'error', '-y', '-i', clip];
  const t0 = process.hrtime.bigint();
  if (twoPass) {
    const passlog = join(outDir, `${tag}-pass`);
    execFileSync('ffmpeg', [...base, ...videoArgs, '-pass', '1', '-passlogfile', passlog, '-an', '-f', 'mp4', '/dev/null']);
    execFileSync('ffmpeg', [...base, ...videoArgs, '-pass', '2', '-passlogfile', passlog, ...audio, '-movflags', '+faststart', out]);
  } else {
    execFileSync('ffmpeg', [...base, ...videoArgs, ...audio, '-movflags', '+faststart', out]);
  }
  return { out, size: statSync(out).size, wallS: Number(process.hrtime.bigint() - t0) / 1e9 };
}

const x264 = (w, h, fps, extra) => ['-vf', `scale=${w}:${h}:flags=bicubic`, '-r', String(fps), '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', ...extra];
const even = (v) => Math.max(2, Math.round(v / 2) * 2);

/** The ceiling's shapes: the source's size, then 720/540/480/360 below it. */
function ladder([w, h]) {
  const short = Math.min(w, h);
  const rungs = [short, ...[720, 540, 480, 360].filter((r) => r < short)].slice(0, 4);
  return rungs.map((r) => (w <= h ? [r, even(h * r / w)] : [even(w * r / h), r]).map((v, i) => (i === 0 ? Math.min(v, w) : Math.min(v, h))));
}

const server = await serveDist();
// The trial runs only where it costs at most ~15 % of the encode (clips of several
// minutes); `trial=always` runs it on every row, to show what it buys and costs.
const withTrial = await openApp(`${server.url}?trial=always`);
const withoutTrial = await openApp(`${server.url}?trial=off`);
const table = [];
const results = [];
for (const [clip, mb] of rows) {
  const name = basename(clip);
  const tag = `${name.replace(/\.[^.]+$/, '')}-${mb}MB`;
  const src = facts(clip);
  const target = mb * 1e6;
  log(`${name} → ${mb} MB (${src.duration.toFixed(1)} s, ${src.shape.join('×')} @ ${src.fps.toFixed(2)})`);
  const app = await runApp(withTrial.page, clip, mb, 'Automatic', outDir);
  app.ssim = await viewerSsim(app.out, clip);
  const ladderOnly = await runApp(withoutTrial.page, clip, mb, 'Automatic', outDir);
  ladderOnly.ssim = await viewerSsim(ladderOnly.out, clip);
  const audioKbps = app.audioKbps;
  // The budget's video bitrate, as every anchor gets it: what the app planned, or what its
  // size-fit loop raised it to.
  const raised = [...(app.log ?? '').matchAll(/raised from \d+ to (\d+) kbps/g)].map((m) => Number(m[1]));
  const videoKbps = Math.max(app.videoKbps, ...raised);
  const fps = Math.min(src.fps, 30);
  const a = native(clip, `${tag}-formula`, x264(...src.shape, fps, ['-crf', '23', '-maxrate', `${videoKbps}k`, '-bufsize', `${2 * videoKbps}k`]), audioKbps, false);
  a.ssim = await viewerSsim(a.out, clip);
  // The source's exact rate where the app kept it: ffprobe's rounded average (29.97 for
  // 30000/1001) drifts against the source and pairs the wrong frames in the SSIM.
  const appFps = Math.abs(app.fps - fps) < 0.05 ? fps : app.fps;
  const b = native(clip, `${tag}-at-app-shape`, x264(...app.shape, appFps, ['-b:v', `${videoKbps}k`]), audioKbps, true);
  b.ssim = await viewerSsim(b.out, clip);
  let c = { ssim: NaN, shape: ['-', '-'] };
  if (ceiling) {
    for (const shape of ladder(src.shape)) {
      const r = native(clip, `${tag}-ceiling-${shape.join('x')}`, x264(...shape, fps, ['-b:v', `${videoKbps}k`]), audioKbps, true);
      r.ssim = await viewerSsim(r.out, clip);
      r.shape = shape;
      log(`  ceiling ${shape.join('×')}: ${r.ssim.toFixed(4)} (${(100 * r.size / target).toFixed(0)} %)`);
      if (r.size <= target && !(r.ssim <= c.ssim)) c = r;
    }
  }
  const trialS = Number(app.log?.match(/Analysed the clip in ([\d.]+) s/)?.[1] ?? 0);
  const row = { name, mb, src, app, ladderOnly, a, b, c, trialS };
  results.push(row);
  const pct = (x) => `${(100 * x.size / target).toFixed(0)} %`;
  const line = `| ${name} (${src.duration.toFixed(0)} s, ${src.shape.join('×')}@${src.fps.toFixed(0)}) → ${mb} MB | ${app.shape.join('×')}@${app.fps.toFixed(0)} | ${pct(app)} | ${app.ssim.toFixed(4)} | ${ladderOnly.shape.join('×')}@${ladderOnly.fps.toFixed(0)} ${ladderOnly.ssim.toFixed(4)} (${pct(ladderOnly)}) | ${a.ssim.toFixed(4)} (${pct(a)}) | ${b.ssim.toFixed(4)} | ${c.shape.join('×')} ${c.ssim.toFixed(4)} | ${(app.ssim - c.ssim).toFixed(4)} | ${app.wallS.toFixed(1)} (trial ${trialS.toFixed(1)}) / ${ladderOnly.wallS.toFixed(1)} | ${app.engine} |`;
  log(line);
  table.push(line);
}
await withTrial.browser.close();
await withoutTrial.browser.close();
server.stop();

const md = [
  '| clip → target | app shape | app size | app SSIM | ladder only (no trial) | (a) formula | (b) native at app shape | (c) ceiling | app − (c) | app s (trial s) / ladder-only s | engine |',
  '|---|---|---:|---:|---|---:|---:|---|---:|---:|---|',
  ...table,
].join('\n');
console.log(md);
writeFileSync(outFile, `${md}\n`);
writeFileSync(outFile.replace(/\.md$/, '.json'), JSON.stringify(results.map((r) => ({ ...r, app: { ...r.app, out: undefined }, ladderOnly: { ...r.ladderOnly, out: undefined } })), null, 1));
