// The phone-first layout at 390×844 (issue 19): after adding a file, **Convert**, the target
// field and the new queue row are all in the first screen, not covered by anything; Convert
// stays on screen as the queue grows; advanced options sit under one labelled disclosure
// whose summary names what is not a default; every control is at least 44 px; axe finds no
// serious or critical violation. Screenshots of the first screen, light and dark:
// artifacts/layout-phone-<scheme>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, artifacts, openAdvanced } from './harness.mjs';
import { assertNoSeriousViolations } from './axe.mjs';

const PHONE = { width: 390, height: 844 };
let server;
before(async () => { server = await serveDist(); });
after(() => server?.stop());

const photo = (i) => makeMedia(`phone-photo-${i}.png`, ['-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=1`, '-frames:v', '1']);

/** The element's box, and whether it is wholly inside the first screen and not covered
 *  (the point at its centre belongs to it). */
async function onFirstScreen(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      top: Math.round(r.top), bottom: Math.round(r.bottom), scrollY: window.scrollY,
      inside: r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0,
      uncovered: !!hit && (el === hit || el.contains(hit) || hit.contains(el)),
    };
  });
}

/** Every visible control smaller than 44 px on a side: buttons, links, selects, text
 *  fields, disclosure summaries, and the labels that stand for hidden file inputs and for
 *  checkboxes (a tap on the label is the target). */
async function smallTargets(page) {
  return page.evaluate(() => {
    const targets = new Set();
    for (const el of document.querySelectorAll('button, a[href], select, input, summary')) {
      if (el.matches('input[type="file"]')) { const l = document.querySelector(`label[for="${el.id}"]`); if (l) targets.add(l); continue; }
      if (el.matches('input[type="checkbox"]')) { targets.add(el.closest('label') ?? el); continue; }
      targets.add(el);
    }
    const small = [];
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      if (r.width < 44 || r.height < 44) small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return small;
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`390×844 ${colorScheme}: add, target, Convert and the new queue row in the first screen`, { timeout: 120_000 }, async () => {
    const app = await openApp(server.url, { colorScheme, viewport: PHONE, isMobile: true, bypassCSP: true, advanced: false });
    const { page } = app;
    try {
      await addFiles(page, [photo(0)]);
      const row = jobItem(page, 'phone-photo-0.png');
      await row.waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      const seen = {
        add: await onFirstScreen(page.locator('label[for="add-files"]')),
        row: await onFirstScreen(row),
        target: await onFirstScreen(page.getByLabel('Target size (MB)')),
        convert: await onFirstScreen(page.getByRole('button', { name: 'Convert', exact: true })),
      };
      for (const [what, s] of Object.entries(seen)) {
        assert.ok(s.inside && s.uncovered && s.scrollY === 0, `${what} is not wholly visible in the first screen: ${JSON.stringify(s)}`);
      }
      // The advanced options are folded, under a labelled disclosure.
      const advanced = page.locator('details.advanced');
      assert.equal(await advanced.evaluate((d) => d.open), false);
      assert.equal(await page.getByLabel('Max height').isVisible(), false);
      assert.match(await advanced.locator('summary').innerText(), /^Advanced options \(all at their defaults\)$/);
      assert.deepEqual(await smallTargets(page), [], 'controls under 44 px');
      await assertNoSeriousViolations(page, `phone ${colorScheme}`);
      await page.screenshot({ path: join(artifacts, `layout-phone-${colorScheme}.png`) });

      // A choice inside is named in the summary, so nothing folded away acts unseen.
      await openAdvanced(page);
      await page.getByLabel('Max height').selectOption({ label: '720p' });
      await page.getByLabel('Keep photo metadata (camera, location)').check();
      assert.match(await advanced.locator('summary').innerText(), /^Advanced options \(Max height: 720p · Keep metadata\)$/);
      assert.deepEqual(await smallTargets(page), [], 'controls under 44 px, options open');
      await page.getByLabel('Max height').selectOption({ label: 'Original' });
      await page.getByLabel('Keep photo metadata (camera, location)').uncheck();
      await advanced.locator('summary').click();

      // Convert stays on screen while the queue grows past it.
      await addFiles(page, [1, 2, 3, 4, 5, 6].map(photo));
      await jobItem(page, 'phone-photo-6.png').waitFor();
      for (const y of [0, 10_000]) {
        await page.evaluate((to) => window.scrollTo(0, to), y);
        const c = await onFirstScreen(page.getByRole('button', { name: 'Convert', exact: true }));
        assert.ok(c.inside && c.uncovered, `Convert off screen at scroll ${y}: ${JSON.stringify(c)}`);
      }
      assert.deepEqual(app.consoleErrors, []);
    } finally {
      await app.browser.close();
    }
  });
}
