// The memory-aware queue: jobs run side by side when the device has the cores and the
// memory for them, a job too large for the memory budget runs alone, and the batch shows
// its total progress. A device is stood in by overriding `navigator.hardwareConcurrency`
// and `deviceMemory` before the app loads; "large" without a 600 MB file comes from the
// app's `memory_budget_mb` test hook (src/engine/admission.rs), which lowers the budget
// and leaves the rule as it is.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, makeMedia, addFiles, jobItem, jobLog } from './harness.mjs';

const TIMEOUT = 5 * 60_000;
let server;
const open = [];
after(async () => { for (const app of open) await app.browser.close(); server?.stop(); });

/** Opens the app as if on a device with `cores` cores and 8 GB of memory. */
async function openOn(cores, query = '') {
  server ??= await serveDist();
  // No service worker: its one-time reload into isolation would wipe the status recorder.
  const app = await openApp(server.url + query, {
    serviceWorkers: 'block',
    beforeLoad: (context) => context.addInitScript((n) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
      Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 8 });
    }, cores),
  });
  open.push(app);
  // Every change of a job's status, with a timestamp, as the page shows it.
  await app.page.evaluate(() => {
    window.statusLog = [];
    window.batchLines = [];
    const seen = new Map();
    setInterval(() => {
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
    }, 10);
  });
  return app;
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

  const bar = page.getByRole('progressbar', { name: 'Batch progress' });
  await bar.waitFor();
  assert.match(await bar.getAttribute('aria-valuetext'), /^Batch: [0-3] of 4 done · \d+%/);
  assert.match(await page.title(), /^\d+% · /, 'the tab title follows the batch');
  await waitDone(page, names);
  await page.getByText('Batch: 4 of 4 done · 100%').waitFor();
  assert.equal(await bar.getAttribute('aria-valuetext'), 'Batch: 4 of 4 done · 100%');

  // On the way, the line counted jobs up and estimated the time left.
  const lines = await page.evaluate(() => window.batchLines);
  assert.ok(lines.some((l) => /^Batch: [0-3] of 4 done · \d+% · about \d+:\d\d left$/.test(l)), `time left shown: ${JSON.stringify(lines)}`);
  const spans = await runIntervals(page);
  assert.ok(overlap(spans['par-a.mp4'], spans['par-b.mp4']), `the two videos ran at once: ${JSON.stringify(spans)}`);
  assert.ok(['par-c.png', 'par-d.png'].some((n) => overlap(spans[n], spans['par-a.mp4'])), 'an image ran beside a video');
  assert.match(await jobLog(jobItem(page, 'par-b.mp4')), /Memory: est\. [\d.]+ MB for this job, beside [1-9] jobs? running/);
});

test('with one video lane, the second video waits and says why', { timeout: TIMEOUT }, async () => {
  const { page } = await openOn(2);
  await addFiles(page, [smallVideo('lane-a.mp4', 30), smallVideo('lane-b.mp4', 200)]);
  await convertAll(page, ['lane-a.mp4', 'lane-b.mp4']);
  await jobItem(page, 'lane-b.mp4').getByText('Waiting: this device converts one video at a time.').waitFor();
  await waitDone(page, ['lane-a.mp4', 'lane-b.mp4']);
  const spans = await runIntervals(page);
  assert.ok(!overlap(spans['lane-a.mp4'], spans['lane-b.mp4']), `one after the other: ${JSON.stringify(spans)}`);
});

test('a video over the memory budget runs alone; the images wait and say why', { timeout: TIMEOUT }, async () => {
  // A 1080p video is estimated at over 200 MB whichever FFmpeg core runs it (the frames in
  // flight alone are 150 MB); a 150 MB budget makes it larger than the budget by itself.
  const { page } = await openOn(8, '?memory_budget_mb=150');
  const big = makeMedia('par-1080p.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25:duration=2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
  ]);
  const names = ['par-1080p.mp4', 'alone-c.png', 'alone-d.png'];
  await addFiles(page, [big, image('alone-c.png', '640x480'), image('alone-d.png', '320x240')]);
  await convertAll(page, names);
  await jobItem(page, 'alone-c.png').getByText(/^Waiting: a large video is running \(est\. \d+\.\d MB\)\.$/).waitFor();
  await waitDone(page, names);
  const spans = await runIntervals(page);
  for (const img of ['alone-c.png', 'alone-d.png']) {
    assert.ok(!overlap(spans[img], spans['par-1080p.mp4']), `${img} waited for the video: ${JSON.stringify(spans)}`);
  }
  // The images, small, then ran together.
  assert.ok(overlap(spans['alone-c.png'], spans['alone-d.png']), `the images ran side by side: ${JSON.stringify(spans)}`);
  assert.match(await jobLog(jobItem(page, 'par-1080p.mp4')), /Memory: est\. \d+\.\d MB for this job, beside 0 jobs running \(est\. 0 B\); budget 150\.0 MB\./);
});
