// Build step (run by post-build.sh): serves `@mediabunny/aac-encoder` from the site under
// its Content-Security-Policy. The package ships its encoder's worker inline, started from
// a `blob:` URL, which `worker-src 'self'` refuses, and imports Mediabunny by its bare
// name, which a worker cannot resolve. This writes the worker's script out as a file of
// its own and points both at the site's files. Usage: node vendor-aac.mjs PKG_DIR OUT_DIR
// (OUT_DIR sits next to the `mediabunny/` folder). Fails when the package's shape changes.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [pkg, out] = process.argv.slice(2);
if (!pkg || !out) throw new Error('usage: node vendor-aac.mjs PKG_DIR OUT_DIR');
let src = readFileSync(join(pkg, 'dist/bundles/mediabunny-aac-encoder.mjs'), 'utf8');

/** Replaces the one occurrence of `from` (an error if there is not exactly one). */
function once(text, from, to) {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`vendor-aac: expected one "${from}", found ${parts.length - 1}`);
  return parts[0] + to + parts[1];
}

// The worker's script is a template literal passed to `inlineWorker`; find its closing
// backtick (the first one not escaped) and let JavaScript itself unescape it.
const opening = 'return inlineWorker(`';
const start = src.indexOf(opening);
if (start < 0 || src.indexOf(opening, start + 1) >= 0) throw new Error('vendor-aac: inline worker not found once');
let end = start + opening.length;
for (;;) {
  end = src.indexOf('`', end);
  if (end < 0) throw new Error('vendor-aac: unterminated inline worker');
  let backslashes = 0;
  while (src[end - 1 - backslashes] === '\\') backslashes++;
  if (backslashes % 2 === 0) break;
  end++;
}
const literal = src.slice(start + opening.length - 1, end + 1);
if (/(^|[^\\])\$\{/.test(literal)) throw new Error('vendor-aac: the inline worker interpolates');
const script = new Function(`return ${literal};`)();
src = src.slice(0, start) + 'return new Worker(new URL("./aac-encoder.worker.js", import.meta.url)' + src.slice(end + 1);
src = once(src, 'import { Logging } from "mediabunny";', 'import { Logging } from "../mediabunny/mediabunny.min.mjs";');
src = src.replace(/\} from "mediabunny";/g, '} from "../mediabunny/mediabunny.min.mjs";');
if (/from "mediabunny"/.test(src)) throw new Error('vendor-aac: a bare import of mediabunny is left');

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'mediabunny-aac-encoder.mjs'), src);
writeFileSync(join(out, 'aac-encoder.worker.js'), script);
console.log(`vendor-aac: ${src.length} + ${script.length} bytes into ${out}`);
