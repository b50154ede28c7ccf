/* Steadfast's service worker: the app opens without a network.
 *
 * - The app shell: index.html (kept under "/") and the build's hashed files under /assets/ — the entry chunk and
 *   every lazy chunk it names, found by reading index.html and the chunks — are cached at install, and again
 *   whenever a navigation brings a new index.html (a new version of the app).
 * - Navigations: the network first (so a new version shows at once), the cached index.html when the network fails
 *   or takes longer than 5 s; the app's router then shows the screen.
 * - /assets/*: the cache first (their names change with their content), the network otherwise, then cached.
 * - Other files of the app (manifest, icons): the cache, refreshed in the background.
 * - /api and /health are never touched here: the app keeps the last /v1/today itself (src/offline), and its
 *   check-ins made offline wait in IndexedDB until they are sent.
 *
 * Plain JavaScript with no build step: served as /sw.js (scope /) with Cache-Control: no-cache.
 */
'use strict';

const VERSION = '1';
const SHELL = `steadfast-shell-v${VERSION}`;
const ASSETS = 'steadfast-assets';
const INDEX = '/';
const STATIC = ['/manifest.webmanifest', '/favicon.svg', '/icon.svg', '/icons/icon-192.png'];
const NAVIGATION_TIMEOUT_MS = 5000;
const MATCH = { ignoreVary: true };

/** The /assets/ files a text (index.html or a chunk) refers to. */
function assetRefs(text) {
  const refs = new Set();
  for (const m of text.matchAll(/(?:src|href)="(\/assets\/[^"?#]+)"/g)) refs.add(m[1]);
  for (const m of text.matchAll(/["'`(](?:\/assets\/|assets\/|\.\/)([A-Za-z0-9_.~-]+\.(?:js|css))["'`)]/g)) {
    refs.add(`/assets/${m[1]}`);
  }
  return refs;
}

/**
 * Caches index.html's text and every asset it leads to (chunks name their lazy chunks); forgets assets of earlier
 * versions. Assets that cannot be fetched now are fetched when first used.
 */
async function cacheShell(html) {
  const shell = await caches.open(SHELL);
  const assets = await caches.open(ASSETS);
  const wanted = new Set();
  const queue = [...assetRefs(html)];
  while (queue.length > 0 && wanted.size < 500) {
    const url = queue.shift();
    if (wanted.has(url)) continue;
    wanted.add(url);
    try {
      let response = await assets.match(url, MATCH);
      if (!response) {
        response = await fetch(url);
        if (!response.ok) continue;
        await assets.put(url, response.clone());
      }
      if (url.endsWith('.js')) for (const ref of assetRefs(await response.text())) queue.push(ref);
    } catch {
      // offline or gone: fetched again on first use
    }
  }
  for (const request of await assets.keys()) {
    if (!wanted.has(new URL(request.url).pathname)) await assets.delete(request);
  }
  await Promise.all(
    STATIC.map((url) =>
      fetch(url)
        .then((r) => (r.ok ? shell.put(url, r) : undefined))
        .catch(() => undefined),
    ),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(INDEX, { cache: 'no-cache', headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(`index.html answered ${response.status}`);
      const html = await response.text();
      const shell = await caches.open(SHELL);
      await shell.put(INDEX, keepable(html, response.headers));
      await cacheShell(html);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('steadfast-') && name !== SHELL && name !== ASSETS) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** A text to cache with the headers it came with (its security policy among them), as the decoded text it now is. */
function keepable(text, headers) {
  const kept = new Headers(headers);
  kept.delete('Content-Encoding');
  kept.delete('Content-Length');
  return new Response(text, { status: 200, headers: kept });
}

function timeout(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

/**
 * The network's index.html, or the cached one when the network fails or is slow. Answers the response and the
 * work that goes on after it (keeping the new index.html and, for a new version, its assets).
 */
function navigate(request) {
  const cachedIndex = caches.open(SHELL).then((shell) => shell.match(INDEX, MATCH));
  // one copy for the page, one to keep: cloned as it arrives, before the page reads it
  const both = fetch(request)
    .then((r) => [r, r.clone()])
    .catch(() => undefined);
  const network = both.then((pair) => pair && pair[0]);
  const done = both.then(async (pair) => {
    const copy = pair && pair[1];
    const type = (copy && copy.headers.get('Content-Type')) || '';
    if (!copy || !copy.ok || !type.includes('text/html')) return;
    const html = await copy.text();
    const shell = await caches.open(SHELL);
    const kept = await shell.match(INDEX, MATCH);
    if (kept && (await kept.text()) === html) return;
    await shell.put(INDEX, keepable(html, copy.headers));
    await cacheShell(html);
  });
  const response = (async () => {
    const cached = await cachedIndex;
    const first = await (cached ? Promise.race([network, timeout(NAVIGATION_TIMEOUT_MS)]) : network);
    if (first) return first;
    if (cached) return cached;
    return (await network) || Response.error();
  })();
  return { response, done: done.catch(() => undefined) };
}

/** A hashed file: the cache, or the network (then cached). */
async function asset(request) {
  const assets = await caches.open(ASSETS);
  const cached = await assets.match(request, MATCH);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await assets.put(request, response.clone());
  return response;
}

/** Any other file of the app: the cached copy at once, refreshed from the network for next time. */
function staleWhileRevalidate(request) {
  const shell = caches.open(SHELL);
  const network = fetch(request)
    .then(async (response) => {
      if (response.ok) await (await shell).put(request, response.clone());
      return response;
    })
    .catch(() => undefined);
  const response = (async () => {
    const cached = await (await shell).match(request, MATCH);
    return cached || (await network) || Response.error();
  })();
  return { response, done: network };
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  // the API and health are the network's alone
  if (path === '/api' || path.startsWith('/api/') || path === '/health' || path.startsWith('/health/')) return;
  if (path === '/sw.js') return;
  if (path.startsWith('/assets/')) {
    event.respondWith(asset(request));
    return;
  }
  const { response, done } = request.mode === 'navigate' ? navigate(request) : staleWhileRevalidate(request);
  event.respondWith(response);
  event.waitUntil(done);
});
