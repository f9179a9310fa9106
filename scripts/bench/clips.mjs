// The fast-path benchmark's clips: real footage (Big Buck Bunny from fetch-samples.sh,
// 1280×720 25 fps with 5.1 sound), looped to lengths of a real upload and, for 1080p,
// scaled up once with Lanczos. Made once into .media/ with Debian's ffmpeg.
import { existsSync } from 'node:fs';
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
