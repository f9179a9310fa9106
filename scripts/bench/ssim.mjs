// SSIM as a viewer sees it: the output scaled back to the source's picture (bilinear, as a
// player does), compared with the source frame by frame (FFmpeg's `ssim` "All" value).
//
// Frames are paired by their index whenever the output has as many frames as the source
// (every encode that keeps the frame rate). Pairing them by timestamp, as FFmpeg's
// two-input filters do, is wrong by a frame wherever the output's timestamps are rounded
// a few microseconds below the source's: the browser's encodes store microseconds, so a
// frame at 7.298958 s faced the source's frame *before* 7.298966 s. Measured on one
// 56 s film trailer: 0.9696 by timestamp, 0.9840 by index for the same file. Outputs with
// fewer frames (a capped frame rate) keep the timestamp pairing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Video packets, width, height and rotation of `file`'s first video stream. */
function videoFacts(file) {
  const r = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_packets',
    '-show_entries', 'stream=nb_read_packets,width,height:stream_side_data=rotation',
    '-of', 'json', file], { encoding: 'utf8' });
  const s = JSON.parse(r.stdout).streams[0];
  const rotation = Number(s.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0);
  return { frames: Number(s.nb_read_packets), width: s.width, height: s.height, rotation };
}

/** The "All" figure of an `ssim` run's stderr. */
const allOf = (stderr) => Number(stderr.match(/SSIM .* All:([\d.]+)/)?.[1] ?? NaN);

/** SSIM pairing frames by timestamp (FFmpeg's framesync). */
function byTimestamp(out, src) {
  const r = spawnSync('ffmpeg', [
    '-nostdin', '-hide_banner', '-i', out, '-i', src, '-lavfi',
    '[0:v][1:v]scale2ref=flags=bilinear[o][s];[o]format=yuv420p[a];[s]format=yuv420p[b];[a][b]ssim',
    '-f', 'null', '-',
  ], { encoding: 'utf8' });
  return allOf(r.stderr);
}

/** Runs `cmd args`, resolving with its stderr once it exits. */
function run(args) {
  return new Promise((resolve, reject) => {
    const p = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(err) : reject(new Error(`ffmpeg ${code}: ${err.slice(-500)}`))));
  });
}

/** SSIM pairing frame k of the output with frame k of the source: both are decoded to raw
 *  pictures in named pipes (nothing on disk, memory bounded) and read back at one rate. */
async function byIndex(out, src, { width, height }) {
  const dir = mkdtempSync(join(tmpdir(), 'ssim-'));
  try {
    const [a, b] = [join(dir, 'out.yuv'), join(dir, 'src.yuv')];
    spawnSync('mkfifo', [a, b]);
    const raw = ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${width}x${height}`, '-framerate', '25'];
    const decode = (file, to, vf) => run(['-nostdin', '-v', 'error', '-y', '-i', file, '-an', '-vf', vf,
      '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', to]);
    const [score] = await Promise.all([
      run(['-nostdin', '-hide_banner', ...raw, '-i', a, ...raw, '-i', b, '-lavfi', 'ssim', '-f', 'null', '-']),
      decode(out, a, `scale=${width}:${height}:flags=bilinear`),
      decode(src, b, 'null'),
    ]);
    return allOf(score);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SSIM of `out` as a viewer sees it against `src` (see the file's comment). */
export async function viewerSsim(out, src) {
  const o = videoFacts(out);
  const s = videoFacts(src);
  if (o.frames === s.frames && s.rotation === 0 && o.rotation === 0) return byIndex(out, src, s);
  return byTimestamp(out, src);
}
