// The standalone page installed (issue 22): its manifest is complete and Chromium finds it installable; its service
// worker keeps exactly the build's files (their bytes, listed from the cache itself) and nothing else is requested
// once the page has loaded; with the network off the page starts again from that cache and reaches a result with
// the answers kept; a new build is offered, never forced, and replaces the old cache when the person reloads; a
// `--no-install` build retires an installed worker; the embed, the frame, the offline file, an opted-out page,
// file:// and a browser without service workers register nothing and show no error.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchPersistent, newContext } from "./lib/browser.mjs";
import { DIST } from "./lib/paths.mjs";
import { DEEP_PATH, startServer } from "./lib/server.mjs";
import { Widget } from "./lib/widget.mjs";
import { UI } from "./lib/content.mjs";
import { eventually, screenshot } from "./lib/util.mjs";

/** The opt-out a site adds to the page's head (what `cargo xtask dist --no-install` writes). */
const OPT_OUT = '<head>\n    <meta name="giftcard-doctor-install" content="off" />';

/** A walk to a result (an expired card), as offline.test.mjs walks it. */
const PLAN = { marketplace: "jp", loss: "all", invalidation_email: "no", suspended_notice: "no", card_issued: "2016-05-01" };

/** The phone the screenshots are taken on (an iPhone 12–15's CSS viewport). */
const PHONE = { width: 390, height: 844 };

/** The build's files the worker must keep, relative to the page: the page, its manifest and every icon. */
async function buildFiles(dist = DIST) {
  const icons = (await readdir(join(dist, "icons"))).map((name) => `icons/${name}`);
  return ["index.html", "manifest.webmanifest", ...icons].sort();
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Waits until the page's service worker is active; resolves to its registration's scope. */
function activated(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== "activated") {
      await new Promise((ok) => worker.addEventListener("statechange", () => worker.state === "activated" && ok()));
    }
    return registration.scope;
  });
}

/** Every cache of the origin: its name → each entry's URL and the SHA-256 of its body. */
function cachedEverything(page) {
  return page.evaluate(async () => {
    const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = [];
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).arrayBuffer();
        out[name].push({ url: request.url, sha256: hex(await crypto.subtle.digest("SHA-256", body)) });
      }
    }
    return out;
  });
}

/** Whether any service worker is registered for the page's origin or controls the page (or one of its frames). */
function workersOf(frame) {
  return frame.evaluate(async () => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
    controller: navigator.serviceWorker.controller?.scriptURL ?? null,
  }));
}

/** Records uncaught errors and console errors of a page. */
function recordErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  return errors;
}

/** A PNG's width and height, read from its IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(0, 8).toString("latin1"), "\x89PNG\r\n\x1a\n", "a PNG signature");
  assert.equal(bytes.subarray(12, 16).toString("latin1"), "IHDR");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

const env = browserAndServer();

describe("the manifest", () => {
  test("has the required members, relative URLs, and its icons at their declared sizes", async () => {
    const base = env.server.url(DEEP_PATH);
    const response = await fetch(new URL("manifest.webmanifest", base));
    assert.equal(response.status, 200);
    const manifest = await response.json();
    for (const key of ["name", "short_name", "lang", "start_url", "scope", "display", "theme_color", "background_color"]) {
      assert.equal(typeof manifest[key], "string", `${key} is given`);
    }
    assert.equal(manifest.lang, "ja");
    assert.equal(manifest.start_url, "./", "relative: the site may host the page under any path");
    assert.equal(manifest.scope, "./");
    assert.equal(manifest.display, "standalone");
    for (const key of ["theme_color", "background_color"]) assert.match(manifest[key], /^#[0-9a-f]{6}$/);
    assert.ok(!("id" in manifest) || !manifest.id.startsWith("/"), "no absolute id");
    assert.ok(manifest.icons.length >= 3);
    for (const icon of manifest.icons) {
      assert.ok(!/^(\/|[a-z]+:)/i.test(icon.src), `${icon.src} is relative`);
      const bytes = Buffer.from(await (await fetch(new URL(icon.src, new URL("manifest.webmanifest", base)))).arrayBuffer());
      assert.equal(pngSize(bytes), icon.sizes, `${icon.src} is ${icon.sizes}`);
      assert.equal(icon.type, "image/png");
    }
    const sizes = (purpose) => manifest.icons.filter((i) => (i.purpose ?? "any").split(" ").includes(purpose)).map((i) => i.sizes);
    assert.ok(sizes("any").includes("192x192") && sizes("any").includes("512x512"), "192 and 512 for any purpose");
    assert.ok(sizes("maskable").includes("512x512"), "a maskable 512");
    // The page links the manifest and the apple-touch-icon (180) relatively too.
    const html = await (await fetch(base)).text();
    assert.match(html, /<link rel="manifest" href="manifest\.webmanifest" \/>/);
    const apple = html.match(/<link rel="apple-touch-icon" href="([^"]+)" \/>/)?.[1];
    assert.ok(apple && !apple.startsWith("/"), "the apple-touch-icon is linked, relatively");
    assert.equal(pngSize(Buffer.from(await (await fetch(new URL(apple, base))).arrayBuffer())), "180x180");
  });

  test("Chromium's installability check finds no error", async () => {
    const profile = await mkdtemp(join(tmpdir(), "gcd-profile-"));
    const context = await launchPersistent(profile, { viewport: PHONE, locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(env.server.url(DEEP_PATH));
    await activated(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    assert.equal(manifest.url, env.server.url(`${DEEP_PATH}manifest.webmanifest`));
    assert.deepEqual(manifest.errors, [], "the manifest parses without error");
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, [], "installable");
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });
});

describe("installed, then offline", () => {
  test("the worker keeps exactly the build's files, nothing else is requested, and offline the page reaches a result", async () => {
    const context = await newContext(env.browser, { viewport: PHONE });
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    const page = await context.newPage();
    const errors = recordErrors(page);
    const seenBefore = env.server.requests.length;
    const base = env.server.url(DEEP_PATH);
    await page.goto(base);
    const w = new Widget(page, "ja");
    await w.expectQuestion("marketplace");
    const scope = await activated(page);
    assert.equal(scope, base);

    // The cache: one, named by this scope and the build, holding the build's files, byte for byte.
    const files = await buildFiles();
    const cached = await cachedEverything(page);
    const names = Object.keys(cached);
    assert.equal(names.length, 1, `one cache: ${names}`);
    assert.ok(names[0].startsWith(`giftcard-doctor ${base} `), names[0]);
    const expected = await Promise.all(
      files.map(async (file) => ({ url: new URL(file, base).href, sha256: sha256(await readFile(join(DIST, file))) })),
    );
    const byUrl = (a, b) => a.url.localeCompare(b.url);
    assert.deepEqual(cached[names[0]].sort(byUrl), expected.sort(byUrl), "exactly the build's files, as built");

    // What the server saw: the page, then the worker and its precache, each file once; nothing else.
    const seen = env.server.requests.slice(seenBefore);
    assert.equal(seen[0], DEEP_PATH, "the page first");
    const after = seen.slice(1).sort();
    const allowed = ["sw.js", ...files].map((f) => `${DEEP_PATH}${f}`).sort();
    assert.deepEqual(after, allowed, "after the page: the worker's script and its precache, each once");

    // Answers, then the network off and a reload: the worker serves the page, the answers are still there.
    await w.answer(PLAN.marketplace);
    await w.answer(PLAN.loss);
    const third = (await w.current()).id;
    await context.setOffline(true);
    const seenOnline = env.server.requests.length;
    await page.reload();
    await w.expectQuestion(third);
    assert.ok((await workersOf(page)).controller?.endsWith(`${DEEP_PATH}sw.js`), "the worker controls the page");
    await screenshot(page, "install-offline-ja-phone");
    await w.walk(PLAN, { fallback: "no" });
    assert.equal((await w.causes())[0].id, "expired");
    assert.deepEqual(env.server.requests.slice(seenOnline), [], "offline: the server saw nothing");
    // Every request the browser made went to this scope's own files.
    for (const url of requests) {
      assert.ok(url.startsWith(base) && allowed.concat(DEEP_PATH).includes(new URL(url).pathname), url);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("where it must not run", () => {
  test("the embed, the isolated iframe and the offline file register no worker", async () => {
    const context = await newContext(env.browser);
    const seenBefore = env.server.requests.length;
    const embed = await context.newPage();
    await embed.goto(env.server.url("/help/articles/host-article.html"));
    await new Widget(embed.locator("[data-giftcard-doctor]").first(), "ja").ready();
    const framed = await context.newPage();
    await framed.goto(env.server.url("/help/articles/host-iframe.html"));
    const frameWidget = new Widget(framed.frameLocator("iframe[data-giftcard-doctor-frame]"), "ja");
    await frameWidget.ready();
    const offline = await context.newPage();
    await offline.goto(env.server.url(`${DEEP_PATH}giftcard-doctor-offline.html`));
    await new Widget(offline, "ja").ready();
    for (const page of [embed, framed, offline]) await page.waitForLoadState("load");
    const frame = framed.frames().find((f) => f.url().endsWith("frame.html"));
    assert.ok(frame, "the frame page is loaded");
    for (const [what, target] of [["host article", embed], ["iframe", frame], ["offline file", offline]]) {
      assert.deepEqual(await workersOf(target), { registrations: [], controller: null }, what);
    }
    const asked = env.server.requests.slice(seenBefore).filter((p) => /sw\.js|webmanifest|icons\//.test(p));
    assert.deepEqual(asked, [], "nothing of the installed form was requested");
    await context.close();
  });

  test("an opted-out page (<meta name=giftcard-doctor-install content=off>) registers none", async () => {
    const html = await readFile(join(DIST, "index.html"), "utf8");
    assert.ok(!html.includes('<meta name="giftcard-doctor-install"'), "the build is installable");
    const path = `${DEEP_PATH}opted-out.html`;
    env.server.pages.set(path, html.replace("<head>", OPT_OUT));
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const errors = recordErrors(page);
    const seenBefore = env.server.requests.length;
    await page.goto(env.server.url(path));
    const w = new Widget(page, "ja");
    await w.answer("jp");
    await page.waitForLoadState("load");
    assert.deepEqual(await workersOf(page), { registrations: [], controller: null });
    assert.deepEqual(env.server.requests.slice(seenBefore).filter((p) => p.endsWith("sw.js")), [], "sw.js never asked for");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("file:// and a browser without service workers: the page works as before, with no error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gcd-install-"));
    try {
      await cp(join(DIST, "index.html"), join(dir, "index.html"));
      const context = await newContext(env.browser);
      await context.route("**/*", (route) =>
        route.request().url().startsWith("file:") ? route.continue() : route.abort("internetdisconnected"),
      );
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(pathToFileURL(join(dir, "index.html")).href);
      await page.waitForLoadState("load");
      await new Widget(page, "ja").answer("jp");
      assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
      assert.deepEqual(errors, [], "file://: no error");
      await context.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const context = await newContext(env.browser);
    // As in a browser that has no service workers at all.
    await context.addInitScript(() => delete Navigator.prototype.serviceWorker);
    const page = await context.newPage();
    const errors = recordErrors(page);
    const seenBefore = env.server.requests.length;
    await page.goto(env.server.url(DEEP_PATH));
    await page.waitForLoadState("load");
    await new Widget(page, "ja").answer("jp");
    assert.equal(await page.evaluate(() => "serviceWorker" in navigator), false);
    assert.deepEqual(env.server.requests.slice(seenBefore), [DEEP_PATH], "the page and nothing else");
    assert.deepEqual(errors, [], "no service workers: no error");
    await context.close();
  });
});

describe("a new build", () => {
  let dir;
  let second;

  before(async () => {
    // The site's folder, served at the deep path: the first build now, the second written over it later.
    dir = await mkdtemp(join(tmpdir(), "gcd-site-"));
    await cp(DIST, dir, { recursive: true });
    second = await startServer({ [DEEP_PATH]: dir });
  });

  after(async () => {
    await second?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * Writes a second build over the first: the page with one more element (`<meta name="gcd-test-build">`), and
   * the worker with that page's integrity and another build id, as `cargo xtask dist` would write them.
   */
  async function publishSecondBuild(oldBuild) {
    const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
    const page = await readFile(join(DIST, "index.html"), "utf8");
    const next = page.replace("<head>", '<head>\n    <meta name="gcd-test-build" content="2" />');
    assert.notEqual(next, page);
    let sw = await readFile(join(DIST, "sw.js"), "utf8");
    for (const [from, to] of [
      [sri(Buffer.from(page)), sri(Buffer.from(next))],
      [oldBuild, "2".repeat(oldBuild.length)],
    ]) {
      assert.equal(sw.split(from).length, 2, `sw.js holds ${from} once`);
      sw = sw.replace(from, to);
    }
    await writeFile(join(dir, "index.html"), next);
    await writeFile(join(dir, "sw.js"), sw);
  }

  test("is offered, never forced, and replaces the old cache after the offered reload, with the answers kept", async () => {
    const context = await newContext(env.browser, { viewport: PHONE });
    const page = await context.newPage();
    const errors = recordErrors(page);
    const base = second.url(DEEP_PATH);
    await page.goto(base);
    await activated(page);
    // The installed page, controlled by the first build's worker.
    await page.reload();
    const w = new Widget(page, "ja");
    await w.answer(PLAN.marketplace);
    await w.answer(PLAN.loss);
    const third = (await w.current()).id;
    const [oldCache] = Object.keys(await cachedEverything(page));
    const oldBuild = oldCache.split(" ").at(-1);

    await publishSecondBuild(oldBuild);
    await page.evaluate(() => {
      window.__firstLoad = true;
    });
    // The browser's own check (as on the next visit, or a day later).
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const offer = page.getByRole("status").filter({ hasText: UI.update_ready.ja });
    await offer.waitFor();
    await screenshot(page, "install-update-ja-phone");
    // Offered, not forced: the same document, the answers on screen, the new worker waiting.
    assert.equal(await page.evaluate(() => window.__firstLoad), true, "the page did not reload by itself");
    await w.expectQuestion(third);
    assert.equal(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting), true);
    assert.deepEqual(Object.keys(await cachedEverything(page)).sort(), [oldCache, oldCache.replace(oldBuild, "2".repeat(oldBuild.length))].sort());

    await Promise.all([page.waitForEvent("load"), offer.getByRole("button", { name: UI.update_reload.ja, exact: true }).click()]);
    assert.equal(await page.evaluate(() => window.__firstLoad ?? false), false, "reloaded");
    assert.equal(await page.locator('meta[name="gcd-test-build"]').count(), 1, "the second build shows");
    await w.expectQuestion(third);
    const cached = await cachedEverything(page);
    const names = Object.keys(cached);
    assert.equal(names.length, 1, `only the new build's cache is left: ${names}`);
    assert.ok(names[0].endsWith(` ${"2".repeat(oldBuild.length)}`), names[0]);
    const next = cached[names[0]].find((e) => e.url === new URL("index.html", base).href);
    assert.equal(next.sha256, sha256(await readFile(join(dir, "index.html"))), "the cache holds the new page");
    await w.walk(PLAN, { fallback: "no" });
    assert.equal((await w.causes())[0].id, "expired");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("built with --no-install, it retires an installed worker and its cache; the next visit comes from the server", async () => {
    await cp(DIST, dir, { recursive: true });
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const base = second.url(DEEP_PATH);
    await page.goto(base);
    await activated(page);
    await page.reload();
    assert.ok((await workersOf(page)).controller, "installed");
    assert.equal(Object.keys(await cachedEverything(page)).length, 1);

    // What `cargo xtask dist --no-install` writes: the page with the meta off, and the retiring worker as sw.js.
    const html = await readFile(join(DIST, "index.html"), "utf8");
    await writeFile(join(dir, "index.html"), html.replace("<head>", OPT_OUT));
    await writeFile(join(dir, "sw.js"), await readFile(new URL("../../static/js/sw-retire.js", import.meta.url)));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await eventually(async () => assert.deepEqual((await workersOf(page)).registrations, [], "unregistered"), { timeout: 10000 });
    assert.deepEqual(await cachedEverything(page), {}, "this scope's caches are gone");
    const seen = second.requests.length;
    await page.reload();
    assert.deepEqual(second.requests.slice(seen), [DEEP_PATH], "the page came from the server, and registered nothing");
    assert.equal(await page.locator('meta[name="giftcard-doctor-install"]').getAttribute("content"), "off");
    assert.deepEqual(await workersOf(page), { registrations: [], controller: null });
    await new Widget(page, "ja").expectQuestion("marketplace");
    await context.close();
  });
});
