// Issue 19 in the browser: a code given to someone who asked comes first; a notice alone never ends the questions
// (it may be the scam); Amazon Pay is neither asked nor offered on Amazon.com; every link the JS API returns, for
// every marketplace in both languages, is an https address on that marketplace's own Amazon host, and the result
// shows them as ordinary links that open a new tab with no referrer. Screenshots: a phone scam (ja), US phishing (en).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { FORMS, openResult, openResultIn, openStandalone } from "./lib/forms.mjs";
import { screenshot } from "./lib/util.mjs";

const env = browserAndServer();
const TODAY = "2026-11-27";
const HOSTS = {
  jp: "www.amazon.co.jp",
  us: "www.amazon.com",
  uk: "www.amazon.co.uk",
  de: "www.amazon.de",
  fr: "www.amazon.fr",
  it: "www.amazon.it",
  in: "www.amazon.in",
  mx: "www.amazon.com.mx",
  other: null,
};

/** Calls `window.GiftcardDoctor[fn](...args)` in the page. */
const api = (page, fn, ...args) => page.evaluate(([fn, args]) => window.GiftcardDoctor[fn](...args), [fn, args]);

describe("scams first, links on the marketplace's own host (issue 19)", () => {
  test("the JS API: a code given away comes first, a notice alone asks on, no Amazon Pay on Amazon.com", async () => {
    const { context, page } = await openStandalone(env, { lang: "ja" });
    await page.waitForFunction(() => window.GiftcardDoctor);
    const given = await api(page, "diagnose", { marketplace: "jp", codeShared: "yes", loss: "all", today: TODAY }, { lang: "ja" });
    assert.equal(given.causes[0].id, "code_given_away", JSON.stringify(given.causes.map((c) => c.id)));
    assert.equal(given.causes[0].band, "high");
    for (const us of [false, true]) {
      const facts = { accountSuspendedNotice: "yes", today: TODAY, ...(us ? { marketplace: "us" } : {}) };
      assert.notEqual(await api(page, "nextQuestion", facts, { lang: "en" }), null, JSON.stringify(facts));
    }
    // Walk every question Amazon.com can ask, each with every choice it offers: Amazon Pay never comes up, and
    // every value offered is one diagnose takes.
    const seen = new Set();
    const queue = [{ marketplace: "us", today: TODAY }];
    while (queue.length && seen.size < 400) {
      const facts = queue.shift();
      const q = await api(page, "nextQuestion", facts, { lang: "en" });
      if (!q) continue;
      assert.ok(!/amazon ?pay/i.test(q.text) && q.fact !== "amazonPayUse", q.text);
      const key = `${q.id}:${Object.keys(facts).length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const values = q.kind === "date" ? ["unsure", "2019-05-01"] : q.choices.map((c) => c.value);
      for (const value of values) {
        const next = { ...facts, [q.fact]: value };
        const d = await api(page, "diagnose", next, { lang: "en" });
        assert.ok(!d.causes.some((c) => c.id === "amazon_pay"), "no Amazon Pay cause on Amazon.com");
        if (values.indexOf(value) < 2) queue.push(next);
      }
    }
    assert.ok(seen.size > 5, `${seen.size} questions walked`);
    await context.close();
  });

  test("every link, for every marketplace in both languages, is https on that marketplace's own host", async () => {
    const { context, page } = await openStandalone(env, { lang: "en" });
    await page.waitForFunction(() => window.GiftcardDoctor);
    let counted = 0;
    for (const [market, host] of Object.entries(HOSTS)) {
      for (const lang of ["ja", "en"]) {
        // Facts that bring the causes with links to the top and keep the rest listed.
        const d = await api(page, "diagnose", { marketplace: market, loss: "partial", today: TODAY }, { lang });
        const links = [...d.support.links, ...d.causes.flatMap((c) => c.links)];
        if (!host) {
          assert.deepEqual(links, [], `${market} has no sourced address`);
          continue;
        }
        for (const link of links) {
          const url = new URL(link.href);
          assert.equal(url.protocol, "https:", link.href);
          assert.equal(url.host, host, `${market}/${lang}: ${link.href}`);
          assert.ok(link.label.includes(host), `the host is visible: ${link.label}`);
          counted++;
        }
      }
    }
    assert.ok(counted > 10, `${counted} links checked`);
    await context.close();
  });

  const SCAM_JA = { marketplace: "jp", loss: "all", codeShared: "yes" };
  for (const story of [
    { name: "ja phone: a code read out to a caller", lang: "ja", viewport: { width: 390, height: 844 }, facts: SCAM_JA, top: "code_given_away", shot: "result-scam-ja-phone" },
    { name: "en desktop, US: signed in through a phishing link", lang: "en", viewport: { width: 1280, height: 800 }, facts: { marketplace: "us", loss: "all", accountSuspendedNotice: "yes", phoneLostOrPhished: "yes" }, top: "unauthorized_use", shot: "result-phishing-us-en-desktop" },
  ]) {
    test(`the result: ${story.name}`, async () => {
      const { context, page, w, errors } = await openResult(env, story.facts, { lang: story.lang, viewport: story.viewport });
      await assertScamResult(w, story.facts.marketplace, story.top);
      await w.resultHeading.evaluate((h) => h.scrollIntoView({ block: "start" }));
      await screenshot(page, story.shot);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  for (const form of FORMS.filter((f) => f.id !== "standalone")) {
    test(`${form.name}: a code read out to a caller comes first, with the warning and Amazon.co.jp's links`, async () => {
      const { context, w, errors, refused } = await openResultIn(env, form.id, SCAM_JA);
      try {
        await assertScamResult(w, "jp", "code_given_away");
        assert.deepEqual(refused, []);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});

/**
 * The result leads with `top`, says the scam warning in its "what to do first" box, and its links open a new tab,
 * with no referrer and no opener, on `market`'s own Amazon host.
 */
async function assertScamResult(w, market, top) {
  const causes = await w.causes();
  assert.equal(causes[0].id, top, JSON.stringify(causes));
  const box = w.scope.getByRole("region", { name: w.t("first_heading"), exact: true });
  assert.ok((await box.innerText()).includes(w.t("first_scam")));
  const links = await w.scope.locator(".gcd-links a").evaluateAll((as) => as.map((a) => ({ href: a.href, target: a.target, rel: a.rel })));
  assert.ok(links.length > 0);
  for (const link of links) {
    assert.equal(new URL(link.href).host, HOSTS[market], link.href);
    assert.equal(link.target, "_blank");
    assert.deepEqual(link.rel.split(" ").sort(), ["noopener", "noreferrer"]);
  }
}
