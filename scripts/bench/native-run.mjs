// Native ffmpeg on the same clip and target: x264 veryfast, one pass, at the shape, frame
// rate and bitrates the app planned, all threads. The anchor every app time is divided by.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Encodes `clip` as the app's `row` planned; returns its wall time and size. */
export function runNative(clip, row, outDir, tag) {
  const out = join(outDir, `native-${tag}.mp4`);
  const [w, h] = row.shape;
  const args = [
    '-nostdin', '-loglevel', 'error', '-y', '-i', clip,
    '-vf', `scale=${w}:${h}`, '-r', String(row.fps),
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', `${row.videoKbps}k`, '-threads', '0', '-pix_fmt', 'yuv420p',
    ...(row.audioKbps ? ['-c:a', 'aac', '-b:a', `${row.audioKbps}k`, '-ac', String(row.audioChannels)] : ['-an']),
    '-movflags', '+faststart', out,
  ];
  const t0 = process.hrtime.bigint();
  execFileSync('ffmpeg', args);
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  return { wallS, size: statSync(out).size, args };
}
