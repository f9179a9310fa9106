// Image benchmark: converts real photos (one with EXIF rotation), a screenshot with text, a
// PNG with alpha and 12 and 24 MP photos in the built app (release dist/, headless Chromium),
// and sets each output against the native tools run in the same run (scripts/bench/):
// - WebP, JPEG: our SSIM against cwebp's / cjpeg's (libjpeg-turbo) at our file's exact size,
//   interpolated from a quality sweep;
// - AVIF: the size our WebP (libwebp = cwebp's curve) needs for the same SSIM, and avifenc's
//   SSIM at our size;
// - PNG: our size against the pure-Rust PNG encoder (the path before OxiPNG; "Keep photo
//   metadata" still routes PNG there) and native OxiPNG (PyPI `pyoxipng`) at the same level;
// - time: the 12 MP photo to WebP, in the worker (from the job's log), against cwebp on the
//   same JPEG in the same minute, three times, interleaved.
// usage: node scripts/bench-images.mjs [--quick | --timing | --source TEXT]   (needs dist/ and `scripts/setup.sh bench`)
// Results: .media/bench-images/results.json and results.md (the table the README quotes).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, addFiles, jobItem, download, jobLog, media, outputName } from '../tests/e2e/harness.mjs';
import { sources } from './bench/images-corpus.mjs';
import { bytesAt, has, load, run, ssim, ssimAt, timed } from './bench/images-native.mjs';

const quick = process.argv.includes('--quick');
// Only the 12 MP timing (to rerun it when the machine is quiet).
const onlyTiming = process.argv.includes('--timing');
// `--source TEXT`: only the sources whose name has TEXT (e.g. "alpha"), to rerun a few rows.
const only = process.argv[process.argv.indexOf('--source') + 1] ?? '';
const dir = join(media, 'bench-images');
mkdirSync(dir, { recursive: true });
const r4 = (x) => Number(x.toFixed(4));
/** "12.3 % smaller" (or bigger) for `a` against `b`. */
const smaller = (a, b) => (a <= b ? `${(100 * (1 - a / b)).toFixed(1)} % smaller` : `${(100 * (a / b - 1)).toFixed(1)} % bigger`);

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
  const num = (re) => Number(log.match(re)?.[1] ?? NaN);
  return {
    out,
    bytes: statSync(out).size,
    secs: num(/Converted in ([0-9.]+) s/),
    prepare_secs: num(/Decoded and prepared in ([0-9.]+) s/),
    encode_secs: num(/Encoded at quality \d+ in ([0-9.]+) s/),
    encoder: log.match(/Encoder: ([a-z-]+)/)?.[1] ?? 'rust',
  };
}

/** Our conversion of `s` to `label`, measured against the native tools. */
async function measure(app, s, label) {
  const ours = await convert(app, s.file, label);
  const row = { source: s.name, format: label, encoder: ours.encoder, bytes: ours.bytes, secs: ours.secs };
  if (label === 'PNG') {
    const rust = await convert(app, s.file, label, { keepMetadata: true });
    row.rust_png_bytes = rust.bytes;
    row.vs_rust_png = smaller(ours.bytes, rust.bytes);
    try {
      const py = 'import oxipng,sys; sys.stdout.buffer.write(oxipng.optimize_from_memory(open(sys.argv[1],"rb").read(), level=2))';
      row.native_oxipng_bytes = run('python3', ['-c', py, rust.out]).length;
    } catch {
      row.native_oxipng_bytes = 'pyoxipng not installed';
    }
    return row;
  }
  row.ssim = r4(ssim(s.ref, ours.out));
  if (label === 'AVIF') {
    const webp = bytesAt('cwebp', s.ref, row.ssim);
    row.webp_bytes_at_ssim = Math.round(webp);
    row.vs_webp = smaller(ours.bytes, webp);
    if (has('avifenc')) row.avifenc_ssim_at_size = r4(ssimAt('avifenc', s.ref, ours.bytes));
  } else {
    const tool = label === 'WebP' ? 'cwebp' : 'cjpeg';
    row.native = tool;
    row.native_ssim_at_size = r4(ssimAt(tool, s.ref, ours.bytes));
  }
  if (row.native_ssim_at_size ?? row.avifenc_ssim_at_size) row.delta = r4(row.ssim - (row.native_ssim_at_size ?? row.avifenc_ssim_at_size));
  if (s.rust && label !== 'AVIF') {
    // Before the jSquash codecs: the pure-Rust encoders (still the "Keep photo metadata" path).
    const rust = await convert(app, s.file, label, { keepMetadata: true });
    Object.assign(row, { rust_bytes: rust.bytes, rust_ssim: r4(ssim(s.ref, rust.out)) });
  }
  return row;
}

/** The 12 MP photo to WebP in the worker and with native cwebp, `reps` times, interleaved. */
async function timing(app, s, reps = 3) {
  const ours = [];
  const native = [];
  const loads = [];
  for (let i = 0; i < reps; i++) {
    loads.push(load());
    ours.push(await convert(app, s.file, 'WebP'));
    native.push(timed('cwebp', ['-quiet', '-q', '75', s.file, '-o', join(dir, 'timing.webp')]));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const pick = (k) => median(ours.map((o) => o[k]));
  return {
    source: s.name, encoder: ours[0].encoder, reps, load_1min: loads,
    worker_secs: pick('secs'), prepare_secs: pick('prepare_secs'), encode_secs: pick('encode_secs'),
    cwebp_secs: r4(median(native)), ratio_vs_cwebp: r4(pick('secs') / median(native)),
  };
}

function markdown(rows, times) {
  const lines = ['| source | format | encoder | bytes | SSIM | native at equal bytes | Δ SSIM | other |', '|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const native = r.native ? `${r.native} ${r.native_ssim_at_size}` : r.avifenc_ssim_at_size ? `avifenc ${r.avifenc_ssim_at_size}` : '';
    const other = r.format === 'PNG'
      ? `pure-Rust PNG ${r.rust_png_bytes} B (${r.vs_rust_png}); native oxipng ${r.native_oxipng_bytes} B`
      : [r.format === 'AVIF' ? `WebP at equal SSIM ${r.webp_bytes_at_ssim} B (${r.vs_webp})` : '',
        r.rust_bytes ? `pure-Rust ${r.rust_bytes} B at ${r.rust_ssim}` : ''].filter(Boolean).join('; ');
    lines.push(`| ${r.source} | ${r.format} | ${r.encoder} | ${r.bytes} | ${r.ssim ?? 'lossless'} | ${native} | ${r.delta ?? ''} | ${other} |`);
  }
  for (const t of times) {
    lines.push('', `${t.source} → WebP (${t.encoder}), median of ${t.reps}, 1-min load ${t.load_1min.join(', ')}: ` +
      `${t.worker_secs} s in the worker (decode and prepare ${t.prepare_secs} s, encode ${t.encode_secs} s); ` +
      `native cwebp on the same JPEG ${t.cwebp_secs} s (ratio ${t.ratio_vs_cwebp}).`);
  }
  return lines.join('\n');
}

const server = await serveDist();
const app = await openApp(server.url);
const rows = [];
const times = [];
try {
  for (const s of await sources(dir, app.page, quick && !onlyTiming)) {
    if (!s.name.includes(process.argv.includes('--source') ? only : '')) continue;
    if (s.timing) times.push(await timing(app, s));
    if (onlyTiming) continue;
    for (const label of s.formats) {
      const row = await measure(app, s, label);
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
} finally {
  await app.browser.close();
  server.stop();
}
const name = onlyTiming ? 'timing' : process.argv.includes('--source') ? 'some' : 'results';
writeFileSync(join(dir, `${name}.json`), JSON.stringify({ rows, times }, null, 2));
const md = markdown(rows, times);
writeFileSync(join(dir, `${name}.md`), `${md}\n`);
console.log(md);
