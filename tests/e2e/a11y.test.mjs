// Accessibility: axe-core finds no serious or critical violation on the empty page, with a
// queue of every kind, while a batch runs, once it has ended and with a finished picture's
// comparison open, in light and in dark; and screen readers are told, by name, when a job is
// ready or has failed. Each state is also saved as a screenshot
// (artifacts/a11y-<state>-<scheme>.png, artifacts/compare-<scheme>.png) for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  serveDist, openApp, makeMedia, randomBytesFile, addFiles, jobItem, artifacts, until, waitHeld, releaseFromNowOn,
} from './harness.mjs';
import { assertNoSeriousViolations } from './axe.mjs';

const TIMEOUT = 5 * 60_000;
let server;
before(async () => { server = await serveDist(); });
after(() => server?.stop());

async function screenshot(page, state, colorScheme) {
  await page.screenshot({ path: join(artifacts, `a11y-${state}-${colorScheme}.png`), fullPage: true });
}

const video = () => makeMedia('a11y-clip.mp4', [
  '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=5', '-f', 'lavfi', '-i', 'sine=duration=5',
  '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
]);
const image = () => makeMedia('a11y-photo.png', ['-f', 'lavfi', '-i', 'testsrc2=size=640x480', '-frames:v', '1']);
const audio = () => makeMedia('a11y-tone.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2']);
const bad = () => randomBytesFile('a11y-noise.mp4', 40_000, 7);

for (const colorScheme of ['light', 'dark']) {
  test(`${colorScheme}: no serious or critical violations, and job endings are announced`, { timeout: TIMEOUT }, async () => {
    const app = await openApp(`${server.url}?hold_jobs=1`, { colorScheme, bypassCSP: true });
    const { page } = app;
    try {
      const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      assert.equal(dark, colorScheme === 'dark', 'the page sees the color scheme');
      await assertNoSeriousViolations(page, 'empty');
      await screenshot(page, 'empty', colorScheme);

      // Default settings: 10 MB target, Automatic format.
      await addFiles(page, [video(), image(), audio(), bad()]);
      for (const [name, kind] of [['a11y-clip.mp4', 'video'], ['a11y-photo.png', 'image'], ['a11y-tone.wav', 'audio'], ['a11y-noise.mp4', 'unknown']]) {
        await jobItem(page, name).getByText(kind, { exact: true }).waitFor();
      }
      await assertNoSeriousViolations(page, 'queued');
      await screenshot(page, 'queued', colorScheme);

      await page.getByRole('button', { name: 'Convert', exact: true }).click();
      // The video is held running (the `hold_jobs` test hook) while the page is checked.
      await waitHeld(page, ['a11y-clip.mp4']);
      await jobItem(page, 'a11y-clip.mp4').getByRole('progressbar', { name: 'Progress' }).waitFor();
      await screenshot(page, 'running', colorScheme);
      await assertNoSeriousViolations(page, 'running');
      await releaseFromNowOn(page);

      const outputs = { 'a11y-clip.mp4': 'a11y-clip-10MB.mp4', 'a11y-photo.png': 'a11y-photo.webp', 'a11y-tone.wav': 'a11y-tone.mp3' };
      for (const [name, out] of Object.entries(outputs)) {
        await jobItem(page, name).getByRole('link', { name: `Download ${out}` }).waitFor({ timeout: TIMEOUT });
      }
      const alert = await jobItem(page, 'a11y-noise.mp4').getByRole('alert').innerText();
      assert.match(alert, /not a video, audio or image file/);
      await assertNoSeriousViolations(page, 'finished');
      await screenshot(page, 'finished', colorScheme);

      // The live region names each file and its outcome: the size the row shows for a
      // result, the row's own alert text for a failure.
      const log = page.getByRole('log', { name: 'Queue updates' });
      assert.equal(await log.getAttribute('aria-live'), 'polite');
      const expected = [`a11y-noise.mp4 failed: ${alert}`];
      for (const [name, out] of Object.entries(outputs)) {
        const status = await jobItem(page, name).locator('.result .job-status').innerText();
        const [, outSize, saved] = status.match(/→ (.+?) \((.+)\)$/) ?? [];
        assert.ok(outSize, `the row shows the output size: "${status}"`);
        expected.push(`${name} is ready: ${out}, ${outSize} (${saved})`);
      }
      const lines = () => log.locator('p').allTextContents();
      const said = await until(async () => {
        const l = await lines();
        return expected.every((e) => l.includes(e)) && l;
      }, { timeout: 10_000, what: 'every ending announced' }).catch(async (e) => {
        throw new Error(`${e.message}\nlive region: ${(await lines()).join(' | ')}\nexpected: ${expected.join(' | ')}`);
      });
      assert.equal(said.length, 4, `one line per ending: ${said.join(' | ')}`);

      // A finished picture compared with its original (the split view and its slider).
      const photoItem = jobItem(page, 'a11y-photo.png');
      await photoItem.getByRole('button', { name: 'Compare a11y-photo.webp' }).click();
      await photoItem.getByRole('slider', { name: 'Compare a11y-photo.webp: original ← → converted' }).waitFor();
      await photoItem.getByRole('img', { name: 'Original', exact: true })
        .evaluate((el) => el.decode());
      await assertNoSeriousViolations(page, 'compare');
      await page.screenshot({ path: join(artifacts, `compare-${colorScheme}.png`), fullPage: true });
    } finally {
      await app.browser.close();
    }
  });
}
