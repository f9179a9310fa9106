// Offline support and installability (issue 5): the service worker precaches the build and
// makes the page cross-origin isolated on a plain static server (no COOP/COEP headers), the
// site is installable, updates wait for the user, and files arrive by "Open with…" and share.
// Each test has its own browser: service worker state lives in the browser profile.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, renameSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, serveDir, openApp, openAppInProfile, makeMedia, addFiles, jobItem, until, waitForOfflineReady, root, artifacts, waitHeld, release, setEncoder } from './harness.mjs';

const ENCODE_TIMEOUT = 8 * 60_000;
const cleanups = [];
after(async () => { for (const c of cleanups.reverse()) await c(); });

async function start(serve = serveDist, open = openApp, query = '') {
  const server = await serve();
  const app = await open(server.url + query);
  cleanups.push(async () => { await app.browser.close(); server.stop(); });
  const failed = [];
  app.context.on('requestfailed', (r) => failed.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  return { server, ...app, failed };
}

function smallClip() {
  return makeMedia('e2e-small.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=3', '-f', 'lavfi', '-i', 'sine=duration=3',
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '3M', '-c:a', 'aac', '-pix_fmt', 'yuv420p',
  ]);
}

async function convert(page, file, name, targetMb, outName) {
  await page.getByLabel('Target size (MB)').fill(String(targetMb));
  await addFiles(page, [file]);
  const item = jobItem(page, name);
  await item.getByText('video', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  return { item, done: item.getByRole('link', { name: `Download ${outName}` }) };
}

test('offline after the first visit: reload without network, convert on the multi-threaded core', { timeout: ENCODE_TIMEOUT }, async () => {
  const app = await start();
  const { page, context } = app;
  await waitForOfflineReady(page);
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Tamp' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);

  // x264, so the job needs the 32 MB multi-threaded core: it loads from the cache.
  await setEncoder(page, 'Best quality (x264)');
  const { item, done } = await convert(page, smallClip(), 'e2e-small.mp4', 0.5, 'e2e-small-0.5MB.mp4');
  await done.waitFor({ timeout: ENCODE_TIMEOUT });
  await item.getByText('Details').first().click();
  assert.match(await item.innerText(), /Engine: FFmpeg \(multi-threaded core\), loaded in \d+ ms\./);
  await page.screenshot({ path: join(artifacts, 'offline-converted.png'), fullPage: true });
  assert.deepEqual(app.failed, []);
  assert.deepEqual(app.consoleErrors, []);
});

test('installable: no installability errors, manifest icons load', { timeout: 300_000 }, async () => {
  const { page, context } = await start(serveDist, openAppInProfile);
  await waitForOfflineReady(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, [], JSON.stringify(manifest.errors));
  const icons = JSON.parse(manifest.data).icons;
  assert.ok(icons.some((i) => i.sizes === '192x192') && icons.some((i) => i.sizes === '512x512'));
  assert.ok(icons.some((i) => i.purpose === 'maskable'));
  for (const icon of icons.filter((i) => i.type === 'image/png')) {
    const r = await page.evaluate(async (src) => {
      const res = await fetch(src);
      return { status: res.status, type: res.headers.get('content-type') };
    }, icon.src);
    assert.deepEqual(r, { status: 200, type: 'image/png' }, icon.src);
  }
});

test('a new version waits for Reload, and a running job completes', { timeout: ENCODE_TIMEOUT }, async () => {
  // A deploy of our own: a copy of dist/ that the test redeploys while the page is open.
  const site = mkdtempSync(join(tmpdir(), 'tamp-site-'));
  cleanups.push(() => rmSync(site, { recursive: true, force: true }));
  cpSync(join(root, 'dist'), site, { recursive: true });
  // The job is held running (the `hold_jobs` test hook) until the update is ready, so the
  // banner always appears during a conversion, whatever the machine's speed.
  const app = await start(() => serveDir(site), openApp, '?hold_jobs=1');
  const { page } = app;
  await waitForOfflineReady(page);
  const oldScript = readFileSync(join(site, 'sw.js'), 'utf8');

  const clip = makeMedia('e2e-720p-12s.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=12', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=12',
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '6M', '-c:a', 'aac', '-b:a', '128k', '-pix_fmt', 'yuv420p',
  ]);
  const { item, done } = await convert(page, clip, 'e2e-720p-12s.mp4', 2, 'e2e-720p-12s-2MB.mp4');
  await waitHeld(page, ['e2e-720p-12s.mp4']);
  await item.getByRole('progressbar').waitFor();

  // The second build: a changed page, and the precache list regenerated by the real hook.
  const index = join(site, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', '<!-- second build --></body>'));
  execFileSync('bash', [join(root, 'scripts/post-build.sh')], { env: { ...process.env, TRUNK_STAGING_DIR: site } });
  assert.notEqual(readFileSync(join(site, 'sw.js'), 'utf8'), oldScript);
  // Unchanged files come from the old version's cache, not the network: with the 32 MB mt
  // core missing from the server, the update still installs.
  const core = join(site, 'ffmpeg/mt/ffmpeg-core.wasm');
  renameSync(core, `${core}.away`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  const banner = page.getByRole('region', { name: 'Update' });
  await banner.getByText('A new version is ready').waitFor({ timeout: 120_000 });
  renameSync(`${core}.away`, core);
  const reload = banner.getByRole('button', { name: 'Reload' });
  assert.equal(await item.getByRole('progressbar').isVisible(), true, 'the job is still running');
  assert.equal(await reload.isDisabled(), true, 'Reload must wait for the running job');
  assert.match(await banner.innerText(), /running conversion/);
  await release(page);
  await done.waitFor({ timeout: ENCODE_TIMEOUT });
  // Still the old version: nothing took over during the job.
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML.includes('second build')), false);
  await page.screenshot({ path: join(artifacts, 'update-ready.png'), fullPage: true });
  await assert.doesNotReject(until(() => reload.isEnabled(), { timeout: 10_000, what: 'Reload enabled' }));
  await reload.click();
  await until(() => page.evaluate(() => document.documentElement.outerHTML.includes('second build')),
    { timeout: 60_000, what: 'the new version after Reload' });
  await waitForOfflineReady(page);
  // The old version's cache is gone; the new one holds the new page.
  const cached = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('tamp-precache-')));
  const version = readFileSync(join(site, 'sw.js'), 'utf8').match(/"version": "([0-9a-f]+)"/)[1];
  assert.deepEqual(cached, [`tamp-precache-${version}`]);
  assert.deepEqual(app.failed, []);
});

test('"Open with…" (launchQueue) and the share target both add files to Queue', { timeout: 300_000 }, async () => {
  const { page, context, server } = await start(serveDist, openAppInProfile);
  await waitForOfflineReady(page);
  const clip = smallClip();

  // Share target: a real multipart POST to ./share-target, handled by the service worker,
  // then the redirect's page, which takes the files from the service worker.
  const bytes = readFileSync(clip).toString('base64');
  const res = await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const form = new FormData();
    form.append('files', new File([data], 'shared-clip.mp4', { type: 'video/mp4' }));
    const r = await fetch('./share-target', { method: 'POST', body: form });
    return { status: r.status, url: r.url, redirected: r.redirected };
  }, bytes);
  assert.equal(res.status, 200);
  assert.equal(res.redirected, true);
  assert.equal(new URL(res.url).search, '?shared=1');
  await page.goto(res.url);
  await jobItem(page, 'shared-clip.mp4').getByText('video', { exact: true }).waitFor({ timeout: 30_000 });
  assert.equal(new URL(page.url()).search, '', 'the ?shared=1 is dropped once taken');
  // The files were handed over, not kept.
  assert.equal(await page.evaluate(async () => (await caches.keys()).includes('tamp-share-inbox')), false);

  // "Open with…": install the app and launch it with a file through Chromium's own PWA
  // machinery (CDP PWA domain), which delivers the file to window.launchQueue.
  const cdp = await context.newCDPSession(page);
  const manifestId = new URL('./', server.url).href;
  await cdp.send('PWA.install', { manifestId });
  const pagePromise = context.waitForEvent('page', { timeout: 60_000 });
  await cdp.send('PWA.launchFilesInApp', { manifestId, files: [clip] });
  const launched = await pagePromise;
  await launched.getByRole('heading', { name: 'Tamp' }).waitFor();
  await jobItem(launched, 'e2e-small.mp4').getByText('video', { exact: true }).waitFor({ timeout: 30_000 });
});
