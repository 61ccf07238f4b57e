// Small helpers shared by the test files.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { SCREENSHOTS } from "./paths.mjs";

/**
 * Retries `check` (which throws while the condition does not hold yet) until it passes or `timeout` ms elapse, like
 * Playwright's `expect.poll`: a wait on a condition, never a fixed sleep.
 */
export async function eventually(check, { timeout = 5000, interval = 25 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** Saves a screenshot as tests/e2e/screenshots/<name>.png. */
export async function screenshot(page, name, { fullPage = false } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  // The pointer off the page, so no hover style makes the picture differ from run to run.
  await page.mouse.move(0, 0);
  // Two frames, so a render the last action started has been painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, animations: "disabled", caret: "hide" });
}

/**
 * Everything the page's origin keeps: cookies, localStorage, sessionStorage, IndexedDB and the Cache Storage (each
 * entry's address and body, which the installed page's service worker fills), as one string per place.
 */
export async function storedEverything(page) {
  const inPage = await page.evaluate(async () => {
    const dump = (s) => {
      try {
        return JSON.stringify(Object.fromEntries(Object.entries(s)));
      } catch (e) {
        return `unavailable: ${e}`;
      }
    };
    const idb = [];
    try {
      for (const { name } of await indexedDB.databases()) {
        const db = await new Promise((ok, fail) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        for (const store of db.objectStoreNames) {
          const all = await new Promise((ok, fail) => {
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => ok(req.result);
            req.onerror = () => fail(req.error);
          });
          idb.push({ name, store, all });
        }
        db.close();
      }
    } catch (e) {
      idb.push(`unavailable: ${e}`);
    }
    const cached = [];
    try {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          cached.push({ name, url: request.url, body: await (await cache.match(request)).text() });
        }
      }
    } catch (e) {
      cached.push(`unavailable: ${e}`);
    }
    return {
      localStorage: dump(window.localStorage),
      sessionStorage: dump(window.sessionStorage),
      indexedDB: JSON.stringify(idb),
      documentCookie: document.cookie,
      cacheStorage: JSON.stringify(cached),
    };
  });
  const cookies = JSON.stringify(await page.context().cookies());
  return { ...inPage, cookies };
}
