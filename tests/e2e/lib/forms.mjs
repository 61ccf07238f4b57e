// The three delivery forms as one table, so that a behaviour is one test run over all of them (issue 21.6):
// the standalone page over http, the widget embedded in a host article (the snippet EMBED.md gives: a
// `data-giftcard-doctor` mount point and `embed.js` from the deep sub-path, with its hash), and the offline file
// copied to a temporary folder and opened from file:// with the network off and every other request refused.
//
// A state a test needs is reached from a share link (`#gcd?key=value&…`, the answers as facts; the app reads it
// from the page's own address in each form) instead of a walk, unless the walk is what the test is about.
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { newContext, VIEWPORTS } from "./browser.mjs";
import { embedTag, openFromDisk, serveHostPage } from "./delivery.mjs";
import { DIST } from "./paths.mjs";
import { DEEP_PATH } from "./server.mjs";
import { Widget } from "./widget.mjs";

/** The forms, each with the name a test's title uses. */
export const FORMS = [
  { id: "standalone", name: "standalone page" },
  { id: "embedded", name: "embedded in a host article" },
  { id: "offline", name: "offline file from file://" },
];

const OFFLINE_NAME = "giftcard-doctor-offline.html";
let offlineDir;

/**
 * The offline file's `file:` URL: `dist/`'s copied once per test file to a temporary folder of its own, as a person
 * saves it (removed by `removeOfflineCopy`, which the harness's `after` hook calls).
 */
export async function offlineCopy() {
  if (!offlineDir) {
    offlineDir = await mkdtemp(join(tmpdir(), "gcd-form-"));
    await copyFile(join(DIST, OFFLINE_NAME), join(offlineDir, OFFLINE_NAME));
  }
  return pathToFileURL(join(offlineDir, OFFLINE_NAME)).href;
}

/** Removes the offline copy, if a test made one (the harness's `after` hook calls it). */
export async function removeOfflineCopy() {
  if (offlineDir) await rm(offlineDir, { recursive: true, force: true });
  offlineDir = undefined;
}

/** A share link's fragment for `facts` (`{ marketplace: "jp", loss: "all" }` → `#gcd?marketplace=jp&loss=all`). */
export function shareFragment(facts) {
  if (!facts) return "";
  return `#gcd?${Object.entries(facts).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}`;
}

/**
 * Opens `form` (an id of `FORMS`) in a fresh context in the browser's language `lang`, at the state of `facts` when
 * given, and waits for the widget. Returns `{ context, page, w, errors, requests, refused }`: the page's uncaught
 * errors, every request after the context opened, and every request that left the form's own ground and was refused
 * (over http anything but the test server's origin; offline anything but the file itself), so a test's
 * `assert.deepEqual(refused, [])` fails on any request elsewhere, in each form.
 */
export async function openForm(env, form, { lang = "ja", facts, viewport = VIEWPORTS.desktop, colorScheme = "light" } = {}) {
  const context = await newContext(env.browser, { lang, viewport, colorScheme });
  try {
    const fragment = shareFragment(facts);
    let opened;
    if (form === "offline") {
      const file = await offlineCopy();
      opened = await openFromDisk(context, file + fragment, { allow: file });
    } else {
      const requests = [];
      const refused = [];
      const origin = new URL(env.server.url("/")).origin;
      context.on("request", (r) => requests.push(r.url()));
      await context.route("**/*", (route) => {
        if (new URL(route.request().url()).origin === origin) return route.continue();
        refused.push(route.request().url());
        return route.abort("blockedbyclient");
      });
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e));
      let url;
      if (form === "standalone") url = env.server.url("/index.html");
      else if (form === "embedded") {
        url = serveHostPage(
          env.server,
          `/help/articles/form-${lang}.html`,
          `<div data-giftcard-doctor data-lang="${lang}"></div>${embedTag(env.server.url(`${DEEP_PATH}embed.js`))}`,
          { lang },
        );
      } else throw new Error(`no delivery form ${form}`);
      await page.goto(url + fragment);
      opened = { page, requests, refused, errors };
    }
    const scope = form === "embedded" ? opened.page.locator("[data-giftcard-doctor]") : opened.page;
    const w = new Widget(scope, lang);
    await w.ready();
    return { context, w, ...opened };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/**
 * `openForm` at the result for `facts`, answering whatever the wizard still asks with `fallback`: the state a test
 * needs without walking to it question by question.
 */
export async function openResultIn(env, form, facts, { fallback = "no", ...options } = {}) {
  const opened = await openForm(env, form, { facts, ...options });
  try {
    await opened.w.walk({}, { fallback });
    await opened.w.resultHeading.waitFor();
    return opened;
  } catch (e) {
    await opened.context.close();
    throw e;
  }
}

/** The standalone page, fresh (`openForm(env, "standalone", options)`). */
export const openStandalone = (env, options) => openForm(env, "standalone", options);

/** The standalone page at the result for `facts` (`openResultIn(env, "standalone", facts, options)`). */
export const openResult = (env, facts, options) => openResultIn(env, "standalone", facts, options);
