// Issue 23.4, the date question as people type dates: year and month alone (taken as approximate), 和暦 written out
// and short (令和7年3月1日, R7.3.1, H29.4.24), full-width digits, 2025/3, March 2025; an empty field asks for a date or
// "I don't know"; an unreadable one says so; either error marks the field aria-invalid, is announced (role=alert) and
// moves focus to the field; the sureness question starts with nothing chosen.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { isFocused, Widget } from "./lib/widget.mjs";

const env = browserAndServer();

/** Opens the page at the date question (reached from a share link) in `lang`. */
async function atDateQuestion(lang) {
  const context = await env.browser.newContext({ locale: lang === "en" ? "en-US" : "ja-JP" });
  const page = await context.newPage();
  await page.goto(env.server.url("/index.html#gcd?marketplace=jp&loss=all"));
  const w = new Widget(page, lang);
  for (let i = 0; i < 24; i++) {
    const q = await w.current();
    if (q?.id === "card_issued") return { context, page, w };
    if (!q) throw new Error("the result came before the date question");
    await w.answer("no");
  }
  throw new Error("no date question");
}

/** The card the saved state holds after the date was answered: `{ issued, issuedPrecision }`. */
async function savedCard(page) {
  return page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const saved = JSON.parse(sessionStorage.getItem(sessionStorage.key(i)));
      if (saved?.facts?.cards?.length) return saved.facts.cards[0];
    }
    return null;
  });
}

describe("the date question takes dates as people type them (issue 23)", () => {
  for (const [typed, issued, precision] of [
    ["2025年3月", "2025-03-15", "approximate"],
    ["２０２５年３月", "2025-03-15", "approximate"],
    ["2025/3", "2025-03-15", "approximate"],
    ["令和7年3月1日", "2025-03-01", "approximate"],
    ["R7.3.1", "2025-03-01", "approximate"],
    ["H29.4.24", "2017-04-24", "approximate"],
    ["March 2025", "2025-03-15", "approximate"],
    ["2019-05-01", "2019-05-01", "exact"],
  ]) {
    test(`${typed} is read as ${issued} (${precision})`, async () => {
      const { context, page, w } = await atDateQuestion("ja");
      assert.equal(await w.scope.locator(".gcd-precision input:checked").count(), 0, "the sureness starts unchosen");
      await w.typedDate.fill(typed);
      // A full date the person says they checked is exact; anything without a day stays a guess.
      if (precision === "exact") await w.scope.getByRole("radio", { name: w.t("date_precision_exact") }).check();
      await w.next.click();
      await w.group("card_issued").waitFor({ state: "hidden" });
      const card = await savedCard(page);
      assert.equal(card?.issued, issued, JSON.stringify(card));
      assert.equal(card?.issuedPrecision ?? "exact", precision, JSON.stringify(card));
      await context.close();
    });
  }

  for (const [lang, typed, key] of [
    ["ja", "", "date_empty"],
    ["en", "", "date_empty"],
    ["ja", "3/1/2019", "date_invalid"],
    ["en", "next spring", "date_invalid"],
  ]) {
    test(`${lang}: "${typed}" says ${key}, marks the field and moves focus to it`, async () => {
      const { context, w } = await atDateQuestion(lang);
      await w.typedDate.fill(typed);
      await w.next.click();
      const alert = w.scope.getByRole("alert");
      await alert.waitFor();
      assert.equal(await alert.innerText(), w.t(key));
      assert.equal(await w.typedDate.getAttribute("aria-invalid"), "true");
      assert.equal(await w.typedDate.getAttribute("inputmode"), "text");
      assert.ok(await isFocused(w.typedDate), "focus is on the field");
      await w.expectQuestion("card_issued");
      await context.close();
    });
  }
});
