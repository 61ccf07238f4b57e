// "Save page as" (issue 13.5): a person presses Ctrl+S on the standalone page. Both of the browser's save modes must
// give a copy that works from disk with the network off:
// - "HTML only": the bytes the server sent for index.html, alone in an empty folder;
// - "complete": the live DOM serialised (`<!DOCTYPE html>` + `document.documentElement.outerHTML`, as Chrome writes
//   it: attributes the running widget set are in it, the consumed declarative shadow root is not), with every file
//   the page references beside it.
// Each is opened from file:// with every request but the file itself refused; the wizard reaches a result.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { browserAndServer } from "./lib/harness.mjs";
import { newContext } from "./lib/browser.mjs";
import { Widget } from "./lib/widget.mjs";
import { appStyled, openFromDisk } from "./lib/delivery.mjs";

const PLAN = { marketplace: "jp", loss: "all", invalidation_email: "no", suspended_notice: "no", card_issued: "2016-05-01" };
const env = browserAndServer();
const dirs = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Opens a saved file with every request refused but the file itself and the files saved beside it; walks to a result. */
async function walkFromDisk(path, lang) {
  const context = await newContext(env.browser, { lang });
  const file = pathToFileURL(path).href;
  const { page, refused, errors } = await openFromDisk(context, file, { allow: new URL(".", file).href });
  const w = new Widget(page.locator("[data-giftcard-doctor]"), lang);
  await w.expectQuestion("marketplace");
  await w.walk(PLAN, { fallback: "no" });
  const causes = await w.causes();
  assert.ok(causes.length > 0, "a result");
  assert.ok(await appStyled(page.locator("[data-giftcard-doctor]")), "the copy still has the widget's stylesheet");
  assert.equal(await page.evaluate(() => typeof window.GiftcardDoctor), "object", "the app runs from disk");
  assert.deepEqual(refused, [], "the copy needs nothing but itself");
  assert.deepEqual(errors, []);
  await context.close();
}

/** The files a page's markup references (`src`, `href` of `<script>` and `<link>`), outside inline scripts' text. */
function references(html) {
  const found = [];
  const markup = html.replace(/<script>[\s\S]*?<\/script>/g, "<script></script>");
  for (const m of markup.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]+)"/g)) {
    if (!m[1].startsWith("data:")) found.push(m[1]);
  }
  return found;
}

describe("the standalone page saved with the browser's Save page as", () => {
  for (const lang of ["ja", "en"]) {
    test(`HTML only (${lang}): the file as served, alone in a folder, reaches a result from file://`, async () => {
      const response = await fetch(env.server.url("/index.html"));
      assert.equal(response.status, 200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const dir = await mkdtemp(join(tmpdir(), "gcd-save-html-"));
      dirs.push(dir);
      const path = join(dir, "ギフトカード残高診断.html");
      await writeFile(path, bytes);
      await walkFromDisk(path, lang);
    });
  }

  test("complete: the live DOM after the widget started and was used, with its files, reaches a result", async () => {
    const context = await newContext(env.browser, { lang: "ja" });
    const page = await context.newPage();
    await page.goto(env.server.url("/index.html"));
    const w = new Widget(page.locator("[data-giftcard-doctor]"), "ja");
    await w.expectQuestion("marketplace");
    // The person has used the widget before saving: the live DOM is what the browser writes.
    await w.answer("jp");
    await w.expectQuestion("loss");
    assert.equal(await page.evaluate(() => typeof window.GiftcardDoctor), "object", "saved while running");
    const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
    const dir = await mkdtemp(join(tmpdir(), "gcd-save-complete-"));
    dirs.push(dir);
    // "Complete" puts every file the page references into a folder beside it and points the page there.
    let saved = html;
    for (const ref of references(html)) {
      const url = new URL(ref, env.server.url("/index.html"));
      const res = await fetch(url);
      assert.equal(res.status, 200, `${url} is served`);
      const name = url.pathname.split("/").pop();
      await writeFile(join(dir, name), Buffer.from(await res.arrayBuffer()));
      saved = saved.replaceAll(`"${ref}"`, `"${name}"`);
    }
    const path = join(dir, "page.html");
    await writeFile(path, saved);
    await context.close();
    await walkFromDisk(path, "ja");
  });
});
