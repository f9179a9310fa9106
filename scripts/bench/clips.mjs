// The fast-path benchmark's clips: real footage (Big Buck Bunny from fetch-samples.sh,
// 1280×720 25 fps with 5.1 sound), looped to lengths of a real upload and, for 1080p,
// scaled up once with Lanczos. Made once into .media/ with Debian's ffmpeg.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { media } from '../../tests/e2e/harness.mjs';

const BBB = join(media, 'bigbuckbunny.mp4'); // 5.312 s

/** `name` in .media/, made from `loops` copies of Big Buck Bunny, cut to `seconds`. */
function looped(name, seconds, height) {
  const out = join(media, name);
  if (existsSync(out)) return out;
  if (!existsSync(BBB)) throw new Error(`missing ${BBB}: run ../shared/media/fetch-samples.sh .media`);
  const loops = Math.ceil(seconds / 5.312) - 1;
  const scale = height === 720 ? [] : ['-vf', `scale=-2:${height}:flags=lanczos`];
  execFileSync('ffmpeg', [
    '-nostdin', '-loglevel', 'error', '-y', '-stream_loop', String(loops), '-i', BBB, '-t', String(seconds),
    ...scale, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '192k', '-movflags', '+faststart', out,
  ]);
  return out;
}

/** The default rows: [clip, target MB]; tight targets downscale, loose ones do not (all
 *  below the source's size, which would otherwise be copied as it is). */
export function defaultClips() {
  const c720 = looped('bench-bbb-720p-64s.mp4', 64, 720);
  const c1080 = looped('bench-bbb-1080p-64s.mp4', 64, 1080);
  const c8 = looped('bench-bbb-720p-8s.mp4', 8, 720);
  return [
    [c720, 5], // downscaled (about 360p)
    [c720, 15], // kept at 720p (the source is 22 MB)
    [c1080, 10], // downscaled
    [c1080, 30], // kept at 1080p (the source is 44 MB)
    [c8, 2], // the short clip, downscaled
    [c8, 2.5], // the short clip, kept at 720p (the source is 2.9 MB)
  ];
}

/** A sample video from Debian's `opencv-doc` package (OpenCV's example data: real footage
 *  no one on the project made), unpacked once into .media/opencv/. */
function opencvSample(file) {
  const dir = join(media, 'opencv');
  const out = join(dir, file);
  if (existsSync(out)) return out;
  mkdirSync(dir, { recursive: true });
  if (!readdirSync(dir).some((f) => f.endsWith('.deb'))) {
    execFileSync('apt-get', ['download', 'opencv-doc'], { cwd: dir, stdio: 'ignore' });
  }
  const deb = readdirSync(dir).find((f) => f.startsWith('opencv-doc') && f.endsWith('.deb'));
  if (!existsSync(join(dir, 'x'))) execFileSync('dpkg', ['-x', deb, 'x'], { cwd: dir });
  const find = (name) => execFileSync('find', [join(dir, 'x'), '-name', name], { encoding: 'utf8' }).trim().split('\n')[0];
  const gz = find(`${file}.gz`);
  if (gz) execFileSync('sh', ['-c', `gunzip -c "${gz}" > "${out}"`]);
  const found = gz ? out : find(file);
  if (!found) throw new Error(`${file} not found in opencv-doc`);
  if (found !== out) execFileSync('mv', [found, out]);
  return out;
}

/** `file` from opencv-doc looped to about `seconds` and made an H.264 MP4 at CRF 16 (as a
 *  phone or camera would hand it over; the browser cannot decode MPEG-4 part 2 or Cinepak). */
function realClip(file, seconds) {
  const out = join(media, `quality-${file.replace(/\.[^.]+$/, '')}-${seconds}s.mp4`);
  if (existsSync(out)) return out;
  const src = opencvSample(file);
  execFileSync('ffmpeg', [
    '-nostdin', '-loglevel', 'error', '-y', '-stream_loop', '-1', '-i', src, '-t', String(seconds),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', '-pix_fmt', 'yuv420p', '-an', '-movflags', '+faststart', out,
  ]);
  return out;
}

/** The quality benchmark's rows (see quality.mjs): real footage of different kinds, each
 *  long enough for the trial (about a minute), with a moderate and a tight target. */
export function qualityClips() {
  const bbb = looped('bench-bbb-720p-64s.mp4', 64, 720); // animation, 25 fps, 5.1 sound
  const street = realClip('vtest.avi', 79); // static camera, people walking, 10 fps, 768×576
  const film = realClip('Megamind.avi', 56); // film trailer, 23.98 fps, 720×528
  const handheld = realClip('box.mp4', 60); // handheld phone-like shot, 29.97 fps, 640×480
  const tree = realClip('tree.avi', 59); // a slow pan, 15 fps, 320×240
  return [
    [bbb, 5], [bbb, 2],
    [street, 3], [street, 1],
    [film, 4], [film, 1.5],
    [handheld, 3], [handheld, 1],
    [tree, 0.8],
  ];
}
