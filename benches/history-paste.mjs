// History paste timings for `cargo xtask bench` (issue 11 and 12), self-contained: the real page (dist/index.html)
// served from 127.0.0.1, walked to the result, then for a 1 MiB Japanese balance history (about 9,280 rows):
//   - apiMs: `GiftcardDoctor.analyzeHistory(text)` through the JS API in the same page,
//   - uiMs:  from pressing 読み取る to the report *and* its timeline drawn and painted (two animation frames),
// and for a 40 MiB paste, pasteRefusedMs: from the paste event to the refusal message painted.
// Each run uses a fresh browser context. Prints one JSON object on stdout.
//
// usage: node benches/history-paste.mjs <dist-dir> <runs>
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const { chromium } = await import(new URL("../tests/e2e/node_modules/playwright-core/index.mjs", import.meta.url));

const [distDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const server = http.createServer((req, res) => {
  const file = path.join(distDir, new URL(req.url, "http://x").pathname);
  if (!file.startsWith(distDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

/** A Japanese history, newest first, whose balances agree, as the balance page is copied with tabs: ~1 MiB. */
function japanese(bytes) {
  const yen = (v) => `${v < 0 ? "-" : ""}￥${Math.abs(v).toLocaleString("en-US")}`;
  const rows = [];
  let balance = 0;
  let size = 0;
  const day = new Date(Date.UTC(2000, 0, 1));
  for (let i = 0; size < bytes; i++) {
    const amount = i % 3 === 0 ? 5000 : -((i * 37) % 900) - 100;
    balance += amount;
    day.setUTCDate(day.getUTCDate() + 1);
    const date = `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
    const what = amount > 0 ? "ギフトカードが追加されました ギフトカード番号: xxxx-xxxxxx-W9CT" : `Amazon.co.jpの注文に適用されたギフトカード 250-${String(1000000 + i).slice(-7)}-1234567`;
    const line = `${date}\t${what}\t${yen(amount)}\t${yen(balance)}\n`;
    rows.push(line);
    size += Buffer.byteLength(line);
  }
  return { text: `日付\t利用内容\t金額\t残高\n${rows.reverse().join("")}`, rows: rows.length };
}

const oneMiB = japanese(1024 * 1024);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});

async function once() {
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => window.GiftcardDoctor && document.querySelector("[data-giftcard-doctor]")?.shadowRoot?.querySelector("input[type=radio]"));
  // To the result, where the analyzer lives: every question answered with its first choice.
  await page.evaluate(async () => {
    const root = document.querySelector("[data-giftcard-doctor]").shadowRoot;
    const until = (test) => new Promise((resolve) => { const poll = () => (test() ? resolve() : setTimeout(poll, 0)); poll(); });
    for (let i = 0; i < 30 && !root.querySelector("ol.gcd-causes li"); i++) {
      const before = root.querySelector("legend")?.textContent;
      root.querySelector("input[type=radio]").click();
      await new Promise((r) => setTimeout(r, 0));
      root.querySelector("button[type=submit]").click();
      await until(() => root.querySelector("ol.gcd-causes li") || root.querySelector("legend")?.textContent !== before);
    }
    root.querySelector(".gcd-history > summary").click();
  });
  const apiMs = await page.evaluate(([text, rows]) => {
    const t0 = performance.now();
    const report = window.GiftcardDoctor.analyzeHistory(text, { marketplace: "jp" });
    const ms = performance.now() - t0;
    if (report.rows.length !== rows) throw new Error(`${report.rows.length} of ${rows} rows read`);
    return ms;
  }, [oneMiB.text, oneMiB.rows]);
  const uiMs = await page.evaluate(async (text) => {
    const root = document.querySelector("[data-giftcard-doctor]").shadowRoot;
    const area = root.querySelector(".gcd-history textarea");
    area.value = text;
    // The pasted text is laid out and painted before the person can press the button: not part of the measure.
    void area.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const button = root.querySelector(".gcd-history .gcd-button-primary");
    const t0 = performance.now();
    button.click();
    await new Promise((resolve) => { const poll = () => (root.querySelector(".gcd-history .gcd-history-report") && root.querySelector(".gcd-history .gcd-timeline") ? resolve() : setTimeout(poll, 0)); poll(); });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, oneMiB.text);
  const pasteRefusedMs = await page.evaluate(async () => {
    const root = document.querySelector("[data-giftcard-doctor]").shadowRoot;
    root.querySelector(".gcd-history > summary").click();
    root.querySelector(".gcd-history > summary").click();
    const area = root.querySelector(".gcd-history textarea");
    const data = new DataTransfer();
    data.setData("text/plain", "x".repeat(40 * 1024 * 1024));
    const t0 = performance.now();
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    await new Promise((resolve) => { const poll = () => (root.querySelector(".gcd-history [role=alert]") ? resolve() : setTimeout(poll, 0)); poll(); });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  });
  await context.close();
  return { apiMs, uiMs, pasteRefusedMs };
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
await browser.close();
server.close();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { median: q(0.5), min: s[0], max: s[s.length - 1], n: s.length };
};
const api = stats(results.map((r) => r.apiMs));
const ui = stats(results.map((r) => r.uiMs));
console.log(JSON.stringify({
  runs,
  pasteBytes: Buffer.byteLength(oneMiB.text),
  pasteRows: oneMiB.rows,
  apiMs: api,
  uiMs: ui,
  uiOverApi: ui.median / api.median,
  pasteRefusedMs: stats(results.map((r) => r.pasteRefusedMs)),
}));
