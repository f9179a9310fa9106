// The image benchmark's pictures (scripts/bench-images.mjs): real camera photos from Debian's
// KDE wallpapers (`plasma-workspace-wallpapers`, LGPL-3; fetched once with `apt-get
// download`), one with EXIF rotation, a screenshot with text, a PNG with alpha, and 12 and
// 24 MP camera-style JPEGs tiled from nine photos (their own pixels, nothing upscaled).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ff, run } from './images-native.mjs';

function wallpapers(dir) {
  const root = join(dir, 'kde');
  if (!existsSync(join(root, 'usr/share/wallpapers'))) {
    mkdirSync(root, { recursive: true });
    run('apt-get', ['download', 'plasma-workspace-wallpapers'], { cwd: dir });
    const deb = run('sh', ['-c', 'ls plasma-workspace-wallpapers_*.deb'], { cwd: dir }).toString().trim();
    run('dpkg', ['-x', deb, root], { cwd: dir });
  }
  return (name) => join(root, 'usr/share/wallpapers', name, 'contents/images/2560x1600.jpg');
}

/** A JPEG with an EXIF APP1 segment saying "rotate 90° clockwise to display" (orientation 6). */
function withOrientation6(jpeg) {
  const tiff = Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** A camera-style JPEG (libjpeg-turbo at 92) of `png`, and its decoded pixels as the reference. */
function cameraJpeg(png, jpg, ref) {
  if (!existsSync(jpg)) {
    ff('-i', png, '-pix_fmt', 'rgb24', `${png}.ppm`);
    writeFileSync(jpg, run('cjpeg', ['-quality', '92', `${png}.ppm`]));
  }
  if (!existsSync(ref)) ff('-i', jpg, ref);
}

/** The sources: { name, file, ref (upright pixels as PNG), formats, timing }. `quick` leaves
 *  out the 12 and 24 MP pictures. */
export async function sources(dir, page, quick) {
  const kde = wallpapers(dir);
  const out = [];
  const add = (name, file, ref, formats, extra = {}) => out.push({ name, file, ref, formats, ...extra });
  const at = (f) => join(dir, f);

  if (!existsSync(at('photo.ref.png'))) ff('-i', kde('Kite'), at('photo.ref.png'));
  add('photo 2560×1600 (camera JPEG)', kde('Kite'), at('photo.ref.png'), ['WebP', 'JPEG', 'AVIF'], { rust: true });
  // Autumn has no EXIF of its own to compete with the inserted one.
  writeFileSync(at('rotated.jpg'), withOrientation6(readFileSync(kde('Autumn'))));
  if (!existsSync(at('rotated.ref.png'))) ff('-i', kde('Autumn'), '-vf', 'transpose=1', at('rotated.ref.png'));
  add('photo with EXIF rotation 6 (1600×2560 upright)', at('rotated.jpg'), at('rotated.ref.png'), ['WebP', 'JPEG', 'AVIF']);
  if (!existsSync(at('screenshot.png'))) await page.screenshot({ path: at('screenshot.png') });
  add('screenshot with text 1280×900', at('screenshot.png'), at('screenshot.png'), ['WebP', 'JPEG', 'PNG', 'AVIF']);
  if (!existsSync(at('alpha.png'))) {
    const disc = "a='clip(255*(380-hypot(X-640,Y-400))/40,0,255)'";
    ff('-i', kde('Path'), '-vf', `scale=1280:800,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':${disc}`, at('alpha.png'));
  }
  add('PNG with alpha 1280×800', at('alpha.png'), at('alpha.png'), ['WebP', 'PNG', 'AVIF']);
  if (quick) return out;

  const tiles = ['Kite', 'Path', 'OneStandsOut', 'DarkestHour', 'FallenLeaf', 'BytheWater', 'ColdRipple', 'ColorfulCups', 'EveningGlow'];
  if (!existsSync(at('photo24.png'))) {
    const crops = tiles.map((_, i) => `[${i}]crop=2000:1334:280:132[c${i}]`).join(';');
    const rows = 'hstack=3[r0];[c3][c4][c5]hstack=3[r1];[c6][c7][c8]hstack=3[r2];[r0][r1][r2]vstack=3';
    ff(...tiles.flatMap((n) => ['-i', kde(n)]), '-filter_complex', `${crops};[c0][c1][c2]${rows}`, at('photo24.png'));
  }
  if (!existsSync(at('photo12.png'))) ff('-i', at('photo24.png'), '-vf', 'crop=4240:2832:0:0', at('photo12.png'));
  cameraJpeg(at('photo12.png'), at('photo12.jpg'), at('photo12.ref.png'));
  cameraJpeg(at('photo24.png'), at('photo24.jpg'), at('photo24.ref.png'));
  add('12 MP photo 4240×2832 (JPEG, four photos tiled)', at('photo12.jpg'), at('photo12.ref.png'), ['WebP'], { timing: true });
  add('24 MP photo 6000×4002 (JPEG, nine photos tiled)', at('photo24.jpg'), at('photo24.ref.png'), ['WebP', 'JPEG', 'AVIF']);
  return out;
}
