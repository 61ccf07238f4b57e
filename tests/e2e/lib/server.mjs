// A static file server on 127.0.0.1 (random port) for the end-to-end tests: serves the release build (`dist/`) at
// `/` and under a deep sub-path, and the host-page fixtures, gzip-compressed when the browser asks for it, the way
// a real web server would. Every request it answers is recorded.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST, FIXTURES } from "./paths.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};

/** Where the help-article fixtures expect the widget: a deep sub-path, as on a real help site. */
export const DEEP_PATH = "/help/articles/giftcard/";

/**
 * Starts the server. `mounts` maps URL prefixes (ending in `/`) to folders; the longest matching prefix wins.
 * `headers(path)` may add response headers (e.g. a CSP header, which a `<meta>` cannot carry for `frame-ancestors`).
 * Resolves to `{ origin, url(path), requests, pages, close() }`; `requests` lists every request path in order; a
 * test may put an HTML text at a path in `pages` (served as is, before the folders: a host page made up for a test,
 * from a real 127.0.0.1 address, which Chromium treats as local unlike a page fulfilled by a route).
 */
export async function startServer(
  mounts = { "/": DIST, [DEEP_PATH]: DIST, "/help/articles/": FIXTURES },
  { headers: extraHeaders = () => ({}) } = {},
) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const requests = [];
  const pages = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    try {
      if (pages.has(path) && req.method === "GET") {
        const body = Buffer.from(pages.get(path));
        res.writeHead(200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-store", "Content-Length": body.length });
        res.end(body);
        return;
      }
      const prefix = prefixes.find((p) => path.startsWith(p));
      if (!prefix || req.method !== "GET") throw Object.assign(new Error("not here"), { code: "ENOENT" });
      const root = resolve(mounts[prefix]);
      let file = normalize(join(root, path.slice(prefix.length)));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const headers = {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-store",
        Vary: "Accept-Encoding",
        ...extraHeaders(path),
      };
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        body = gzipSync(body);
        headers["Content-Encoding"] = "gzip";
      }
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" || e.code === "EISDIR" ? 404 : 500, { "Content-Type": "text/plain" });
      res.end(e.code === "ENOENT" ? "not found" : String(e));
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (p = "/") => new URL(p, origin).href,
    requests,
    pages,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
