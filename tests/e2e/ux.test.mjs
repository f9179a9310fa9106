// Experience around the work: settings persist across visits; the tab title shows progress;
// leaving with results not downloaded asks first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, makeMedia, addFiles, jobItem, download, waitHeld, release } from './harness.mjs';

const TIMEOUT = 4 * 60_000;
let server; let app;
// Jobs are held running (the `hold_jobs` test hook) until the test has looked at the title.
before(async () => { server = await serveDist(); app = await openApp(`${server.url}?hold_jobs=1`); });
after(async () => { await app?.browser.close(); server?.stop(); });
// What a select shows as chosen (its values are stable ids, not the words on the page).
const chosen = (label) => app.page.getByLabel(label, { exact: true }).evaluate((s) => s.selectedOptions[0]?.label);

test('settings persist across visits', async () => {
  await app.page.getByLabel('Target size (MB)').fill('7.5');
  await app.page.getByLabel('Quality').selectOption({ label: 'Small' });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Tamp' }).waitFor();
  assert.equal(await app.page.getByLabel('Target size (MB)').inputValue(), '7.5');
  assert.equal(await chosen('Quality'), 'Small');
});

test('a choice an earlier version saved by its label is still the choice, now saved by id', async () => {
  await app.page.evaluate(() => localStorage.setItem('tamp.settings.v1',
    'format=WebP (animated)\nquality=High\nencoder=Best quality (x264)\ncodec=AV1 (smaller, recent players)'));
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Tamp' }).waitFor();
  assert.equal(await chosen('Output format'), 'WebP (animated)');
  assert.equal(await chosen('Quality'), 'High');
  assert.equal(await chosen('Encoder'), 'Best quality (x264)');
  assert.equal(await chosen('Video codec'), 'AV1 (smaller, recent players)');
  const saved = await app.page.evaluate(() => localStorage.getItem('tamp.settings.v1'));
  for (const line of ['format=webp-video', 'quality=high', 'encoder=best', 'codec=av1']) {
    assert.ok(saved.split('\n').includes(line), `${line} in ${JSON.stringify(saved)}`);
  }
  await app.page.evaluate(() => localStorage.removeItem('tamp.settings.v1'));
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Tamp' }).waitFor();
});

test('a size preset that takes one format picks it, and shows as pressed only while both hold', async () => {
  const chip = app.page.getByRole('button', { name: /^WhatsApp sticker/ });
  await chip.click();
  assert.equal(await app.page.getByLabel('Target size (MB)').inputValue(), '0.5');
  assert.equal(await chosen('Output format'), 'WebP (animated)');
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  await app.page.getByLabel('Output format', { exact: true }).selectOption({ label: 'GIF' });
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  await app.page.getByRole('button', { name: /^Discord sticker/ }).click();
  assert.equal(await app.page.getByRole('button', { name: /^Discord sticker/ }).getAttribute('aria-pressed'), 'true');
  await app.page.getByLabel('Output format', { exact: true }).selectOption({ label: 'Automatic' });
});

test('Max width persists; trim times are for the clip at hand and do not', async () => {
  await app.page.getByLabel('Max width').selectOption({ label: '1280 px' });
  await app.page.getByLabel('Trim start').fill('0:05');
  await app.page.getByLabel('Trim end').fill('0:09');
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Tamp' }).waitFor();
  assert.equal(await app.page.getByLabel('Max width').inputValue(), '1280');
  assert.equal(await app.page.getByLabel('Trim start').inputValue(), '');
  assert.equal(await app.page.getByLabel('Trim end').inputValue(), '');
  await app.page.getByLabel('Max width').selectOption({ label: 'Original' });
});

test('the title shows progress; leaving with an undownloaded result asks first', { timeout: TIMEOUT }, async () => {
  const clip = makeMedia('ux-clip.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=6', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
  ]);
  await app.page.getByLabel('Target size (MB)').fill('0.5');
  await addFiles(app.page, [clip]);
  const item = jobItem(app.page, 'ux-clip.mp4');
  await item.getByText('video', { exact: true }).waitFor();
  await app.page.getByRole('button', { name: 'Convert', exact: true }).click();
  await waitHeld(app.page, ['ux-clip.mp4']);
  await app.page.waitForFunction(() => /^\d+% · /.test(document.title), null, { timeout: 10_000 });
  await release(app.page);
  await item.getByRole('link', { name: 'Download ux-clip-0.5MB.mp4' }).waitFor({ timeout: TIMEOUT });
  await app.page.waitForFunction(() => !/^\d+% · /.test(document.title));

  let asked = 0;
  const onDialog = async (d) => { if (d.type() === 'beforeunload') asked++; await d.dismiss(); };
  app.page.on('dialog', onDialog);
  await app.page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(asked, 1, 'leaving with an undownloaded result should ask');
  assert.equal(app.page.isClosed(), false, 'dismissing the prompt keeps the page');

  await download(app.page, item, 'ux-clip-0.5MB.mp4');
  await app.page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(asked, 1, 'no prompt once everything is downloaded');
  assert.equal(app.page.isClosed(), true);
});
