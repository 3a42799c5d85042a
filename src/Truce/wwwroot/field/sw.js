// The field client's service worker: the app shell and the mission's reference data are cached on first use, so the
// app opens and records with no network. Each is fetched from the network first (a new label or party arrives as soon
// as there is a link) and from the cache when there is none. Reports never pass through here: the outbox sends them.

const SHELL = 'truce-field-shell-v1';
const DATA = 'truce-field-data-v1';

const shell = [
  '/field/', '/field/app.js', '/field/outbox.js', '/field/sync.js', '/field/rules.js', '/field/field.css',
  '/field/manifest.webmanifest', '/field/icon.svg', '/field/icon-192.png', '/field/icon-512.png',
  '/css/site.css', '/lib/leaflet/leaflet.js', '/lib/leaflet/leaflet.css',
];

// Categories and the rules come with the OpenAPI document; parties, zones, sites and boundaries from the API.
const data = ['/openapi/v1.json', '/api/parties', '/api/zones', '/api/sites', '/api/boundaries'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await (await caches.open(SHELL)).addAll(shell);
    await (await caches.open(DATA)).addAll(data);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== SHELL && name !== DATA) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  const cache = shell.includes(url.pathname) ? SHELL : data.includes(url.pathname) ? DATA : null;
  if (!cache) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(event.request);
      if (response.ok) await (await caches.open(cache)).put(url.pathname, response.clone());
      return response;
    } catch (error) {
      const cached = await caches.match(url.pathname, { cacheName: cache });
      if (cached) return cached;
      throw error;
    }
  })());
});
