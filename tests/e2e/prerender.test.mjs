// The pre-rendered first screen: with the wasm held back 3 s, the first question is on screen and answerable at
// once in the standalone page, the embed and the offline file; an answer given (or a choice made) before the wasm
// is kept when it takes over, with focus and scroll; the result is the same as without the delay; the page's
// language, title and h1 follow the widget's language from the first paint; axe finds nothing before and after.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { PAGE_TEXTS } from "./lib/content.mjs";
import { browserAndServer } from "./lib/harness.mjs";
import { newContext, VIEWPORTS } from "./lib/browser.mjs";
import { offlineCopy } from "./lib/forms.mjs";
import { Widget, focusedElement } from "./lib/widget.mjs";
import { screenshot } from "./lib/util.mjs";

const DELAY = 3000;
/** The first question must be there well before the delayed wasm could be. */
const AT_ONCE = 2000;
const PLAN = { marketplace: "jp", loss: "all", invalidation_email: "no", suspended_notice: "no", card_issued: "2016-05-01" };

/** The standalone page's own title, h1 and description per language (static/content/page.toml), as `cargo xtask dist` puts them in. */
const PAGE = Object.fromEntries(
  ["ja", "en"].map((lang) => [lang, Object.fromEntries(Object.entries(PAGE_TEXTS.page).map(([key, text]) => [key, text[lang]]))]),
);

const env = browserAndServer();
let offlineUrl;
before(async () => {
  offlineUrl = await offlineCopy();
});

/** The three forms the widget comes in; `host(page)` is the scope a person looks at. */
const FORMS = {
  standalone: { url: () => env.server.url("/index.html"), host: (page) => page },
  embed: { url: () => env.server.url("/help/articles/host-article.html"), host: (page) => page.locator("#widget-ja") },
  offline: { url: () => offlineUrl, host: (page) => page },
};

/**
 * Opens a form in a fresh context. With `delay`, the wasm is held back at least 3 s, and until the test calls
 * `release()` (so a slow, shared machine cannot let it in while the test still acts on the pre-render): served pages
 * get the wasm module late (a Playwright route); the offline file, which carries the wasm inline, gets
 * `WebAssembly.compileStreaming` late. Returns the page and a `started()` probe: whether the wasm is running (its JS
 * API is installed).
 */
async function open(form, { delay = false, lang = "ja", viewport = VIEWPORTS.desktop } = {}) {
  const context = await newContext(env.browser, { lang, viewport });
  let releaseRoute = () => {};
  const released = new Promise((r) => (releaseRoute = r));
  if (delay) {
    await context.route("**/giftcard-doctor-app.js", async (route) => {
      await Promise.all([new Promise((r) => setTimeout(r, DELAY)), released]);
      await route.continue();
    });
    await context.addInitScript((ms) => {
      const compile = WebAssembly.compileStreaming;
      const released = new Promise((r) => (window.__gcdRelease = r));
      WebAssembly.compileStreaming = async (...args) => {
        await Promise.all([new Promise((r) => setTimeout(r, ms)), released]);
        return compile.apply(WebAssembly, args);
      };
    }, DELAY);
  }
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  const started = () => page.evaluate(() => typeof window.GiftcardDoctor === "object");
  const release = async () => {
    releaseRoute();
    await page.evaluate(() => window.__gcdRelease?.());
  };
  const t0 = Date.now();
  await page.goto(FORMS[form].url(), { waitUntil: "commit" });
  return { context, page, errors, started, release, t0 };
}

async function axe(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}`).join("\n")}`);
  assert.deepEqual(report, [], report.join("\n"));
}

for (const form of Object.keys(FORMS)) {
  describe(`pre-rendered first screen: ${form}`, () => {
    test("visible and answerable at once; the answer given before the wasm is kept; same result as without delay", async () => {
      const { context, page, errors, started, release, t0 } = await open(form, { delay: true });
      const w = new Widget(FORMS[form].host(page), "ja");
      await w.expectQuestion("marketplace");
      const shown = Date.now() - t0;
      assert.ok(shown < AT_ONCE, `first question after ${shown} ms`);
      assert.equal(await started(), false, "the first question came before the wasm");
      await w.radio("marketplace", "jp").check();
      await w.next.click();
      assert.equal(await started(), false, "answered before the wasm");
      await release();
      // The wasm takes over and applies the answer: the second question, not the first again.
      await w.expectQuestion("loss");
      assert.equal(await started(), true);
      assert.ok(Date.now() - t0 >= DELAY, "the delay held");
      await w.walk(PLAN, { fallback: "no" });
      const delayed = await w.causes();
      assert.deepEqual(errors, []);
      await context.close();

      const plain = await open(form);
      const v = new Widget(FORMS[form].host(plain.page), "ja");
      await v.expectQuestion("marketplace");
      await v.walk(PLAN, { fallback: "no" });
      assert.deepEqual(await v.causes(), delayed);
      assert.ok(delayed.length > 0);
      await plain.context.close();
    });

    test("a choice made but not sent is kept, with focus and scroll, when the wasm takes over", async () => {
      const { context, page, errors, started, release } = await open(form, { delay: true, viewport: VIEWPORTS.phone });
      const w = new Widget(FORMS[form].host(page), "ja");
      await w.expectQuestion("marketplace");
      await w.radio("marketplace", "us").check();
      await w.radio("marketplace", "us").focus();
      // Scroll so the choice is near the top: the page must not jump when the wasm takes over.
      await page.evaluate(() => window.scrollTo(0, 200));
      const scrolled = await page.evaluate(() => window.scrollY);
      assert.ok(scrolled > 0, "the page can scroll");
      assert.equal(await started(), false);
      await release();
      await page.waitForFunction(() => typeof window.GiftcardDoctor === "object", null, { timeout: DELAY * 4 });
      // The rendered app (no pre-render marker left) with the same radio checked and focused.
      const host = form === "embed" ? page.locator("#widget-ja") : page.locator("[data-giftcard-doctor]");
      await page.waitForFunction(
        (el) => !el.shadowRoot.querySelector("[data-gcd-prerender]"),
        await host.elementHandle(),
      );
      assert.equal(await w.radio("marketplace", "us").isChecked(), true);
      const focused = await focusedElement(page);
      assert.equal(focused?.type, "radio");
      assert.equal(focused?.value, "us");
      assert.equal(await page.evaluate(() => window.scrollY), scrolled);
      // The wasm has the choice too: Next goes on.
      await w.next.click();
      await w.expectQuestion("loss");
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

describe("pre-rendered language, screenshots and axe", () => {
  for (const lang of ["ja", "en"]) {
    test(`the browser's language (${lang}) shows at once, in the page's lang, title and h1 too`, async () => {
      const { context, page, started, release } = await open("standalone", { delay: true, lang, viewport: VIEWPORTS.phone });
      const w = new Widget(page, lang);
      await w.expectQuestion("marketplace");
      assert.equal(await started(), false);
      // The other language's pre-render is gone from the page, not merely hidden.
      const langs = await page.evaluate(() =>
        [...document.querySelector("[data-giftcard-doctor]").shadowRoot.querySelectorAll("[data-gcd-prerender]")].map((e) => e.getAttribute("data-gcd-prerender")),
      );
      assert.deepEqual(langs, [lang]);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.title(), PAGE[lang].title);
      assert.equal(await page.locator("h1").innerText(), PAGE[lang].h1);
      assert.equal(await page.locator('meta[name="description"]').getAttribute("content"), PAGE[lang].description);
      await screenshot(page, `prerender-${lang}-light-phone`);
      assert.equal(await started(), false, "the screenshot shows the pre-rendered state");
      await axe(page, `pre-rendered ${lang}`);
      assert.equal(await started(), false, "axe checked the pre-rendered state");
      await release();
      await page.waitForFunction(() => typeof window.GiftcardDoctor === "object", null, { timeout: DELAY * 4 });
      await w.expectQuestion("marketplace");
      await axe(page, `taken over ${lang}`);
      // After the takeover, the language switch still carries the page along.
      await w.switchLanguage();
      const other = lang === "ja" ? "en" : "ja";
      assert.equal(await page.evaluate(() => document.documentElement.lang), other);
      assert.equal(await page.title(), PAGE[other].title);
      assert.equal(await page.locator("h1").innerText(), PAGE[other].h1);
      await context.close();
    });
  }

  test("the language switch works before the wasm, and the wasm keeps the chosen language", async () => {
    const { context, page, started, release } = await open("embed", { delay: true });
    const w = new Widget(page.locator("#widget-ja"), "ja");
    await w.expectQuestion("marketplace");
    await w.switchLanguage();
    await w.expectQuestion("marketplace");
    assert.equal(await started(), false);
    await w.radio("marketplace", "us").check();
    await w.next.click();
    assert.equal(await started(), false);
    await release();
    await w.expectQuestion("loss");
    assert.equal(w.lang, "en");
    await context.close();
  });
});
