// What each delivery form keeps apart: the isolated iframe served from a second origin (sandboxed, unreadable by the
// host page, framed only where its CSP header allows, its height still following and its messages going to the
// embedding origin only), answers kept per page, share links without the query, and `data-offline-href` checked.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, newContext } from "./lib/browser.mjs";
import { DEEP_PATH, startServer } from "./lib/server.mjs";
import { DIST } from "./lib/paths.mjs";
import { Widget } from "./lib/widget.mjs";
import { eventually } from "./lib/util.mjs";
import { assertFrameFollowsContent, embedTag, serveHostPage } from "./lib/delivery.mjs";

const SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox";
let browser;
let host; // the help site (origin A)
let widgetSite; // the widget's own origin (B): serves frame.html with its frame-ancestors header
let stranger; // a third origin (C) that should not be able to frame the widget

before(async () => {
  browser = await launch();
  host = await startServer();
  widgetSite = await startServer(
    { "/": DIST },
    { headers: (path) => (path === "/frame.html" ? { "Content-Security-Policy": `frame-ancestors ${host.origin}` } : {}) },
  );
  stranger = await startServer({ "/": DIST });
});

after(async () => {
  await browser?.close();
  await Promise.all([host?.close(), widgetSite?.close(), stranger?.close()]);
});

const embedSrc = () => host.url(`${DEEP_PATH}embed.js`);
const frameTag = (origin, extra = "") =>
  `<iframe src="${origin}/frame.html" data-giftcard-doctor-frame title="ギフトカード残高診断" width="100%" height="300" sandbox="${SANDBOX}" allow="clipboard-write"${extra}></iframe>`;

/** A host page on origin A with the isolated iframe from origin B; every message the host receives is recorded. */
async function isolatedPage({ withEmbed = true } = {}) {
  const context = await newContext(browser, { lang: "ja" });
  const url = serveHostPage(host, "/help/articles/isolated.html", `${frameTag(widgetSite.origin)}<p id="after">end</p>${withEmbed ? embedTag(embedSrc()) : ""}`);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
  });
  await page.goto(url);
  const w = new Widget(page.frameLocator("iframe[data-giftcard-doctor-frame]"), "ja");
  await w.expectQuestion("marketplace");
  const frame = page.frames().find((f) => f.url() === `${widgetSite.origin}/frame.html`);
  assert.ok(frame, "the frame shows the widget's page from its own origin");
  return { context, page, errors, w, frame };
}

describe("the isolated iframe, from its own origin", () => {
  test("the host page cannot read the frame's document, and its height still follows", async () => {
    const { context, page, errors, w, frame } = await isolatedPage();
    const iframe = page.locator("iframe[data-giftcard-doctor-frame]");
    // The sandbox keeps the frame's own origin (so its storage works) and adds nothing else.
    assert.equal(await iframe.getAttribute("sandbox"), SANDBOX);
    assert.equal(await frame.evaluate(() => window.origin), widgetSite.origin);
    const reach = await iframe.evaluate((el) => {
      let documentRead;
      try {
        documentRead = el.contentWindow.document.body.innerHTML;
      } catch (e) {
        documentRead = `refused: ${e.name}`;
      }
      return { contentDocument: el.contentDocument === null ? null : "readable", documentRead };
    });
    assert.deepEqual(reach, { contentDocument: null, documentRead: "refused: SecurityError" });

    await assertFrameFollowsContent(iframe, frame, w, () => Math.ceil(document.documentElement.getBoundingClientRect().height));

    // Every message the host received came from the frame's origin; heights are plain integers.
    const messages = await page.evaluate(() => window.__messages);
    const heightsSeen = messages.filter((m) => m.data?.type === "giftcard-doctor:height");
    assert.ok(heightsSeen.length > 0);
    for (const m of messages) assert.equal(m.origin, widgetSite.origin, JSON.stringify(m));
    for (const m of heightsSeen) assert.deepEqual(Object.keys(m.data).sort(), ["height", "type"]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the frame sends its height only to the origin that said hello", async () => {
    // No embed.js on the host: nobody says hello, so the frame must send nothing but its content-free "ready".
    const { context, page } = await isolatedPage({ withEmbed: false });
    await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === "giftcard-doctor:frame-ready"));
    const { frame } = { frame: page.frames().find((f) => f.url() === `${widgetSite.origin}/frame.html`) };
    // Make the content change size: a frame that posted to "*" would report it now.
    await frame.evaluate(() => {
      document.body.style.paddingBottom = "333px";
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const types = (await page.evaluate(() => window.__messages)).map((m) => m.data?.type);
    assert.ok(types.length > 0 && types.every((t) => t === "giftcard-doctor:frame-ready"), JSON.stringify(types));
    for (const m of await page.evaluate(() => window.__messages)) assert.deepEqual(Object.keys(m.data), ["type"]);
    await context.close();
  });

  test("the host checks each height message: from the frame, from its origin, within bounds", async () => {
    const { context, page, frame } = await isolatedPage();
    const iframe = page.locator("iframe[data-giftcard-doctor-frame]");
    const settled = await eventually(async () => {
      const h = await iframe.evaluate((el) => el.clientHeight);
      assert.ok(h > 300, `the frame took its content's height (${h}px)`);
      return h;
    });
    const heightNow = () => iframe.evaluate((el) => el.clientHeight);
    // From the host's own window (any script of the page), not the frame: ignored.
    await page.evaluate(() => window.postMessage({ type: "giftcard-doctor:height", height: 123 }, "*"));
    // From the frame, but absurd: ignored.
    for (const height of [1e9, -5, 0, 12.5, "150", null]) {
      await frame.evaluate((height) => parent.postMessage({ type: "giftcard-doctor:height", height }, "*"), height);
    }
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    assert.equal(await heightNow(), settled);
    // From the frame, sane: taken (so the checks above are not simply ignoring everything).
    await frame.evaluate(() => parent.postMessage({ type: "giftcard-doctor:height", height: 321 }, "*"));
    await eventually(async () => assert.equal(await heightNow(), 321));
    await context.close();
  });

  test("a site the frame's CSP header does not name cannot frame it", async () => {
    const context = await newContext(browser, { lang: "ja" });
    const url = serveHostPage(stranger, "/stranger.html", frameTag(widgetSite.origin));
    const page = await context.newPage();
    await page.goto(url);
    await eventually(() => assert.ok(widgetSite.requests.includes("/frame.html"), "the frame was asked for"));
    await eventually(async () => {
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      assert.equal(frames.length, 1);
      assert.notEqual(frames[0].url(), `${widgetSite.origin}/frame.html`, "the browser refused to show it");
    });
    assert.equal(await page.frames()[1].locator("legend").count(), 0);
    await context.close();
  });
});

describe("the promise says who else can see", () => {
  test("built into a host page the widget says the page's scripts may see the typing; on its own pages it does not", async () => {
    const context = await newContext(browser, { lang: "ja" });
    const page = await context.newPage();
    await page.goto(host.url("/help/articles/host-article.html"));
    const hosts = page.locator("[data-giftcard-doctor]");
    for (const [i, lang] of [
      [0, "ja"],
      [1, "en"],
    ]) {
      const w = new Widget(hosts.nth(i), lang);
      await w.expectQuestion("marketplace");
      assert.equal(await w.scope.getByText(w.t("privacy_embedded"), { exact: true }).count(), 1, lang);
    }
    await page.goto(host.url("/index.html"));
    const alone = new Widget(page, "ja");
    await alone.expectQuestion("marketplace");
    assert.equal(await alone.scope.getByText(alone.t("privacy_promise"), { exact: true }).count(), 1);
    assert.equal(await alone.scope.getByText(alone.t("privacy_embedded"), { exact: true }).count(), 0);
    await context.close();
    const isolated = await isolatedPage();
    assert.equal(await isolated.w.scope.getByText(isolated.w.t("privacy_embedded"), { exact: true }).count(), 0);
    await isolated.context.close();
  });
});

describe("answers and links belong to one page", () => {
  test("two pages of one site, each with a widget, keep their own answers; the key names the page", async () => {
    const context = await newContext(browser, { lang: "ja" });
    const page = await context.newPage();
    await page.goto(host.url("/index.html"));
    const w = new Widget(page, "ja");
    await w.answer("jp");
    await w.expectQuestion("loss");
    // Another page of the same site, same tab: a fresh start, not the first page's answers.
    await page.goto(host.url(`${DEEP_PATH}index.html`));
    const other = new Widget(page, "ja");
    await other.expectQuestion("marketplace");
    for (const value of ["jp", "us"]) assert.equal(await other.radio("marketplace", value).isChecked(), false);
    const keys = await page.evaluate(() => Object.keys(sessionStorage));
    assert.deepEqual(keys, [`giftcard-doctor:v1:0:${host.origin}/index.html`], "the first page's key names its page");
    // Back on the first page, its answers are there.
    await page.goto(host.url("/index.html"));
    await w.expectQuestion("loss");
    await context.close();
  });

  test("the share link is the page's path and the fragment, never the query", async () => {
    const context = await newContext(browser, { lang: "en", permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(host.url("/index.html?utm_source=mail&session=SECRET123"));
    const w = new Widget(page, "en");
    await w.walk({ marketplace: "us", loss: "partial", pending_orders: "yes" }, { fallback: "no" });
    await w.causes();
    await w.button("share_link").click();
    await w.scope.getByText(w.t("copied"), { exact: true }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${host.origin}/index.html#gcd?`), link);
    assert.ok(!link.includes("SECRET123") && !link.includes("utm_source"), link);
    await context.close();
  });

  test("data-offline-href: only a relative or same-origin http(s) .html address, otherwise the default", async () => {
    const context = await newContext(browser, { lang: "ja" });
    const path = "/help/articles/offline-links.html";
    const given = [
      "javascript:alert(1)",
      "https://evil.example/giftcard-doctor-offline.html",
      "copies/offline-copy.html",
      "/help/offline.txt",
      "data:text/html,<p>hi</p>",
      "/help/offline.html?x=1",
    ];
    const mounts = given.map((href) => `<div data-giftcard-doctor data-persist="false" data-offline-href="${href.replace(/"/g, "&quot;").replace(/</g, "&lt;")}"></div>`);
    const url = serveHostPage(host, path, mounts.join("\n") + embedTag(embedSrc()));
    const page = await context.newPage();
    await page.goto(url);
    const hosts = page.locator("[data-giftcard-doctor]");
    const fallback = host.url(`${DEEP_PATH}giftcard-doctor-offline.html`);
    const expected = [fallback, fallback, host.url("/help/articles/copies/offline-copy.html"), fallback, fallback, fallback];
    for (let i = 0; i < given.length; i++) {
      const w = new Widget(hosts.nth(i), "ja");
      await w.expectQuestion("marketplace");
      const href = await w.scope.getByRole("link", { name: w.t("save_offline") }).evaluate((a) => a.href);
      assert.equal(href, expected[i], `data-offline-href="${given[i]}"`);
    }
    await context.close();
  });
});
