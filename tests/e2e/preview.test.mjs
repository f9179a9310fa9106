// Seeing the result (issue 6): a finished job shows picture size and length before and
// after, previews its output only when asked, and compares pictures and videos with the
// original in a split view whose divider is a slider; the original's object URL lives only
// while the comparison is open. Around the batch: a notification when it ends in a hidden
// tab (if the user asked and the browser allows), and a screen wake lock while it runs.
// Runs under the site's real Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, artifacts, until, waitHeld, release } from './harness.mjs';

const TIMEOUT = 5 * 60_000;
let server;
before(async () => { server = await serveDist(); });
after(() => server?.stop());

const photo = () => makeMedia('preview-photo.png', ['-f', 'lavfi', '-i', 'testsrc2=size=640x480', '-frames:v', '1']);
const clip = () => makeMedia('preview-clip.mp4', [
  '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=4', '-f', 'lavfi', '-i', 'sine=duration=4',
  '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
]);

const tone = () => makeMedia('preview-tone.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3']);

const cspErrors = (app) => app.consoleErrors.filter((m) => /Content.Security.Policy|Refused to/i.test(m));

/** Whether the page can still load `url` into an element of `tag` ('img' or 'video'). */
function loads(page, url, tag) {
  return page.evaluate(([u, t]) => new Promise((ok) => {
    const el = document.createElement(t);
    const done = (v) => { el.removeAttribute('src'); ok(v); };
    el.addEventListener(t === 'img' ? 'load' : 'loadedmetadata', () => done(true));
    el.addEventListener('error', () => done(false));
    if (t === 'video') { el.preload = 'metadata'; el.muted = true; }
    el.src = u;
    setTimeout(() => done(false), 10_000);
  }), [url, tag]);
}

/** The converted layer's clip-path as computed, e.g. "inset(0px 0px 0px 50%)". */
function clipOf(item) {
  return item.locator('.compare-converted').evaluate((el) => getComputedStyle(el).clipPath);
}

test('before/after facts, lazy previews, and a split compare for a picture and a video', { timeout: TIMEOUT }, async () => {
  const app = await openApp(server.url);
  const { page } = app;
  try {
    await addFiles(page, [photo(), clip(), tone()]);
    await jobItem(page, 'preview-photo.png').getByText('image', { exact: true }).waitFor();
    await jobItem(page, 'preview-clip.mp4').getByText('video', { exact: true }).waitFor();
    await jobItem(page, 'preview-tone.wav').getByText('audio', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Convert', exact: true }).click();
    const image = jobItem(page, 'preview-photo.png');
    const video = jobItem(page, 'preview-clip.mp4');
    const sound = jobItem(page, 'preview-tone.wav');
    await image.getByRole('link', { name: 'Download preview-photo.webp' }).waitFor({ timeout: TIMEOUT });
    await video.getByRole('link', { name: 'Download preview-clip-10MB.mp4' }).waitFor({ timeout: TIMEOUT });
    await sound.getByRole('link', { name: 'Download preview-tone.mp3' }).waitFor({ timeout: TIMEOUT });

    // Before/after: picture size (and length for the video), from the engines' own measures.
    assert.equal(await image.locator('.job-facts').innerText(), '640 × 480 → 640 × 480');
    assert.match(await video.locator('.job-facts').innerText(), /^640 × 360, 0:0[34] → 640 × 360, 0:0[34]$/);
    assert.match(await sound.locator('.job-facts').innerText(), /^0:0[23] → 0:0[23]$/);

    // Nothing is decoded until asked.
    assert.equal(await page.locator('.jobs img, .jobs video, .jobs audio').count(), 0, 'no media element before Preview');

    await image.getByRole('button', { name: 'Preview preview-photo.webp' }).click();
    const shot = image.getByRole('img', { name: 'Preview of preview-photo.webp' });
    await until(() => shot.evaluate((el) => el.complete && el.naturalWidth > 0), { timeout: 10_000, what: 'the preview image decoded' });
    assert.equal(await shot.evaluate((el) => el.naturalWidth), 640);
    assert.equal(await image.getByRole('button', { name: 'Preview preview-photo.webp' }).getAttribute('aria-expanded'), 'true');

    await video.getByRole('button', { name: 'Preview preview-clip-10MB.mp4' }).click();
    const player = video.getByLabel('Preview of preview-clip-10MB.mp4');
    assert.equal(await player.evaluate((el) => el.tagName), 'VIDEO');
    assert.equal(await player.evaluate((el) => el.controls), true);
    const duration = await until(() => player.evaluate((el) => el.readyState >= 1 && el.duration > 0 && el.duration),
      { timeout: 15_000, what: 'the preview video to know its duration' });
    assert.ok(duration > 3.5 && duration < 4.5, `duration ${duration}`);
    // Closing the preview removes the element again.
    await video.getByRole('button', { name: 'Preview preview-clip-10MB.mp4' }).click();
    assert.equal(await video.locator('video').count(), 0);

    // Sound: a player, and nothing to compare side by side.
    await sound.getByRole('button', { name: 'Preview preview-tone.mp3' }).click();
    const listen = sound.getByLabel('Preview of preview-tone.mp3');
    assert.equal(await listen.evaluate((el) => el.tagName), 'AUDIO');
    const length = await until(() => listen.evaluate((el) => el.readyState >= 1 && el.duration > 0 && el.duration),
      { timeout: 15_000, what: 'the preview audio to know its duration' });
    assert.ok(length > 2.5 && length < 3.5, `audio duration ${length}`);
    assert.equal(await sound.getByRole('button', { name: /^Compare/ }).count(), 0);

    // Compare, picture: the slider moves the clip of the converted layer, by keyboard.
    await image.getByRole('button', { name: 'Compare preview-photo.webp' }).click();
    const slider = image.getByRole('slider', { name: 'Compare preview-photo.webp: original ← → converted' });
    const original = image.getByRole('img', { name: 'Original', exact: true });
    await until(() => original.evaluate((el) => el.complete && el.naturalWidth > 0), { timeout: 10_000, what: 'the original decoded' });
    assert.equal(await clipOf(image), 'inset(0px 0px 0px 50%)');
    await slider.focus();
    for (let i = 0; i < 15; i++) await slider.press('ArrowLeft');
    assert.equal(await slider.inputValue(), '35');
    assert.equal(await clipOf(image), 'inset(0px 0px 0px 35%)');
    assert.equal(await slider.getAttribute('aria-valuetext'), '35% original, 65% converted');
    await page.screenshot({ path: join(artifacts, 'compare-image-light.png'), fullPage: true });

    // The original's object URL lives only while the comparison is open.
    const originalUrl = await original.getAttribute('src');
    assert.match(originalUrl, /^blob:/);
    assert.equal(await loads(page, originalUrl, 'img'), true, 'the original URL loads while open');
    await image.getByRole('button', { name: 'Compare preview-photo.webp' }).click();
    assert.equal(await image.locator('.compare').count(), 0);
    assert.equal(await loads(page, originalUrl, 'img'), false, 'the original URL is revoked on close');
    // The output's own URL (the download) is untouched.
    const outUrl = await image.getByRole('link', { name: 'Download preview-photo.webp' }).getAttribute('href');
    assert.equal(await loads(page, outUrl, 'img'), true);

    // Compare, video: the two play in step; the original is muted.
    await video.getByRole('button', { name: 'Compare preview-clip-10MB.mp4' }).click();
    const vslider = video.getByRole('slider', { name: 'Compare preview-clip-10MB.mp4: original ← → converted' });
    await vslider.waitFor();
    const layers = video.locator('.compare video');
    assert.equal(await layers.count(), 2);
    assert.deepEqual(await layers.evaluateAll((els) => els.map((e) => e.muted)), [true, false]);
    await vslider.press('ArrowRight');
    await vslider.press('ArrowRight');
    assert.equal(await clipOf(video), 'inset(0px 0px 0px 52%)');
    await video.getByRole('button', { name: 'Play both' }).click();
    await until(() => layers.evaluateAll((els) => els.every((e) => !e.paused && e.currentTime > 1)),
      { timeout: 15_000, what: 'both videos playing' });
    const times = await layers.evaluateAll((els) => els.map((e) => e.currentTime));
    assert.ok(Math.abs(times[0] - times[1]) < 0.35, `in step: ${times}`);
    await page.screenshot({ path: join(artifacts, 'compare-video-light.png'), fullPage: true });
    await video.getByRole('button', { name: 'Pause both' }).click();
    await until(() => layers.evaluateAll((els) => els.every((e) => e.paused)), { timeout: 5_000, what: 'both paused' });
    // Seeking the converted one brings the original along.
    await layers.nth(1).evaluate((el) => { el.currentTime = 0.5; });
    await until(() => layers.evaluateAll((els) => Math.abs(els[0].currentTime - 0.5) < 0.15), { timeout: 5_000, what: 'the original to follow a seek' });

    // Removing the job while comparing revokes the original's URL too.
    const videoOriginal = await layers.first().getAttribute('src');
    assert.equal(await loads(page, videoOriginal, 'video'), true, 'the original video URL loads while open');
    await video.getByRole('button', { name: 'Remove' }).click();
    await video.waitFor({ state: 'detached' });
    assert.equal(await loads(page, videoOriginal, 'video'), false, 'the original URL is revoked on remove');

    // Ticking "Notify me" asks the browser; headless Chromium refuses the prompt, as a
    // person blocking it would: the box unticks itself, is disabled, and says why.
    assert.equal(await page.evaluate(() => Notification.permission), 'default');
    const box = page.getByLabel('Notify me when the batch is done');
    assert.equal(await box.isDisabled(), false);
    await box.click();
    await until(() => box.isDisabled(), { timeout: 10_000, what: 'the refused permission to show' });
    assert.equal(await box.isChecked(), false, 'a refused permission unticks the box');
    assert.match(await page.locator('#notify-help').innerText(), /blocked for this site/);

    assert.deepEqual(cspErrors(app), [], 'no CSP errors');
  } finally {
    await app.browser.close();
  }
});

/** Spies installed before the app loads: `new Notification` calls (still constructed), a
 *  tab the test can hide, and wake lock requests and releases (still passed through). */
function spies() {
  self.__tampNotes = [];
  const Real = self.Notification;
  if (Real) {
    self.Notification = new Proxy(Real, {
      construct(target, args) { self.__tampNotes.push(args.map((a) => (typeof a === 'object' ? a?.body : a))); return Reflect.construct(target, args); },
    });
  }
  self.__tampHidden = false;
  Object.defineProperty(document, 'hidden', { get: () => self.__tampHidden });
  Object.defineProperty(document, 'visibilityState', { get: () => (self.__tampHidden ? 'hidden' : 'visible') });
  self.__tampWake = { requests: 0, granted: 0, released: 0, errors: [], log: [] };
  const wl = navigator.wakeLock;
  if (wl) {
    const real = wl.request.bind(wl);
    wl.request = async (type) => {
      const w = self.__tampWake;
      w.requests++; w.log.push(`request ${type}`);
      try {
        const sentinel = await real(type);
        w.granted++;
        sentinel.addEventListener('release', () => { w.released++; w.log.push('release'); });
        self.__tampSentinel = sentinel;
        return sentinel;
      } catch (e) { w.errors.push(String(e)); throw e; }
    };
  }
}

test('a notification when the batch ends in a hidden tab, and the screen kept on while it runs', { timeout: TIMEOUT }, async () => {
  // Jobs are held running (the `hold_jobs` test hook) until the test has looked at them.
  const app = await openApp(`${server.url}?hold_jobs=1`, {
    beforeLoad: async (context) => {
      // Headless Chromium denies the screen wake lock unless granted (a visible tab of a
      // normal window has it without asking).
      await context.grantPermissions(['notifications', 'screen-wake-lock'], { origin: server.url.replace(/\/$/, '') });
      await context.addInitScript(spies);
    },
  });
  const { page } = app;
  try {
    const box = page.getByLabel('Notify me when the batch is done');
    assert.equal(await box.isChecked(), false, 'off until asked');
    await box.check();
    assert.equal(await box.isChecked(), true);
    // The choice is kept across visits.
    await page.reload();
    await page.getByRole('heading', { name: 'Tamp' }).waitFor();
    assert.equal(await page.getByLabel('Notify me when the batch is done').isChecked(), true);

    // A batch that ends while the tab is visible: no notification.
    await addFiles(page, [photo()]);
    const image = jobItem(page, 'preview-photo.png');
    await image.getByText('image', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Convert', exact: true }).click();
    await waitHeld(page, ['preview-photo.png']);
    await release(page);
    await image.getByRole('link', { name: 'Download preview-photo.webp' }).waitFor({ timeout: TIMEOUT });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(await page.evaluate(() => self.__tampNotes), [], 'nothing while the tab is visible');

    // A batch running while the person looks elsewhere: notified once, when it ends.
    await addFiles(page, [clip()]);
    const video = jobItem(page, 'preview-clip.mp4');
    await video.getByText('video', { exact: true }).waitFor();
    const wakeBefore = await page.evaluate(() => ({ ...self.__tampWake }));
    await page.getByRole('button', { name: 'Convert', exact: true }).click();
    await waitHeld(page, ['preview-clip.mp4']);
    await video.getByRole('progressbar', { name: 'Progress' }).waitFor();
    const running = await page.evaluate(() => ({ ...self.__tampWake }));
    assert.equal(running.requests, wakeBefore.requests + 1, `one wake lock request for the batch: ${JSON.stringify(running)}`);
    await page.evaluate(() => { self.__tampHidden = true; });
    await release(page);
    await video.getByRole('link', { name: 'Download preview-clip-10MB.mp4' }).waitFor({ timeout: TIMEOUT });
    const notes = await until(() => page.evaluate(() => self.__tampNotes.length && self.__tampNotes), { timeout: 5_000, what: 'a notification' });
    assert.deepEqual(notes, [['Tamp: 1 file ready', 'preview-clip-10MB.mp4']]);

    // Each batch took the wake lock and let it go when the queue went idle.
    const wake = await until(async () => {
      const w = await page.evaluate(() => ({ ...self.__tampWake }));
      return w.released === w.granted && w;
    }, { timeout: 5_000, what: 'the wake lock released' }).catch(async (e) => {
      throw new Error(`${e.message}: ${JSON.stringify(await page.evaluate(() => self.__tampWake))}`);
    });
    assert.equal(wake.requests, 2, JSON.stringify(wake));
    assert.equal(wake.granted, 2, `the browser granted the lock: ${JSON.stringify(wake)}`);
    assert.deepEqual(wake.errors, []);
    assert.deepEqual(cspErrors(app), [], 'no CSP errors');
  } finally {
    await app.browser.close();
  }
});

test('the wake lock is taken again when the tab comes back during a batch', { timeout: TIMEOUT }, async () => {
  // The job is held running (the `hold_jobs` test hook) while the tab hides and comes back.
  const app = await openApp(`${server.url}?hold_jobs=1`, {
    beforeLoad: async (context) => {
      await context.grantPermissions(['screen-wake-lock'], { origin: server.url.replace(/\/$/, '') });
      await context.addInitScript(spies);
    },
  });
  const { page } = app;
  try {
    // Notifications blocked for the site (Playwright denies what a context does not grant):
    // the box is off, disabled, and says why.
    assert.equal(await page.evaluate(() => Notification.permission), 'denied');
    const box = page.getByLabel('Notify me when the batch is done');
    assert.equal(await box.isDisabled(), true);
    assert.equal(await box.isChecked(), false);
    assert.match(await page.locator('#notify-help').innerText(), /blocked for this site/);

    // Held running while the test hides and shows the tab; cancelled after.
    const long = makeMedia('preview-long.mp4', [
      '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=60', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    ]);
    await addFiles(page, [long]);
    const item = jobItem(page, 'preview-long.mp4');
    await item.getByText('video', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Convert', exact: true }).click();
    await waitHeld(page, ['preview-long.mp4']);
    await item.getByRole('progressbar', { name: 'Progress' }).waitFor();
    await until(() => page.evaluate(() => self.__tampWake.granted === 1), { timeout: 10_000, what: 'the lock granted' });
    // Hiding the tab makes the browser drop the lock; showing it again asks anew.
    await page.evaluate(async () => {
      self.__tampHidden = true;
      await self.__tampSentinel.release();
      document.dispatchEvent(new Event('visibilitychange'));
    });
    assert.equal(await page.evaluate(() => self.__tampWake.requests), 1, 'not while hidden');
    await page.evaluate(() => { self.__tampHidden = false; document.dispatchEvent(new Event('visibilitychange')); });
    await until(() => page.evaluate(() => self.__tampWake.granted === 2), { timeout: 10_000, what: 'the lock taken again' });
    assert.ok(await item.getByRole('progressbar', { name: 'Progress' }).isVisible(), 'still running');
    await item.getByRole('button', { name: 'Cancel' }).click();
    await item.getByText('Cancelled').waitFor();
    await until(() => page.evaluate(() => self.__tampWake.released === 2), { timeout: 5_000, what: 'the lock released on idle' });
    assert.deepEqual(await page.evaluate(() => self.__tampWake.errors), []);
  } finally {
    await app.browser.close();
  }
});
