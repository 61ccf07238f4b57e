// The offline single file, saved to disk and opened from file:// with the network off and every request that is not
// the file itself refused: it carries everything it needs, and a link with the answers is only the fragment. (That
// the wizard works to a result in it, in both languages, is wizard.test.mjs's "in each delivery form".)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, newContext, VIEWPORTS } from "./lib/browser.mjs";
import { offlineCopy, removeOfflineCopy } from "./lib/forms.mjs";
import { Widget } from "./lib/widget.mjs";
import { openFromDisk } from "./lib/delivery.mjs";

const NAME = "giftcard-doctor-offline.html";
const BUDGET = 600 * 1024;

let browser;
/** The saved copy: its file: URL and the folder it is in. */
let file;
let dir;

before(async () => {
  [browser, file] = await Promise.all([launch(), offlineCopy()]);
  dir = dirname(fileURLToPath(file));
});

after(async () => {
  await browser?.close();
  await removeOfflineCopy();
});

/** A context with the network off and everything but file: refused; returns the page and the requests it made. */
async function offline(lang) {
  const context = await newContext(browser, { lang, viewport: VIEWPORTS.phone });
  return { context, ...(await openFromDisk(context, file)) };
}

test("the file is whole: no script, style, image or frame comes from another file, and it is under 600 KB", async (t) => {
  const html = await readFile(fileURLToPath(file), "utf8");
  t.diagnostic(`${NAME}: ${html.length} characters`);
  // Every element that would load something names no other file (data: URLs are inside the file).
  const loads = [...html.matchAll(/<(?:script|link|img|iframe|source|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*["']?([^"'\s>]*)/gi)]
    .map((m) => m[1])
    .filter((url) => !url.startsWith("data:"));
  assert.deepEqual(loads, [], "the saved file would need another file");
  // It does carry the app: the wasm (LZMA, as a string) and its loader are inside.
  assert.match(html, /<script>[\s\S]{100000,}<\/script>/, "the app's script is inline");
  assert.ok(Buffer.byteLength(html) <= BUDGET, `${Buffer.byteLength(html)} bytes`);
});

test("a link with my answers, from the saved file, is only the fragment, and says how to use it", async () => {
  const { context, page, errors } = await offline("ja");
  // What the page hands the clipboard (file:// pages get no clipboard permission in a headless test browser).
  await page.addInitScript(() => {
    navigator.clipboard.writeText = async (text) => {
      window.__copied = text;
    };
  });
  await page.reload();
  const w = new Widget(page, "ja");
  await w.walk({ marketplace: "jp", loss: "all", invalidation_email: "yes" }, { fallback: "no" });
  await w.causes();
  await w.button("share_link").click();
  await w.scope.getByText(w.t("copied_fragment"), { exact: true }).waitFor();
  const copied = await page.evaluate(() => window.__copied);
  assert.match(copied, /^#gcd\?/, "only the fragment: the file's path (the person's folders) is left out");
  assert.ok(!copied.includes(dir) && !copied.includes("file:"), copied);
  // Pasted at the end of the file's address, it brings the answers back.
  const fresh = await context.newPage();
  await fresh.goto(file + copied);
  assert.equal((await new Widget(fresh, "ja").causes())[0].id, (await w.causes())[0].id);
  assert.deepEqual(errors, []);
  await context.close();
});
