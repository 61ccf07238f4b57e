// Browser timings for `cargo xtask bench`: the real page (dist/index.html) side by side with the static floor
// (benches/static.html, every question in its markup), both served gzip-compressed (GNU gzip -9) from 127.0.0.1, each run in a
// fresh browser context (empty cache); then the first question again on an emulated 3G link (CDP: 150 ms latency,
// 1.6 Mbit/s down, 750 kbit/s up); then a slow phone (that link and the CPU slowed 4× by CDP): the first question, the
// moment the app has taken over (answers go to the wasm: its `gcd:started` mark) and each answer's latency, beside the
// static floor in the same run. Also the wasm's linear memory beside the JS heap (`JSHeapUsedSize` leaves the
// wasm memory out). Prints one JSON object on stdout.
//
// usage: node benches/browser.mjs <dist-dir> <runs>
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";

const { chromium } = await import(new URL("../tests/e2e/node_modules/playwright-core/index.mjs", import.meta.url));

const [distDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 15);
const benchDir = path.dirname(new URL(import.meta.url).pathname);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

const cache = new Map();
function gzipped(file) {
  // GNU gzip -9, the same bytes `cargo xtask sizes` counts (Node's zlib differs from it by under 0.1%).
  if (!cache.has(file)) cache.set(file, execFileSync("gzip", ["-9", "-n", "-c", file], { maxBuffer: 1 << 26 }));
  return cache.get(file);
}
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const file = url.pathname === "/static.html" ? path.join(benchDir, "static.html") : path.join(distDir, url.pathname.replace(/^\/app\//, "/"));
  if (!file.startsWith(distDir) && !file.startsWith(benchDir)) return res.writeHead(403).end();
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "content-encoding": "gzip", "cache-control": "no-store" });
  res.end(gzipped(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// Records when the first question's legend and a radio are there to see (inside the widget's shadow root or the
// page): rendered, not merely in the DOM (`checkVisibility`), so a hidden pre-render does not count.
const watch = () => {
  const root = () => document.querySelector("[data-giftcard-doctor]")?.shadowRoot ?? document;
  const seen = (el) => el && (typeof el.checkVisibility !== "function" || el.checkVisibility());
  const tick = () => {
    const r = root();
    if (seen(r.querySelector("legend")) && seen(r.querySelector("input[type=radio]"))) window.__firstQuestion = performance.now();
    else setTimeout(tick, 0);
  };
  tick();
};

// Answers the fixed path in the page and returns ms from the first click to the result list.
const walk = async (answers) => {
  const root = () => document.querySelector("[data-giftcard-doctor]")?.shadowRoot ?? document;
  const until = (test) => new Promise((resolve) => { const poll = () => (test() ? resolve() : setTimeout(poll, 0)); poll(); });
  const t0 = performance.now();
  for (const value of answers) {
    const before = root().querySelector("legend")?.textContent;
    root().querySelector(`input[type=radio][value="${value}"]`).click();
    await new Promise((r) => setTimeout(r, 0));
    root().querySelector("button[type=submit]").click();
    await until(() => root().querySelector("ol.gcd-causes li") || root().querySelector("legend")?.textContent !== before);
  }
  await until(() => root().querySelector("ol.gcd-causes li"));
  return performance.now() - t0;
};

/** Init script: remembers the memory of the wasm instance the page makes (the glue does not expose it). */
const keepMemory = () => {
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    // Not the LZMA decoder's own instance (it unpacks the app's wasm first): it exports `lzma_decode`.
    if ("lzma_decode" in instance.exports) return result;
    for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) window.__gcdMemory = v;
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(keep);
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = (...args) => streaming.apply(WebAssembly, args).then(keep);
};

/** An emulated 3G link, as in the issue: 150 ms latency, 1.6 Mbit/s down. */
const THREE_G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** The first question only, on the emulated 3G link. */
async function firstOn3g(kind) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", THREE_G);
  await page.addInitScript(watch);
  await page.goto(kind === "app" ? `${origin}/app/index.html` : `${origin}/static.html`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 60000 });
  const first = await page.evaluate(() => window.__firstQuestion);
  await context.close();
  return { first };
}

/** Answers the fixed path in the page and returns each answer's ms, from the click to the next question or result. */
const steps = async (answers) => {
  const root = () => document.querySelector("[data-giftcard-doctor]")?.shadowRoot ?? document;
  const until = (test) => new Promise((resolve) => { const poll = () => (test() ? resolve() : setTimeout(poll, 0)); poll(); });
  const times = [];
  for (const value of answers) {
    if (root().querySelector("ol.gcd-causes li")) break;
    const before = root().querySelector("legend")?.textContent;
    const t0 = performance.now();
    root().querySelector(`input[type=radio][value="${value}"]`).click();
    root().querySelector("button[type=submit]").click();
    await until(() => root().querySelector("ol.gcd-causes li") || root().querySelector("legend")?.textContent !== before);
    times.push(performance.now() - t0);
  }
  return times;
};

/** A slow phone: the 3G link and the CPU slowed 4×; the first question, the app's takeover, each answer. */
async function slowPhone(kind) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", THREE_G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(watch);
  await page.goto(kind === "app" ? `${origin}/app/index.html` : `${origin}/static.html`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 120000 });
  const first = await page.evaluate(() => window.__firstQuestion);
  let live = null;
  if (kind === "app") {
    await page.waitForFunction(() => performance.getEntriesByName("gcd:started").length > 0, null, { timeout: 120000 });
    live = await page.evaluate(() => performance.getEntriesByName("gcd:started")[0].startTime);
  } else {
    // The static floor is live once its document has loaded (its script is inline and tiny).
    live = await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd || performance.now());
  }
  const answers = kind === "app" ? await page.evaluate(steps, ["jp", "all", "yes"]) : [];
  await context.close();
  return { first, live, liveAfterFirst: live - first, answers };
}

async function once(kind) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watch);
  await page.addInitScript(keepMemory);
  await page.goto(kind === "app" ? `${origin}/app/index.html` : `${origin}/static.html`);
  await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 30000 });
  const first = await page.evaluate(() => window.__firstQuestion);
  const result = await page.evaluate(walk, ["jp", "all", "yes"]);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? null;
  // The wasm's linear memory, kept by `keepMemory` when the instance was made.
  const wasmMemory = kind === "app" ? await page.evaluate(() => window.__gcdMemory?.buffer.byteLength ?? null) : null;
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd };
  });
  await context.close();
  if (process.env.GCD_BENCH_DEBUG) console.error(kind, JSON.stringify({ first, nav, marks }));
  return { first, result, heap, wasmMemory, marks };
}

const out = { runs, app: [], static: [], app3g: [], static3g: [], appSlow: [], staticSlow: [] };
for (let i = 0; i < runs; i++) {
  // Alternate the order so neither page always runs on a warmer machine.
  for (const kind of i % 2 ? ["static", "app"] : ["app", "static"]) out[kind].push(await once(kind));
}
for (let i = 0; i < runs; i++) {
  for (const kind of i % 2 ? ["static", "app"] : ["app", "static"]) out[`${kind}3g`].push(await firstOn3g(kind));
}
for (let i = 0; i < runs; i++) {
  for (const kind of i % 2 ? ["static", "app"] : ["app", "static"]) out[`${kind}Slow`].push(await slowPhone(kind));
}
await browser.close();
server.close();

const stats = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { median: q(0.5), p25: q(0.25), p75: q(0.75), min: s[0], max: s[s.length - 1], n: s.length };
};
const pick = (kind, f) => stats(out[kind].map(f));
const m = (r, a, b) => (r.marks[b] ?? NaN) - (r.marks[a] ?? NaN);
console.log(JSON.stringify({
  runs,
  firstQuestionMs: { app: pick("app", (r) => r.first), static: pick("static", (r) => r.first) },
  firstQuestion3gMs: { app: pick("app3g", (r) => r.first), static: pick("static3g", (r) => r.first) },
  resultMs: { app: pick("app", (r) => r.result), static: pick("static", (r) => r.result) },
  slowPhone: {
    firstQuestionMs: { app: pick("appSlow", (r) => r.first), static: pick("staticSlow", (r) => r.first) },
    liveAfterFirstQuestionMs: { app: pick("appSlow", (r) => r.liveAfterFirst) },
    // The app's answers only: the static floor shows every question at once and has nothing to wait for.
    answerMs: { app: stats(out.appSlow.flatMap((r) => r.answers)) },
  },
  jsHeapBytes: { app: pick("app", (r) => r.heap), static: pick("static", (r) => r.heap) },
  wasmMemoryBytes: { app: pick("app", (r) => r.wasmMemory) },
  wasm: {
    unpackAndCompileMs: pick("app", (r) => m(r, "gcd:loaded", "gcd:compiled")),
    instantiateAndRenderMs: pick("app", (r) => m(r, "gcd:compiled", "gcd:started")),
  },
}));
