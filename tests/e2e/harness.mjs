// Shared e2e plumbing: serve dist/ with the plain static server, launch Debian's Chromium,
// make test media, and read outputs back with ffprobe.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const artifacts = join(here, 'artifacts');
export const media = join(root, '.media');
mkdirSync(artifacts, { recursive: true });
mkdirSync(media, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Whether a console message is the warning the page logs when a job's lifecycle refuses a
 *  move (core/src/lifecycle.rs): a late or doubled event, which should never happen. */
export function illegalMove(m) {
  return m.type() === 'warning' && m.text().includes('illegal job transition');
}

/** A console message a test must not see: an error, or an [illegalMove]. */
function countsAsError(m) {
  return m.type() === 'error' || illegalMove(m);
}

/** Serves the built site on a free port; resolves to { url, stop }. */
export function serveDist() {
  return serveDir(join(root, 'dist'));
}

/** Launches Chromium and opens the app; every request is recorded in `requests`.
 *  `serviceWorkers: 'block'` keeps the service worker out (so `beforeLoad`'s routes see
 *  every request); `beforeLoad(context)` runs before the first navigation. `bypassCSP`
 *  lets a test inject its own inline script (axe-core); only the accessibility tests
 *  set it, so every other test runs under the site's real policy. `locale` is the
 *  browser's language (`navigator.languages`; English unless a test asks), `viewport` its
 *  size (`isMobile` adds touch, as a phone has). `advanced` opens the **Advanced options**
 *  disclosure, as most tests set one of the options inside it (its state is remembered). */
export async function openApp(url, {
  colorScheme = 'light', serviceWorkers = 'allow', beforeLoad, bypassCSP = false, locale = 'en-US',
  viewport = { width: 1280, height: 900 }, isMobile = false, advanced = true,
} = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    acceptDownloads: true, colorScheme, serviceWorkers, bypassCSP, viewport, locale,
    ...(isMobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  if (beforeLoad) await beforeLoad(context);
  const page = await context.newPage();
  const requests = [];
  const consoleErrors = [];
  // The context sees the page's requests and also those of its workers and of the service
  // worker (its install-time precache), so the privacy audit covers every one of them.
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), from: r.serviceWorker() ? 'service worker' : 'page' }));
  page.on('console', (m) => { if (countsAsError(m)) consoleErrors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} for ${r.url()}`); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.getByRole('heading', { name: 'Tamp' }).waitFor();
  // Opened as the page's own state, not by a click: a click counts as the person using the
  // page, which (rightly) stops the service worker's one-time isolation reload.
  if (advanced) await page.locator('details.advanced').evaluate((d) => { d.open = true; });
  return { browser, context, page, requests, consoleErrors };
}

/** Opens the **Advanced options** disclosure if it is closed. */
export async function openAdvanced(page) {
  const details = page.locator('details.advanced');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/** Runs Debian's ffmpeg to make a test file once. */
export function makeMedia(name, args) {
  const out = join(media, name);
  if (!existsSync(out)) {
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', ...args, out]);
  }
  return out;
}

/** A file of pseudo-random bytes (fixed seed, so runs are repeatable). */
export function randomBytesFile(name, size, seed = 42) {
  const out = join(media, name);
  const bytes = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  writeFileSync(out, bytes);
  return out;
}

/** ffprobe's JSON for a file. */
export function ffprobe(file) {
  const json = execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
  return JSON.parse(String(json));
}

/** Display size of the first video stream, with rotation applied. */
export function displaySize(probe) {
  const v = probe.streams.find((s) => s.codec_type === 'video');
  const rot = Math.abs(Number(v.side_data_list?.find((d) => 'rotation' in d)?.rotation ?? v.tags?.rotate ?? 0)) % 180;
  return rot === 90 ? [v.height, v.width] : [v.width, v.height];
}

/** Decimal size text as the app shows it: "999 B", "1.5 KB", "12.3 MB". */
export function humanSize(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1000; let u = 0;
  while (v >= 999.95 && u < units.length - 1) { v /= 1000; u++; }
  return `${v.toFixed(1)} ${units[u]}`;
}

/** Adds files through the **Add files** input, as a person picking them would (`label`:
 *  the input's name in the page's language). */
export async function addFiles(page, files, label = 'Add files') {
  await page.getByLabel(label).setInputFiles(files);
}

/** The queue's list item whose text includes `name`. */
export function jobItem(page, name) {
  return page.getByRole('list', { name: 'Queue' }).getByRole('listitem').filter({ hasText: name });
}

/** Picks the **Encoder** setting by its option text. */
export async function setEncoder(page, label) {
  await page.getByLabel('Encoder').selectOption({ label });
}

/** The job's log, as its **Details** toggle shows it (opened if closed). */
export async function jobLog(item) {
  const details = item.locator('details.log').last();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  return details.locator('pre').innerText();
}

/** Start times and durations of the first video and audio streams, in seconds. */
export function streamTimes(probe) {
  const pick = (type) => probe.streams.find((s) => s.codec_type === type);
  const times = (s) => s && { start: Number(s.start_time), duration: Number(s.duration) };
  return { video: times(pick('video')), audio: times(pick('audio')) };
}

/** The app's name for an image output: the new extension, or "-converted" when that would
 *  not change the name. */
export function outputName(name, label) {
  const ext = { WebP: 'webp', JPEG: 'jpg', PNG: 'png', AVIF: 'avif' }[label];
  const stem = name.replace(/\.[^.]+$/, '');
  return `${stem}.${ext}` === name ? `${stem}-converted.${ext}` : `${stem}.${ext}`;
}

/** Clicks the job's download link and saves the file; returns its path. */
export async function download(page, item, outName) {
  const link = item.getByRole('link', { name: `Download ${outName}` });
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(artifacts, outName);
  await dl.saveAs(path);
  return path;
}

export { readFileSync };

/** Checks a zip with Python's zipfile (CRCs included), extracts it into `dir` (emptied
 *  first) and returns its entries as [name, compression method] pairs. */
export function unzip(zip, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return JSON.parse(String(execFileSync('python3', ['-c', `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "CRC mismatch"
z.extractall(sys.argv[2])
print(json.dumps([[i.filename, i.compress_type] for i in z.infolist()]))
`, zip, dir])));
}

/** Serves any directory (e.g. a copy of dist/ that a test redeploys) with the plain static server. */
export async function serveDir(dir) {
  const server = spawn('node', [join(root, 'scripts/static-server.mjs'), dir, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, fail) => {
    server.on('exit', (code) => fail(new Error(`static server exited ${code}`)));
    server.stdout.on('data', (d) => {
      const m = String(d).match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) ok(m[0]);
    });
  });
  return { url, stop: () => server.kill() };
}

/** Retries `fn` until it returns something truthy; survives the page navigating meanwhile. */
export async function until(fn, { timeout = 120_000, interval = 250, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) { last = err; }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** Waits until the service worker controls the page, the page is cross-origin isolated
 *  (after its one-time reload) and the offline-ready indicator shows. */
export async function waitForOfflineReady(page, { timeout = 180_000 } = {}) {
  await until(() => page.evaluate(() => self.crossOriginIsolated && !!navigator.serviceWorker.controller),
    { timeout, what: 'a cross-origin isolated page controlled by the service worker' });
  await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor({ timeout });
}

/** Like openApp, in a real (non-incognito) temporary profile: Chromium checks installability
 *  and installs web apps only there (a plain browser context is off-the-record). */
export async function openAppInProfile(url, { colorScheme = 'light' } = {}) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const profile = mkdtempSync(join(tmpdir(), 'tamp-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS,
    acceptDownloads: true, colorScheme, viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? await context.newPage();
  const requests = [];
  const consoleErrors = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  page.on('console', (m) => { if (countsAsError(m)) consoleErrors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} for ${r.url()}`); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.getByRole('heading', { name: 'Tamp' }).waitFor();
  const browser = { close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
  return { browser, context, page, requests, consoleErrors };
}

/** With the app's `hold_jobs=1` test hook (src/engine/test_hold.rs) every job stops once it
 *  is marked running, before anything is sent to its engine, until the test releases it:
 *  transient states (a running job's progress bar, a job waiting beside it, the batch's
 *  time left) then hold for as long as the test looks, whatever the machine's speed.
 *  Resolves once every job named is held. */
export async function waitHeld(page, names, { timeout = 120_000 } = {}) {
  await page.waitForFunction(
    (wanted) => typeof window.tampHeld === 'function' && wanted.every((n) => window.tampHeld().includes(n)),
    names, { timeout },
  );
}

/** Lets the held job called `name` go on (every held job without a name). */
export async function release(page, name) {
  await page.evaluate((n) => window.tampRelease(n ?? undefined), name ?? null);
}

/** From now on, releases every job as soon as it is held (the hook stays on for the page). */
export async function releaseFromNowOn(page) {
  await page.evaluate(() => { window.__tampAutoRelease ??= setInterval(() => window.tampRelease(), 20); });
}
