// One job in the app, timed in the page from the click on Convert to the download link,
// and what the job's log says it did (planned shape, first encoded frame, attempts).
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { addFiles, jobItem, setEncoder, jobLog, download, ffprobe, displaySize } from '../../tests/e2e/harness.mjs';

const TIMEOUT = 15 * 60_000;

/** Marks the click and the link's appearance with `performance.now()` in the page. */
async function armTimer(page, linkName) {
  await page.evaluate((linkName) => {
    window.__bench = { t0: null, t1: null };
    document.addEventListener('click', (e) => {
      if (e.target.closest('button')?.textContent.trim() === 'Convert') window.__bench.t0 = performance.now();
    }, { capture: true, once: true });
    const seen = () => [...document.querySelectorAll('a')].some((a) => a.getAttribute('aria-label') === linkName || a.textContent.includes(linkName.replace(/^Download /, '')));
    new MutationObserver((_, obs) => {
      if (window.__bench.t0 !== null && seen()) { window.__bench.t1 = performance.now(); obs.disconnect(); }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, linkName);
}

/** ffprobe's "30000/1001" as a number. */
const rate = (r) => { const [n, d] = r.split('/').map(Number); return n / d; };

/** Runs `clip` → MP4 under `mb` MB with `encoder`; returns the row's app half. */
export async function runApp(page, clip, mb, encoder, outDir) {
  const name = basename(clip);
  const outName = `${name.replace(/\.[^.]+$/, '')}-${mb}MB.mp4`;
  await page.getByLabel('Target size (MB)').fill(String(mb));
  await setEncoder(page, encoder);
  await addFiles(page, [clip]);
  const item = jobItem(page, name).last();
  await item.getByText('video', { exact: true }).waitFor();
  await armTimer(page, `Download ${outName}`);
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  await item.getByRole('link', { name: `Download ${outName}` }).or(item.getByRole('alert')).first().waitFor({ timeout: TIMEOUT });
  const log = await jobLog(item);
  if (await item.getByRole('alert').count()) throw new Error(`${name} → ${mb} MB failed:\n${log}`);
  const { t0, t1 } = await page.evaluate(() => window.__bench);
  const out = await download(page, item, outName);
  const probe = ffprobe(out);
  const video = probe.streams.find((s) => s.codec_type === 'video');
  const audio = probe.streams.find((s) => s.codec_type === 'audio');
  const row = {
    wallS: (t1 - t0) / 1000,
    log,
    out, size: statSync(out).size,
    shape: displaySize(probe),
    fps: rate(video.avg_frame_rate),
    // The plan's video bitrate, else the output's (a plan limited to the source's rate).
    videoKbps: Number(log.match(/^Video (\d+) kbps/gm)?.at(-1)?.match(/\d+/)[0] ?? Math.round(Number(video.bit_rate) / 1000)),
    audioKbps: audio ? Math.round(Number(audio.bit_rate) / 1000) : 0,
    audioChannels: audio?.channels ?? 0,
    encodeFps: Number(log.match(/frames, (\d+) fps/)?.[1] ?? NaN),
    firstFrameMs: Number(log.match(/First encoded frame (\d+) ms/)?.[1] ?? NaN),
    scaledInEncoder: /the encoder scales to/.test(log),
    attempts: (log.match(/First encoded frame/g) ?? []).length || 1,
    engine: (log.match(/^Encoder: [^(]*/m) ?? ['?'])[0].replace('Encoder: ', '').trim(),
  };
  await item.getByRole('button', { name: /Remove/ }).first().click().catch(() => {});
  return row;
}
