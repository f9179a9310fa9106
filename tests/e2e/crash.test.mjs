// Forced crashes (issue 7): the queue survives an FFmpeg engine worker that dies in the
// middle of a job, one that dies while idle between jobs, and one that goes silent. Each
// time the job says so in plain words (role=alert), the next job converts on a fresh worker,
// and the page stays usable.
//
// How a crash is forced: a job runs synchronously inside the worker (FFmpeg's exec), so
// nothing sent to the worker from outside runs until it ends. The test therefore arms the
// worker while it is idle between jobs (Playwright's worker.evaluate), hooking the
// `postMessage` the engine calls for each progress event; on the third, it
// - calls `reportError(new Error(…))`: the HTML "report an exception" steps that an uncaught
//   exception, a wasm trap or a failed allocation outside FFmpeg's own error handling go
//   through, which fire `error` at the page's Worker object (src/engine/worker_bridge.rs);
// - or drops every later message and calls `self.close()`: the worker ends without a word.
// Service workers are blocked so the page never reloads (no isolation): the single-threaded
// core runs, whose silence limit is the one that fails the job (src/engine/runner.rs). The
// page's `silence_limit_s=20` hook (src/engine/url_hooks.rs) sets that limit to 20 s instead
// of 120 s: the same rule, and still far above any gap between a healthy job's messages
// (the multi-threaded core's stall limit is 20 s too), so the silent worker's test takes
// about half a minute, not two and a half.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serveDist, makeMedia, addFiles, jobItem, CHROMIUM_ARGS, illegalMove } from './harness.mjs';

const TIMEOUT = 10 * 60_000;
const SILENCE_S = 20;
let server; let browser; let page;
const pageErrors = [];

before(async () => {
  server = await serveDist();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (illegalMove(m)) pageErrors.push(m.text()); });
  await page.goto(`${server.url}?silence_limit_s=${SILENCE_S}`);
  await page.getByRole('heading', { name: 'Tamp' }).waitFor();
  await page.getByLabel('Target size (MB)').fill('1');
});
after(async () => { await browser?.close(); server?.stop(); });

const clip = (name, seconds) => makeMedia(name, [
  '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=25:duration=${seconds}`, '-f', 'lavfi', '-i', `sine=duration=${seconds}`,
  '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '3M', '-c:a', 'aac', '-pix_fmt', 'yuv420p',
]);

/** Adds files, presses Convert, and returns their list items. */
async function convert(files) {
  await addFiles(page, files);
  const names = files.map((f) => f.split('/').pop());
  for (const name of names) await jobItem(page, name).getByText('video', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  return names.map((name) => jobItem(page, name));
}

/** Waits for the job's download link; fails at once, with its words, if the job fails. */
async function done(item, out) {
  const link = item.getByRole('link', { name: `Download ${out}` });
  const alert = item.getByRole('alert');
  await link.or(alert).first().waitFor({ timeout: TIMEOUT });
  if (await alert.count()) assert.fail(`${out}: the job failed: ${await alert.innerText()}`);
}

/** The FFmpeg engine worker, idle after a job (there is one at a time). */
async function idleEngineWorker() {
  const workers = page.workers().filter((w) => w.url().includes('ffmpeg-worker.js'));
  assert.equal(workers.length, 1, `one engine worker, got ${workers.map((w) => w.url())}`);
  return workers[0];
}

/** Arms the idle worker: on the first progress event of its next job, `how` happens. (The
 *  first, not a later one: progress events are throttled by time, so how many a job sends
 *  depends on the machine's speed; the first comes mid-job on any machine.) */
async function armWorker(how) {
  const worker = await idleEngineWorker();
  await worker.evaluate((how) => {
    const post = self.postMessage.bind(self);
    let progress = 0;
    self.postMessage = (message, ...rest) => {
      post(message, ...rest);
      if (message?.body?.type !== 'progress' || ++progress !== 1) return;
      if (how === 'crash') {
        reportError(new Error('forced crash'));
      } else {
        self.postMessage = () => {};
        self.close();
      }
    };
  }, how);
}

async function assertUsable() {
  assert.equal(await page.getByRole('button', { name: 'Convert', exact: true }).isEnabled(), true);
  assert.equal(await page.getByLabel('Add files').isEnabled(), true);
  assert.deepEqual(pageErrors, []);
}

test('a worker that crashes mid-job: that job fails in plain words, the next one converts', { timeout: TIMEOUT }, async () => {
  const [warm] = await convert([clip('e2e-crash-warm.mp4', 2)]);
  await done(warm, 'e2e-crash-warm-1MB.mp4');
  await armWorker('crash');

  const [victim, next] = await convert([clip('e2e-crash-victim.mp4', 10), clip('e2e-crash-next.mp4', 2)]);
  const alert = victim.getByRole('alert');
  await alert.waitFor({ timeout: TIMEOUT });
  assert.match(await alert.innerText(), /The converter crashed \(.*forced crash\)\. It will be restarted for the next file\./);
  assert.equal(await victim.getByRole('progressbar').count(), 0, 'the crashed job is not left running');
  await done(next, 'e2e-crash-next-1MB.mp4');
  await assertUsable();
});

test('a worker that crashes while idle: the next job gets a fresh one', { timeout: TIMEOUT }, async () => {
  // A genuine uncaught exception, thrown while the kept worker waits for work.
  const worker = await idleEngineWorker();
  await worker.evaluate(() => { setTimeout(() => { throw new Error('forced crash while idle'); }); });
  await new Promise((r) => setTimeout(r, 500)); // the error event reaches the page
  const [after] = await convert([clip('e2e-crash-after-idle.mp4', 2)]);
  await done(after, 'e2e-crash-after-idle-1MB.mp4');
  await after.getByText('Details').first().click();
  assert.match(await after.innerText(), /The converter had stopped since the last file; starting a fresh one\./);
  assert.equal(await after.getByRole('alert').count(), 0);
  await assertUsable();
});

test('a worker that goes silent mid-job: the job fails after the silence limit, the next converts', { timeout: TIMEOUT }, async () => {
  await armWorker('silence');
  const [victim, next] = await convert([clip('e2e-silent-victim.mp4', 10), clip('e2e-silent-next.mp4', 2)]);
  const alert = victim.getByRole('alert');
  await alert.waitFor({ timeout: 4 * 60_000 });
  assert.match(await alert.innerText(), new RegExp(`The converter stopped responding \\(nothing for ${SILENCE_S} s\\)\\. It will be restarted for the next file\\.`));
  await done(next, 'e2e-silent-next-1MB.mp4');
  await assertUsable();
});
