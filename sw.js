// Tamp's service worker: makes the site work offline and cross-origin isolated on any static
// host. It is the only JavaScript besides the engine worker's bootstrap; everything else the
// page does about it is in Rust (src/offline/).
//
// - Precache: every file of the build, listed with content hashes at build time by
//   scripts/post-build.sh, which replaces the `PRECACHE` line below (never edit it by hand).
//   The cache name carries the build's version, so a new build installs beside the old one
//   and the old caches are deleted when the new version activates.
// - Cache-first for the listed same-origin GET requests; nothing from other origins, and no
//   user file or result is ever cached (those are blob: URLs and POSTs, never seen here,
//   except the share target below, whose files are kept only until the page takes them).
// - Every response served gets COOP/COEP/CORP, because static hosts (GitHub Pages) send no
//   such headers and the multi-threaded FFmpeg core needs `crossOriginIsolated`.
// - HTML responses also get the Content-Security-Policy as a header (the page carries the
//   same policy in a <meta>, which holds before this worker controls it).
// - Updates wait: the page posts SKIP_WAITING only when the user clicks Reload, so a new
//   version never takes over in the middle of a job.
'use strict';

const PRECACHE = { version: 'dev', files: [] };
// Written by scripts/csp.mjs (from the post-build hook) with the built page's policy.
const CSP = null;

const CACHE_PREFIX = 'tamp-precache-';
const CACHE = CACHE_PREFIX + PRECACHE.version;
// Files shared to the app (share_target): held here only between the POST and the page
// taking them, then deleted. A cache rather than memory, so a worker restarted in between
// does not lose them.
const INBOX = 'tamp-share-inbox';
// Where the cache remembers which version of each file it holds, to reuse unchanged files
// (the 64 MB of FFmpeg cores) from the previous version instead of downloading them again.
const INDEX_KEY = '__precache-index.json';

const scope = new URL(self.registration.scope);
const urlOf = (path) => new URL(path, scope).href;
// Listed URLs (without query: the engine worker is loaded as ffmpeg-worker.js?core=mt).
const listed = new Map(PRECACHE.files.map((f) => [urlOf(f.path), f]));
const indexUrl = urlOf('./index.html');
const shareTarget = urlOf('./share-target');

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The same response with the isolation headers added, and the CSP if it is a page. */
function isolated(response) {
  // Opaque and error responses can't be rebuilt; redirects pass through as they are.
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) {
    return response;
  }
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  // By type, not URL: index.html is also served for ./ and ./?shared=1, and a 404 page is HTML too.
  if (CSP && /^text\/html\b/i.test(headers.get('Content-Type') || '')) {
    headers.set('Content-Security-Policy', CSP);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The file, from an older version's cache when its hash is unchanged, else the network. */
async function fetchListed(file, previous) {
  for (const { cache, index } of previous) {
    if (index[file.path] === file.sha256) {
      const hit = await cache.match(urlOf(file.path));
      if (hit) return hit;
    }
  }
  // `no-cache`: the HTTP cache could hold a file from another deploy.
  const response = await fetch(urlOf(file.path), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`precache: ${file.path}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  // A deploy in progress can serve a mix of two builds; refuse it rather than cache it.
  if ((await sha256Hex(body)) !== file.sha256) throw new Error(`precache: ${file.path}: content changed`);
  return new Response(body, { status: 200, headers: response.headers });
}

async function precache() {
  const previous = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const index = await cache.match(urlOf(INDEX_KEY));
    if (index) previous.push({ cache, index: await index.json() });
  }
  const cache = await caches.open(CACHE);
  // One at a time: the cores are big, and the machine may be a phone.
  for (const file of PRECACHE.files) {
    const response = await fetchListed(file, previous);
    await cache.put(urlOf(file.path), response);
  }
  const index = Object.fromEntries(PRECACHE.files.map((f) => [f.path, f.sha256]));
  await cache.put(urlOf(INDEX_KEY), new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } }));
}

/** Whether every listed file is in this version's cache (the offline-ready indicator). */
async function complete() {
  const cache = await caches.open(CACHE);
  const keys = new Set((await cache.keys()).map((r) => r.url));
  return PRECACHE.files.length > 0 && PRECACHE.files.every((f) => keys.has(urlOf(f.path)));
}

self.addEventListener('install', (event) => {
  // No skipWaiting(): the first install activates at once anyway (nothing to wait for), and
  // an update must wait until the user asks for it (SKIP_WAITING).
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if ((name.startsWith(CACHE_PREFIX) && name !== CACHE) || name === INBOX) await caches.delete(name);
    }
    // Control the page that installed us, so the page can tell it is ready and reload
    // once into a cross-origin isolated document.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (type === 'STATUS') {
    event.waitUntil(complete().then((ready) => {
      event.source.postMessage({ type: 'STATUS', version: PRECACHE.version, offlineReady: ready });
    }));
  } else if (type === 'GET_SHARED') {
    event.waitUntil(takeShared().then((files) => {
      event.source.postMessage({ type: 'SHARED', files });
    }));
  }
});

/** Stores the shared files, then sends the browser to the page, which asks for them. */
async function receiveShare(request) {
  try {
    const form = await request.formData();
    const inbox = await caches.open(INBOX);
    let n = 0;
    for (const value of form.getAll('files')) {
      if (!(value instanceof File)) continue;
      const headers = { 'Content-Type': value.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(value.name) };
      await inbox.put(urlOf(`./share-target/inbox/${Date.now()}-${n++}`), new Response(value, { headers }));
    }
  } catch (err) {
    console.error('share target:', err);
  }
  return Response.redirect(urlOf('./?shared=1'), 303);
}

/** The shared files, removed from the inbox as they are handed over. */
async function takeShared() {
  const inbox = await caches.open(INBOX);
  const files = [];
  for (const request of await inbox.keys()) {
    const response = await inbox.match(request);
    if (response) {
      const name = decodeURIComponent(response.headers.get('X-File-Name') || 'shared-file');
      const blob = await response.blob();
      files.push(new File([blob], name, { type: blob.type }));
    }
    await inbox.delete(request);
  }
  await caches.delete(INBOX);
  return files;
}

/** Cache-first for listed files; the page's navigations get the cached index.html. */
async function respond(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const cache = await caches.open(CACHE);
  const key = request.mode === 'navigate' && (url.href === scope.href || url.href === indexUrl) ? indexUrl : url.href;
  if (listed.has(key)) {
    const hit = await cache.match(key);
    if (hit) return isolated(hit);
  }
  // Not listed or not cached yet (first visit, during install): the network, uncached.
  return isolated(await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Other origins are not ours to serve or to cache.
  if (!request.url.startsWith(scope.origin + '/')) return;
  if (request.method === 'POST' && request.url.split('?')[0] === shareTarget) {
    event.respondWith(receiveShare(request));
    return;
  }
  if (request.method !== 'GET' || !request.url.startsWith(scope.href)) return;
  event.respondWith(respond(request));
});
