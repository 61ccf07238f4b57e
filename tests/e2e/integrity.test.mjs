// Integrity end to end: the one `integrity` of the snippet covers every script the widget runs. `embed.js` carries the
// hash of the app script (glue + wasm) and loads it with that hash; a changed byte in either is refused by the
// browser — no widget runs, and where embed.js itself still runs, the fallback shows instead. The offline file's one
// inline script is held by the hash in its CSP.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { newContext } from "./lib/browser.mjs";
import { DIST } from "./lib/paths.mjs";
import { eventually } from "./lib/util.mjs";
import { distFile, fallbackOf, sri } from "./lib/delivery.mjs";

const env = browserAndServer();

test("the hashes are this build's: EMBED.md and frame.html name embed.js's, embed.js names the app's", () => {
  const embedHash = sri(distFile("embed.js"));
  const appHash = sri(distFile("giftcard-doctor-app.js"));
  const doc = readFileSync(join(DIST, "EMBED.md"), "utf8");
  assert.ok(doc.includes(`integrity="${embedHash}"`), "EMBED.md's snippet carries embed.js's hash");
  assert.ok(!doc.includes("{{"), "no placeholder left in EMBED.md");
  assert.ok(readFileSync(join(DIST, "frame.html"), "utf8").includes(`src="embed.js" integrity="${embedHash}"`));
  // The minifier inlines the constant: look for the hash as the string embed.js loads the app with.
  assert.ok(distFile("embed.js").toString().includes(`"${appHash}"`), "embed.js names the app's hash");
});

/** Opens `path` with `file` served with one byte changed (the first `giftcard-doctor` in it becomes `giftcard-doktor`). */
async function openTampered(path, file) {
  const context = await newContext(env.browser, { lang: "ja" });
  await context.route(`**/${file}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("giftcard-doctor", "giftcard-doktor");
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  const console = [];
  page.on("console", (m) => console.push(m.text()));
  await page.goto(env.server.url(path));
  return { context, page, console };
}

describe("a tampered app script is refused", () => {
  for (const [name, path] of [
    // The standalone page carries its scripts inline (allowed by CSP hash, like the offline file); its iframe twin
    // loads them as files.
    ["the iframe's page on its own", "/frame.html"],
    ["embedded in a help article", "/help/articles/host-article.html"],
  ]) {
    test(name, async () => {
      const { context, page, console } = await openTampered(path, "giftcard-doctor-app.js");
      const hosts = page.locator("[data-giftcard-doctor]");
      for (let i = 0; i < (await hosts.count()); i++) {
        const fallback = await eventually(async () => {
          const f = await fallbackOf(hosts.nth(i));
          assert.ok(f, "the fallback shows");
          return f;
        });
        assert.equal(fallback.widget, false, "no widget");
      }
      assert.equal(await page.evaluate(() => typeof window.GiftcardDoctor), "undefined", "the app never ran");
      assert.ok(console.some((l) => /integrity/i.test(l)), JSON.stringify(console));
      await context.close();
    });
  }

  test("in the iframe", async () => {
    const { context, page } = await openTampered("/help/articles/host-iframe.html", "giftcard-doctor-app.js");
    const mount = page.frameLocator("iframe[data-giftcard-doctor-frame]").locator("[data-giftcard-doctor]");
    await eventually(async () => assert.ok(await fallbackOf(mount), "the fallback shows in the frame"));
    await context.close();
  });
});

test("a tampered embed.js is refused: nothing of the widget runs", async () => {
  const { context, page, console } = await openTampered("/frame.html", "embed.js");
  await eventually(() => assert.ok(console.some((l) => /integrity/i.test(l)), JSON.stringify(console)));
  await page.waitForLoadState("load");
  const state = await page.locator("[data-giftcard-doctor]").evaluate((el) => ({
    // The wasm marks the elements it mounted (src/mount.rs); a pre-render alone may be in a shadow root.
    mounted: el.gcdMounted === true,
    api: typeof window.GiftcardDoctor,
  }));
  assert.deepEqual(state, { mounted: false, api: "undefined" });
  // The pre-rendered question gives way to a message (the page's own inline script sees the refused script), so the
  // person is not left with a Next button that goes nowhere.
  const fallback = await eventually(async () => {
    const f = await fallbackOf(page.locator("[data-giftcard-doctor]"));
    assert.ok(f, "the mount point says the tool could not be loaded");
    return f;
  });
  assert.equal(fallback.role, "alert");
  assert.equal(fallback.widget, false, "the pre-rendered question is gone");
  assert.ok(fallback.visible);
  assert.match(fallback.text, /読み込めませんでした/);
  await context.close();
});

test("a tampered offline file is refused: its script no longer matches the hash its CSP allows", async () => {
  const dir = await mkdtemp(join(tmpdir(), "gcd-tampered-"));
  try {
    const original = readFileSync(join(DIST, "giftcard-doctor-offline.html"), "utf8");
    const tampered = original.replace("giftcard-doctor app, generated", "giftcard-doktor app, generated");
    assert.notEqual(tampered, original, "the change lands inside the inline script");
    const path = join(dir, "giftcard-doctor-offline.html");
    await writeFile(path, tampered);
    const context = await newContext(env.browser, { lang: "ja" });
    const page = await context.newPage();
    const console = [];
    page.on("console", (m) => console.push(m.text()));
    await page.goto(pathToFileURL(path).href);
    await eventually(() => assert.ok(console.some((l) => /Content Security Policy/i.test(l)), JSON.stringify(console)));
    // Nothing of the widget runs (the pre-rendered first screen, plain HTML, may still show).
    const state = await page.locator("[data-giftcard-doctor]").evaluate((el) => ({
      // The wasm marks the elements it mounted (src/mount.rs); a pre-render alone may be in a shadow root.
      mounted: el.gcdMounted === true,
      api: typeof window.GiftcardDoctor,
    }));
    assert.deepEqual(state, { mounted: false, api: "undefined" });
    await context.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
