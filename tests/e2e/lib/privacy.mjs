// What the privacy tests look for: a full claim code and a pasted history line, wherever something could be kept,
// shown, printed or sent — storage, URLs, the clipboard, the console, error messages, the DOM (text and field
// values, in every shadow root and frame), the print view, and the wasm instance's linear memory — and every request
// the browser makes.
import assert from "node:assert/strict";
import { storedEverything } from "./util.mjs";

/** A full claim code as a person types it (the app may keep only its last four characters, "GH56"). */
export const FULL_CODE = "AB12-CDEF34-GH56";
export const LAST_FOUR = "GH56";
/** Every way the full code (or more than its last four characters) could show up once normalised. */
const CODE_FORMS = ["AB12-CDEF34-GH56", "AB12CDEF34GH56", "ab12cdef34gh56", "CDEF34", "CDEF34GH56", "AB12"];
/** A word that appears nowhere but in the pasted history's description. */
export const SENTINEL = "ZQXHISTORYSENTINEL";
const HISTORY_FORMS = [SENTINEL, SENTINEL.toLowerCase()];

/**
 * One line of a Japanese balance history as copied from the page (tab-separated), which the analyzer reads: a date,
 * a description holding the sentinel word, an amount with a currency sign and the balance after it. It is older
 * than every line of the samples and ends at a zero balance, so it can follow any of them without a gap.
 */
export const HISTORY_TEXT = `2025年10月1日\tAmazon.co.jpの注文に適用されたギフトカード ${SENTINEL}\t-￥3,217\t￥0`;
/** The sentinel line's amount as the report shows it in its totals. */
export const HISTORY_AMOUNT = "￥3,217";
/** A whole paste: the table's header, a card added, and the sentinel line (newest first, as the page lists them). */
export const HISTORY_PASTE = [
  "日付\t利用内容\t金額\t残高",
  `2025年11月3日\tギフトカードが追加されました ギフトカード番号: xxxx-xxxxxx-${LAST_FOUR}\t￥10,000\t￥10,000`,
  HISTORY_TEXT,
].join("\n");

/** Every `size`-character piece of `text`. */
function windows(text, size) {
  return Array.from({ length: text.length - size + 1 }, (_, i) => text.slice(i, i + size));
}

/**
 * What must not stay in the wasm memory: every 8-character piece of the code as typed and as normalised (each holds
 * at least three characters beyond the last four), and every 12-character piece of the sentinel. Pieces rather than
 * the whole: the allocator writes its free-list links over the first bytes of a freed block, so a copy left behind
 * lives on as its tail.
 */
export const MEMORY_NEEDLES = {
  code: [...new Set([...windows(FULL_CODE, 8), ...windows(FULL_CODE.replaceAll("-", ""), 8)])],
  history: windows(SENTINEL, 12),
};

/** The secret forms `text` holds (none is the goal): any part of the full code beyond its last four, the sentinel. */
export function secretsIn(text) {
  const lower = String(text).toLowerCase();
  return [...CODE_FORMS, ...HISTORY_FORMS].filter((form) => lower.includes(form.toLowerCase()));
}

/** Fails when `text` (named `where`) holds any part of the full code beyond its last four, or the history text. */
export function assertNoSecrets(text, where) {
  const found = secretsIn(text);
  assert.deepEqual(found, [], `${where} holds ${JSON.stringify(found)}: ${String(text).slice(0, 2000)}`);
}

/** Checks cookies, localStorage, sessionStorage and IndexedDB; returns what was found, for positive checks. */
export async function assertNothingStored(page) {
  const stored = await storedEverything(page);
  for (const [where, text] of Object.entries(stored)) assertNoSecrets(text, where);
  return stored;
}

/** Records every request of a context (all pages, frames and workers), in order. */
export function recordRequests(context) {
  const log = [];
  context.on("request", (r) => log.push(r.url()));
  return log;
}

/** Records every console message and uncaught error of a page, as text. */
export function recordConsole(page) {
  const log = [];
  page.on("console", (m) => log.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.push(`pageerror: ${e.message}\n${e.stack ?? ""}`));
  return log;
}

/** Reads the clipboard of the page (the context must have been granted clipboard-read). */
export function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Everything the DOM of every frame holds as text a script could read: the text of the document and of every shadow
 * root (script and style elements left out), every attribute value, and the live `.value` of every input, textarea
 * and select (which `innerHTML` never shows). One string per frame, joined.
 */
export async function domText(page) {
  const parts = [];
  for (const frame of page.frames()) {
    parts.push(
      await frame.evaluate(() => {
        const out = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll("*")) {
            for (const a of el.attributes) out.push(a.value);
            if (el.matches("input, textarea, select")) out.push(el.value);
            if (el.childNodes.length && !el.matches("script, style")) {
              for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) out.push(n.data);
            }
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return out.join("\n");
      }),
    );
  }
  return parts.join("\n");
}

/**
 * What a printout of the page would show: with print media emulated, the rendered text of the document and of every
 * shadow root (`innerText` leaves out what CSS hides) and the value of every field that is still visible. Screen
 * media is restored afterwards.
 */
export async function printedText(page) {
  await page.emulateMedia({ media: "print" });
  try {
    const parts = [];
    for (const frame of page.frames()) {
      parts.push(
        await frame.evaluate(() => {
          const out = [document.body.innerText];
          const walk = (root) => {
            for (const el of root.querySelectorAll("*")) {
              if (el.matches("input, textarea") && el.checkVisibility({ visibilityProperty: true })) out.push(el.value);
              if (el.shadowRoot) {
                // (`innerText` of an element that is not rendered is its whole text, so only rendered children.)
                for (const child of el.shadowRoot.children) {
                  if (!child.matches("style, script, link") && child.checkVisibility()) out.push(child.innerText);
                }
                walk(el.shadowRoot);
              }
            }
          };
          walk(document);
          return out.join("\n");
        }),
      );
    }
    return parts.join("\n");
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
}

/**
 * Free-text fields (text-like inputs and editable textareas, in every shadow root and frame) that lack
 * `spellcheck="false"` or `autocomplete="off"`: a browser's cloud spell-checker sends field text to a server, and
 * autofill keeps it. Returns `{ checked, missing }`, `missing` as readable descriptions.
 */
export async function fieldsWithoutPrivacyAttributes(page) {
  let checked = 0;
  const missing = [];
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => {
      const textLike = new Set(["", "text", "search", "email", "tel", "url", "number", "password"]);
      const fields = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll("*")) {
          const free =
            (el.localName === "textarea" && !el.readOnly) ||
            (el.localName === "input" && textLike.has((el.getAttribute("type") ?? "").toLowerCase()));
          if (free) {
            const label = el.labels?.[0]?.innerText ?? el.getAttribute("aria-label") ?? el.className;
            fields.push({
              field: `${el.localName}[${el.getAttribute("type") ?? ""}] "${label.trim()}"`,
              spellcheck: el.getAttribute("spellcheck"),
              autocomplete: el.getAttribute("autocomplete"),
            });
          }
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return fields;
    });
    checked += found.length;
    for (const f of found) {
      if (f.spellcheck !== "false" || f.autocomplete !== "off") {
        missing.push(`${f.field}: spellcheck=${f.spellcheck} autocomplete=${f.autocomplete}`);
      }
    }
  }
  return { checked, missing };
}

/**
 * An init script (`context.addInitScript(WASM_MEMORY_PROBE)`) that notes the memory of every WebAssembly instance
 * the page creates, however the glue creates it (`instantiateStreaming`, `instantiate`, `new Instance`), so a test
 * can read the widget's linear memory as a host script could.
 */
export const WASM_MEMORY_PROBE = `(() => {
  const memories = (window.__gcdMemories = []);
  const note = (instance) => {
    for (const value of Object.values(instance?.exports ?? {})) {
      if (value instanceof WebAssembly.Memory && !memories.includes(value)) memories.push(value);
    }
    return instance;
  };
  const W = WebAssembly;
  const instantiate = W.instantiate;
  W.instantiate = function (...args) {
    return instantiate.apply(this, args).then((r) => (r instanceof W.Instance ? note(r) : (note(r.instance), r)));
  };
  const streaming = W.instantiateStreaming;
  if (streaming) {
    W.instantiateStreaming = function (...args) {
      return streaming.apply(this, args).then((r) => (note(r.instance), r));
    };
  }
  const Instance = W.Instance;
  W.Instance = new Proxy(Instance, { construct: (target, args) => note(Reflect.construct(target, args)) });
})();`;

/**
 * Looks for `needles` in the linear memory of every wasm instance of every frame, case-insensitively, as UTF-8 and
 * as UTF-16LE bytes. Returns `{ memories, bytes, found }` where `found` lists `"<needle> (utf8|utf16)"`.
 */
export async function scanWasmMemory(page, needles) {
  const result = { memories: 0, bytes: 0, found: [] };
  for (const frame of page.frames()) {
    const r = await frame.evaluate((needles) => {
      // Bytes read one to one as characters (windows-1252 maps every byte to one UTF-16 unit), so a byte pattern
      // becomes a substring search; the needles go through the same decoding.
      const decoder = new TextDecoder("windows-1252");
      const asBytes = (s, utf16) => {
        if (!utf16) return new TextEncoder().encode(s);
        const b = new Uint8Array(s.length * 2);
        for (let i = 0; i < s.length; i++) {
          b[2 * i] = s.charCodeAt(i) & 0xff;
          b[2 * i + 1] = s.charCodeAt(i) >> 8;
        }
        return b;
      };
      const found = [];
      let bytes = 0;
      const memories = window.__gcdMemories ?? [];
      for (const memory of memories) {
        const view = new Uint8Array(memory.buffer);
        bytes += view.length;
        const haystack = decoder.decode(view).toLowerCase();
        for (const needle of needles) {
          for (const utf16 of [false, true]) {
            const pattern = decoder.decode(asBytes(needle, utf16)).toLowerCase();
            if (haystack.includes(pattern)) found.push(`${needle} (${utf16 ? "utf16" : "utf8"})`);
          }
        }
      }
      return { memories: memories.length, bytes, found };
    }, needles);
    result.memories += r.memories;
    result.bytes += r.bytes;
    result.found.push(...r.found);
  }
  return result;
}

/**
 * Calls every function of the page's JS API with a code-shaped string in every field, as a careless host might, and
 * `analyzeHistory` with the sentinel paste. Returns `{ errors: [{ call, field, message }], calls, history }`:
 * `errors` are the messages of the calls that threw (none may quote the value), `history` what `analyzeHistory`
 * returned for the paste.
 */
export async function callApiWithSecrets(page) {
  return page.evaluate(
    ([code, paste]) => {
      const api = window.GiftcardDoctor;
      const errors = [];
      let calls = 0;
      const attempt = (call, field, f) => {
        calls++;
        try {
          f();
        } catch (e) {
          errors.push({ call, field, message: String(e?.message ?? e) });
        }
      };
      const tri = [
        "multipleAccounts",
        "unfamiliarActivity",
        "phoneLostOrPhished",
        "pendingOrders",
        "subscribeAndSave",
        "amazonPayUse",
        "kindleOrOneClick",
        "invalidationEmail",
        "boughtFromResale",
        "outageReports",
        "alreadyRegisteredMessage",
        "accountSuspendedNotice",
        "promotionalCredit",
      ];
      for (const fn of ["diagnose", "nextQuestion"]) {
        for (const field of ["marketplace", "today", "loss", ...tri]) {
          attempt(fn, field, () => api[fn]({ [field]: code }, { lang: "ja" }));
        }
        for (const field of ["issued", "kind", "amount", "marketplace", "last4"]) {
          attempt(fn, `cards[0].${field}`, () => api[fn]({ cards: [{ [field]: code }] }, { lang: "ja" }));
        }
        attempt(fn, "skipped", () => api[fn]({ skipped: [code] }, { lang: "ja" }));
        attempt(fn, "options.lang", () => api[fn]({}, { lang: code }));
      }
      for (const field of ["issued", "kind", "amount", "marketplace", "last4", "code"]) {
        attempt("cardStatus", field, () => api.cardStatus({ [field]: code }, { today: "2026-11-28", lang: "ja" }));
      }
      for (const field of ["issued", "issuedPrecision", "kind", "amount", "marketplace"]) {
        attempt("expiryCalendar", `cards[0].${field}`, () => api.expiryCalendar([{ [field]: code }], { today: "2026-11-28", lang: "ja" }));
      }
      attempt("expiryCalendar", "options.marketplace", () => api.expiryCalendar([], { today: "2026-11-28", marketplace: code }));
      attempt("cardStatus", "options.today", () => api.cardStatus({}, { today: code }));
      attempt("cardStatus", "options.marketplace", () => api.cardStatus({}, { today: "2026-11-28", marketplace: code }));
      attempt("analyzeHistory", "text", () => api.analyzeHistory(code, { marketplace: "jp", lang: "ja" }));
      attempt("analyzeHistory", "options.marketplace", () => api.analyzeHistory(paste, { marketplace: code }));
      // The paste itself must be read (no try: a throw here fails the test).
      const history = api.analyzeHistory(paste, { marketplace: "jp", lang: "ja" });
      return { errors, calls, history: JSON.parse(JSON.stringify(history)) };
    },
    [FULL_CODE, HISTORY_PASTE],
  );
}

/**
 * Injects an inline script (as an XSS would) and a fetch to the page's own origin; with the CSP in force the script
 * does not run, the fetch is refused, and `securitypolicyviolation` fires for both. Returns the violated directives.
 */
export async function probeCsp(page) {
  const outcome = await page.evaluate(async () => {
    const violations = [];
    const seen = new Promise((resolve) => {
      document.addEventListener("securitypolicyviolation", (e) => {
        violations.push(e.effectiveDirective || e.violatedDirective);
        if (violations.length >= 2) resolve();
      });
    });
    const script = document.createElement("script");
    script.textContent = "window.__gcdInjected = true;";
    document.body.appendChild(script);
    const ranAtOnce = window.__gcdInjected === true;
    let fetched;
    try {
      await fetch("/collect?answers=1");
      fetched = "sent";
    } catch (e) {
      fetched = `refused: ${e.name}`;
    }
    await seen;
    return { ran: ranAtOnce || window.__gcdInjected === true, fetched, violations };
  });
  assert.equal(outcome.ran, false, "the injected inline script did not run");
  assert.match(outcome.fetched, /^refused/, "a fetch is refused (connect-src 'none')");
  assert.ok(outcome.violations.some((d) => d.startsWith("script-src")), JSON.stringify(outcome.violations));
  assert.ok(outcome.violations.includes("connect-src"), JSON.stringify(outcome.violations));
  return outcome.violations;
}
