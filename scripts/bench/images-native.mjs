// The native side of the image benchmark (scripts/bench-images.mjs): SSIM as a person sees
// the picture, and each native encoder's (size, SSIM) curve from a quality sweep, so our
// file's SSIM can be set against the native tool's at exactly our file's size.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, ...opts });
export const ff = (...args) => run('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', ...args]);

/** SSIM (all RGB planes) of `file` against `ref` (ffmpeg's `ssim` filter), both composited
 *  over black first: what is under a fully transparent pixel is not seen, and encoders drop
 *  it (cwebp and the browser alike), so comparing it would score a picture nobody sees. */
export function ssim(ref, file) {
  // Debian's ffmpeg 5.1 reads an AVIF's colour but not its alpha: avifdec decodes it whole.
  if (readFileSync(file).subarray(4, 12).toString('latin1') === 'ftypavif') {
    run('avifdec', ['-j', '1', file, `${file}.png`]);
    file = `${file}.png`;
  }
  const flat = (i) => `[${i}]format=gbrap,premultiply=inplace=1,format=gbrp[p${i}]`;
  const graph = `${flat(0)};${flat(1)};[p0][p1]ssim`;
  const r = run('sh', ['-c', `ffmpeg -nostdin -i "$0" -i "$1" -lavfi '${graph}' -f null - 2>&1 | grep -o 'All:[0-9.]*'`, ref, file]);
  return Number(String(r).split(':')[1]);
}

/** The native encoders, each writing `ref` (a PNG) at `q` on its own scale into `out`. */
const tools = {
  // libwebp 1.2.4, its defaults (method 4), as the browser's canvas encoder uses them.
  cwebp: { qs: range(20, 95, 5), enc: (png, q, out) => run('cwebp', ['-quiet', '-q', String(q), png, '-o', out]) },
  // libjpeg-turbo, with Huffman optimisation (MozJPEG always optimises).
  cjpeg: { qs: range(20, 95, 5), enc: (png, q, out) => writeFileSync(out, run('cjpeg', ['-quality', String(q), '-optimize', ppm(png)])) },
  // libavif 0.11 with libaom, at our speed (8); quantizer 0 (lossless) ..63, alpha at the
  // colour's (as jSquash's default), from the source as it is.
  avifenc: {
    qs: range(8, 48, 4),
    enc: (png, q, out) => run('avifenc', ['-j', '1', '-s', '8', '--min', String(q), '--max', String(q), '--minalpha', String(q), '--maxalpha', String(q), png, out]),
  },
};

function range(from, to, step) {
  const out = [];
  for (let q = from; q <= to; q += step) out.push(q);
  return out;
}

function ppm(png) {
  const out = `${png}.ppm`;
  if (!existsSync(out)) ff('-i', png, '-pix_fmt', 'rgb24', out);
  return out;
}

/** Whether the native tool is installed. */
export function has(tool) {
  try {
    run('sh', ['-c', `command -v ${tool}`]);
    return true;
  } catch {
    return false;
  }
}

/** The tool's (size, SSIM) points over its quality sweep of `ref`, sorted by size. */
const curves = new Map();
export function curve(tool, ref) {
  const key = `${tool} ${ref}`;
  if (curves.has(key)) return curves.get(key);
  const pts = [];
  for (const q of tools[tool].qs) {
    const f = `${ref}.${tool}.q${q}`;
    // The encode and its SSIM are kept beside the reference: a rerun only measures ours.
    if (!existsSync(f)) tools[tool].enc(ref, q, f);
    if (!existsSync(`${f}.ssim`)) writeFileSync(`${f}.ssim`, String(ssim(ref, f)));
    pts.push([statSync(f).size, Number(readFileSync(`${f}.ssim`, 'utf8'))]);
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
export const ssimAt = (tool, ref, bytes) => along(curve(tool, ref), bytes, 0, 1);
/** The tool's size at SSIM `v` (SSIM rises with size along the sweep). */
export const bytesAt = (tool, ref, v) => along(curve(tool, ref), v, 1, 0);

/** Seconds one native command takes, wall clock. */
export function timed(cmd, args) {
  const t = process.hrtime.bigint();
  run(cmd, args);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/** The 1-minute load average, for the report: timings are only comparable in the same run. */
export const load = () => Number(run('cat', ['/proc/loadavg']).toString().split(' ')[0]);
