// Helpers for the delivery tests (isolation, fallback, integrity, offline): hashes of the built files, host pages
// made up on the fly for a test, the fallback's look-up, a file opened with the network off, the frame's height.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "./paths.mjs";
import { eventually } from "./util.mjs";

/** The built file's bytes. */
export function distFile(name) {
  return readFileSync(join(DIST, name));
}

/** Subresource Integrity (sha384) of bytes. */
export function sri(bytes) {
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

/** The embed script's tag, as EMBED.md gives it (with this build's hash). */
export function embedTag(src) {
  return `<script src="${src}" integrity="${sri(distFile("embed.js"))}" crossorigin="anonymous"></script>`;
}

/** A minimal host article around `body`, served by `server` at `path`; resolves to its URL. */
export function serveHostPage(server, path, body, { lang = "ja" } = {}) {
  server.pages.set(
    path,
    `<!doctype html>
<html lang="${lang}">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Host article</title></head>
  <body><main><h1>Host article</h1>${body}</main></body>
</html>`,
  );
  return server.url(path);
}

/** A phrase of the fallback's message in each language (static/content/page.toml's `fallback`). */
export const FALLBACK_PHRASE = { ja: "起動できませんでした", en: "could not start" };
/** A phrase of the panic message in each language (ui.toml `failed`). */
export const FAILED_PHRASE = { ja: "回答は保存されています", en: "Your answers are still saved" };

/** What a mount point shows instead of the widget: its fallback section, as plain data. */
export function fallbackOf(host) {
  return host.evaluate((el) => {
    const box = el.querySelector(".gcd-fallback");
    if (!box) return null;
    return {
      role: box.getAttribute("role"),
      lang: box.lang,
      text: box.textContent,
      checks: [...box.querySelectorAll("ol > li")].map((li) => li.textContent),
      link: box.querySelector("a")?.href ?? null,
      visible: box.getBoundingClientRect().height > 0,
      // The widget (or its pre-rendered first screen) is on show: mounted, or a shadow root holding anything but
      // the slot through which the fallback shows.
      widget: el.gcdMounted === true || !!el.shadowRoot?.querySelector(":not(slot)"),
    };
  });
}

/**
 * Whether the running app styled its widget in `host` (a mount point's locator): the shadow root adopted the widget's
 * stylesheet (the wasm has no copy of its own and takes the loader's, src/mount.rs `sheet`) and the widget's box has
 * widget.css's rounded border.
 */
export function appStyled(host) {
  return host.evaluate((el) => {
    const root = el.shadowRoot;
    const box = root?.querySelector(".gcd-host > .gcd");
    return (
      el.gcdMounted === true &&
      root.adoptedStyleSheets.some((sheet) => sheet.cssRules.length > 50) &&
      !!box &&
      getComputedStyle(box).borderTopLeftRadius === "10px"
    );
  });
}

/**
 * Opens `file` (a file: URL) in `context` with the network off and every request refused but those starting with
 * `allow` (by default any file:). Returns the page, every request made, those refused, and the page's errors.
 */
export async function openFromDisk(context, file, { allow = "file:" } = {}) {
  await context.setOffline(true);
  const requests = [];
  const refused = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith(allow)) return route.continue();
    refused.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(file);
  return { page, requests, refused, errors };
}

/**
 * The isolated frame follows its content: as tall as `contentHeight()` (evaluated in the frame) on the first
 * question, taller for the result of a fixed walk, shorter again after restarting. `w` is the widget in the frame.
 */
export async function assertFrameFollowsContent(iframe, frame, w, contentHeight) {
  const heights = async () => ({
    frame: await iframe.evaluate((el) => el.clientHeight),
    content: await frame.evaluate(contentHeight),
  });
  const fits = async () => {
    const h = await heights();
    assert.ok(Math.abs(h.frame - h.content) <= 2, `the frame (${h.frame}px) is as tall as its content (${h.content}px)`);
    return h.frame;
  };
  const question = await eventually(fits);
  await w.walk({ marketplace: "jp", loss: "all", multiple_accounts: "yes", card_issued: "2016-05-01" }, { fallback: "no" });
  await w.causes();
  const result = await eventually(async () => {
    const h = await fits();
    assert.ok(h > question, `taller for the result (${h}px) than for the question (${question}px)`);
    return h;
  });
  await w.button("restart").click();
  await w.button("restart_yes").click();
  await w.expectQuestion("marketplace");
  await eventually(async () => {
    const h = await fits();
    assert.ok(h < result, `shorter again after restarting (${h}px, result was ${result}px)`);
  });
}
