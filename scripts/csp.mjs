// Writes the Content-Security-Policy of a built site, from the built files themselves.
// Run by scripts/post-build.sh on Trunk's staging directory, before the precache list is
// hashed (this rewrites index.html):   node scripts/csp.mjs STAGE_DIR
//
// Trunk (0.21, no option to change it) starts the app with an inline
// `<script type="module">` in index.html. Rather than allow every inline script
// ('unsafe-inline'), the policy allows exactly the inline scripts of this build by their
// SHA-256, computed here from the staged file, so they can never drift apart.
//
// The policy goes in two places, identical but for frame-ancestors:
// - a <meta http-equiv> first in <head>, which holds on any static host, first visit included;
// - a `const CSP = …` line in sw.js, whose header the service worker adds to the HTML it
//   serves. A header can also say frame-ancestors (ignored, with a console error, in a meta).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stage = process.argv[2];
if (!stage) throw new Error('usage: node scripts/csp.mjs STAGE_DIR');
const indexPath = join(stage, 'index.html');
const swPath = join(stage, 'sw.js');

const META = /[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi;
// A rerun (the offline test redeploys a changed index.html through the hook) replaces the
// old tag, so its own text never counts as page content.
const html = readFileSync(indexPath, 'utf8').replace(META, '');

// Every inline <script> (no src), whatever its type: import maps and JSON are checked by
// script-src too. The hash is of the exact text between the tags, as the browser hashes it.
const hashes = [];
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(attrs)) continue;
  hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
// Inline event handlers (onclick="…") could only be allowed with 'unsafe-hashes'; none is
// wanted, so refuse a build that has one instead of shipping a page that breaks.
const handler = html.match(/<[a-z][^>]*\son[a-z]+\s*=/i);
if (handler) throw new Error(`csp: inline event handler in index.html: ${handler[0]}`);

const policy = [
  // Everything not named below: this origin only (styles, fonts, manifest, frames).
  "default-src 'self'",
  // A finished job's preview and its comparison with the original show the result and the
  // user's file from object URLs (blob:) made in this page; only pictures and media may
  // come from blob:, never scripts, workers or fetches. No data: URLs anywhere.
  "img-src 'self' blob:",
  "media-src 'self' blob:",
  // The app's own modules, the inline loader by hash, and compiling WebAssembly (the app
  // itself runs as wasm). No 'unsafe-eval', no 'unsafe-inline'.
  ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
  // fetch() of the app's wasm; no request to any other origin.
  "connect-src 'self'",
  // The engine workers and the service worker are scripts of this origin, started from
  // their URLs. FFmpeg's pthread workers are started by the engine worker, under its own
  // policy, also from a URL: no blob: workers.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  // The settings form never submits (Convert is handled in the page).
  "form-action 'none'",
].join('; ');
const headerPolicy = `${policy}; frame-ancestors 'none'`;

const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
// First in <head> after the charset: a meta policy applies only to what comes after it.
const head = html.match(/<meta charset="[^"]*"\s*\/?>\n?/i) ?? html.match(/<head\b[^>]*>\n?/i);
if (!head) throw new Error('csp: index.html has no <head>');
const at = head.index + head[0].length;
const firstScript = html.search(/<script\b/i);
if (firstScript !== -1 && firstScript < at) throw new Error('csp: a script comes before the place of the policy');
writeFileSync(indexPath, `${html.slice(0, at)}    ${tag}\n${html.slice(at)}`);

const sw = readFileSync(swPath, 'utf8');
const line = `const CSP = ${JSON.stringify(headerPolicy)};`;
const lines = sw.split('\n');
const i = lines.findIndex((l) => l.startsWith('const CSP = '));
if (i < 0) throw new Error('csp: no `const CSP = ` line in sw.js');
lines[i] = line;
writeFileSync(swPath, lines.join('\n'));
console.log(`csp: ${hashes.length} inline script(s) allowed by hash`);
