// The service worker of the standalone page (dist/index.html), and of nothing else: it makes the page start with
// no network once installed. On install it fetches exactly the page's own files, each refused unless its bytes are
// this build's (Subresource Integrity), into a cache named by this scope and build; it answers requests for those
// files from that cache; every other request is left to the browser (no `respondWith`), and there are none: the
// page's CSP says `connect-src 'none'`. A new build waits until the page's "reload" button asks it to take over
// (the page never reloads by itself), and its activation deletes the caches of this scope's earlier builds.
// `cargo xtask dist` fills in the placeholders (xtask/src/install.rs).
const BUILD = "{{BUILD}}";
// Each file, relative to this script, with its integrity.
const FILES = {{FILES}};
const SCOPE = self.registration.scope;
// Several copies on one origin (under different paths) share the origin's caches: each keeps to its own.
const PREFIX = `giftcard-doctor ${SCOPE} `;
const CACHE = PREFIX + BUILD;
const href = (file) => new URL(file, self.location).href;
// A request's address (without query and fragment) → the file that answers it.
const own = new Map(Object.keys(FILES).map((file) => [href(file), file]));
// The folder itself (the manifest's start_url, "./") is the page.
own.set(href("./"), "index.html");

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(
          Object.entries(FILES).map(async ([file, integrity]) => {
            const url = href(file);
            // Past the HTTP cache, so a new worker never stores an earlier build's copy.
            const response = await fetch(url, { cache: "no-cache", integrity, credentials: "omit" });
            if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
            await cache.put(url, response);
          }),
        );
      } catch (error) {
        // Half a build is no build: the worker is not installed, and the page goes on from the network.
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)))),
  );
});

// Sent by the page's "reload" button (static/js/install.js), and only by it.
self.addEventListener("message", (event) => {
  if (event.data === "giftcard-doctor:activate") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const file = own.get(url.href);
  if (!file) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(href(file)))
      // The browser may have evicted the cache: the file from the server then, as without a worker.
      .then((cached) => cached ?? fetch(request)),
  );
});
