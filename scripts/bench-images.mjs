// Image benchmark: converts real photos, a screenshot with text, a PNG with alpha and a
// 24-megapixel photo in the built app (release dist/, headless Chromium), and compares each
// output at equal byte size with the native tools run in the same run: SSIM (RGB, ffmpeg's
// `ssim` filter, against the upright source) of our file against the native tool's SSIM
// interpolated at our file's size from a quality sweep (cwebp, cjpeg = libjpeg-turbo).
// PNG is compared by size with the pure-Rust encoder ("Keep photo metadata" routes every
// format there) and with native oxipng (PyPI `pyoxipng`) at the same level.
// usage: node scripts/bench-images.mjs [--quick]   (needs dist/, cwebp, cjpeg, ffmpeg)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, addFiles, jobItem, download, jobLog, media, outputName } from '../tests/e2e/harness.mjs';

const dir = join(media, 'bench-images');
mkdirSync(dir, { recursive: true });
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const ff = (...args) => run('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', ...args]);

// Real camera photos from Debian's KDE wallpapers (Olympus E-M1, Canon EOS 70D; LGPL-3).
// The rotated one is Autumn, which has no EXIF of its own to compete with the inserted one.
function wallpapers() {
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

/** The sources: [name, file, reference PNG (upright pixels), formats to write]. */
async function sources(app) {
  const kde = wallpapers();
  const out = [];
  const add = (name, file, ref, formats) => out.push({ name, file, ref, formats });
  const photo = join(dir, 'photo.jpg');
  copyFileSync(kde('Kite'), photo);
  ff('-i', photo, join(dir, 'photo.ref.png'));
  add('photo 2560×1600 (camera JPEG)', photo, join(dir, 'photo.ref.png'), ['WebP', 'JPEG', 'AVIF']);
  const rotated = join(dir, 'rotated.jpg');
  writeFileSync(rotated, withOrientation6(readFileSync(kde('Autumn'))));
  ff('-i', kde('Autumn'), '-vf', 'transpose=1', join(dir, 'rotated.ref.png'));
  add('photo with EXIF rotation 6', rotated, join(dir, 'rotated.ref.png'), ['WebP', 'JPEG']);
  const shot = join(dir, 'screenshot.png');
  if (!existsSync(shot)) await app.page.screenshot({ path: shot });
  add('screenshot with text 1280×900', shot, shot, ['WebP', 'JPEG', 'PNG']);
  const alpha = join(dir, 'alpha.png');
  if (!existsSync(alpha)) {
    ff('-i', kde('Path'), '-vf', "scale=1280:800,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='clip(255*(380-hypot(X-640,Y-400))/40,0,255)'", alpha);
  }
  add('PNG with alpha 1280×800', alpha, alpha, ['WebP', 'PNG', 'AVIF']);
  if (!process.argv.includes('--quick')) {
    const p24 = join(dir, 'photo24.png');
    if (!existsSync(p24)) {
      const names = ['Kite', 'Path', 'OneStandsOut', 'DarkestHour', 'FallenLeaf', 'BytheWater'];
      const crops = names.map((_, i) => `[${i}]crop=2000:2000:280:0[c${i}]`).join(';');
      ff(...names.flatMap((n) => ['-i', kde(n)]), '-filter_complex',
        `${crops};[c0][c1][c2]hstack=3[t];[c3][c4][c5]hstack=3[u];[t][u]vstack`, p24);
    }
    add('24 MP photo 6000×4000 (six camera photos)', p24, p24, ['WebP', 'JPEG']);
    const p12 = join(dir, 'photo12.png');
    if (!existsSync(p12)) ff('-i', p24, '-vf', 'crop=4240:2832:0:0', p12);
    add('12 MP photo 4240×2832 (crop of the 24 MP one)', p12, p12, ['WebP']);
  }
  return out;
}

/** SSIM (all RGB planes) of `file` against `ref`; ffmpeg prints it on stderr. */
function ssim(ref, file) {
  const r = run('sh', ['-c', `ffmpeg -nostdin -i "$0" -i "$1" -lavfi '[0]format=gbrp[a];[1]format=gbrp[b];[a][b]ssim' -f null - 2>&1 | grep -o 'All:[0-9.]*'`, ref, file]);
  return Number(String(r).split(':')[1]);
}

/** The native tool's (size, SSIM) points over qualities 20..95 from the reference. */
const curves = new Map();
function curve(tool, ref) {
  const key = `${tool} ${ref}`;
  if (curves.has(key)) return curves.get(key);
  const ppm = `${ref}.ppm`;
  if (!existsSync(ppm)) ff('-i', ref, '-pix_fmt', 'rgb24', ppm);
  const pts = [];
  for (let q = 20; q <= 95; q += 5) {
    const f = `${ref}.${tool}.q${q}`;
    if (tool === 'cwebp') run('cwebp', ['-quiet', '-q', String(q), ppm, '-o', f]);
    else writeFileSync(f, run('cjpeg', ['-quality', String(q), '-optimize', ppm], { maxBuffer: 1 << 30 }));
    pts.push([statSync(f).size, ssim(ref, f)]);
  }
  pts.sort((a, b) => a[0] - b[0]);
  curves.set(key, pts);
  return pts;
}

/** Interpolates between neighbouring points, linear in log(size); NaN outside the sweep. */
function along(pts, x, from, to) {
  const i = pts.findIndex((p) => p[from] >= x);
  if (i <= 0) return NaN;
  const [a, b] = [pts[i - 1], pts[i]];
  const lin = (p) => (from === 0 ? Math.log(p[0]) : p[1]);
  const t = ((from === 0 ? Math.log(x) : x) - lin(a)) / (lin(b) - lin(a));
  return to === 0 ? Math.exp(Math.log(a[0]) + t * (Math.log(b[0]) - Math.log(a[0]))) : a[1] + t * (b[1] - a[1]);
}
/** The tool's SSIM at `bytes`. */
const ssimAt = (tool, ref, bytes) => along(curve(tool, ref), bytes, 0, 1);
/** The tool's size at SSIM `v` (SSIM rises with size along the sweep). */
const bytesAt = (tool, ref, v) => along(curve(tool, ref), v, 1, 0);

async function convert(app, src, label, { keepMetadata = false } = {}) {
  const { page } = app;
  const box = page.getByLabel('Keep photo metadata (camera, location)');
  if ((await box.isChecked()) !== keepMetadata) await box.click();
  await addFiles(page, [src]);
  const base = src.split('/').pop();
  const item = jobItem(page, base);
  await item.getByText('image', { exact: true }).waitFor();
  await page.getByLabel('Output format').selectOption({ label });
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const outName = outputName(base, label);
  await item.getByRole('link', { name: `Download ${outName}` }).waitFor({ timeout: 10 * 60_000 });
  const out = await download(page, item, outName);
  const log = await jobLog(item);
  await item.getByRole('button', { name: 'Remove' }).click();
  const secs = Number(log.match(/Converted in ([0-9.]+) s/)?.[1] ?? NaN);
  const encoder = log.match(/Encoder: ([a-z-]+)/)?.[1] ?? 'rust';
  return { out, bytes: statSync(out).size, secs, encoder };
}

const server = await serveDist();
const app = await openApp(server.url);
const rows = [];
try {
  for (const s of await sources(app)) {
    for (const label of s.formats) {
      const ours = await convert(app, s.file, label);
      const row = { source: s.name, format: label, encoder: ours.encoder, bytes: ours.bytes, secs: ours.secs };
      if (label === 'PNG') {
        const rust = await convert(app, s.file, label, { keepMetadata: true });
        row.rust_png_bytes = rust.bytes;
        row.vs_rust = `${(100 * (1 - ours.bytes / rust.bytes)).toFixed(1)} % smaller`;
        try {
          const native = run('python3', ['-c', 'import oxipng,sys; sys.stdout.buffer.write(oxipng.optimize_from_memory(open(sys.argv[1],"rb").read(), level=2))', rust.out], { maxBuffer: 1 << 30 });
          row.native_oxipng_bytes = native.length;
        } catch { row.native_oxipng_bytes = 'pyoxipng not installed'; }
      } else if (label === 'AVIF') {
        // Against WebP at the same SSIM (our WebP is libwebp's, so cwebp's curve).
        row.ssim = Number(ssim(s.ref, ours.out).toFixed(4));
        const webp = bytesAt('cwebp', s.ref, row.ssim);
        row.webp_bytes_at_ssim = Math.round(webp);
        row.vs_webp = `${(100 * (1 - ours.bytes / webp)).toFixed(1)} % smaller`;
      } else {
        const tool = label === 'WebP' ? 'cwebp' : 'cjpeg';
        row.ssim = Number(ssim(s.ref, ours.out).toFixed(4));
        row[`${tool}_ssim_at_size`] = Number(ssimAt(tool, s.ref, ours.bytes).toFixed(4));
        row.delta = Number((row.ssim - row[`${tool}_ssim_at_size`]).toFixed(4));
        const rust = await convert(app, s.file, label, { keepMetadata: true });
        row.rust_encoder_bytes = rust.bytes;
        row.rust_encoder_ssim = Number(ssim(s.ref, rust.out).toFixed(4));
      }
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
} finally {
  await app.browser.close();
  server.stop();
}
writeFileSync(join(dir, 'results.json'), JSON.stringify(rows, null, 2));
console.log(`bench-images: ${rows.length} rows, written to ${join(dir, 'results.json')}`);
