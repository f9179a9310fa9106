// Speed benchmark: the app's FFmpeg.wasm engine (single-threaded "st" core and multi-threaded
// "mt" core, Encoder "Best quality (x264)") and its WebCodecs engine ("webcodecs", Encoder
// "Fast (browser codecs)") against native ffmpeg with the same two-pass x264 settings as the
// FFmpeg engine, on the same machine, in one run.
//
// usage: node scripts/bench.mjs [options]
//   --clip FILE:MB       clip and target size; repeatable; replaces the default clips
//   --add FILE:MB        add a clip to the defaults (e.g. --add bigbuckbunny.mp4:0.5)
//                        (FILE is looked up in .media/ when it is not a path that exists)
//   --engines LIST       comma list of st,mt,webcodecs,native (default: all four)
//   --reps N             repetitions per clip and engine; the table shows the median (default 1)
//   --dist DIR           serve DIR as is (default: a fresh snapshot of dist/ in a temp dir, so a
//                        rebuild during the run cannot change what is measured)
//   --stall S            a job with no visible progress for S seconds fails (default 120)
//   --timeout S          a job running longer than S seconds fails (default 900)
//   --wait-idle S        before each measurement wait up to S s for the machine to go idle
//                        (other processes < 0.3 cores busy); 0 = don't wait (default 20)
//   --no-warmup          do not warm the engine up first (the first row then includes core load)
//   --no-ssim            skip the SSIM column (saves ~5-10 s per row)
//   --out FILE           Markdown output (default tests/e2e/artifacts/bench.md)
//
// Method: for each engine the page is opened once (page load excluded) and a tiny warm-up
// job loads and JIT-warms the FFmpeg core (its cold load time is reported separately). Each
// clip is then timed from the click on Convert to the download link appearing, measured in
// the page (performance.now() from a capture-phase click listener to a MutationObserver).
// Native ffmpeg then runs the same two-pass libx264 veryfast encode the app ran (bitrate
// from the output's x264 SEI, size/fps/audio from the app's plan and output) with -threads 2.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const media = join(root, '.media');
const artifacts = join(root, 'tests/e2e/artifacts');
const outDir = join(artifacts, 'bench');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
const NATIVE_THREADS = 2;
/** The job log's line that names the engine: the encoder choice, else the FFmpeg core. */
const engineLineOf = (text) => (text.match(/^Encoder: .*$/m) ?? text.match(/^Engine: .*$/m) ?? [null])[0];
/** The app's **Encoder** option for each engine measured in the page. */
const ENCODER_OF = { st: 'Best quality (x264)', mt: 'Best quality (x264)', webcodecs: 'Fast (browser codecs)' };

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const o = {
    clips: null, add: [], engines: ['st', 'mt', 'webcodecs', 'native'], reps: 1, dist: null,
    stall: 120, timeout: 900, warmup: true, ssim: true, out: join(artifacts, 'bench.md'), waitIdle: 20,
  };
  const parseClip = (s) => {
    const i = s.lastIndexOf(':');
    if (i < 1) throw new Error(`expected FILE:MB, got ${s}`);
    const mb = Number(s.slice(i + 1));
    if (!(mb > 0)) throw new Error(`bad target in ${s}`);
    return { file: s.slice(0, i), mb };
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]; const v = () => argv[++i];
    switch (a) {
      case '--clip': (o.clips ??= []).push(parseClip(v())); break;
      case '--add': o.add.push(parseClip(v())); break;
      case '--engines': o.engines = v().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--reps': o.reps = Math.max(1, Number(v())); break;
      case '--dist': o.dist = resolve(v()); break;
      case '--stall': o.stall = Number(v()); break;
      case '--timeout': o.timeout = Number(v()); break;
      case '--wait-idle': o.waitIdle = Number(v()); break;
      case '--no-warmup': o.warmup = false; break;
      case '--no-ssim': o.ssim = false; break;
      case '--out': o.out = resolve(v()); break;
      case '-h': case '--help':
        console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]);
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default: throw new Error(`unknown option ${a} (see --help)`);
    }
  }
  for (const e of o.engines) if (!['st', 'mt', 'webcodecs', 'native'].includes(e)) throw new Error(`unknown engine ${e}`);
  o.clips = [...(o.clips ?? [{ file: 'synth-720p-20s.mp4', mb: 8 }, { file: 'synth-1080p-10s.mp4', mb: 8 }]), ...o.add];
  return o;
}

const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// ---------------------------------------------------------------- media
function ensureMedia(clips) {
  mkdirSync(media, { recursive: true });
  const missing = clips.filter((c) => !existsSync(resolveClip(c.file)));
  if (missing.length) {
    log(`making sample media (${missing.map((c) => c.file).join(', ')} missing)`);
    execFileSync('bash', ['/work/shared/media/fetch-samples.sh', media], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  for (const c of clips) {
    c.path = resolveClip(c.file);
    if (!existsSync(c.path)) throw new Error(`clip not found: ${c.file}`);
    c.name = basename(c.path);
    c.stem = c.name.slice(0, c.name.length - extname(c.name).length);
    c.targetBytes = Math.round(c.mb * 1_000_000);
    c.probe = ffprobe(c.path);
    const v = c.probe.streams.find((s) => s.codec_type === 'video');
    const rot = Math.abs(Number(v.side_data_list?.find((d) => 'rotation' in d)?.rotation ?? v.tags?.rotate ?? 0)) % 180;
    c.display = rot === 90 ? [v.height, v.width] : [v.width, v.height];
    c.coded = [v.width, v.height];
  }
  // A tiny clip that makes the engine load its core and run both passes once.
  const warm = join(media, 'bench-warmup.mp4');
  if (!existsSync(warm)) {
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=2',
      '-f', 'lavfi', '-i', 'sine=duration=2', '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-pix_fmt', 'yuv420p', warm]);
  }
  return warm;
}
function resolveClip(f) {
  if (isAbsolute(f) || existsSync(f)) return resolve(f);
  return join(media, f);
}
function ffprobe(file) {
  return JSON.parse(String(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file])));
}
function frameCount(file) {
  const out = String(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_packets',
    '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file])).trim();
  return Number(out);
}

// ---------------------------------------------------------------- dist snapshot
async function snapshotDist(opt) {
  if (opt.dist) return { dir: opt.dist, cleanup: () => {} };
  const src = join(root, 'dist');
  for (let attempt = 0; attempt < 10; attempt++) {
    if (existsSync(join(src, 'index.html'))) {
      const dir = mkdtempSync(join(tmpdir(), 'tamp-bench-dist-'));
      cpSync(src, dir, { recursive: true });
      if (distComplete(dir)) return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
      rmSync(dir, { recursive: true, force: true });
    }
    log('dist/ missing or mid-rebuild; retrying in 60 s');
    await sleep(60_000);
  }
  throw new Error('no complete dist/ to benchmark (build it first)');
}
function distComplete(dir) {
  try {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:href|module_or_path:|from)\s*=?\s*['"]\/?([^'"]+\.(?:js|wasm|css))['"]/g)].map((m) => m[1]);
    return refs.length > 0 && refs.every((r) => existsSync(join(dir, r)))
      && ['ffmpeg-worker.js', 'engine_worker.js', 'engine_worker_bg.wasm', 'ffmpeg/st/ffmpeg-core.wasm', 'ffmpeg/mt/ffmpeg-core.wasm']
        .every((f) => existsSync(join(dir, f)));
  } catch { return false; }
}

// ---------------------------------------------------------------- server + browser
async function serve(dir, isolated) {
  const args = [join(root, 'scripts/static-server.mjs'), dir, '0', '127.0.0.1'];
  if (isolated) args.push('--isolated');
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ISOLATED: isolated ? '1' : '0' } });
  const url = await new Promise((ok, fail) => {
    server.on('exit', (code) => fail(new Error(`static server exited ${code}`)));
    server.stdout.on('data', (d) => {
      const m = String(d).match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) ok(m[0]);
    });
  });
  return { url, stop: () => server.kill() };
}

function childPids(pid) {
  try {
    return String(execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)])).split('\n').map((s) => Number(s.trim())).filter(Boolean);
  } catch { return []; }
}

class App {
  static async open(url) {
    const before = new Set(childPids(process.pid));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const pids = childPids(process.pid).filter((p) => !before.has(p));
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const app = new App(browser, page, pids);
    page.on('console', (m) => { if (m.type() === 'error') app.errors.push(m.text()); });
    page.on('pageerror', (e) => app.errors.push(String(e)));
    page.on('crash', () => { app.crashed = true; app.errors.push('page crashed'); });
    page.on('worker', (w) => w.on('close', () => app.workerEvents.push('worker closed')));
    await page.goto(url);
    await page.getByRole('heading', { name: 'Tamp' }).waitFor({ timeout: 60_000 });
    app.isolated = await page.evaluate(() => globalThis.crossOriginIsolated === true);
    return app;
  }
  constructor(browser, page, pids) {
    Object.assign(this, { browser, page, pids, errors: [], workerEvents: [], crashed: false });
  }
  async close() {
    const closed = await Promise.race([this.browser.close().then(() => true, () => false), sleep(20_000).then(() => false)]);
    if (!closed) {
      // Chromium is wedged (e.g. a spinning mt core): stop the processes this run started.
      for (const pid of this.pids) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    }
  }

  /** Runs one target-size job through the UI; returns timing, output path, log and trace. */
  async runJob(clip, { stall, timeout, saveAs }) {
    const { page } = this;
    const item = page.getByRole('list', { name: 'Queue' }).getByRole('listitem').filter({ hasText: clip.name });
    await page.getByLabel('Target size (MB)').fill(String(clip.mb));
    await page.getByLabel('Add files').setInputFiles([clip.path]);
    await item.getByText('video', { exact: true }).waitFor({ timeout: 60_000 });
    const li = await item.elementHandle();
    // In-page timing: a capture-phase listener stamps the click, an observer stamps every
    // change of the job's visible state until its download link exists.
    await page.evaluate((li) => {
      const b = { click: null, done: null, status: null, trace: [] };
      window.__bench = b;
      const btn = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Convert');
      btn.addEventListener('click', () => { b.click ??= performance.now(); }, { capture: true, once: true });
      const sample = () => {
        const now = performance.now();
        const status = li.getAttribute('data-status');
        const bar = li.querySelector('progress');
        const text = li.querySelector('.job-status')?.textContent ?? '';
        const step = status === 'running' ? text.split(' · ')[0] : status;
        const pct = bar ? Number(bar.value) : null;
        const speed = (text.match(/([\d.]+)× real time/) ?? [])[1] ?? null;
        const last = b.trace[b.trace.length - 1];
        if (!last || last.step !== step || last.pct !== pct) b.trace.push({ t: now, step, pct, speed });
        b.status = status;
        if (b.done == null && li.querySelector('a[download]')) b.done = now;
        if (b.done == null && (status === 'failed' || status === 'cancelled')) b.done = now;
      };
      b.observer = new MutationObserver(sample);
      b.observer.observe(li, { subtree: true, childList: true, attributes: true, characterData: true });
      sample();
    }, li);
    const cpu0 = treeCpu(this.pids); const win = loadWindow();
    const memBefore = treePssMb(this.pids); let memPeak = memBefore;
    await page.getByRole('button', { name: 'Convert', exact: true }).click();

    const started = Date.now();
    let lastChange = Date.now(); let lastKey = '';
    let failure = null;
    for (;;) {
      await sleep(1000);
      memPeak = Math.max(memPeak, treePssMb(this.pids));
      if (this.crashed) { failure = 'browser page crashed'; break; }
      let st;
      try {
        st = await Promise.race([
          page.evaluate(() => { const b = window.__bench; const l = b.trace[b.trace.length - 1]; return { done: b.done, status: b.status, last: l, n: b.trace.length }; }),
          sleep(30_000).then(() => null),
        ]);
      } catch (e) { failure = `page unreachable: ${String(e).split('\n')[0]}`; break; }
      if (!st) { failure = 'page unresponsive for 30 s'; break; }
      if (st.done != null) {
        if (st.status === 'failed') {
          const msg = await item.getByRole('alert').innerText().catch(() => '?');
          failure = `app reported failure: ${msg}`;
        } else if (st.status === 'cancelled') failure = 'job cancelled';
        break;
      }
      const key = JSON.stringify([st.last?.step, st.last?.pct, st.n]);
      if (key !== lastKey) { lastKey = key; lastChange = Date.now(); }
      if (Date.now() - lastChange > stall * 1000) {
        failure = `no progress for ${stall} s (stuck at "${st.last?.step}" ${st.last?.pct ?? '?'}%)`; break;
      }
      if (Date.now() - started > timeout * 1000) { failure = `timed out after ${timeout} s at "${st.last?.step}" ${st.last?.pct ?? '?'}%`; break; }
    }
    const cpu = treeCpu(this.pids) - cpu0;
    const load = win(cpu);
    const bench = await page.evaluate(() => { const b = window.__bench; b.observer.disconnect(); return { click: b.click, done: b.done, trace: b.trace }; }).catch(() => null);
    const logText = await item.locator('details.log pre').first().textContent({ timeout: 5_000 }).catch(() => '');
    const result = {
      failure, cpu, load, memBefore, memPeak,
      wall: bench?.done != null && bench?.click != null ? (bench.done - bench.click) / 1000 : null,
      trace: (bench?.trace ?? []).map((s) => ({ ...s, t: (s.t - (bench.click ?? s.t)) / 1000 })),
      log: logText ?? '',
    };
    if (!failure) {
      const link = item.getByRole('link', { name: `Download ${clip.stem}-` });
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), link.click()]);
      await dl.saveAs(saveAs);
      result.out = saveAs;
      result.outName = dl.suggestedFilename();
    }
    // Leave the queue empty for the next job.
    await item.getByRole('button', { name: 'Remove' }).click({ timeout: 5_000 }).catch(() => {});
    return result;
  }
}

// ---------------------------------------------------------------- CPU accounting
/** Busy and total jiffies of the whole machine (all CPUs) from /proc/stat. */
function machineJiffies() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] ?? 0);
  const total = f.slice(0, 8).reduce((x, y) => x + y, 0);
  return { busy: total - idle, total };
}
/** Every process under `roots` (the roots included), with its CPU jiffies so far. */
function treeProcs(roots) {
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) });
    } catch { /* exited */ }
  }
  const kids = new Map();
  for (const [pid, p] of procs) { if (!kids.has(p.ppid)) kids.set(p.ppid, []); kids.get(p.ppid).push(pid); }
  const tree = []; const seen = new Set(); const todo = [...roots];
  while (todo.length) {
    const pid = todo.pop(); if (seen.has(pid)) continue; seen.add(pid);
    if (procs.has(pid)) tree.push({ pid, ...procs.get(pid) });
    todo.push(...(kids.get(pid) ?? []));
  }
  return tree;
}
/** CPU seconds (user+sys) used so far by the processes under `roots` (threads included). */
function treeCpu(roots) {
  return treeProcs(roots).reduce((sum, p) => sum + p.cpu, 0) / CLK_TCK;
}
/**
 * Memory of the processes under `roots` in MB: the sum of their proportional set sizes (PSS),
 * so pages shared between Chromium's processes count once, not once per process.
 */
function treePssMb(roots) {
  let kb = 0;
  for (const { pid } of treeProcs(roots)) {
    try {
      kb += Number((readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m) ?? [0, 0])[1]);
    } catch { /* exited */ }
  }
  return kb / 1024;
}
const CLK_TCK = 100;
const NCPU = cpus().length;
/** Starts a measurement window; `end(ourCpuSeconds)` gives load figures for it. */
function loadWindow() {
  const j0 = machineJiffies(); const l0 = loadavg()[0];
  return (ours) => {
    const j1 = machineJiffies();
    const span = (j1.total - j0.total) / NCPU; // wall jiffies
    const busyCores = ((j1.busy - j0.busy) / span) || 0;
    const oursCores = ours != null ? (ours * CLK_TCK) / span : null;
    return { busyCores, oursCores, otherCores: oursCores != null ? Math.max(0, busyCores - oursCores) : null, load1: [l0, loadavg()[0]] };
  };
}
/** Waits (up to `maxS`) until the machine is mostly idle, so other work disturbs less. */
async function waitIdle(maxS) {
  if (!(maxS > 0)) return null;
  const t0 = Date.now();
  for (;;) {
    const a = machineJiffies(); await sleep(3000); const b = machineJiffies();
    const busy = ((b.busy - a.busy) / (b.total - a.total)) * NCPU;
    if (busy < 0.3) return { waited: (Date.now() - t0) / 1000, busy };
    if (Date.now() - t0 > maxS * 1000) { log(`machine still busy (${busy.toFixed(1)} cores in use by others); measuring anyway`); return { waited: (Date.now() - t0) / 1000, busy }; }
  }
}

// ---------------------------------------------------------------- wasm runs
/** One engine (st or mt): its own server and browser, kept open and warm for all clips. */
class WasmSession {
  constructor(kind, distDir, opt, warmClip) {
    Object.assign(this, { kind, distDir, opt, warmClip, app: null, server: null, broken: null, meta: { coreLoad: [], isolated: null, notes: [], engineLine: null } });
  }
  async start() {
    try {
      this.server ??= await serve(this.distDir, this.kind !== 'st');
      if (this.app) await this.app.close();
      this.app = await App.open(this.server.url);
      this.meta.isolated = this.app.isolated;
      if (this.kind === 'mt' && !this.app.isolated) throw new Error('page is not crossOriginIsolated: the mt core cannot be used');
      // st and mt measure FFmpeg's x264; webcodecs the browser's own codecs (its FFmpeg core
      // only adds the AAC track).
      await this.app.page.getByLabel('Encoder').selectOption({ label: ENCODER_OF[this.kind] });
      if (this.opt.warmup) {
        const w = { path: this.warmClip, name: basename(this.warmClip), stem: 'bench-warmup', mb: 1 };
        const r = await this.app.runJob(w, { stall: this.opt.stall, timeout: Math.min(this.opt.timeout, 300), saveAs: join(outDir, `warmup.${this.kind}.mp4`) });
        if (r.failure) throw new Error(`warm-up job failed: ${r.failure}`);
        const ready = r.trace.find((x) => x.step && !['Starting the converter', 'queued', 'ready'].includes(x.step));
        this.meta.coreLoad.push({ load: ready ? ready.t : null, firstJob: r.wall });
        this.meta.engineLine = engineLineOf(r.log);
        log(`${this.kind}: warm-up done (${this.meta.engineLine}); core load ${ready?.t?.toFixed(2)} s, warm-up job ${r.wall?.toFixed(1)} s`);
      }
      this.broken = null;
    } catch (e) {
      this.broken = String(e.message ?? e).split('\n')[0];
      this.meta.notes.push(`start failed: ${this.broken}`);
      log(`${this.kind}: could not start: ${this.broken}`);
    }
  }
  async run(c, rep) {
    if (this.broken) return { failure: this.broken, trace: [], log: '' };
    const kind = this.kind;
    log(`${kind}: ${c.name} → ${c.mb} MB (rep ${rep + 1}/${this.opt.reps})`);
    const saveAs = join(outDir, `${c.stem}-${c.mb}MB.wasm-${kind}.mp4`);
    let r;
    try {
      r = await this.app.runJob(c, { stall: this.opt.stall, timeout: this.opt.timeout, saveAs });
    } catch (e) {
      r = { failure: `bench error: ${String(e.message ?? e).split('\n')[0]}`, trace: [], log: '' };
    }
    r.engineLine = engineLineOf(r.log) ?? this.meta.engineLine;
    r.errors = [...this.app.errors]; this.app.errors.length = 0;
    writeFileSync(join(outDir, `${c.stem}-${c.mb}MB.wasm-${kind}.log.txt`), `${r.log}\n\n# trace (s since click, step, %, speed)\n${r.trace.map((x) => `${x.t.toFixed(2)}\t${x.step}\t${x.pct ?? ''}\t${x.speed ?? ''}`).join('\n')}\n`);
    log(r.failure ? `${kind}: ${c.name} FAILED: ${r.failure}` : `${kind}: ${c.name} ${r.wall.toFixed(1)} s, ${r.cpu?.toFixed(1)} CPU-s`);
    // The page's engine may be wedged; start over with a fresh browser for the next clip.
    if (r.failure) await this.start();
    return r;
  }
  async stop() {
    await this.app?.close();
    this.server?.stop();
  }
}

// ---------------------------------------------------------------- what the app did
/** The encode settings of the app's output: from its x264 SEI, ffprobe and the plan notes. */
function appSettings(clip, appRun) {
  const probe = ffprobe(appRun.out);
  const v = probe.streams.find((s) => s.codec_type === 'video');
  const a = probe.streams.find((s) => s.codec_type === 'audio');
  const sei = x264Sei(appRun.out);
  const bitrate = Number((sei.match(/ bitrate=(\d+)/) ?? [])[1]) || Number((appRun.log.match(/^Video (\d+) kbps/m) ?? [])[1]);
  if (!bitrate) throw new Error('could not find the video bitrate the app used');
  const fpsCap = (appRun.log.match(/^Frame rate capped to ([\d.]+) fps/m) ?? [])[1] ?? null;
  const scaled = v.width !== clip.display[0] || v.height !== clip.display[1];
  const audioKbps = Number((appRun.log.match(/^Audio (\d+) kbps/m) ?? [])[1])
    || (a ? Math.round(Number(a.bit_rate) / 1000) : null);
  return {
    bitrate, width: v.width, height: v.height, scaled, fpsCap,
    audio: a ? { kbps: audioKbps, channels: a.channels, rate: Number(a.sample_rate), fromLog: /^Audio \d+ kbps/m.test(appRun.log) } : null,
    x264Threads: (sei.match(/ threads=(\d+)/) ?? [])[1] ?? '?',
    x264Core: (sei.match(/x264 - core (\d+)/) ?? [])[1] ?? '?',
    attempts: Number((appRun.log.match(/Fitted on attempt (\d+)/) ?? [null, 1])[1]),
    bitrateFrom: /( bitrate=\d+)/.test(sei) ? 'x264 SEI' : 'plan log',
  };
}
function x264Sei(file) {
  const buf = readFileSync(file);
  const i = buf.indexOf('x264 - core');
  if (i < 0) return '';
  const end = buf.indexOf(0, i);
  return buf.subarray(i, end < 0 ? i + 4000 : Math.min(end, i + 4000)).toString('latin1');
}

/** The argument lists core/src/args.rs builds for a two-pass target encode, with -threads. */
function nativeArgs(src, s, out, passlog, threads) {
  const vf = [s.fpsCap ? `fps=${s.fpsCap}` : null, s.scaled ? `scale=${s.width}:${s.height}:flags=lanczos` : null].filter(Boolean).join(',');
  const common = ['-nostdin', '-y', '-i', src, '-map', '0:v:0'];
  const video = ['-c:v', 'libx264', '-preset', 'veryfast', '-b:v', `${s.bitrate}k`, ...(vf ? ['-vf', vf] : []), '-pix_fmt', 'yuv420p'];
  const pass1 = [...common, ...video, '-pass', '1', '-passlogfile', passlog, '-threads', String(threads), '-fps_mode', 'cfr', '-an', '-f', 'null', '-'];
  const pass2 = [...common, ...(s.audio ? ['-map', '0:a:0?'] : []), ...video, '-pass', '2', '-passlogfile', passlog,
    ...(s.audio ? ['-c:a', 'aac', '-b:a', `${s.audio.kbps}k`, '-ac', String(s.audio.channels), '-ar', String(s.audio.rate)] : ['-an']),
    '-threads', String(threads), '-movflags', '+faststart', '-map_metadata', '-1', out];
  return [pass1, pass2];
}

function runFfmpeg(args, timeoutS) {
  return new Promise((ok) => {
    const t0 = process.hrtime.bigint();
    const timeFile = join(outDir, '.time.txt');
    rmSync(timeFile, { force: true });
    // /usr/bin/time reports the CPU seconds ffmpeg used (to show how many cores it kept busy).
    const p = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'ffmpeg', '-hide_banner', '-loglevel', 'error', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutS * 1000);
    p.on('exit', (code, sig) => {
      clearTimeout(timer);
      let cpu = null;
      try { const [u, sy] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number); cpu = u + sy; } catch { /* killed */ }
      ok({ code, sig, err, cpu, wall: Number(process.hrtime.bigint() - t0) / 1e9 });
    });
  });
}

async function runNative(clip, settings, opt, rep) {
  const out = join(outDir, `${clip.stem}-${clip.mb}MB.native.mp4`);
  const passlog = join(outDir, `${clip.stem}.passlog`);
  const [p1, p2] = nativeArgs(clip.path, settings, out, passlog, NATIVE_THREADS);
  writeFileSync(join(outDir, `${clip.stem}-${clip.mb}MB.native.cmd.txt`), `ffmpeg ${p1.join(' ')}\nffmpeg ${p2.join(' ')}\n`);
  log(`native: ${clip.name} (rep ${rep + 1}/${opt.reps})`);
  const win = loadWindow();
  let r;
  const a = await runFfmpeg(p1, opt.timeout);
  if (a.code !== 0) r = { failure: `pass 1 failed (${a.code ?? a.sig}): ${a.err.trim().split('\n').pop()}` };
  else {
    const b = await runFfmpeg(p2, opt.timeout);
    if (b.code !== 0) r = { failure: `pass 2 failed (${b.code ?? b.sig}): ${b.err.trim().split('\n').pop()}` };
    else r = { wall: a.wall + b.wall, pass1: a.wall, pass2: b.wall, out, cpu: (a.cpu ?? NaN) + (b.cpu ?? NaN) };
  }
  r.load = win(r.cpu);
  for (const f of ['-0.log', '-0.log.mbtree', '-0.log.temp', '-0.log.mbtree.temp']) rmSync(passlog + f, { force: true });
  log(r.failure ? `native: ${clip.name} FAILED: ${r.failure}` : `native: ${clip.name} ${r.wall.toFixed(1)} s (pass 1 ${r.pass1.toFixed(1)} s, pass 2 ${r.pass2.toFixed(1)} s), ${r.cpu.toFixed(1)} CPU-s`);
  return r;
}

function ssim(out, clip) {
  const [w, h] = clip.display;
  const r = spawnSync('ffmpeg', ['-nostdin', '-hide_banner', '-i', out, '-i', clip.path, '-lavfi',
    `[0:v]scale=${w}:${h}:flags=bicubic[a];[a][1:v]ssim`, '-f', 'null', '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const m = String(r.stderr ?? '').match(/All:([\d.]+)/);
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------- phases from the trace
function phases(trace) {
  // Seconds spent in each visible step, e.g. { "Starting the converter": 0.1, "Analysing (pass 1 of 2)": 20 }.
  const out = {};
  for (let i = 0; i < trace.length - 1; i++) {
    const s = trace[i].step; if (!s || s === 'ready' || s === 'queued') continue;
    out[s] = (out[s] ?? 0) + (trace[i + 1].t - trace[i].t);
  }
  return out;
}
/** Largest gap between the progress bar and elapsed time, as fractions of the job. */
function progressSkew(trace, wall) {
  let worst = 0; let at = null;
  for (const s of trace) {
    if (s.pct == null || !(wall > 0)) continue;
    const d = s.pct / 100 - s.t / wall;
    if (Math.abs(d) > Math.abs(worst)) { worst = d; at = s; }
  }
  return { worst, at };
}

// ---------------------------------------------------------------- main
async function main() {
  const opt = parseArgs(process.argv.slice(2));
  mkdirSync(outDir, { recursive: true });
  const warmClip = ensureMedia(opt.clips);
  const dist = await snapshotDist(opt);
  log(`serving ${dist.dir}; clips: ${opt.clips.map((c) => `${c.name}→${c.mb}MB`).join(', ')}; engines: ${opt.engines.join(',')}; reps ${opt.reps}`);
  const chromiumVersion = String(execFileSync('/usr/bin/chromium', ['--version'])).trim();
  const ffmpegVersion = String(execFileSync('ffmpeg', ['-version'])).split('\n')[0].replace(/ Copyright.*/, '');
  const t0 = Date.now();
  const sessions = {};
  const runs = new Map(opt.clips.map((c) => [c, { st: [], mt: [], webcodecs: [], native: [] }]));
  const settingsOf = new Map();
  const notes = [];
  try {
    for (const kind of ['st', 'mt', 'webcodecs']) {
      if (!opt.engines.includes(kind)) continue;
      sessions[kind] = new WasmSession(kind, dist.dir, opt, warmClip);
      await sessions[kind].start();
    }
    // Interleaved (clip by clip: st, mt, native) so a change in the machine's load hits all
    // three engines alike.
    for (let rep = 0; rep < opt.reps; rep++) {
      for (const c of opt.clips) {
        const cell = runs.get(c);
        for (const kind of Object.keys(sessions)) {
          await waitIdle(opt.waitIdle);
          cell[kind].push(await sessions[kind].run(c, rep));
        }
        if (!opt.engines.includes('native')) continue;
        if (!settingsOf.has(c)) {
          // Native copies the settings of a successful app run (mt preferred, then st).
          const ref = ['mt', 'st'].map((k) => cell[k].find((r) => !r.failure)).find(Boolean);
          settingsOf.set(c, ref ? appSettings(c, ref) : null);
        }
        const settings = settingsOf.get(c);
        if (!settings) { cell.native.push({ failure: 'no successful app run to copy settings from' }); continue; }
        await waitIdle(opt.waitIdle);
        cell.native.push(await runNative(c, settings, opt, rep));
      }
    }
  } finally {
    for (const s of Object.values(sessions)) await s.stop();
    dist.cleanup();
  }

  const rows = [];
  for (const c of opt.clips) {
    c.frames = frameCount(c.path);
    const cell = runs.get(c);
    const settings = settingsOf.get(c) ?? (['mt', 'st'].map((k) => cell[k].find((r) => !r.failure)).find(Boolean) ? appSettings(c, ['mt', 'st'].map((k) => cell[k].find((r) => !r.failure)).find(Boolean)) : null);
    if (settings) {
      for (const k of ['st', 'mt']) {
        const other = cell[k].find((r) => !r.failure);
        if (!other) continue;
        const s2 = appSettings(c, other);
        if (s2.bitrate !== settings.bitrate || s2.width !== settings.width || s2.attempts !== settings.attempts) {
          notes.push(`${c.name}: the wasm-${k} run used other settings (${s2.width}×${s2.height} ${s2.bitrate} kbps, ${s2.attempts} attempt(s))`);
        }
      }
      notes.push(`${c.name} → ${c.mb} MB: app plan ${settings.width}×${settings.height}${settings.scaled ? ' (scaled)' : ''}${settings.fpsCap ? `, ${settings.fpsCap} fps` : ''}, video ${settings.bitrate} kbps (${settings.bitrateFrom}), `
        + `${settings.audio ? `audio AAC ${settings.audio.kbps} kbps ${settings.audio.channels} ch ${settings.audio.rate} Hz` : 'no audio'}; app needed ${settings.attempts} attempt(s); wasm x264 core ${settings.x264Core}`);
    }
    const nativeWall = cell.native.filter((r) => !r.failure).map((r) => r.wall);
    const nativeMed = nativeWall.length ? median(nativeWall) : null;
    const engines = [...Object.keys(sessions).map((k) => [`wasm-${k}`, cell[k]]), ...(opt.engines.includes('native') ? [['native', cell.native]] : [])];
    for (const [engine, rs] of engines) {
      const ok = rs.filter((r) => !r.failure);
      const failed = rs.filter((r) => r.failure);
      if (!ok.length) {
        rows.push({ clip: c, engine, failure: failed.map((r) => r.failure).join('; ') || 'not run' });
        continue;
      }
      const wall = median(ok.map((r) => r.wall));
      const last = ok[ok.length - 1];
      const size = statSync(last.out).size;
      const row = {
        clip: c, engine, wall, fps: c.frames / wall, ratio: nativeMed ? wall / nativeMed : null, size,
        fits: size <= c.targetBytes, ssim: opt.ssim ? ssim(last.out, c) : null,
        x264Threads: (x264Sei(last.out).match(/ threads=(\d+)/) ?? [])[1] ?? '?',
        cores: median(ok.map((r) => r.cpu / r.wall)), others: median(ok.map((r) => r.load?.otherCores ?? NaN)),
        load1: last.load?.load1, walls: ok.map((r) => r.wall),
        memPeak: last.memPeak, memBefore: last.memBefore,
        failedReps: failed.length, failure: failed.length ? failed.map((r) => r.failure).join('; ') : null,
      };
      if (engine.startsWith('wasm')) {
        row.phases = phases(last.trace);
        row.skew = progressSkew(last.trace, last.wall);
        row.engineLine = last.engineLine;
        row.errors = last.errors;
      } else {
        row.phases = { 'pass 1': median(ok.map((r) => r.pass1)), 'pass 2': median(ok.map((r) => r.pass2)) };
      }
      rows.push(row);
    }
  }
  const wasm = Object.fromEntries(Object.entries(sessions).map(([k, s]) => [k, { meta: s.meta }]));

  const md = render(rows, notes, wasm, opt, { chromiumVersion, ffmpegVersion, minutes: (Date.now() - t0) / 60000 });
  mkdirSync(dirname(opt.out), { recursive: true });
  writeFileSync(opt.out, md);
  process.stdout.write(md);
  log(`wrote ${opt.out}; outputs and logs in ${outDir}`);
}

function render(rows, notes, wasm, opt, env) {
  const f = (x, d = 1) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(d));
  const lines = [];
  lines.push(`| clip → target | engine | wall s | fps | × native | output / target | ≤ target | SSIM | cores used | others' load | peak MB |`);
  lines.push(`|---|---|---:|---:|---:|---:|:---:|---:|---:|---:|---:|`);
  for (const r of rows) {
    const clip = `${r.clip.name} → ${r.clip.mb} MB`;
    if (r.wall == null) { lines.push(`| ${clip} | ${r.engine} | FAILED: ${r.failure.replace(/\|/g, '/')} | | | | | | | | |`); continue; }
    lines.push(`| ${clip} | ${r.engine} | ${f(r.wall)} | ${f(r.fps)} | ${r.ratio == null ? '–' : `${f(r.ratio, 2)}×`} | `
      + `${(r.size / 1e6).toFixed(3)} MB (${f((100 * r.size) / r.clip.targetBytes, 1)}%) | ${r.fits ? 'yes' : '**NO**'} | ${f(r.ssim, 4)} | ${f(r.cores, 2)} | ${f(r.others, 2)} | ${r.memPeak == null ? '–' : `${f(r.memPeak, 0)} (+${f(r.memPeak - r.memBefore, 0)})`} |`);
  }
  lines.push('');
  const cpu = cpus();
  lines.push(`Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'} (shared); ${env.chromiumVersion}, headless; native ${env.ffmpegVersion}, libx264 \`-threads ${NATIVE_THREADS}\`. `
    + `Reps per cell: ${opt.reps} (median). Bench took ${env.minutes.toFixed(1)} min.`);
  lines.push('');
  lines.push('"peak MB" = the largest memory of all of Chromium\'s processes together (sum of PSS, sampled every second) during the job, and in brackets how much it grew over the idle page with the engine loaded.');
  lines.push('');
  lines.push('"cores used" = CPU seconds of the engine\'s processes (Chromium: all of its processes) / wall time; "others\' load" = cores kept busy by everything else on the machine during that run (0 = quiet machine). Rows with high others\' load are unreliable.');
  lines.push('');
  lines.push('Details:');
  for (const [k, w] of Object.entries(wasm)) {
    const cl = w.meta.coreLoad.map((x) => `core load ${f(x.load, 2)} s, warm-up job ${f(x.firstJob, 1)} s`).join('; ');
    lines.push(`- wasm-${k}: ${w.meta.engineLine ?? 'engine line not seen'}; page crossOriginIsolated=${w.meta.isolated}; `
      + `${opt.warmup ? `first (warm-up) job, excluded from the table: ${cl || 'n/a'}` : 'no warm-up: first row includes the core load'}${w.meta.notes.length ? `; ${w.meta.notes.join('; ')}` : ''}`);
  }
  for (const n of notes) lines.push(`- ${n}`);
  for (const r of rows) {
    if (r.wall == null) continue;
    const ph = Object.entries(r.phases ?? {}).filter(([, s]) => s >= 0.05).map(([k, s]) => `${k} ${f(s)} s`).join(', ');
    const extra = [];
    extra.push(`x264 threads=${r.x264Threads}`);
    if (r.walls?.length > 1) extra.push(`walls ${r.walls.map((w) => f(w)).join(', ')} s`);
    if (r.load1) extra.push(`1-min load avg ${f(r.load1[0], 1)}→${f(r.load1[1], 1)}`);
    if (r.skew && r.skew.at) extra.push(`largest progress-bar vs. elapsed gap ${f(100 * r.skew.worst, 0)} pts (bar ${r.skew.at.pct}% at ${f(r.skew.at.t)} s, "${r.skew.at.step}")`);
    if (r.failedReps) extra.push(`${r.failedReps} failed rep(s): ${r.failure}`);
    if (r.errors?.length) extra.push(`console errors: ${r.errors.slice(0, 3).join(' / ').slice(0, 300)}`);
    lines.push(`- ${r.clip.name} ${r.engine}: ${ph}; ${extra.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

main().catch((e) => { console.error(e); process.exit(1); });
