// The privacy promise as a tested fact, for each of the three ways the widget is used (standalone page over http,
// embedded in a host page, the offline file from file://): every request is recorded, and once the page's own
// assets have loaded, walking to a result, copying the summary and the share link makes no request at all; no
// full claim code and no pasted history text is kept anywhere or put in a URL; the pages' CSP is in force.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, newContext } from "./lib/browser.mjs";
import { DEEP_PATH, startServer } from "./lib/server.mjs";
import { DIST } from "./lib/paths.mjs";
import { Widget } from "./lib/widget.mjs";
import {
  FULL_CODE,
  LAST_FOUR,
  assertNoSecrets,
  assertNothingStored,
  feedSecretsToApi,
  probeCsp,
  readClipboard,
  recordRequests,
} from "./lib/privacy.mjs";

let server;
let browser;
let offlineDir;

before(async () => {
  [server, browser, offlineDir] = await Promise.all([startServer(), launch(), mkdtemp(join(tmpdir(), "gcd-offline-"))]);
  await copyFile(join(DIST, "giftcard-doctor-offline.html"), join(offlineDir, "giftcard-doctor-offline.html"));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (offlineDir) await rm(offlineDir, { recursive: true, force: true });
});

/** A fresh context allowed to use the clipboard, with every request recorded. */
async function privateContext() {
  const context = await newContext(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const requests = recordRequests(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__gcdReady = false;
    window.addEventListener("giftcard-doctor:ready", () => {
      window.__gcdReady = true;
    });
  });
  return { context, page, requests };
}

/** Waits until the page and its own assets have loaded and the widget is up. */
async function loaded(page, w) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => window.__gcdReady === true);
  await w.ready();
}

/**
 * What a worried person does: answers to a result, first typing the full code into the date field by mistake; ticks
 * an item; copies the summary and the link with the answers. Returns the two clipboard texts.
 */
async function useIt(page, w) {
  const plan = { marketplace: "jp", loss: "all", invalidation_email: "no", suspended_notice: "no" };
  for (let q = await w.current(); q; q = await w.current()) {
    if (q.id === "card_issued") {
      await w.typedDate.fill(FULL_CODE);
      await w.next.click();
      await w.scope.getByRole("alert").waitFor();
      assert.ok(await w.group("card_issued").isVisible(), "a code is not a date: the question stays");
      await w.answer("2016-05-01");
    } else {
      await w.answer(plan[q.id] ?? "no");
    }
  }
  assert.equal((await w.causes())[0].id, "expired");
  await w.causeItems.first().getByRole("checkbox").first().check();

  await w.button("copy_summary").click();
  await w.scope.getByRole("status").filter({ hasText: w.t("copied") }).first().waitFor();
  const summary = await readClipboard(page);
  assert.ok(summary.startsWith(w.t("summary_title")), summary);
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await w.button("share_link").click();
  await w.scope.getByRole("status").filter({ hasText: w.t("copied") }).first().waitFor();
  const link = await readClipboard(page);
  assert.match(link, /#gcd\?/, link);
  return { summary, link };
}

/** After everything: no request since `baseline`, and no secret in storage, in the URL, on the clipboard. */
async function assertQuiet(page, requests, baseline, { summary, link }) {
  // A round trip through the page, so any request it started before has been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.deepEqual(requests.slice(baseline), [], "no request after the page's own assets");
  assertNoSecrets(summary, "the copied summary");
  assertNoSecrets(link, "the copied link");
  assertNoSecrets(page.url(), "the page's URL");
  return assertNothingStored(page);
}

describe("standalone page over http", () => {
  test("no request after load; nothing secret kept, copied or put in the URL", async () => {
    const { context, page, requests } = await privateContext();
    await page.goto(server.url("/index.html"));
    const w = new Widget(page, "ja");
    await loaded(page, w);
    // page.css is inline since the pre-rendered first screen (issue 13), so it is not fetched.
    const own = ["/index.html", "/giftcard-doctor.js", "/giftcard-doctor-wasm.js", "/embed.js"];
    assert.deepEqual(
      requests.map((u) => new URL(u).pathname).sort(),
      [...own].sort(),
      "the page loads its own four files and nothing else",
    );
    const baseline = requests.length;
    const api = await feedSecretsToApi(page);
    assertNoSecrets(api.diagnosis, "what diagnose() returns");
    const copied = await useIt(page, w);
    const stored = await assertQuiet(page, requests, baseline, copied);
    assert.match(stored.sessionStorage, /giftcard-doctor:v1:0/, "the answers are kept (this tab only)");
    assert.equal(stored.localStorage, "{}");
    assert.equal(stored.cookies, "[]");
    assert.deepEqual(server.requests.filter((p) => !own.includes(p)), [], "the server saw nothing else either");
    await context.close();
  });

  test("the CSP is in force: an injected inline script does not run, a fetch is refused", async () => {
    const { context, page } = await privateContext();
    await page.goto(server.url("/index.html"));
    await loaded(page, new Widget(page, "ja"));
    await probeCsp(page);
    assert.ok(!server.requests.some((p) => p.startsWith("/collect")), "the refused fetch never reached the server");
    await context.close();
  });
});

describe("embedded in a host page", () => {
  test("no request after load; only the last four characters of a code the host passed are kept", async () => {
    const { context, page, requests } = await privateContext();
    // The host passes start facts with a full code (as a careless host might); the widget must keep only GH56.
    const facts = JSON.stringify({ marketplace: "jp", cards: [{ last4: FULL_CODE, issued: "2016-05-01" }] });
    await page.route("**/host-article.html", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('id="widget-ja"', `id="widget-ja" data-facts='${facts}'`);
      await route.fulfill({ response, body });
    });
    await page.goto(server.url("/help/articles/host-article.html"));
    const w = new Widget(page.locator("[data-giftcard-doctor]").first(), "ja");
    await loaded(page, w);
    await new Widget(page.locator("[data-giftcard-doctor]").nth(1), "en").ready();
    for (const u of requests) {
      const path = new URL(u).pathname;
      assert.ok(path === "/help/articles/host-article.html" || path.startsWith(DEEP_PATH), `${path}: the page or the widget's own files`);
    }
    const baseline = requests.length;
    const copied = await useIt(page, w);
    assert.ok(copied.summary.includes(LAST_FOUR), `the summary names the card by its last four: ${copied.summary}`);
    const stored = await assertQuiet(page, requests, baseline, copied);
    assert.ok(stored.sessionStorage.includes(LAST_FOUR), "the last four are what is kept");
    assert.ok(!copied.link.includes(LAST_FOUR), "the share link carries no part of a code");
    await context.close();
  });
});

describe("offline file from file://", () => {
  test("no request at all besides the file; nothing secret kept; the CSP is in force", async () => {
    const { context, page, requests } = await privateContext();
    await context.route("**/*", (route) =>
      route.request().url().startsWith("file:") ? route.continue() : route.abort("internetdisconnected"),
    );
    const file = pathToFileURL(join(offlineDir, "giftcard-doctor-offline.html")).href;
    await page.goto(file);
    const w = new Widget(page, "ja");
    await loaded(page, w);
    const api = await feedSecretsToApi(page);
    assertNoSecrets(api.diagnosis, "what diagnose() returns");
    const copied = await useIt(page, w);
    await assertQuiet(page, requests, 1, copied);
    assert.deepEqual(requests, [file], "the file itself is the only request");
    await probeCsp(page);
    assert.deepEqual(requests, [file], "not even the refused fetch became a request");
    await context.close();
  });
});
