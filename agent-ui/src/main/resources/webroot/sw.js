// Service worker of the technician page (scope /tech): the page's files from the cache at once,
// refreshed from the network in the background, so the page opens in a basement without signal.
// API calls are never cached here: the page keeps today's orders in IndexedDB itself.
const SHELL = "cc-tech-shell-v3";
const FILES = [
  "/tech.html",
  "/css/app.css",
  "/css/tech.css",
  "/js/tech.js",
  "/js/tech-store.js",
  "/js/tech-text.js",
  "/js/dispatch-text.js",
  "/js/service-history.js",
  "/js/api.js",
  "/js/dom.js",
  "/js/i18n.js",
  "/js/session.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("cc-tech-shell-") && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || !FILES.includes(url.pathname)) return;
  event.respondWith(
    caches.open(SHELL).then(async (cache) => {
      const cached = await cache.match(url.pathname);
      const fresh = fetch(event.request)
        .then((response) => {
          if (response.ok) cache.put(url.pathname, response.clone());
          return response;
        })
        .catch(() => cached || Response.error());
      return cached || fresh;
    }),
  );
});
