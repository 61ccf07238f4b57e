// Issue 23, the result a worried person can act on from the first screen: "what to do first" at the top (the scam
// warning first when the answers show a sign of it), inside the first screen on a phone once the result heading is
// in view; the contact section within a few Tab stops of the heading; only the causes the answers support open, the
// rest under one "other possibilities" disclosure, every folded card with a visible marker, and a less likely
// cause's recovery line conditional, never in bold.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { focusedElement } from "./lib/widget.mjs";
import { openResult } from "./lib/forms.mjs";
import { screenshot } from "./lib/util.mjs";
import { QUESTIONS } from "./lib/content.mjs";

const env = browserAndServer();
const PHONE = { width: 390, height: 844 };

/** The "what to do first" box, the causes open and folded, and what the folded ones show. */
async function layout(w) {
  const box = w.scope.getByRole("region", { name: w.t("first_heading"), exact: true });
  await box.waitFor();
  // The "other possibilities" disclosure, with its own marker; opened, so its cards are laid out and measurable.
  const others = w.scope.locator(".gcd-others-summary");
  if (await others.count()) {
    assert.ok(await others.evaluate((s) => getComputedStyle(s, "::before").borderRightStyle !== "none"), "the disclosure shows a marker");
    await others.click();
  }
  const cards = await w.scope.locator("li[data-cause]").evaluateAll((items) =>
    items.map((li) => {
      const details = li.querySelector("details");
      const summary = details.querySelector("summary");
      const marker = getComputedStyle(summary, "::before");
      const recovery = li.querySelector(".gcd-recovery");
      return {
        id: li.dataset.cause,
        band: li.dataset.band,
        open: details.open,
        underOthers: !!li.closest(".gcd-others"),
        marker: marker.content !== "none" && parseFloat(marker.width) > 0 && marker.borderRightStyle !== "none",
        recoveryBold: !!recovery.querySelector("strong"),
        recoveryText: recovery.textContent,
      };
    }),
  );
  return { box, cards, text: await box.innerText() };
}

/** Tab presses from the result heading until `target` (a locator) has focus; Enter on the contact button counts. */
async function tabsTo(page, w, target) {
  await w.resultHeading.focus();
  for (let tabs = 1; tabs <= 40; tabs++) {
    await page.keyboard.press("Tab");
    const f = await focusedElement(page);
    if (f?.text === w.t("go_to_support")) {
      await page.keyboard.press("Enter");
      continue;
    }
    if (await target.evaluate((el) => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a === el;
    })) return tabs;
  }
  return Infinity;
}

function checkCards(cards) {
  assert.ok(cards.length > 2, JSON.stringify(cards));
  for (const c of cards) {
    const supported = c.band !== "low";
    if (c.open) assert.ok(supported || cards.indexOf(c) === 0, `only supported causes open: ${JSON.stringify(c)}`);
    if (!c.open) assert.ok(c.marker, `a folded card shows a marker: ${JSON.stringify(c)}`);
    if (c.band === "low") {
      assert.ok(!c.recoveryBold, `a less likely cause promises nothing in bold: ${JSON.stringify(c)}`);
      assert.ok(c.underOthers || cards.indexOf(c) === 0, `${c.id} is under "other possibilities"`);
    }
  }
}

describe("the result's first screen (issue 23)", () => {
  for (const story of [
    { name: "phone, ja: a code read out after a phishing link", lang: "ja", viewport: PHONE, scam: true, facts: { marketplace: "jp", loss: "all", phoneLostOrPhished: "yes", unfamiliarActivity: "yes" } },
    { name: "phone, ja: a suspension notice after signing in through a link", lang: "ja", viewport: PHONE, scam: true, facts: { marketplace: "jp", loss: "all", accountSuspendedNotice: "yes", phoneLostOrPhished: "yes" } },
    { name: "desktop, en: a US partial loss", lang: "en", viewport: { width: 1280, height: 800 }, scam: false, facts: { marketplace: "us", loss: "partial", pendingOrders: "yes" } },
  ]) {
    test(story.name, async () => {
      const { context, page, w, errors } = await openResult(env, story.facts, { lang: story.lang, viewport: story.viewport });
      const { box, cards, text } = await layout(w);
      // The box is inside the first screen once the heading is at the top of the viewport.
      await w.resultHeading.evaluate((h) => h.scrollIntoView({ block: "start" }));
      const boxRect = await box.boundingBox();
      assert.ok(boxRect.y + boxRect.height <= story.viewport.height, `the box ends at ${boxRect.y + boxRect.height}px`);
      const topTitle = await w.scope.locator("li[data-cause] .gcd-cause-title").first().innerText();
      assert.ok(text.includes(topTitle), `the box names the top cause (${topTitle}): ${text}`);
      assert.equal(text.includes(w.t("first_scam")), story.scam, text);
      // The first screen once the result heading is at the top, as the person sees it.
      await w.resultHeading.evaluate((h) => h.scrollIntoView({ block: "start" }));
      await screenshot(page, `result-first-${story.lang}-${story.viewport.width}${story.scam ? "-scam" : ""}`);
      checkCards(cards);
      const copy = w.button("copy_summary");
      const tabs = await tabsTo(page, w, copy);
      assert.ok(tabs <= 10, `${tabs} Tab stops from the result heading to the copy button`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe("the questions left after an early stop (issue 23.3)", () => {
  test("the result says why it stopped and offers the questions left, takeover signs first; an answer re-ranks live", async () => {
    // A certain expiry: the wizard stops once nothing can unseat it (the questions that could, answered "I don't
    // know" on the way), with questions it never asked.
    const { context, page, w, errors } = await openResult(env, { marketplace: "jp", loss: "all", codeShared: "no", cardIssued: "2015-03-01" }, { lang: "en", fallback: "unsure" });
    const before = await w.causes();
    assert.equal(before[0].id, "expired", JSON.stringify(before));
    await w.scope.getByText(w.t("remaining_note")).waitFor();
    const disclosure = w.scope.getByText(new RegExp(`^${w.t("remaining_heading").split("{count}")[0].replace(/[()]/g, "\\$&")}`));
    await disclosure.click();
    const rows = w.scope.locator(".gcd-remaining .gcd-answer-row");
    assert.ok((await rows.count()) > 0);
    // The questions the wizard did not ask, each starting at "choose an answer"; the takeover signs first.
    const labels = await rows.locator("label").allInnerTexts();
    const signs = ["phone_lost_or_phished", "unfamiliar_activity", "cannot_sign_in", "code_shared"]
      .map((id) => QUESTIONS.get(id)?.text.en)
      .filter(Boolean);
    const firstOther = labels.findIndex((l) => !signs.includes(l));
    assert.ok(labels.slice(firstOther).every((l) => !signs.includes(l)), `takeover questions first: ${labels.join(" | ")}`);
    const select = rows.first().locator("select");
    assert.equal(await select.inputValue(), "");
    // Answered there, the question leaves the list and the result is worked out again in place.
    const values = await select.locator("option").evaluateAll((os) => os.map((o) => o.value));
    await select.selectOption(values[1]);
    await rows.nth(labels.length - 1).waitFor({ state: "detached" });
    assert.equal(await rows.count(), labels.length - 1);
    assert.ok((await w.causes()).length > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
