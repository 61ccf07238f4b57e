// What the privacy tests look for: a full claim code and pasted history text, wherever something could be kept or
// sent, and every request the browser makes.
import assert from "node:assert/strict";
import { storedEverything } from "./util.mjs";

/** A full claim code as a person types it (the app may keep only its last four characters, "GH56"). */
export const FULL_CODE = "AB12-CDEF34-GH56";
export const LAST_FOUR = "GH56";
/** Every way the full code (or more than its last four characters) could show up once normalised. */
const CODE_FORMS = ["AB12-CDEF34-GH56", "AB12CDEF34GH56", "ab12cdef34gh56", "CDEF34", "CDEF34GH56", "AB12"];
/** A line of pasted balance history with a word that appears nowhere else. */
export const HISTORY_TEXT = "2026/11/01 ギフトカード残高の利用 ZQXHISTORYSENTINEL -3,000";
const HISTORY_FORMS = ["ZQXHISTORYSENTINEL", "zqxhistorysentinel"];

/** Fails when `text` (named `where`) holds any part of the full code beyond its last four, or the history text. */
export function assertNoSecrets(text, where) {
  for (const form of [...CODE_FORMS, ...HISTORY_FORMS]) {
    assert.ok(!String(text).toLowerCase().includes(form.toLowerCase()), `${where} holds "${form}": ${text}`);
  }
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

/**
 * Hands the full code and a pasted history to the page's JS API, as a host script might. `analyzeHistory` is only
 * called where the build has it (the history analyzer is being added).
 */
export async function feedSecretsToApi(page) {
  return page.evaluate(
    ([code, history]) => {
      const api = window.GiftcardDoctor;
      const diagnosis = api.diagnose({ marketplace: "jp", cards: [{ last4: code, issued: "2016-05-01" }] }, { lang: "ja" });
      let analyzed = "not in this build";
      if (typeof api.analyzeHistory === "function") {
        try {
          analyzed = JSON.stringify(api.analyzeHistory(history, { marketplace: "jp", lang: "ja" }));
        } catch (e) {
          analyzed = `threw: ${e.message}`;
        }
      }
      return { diagnosis: JSON.stringify(diagnosis), analyzed };
    },
    [FULL_CODE, HISTORY_TEXT],
  );
}

/** Reads the clipboard of the page (the context must have been granted clipboard-read). */
export function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
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
