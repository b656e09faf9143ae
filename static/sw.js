// chiso's service worker: every asset of one build in one versioned cache, so that after one
// visit the app loads and works with the network off. tools/postbuild.mjs fills in the version
// and the asset list at build time.
const VERSION = '__CHISO_VERSION__';
const ASSETS = __CHISO_ASSETS__;
const CACHE = `chiso-${VERSION}`;

self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

// A new version waits until the page asks for it (the update notice), then takes over.
self.addEventListener('message', (event) => {
    if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
    event.waitUntil(
        caches
            .keys()
            .then((keys) => Promise.all(keys.filter((k) => k.startsWith('chiso-') && k !== CACHE).map((k) => caches.delete(k))))
            .then(() => self.clients.claim()),
    );
});

self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith(
        caches.open(CACHE).then(async (cache) => {
            const hit = await cache.match(request, { ignoreSearch: true });
            if (hit) return hit;
            if (request.mode === 'navigate') {
                const page = await cache.match('./index.html');
                if (page) return page;
            }
            return fetch(request);
        }),
    );
});
