// Issues 20 and 23 in the browser: each English in its marketplace's voice (US dates and spelling for Amazon.com's
// English, British for Amazon.co.uk); a chart a person can read without hovering (a legend; axis labels at 12 CSS px
// or more that never overlap, at 320, 390 and 1280 px; a 24 px target around every mark); the card list's expiry date
// is the one the chart marks; one card without an amount draws no chart.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { sample } from "./lib/paths.mjs";
import { openResult } from "./lib/forms.mjs";
import { UI } from "./lib/content.mjs";
import { screenshot } from "./lib/util.mjs";

const env = browserAndServer();
const US_DATE = /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/;
const UK_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;

/** The result's visible text. */
const resultText = (w) => w.scope.locator(".gcd-result").innerText();

describe("English in each marketplace's voice (issue 20)", () => {
  test("Amazon.com's English: April 24, 2017 and US spelling; Amazon.co.uk's: 24 April 2017 and British", async () => {
    for (const [market, own, other, spelling] of [
      ["jp", US_DATE, UK_DATE, { has: /\bemail\b/i, not: /\b(cancelled|recognise|untick)\b/i }],
      ["uk", UK_DATE, US_DATE, { has: null, not: /\b(canceled|recognize|uncheck)\b/i }],
    ]) {
      const { context, page, w } = await openResult(env, { marketplace: market, loss: "all", cardIssued: "2015-03-01" }, { lang: "en", fallback: "unsure" });
      const text = await resultText(w);
      assert.match(text, own, `${market}: its own date form`);
      assert.doesNotMatch(text, other, `${market}: not the other English's date form`);
      assert.doesNotMatch(text, spelling.not, `${market}: its own spelling`);
      if (spelling.has) assert.match(text, spelling.has);
      await screenshot(page, `result-${market}-en-voice`);
      // The timeline in the same English: a history of that site pasted, its dates in that English's order.
      const chart = await w.chartOfPaste(sample(market === "uk" ? "en-uk-cells.txt" : "ja-tabs.txt"));
      assert.match(await chart.locator(".gcd-timeline-summary").innerText(), own, `${market}: the timeline's dates`);
      await chart.scrollIntoViewIfNeeded();
      await screenshot(page, `timeline-${market}-en-voice`);
      await context.close();
    }
  });
});

/** Opens a result, lists one dated card with an amount, pastes the Japanese sample: the history chart. */
async function chartAt(viewport, lang = "ja") {
  const opened = await openResult(env, { marketplace: "jp", loss: "partial" }, { lang, viewport, fallback: "unsure" });
  const { w } = opened;
  const c = w.cardPanel();
  await c.open();
  await c.issued.fill("2024-05-12");
  await c.amount.fill("5000");
  await c.add.click();
  await c.items.first().waitFor();
  const cardChart = c.panel.locator(".gcd-timeline");
  await cardChart.waitFor();
  return { ...opened, c, cardChart };
}

describe("counts that read right (issue 20)", () => {
  test("the English timeline with exactly one unexplained drop says it in the singular", async () => {
    const { context, w } = await openResult(env, { marketplace: "jp", loss: "partial" }, { lang: "en", fallback: "unsure" });
    const chart = await w.chartOfPaste(sample("ja-tabs.txt"));
    assert.equal(await chart.locator("g.gcd-tl-unexplained").count(), 1, "the sample has one unexplained drop");
    const summary = await chart.locator(".gcd-timeline-summary").innerText();
    const one = UI.timeline_unexplained_drops.en_one.replace("{count}", "1");
    const many = UI.timeline_unexplained_drops.en.replace("{count}", "1");
    assert.ok(summary.includes(one), `singular: ${summary}`);
    assert.ok(!summary.includes(many), `not "1 … are": ${summary}`);
    await context.close();
  });
});

describe("a chart for people and thumbs (issues 20, 23)", () => {
  for (const width of [320, 390, 1280]) {
    test(`at ${width} px: a legend, labels of 12 px or more that never overlap, 24 px targets`, async () => {
      const { context, page, w, c, cardChart } = await chartAt({ width, height: 844 });
      // The card list's expiry date is the date the chart marks for it.
      const listed = await c.items.first().innerText();
      const expiryLabel = await cardChart.locator(".gcd-tl-expiry").getAttribute("aria-label");
      const expiryDate = expiryLabel.match(/\d{4}年\d{1,2}月\d{1,2}日/)[0];
      assert.ok(listed.includes(expiryDate), `the list says ${listed}, the chart ${expiryLabel}`);
      // Then the history's chart, with more marks.
      const chart = await w.chartOfPaste(sample("ja-tabs.txt"));
      const legend = await chart.locator(".gcd-tl-legend li").allInnerTexts();
      assert.ok(legend.length >= 3, `a legend: ${legend}`);
      assert.ok(legend.includes(w.t("legend_unexplained")), legend.join(" | "));
      const labels = await chart.locator(".gcd-tl-labels text").evaluateAll((texts) =>
        texts
          .filter((t) => getComputedStyle(t).display !== "none")
          .map((t) => {
            const r = t.getBoundingClientRect();
            return { text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize), x: r.left, y: r.top, w: r.width, h: r.height, cls: t.getAttribute("class") ?? "y" };
          }),
      );
      assert.ok(labels.length >= 3, JSON.stringify(labels));
      for (const l of labels) assert.ok(l.size >= 12, `label "${l.text}" at ${l.size}px`);
      const dates = labels.filter((l) => l.cls.startsWith("gcd-tl-x"));
      assert.equal(new Set(dates.map((d) => d.text)).size, dates.length, "no date repeated");
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) {
          const [a, b] = [labels[i], labels[j]];
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          assert.ok(apart, `labels overlap at ${width}px: ${JSON.stringify([a, b])}`);
        }
      // Every mark answers a pointer 11 px from its centre (a 24 px target).
      const misses = await chart.locator("g.gcd-tl-mark:not(.gcd-tl-expiry)").evaluateAll((marks) =>
        marks
          .map((g) => {
            const r = g.querySelector(".gcd-tl-dot").getBoundingClientRect();
            const root = g.getRootNode();
            const hit = root.elementFromPoint(r.left + r.width / 2 + 11, r.top + r.height / 2);
            return hit && (hit === g || g.contains(hit) || hit.closest?.("g.gcd-tl-mark")) ? null : g.getAttribute("aria-label");
          })
          .filter(Boolean),
      );
      assert.deepEqual(misses, [], "marks without a 24 px target");
      await chart.scrollIntoViewIfNeeded();
      await screenshot(page, `timeline-ja-${width}`);
      await context.close();
    });
  }

  test("one card without an amount draws no chart", async () => {
    const { context, w } = await openResult(env, { marketplace: "jp", loss: "partial" }, { lang: "ja", fallback: "unsure" });
    const c = w.cardPanel();
    await c.open();
    await c.issued.fill("2024-05-12");
    await c.add.click();
    await c.items.first().waitFor();
    assert.equal(await c.panel.locator(".gcd-timeline").count(), 0);
    await context.close();
  });
});
