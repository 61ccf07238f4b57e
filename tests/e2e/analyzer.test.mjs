// The card list and the balance-history analyzer in a real browser: in each delivery form (standalone, embedded,
// the offline file from file:// with the network off), pasting the Japanese sample shows the report and changes the
// ranking, a card is listed by its last four, "clear" wipes the paste; an English history one cell per line is read;
// oversize input is refused, 40 MiB at once by input or paste; a claim code is kept as its last four characters only
// (page, storage, share link). Each state is reached from a share link: the walk is wizard.test.mjs's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserAndServer } from "./lib/harness.mjs";
import { UI } from "./lib/content.mjs";
import { sample } from "./lib/paths.mjs";
import { assertNoSecrets, assertNothingStored, domText, FULL_CODE, HISTORY_TEXT, LAST_FOUR } from "./lib/privacy.mjs";
import { eventually } from "./lib/util.mjs";
import { FORMS, openResult, openResultIn } from "./lib/forms.mjs";

const env = browserAndServer();

const rank = (causes, id) => causes.findIndex((c) => c.id === id);

/** A Japanese person who lost part of the balance and said "I don't know" to the rest. */
const PARTIAL_JP = { marketplace: "jp", loss: "partial", invalidationEmail: "no", accountSuspendedNotice: "no" };

for (const form of FORMS) {
  test(`${form.name}: a pasted Japanese history shows where the money went and raises Amazon Pay; a card is listed by its last four; clear wipes the paste`, async () => {
    const { context, page, w, errors, refused } = await openResultIn(env, form.id, PARTIAL_JP, { fallback: "unsure" });
    try {
      const before = await w.causes();
      const h = w.historyPanel();
      await h.open();
      // The sample plus a line with a word that appears nowhere else, to look for in storage and the URL.
      await h.area.fill(`${sample("ja-tabs.txt")}\n${HISTORY_TEXT}\n`);
      await h.read.click();
      await h.report.waitFor();
      const report = await h.report.innerText();
      assert.match(report, /￥12,607/, "the unexplained drop between 2026-01-05 and 2026-01-22 is reported");
      assert.match(report, /xxxx-xxxxxx-W9CT/, "the added card's last four are listed");
      assert.match(report, new RegExp(UI.kind_amazon_pay.ja), "Amazon Pay spending has its own line");
      const afterPaste = await eventually(async () => {
        const now = await w.causes();
        assert.ok(rank(now, "amazon_pay") < rank(before, "amazon_pay"), JSON.stringify(now));
        return now;
      });
      const reasons = await w.scope.locator("li[data-cause='amazon_pay']").innerText();
      assert.match(reasons, /￥1,500/, "the reason names the amount paid through Amazon Pay");
      await assertNothingStored(page);
      assertNoSecrets(page.url(), "the URL");
      await h.clear.click();
      assert.equal(await h.area.inputValue(), "", "the pasted text is gone");
      assert.equal(await h.report.count(), 0, "and so is the report");
      await eventually(async () => assert.deepEqual(await w.causes(), before, "the ranking is back to the answers alone"));
      assert.notDeepEqual(afterPaste, before);
      const c = w.cardPanel();
      await c.open();
      await c.code.fill(FULL_CODE);
      await c.add.click();
      await c.items.first().waitFor();
      assert.match(await c.items.first().innerText(), new RegExp(`xxxx-xxxxxx-${LAST_FOUR}`));
      assert.deepEqual(refused, [], "nothing tried to reach the network (offline: every request but the file is refused)");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test("an English history pasted one cell per line is read too", async () => {
  const { context, w } = await openResult(env, { marketplace: "uk", loss: "partial" }, { lang: "en", fallback: "unsure" });
  try {
    const h = w.historyPanel();
    await h.open();
    await h.area.fill(sample("en-uk-cells.txt"));
    await h.read.click();
    await h.report.waitFor();
    const report = await h.report.innerText();
    assert.match(report, /£/, "amounts are in pounds");
    assert.doesNotMatch(report, new RegExp(UI.history_nothing.en), "rows were read");
  } finally {
    await context.close();
  }
});

test("input over the size limit is refused with a message, without freezing the page", async () => {
  const { context, w } = await openResult(env, { marketplace: "jp", invalidationEmail: "yes" }, { fallback: "unsure" });
  try {
    const h = w.historyPanel();
    await h.open();
    // 2.7 MB of UTF-8 in 1.9 M UTF-16 units: under the limit by the browser's count, which the box checks as the text
    // comes in, so it is taken in; over it in bytes, which 読み取る finds. Set directly, as a paste would.
    await h.area.evaluate((el) => {
      el.value = "2026年1月22日\tAmazon.co.jpの注文\t-￥754\t￥639\n".repeat(50_000);
      el.dispatchEvent(new InputEvent("input", { bubbles: true }));
    });
    assert.equal(await h.area.evaluate((el) => el.value.length), 1_900_000, "kept: under the limit in UTF-16 units");
    await h.read.click();
    const alert = w.scope.locator(".gcd-history [role=alert]");
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(UI.history_too_large.ja.split("{limit}")[0].slice(0, 8)));
    // The page still answers: the widget clears the box and reads a normal paste at once.
    await h.clear.click();
    assert.equal(await h.area.inputValue(), "", "clear still works after the refusal");
    await h.area.fill(sample("ja-tabs.txt"));
    await h.read.click();
    await h.report.waitFor({ timeout: 5000 });
    assert.doesNotMatch(await h.report.innerText(), new RegExp(UI.history_nothing.ja), "a normal paste is read after it");
  } finally {
    await context.close();
  }
});

test("a 40 MiB text is refused within 2 s by every way into the box (input, paste) and never left in it", async () => {
  const { context, page, w } = await openResult(env, { marketplace: "jp", invalidationEmail: "yes" }, { fallback: "unsure" });
  try {
    const h = w.historyPanel();
    await h.open();
    const alert = w.scope.locator(".gcd-history [role=alert]");
    // `input` is how a text arrives without a paste event: a drop the browser inserts, autofill, an IME, a script
    // (issue 21: 40 MiB that way froze the page for 36 s, then 読み取る read it). A synthetic paste is not inserted
    // by the browser, so that door checks the refusal comes before the browser would insert.
    for (const door of ["input", "paste"]) {
      await h.clear.click();
      assert.equal(await alert.count(), 0, `${door}: no message left from before`);
      const ms = await h.area.evaluate((el, door) => {
        const text = "2026年1月22日\tAmazon.co.jpの注文\t-￥754\t￥639\n".repeat(1_200_000).slice(0, 40 * 1024 * 1024);
        // Timed from the event: setting 40 MiB as the value is the script's own cost (seconds), not the widget's.
        // In the same task as the event, as a browser's insertion is: a frame in between would lay the text out.
        let event;
        if (door === "input") {
          el.value = text;
          event = new InputEvent("input", { bubbles: true, inputType: "insertReplacementText" });
        } else {
          const data = new DataTransfer();
          data.setData("text/plain", text);
          event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
        }
        const t0 = performance.now();
        el.dispatchEvent(event);
        return performance.now() - t0;
      }, door);
      await alert.waitFor({ timeout: 2000 });
      assert.match(await alert.innerText(), /2 MB/, `${door}: the refusal names the limit`);
      assert.ok(ms < 2000, `${door}: the handler took ${Math.round(ms)} ms`);
      assert.equal(await h.area.evaluate((el) => el.value.length), 0, `${door}: the text is not left in the box`);
      // The page paints its next frame at once: no layout of 40 MiB is pending.
      const frame = await page.evaluate(() => new Promise((r) => {
        const t0 = performance.now();
        requestAnimationFrame(() => r(performance.now() - t0));
      }));
      assert.ok(frame < 2000, `${door}: the next frame came after ${Math.round(frame)} ms`);
    }
  } finally {
    await context.close();
  }
});

test("a claim code is kept as its last four characters only, and an expired card leads the ranking", async () => {
  const { context, page, w } = await openResult(env, { marketplace: "jp", loss: "all", invalidationEmail: "no", accountSuspendedNotice: "no" }, { fallback: "unsure" });
  try {
    const c = w.cardPanel();
    await c.open();
    await c.code.fill(FULL_CODE.toLowerCase());
    await eventually(async () => assert.match(await w.scope.locator(".gcd-cards").innerText(), new RegExp(`xxxx-xxxxxx-${LAST_FOUR}`)));
    await c.issued.fill("2015-03-01");
    await c.add.click();
    await c.items.first().waitFor();
    assert.match(await c.items.first().innerText(), new RegExp(`xxxx-xxxxxx-${LAST_FOUR}`));
    assert.equal(await c.code.inputValue(), "", "the code field is emptied once the card is added");
    // Text, attributes and the live value of every field, in every shadow root (innerHTML never shows values).
    assertNoSecrets(await domText(page), "the widget's DOM");
    await assertNothingStored(page);
    assertNoSecrets(page.url(), "the URL");
    const causes = await w.causes();
    assert.equal(causes[0].id, "expired", JSON.stringify(causes));
    assert.equal(causes[0].band, "high");
  } finally {
    await context.close();
  }
});
