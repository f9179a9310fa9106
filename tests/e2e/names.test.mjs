// Output names (issue 7): a file whose name a Linux file system accepts but Windows or a zip
// tool would not (":", "*", "?", a leading dot that hides it) downloads under a safe name,
// alone and in the Download all zip. The rules themselves are unit-tested in core/src/names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serveDist, openApp, makeMedia, addFiles, jobItem, media, artifacts } from './harness.mjs';

const TIMEOUT = 3 * 60_000;
let server; let app;
before(async () => { server = await serveDist(); app = await openApp(server.url); });
after(async () => { await app?.browser.close(); server?.stop(); });

test('a nastily named file downloads under a sanitized name', { timeout: TIMEOUT }, async () => {
  const { page } = app;
  const png = makeMedia('names-source.png', ['-f', 'lavfi', '-i', 'testsrc2=size=160x120', '-frames:v', '1']);
  const nasty = join(media, '.bad:name*?.png');
  copyFileSync(png, nasty);
  await page.getByLabel('Target size (MB)').fill('');
  await page.getByLabel('Output format').selectOption({ label: 'Automatic' });
  await addFiles(page, [nasty]);
  const item = jobItem(page, '.bad:name*?.png');
  await item.getByText('image', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();

  const link = item.getByRole('link', { name: 'Download bad_name_.webp' });
  await link.waitFor({ timeout: TIMEOUT });
  assert.equal(await link.getAttribute('download'), 'bad_name_.webp');
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(dl.suggestedFilename(), 'bad_name_.webp');

  const [zipDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all' }).click()]);
  const zip = join(artifacts, 'names.zip');
  await zipDl.saveAs(zip);
  const entries = JSON.parse(String(execFileSync('python3', ['-c',
    'import json, sys, zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', zip])));
  assert.deepEqual(entries, ['bad_name_.webp']);
});
