// The balance timeline and the expiry calendar in a real browser: the chart draws from a pasted history (with the
// unexplained drop in the warning colour and details on focus and hover) and from the card list alone; axe finds
// nothing; screenshots in ja phone, en desktop and dark; the .ics downloads in all three delivery forms (standalone,
// embedded in a host article, the offline file from file://) and holds one event per card, the masked code only;
// a 40 MiB text by every door is analyzer.test.mjs's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { browserAndServer } from "./lib/harness.mjs";
import { VIEWPORTS } from "./lib/browser.mjs";
import { sample, SCREENSHOTS } from "./lib/paths.mjs";
import { FULL_CODE, LAST_FOUR } from "./lib/privacy.mjs";
import { eventually } from "./lib/util.mjs";
import { FORMS, openResult, openResultIn, openStandalone } from "./lib/forms.mjs";

/** The answers of every test here, given by share link (the walk is wizard.test.mjs's); the rest "I don't know". */
const FACTS = { marketplace: "jp", loss: "partial", invalidationEmail: "no", accountSuspendedNotice: "no" };
const UNSURE = { fallback: "unsure" };

const env = browserAndServer();

/** Opens the history panel, pastes the Japanese sample and reads it; returns the drawn chart. */
const chartOfSamplePaste = (w) => w.chartOfPaste(sample("ja-tabs.txt"));

/** Adds a card issued 2024-05-12 (a Japanese card: valid until 2034-05-12) worth ￥5,000, typed with its full code. */
async function addCard(w) {
  const c = w.cardPanel();
  await c.open();
  await c.code.fill(FULL_CODE);
  await c.issued.fill("2024-05-12");
  await c.amount.fill("5000");
  await c.add.click();
  await c.items.first().waitFor();
  return c;
}

async function shoot(locator, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await locator.page().mouse.move(0, 0);
  await locator.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: "disabled", caret: "hide" });
}

async function axe(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(report, [], report.join("\n"));
}

/** Clicks the calendar button and returns the downloaded file's name and text. */
async function downloadIcs(page, c) {
  const [download] = await Promise.all([page.waitForEvent("download"), c.calendar.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
}

/** The .ics holds one all-day event for the card, its masked code and amount, and nothing of the full code. */
function checkIcs({ name, text }, where) {
  assert.equal(name, "giftcard-expiry.ics", where);
  assert.match(text, /^BEGIN:VCALENDAR\r\n/, where);
  assert.match(text, /\r\nVERSION:2\.0\r\n/, where);
  assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 1, `${where}: one event`);
  assert.match(text, /\r\nDTSTART;VALUE=DATE:20340512\r\n/, where);
  assert.match(text, /\r\nTRIGGER:-P28D\r\n/, where);
  const unfolded = text.replaceAll("\r\n ", "");
  assert.ok(unfolded.includes(`xxxx-xxxxxx-${LAST_FOUR}`), `${where}: the masked code`);
  assert.ok(unfolded.includes("￥5\\,000"), `${where}: the amount`);
  assert.ok(!unfolded.includes(FULL_CODE.replaceAll("-", "").slice(0, 8)), `${where}: no full code`);
}

test("a pasted history draws the timeline: the unexplained drop in the warning colour, details on focus and hover", async () => {
  const { context, page, w, errors } = await openResult(env, FACTS, { ...UNSURE, viewport: VIEWPORTS.phone });
  try {
    const c = await addCard(w);
    // From the cards alone (no paste yet) a timeline is drawn in the card panel, with the card's expiry marked.
    const cardChart = c.panel.locator(".gcd-timeline");
    await cardChart.waitFor();
    assert.equal(await cardChart.locator(".gcd-tl-expiry").count(), 1);
    assert.equal(await cardChart.locator(".gcd-tl-added").count(), 1);
    const chart = await chartOfSamplePaste(w);
    // With a paste, the card panel's own chart gives way to the history's.
    await eventually(async () => assert.equal(await cardChart.count(), 0));
    assert.equal(await chart.locator(".gcd-tl-unexplained").count(), 1, "one unexplained drop");
    assert.equal(await chart.locator(".gcd-tl-expiry").count(), 1, "the listed card's expiry");
    assert.ok((await chart.locator(".gcd-tl-order").count()) >= 2);
    const summary = await chart.locator(".gcd-timeline-summary").innerText();
    assert.match(summary, /2025年11月3日/);
    // The warning colour is the theme's "high" colour, not the accent of ordinary marks.
    const stroke = await chart.locator(".gcd-tl-unexplained").evaluate((el) => getComputedStyle(el).stroke);
    const order = await chart.locator(".gcd-tl-order").first().evaluate((el) => getComputedStyle(el).stroke);
    assert.notEqual(stroke, order);
    const detail = chart.locator(".gcd-timeline-detail");
    await chart.locator(".gcd-tl-unexplained").focus();
    await eventually(async () => assert.match(await detail.innerText(), /-￥12,607/));
    await chart.locator(".gcd-tl-expiry").hover();
    await eventually(async () => assert.match(await detail.innerText(), /2034年5月12日/));
    await shoot(chart, "timeline-ja-light-phone");
    await chart.locator("summary").click();
    await axe(page, "timeline ja phone");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a chart shown again starts with no mark's details; the card form reads every field on add, then empties them", async () => {
  const { context, page, w, errors } = await openResult(env, FACTS, { ...UNSURE, viewport: VIEWPORTS.phone });
  try {
    const c = await addCard(w);
    const cardChart = c.panel.locator(".gcd-timeline");
    const detail = cardChart.locator(".gcd-timeline-detail");
    await cardChart.locator(".gcd-tl-expiry").focus();
    await eventually(async () => assert.notEqual(await detail.innerText(), "", "the focused mark's details"));
    // A paste replaces the card panel's chart; clearing it brings the chart back, with no mark's details left over.
    await chartOfSamplePaste(w);
    await eventually(async () => assert.equal(await cardChart.count(), 0));
    await w.scope.getByRole("button", { name: w.t("history_clear"), exact: true }).click();
    await cardChart.waitFor();
    assert.equal(await detail.innerText(), "", "no details before a mark is focused or hovered");
    assert.equal(await cardChart.locator(".gcd-tl-active").count(), 0, "no mark drawn as active");

    // Every field of the form is read when the card is added (the saved state holds what was chosen) ...
    const kind = c.panel.getByRole("combobox", { name: w.t("card_kind"), exact: true });
    const approximate = c.panel.getByRole("checkbox", { name: w.t("date_precision_approximate"), exact: true });
    await c.issued.fill("2016-03-01");
    await approximate.check();
    await kind.selectOption("print");
    await c.amount.fill("3000");
    await c.add.click();
    await eventually(async () => assert.equal(await c.items.count(), 2));
    const saved = async () => {
      const values = await page.evaluate(() => Object.values(sessionStorage));
      const state = values.map((v) => JSON.parse(v)).find((v) => v && v.facts && Array.isArray(v.facts.cards));
      assert.ok(state, `the saved state: ${values}`);
      return state.facts.cards;
    };
    const second = await eventually(async () => {
      const cards = await saved();
      assert.equal(cards.length, 2);
      return cards[1];
    });
    assert.equal(second.issued, "2016-03-01");
    assert.equal(second.kind, "print");
    assert.equal(second.issuedPrecision, "approximate");
    assert.equal(Number(second.amount), 3000);
    // ... and then every field is empty again, the kind back to "unsure" (its one name since issue 19).
    assert.equal(await c.code.inputValue(), "");
    assert.equal(await c.issued.inputValue(), "");
    assert.equal(await c.amount.inputValue(), "");
    assert.equal(await approximate.isChecked(), false);
    assert.equal(await kind.inputValue(), "unsure");
    // A card added next with the date alone takes nothing from the one before.
    await c.issued.fill("2020-01-02");
    await c.add.click();
    const third = await eventually(async () => {
      const cards = await saved();
      assert.equal(cards.length, 3);
      return cards[2];
    });
    assert.equal(third.issued, "2020-01-02");
    assert.ok(third.kind === undefined || third.kind === "unsure", JSON.stringify(third));
    assert.ok(third.issuedPrecision === undefined || third.issuedPrecision === "exact", JSON.stringify(third));
    assert.equal(third.amount, undefined);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the timeline in English on a desktop and in dark mode, with no axe violation", async () => {
  for (const [lang, colorScheme, name] of [
    ["en", "light", "timeline-en-light-desktop"],
    ["ja", "dark", "timeline-ja-dark-desktop"],
  ]) {
    const { context, page, w } = await openResult(env, FACTS, { ...UNSURE, lang, colorScheme });
    try {
      await addCard(w);
      const chart = await chartOfSamplePaste(w);
      await shoot(chart, name);
      await axe(page, name);
    } finally {
      await context.close();
    }
  }
});

for (const form of FORMS) {
  test(`${form.name}: the expiry calendar downloads, and is offered only when a card has an expiry date`, async () => {
    const { context, page, w, refused } = await openResultIn(env, form.id, FACTS, UNSURE);
    try {
      const c = w.cardPanel();
      await c.open();
      // A card with no issue date has no expiry date: no calendar to offer.
      await c.amount.fill("1000");
      await c.add.click();
      await c.items.first().waitFor();
      assert.equal(await c.calendar.count(), 0, "no button without an expiry date");
      await addCard(w);
      checkIcs(await downloadIcs(page, c), form.id);
      assert.deepEqual(refused, [], "nothing tried to reach the network");
    } finally {
      await context.close();
    }
  });
}

test("the JS API: analyzeHistory reads every row of a US MM/DD/YYYY paste, expiryCalendar gives the .ics or null", async () => {
  const { context, page } = await openStandalone(env);
  try {
    const us = sample("en-us-mdy-tabs.txt");
    const report = await page.evaluate((text) => window.GiftcardDoctor.analyzeHistory(text, { marketplace: "us" }), us);
    const lines = us.split("\n").filter((l) => /^\d\d\/\d\d\/\d{4}/.test(l)).length;
    assert.equal(report.rows.length, lines, "every dated row is read");
    assert.deepEqual(report.unreadLines, [1], "only the page title is unread");
    assert.ok(report.rows.some((r) => r.kind === "cancel_refund"));
    const ics = await page.evaluate(() =>
      window.GiftcardDoctor.expiryCalendar(
        [{ code: "AB12-CDEF34-GH56", issued: "2024-05-12", kind: "email", amount: 5000 }, { issued: "2024-05-12", marketplace: "us" }],
        { marketplace: "jp", today: "2026-11-28", lang: "en" },
      ),
    );
    assert.equal(ics.match(/BEGIN:VEVENT/g).length, 1, "the US card never expires: one event");
    assert.match(ics, /DTSTART;VALUE=DATE:20340512\r\n/);
    assert.ok(!ics.includes("CDEF34"), "no part of the code but the last four");
    const none = await page.evaluate(() =>
      window.GiftcardDoctor.expiryCalendar([{ issued: "2024-05-12", marketplace: "us" }], { today: "2026-11-28" }),
    );
    assert.equal(none, null);
  } finally {
    await context.close();
  }
});
