// The service worker: caches every file of the page when it is installed, then answers every
// same-origin GET from that cache first, so the page reloads and analyzes with the network off.
// build-web.mjs fills in BUILD (a hash of all files, so each build gets a fresh cache and the old
// one is deleted) and ASSETS (every file of build/web). Requests to other origins are never made
// by the page (its CSP forbids them) and are not handled here.
const BUILD = '__ISNAD_BUILD__';
const ASSETS = ['__ISNAD_ASSETS__'];
const CACHE = `isnad-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('isnad-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = request.mode === 'navigate' && url.pathname.endsWith('/') ? new URL('index.html', url) : url;
    const cached = await cache.match(key, { ignoreSearch: true });
    if (cached) return cached;
    return fetch(request);
  })());
});
