// The widget embedded in a help article: a fake help page with aggressive CSS of its own includes `embed.js` from a
// deep sub-path and holds two widgets; a second page uses the iframe variant. Also the `giftcard-doctor:ready`
// event and the shapes of the JS API.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { newContext, VIEWPORTS } from "./lib/browser.mjs";
import { DEEP_PATH } from "./lib/server.mjs";
import { UI } from "./lib/content.mjs";
import { Widget, focusedElement } from "./lib/widget.mjs";
import { AxeBuilder } from "@axe-core/playwright";
import { eventually } from "./lib/util.mjs";
import { appStyled, assertFrameFollowsContent } from "./lib/delivery.mjs";

const ARTICLE = "/help/articles/host-article.html";
const FRAMED = "/help/articles/host-iframe.html";

const env = browserAndServer();

/** Opens a page in a fresh context, counting `giftcard-doctor:ready` events from the very start. */
async function open(path, { viewport = VIEWPORTS.desktop, lang = "ja", block } = {}) {
  const context = await newContext(env.browser, { viewport, lang });
  if (block) await context.route(block, (route) => route.abort());
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.addInitScript(() => {
    window.__gcdReady = 0;
    window.addEventListener("giftcard-doctor:ready", () => {
      window.__gcdReady += 1;
    });
  });
  await page.goto(env.server.url(path));
  return { context, page, errors };
}

/** The two widgets of the help article, once both show their first question. */
async function articleWidgets(page) {
  const hosts = page.locator("[data-giftcard-doctor]");
  const ja = new Widget(hosts.nth(0), "ja");
  const en = new Widget(hosts.nth(1), "en");
  await Promise.all([ja.expectQuestion("marketplace"), en.expectQuestion("marketplace")]);
  return { hosts, ja, en };
}

/** Computed styles of an element, for the properties a host's CSS could try to change. */
const PROPS = [
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "color",
  "background-color",
  "letter-spacing",
  "word-spacing",
  "text-transform",
  "text-align",
  "text-shadow",
  "line-height",
  "border-top-width",
  "border-top-style",
  "border-top-color",
  "padding-top",
  "padding-left",
  "margin-top",
  "margin-bottom",
  "box-sizing",
  "display",
  "max-width",
];

function styles(locator, closest) {
  return locator.evaluate(
    (el, [props, closest]) => {
      const target = closest ? el.closest(closest) : el;
      const cs = getComputedStyle(target);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    },
    [PROPS, closest],
  );
}

/** The styles of the widget's main parts, found as a person would (by role and text). */
async function widgetStyles(w) {
  await w.expectQuestion("marketplace");
  const parts = {
    card: [w.title, ".gcd"],
    title: [w.title],
    switch: [w.languageSwitch],
    intro: [w.scope.getByText(w.t("intro"), { exact: true })],
    privacy: [w.scope.getByText(w.t("privacy_promise"), { exact: true })],
    legend: [w.legend],
    choice: [w.radio("marketplace", "jp"), "label"],
    radio: [w.radio("marketplace", "jp")],
    next: [w.next],
    footerButton: [w.button("restart")],
  };
  const out = {};
  for (const [name, [locator, closest]] of Object.entries(parts)) out[name] = await styles(locator, closest);
  return out;
}

describe("in the page, in Shadow DOM", () => {
  test("both widgets mount in open shadow roots, from the deep sub-path, and work independently", async () => {
    const { context, page, errors } = await open(ARTICLE);
    const { hosts, ja, en } = await articleWidgets(page);
    assert.equal(await hosts.count(), 2);
    assert.deepEqual(
      await hosts.evaluateAll((els) => els.map((el) => el.shadowRoot?.mode ?? null)),
      ["open", "open"],
    );
    // The light DOM stays empty: everything is inside the shadow roots.
    assert.deepEqual(await hosts.evaluateAll((els) => els.map((el) => el.children.length)), [0, 0]);
    // Languages: the first from the page's lang="ja", the second from data-lang="en".
    for (const [w, lang] of [
      [ja, "ja"],
      [en, "en"],
    ]) {
      assert.equal(await w.title.evaluate((el) => el.closest("[lang]").getAttribute("lang")), lang);
    }
    // Everything came from beside embed.js, under the deep sub-path.
    const assets = env.server.requests.filter((p) => p !== ARTICLE);
    assert.ok(assets.length > 0);
    for (const p of assets) assert.ok(p.startsWith(DEEP_PATH), `${p} is under ${DEEP_PATH}`);
    const offline = await ja.scope.getByRole("link", { name: ja.t("save_offline") }).getAttribute("href");
    assert.equal(new URL(offline, page.url()).pathname, `${DEEP_PATH}giftcard-doctor-offline.html`);
    // Nothing steals the reader's focus on load.
    assert.equal((await focusedElement(page)).tag, "body");

    // Answering one leaves the other alone.
    await ja.answer("jp");
    await ja.answer("all");
    await ja.expectQuestion("code_shared");
    await en.expectQuestion("marketplace");
    for (const value of ["jp", "us", "unsure"]) assert.equal(await en.radio("marketplace", value).isChecked(), false);
    await en.walk({ marketplace: "us", loss: "partial", pending_orders: "yes" });
    assert.equal((await en.causes())[0].id, "pending_order");
    await ja.expectQuestion("code_shared");
    assert.equal(await ja.causeItems.count(), 0);
    await ja.walk({ invalidation_email: "yes" });
    assert.equal((await ja.causes())[0].id, "invalidated");
    assert.equal((await en.causes())[0].id, "pending_order");
    // Each keeps its own answers across a reload.
    await page.reload();
    const again = page.locator("[data-giftcard-doctor]");
    assert.equal((await new Widget(again.nth(0), "ja").causes())[0].id, "invalidated");
    assert.equal((await new Widget(again.nth(1), "en").causes())[0].id, "pending_order");
    // Restored answers mean no pre-rendered screen (and no sheet from it): the app styles both from embed.js's copy.
    for (const i of [0, 1]) assert.ok(await appStyled(again.nth(i)), `widget ${i} is styled`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("axe-core finds nothing wrong in the embedded widgets, landmarks included", async () => {
    const { context, page } = await open(ARTICLE);
    const { ja } = await articleWidgets(page);
    await ja.walk({ marketplace: "jp", invalidation_email: "yes" });
    // The whole page, so landmark rules (one top-level main, unique landmarks) see the widgets beside the host's
    // own; only the host's deliberately garish colours are left to the host.
    const { violations } = await new AxeBuilder({ page }).disableRules(["color-contrast"]).analyze();
    const inWidget = await new AxeBuilder({ page }).include("[data-giftcard-doctor]").analyze();
    const report = [...violations, ...inWidget.violations].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(report, []);
    await context.close();
  });

  test("the host page's CSS does not change the widget", async () => {
    const alone = await open("/index.html");
    const reference = await widgetStyles(new Widget(alone.page, "ja"));
    await alone.context.close();

    const { context, page } = await open(ARTICLE);
    const { ja } = await articleWidgets(page);
    const embedded = await widgetStyles(ja);
    for (const part of Object.keys(reference)) {
      assert.deepEqual(embedded[part], reference[part], `the widget's ${part} looks as on its own page`);
    }
    // The host's hostile class names do not hide anything.
    assert.ok(await ja.title.isVisible());
    assert.ok(await ja.next.isVisible());
    await context.close();
  });

  test("the widget's CSS does not change the host page", async () => {
    const hostParts = ["body", "#site-name", "#article-title", "#article-lead", "#english-heading", "#article-end", "#host-button"];
    const read = (page) =>
      page.evaluate(
        ([selectors, props]) => ({
          styles: selectors.map((s) => {
            const cs = getComputedStyle(document.querySelector(s));
            return [s, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
          }),
          sheets: [...document.styleSheets].map((s) => s.ownerNode?.outerHTML.slice(0, 40)),
          adopted: document.adoptedStyleSheets.length,
          headChildren: document.head.children.length,
        }),
        [hostParts, PROPS],
      );
    // Without the widget (embed.js blocked) ...
    const bare = await open(ARTICLE, { block: "**/embed.js" });
    await bare.page.locator("#article-end").waitFor();
    const without = await read(bare.page);
    await bare.context.close();
    // ... and with both widgets mounted and one of them at its result.
    const { context, page } = await open(ARTICLE);
    const { ja } = await articleWidgets(page);
    await ja.walk({ marketplace: "jp", loss: "all", invalidation_email: "yes" });
    const withWidget = await read(page);
    assert.deepEqual(withWidget, without);
    await context.close();
  });
});

describe("in an iframe", () => {
  test("the frame's height follows its content, growing for the result and shrinking back", async () => {
    const { context, page, errors } = await open(FRAMED);
    const iframe = page.getByTitle("ギフトカード残高診断");
    const w = new Widget(page.frameLocator("iframe[data-giftcard-doctor-frame]"), "ja");
    await w.expectQuestion("marketplace");
    const frame = await (await iframe.elementHandle()).contentFrame();
    // The content's height: the page's body, margins included.
    await assertFrameFollowsContent(iframe, frame, w, () => {
      const style = getComputedStyle(document.body);
      return Math.ceil(document.body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("ready event and JS API", () => {
  test("giftcard-doctor:ready fires once; GiftcardDoctor has the version shown in the footer", async () => {
    const { context, page } = await open(ARTICLE);
    await articleWidgets(page);
    await page.waitForFunction(() => window.__gcdReady > 0);
    assert.equal(await page.evaluate(() => window.__gcdReady), 1, "one event for the page, not one per widget");
    const version = await page.evaluate(() => window.GiftcardDoctor.version);
    assert.match(version, /^\d+\.\d+\.\d+/);
    const footer = UI.footer.ja.replace("{version}", version);
    assert.equal(await page.locator("[data-giftcard-doctor]").first().getByText(footer, { exact: true }).count(), 1);
    await context.close();
  });

  test("diagnose and nextQuestion return the documented shapes", async () => {
    const { context, page } = await open(ARTICLE);
    await page.waitForFunction(() => window.__gcdReady > 0);
    const out = await page.evaluate(() => {
      const api = window.GiftcardDoctor;
      return {
        decisive: api.diagnose({ marketplace: "jp", invalidationEmail: "yes" }, { lang: "en" }),
        ruling: api.diagnose({ marketplace: "us", loss: "partial", pendingOrders: "no" }, { lang: "ja" }),
        first: api.nextQuestion({}, { lang: "ja" }),
        date: api.nextQuestion({ marketplace: "jp", loss: "all", invalidationEmail: "no", accountSuspendedNotice: "no", cannotSignIn: "no" }, { lang: "en" }),
        settled: api.nextQuestion({ marketplace: "jp", invalidationEmail: "yes" }, { lang: "en" }),
      };
    });
    const sorted = (o) => Object.keys(o).sort();
    for (const result of [out.decisive, out.ruling]) {
      assert.deepEqual(sorted(result), ["causes", "ruledOut", "support"]);
      assert.ok(result.causes.length > 0);
      for (const c of result.causes) {
        assert.deepEqual(sorted(c), ["actions", "band", "checks", "explanation", "id", "links", "reasons", "recoverable", "recovery", "title"]);
        for (const link of c.links) assert.ok(link.href.startsWith("https://www.amazon."), link.href);
        assert.ok(["high", "medium", "low"].includes(c.band), c.band);
        assert.ok(["yes", "maybe", "no"].includes(c.recoverable), c.recoverable);
        for (const key of ["id", "title", "explanation", "recovery"]) assert.equal(typeof c[key], "string", key);
        for (const key of ["reasons", "checks", "actions"]) {
          assert.ok(Array.isArray(c[key]) && c[key].every((x) => typeof x === "string"), key);
        }
      }
      for (const r of result.ruledOut) {
        assert.deepEqual(sorted(r), ["id", "reasons", "title"]);
        assert.ok(r.reasons.length > 0 && r.reasons.every((x) => typeof x === "string"));
      }
    }
    assert.equal(out.decisive.causes[0].id, "invalidated");
    assert.equal(out.decisive.causes[0].band, "high");
    assert.match(out.decisive.causes[0].title, /^[\x20-\x7e]+$/, "English when asked for English");
    assert.ok(out.ruling.ruledOut.some((r) => r.id === "pending_order"), JSON.stringify(out.ruling.ruledOut));
    assert.match(out.ruling.causes[0].title, /[ぁ-んァ-ン一-龯]/, "Japanese when asked for Japanese");

    for (const q of [out.first, out.date]) {
      assert.deepEqual(sorted(q), ["choices", "fact", "help", "id", "kind", "text"]);
      assert.ok(q.choices.every((c) => sorted(c).join() === "label,value"));
      assert.equal(q.choices.at(-1).value, "unsure", "the last choice is always \"I don't know\"");
    }
    assert.equal(out.first.id, "marketplace");
    assert.equal(out.first.text, "どの国のAmazonの残高ですか？");
    assert.equal(out.first.choices.length, 10);
    assert.equal(out.date.id, "card_issued");
    assert.equal(out.date.kind, "date");
    assert.equal(out.settled, null, "nothing left to ask once a decisive fact is known");
    await context.close();
  });

  test("bad input throws an Error whose message names the field", async () => {
    const { context, page } = await open(ARTICLE);
    await page.waitForFunction(() => window.__gcdReady > 0);
    const cases = [
      [{ cards: [{ issued: "2020-02-30" }] }, "cards[0].issued"],
      [{ cards: [{ issued: "2020-01-01" }, { amount: -5 }] }, "cards[1].amount"],
      [{ cards: [{ kind: "gold" }] }, "cards[0].kind"],
      [{ marketplace: "xx" }, "marketplace"],
      [{ loss: 3 }, "loss"],
      [{ today: "2026/01/01" }, "today"],
      [{ multipleAccounts: "maybe" }, "multipleAccounts"],
    ];
    for (const [facts, field] of cases) {
      for (const fn of ["diagnose", "nextQuestion"]) {
        const thrown = await page.evaluate(
          ([fn, facts]) => {
            try {
              window.GiftcardDoctor[fn](facts, { lang: "en" });
              return null;
            } catch (e) {
              return { isError: e instanceof Error, message: String(e.message) };
            }
          },
          [fn, facts],
        );
        assert.ok(thrown, `${fn}(${JSON.stringify(facts)}) throws`);
        assert.ok(thrown.isError, `${fn} throws an Error`);
        assert.ok(thrown.message.includes(field), `${fn}: "${thrown.message}" names ${field}`);
      }
    }
    await context.close();
  });
});
