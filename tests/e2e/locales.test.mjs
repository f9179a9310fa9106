// Every locale (issue 19): with the browser's language set (Playwright's `locale`), the page
// speaks it (`<html lang dir>`, the controls' names), converts a picture, and says the
// result's facts in that language: the download link, the sizes with the language's digits,
// separator and units, the change in words, and the picture size. The expected text is
// built from the locale's own .ftl and Node's Intl, never copied from the page. Arabic
// is laid out right to left (Compare's divider too) and passes axe. In German, a running
// video's step, the reason the next one waits and the plan line come from core's messages
// in German, and so are the alerts of a video FFmpeg cannot read (its own lines stay English
// under Details) and of an empty file. Then a switch with the Language select is remembered
// across a reload. The picture's quality slider is named in each language.
// Screenshots: artifacts/locale-<tag>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, artifacts, root, media, waitHeld, release, releaseFromNowOn, until } from './harness.mjs';
import { assertNoSeriousViolations } from './axe.mjs';

const LOCALES = [
  { tag: 'en', browser: 'en-US' }, { tag: 'es', browser: 'es-ES' }, { tag: 'de', browser: 'de-DE' },
  { tag: 'fr', browser: 'fr-FR' }, { tag: 'pt-BR', browser: 'pt-BR' }, { tag: 'ja', browser: 'ja-JP' },
  { tag: 'ar', browser: 'ar-EG', rtl: true },
];
let server;
before(async () => { server = await serveDist(); });
after(() => server?.stop());

/** The one-line messages of a locale's .ftl, by id. */
function messages(tag) {
  const out = {};
  for (const line of readFileSync(join(root, 'locales', `${tag}.ftl`), 'utf8').split('\n')) {
    const m = /^([a-z0-9-]+) = (.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** A message with its `{ $name }` placeholders filled. */
function fill(msg, args) {
  return msg.replace(/\{ \$([a-z]+) \}/g, (_, k) => { assert.ok(k in args, `no ${k}`); return args[k]; });
}

/** The app's size text, built independently: decimal units, one decimal, the locale's digits. */
function size(tag, m, bytes) {
  const fmt = (v, d) => new Intl.NumberFormat(tag, { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
  if (bytes < 1000) return fill(m['size-b'], { n: fmt(bytes, 0) });
  const units = ['kb', 'mb', 'gb'];
  let v = bytes / 1000; let u = 0;
  while (v >= 999.95 && u < units.length - 1) { v /= 1000; u++; }
  return fill(m[`size-${units[u]}`], { n: fmt(v, 1) });
}

function change(tag, m, input, output) {
  const pct = Math.round((1 - output / input) * 100);
  const n = new Intl.NumberFormat(tag).format(Math.abs(pct));
  if (pct >= 1) return fill(m.smaller, { percent: n });
  if (pct <= -1) return fill(m.larger, { percent: n });
  return m['same-size'];
}

const plain = (s) => s.replace(/[\u2068\u2069]/g, '');
const photo = () => makeMedia('locale-photo.png', ['-f', 'lavfi', '-i', 'testsrc2=size=640x480', '-frames:v', '1']);

for (const { tag, browser, rtl } of LOCALES) {
  test(`${tag}: the page, a conversion and its facts in ${browser}`, { timeout: 120_000 }, async () => {
    const m = messages(tag);
    const app = await openApp(server.url, { locale: browser, bypassCSP: !!rtl });
    const { page } = app;
    try {
      await page.waitForFunction((t) => document.documentElement.lang === t, tag);
      assert.equal(await page.evaluate(() => document.documentElement.dir), rtl ? 'rtl' : 'ltr');
      assert.equal(await page.getByLabel(m.language).inputValue(), tag);
      // The target presets write their limits with the language's digits and units too.
      const discord = page.getByRole('group', { name: m.presets }).getByRole('button').first();
      const want = plain(`Discord ${size(tag, m, 10_000_000)}`);
      await until(async () => plain(await discord.innerText()) === want, { timeout: 10_000, what: `the chip "${want}"` });
      await addFiles(page, [photo()], m['add-files']);
      const item = page.getByRole('list', { name: m.queue }).getByRole('listitem').filter({ hasText: 'locale-photo.png' });
      await item.waitFor();
      await page.getByRole('button', { name: m.convert, exact: true }).click();
      const outName = 'locale-photo.webp';
      // Right-to-left catalogs isolate what they place (U+2068 … U+2069), so the name keeps
      // its order inside Arabic text.
      const placed = rtl ? `\u2068${outName}\u2069` : outName;
      const link = item.getByRole('link', { name: fill(m.download, { name: placed }) });
      await link.waitFor({ timeout: 60_000 });
      const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const path = join(artifacts, `locale-${tag}-${outName}`);
      await dl.saveAs(path);
      const input = statSync(photo()).size;
      const output = statSync(path).size;
      const status = plain(await item.locator('.result > .job-status').innerText());
      assert.equal(status, plain(fill(m['size-change'], {
        before: size(tag, m, input), after: size(tag, m, output), change: change(tag, m, input, output),
      })));
      const dims = (w, h) => `${new Intl.NumberFormat(tag, { useGrouping: false }).format(w)} × ${new Intl.NumberFormat(tag, { useGrouping: false }).format(h)}`;
      const facts = plain(await item.locator('.job-facts').innerText());
      assert.equal(facts, plain(fill(m['facts-change'], { before: dims(640, 480), after: dims(640, 480) })));
      // The picture's quality slider is named in the language too.
      await item.getByRole('slider', { name: fill(m['estimate-slider'], { name: placed }), exact: true }).waitFor();
      if (tag === 'en' || rtl) {
        // Compare's divider follows the arrow keys on screen in either direction: ← moves it
        // left. In Arabic the original is on the right (the reading start).
        await item.getByRole('button', { name: fill(m.compare, { name: placed }) }).click();
        // Compare's own slider, by its name: a finished picture also has the quality slider.
        const range = item.getByRole('slider', { name: fill(m['compare-range'], { name: placed }), exact: true });
        const divider = item.locator('.compare-divider');
        await divider.waitFor();
        const x0 = (await divider.boundingBox()).x;
        await range.focus();
        for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
        const x1 = (await divider.boundingBox()).x;
        assert.ok(x1 < x0 - 10, `ArrowLeft moved the divider from ${x0} to ${x1}`);
        const clip = await item.locator('img.compare-converted').evaluate((e) => e.style.clipPath);
        assert.match(clip, rtl ? /^inset\(0(px)? \d+% 0(px)? 0(px)?\)$/ : /^inset\(0(px)? 0(px)? 0(px)? \d+%\)$/);
      }
      if (rtl) {
        // Mirrored: the queue sits left of the settings, and the text starts at the right.
        const x = async (sel) => (await page.locator(sel).boundingBox()).x;
        assert.ok(await x('.queue') < await x('.settings-panel'), 'the columns are mirrored');
        await assertNoSeriousViolations(page, 'Arabic, a finished job');
      }
      await page.screenshot({ path: join(artifacts, `locale-${tag}.png`), fullPage: true });
      assert.deepEqual(app.consoleErrors, []);
    } finally {
      await app.browser.close();
    }
  });
}

test('de: a running video says its step, why the next waits, and its plan in German', { timeout: 240_000 }, async () => {
  const m = messages('de');
  // Two cores: one video at a time. Each job is held before its engine starts and again
  // once its plan is on the page (the `hold_jobs` and `hold_planned` test hooks).
  const app = await openApp(`${server.url}?hold_jobs=1&hold_planned=1`, {
    locale: 'de-DE', serviceWorkers: 'block',
    beforeLoad: (context) => context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 2 });
    }),
  });
  const { page } = app;
  try {
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    const clip = (name) => makeMedia(name, [
      '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30000/1001:duration=3',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '10', '-pix_fmt', 'yuv420p',
    ]);
    const names = ['locale-a.mp4', 'locale-b.mp4'];
    await page.getByLabel(m['target-label']).fill('0.2');
    await addFiles(page, names.map(clip), m['add-files']);
    const item = (name) => page.getByRole('list', { name: m.queue }).getByRole('listitem').filter({ hasText: name });
    for (const name of names) await item(name).getByText(m['kind-video'], { exact: true }).waitFor();
    await page.getByRole('button', { name: m.convert, exact: true }).click();
    const [a, b] = names.map(item);
    const step = async () => (await a.locator('.running > .job-status').innerText()).split(' · ')[0];
    await waitHeld(page, ['locale-a.mp4']);
    assert.equal(await step(), m['step-starting']);
    await b.getByText(m['wait-one-video'], { exact: true }).waitFor();
    await release(page, 'locale-a.mp4');
    await waitHeld(page, ['locale-a.mp4']);
    assert.ok([m['step-reading'], m['step-analysing']].includes(await step()), await step());
    // 29.97 fps kept, written with German's decimal comma; the quality in German words.
    const qualities = ['low', 'fair', 'good', 'very-good'].map((q) => m[`quality-${q}`]);
    const plan = await a.locator('.job-plan').innerText();
    const expected = qualities.map((quality) => fill(m.plan, { height: '240', fps: '29,97', quality }));
    assert.ok(expected.includes(plan), `${plan} is one of ${expected.join(' | ')}`);
    await page.screenshot({ path: join(artifacts, 'locale-de-running.png'), fullPage: true });
    await releaseFromNowOn(page);
    for (const name of names) {
      await item(name).getByRole('link', { name: fill(m.download, { name: name.replace('.mp4', '-0.2MB.mp4') }) })
        .waitFor({ timeout: 180_000 });
    }
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.browser.close();
  }
});

test('de: the alert of a file FFmpeg cannot read, and of an empty file, is in German', { timeout: 120_000 }, async () => {
  const m = messages('de');
  const app = await openApp(server.url, { locale: 'de-DE' });
  const { page } = app;
  try {
    // Without +faststart the index (moov) sits at the end: cutting the file in half loses it.
    const whole = makeMedia('locale-moov-at-end.mp4', [
      '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    ]);
    const cut = join(media, 'locale-cut.mp4');
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await addFiles(page, [cut], m['add-files']);
    const item = page.getByRole('list', { name: m.queue }).getByRole('listitem').filter({ hasText: 'locale-cut.mp4' });
    await item.getByText(m['kind-video'], { exact: true }).waitFor();
    await page.getByRole('button', { name: m.convert, exact: true }).click();
    const alert = item.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    assert.equal(await alert.innerText(), m['fail-no-index']);
    await item.getByText(m.details).click();
    assert.match(await item.locator('details.log pre').innerText(), /moov atom not found/);
    // The page's own refusals too: an empty file.
    const empty = join(media, 'locale-empty.mp4');
    writeFileSync(empty, Buffer.alloc(0));
    await addFiles(page, [empty], m['add-files']);
    const emptyItem = page.getByRole('list', { name: m.queue }).getByRole('listitem').filter({ hasText: 'locale-empty.mp4' });
    await emptyItem.waitFor();
    await page.getByRole('button', { name: m.convert, exact: true }).click();
    await emptyItem.getByRole('alert').waitFor({ timeout: 30_000 });
    assert.equal(await emptyItem.getByRole('alert').innerText(), m['fail-empty']);
  } finally {
    await app.browser.close();
  }
});

test('the Language select switches the page and the choice is remembered', { timeout: 60_000 }, async () => {
  const app = await openApp(server.url, { locale: 'en-US' });
  const { page } = app;
  try {
    const de = messages('de');
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('button', { name: de.convert, exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    await page.reload();
    await page.getByRole('button', { name: de.convert, exact: true }).waitFor();
    assert.equal(await page.getByLabel(de.language).inputValue(), 'de');
    await page.getByLabel(de.language).selectOption('en');
    await page.getByRole('button', { name: 'Convert', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  } finally {
    await app.browser.close();
  }
});
