// The memory-aware queue: jobs run side by side when the device has the cores and the
// memory for them, a job too large for the memory budget runs alone, and the batch shows
// its total progress. A device is stood in by overriding `navigator.hardwareConcurrency`
// and `deviceMemory` before the app loads; "large" without a 600 MB file comes from the
// app's `memory_budget_mb` test hook (src/engine/admission.rs), which lowers the budget
// and leaves the rule as it is. Every test runs with the `hold_jobs=1` hook: each job stops
// once it is running until the test releases it, so what runs at the same time, what waits
// and the batch line are looked at while they hold, never raced against the machine.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, makeMedia, addFiles, jobItem, jobLog, waitHeld, release } from './harness.mjs';

const TIMEOUT = 5 * 60_000;
let server;
const open = [];
after(async () => { for (const app of open) await app.browser.close(); server?.stop(); });

/** Opens the app as if on a device with `cores` cores and 8 GB of memory. */
async function openOn(cores, query = '') {
  server ??= await serveDist();
  // No service worker: its one-time reload into isolation would wipe the status recorder.
  const app = await openApp(`${server.url}?hold_jobs=1${query}`, {
    serviceWorkers: 'block',
    beforeLoad: (context) => context.addInitScript((n) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
      Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 8 });
    }, cores),
  });
  open.push(app);
  // Every change of a job's status and of the batch line, as the page shows it: a mutation
  // observer sees each change as it is made (a timer could miss a short one).
  await app.page.evaluate(() => {
    window.statusLog = [];
    window.batchLines = [];
    const seen = new Map();
    const record = () => {
      for (const li of document.querySelectorAll('ul[aria-label="Queue"] > li')) {
        const name = li.querySelector('.job-name')?.textContent;
        const status = li.dataset.status;
        if (seen.get(name) !== status) {
          seen.set(name, status);
          window.statusLog.push({ name, status, t: performance.now() });
        }
      }
      const batch = document.querySelector('progress[aria-label="Batch progress"]')?.getAttribute('aria-valuetext');
      if (batch && batch !== window.batchLines.at(-1)) window.batchLines.push(batch);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return app;
}

/** The status each job shows now: name → status. */
async function statuses(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('ul[aria-label="Queue"] > li')]
    .map((li) => [li.querySelector('.job-name')?.textContent, li.dataset.status])));
}

/** When each job was running: name → [start, end]. */
async function runIntervals(page) {
  const log = await page.evaluate(() => window.statusLog);
  const spans = {};
  for (const { name, status, t } of log) {
    if (status === 'running') spans[name] = [t, Infinity];
    else if (spans[name] && spans[name][1] === Infinity) spans[name][1] = t;
  }
  return spans;
}

const overlap = (a, b) => a[0] < b[1] && b[0] < a[1];

function smallVideo(name, hue) {
  return makeMedia(name, [
    '-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=25:duration=3,hue=h=${hue}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
  ]);
}
function image(name, size) {
  return makeMedia(name, ['-f', 'lavfi', '-i', `testsrc2=size=${size}`, '-frames:v', '1']);
}

async function convertAll(page, names) {
  for (const name of names) await jobItem(page, name).getByText(/^(video|image)$/).waitFor();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
}

async function waitDone(page, names) {
  for (const name of names) {
    await jobItem(page, name).getByRole('link', { name: /^Download / }).waitFor({ timeout: TIMEOUT });
  }
}

test('two small videos and images run side by side on a device with room; the batch shows its progress', { timeout: TIMEOUT }, async () => {
  const { page } = await openOn(8);
  const files = [smallVideo('par-a.mp4', 0), smallVideo('par-b.mp4', 90), image('par-c.png', '640x480'), image('par-d.png', '800x600')];
  const names = ['par-a.mp4', 'par-b.mp4', 'par-c.png', 'par-d.png'];
  await addFiles(page, files);
  await convertAll(page, names);

  // All four fit (two video lanes, images beside them): all four are running at once.
  await waitHeld(page, names);
  const now = await statuses(page);
  for (const name of names) assert.equal(now[name], 'running', `${name} runs beside the others: ${JSON.stringify(now)}`);
  // The batch line knows the time left from the start: every job's expected work is known.
  const bar = page.getByRole('progressbar', { name: 'Batch progress' });
  assert.match(await bar.getAttribute('aria-valuetext'), /^Batch: 0 of 4 done · 0% · about \d+:\d\d left$/);
  assert.match(await page.title(), /^\d+% · /, 'the tab title follows the batch');
  await release(page);
  await waitDone(page, names);
  await page.getByText('Batch: 4 of 4 done · 100%').waitFor();
  assert.equal(await bar.getAttribute('aria-valuetext'), 'Batch: 4 of 4 done · 100%');

  // On the way, the line counted jobs up, with the time left while work remained.
  const lines = await page.evaluate(() => window.batchLines);
  const running = lines.filter((l) => !l.startsWith('Batch: 4 of 4'));
  assert.ok(running.length > 0 && running.every((l) => /^Batch: [0-3] of 4 done · \d+% · about \d+:\d\d left$/.test(l)), `time left shown: ${JSON.stringify(lines)}`);
  const spans = await runIntervals(page);
  assert.ok(overlap(spans['par-a.mp4'], spans['par-b.mp4']), `the two videos ran at once: ${JSON.stringify(spans)}`);
  assert.ok(['par-c.png', 'par-d.png'].some((n) => overlap(spans[n], spans['par-a.mp4'])), 'an image ran beside a video');
  assert.match(await jobLog(jobItem(page, 'par-b.mp4')), /Memory: est\. [\d.]+ MB for this job, beside [1-9] jobs? running/);
});

test('with one video lane, the second video waits and says why', { timeout: TIMEOUT }, async () => {
  const { page } = await openOn(2);
  await addFiles(page, [smallVideo('lane-a.mp4', 30), smallVideo('lane-b.mp4', 200)]);
  await convertAll(page, ['lane-a.mp4', 'lane-b.mp4']);
  await waitHeld(page, ['lane-a.mp4']);
  await jobItem(page, 'lane-b.mp4').getByText('Waiting: this device converts one video at a time.').waitFor();
  assert.deepEqual(await statuses(page), { 'lane-a.mp4': 'running', 'lane-b.mp4': 'queued' });
  await release(page, 'lane-a.mp4');
  // The second starts only once the first has ended.
  await waitHeld(page, ['lane-b.mp4']);
  assert.equal((await statuses(page))['lane-a.mp4'], 'done');
  await release(page);
  await waitDone(page, ['lane-a.mp4', 'lane-b.mp4']);
  const spans = await runIntervals(page);
  assert.ok(!overlap(spans['lane-a.mp4'], spans['lane-b.mp4']), `one after the other: ${JSON.stringify(spans)}`);
});

test('a video over the memory budget runs alone; the images wait and say why', { timeout: TIMEOUT }, async () => {
  // A 1080p video is estimated at over 200 MB whichever FFmpeg core runs it (the frames in
  // flight alone are 150 MB); a 150 MB budget makes it larger than the budget by itself.
  const { page } = await openOn(8, '&memory_budget_mb=150');
  const big = makeMedia('par-1080p.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25:duration=2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
  ]);
  const names = ['par-1080p.mp4', 'alone-c.png', 'alone-d.png'];
  await addFiles(page, [big, image('alone-c.png', '640x480'), image('alone-d.png', '320x240')]);
  await convertAll(page, names);
  await waitHeld(page, ['par-1080p.mp4']);
  await jobItem(page, 'alone-c.png').getByText(/^Waiting: a large video is running \(est\. \d+\.\d MB\)\.$/).waitFor();
  const waiting = await statuses(page);
  assert.deepEqual([waiting['alone-c.png'], waiting['alone-d.png']], ['queued', 'queued'], JSON.stringify(waiting));
  await release(page, 'par-1080p.mp4');
  // Once the video is done, the two small images fit together: both running at once.
  await waitHeld(page, ['alone-c.png', 'alone-d.png']);
  assert.equal((await statuses(page))['par-1080p.mp4'], 'done');
  await release(page);
  await waitDone(page, names);
  const spans = await runIntervals(page);
  for (const img of ['alone-c.png', 'alone-d.png']) {
    assert.ok(!overlap(spans[img], spans['par-1080p.mp4']), `${img} waited for the video: ${JSON.stringify(spans)}`);
  }
  // The images, small, then ran together.
  assert.ok(overlap(spans['alone-c.png'], spans['alone-d.png']), `the images ran side by side: ${JSON.stringify(spans)}`);
  assert.match(await jobLog(jobItem(page, 'par-1080p.mp4')), /Memory: est\. \d+\.\d MB for this job, beside 0 jobs running \(est\. 0 B\); budget 150\.0 MB\./);
});

test('no job of these runs made a move its lifecycle refuses', () => {
  for (const app of open) assert.deepEqual(app.consoleErrors.filter((m) => m.includes('illegal job transition')), []);
});
