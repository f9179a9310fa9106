// Ways files arrive besides the picker: a folder picked with **Add folder** adds every file
// inside it, every level down, except hidden ones; files pasted on the page join the queue
// (pasted text does not); files dropped on the page are added.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, jobItem, artifacts } from './harness.mjs';

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
