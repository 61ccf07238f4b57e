// Helpers for the delivery tests (isolation, fallback, integrity): hashes of the built files, host pages made up
// on the fly for a test, and the fallback's look-up.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "./paths.mjs";

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

/** A phrase of the fallback's message in each language (xtask/templates/fallback.toml). */
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
