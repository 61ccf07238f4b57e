// The wizard's accessibility and looks: axe-core with zero violations on the start screen, a question and the
// result, in Japanese and English, light and dark; the screenshots a person can look at (tests/e2e/screenshots/,
// phone 375 px and 320 px, desktop 1280 px); and nothing wider than a 320 px screen.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { AxeBuilder } from "@axe-core/playwright";
import { VIEWPORTS } from "./lib/browser.mjs";
import { openStandalone } from "./lib/forms.mjs";
import { screenshot } from "./lib/util.mjs";

const env = browserAndServer();

function open(options) {
  return openStandalone(env, options);
}

describe("axe-core and screenshots", { concurrency: 2 }, () => {
  /**
   * Runs axe-core's default rules, which include every wcag2a, wcag2aa, wcag21a and wcag21aa rule (and the best
   * practices), and fails with a readable list of any violation.
   */
  async function axe(page, where) {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const report = violations.map(
      (v) => `${where}: ${v.id} (${v.impact}; ${v.tags.join(" ")}) ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary}`).join("\n")}`,
    );
    assert.deepEqual(report, [], report.join("\n"));
  }

  /** Opens every folded section, so axe checks what is inside too. */
  async function unfoldAll(w) {
    const closed = w.scope.locator("details:not([open]) > summary");
    while ((await closed.count()) > 0) await closed.first().click();
  }

  // Each language in light and dark, half on a phone and half on a desktop; the states that only show now and then
  // (an error message, the "start over?" question) once each.
  const runs = [
    { lang: "ja", colorScheme: "light", size: "phone", extra: "restart" },
    { lang: "ja", colorScheme: "dark", size: "desktop" },
    { lang: "en", colorScheme: "dark", size: "phone", extra: "error" },
    { lang: "en", colorScheme: "light", size: "desktop" },
  ];
  for (const { lang, colorScheme, size, extra } of runs) {
    const name = `${lang}-${colorScheme}-${size}`;
    test(`zero violations on the start, a question and the result: ${name}`, async () => {
      const { context, page, w } = await open({ colorScheme, viewport: VIEWPORTS[size], lang });
      await screenshot(page, `start-${name}`);
      await axe(page, `start ${name}`);
      await w.answer("jp");
      await w.radio("loss", "all").check();
      // The chosen answer's box is highlighted once the widget has re-rendered.
      await w.scope.locator("label.gcd-choice-checked").filter({ has: w.radio("loss", "all") }).waitFor();
      await screenshot(page, `question-${name}`);
      await axe(page, `question ${name}`);
      await w.answer("all");
      if (extra === "error") {
        await w.next.click();
        await w.scope.getByRole("alert").waitFor();
        await axe(page, `question with an error message ${name}`);
      }
      await w.walk({ invalidation_email: "no", suspended_notice: "no", card_issued: "2016-05-01", multiple_accounts: "yes" });
      await w.causes();
      await screenshot(page, `result-${name}`, { fullPage: true });
      await unfoldAll(w);
      await axe(page, `result, every section open, ${name}`);
      if (extra === "restart") {
        await w.button("restart").click();
        await w.scope.getByRole("alertdialog").waitFor();
        await axe(page, `"start over?" ${name}`);
      }
      await context.close();
    });
  }

  test("a 320 px wide phone: nothing wider than the screen", async () => {
    const { context, page, w } = await open({ viewport: VIEWPORTS.narrow });
    // The page must not scroll sideways, and since the widget's host has `contain: content` (which would clip rather
    // than scroll), no element inside it may reach past the screen either, except inside its own scroller.
    const overflow = () =>
      page.evaluate(() => {
        const out = [];
        if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}px`);
        const walk = (root) => {
          for (const el of root.querySelectorAll("*")) {
            let scroller = el.parentElement;
            while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
            const r = el.getBoundingClientRect();
            if (!scroller && r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5)) {
              out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}px: ${el.textContent.slice(0, 40)}`);
            }
          }
        };
        for (const host of document.querySelectorAll("[data-giftcard-doctor]")) walk(host.shadowRoot);
        return out;
      });
    assert.deepEqual(await overflow(), [], "start screen fits");
    await w.answer("jp");
    await w.answer("all");
    // "No" to the yes / no questions asked before the card's date (a code given away, the notices, the signs).
    for (let i = 0; i < 12 && (await w.current())?.id !== "card_issued"; i++) await w.answer("no");
    await w.expectQuestion("card_issued");
    await screenshot(page, "question-date-ja-light-320");
    assert.deepEqual(await overflow(), [], "date question fits");
    await w.walk({ card_issued: "2016-05-01", multiple_accounts: "yes" });
    await w.causes();
    await screenshot(page, "result-ja-light-320", { fullPage: true });
    assert.deepEqual(await overflow(), [], "result fits");
    await unfoldAll(w);
    assert.deepEqual(await overflow(), [], "result fits with every section open");
    await context.close();
  });
});
