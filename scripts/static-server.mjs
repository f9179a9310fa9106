// A plain static file server for the built site: no special headers (no COOP/COEP), the way
// GitHub Pages and most static hosts serve it. Used by the serve command and the e2e suite.
// usage: node scripts/static-server.mjs DIR PORT [HOST] [--isolated]
// Opt-in: `--isolated` (or env ISOLATED=1) adds COOP same-origin + COEP require-corp to every
// response, making the page crossOriginIsolated so it picks the multi-threaded FFmpeg core
// (used by scripts/bench.mjs). Without it nothing changes.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const argv = process.argv.slice(2).filter((a) => a !== '--isolated');
const isolated = process.argv.includes('--isolated') || process.env.ISOLATED === '1';
const isolationHeaders = isolated
  ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
  : {};
const root = resolve(argv[0] ?? 'dist');
const port = Number(argv[1] ?? 8080);
const host = argv[2] ?? '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const size = statSync(file).size;
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Length': size, ...isolationHeaders });
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain', ...isolationHeaders }).end('not found');
  }
});
server.listen(port, host, () => console.log(`Serving ${root} at http://${host}:${server.address().port}/${isolated ? ' (cross-origin isolated)' : ''}`));
