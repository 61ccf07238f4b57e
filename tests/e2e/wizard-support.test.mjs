// Issue 10 in the browser: the JS API gives each marketplace its own support steps, a lockout points to a takeover
// before a suspension, an approximate date near a boundary keeps expiry possible, errors never echo a code; and the
// result screen shows the person's own marketplace's support (screenshots for a US user in English and a Japanese
// user), with the date step's "exact or a guess" choice wired through.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { openResult, openStandalone } from "./lib/forms.mjs";
import { screenshot } from "./lib/util.mjs";

const env = browserAndServer();
const TODAY = "2026-11-27";

function open(options) {
  return openStandalone(env, options);
}

/** Calls `window.GiftcardDoctor[fn](...args)` in the page; `{ error }` with the message when it throws. */
function api(page, fn, ...args) {
  return page.evaluate(
    ([fn, args]) => {
      try {
        return window.GiftcardDoctor[fn](...args);
      } catch (e) {
        return { error: String(e.message) };
      }
    },
    [fn, args],
  );
}

const rank = (d, id) => d.causes.findIndex((c) => c.id === id);

describe("window.GiftcardDoctor (issue 10)", () => {
  test("support steps follow the marketplace; a lockout ranks a takeover first; approximate dates; no echoed code", async () => {
    const { context, page } = await open({ lang: "en" });
    await page.waitForFunction(() => window.GiftcardDoctor);

    const us = await api(page, "diagnose", { marketplace: "us", today: TODAY }, { lang: "en" });
    const usSteps = us.support.steps.join("\n");
    assert.match(usSteps, /Amazon\.com/, usSteps);
    assert.match(usSteps, /amazon\.com\/gp\/help\/customer\/contact-us/, usSteps);
    assert.doesNotMatch(usSteps, /問題が解決しない|ヘルプ/, "not Japan's path");
    assert.ok(us.support.prepare.length > 0 && us.support.warning.length > 0);
    assert.ok(us.support.prepare.some((p) => /back of the card/.test(p)), "where to find the full code");
    const jp = await api(page, "diagnose", { marketplace: "jp", today: TODAY }, { lang: "ja" });
    assert.match(jp.support.steps.join("\n"), /問題が解決しない場合には/);
    const de = await api(page, "diagnose", { marketplace: "de", today: TODAY }, { lang: "en" });
    assert.match(de.support.steps.join("\n"), /Hilfe und Kundenservice/);

    const locked = await api(page, "diagnose", { marketplace: "jp", today: TODAY, cannotSignIn: "yes" }, { lang: "en" });
    assert.equal(locked.causes[0].id, "unauthorized_use", JSON.stringify(locked.causes.map((c) => c.id)));
    assert.ok(rank(locked, "unauthorized_use") < rank(locked, "account_suspended"), "takeover above suspension");

    // Two weeks after Japan's 2017-04-24 cut-over: exact rules expiry out, a guess leaves it possible.
    const card = { issued: "2017-05-08", kind: "email" };
    const exact = await api(page, "diagnose", { marketplace: "jp", today: TODAY, cards: [card] }, { lang: "en" });
    assert.ok(exact.ruledOut.some((r) => r.id === "expired"), "exact: ruled out");
    assert.equal(rank(exact, "expired"), -1);
    const guess = await api(
      page,
      "diagnose",
      { marketplace: "jp", today: TODAY, cards: [{ ...card, issuedPrecision: "approximate" }] },
      { lang: "en" },
    );
    const expired = guess.causes.find((c) => c.id === "expired");
    assert.ok(expired, "approximate: expired stays among the causes");
    assert.ok(["medium", "low"].includes(expired.band), expired.band);
    assert.ok(!guess.ruledOut.some((r) => r.id === "expired"));
    assert.ok(expired.reasons.some((r) => /balance page/.test(r)), "points to the exact date on the balance page");

    // A code typed into the wrong field is never echoed in an error.
    const code = "ABCD-EFGHIJ-KLMN";
    for (const [fn, args] of [
      ["cardStatus", [{ issued: code }, { today: TODAY }]],
      ["cardStatus", [{ kind: code }, { today: TODAY }]],
      ["cardStatus", [{ amount: code }, { today: TODAY }]],
      ["diagnose", [{ today: code }]],
      ["diagnose", [{ marketplace: code }]],
      ["diagnose", [{ cannotSignIn: code }]],
      ["diagnose", [{ cards: [{ issuedPrecision: code }] }]],
    ]) {
      const out = await api(page, fn, ...args);
      assert.ok(out.error, `${fn}(${JSON.stringify(args)}) throws`);
      assert.ok(!/ABCD|EFGHIJ|KLMN/.test(out.error), `${fn}: the error echoes the code: ${out.error}`);
    }
    await context.close();
  });
});

describe("the result screen shows the person's own support", () => {
  test("a US user in English sees Amazon.com's Contact Us, not Japan's path", async () => {
    const { context, page, w } = await openResult(env, { marketplace: "us", loss: "partial", cardIssued: "unsure", pendingOrders: "yes" }, { lang: "en" });
    const support = w.scope.locator(".gcd-support");
    const text = await support.innerText();
    assert.match(text, /Amazon\.com/);
    assert.match(text, /contact-us/);
    assert.doesNotMatch(text, /問題が解決しない/);
    assert.match(text, new RegExp(w.t("support_prepare")));
    await screenshot(page, "result-us-en-desktop", { fullPage: true });
    await context.close();
  });

  test("a Japanese user sees ヘルプ → 問題が解決しない場合には, and an approximate date keeps expiry possible", async () => {
    const { context, page, w } = await open({ lang: "ja" });
    for (let q = await w.current(); q && q.id !== "card_issued"; q = await w.current()) {
      await w.answer({ marketplace: "jp", loss: "partial" }[q.id] ?? "no");
    }
    await w.expectQuestion("card_issued");
    await w.typedDate.fill("2017-05-08");
    await w.scope.getByRole("radio", { name: w.t("date_precision_approximate"), exact: true }).check();
    await w.next.click();
    await w.walk({}, { fallback: "no" });
    const causes = await w.causes();
    const expired = causes.find((c) => c.id === "expired");
    assert.ok(expired, `expired is still a cause with an approximate date: ${JSON.stringify(causes)}`);
    assert.ok(["medium", "low"].includes(expired.band), expired.band);
    const text = await w.scope.locator(".gcd-support").innerText();
    assert.match(text, /問題が解決しない場合には/);
    // Dates a person reads are Japanese dates, never ISO.
    const reasons = await w.scope.locator("li[data-cause='expired']").innerText();
    assert.match(reasons, /2017年5月8日/, reasons);
    assert.doesNotMatch(reasons, /2017-05-08/, reasons);
    await screenshot(page, "result-jp-ja-desktop", { fullPage: true });
    await context.close();
  });
});
