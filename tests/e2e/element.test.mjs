// The embed conventions hosts expect (issue 13.4): the custom element `<giftcard-doctor>` (options as attributes,
// `lang` switching the language after it shows), `embed.js` as a classic `async` script (a CMS that strips
// `type="module"`) and as `type="module"`. In each, from a host page on 127.0.0.1: the wizard reaches a result; with
// the app script held back 3 s, the pre-rendered first question is visible and answerable at once and the answer is
// kept when the wasm takes over, with the same result as without the delay; axe finds nothing on the element's page.
// An element added later mounts itself (2 s after load with the app running, or on a page that had none), and
// `embed.js` included twice loads one app and gives one widget per mount point.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { browserAndServer } from "./lib/harness.mjs";
import { newContext } from "./lib/browser.mjs";
import { DEEP_PATH } from "./lib/server.mjs";
import { Widget } from "./lib/widget.mjs";
import { appStyled, distFile, serveHostPage, sri } from "./lib/delivery.mjs";

const DELAY = 3000;
/** The first question must be there well before the delayed app could be. */
const AT_ONCE = 2000;
const PLAN = { marketplace: "jp", loss: "all", invalidation_email: "no", suspended_notice: "no", card_issued: "2016-05-01" };

const env = browserAndServer();

/** `embed.js`'s tag with this build's hash; `extra` adds `async` or `type="module"`. */
const tag = (extra) =>
  `<script src="${env.server.url(`${DEEP_PATH}embed.js`)}" integrity="${sri(distFile("embed.js"))}" crossorigin="anonymous"${extra}></script>`;

/**
 * The three ways a host writes the snippet. The host page says `lang="ja"`; the element asks for English with its
 * own `lang` attribute, so a pre-render or a mount that ignored the attribute would show Japanese.
 */
const FORMS = {
  element: { body: () => `<giftcard-doctor lang="en"></giftcard-doctor>${tag(" async")}`, host: "giftcard-doctor", lang: "en" },
  "classic async": { body: () => `<div data-giftcard-doctor data-lang="ja"></div>${tag(" async")}`, host: "[data-giftcard-doctor]", lang: "ja" },
  module: { body: () => `<div data-giftcard-doctor data-lang="ja"></div>${tag(' type="module"')}`, host: "[data-giftcard-doctor]", lang: "ja" },
};

/** Opens a form's host page; with `delay`, the app script is held back ≥ 3 s and until `release()`. */
async function open(form, { delay = false, body = FORMS[form].body() } = {}) {
  const context = await newContext(env.browser, { lang: "ja" });
  let release = () => {};
  const released = new Promise((r) => (release = r));
  if (delay) {
    await context.route("**/giftcard-doctor-app.js", async (route) => {
      await Promise.all([new Promise((r) => setTimeout(r, DELAY)), released]);
      await route.continue();
    });
  }
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  page.on("console", (m) => m.type() === "warning" && /could not start/.test(m.text()) && errors.push(new Error(m.text())));
  const url = serveHostPage(env.server, `/help/articles/${form.replace(" ", "-")}-${delay ? "late" : "plain"}.html`, body);
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  const started = () => page.evaluate(() => typeof window.GiftcardDoctor === "object");
  return { context, page, errors, release, started, t0, host: page.locator(FORMS[form].host) };
}

for (const form of Object.keys(FORMS)) {
  describe(`embed as ${form}`, () => {
    test("reaches a result; held back 3 s, the pre-rendered first question is answerable at once and the answer kept", async () => {
      const { lang } = FORMS[form];
      const plain = await open(form);
      const v = new Widget(plain.host, lang);
      await v.expectQuestion("marketplace");
      await v.walk(PLAN, { fallback: "no" });
      const causes = await v.causes();
      assert.ok(causes.length > 0, "a result");
      assert.deepEqual(plain.errors, []);
      await plain.context.close();

      const { context, page, errors, release, started, t0, host } = await open(form, { delay: true });
      const w = new Widget(host, lang);
      await w.expectQuestion("marketplace");
      const shown = Date.now() - t0;
      assert.ok(shown < AT_ONCE, `first question after ${shown} ms`);
      assert.equal(await started(), false, "the first question came before the app");
      await w.radio("marketplace", "jp").check();
      await w.next.click();
      assert.equal(await started(), false, "answered before the app");
      release();
      // The app takes over and applies the answer: the second question, not the first again.
      await w.expectQuestion("loss");
      assert.equal(await started(), true);
      assert.ok(Date.now() - t0 >= DELAY, "the delay held");
      await w.walk(PLAN, { fallback: "no" });
      assert.deepEqual(await w.causes(), causes, "the same result as without the delay");
      assert.deepEqual(errors, []);
      await page.close();
      await context.close();
    });
  });
}

describe("the custom element's attributes", () => {
  test("marketplace and lang are read; a new lang switches the running widget, answers kept; axe finds nothing", async () => {
    const body = `<giftcard-doctor lang="en" marketplace="jp" persist="false"></giftcard-doctor>${tag(" async")}`;
    const { context, page, errors, host } = await open("element", { body });
    const en = new Widget(host, "en");
    // The marketplace is given: the first question asked is the next one, in the element's language.
    await en.expectQuestion("loss");
    // embed.js has run by now (its app mounted the widget), so its definition is there.
    assert.equal(await page.evaluate(() => customElements.get("giftcard-doctor") !== undefined), true, "registered");
    await en.answer("all");
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
    await host.evaluate((el) => el.setAttribute("lang", "ja"));
    const ja = new Widget(host, "ja");
    await ja.title.waitFor();
    await ja.expectQuestion("code_shared");
    // persist="false": nothing kept for a reload.
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** Each mount point's widget count: how many widget roots its shadow root holds (a second app would add one). */
const widgetCounts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("[data-giftcard-doctor], giftcard-doctor")].map(
      (el) => el.shadowRoot?.querySelectorAll(".gcd-host").length ?? 0,
    ),
  );

describe("an element added later", () => {
  test("appended 2 s after load, with the app already running: it mounts (data-* options read) and answers", async () => {
    const body = `<giftcard-doctor lang="en" persist="false"></giftcard-doctor>${tag(" async")}`;
    const { context, page, errors, host } = await open("element", { body });
    await new Widget(host.first(), "en").expectQuestion("marketplace");
    // The app runs (not only the pre-rendered first screen) before the element comes.
    await page.waitForFunction(() => document.querySelector("giftcard-doctor").gcdMounted === true);
    await page.waitForTimeout(2000);
    await page.evaluate(() => {
      const late = document.createElement("giftcard-doctor");
      late.id = "late";
      // The div's data-* names work on the element too; the marketplace given, the first question is the next one.
      late.setAttribute("data-lang", "ja");
      late.setAttribute("data-marketplace", "jp");
      late.setAttribute("persist", "false");
      document.querySelector("main").append(late);
    });
    const late = new Widget(page.locator("#late"), "ja");
    await late.expectQuestion("loss");
    await late.answer("all");
    await late.expectQuestion("code_shared");
    assert.ok(await appStyled(page.locator("#late")), "the late widget has the stylesheet embed.js left");
    // Moved elsewhere in the page (connected again): still the one widget, nothing restarted.
    await page.evaluate(() => document.querySelector("main").prepend(document.querySelector("#late")));
    await late.expectQuestion("code_shared");
    assert.deepEqual(await widgetCounts(page), [1, 1]);
    assert.equal(await page.evaluate(() => document.querySelector("#late").gcdMounted), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("added to a page that had none when embed.js ran: the app starts then", async () => {
    const { context, page, errors, started } = await open("element", { body: tag(" async") });
    await page.waitForLoadState("load");
    await page.waitForTimeout(500);
    assert.equal(await started(), false, "no mount point, no app");
    await page.evaluate(() => document.querySelector("main").append(document.createElement("giftcard-doctor")));
    const w = new Widget(page.locator("giftcard-doctor"), "ja");
    await w.expectQuestion("marketplace");
    await w.answer("jp");
    await w.expectQuestion("loss");
    assert.equal(await started(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("a <div data-giftcard-doctor> added later", () => {
  test("mounted once the app runs (its data-* options read); taken out of the page, its widget is taken down", async () => {
    const body = `<giftcard-doctor lang="en" persist="false"></giftcard-doctor>${tag(" async")}`;
    const { context, page, errors } = await open("element", { body });
    await page.waitForFunction(() => document.querySelector("giftcard-doctor").gcdMounted === true);
    await page.evaluate(() => {
      // Inside a wrapper, as a single-page host renders a block of its article.
      const block = document.createElement("section");
      block.innerHTML = '<div data-giftcard-doctor id="late-div" data-lang="ja" data-marketplace="jp" data-persist="false"></div>';
      document.querySelector("main").append(block);
    });
    const late = new Widget(page.locator("#late-div"), "ja");
    await late.expectQuestion("loss");
    await late.answer("all");
    await late.expectQuestion("code_shared");
    assert.ok(await appStyled(page.locator("#late-div")));
    assert.deepEqual(await widgetCounts(page), [1, 1]);
    await page.evaluate(() => {
      window.__gcdRemoved = document.querySelector("#late-div");
      window.__gcdRemoved.closest("section").remove();
    });
    await page.waitForFunction(() => window.__gcdRemoved.gcdMounted === false, null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.__gcdRemoved.shadowRoot.childElementCount), 0, "nothing of the widget is left");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("an element taken out of the page", () => {
  test("its widget is taken down (shadow root emptied, mark cleared); put back, it starts afresh", async () => {
    const body = `<giftcard-doctor lang="en" persist="false"></giftcard-doctor>${tag(" async")}`;
    const { context, page, errors, host } = await open("element", { body });
    const w = new Widget(host.first(), "en");
    await w.expectQuestion("marketplace");
    await page.waitForFunction(() => document.querySelector("giftcard-doctor").gcdMounted === true);
    await w.answer("jp");
    await w.expectQuestion("loss");
    await page.evaluate(() => {
      window.__gcdRemoved = document.querySelector("giftcard-doctor");
      window.__gcdRemoved.remove();
    });
    await page.waitForFunction(() => window.__gcdRemoved.gcdMounted === false, null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.__gcdRemoved.shadowRoot.childElementCount), 0, "nothing of the widget is left");
    await page.evaluate(() => document.querySelector("main").append(window.__gcdRemoved));
    await w.expectQuestion("marketplace");
    await w.answer("jp");
    await w.expectQuestion("loss");
    assert.deepEqual(await widgetCounts(page), [1], "one widget again");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("embed.js included twice", () => {
  test("one app, one widget per element, no error; the second copy's own mount point is mounted too", async () => {
    // The first copy (classic, synchronous) sees only the div; the second (async) sees the element as well.
    const body =
      `<div data-giftcard-doctor data-lang="ja" data-persist="false"></div>${tag("")}` +
      `<giftcard-doctor lang="en" persist="false"></giftcard-doctor>${tag(" async")}`;
    const context = await newContext(env.browser, { lang: "ja" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e));
    page.on("console", (m) => m.type() === "warning" && errors.push(new Error(m.text())));
    let appLoads = 0;
    page.on("request", (r) => r.url().endsWith("/giftcard-doctor-app.js") && appLoads++);
    await page.goto(serveHostPage(env.server, "/help/articles/twice.html", body));
    const div = new Widget(page.locator("[data-giftcard-doctor]"), "ja");
    const element = new Widget(page.locator("giftcard-doctor"), "en");
    await div.expectQuestion("marketplace");
    await element.expectQuestion("marketplace");
    await page.waitForFunction(() => typeof window.GiftcardDoctor === "object");
    await div.answer("jp");
    await element.answer("jp");
    await div.expectQuestion("loss");
    await element.expectQuestion("loss");
    assert.deepEqual(await widgetCounts(page), [1, 1]);
    assert.equal(appLoads, 1, "the app script is loaded once");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("a second embed.js whose mount point comes first", () => {
  test("both pre-rendered screens answered before the app: each widget keeps its own answer", async () => {
    const body = `<main><div id="a" data-giftcard-doctor data-lang="ja" data-persist="false"></div></main>${tag(" async")}`;
    const { context, page, errors, release, started } = await open("classic async", { delay: true, body });
    const a = new Widget(page.locator("#a"), "ja");
    await a.expectQuestion("marketplace");
    await a.radio("marketplace", "jp").check();
    // The host adds a block before the first one, with its own copy of the snippet: that copy numbers the new
    // screen by its place, 0, which the first screen already has.
    await page.evaluate(([src, integrity]) => {
      const b = document.createElement("div");
      b.id = "b";
      b.setAttribute("data-giftcard-doctor", "");
      b.setAttribute("data-lang", "ja");
      b.setAttribute("data-persist", "false");
      document.querySelector("main").prepend(b);
      const script = document.createElement("script");
      script.src = src;
      script.integrity = integrity;
      script.crossOrigin = "anonymous";
      document.body.append(script);
    }, [env.server.url(`${DEEP_PATH}embed.js`), sri(distFile("embed.js"))]);
    const b = new Widget(page.locator("#b"), "ja");
    await b.expectQuestion("marketplace");
    await b.radio("marketplace", "us").check();
    await b.next.click();
    assert.equal(await started(), false, "both answered before the app");
    release();
    // b's Next was pressed: its next question. a's choice was only made: still checked on the first question.
    await b.expectQuestion("loss");
    await page.waitForFunction(() => document.querySelector("#a").gcdMounted === true);
    await a.expectQuestion("marketplace");
    assert.equal(await a.radio("marketplace", "jp").isChecked(), true, "a keeps jp");
    await b.back.click();
    await b.expectQuestion("marketplace");
    assert.equal(await b.radio("marketplace", "us").isChecked(), true, "b keeps us");
    assert.deepEqual(await widgetCounts(page), [1, 1]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("without JavaScript", () => {
  test("the standalone page and the snippet in EMBED.md tell the reader, in ja and en, that JavaScript is needed", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(env.server.url("/index.html"));
    // Playwright's text selectors skip <noscript>, so look it up by element.
    for (const [lang, phrase] of [
      ["ja", "JavaScriptが必要です"],
      ["en", "needs JavaScript"],
    ]) {
      const p = page.locator(`noscript > p[lang="${lang}"]`);
      assert.equal(await p.isVisible(), true, `the ${lang} message shows`);
      assert.ok((await p.textContent()).includes(phrase), lang);
    }
    const doc = distFile("EMBED.md").toString();
    const snippet = doc.slice(doc.indexOf("```html"), doc.indexOf("```", doc.indexOf("```html") + 7));
    assert.match(snippet, /<noscript><p lang="ja">[^<]*JavaScriptが必要です[^<]*<\/p><p lang="en">[^<]*needs JavaScript/);
    await context.close();
  });
});
