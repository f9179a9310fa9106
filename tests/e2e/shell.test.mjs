// The app shell: files added through **Add files** appear in **Queue**, recognised by content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, randomBytesFile, addFiles, jobItem, humanSize, artifacts, media } from './harness.mjs';

let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

test('added files show in Queue with name, size and detected kind', async () => {
  const video = makeMedia('shell-video.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-pix_fmt', 'yuv420p']);
  const image = makeMedia('shell-image.png', ['-f', 'lavfi', '-i', 'testsrc2=size=640x480', '-frames:v', '1']);
  const random = randomBytesFile('shell-random.bin', 5000);
  // Detection is by content: a PNG named .jpg is still an image, random bytes named .mp4 are unknown.
  const pngAsJpg = join(media, 'shell-png-named.jpg'); copyFileSync(image, pngAsJpg);
  const randomAsMp4 = join(media, 'shell-random-named.mp4'); copyFileSync(random, randomAsMp4);

  await addFiles(app.page, [video, pngAsJpg, randomAsMp4]);
  const queue = app.page.getByRole('list', { name: 'Queue' });
  await assert.doesNotReject(queue.getByRole('listitem').nth(2).waitFor());
  assert.equal(await queue.getByRole('listitem').count(), 3);

  for (const [file, kind] of [[video, 'video'], [pngAsJpg, 'image'], [randomAsMp4, 'unknown']]) {
    const name = file.split('/').pop();
    const item = jobItem(app.page, name);
    await item.getByText(kind, { exact: true }).waitFor();
    const text = await item.innerText();
    assert.match(text, new RegExp(name.replace('.', '\\.')));
    assert.ok(text.includes(humanSize(statSync(file).size)), `${name}: expected ${humanSize(statSync(file).size)} in "${text}"`);
  }
  await app.page.screenshot({ path: join(artifacts, 'main-screen.png'), fullPage: true });
  assert.deepEqual(app.consoleErrors, []);
});
