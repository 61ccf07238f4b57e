// Written as dist/sw.js by `cargo xtask dist --no-install` (the installed form turned off): a person who installed
// an earlier build keeps getting that build from its worker until the worker changes, so this one takes over at
// once, deletes this scope's caches and unregisters itself. It answers no request; the page it leaves running goes
// on, and the next visit comes from the server.
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const prefix = `giftcard-doctor ${self.registration.scope} `;
      for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
      await self.registration.unregister();
    })(),
  );
});
