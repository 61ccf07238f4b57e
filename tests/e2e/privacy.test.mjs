// The privacy promise as tested facts, for each of the three ways the widget is used (standalone page over http,
// embedded in a host page, the offline file from file://). A person types a full claim code into the card form's
// real field (found by its label) and pastes a balance history whose sentinel line the analyzer really reads (it
// shows in the report's totals); then nothing may hold the code beyond its last four characters or the pasted text:
// no request after load (none at all offline; the standalone page's service worker fetches the build's own files once,
// while it loads), no cookie, localStorage, sessionStorage, IndexedDB or Cache Storage, no URL, share link or copied
// summary, no console message or error message, no printout, no DOM text or field value once cleared,
// and no byte of the wasm instance's memory once cleared. Each check has a positive control beside it, so a check
// that looks in the wrong place fails instead of passing.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, newContext } from "./lib/browser.mjs";
import { DEEP_PATH, startServer } from "./lib/server.mjs";
import { DIST } from "./lib/paths.mjs";
import { offlineCopy, removeOfflineCopy } from "./lib/forms.mjs";
import { Widget } from "./lib/widget.mjs";
import { UI } from "./lib/content.mjs";
import { eventually } from "./lib/util.mjs";
import {
  FULL_CODE,
  HISTORY_AMOUNT,
  HISTORY_PASTE,
  LAST_FOUR,
  MEMORY_NEEDLES,
  SENTINEL,
  WASM_MEMORY_PROBE,
  assertNoSecrets,
  assertNothingStored,
  callApiWithSecrets,
  domText,
  fieldsWithoutPrivacyAttributes,
  printedText,
  probeCsp,
  readClipboard,
  recordConsole,
  recordRequests,
  scanWasmMemory,
  secretsIn,
} from "./lib/privacy.mjs";

let server;
let browser;
let offlineFile;

before(async () => {
  [server, browser, offlineFile] = await Promise.all([startServer(), launch(), offlineCopy()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await removeOfflineCopy();
});

/** The standalone page's own files: the only requests it may make. */
// page.css is inline since the pre-rendered first screen (issue 13), and the loader and the app since the page is
// self-contained for "Save page as" (issue 13.5): the page is its only file.
const OWN = ["/index.html"];
/**
 * What the standalone page's service worker fetches once it has loaded (issue 22): its script, then the page, its
 * manifest and its icons, each once (tests/e2e/install.test.mjs checks the cache holds exactly these).
 */
const INSTALLED = ["/sw.js", "/index.html", "/manifest.webmanifest", ...(await readdir(join(DIST, "icons"))).map((f) => `/icons/${f}`)];

/** The three delivery forms: how to open each, and which requests its loading may make. */
const FORMS = {
  standalone: {
    name: "standalone page over http",
    async open(page) {
      await page.goto(server.url("/index.html"));
      return new Widget(page, "ja");
    },
    /** Until the service worker has fetched what it keeps, so those requests count as the page's loading. */
    async settle(page) {
      await page.evaluate(async () => {
        const worker = (await navigator.serviceWorker.ready).active;
        if (worker.state !== "activated") {
          await new Promise((ok) => worker.addEventListener("statechange", () => worker.state === "activated" && ok()));
        }
      });
    },
    checkLoadRequests(urls) {
      assert.deepEqual(
        urls.map((u) => new URL(u).pathname).sort(),
        [...OWN, ...INSTALLED].sort(),
        "the page loads its own files only, and its worker the build's files, once each",
      );
    },
  },
  embedded: {
    name: "embedded in a host page",
    async open(page) {
      await page.goto(server.url("/help/articles/host-article.html"));
      await new Widget(page.locator("[data-giftcard-doctor]").nth(1), "en").ready();
      return new Widget(page.locator("[data-giftcard-doctor]").first(), "ja");
    },
    checkLoadRequests(urls) {
      for (const u of urls) {
        const path = new URL(u).pathname;
        assert.ok(path === "/help/articles/host-article.html" || path.startsWith(DEEP_PATH), `${path}: the page or the widget's own files`);
      }
    },
  },
  offline: {
    name: "offline file from file://",
    async open(page) {
      await page.goto(offlineUrl());
      return new Widget(page, "ja");
    },
    checkLoadRequests(urls) {
      assert.deepEqual(urls, [offlineUrl()], "the file itself is the only request");
    },
  },
};

function offlineUrl() {
  return offlineFile;
}

/**
 * Opens a delivery form in a fresh context that may use the clipboard, with every request and console message
 * recorded and the wasm memory probe installed; offline, every request but the file is refused. Waits until the page
 * and its own assets have loaded and the widget is up.
 */
async function open(form) {
  const context = await newContext(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const requests = recordRequests(context);
  if (form === FORMS.offline) {
    await context.route("**/*", (route) =>
      route.request().url().startsWith("file:") ? route.continue() : route.abort("internetdisconnected"),
    );
  }
  await context.addInitScript(WASM_MEMORY_PROBE);
  await context.addInitScript(() => {
    window.__gcdReady = false;
    window.addEventListener("giftcard-doctor:ready", () => {
      window.__gcdReady = true;
    });
  });
  const page = await context.newPage();
  const consoleLog = recordConsole(page);
  const w = await form.open(page);
  await page.waitForLoadState("load");
  await page.waitForFunction(() => window.__gcdReady === true);
  await w.ready();
  await form.settle?.(page);
  return { context, page, w, requests, consoleLog };
}

/** Copies the summary and the share link with the widget's buttons; returns both clipboard texts. */
async function copySummaryAndLink(page, w) {
  await w.button("copy_summary").click();
  await w.scope.getByRole("status").filter({ hasText: w.t("copied") }).first().waitFor();
  const summary = await readClipboard(page);
  assert.ok(summary.startsWith(w.t("summary_title")), summary);
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await w.button("share_link").click();
  // The "copied" status of the summary may still show: wait for the clipboard itself.
  const link = await eventually(async () => {
    const text = await readClipboard(page);
    assert.match(text, /#gcd\?/, text);
    return text;
  });
  return { summary, link };
}

/**
 * What a worried person does, recording what every place holds at each moment: answers to a result; types the full
 * code key by key into the card form's field; pastes a history and has it read, opening the list of rows; prints
 * (emulated) while the field and the paste box still hold them; adds the card; copies the summary and the link;
 * clears the paste. Returns the observations the tests below judge.
 */
async function useIt(form) {
  const { context, page, w, requests, consoleLog } = await open(form);
  const seen = { loadRequests: [...requests], console: consoleLog };
  const baseline = requests.length;

  // The date question first, so its fields are among those checked for spellcheck/autocomplete.
  const plan = { marketplace: "jp", loss: "all", invalidation_email: "no", suspended_notice: "no", card_issued: "2016-05-01" };
  const fieldsSeen = [];
  for (let q = await w.current(); q; q = await w.current()) {
    if (q.kind === "date") fieldsSeen.push(await fieldsWithoutPrivacyAttributes(page));
    await w.answer(plan[q.id] ?? "no");
  }
  assert.equal((await w.causes())[0].id, "expired");
  await w.causeItems.first().getByRole("checkbox").first().check();

  // The code, typed key by key into the field a person finds by its label, and the card added: only its last four
  // are kept. (The date answered in the wizard is listed as a card already; the added one comes after it.) The
  // memory is scanned while the field holds the code and at once after adding, before other work reuses the freed
  // blocks, which would hide a copy left behind.
  const cards = w.cardPanel();
  await cards.open();
  await cards.code.pressSequentially(FULL_CODE);
  assert.equal(await cards.code.inputValue(), FULL_CODE, "the code is in the card form's field");
  seen.memoryWhileTyped = await scanWasmMemory(page, MEMORY_NEEDLES.code);
  const listed = await cards.items.count();
  await cards.add.click();
  await cards.items.nth(listed).waitFor();
  seen.cardItem = await cards.items.nth(listed).innerText();
  seen.codeFieldAfterAdd = await cards.code.inputValue();
  seen.memoryAfterAdd = await scanWasmMemory(page, MEMORY_NEEDLES.code);

  // The code typed again (a second card, not added yet) and the history pasted and read, its rows shown.
  await cards.code.pressSequentially(FULL_CODE);
  const history = w.historyPanel();
  await history.open();
  await history.area.fill(HISTORY_PASTE);
  await history.read.click();
  await history.report.waitFor();
  seen.report = await history.report.innerText();
  await history.rowsToggle.click();
  seen.rows = await history.report.locator("details").innerText();
  fieldsSeen.push(await fieldsWithoutPrivacyAttributes(page));
  seen.fields = {
    checked: fieldsSeen.reduce((n, f) => n + f.checked, 0),
    missing: [...new Set(fieldsSeen.flatMap((f) => f.missing))],
  };

  // While the field holds the code and the box the paste: what the DOM, a printout and storage show.
  seen.domWhileHeld = await domText(page);
  seen.printed = await printedText(page);
  seen.storedWhileHeld = await assertNothingStored(page).then(
    (stored) => ({ ok: true, stored }),
    (e) => ({ ok: false, message: e.message }),
  );

  // The person erases the code from the field and clears the paste; the summary and the link are copied.
  await cards.code.fill("");
  seen.codeFieldAfterErase = await cards.code.inputValue();
  await history.clear.click();
  seen.areaAfterClear = await history.area.inputValue();
  await history.report.waitFor({ state: "detached" });
  seen.memoryAfterClear = await scanWasmMemory(page, [...MEMORY_NEEDLES.code, ...MEMORY_NEEDLES.history]);
  Object.assign(seen, await copySummaryAndLink(page, w));

  seen.domAfter = await domText(page);
  seen.storedAfter = await assertNothingStored(page).then(
    (stored) => ({ ok: true, stored }),
    (e) => ({ ok: false, message: e.message }),
  );
  seen.url = page.url();
  seen.memoryAfter = await scanWasmMemory(page, [...MEMORY_NEEDLES.code, ...MEMORY_NEEDLES.history]);
  // A text the wasm embeds for certain (a UI text, as UTF-8): proves the scan reads the widget's memory.
  seen.memoryStatic = await scanWasmMemory(page, [UI.app_title.ja, UI.history_paste.en]);
  // A round trip through the page, so any request it started before has been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  seen.requestsAfterLoad = requests.slice(baseline);
  seen.allRequests = [...requests];
  await context.close();
  return seen;
}

/**
 * The error paths, on a page of their own (so the code they hand the wasm cannot be mistaken for a leftover of the
 * person's card in `useIt`): the full code typed into the date question's field by mistake, and every JS API call
 * with the code in every field. Then the wasm memory is scanned for the code: it must be found there, which shows
 * the memory scan can see a code that the wasm holds.
 */
async function errorPaths(form) {
  const { context, page, w, consoleLog } = await open(form);
  const seen = { console: consoleLog };
  for (let q = await w.current(); q && q.id !== "card_issued"; q = await w.current()) {
    await w.answer({ marketplace: "jp", loss: "all" }[q.id] ?? "no");
  }
  await w.expectQuestion("card_issued");
  await w.typedDate.fill(FULL_CODE);
  await w.next.click();
  const alert = w.group("card_issued").getByRole("alert");
  await alert.waitFor();
  seen.dateAlert = await alert.innerText();
  seen.dateStays = await w.group("card_issued").isVisible();
  seen.api = await callApiWithSecrets(page);
  seen.memory = await scanWasmMemory(page, MEMORY_NEEDLES.code);
  await context.close();
  return seen;
}

for (const form of Object.values(FORMS)) {
  describe(form.name, () => {
    let seen;
    let errors;
    before(async () => {
      seen = await useIt(form);
      errors = await errorPaths(form);
    });

    test("the page loads only its own files, and makes no request once loaded", () => {
      form.checkLoadRequests(seen.loadRequests);
      assert.deepEqual(seen.requestsAfterLoad, [], "no request after the page's own assets");
      if (form === FORMS.offline) {
        assert.deepEqual(seen.allRequests, [offlineUrl()], "offline, the file itself is the only request");
      } else if (form === FORMS.standalone) {
        const other = server.requests.filter((p) => !OWN.includes(p) && !INSTALLED.includes(p) && !p.startsWith("/help/"));
        assert.deepEqual(other, [], "the server saw nothing else either");
      }
    });

    test("the code reached the card field and the sentinel line was read (positive controls)", () => {
      assert.ok(seen.report.includes(HISTORY_AMOUNT), `the sentinel line's amount is in the report's totals: ${seen.report}`);
      assert.ok(seen.rows.includes(SENTINEL), `the sentinel line is among the rows read: ${seen.rows}`);
      assert.ok(seen.domWhileHeld.includes(FULL_CODE), "the DOM scan sees the code while the field holds it");
      assert.ok(seen.domWhileHeld.includes(SENTINEL), "the DOM scan sees the pasted text while it is shown");
      assert.match(seen.cardItem, new RegExp(`xxxx-xxxxxx-${LAST_FOUR}`), "the card is listed by its last four");
    });

    test("nothing secret is stored: cookies, localStorage, sessionStorage, IndexedDB, Cache Storage", () => {
      assert.ok(seen.storedWhileHeld.ok, `while the field and the paste box hold them: ${seen.storedWhileHeld.message}`);
      assert.ok(seen.storedAfter.ok, `after adding the card and clearing: ${seen.storedAfter.message}`);
      const { stored } = seen.storedAfter;
      assert.match(stored.sessionStorage, /giftcard-doctor/, "the answers are kept (this tab only): the check reads the right store");
      assert.equal(stored.localStorage, "{}");
      if (form === FORMS.standalone) {
        assert.match(stored.cacheStorage, /index\.html/, "the worker's cache is read: the check sees the right store");
      }
      assert.equal(stored.cookies, "[]");
    });

    test("the URL, the share link and the copied summary hold no secret", () => {
      assertNoSecrets(seen.url, "the page's URL");
      assertNoSecrets(seen.link, "the copied share link");
      assert.ok(!seen.link.includes(LAST_FOUR), `the share link carries no part of a code: ${seen.link}`);
      assertNoSecrets(seen.summary, "the copied summary");
      assert.ok(seen.summary.includes(LAST_FOUR), `the summary names the card by its last four: ${seen.summary}`);
    });

    test("no console message and no error message holds a secret", () => {
      for (const line of [...seen.console, ...errors.console]) assertNoSecrets(line, "a console message");
      assert.ok(errors.dateStays, "a code is not a date: the question stays");
      assert.ok(errors.dateAlert.length > 0);
      assertNoSecrets(errors.dateAlert, "the date question's error message");
    });

    test("the JS API reads the sentinel paste", () => {
      const rows = errors.api.history.rows;
      assert.ok(
        rows.some((r) => r.amount === -3217 && String(r.description).includes(SENTINEL)),
        `analyzeHistory read the sentinel line: ${JSON.stringify(rows)}`,
      );
    });

    test("no JS API error message quotes the value passed in", () => {
      const { errors: thrown, calls } = errors.api;
      assert.ok(thrown.length >= calls / 2, `most calls with a code in a field are refused: ${thrown.length} of ${calls}`);
      const quoting = thrown.filter((e) => secretsIn(e.message).length > 0);
      assert.deepEqual(quoting.map((e) => `${e.call} ${e.field}: ${e.message}`), []);
    });

    test("the print view shows no code, no paste box and no raw rows; the report's totals print", () => {
      assert.ok(seen.printed.includes(HISTORY_AMOUNT), `the report's totals print: ${seen.printed}`);
      assertNoSecrets(seen.printed, "the print view");
    });

    test("once the card is added and the paste cleared, the DOM (text, attributes, field values, shadow roots) holds no secret", () => {
      assert.equal(seen.codeFieldAfterAdd, "", "the code field is emptied once the card is added");
      assert.equal(seen.codeFieldAfterErase, "", "the code field is empty once erased");
      assert.equal(seen.areaAfterClear, "", "the paste box is emptied by clear");
      assertNoSecrets(seen.domAfter, "the DOM");
    });

    // Depends on the card list's and history panel's own fields having the attributes (issue 12, point 3).
    test("every free-text field has spellcheck=false and autocomplete=off", () => {
      assert.ok(seen.fields.checked >= 4, `the date, code, amount and paste fields were checked: ${seen.fields.checked}`);
      assert.deepEqual(seen.fields.missing, []);
    });

    // Depends on the wasm overwriting the buffers that held the code and the paste (issue 12, point 2).
    test("once the card is added and the paste cleared, the wasm memory holds neither the code nor the pasted text", () => {
      assert.ok(seen.memoryStatic.memories >= 1, "the probe found the wasm instance's memory");
      assert.ok(seen.memoryStatic.found.length >= 2, `the scan finds texts the wasm holds: ${seen.memoryStatic.found}`);
      assert.ok(
        errors.memory.found.length > 0,
        "positive control: the scan finds a code the wasm was handed (date field, JS API) when nothing clears it",
      );
      const left = {
        "right after the card was added": seen.memoryAfterAdd.found,
        "right after the code was erased and the paste cleared": seen.memoryAfterClear.found,
        "at the end": seen.memoryAfter.found,
      };
      assert.deepEqual(
        left,
        { "right after the card was added": [], "right after the code was erased and the paste cleared": [], "at the end": [] },
        `left in ${seen.memoryAfter.bytes} bytes of wasm memory (while typed: ${seen.memoryWhileTyped.found.join(", ") || "not seen"})`,
      );
    });
  });
}

describe("the host's start facts", () => {
  test("embedded with a full code in data-facts, only the last four are kept or copied", async () => {
    const context = await newContext(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const requests = recordRequests(context);
    const page = await context.newPage();
    // The host passes start facts with a full code (as a careless host might); the widget must keep only GH56.
    const facts = JSON.stringify({ marketplace: "jp", cards: [{ last4: FULL_CODE, issued: "2016-05-01" }] });
    await page.route("**/host-article.html", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('id="widget-ja"', `id="widget-ja" data-facts='${facts}'`);
      await route.fulfill({ response, body });
    });
    await page.goto(server.url("/help/articles/host-article.html"));
    const w = new Widget(page.locator("[data-giftcard-doctor]").first(), "ja");
    await w.ready();
    await w.walk({ marketplace: "jp", loss: "all", invalidation_email: "no", suspended_notice: "no" }, { fallback: "no" });
    const baseline = requests.length;
    const { summary, link } = await copySummaryAndLink(page, w);
    assert.ok(summary.includes(LAST_FOUR), `the summary names the card by its last four: ${summary}`);
    assertNoSecrets(summary, "the copied summary");
    assertNoSecrets(link, "the copied link");
    const stored = await assertNothingStored(page);
    assert.ok(stored.sessionStorage.includes(LAST_FOUR), "the last four are what is kept");
    // The widget's own DOM only: the host's attribute holds what the host wrote.
    const widgetDom = await w.scope.evaluate((host) => {
      const out = [];
      for (const el of host.shadowRoot.querySelectorAll("*")) {
        for (const a of el.attributes) out.push(a.value);
        if (el.matches("input, textarea, select")) out.push(el.value);
      }
      return `${host.shadowRoot.textContent}\n${out.join("\n")}`;
    });
    assert.ok(widgetDom.includes(LAST_FOUR));
    assertNoSecrets(widgetDom, "the widget's DOM");
    assert.deepEqual(requests.slice(baseline), [], "no request after load");
    await context.close();
  });
});

describe("content security policy", () => {
  for (const form of [FORMS.standalone, FORMS.offline]) {
    test(`${form.name}: an injected inline script does not run, a fetch is refused`, async () => {
      const { context, page, requests } = await open(form);
      const before = requests.length;
      await probeCsp(page);
      assert.ok(!server.requests.some((p) => p.startsWith("/collect")), "the refused fetch never reached the server");
      if (form === FORMS.offline) assert.deepEqual(requests.slice(before), [], "not even the refused fetch became a request");
      await context.close();
    });
  }
});
