// Ways files arrive besides the picker, and a job's own settings: a folder picked with
// **Add folder** adds every file inside it, every level down, except hidden ones; files
// pasted on the page join the queue (pasted text does not); files dropped on the page are
// added; and a job can override the output format and target size of the settings panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, artifacts, download, ffprobe } from './harness.mjs';

const TIMEOUT = 5 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url, { serviceWorkers: 'block' }); });
after(async () => { await app?.browser.close(); server?.stop(); });

const png = () => makeMedia('intake.png', ['-f', 'lavfi', '-i', 'testsrc2=size=160x120', '-frames:v', '1']);
const wav = () => makeMedia('intake.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1']);
const queueNames = () => app.page.locator('ul[aria-label="Queue"] .job-name').allTextContents();

async function clearQueue(page) {
  const items = page.getByRole('list', { name: 'Queue' }).getByRole('listitem');
  while (await items.count()) await items.first().getByRole('button', { name: 'Remove' }).click();
}

test('Add folder adds every file inside, every level down, skipping hidden ones', { timeout: TIMEOUT }, async () => {
  const dir = join(artifacts, 'intake-folder');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'day 1', 'evening'), { recursive: true });
  mkdirSync(join(dir, '.thumbnails'), { recursive: true });
  copyFileSync(png(), join(dir, 'top.png'));
  copyFileSync(wav(), join(dir, 'day 1', 'song.wav'));
  copyFileSync(png(), join(dir, 'day 1', 'evening', 'deep.png'));
  writeFileSync(join(dir, '.DS_Store'), 'Bud1 not media');
  copyFileSync(png(), join(dir, '.thumbnails', 'thumb.png'));
  copyFileSync(png(), join(dir, 'day 1', '._deep.png'));

  await app.page.getByLabel('Add folder').setInputFiles(dir);
  await jobItem(app.page, 'deep.png').getByText('image', { exact: true }).waitFor();
  await jobItem(app.page, 'song.wav').getByText('audio', { exact: true }).waitFor();
  assert.deepEqual((await queueNames()).sort(), ['deep.png', 'song.wav', 'top.png']);
  await clearQueue(app.page);
});

test('pasting files adds them; pasting text does not', { timeout: TIMEOUT }, async () => {
  const bytes = [...readFileSync(png())];
  await app.page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'pasted.png', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await jobItem(app.page, 'pasted.png').getByText('image', { exact: true }).waitFor();

  const handled = await app.page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '12.5');
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    document.body.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  assert.equal(handled, false, 'pasted text is left to the page');
  assert.deepEqual(await queueNames(), ['pasted.png']);
  await clearQueue(app.page);
});

test('dropping files on the page adds them', { timeout: TIMEOUT }, async () => {
  const bytes = [...readFileSync(png())];
  await app.page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'dropped-1.png', { type: 'image/png' }));
    dt.items.add(new File([new Uint8Array(data)], 'dropped-2.png', { type: 'image/png' }));
    const target = document.querySelector('main');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await jobItem(app.page, 'dropped-2.png').getByText('image', { exact: true }).waitFor();
  assert.deepEqual(await queueNames(), ['dropped-1.png', 'dropped-2.png']);
  await clearQueue(app.page);
});

test('a job can override the output format and target size; the others follow the settings', { timeout: TIMEOUT }, async () => {
  const clip = (name, hue) => makeMedia(name, [
    '-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=25:duration=2,hue=h=${hue}`, '-f', 'lavfi', '-i', 'sine=duration=2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', '-shortest',
  ]);
  const page = app.page;
  await addFiles(page, [clip('own-a.mp4', 0), clip('own-b.mp4', 120), clip('own-c.mp4', 240)]);
  for (const n of ['own-a.mp4', 'own-b.mp4', 'own-c.mp4']) await jobItem(page, n).getByText('video', { exact: true }).waitFor();
  await page.getByLabel('Output format', { exact: true }).selectOption({ label: 'MP4' });
  await page.getByLabel('Target size (MB)', { exact: true }).fill('2');

  const b = jobItem(page, 'own-b.mp4');
  await b.getByText('Options for own-b.mp4').click();
  await page.getByLabel('Output format for own-b.mp4').selectOption({ label: 'WebM' });
  const c = jobItem(page, 'own-c.mp4');
  await c.getByText('Options for own-c.mp4').click();
  const target = page.getByLabel('Target size for own-c.mp4 (MB)');
  await target.fill('tiny');
  await c.getByRole('alert').filter({ hasText: 'must be a number' }).waitFor();
  await target.fill('0.5');
  assert.equal(await page.getByLabel('Output format for own-c.mp4').inputValue(), '', 'follows the settings');

  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const a = jobItem(page, 'own-a.mp4');
  await a.getByRole('link', { name: 'Download own-a-2MB.mp4' }).waitFor({ timeout: TIMEOUT });
  await b.getByRole('link', { name: 'Download own-b-2MB.webm' }).waitFor({ timeout: TIMEOUT });
  await c.getByRole('link', { name: 'Download own-c-0.5MB.mp4' }).waitFor({ timeout: TIMEOUT });
  const webm = ffprobe(await download(page, b, 'own-b-2MB.webm'));
  assert.match(webm.format.format_name, /webm/);
  const small = await download(page, c, 'own-c-0.5MB.mp4');
  assert.ok(readFileSync(small).length <= 500_000, 'the own target holds');
  assert.match(ffprobe(await download(page, a, 'own-a-2MB.mp4')).format.format_name, /mp4/);
});
