// Makes the installed page's PNG icons from their one source, `static/icons/icon.svg`, with the same Chromium the
// tests drive, and writes them beside it (they are committed; dist copies them):
//
//   cd tests/e2e && node tools/icons.mjs
//
// - icon-192.png, icon-512.png: the SVG as drawn (rounded corners, transparent outside them), for `purpose: any`;
// - icon-maskable-512.png: the SVG at 66 % on a full square of its own blue, so a launcher's mask (a circle, a
//   squircle) cuts only background: the drawing's farthest point (the handle's rounded end, 305 px from the centre
//   at 100 %) is 201 px out at 66 %, inside the spec's safe zone, a circle of 40 % of the size (205 px);
// - apple-touch-icon.png (180): the maskable form, since iOS rounds the corners itself and shows transparency black.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "../lib/browser.mjs";

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../static/icons");
const svg = await readFile(join(DIR, "icon.svg"), "utf8");
const background = svg.match(/<rect width="512" height="512" rx="\d+" fill="(#[0-9a-f]{6})"/)?.[1];
if (!background) throw new Error("icon.svg: the first shape is no longer the 512×512 background square");
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;

const OUT = [
  { file: "icon-192.png", size: 192, scale: 1, fill: "transparent" },
  { file: "icon-512.png", size: 512, scale: 1, fill: "transparent" },
  { file: "icon-maskable-512.png", size: 512, scale: 0.66, fill: background },
  { file: "apple-touch-icon.png", size: 180, scale: 0.66, fill: background },
];

const browser = await launch();
try {
  for (const { file, size, scale, fill } of OUT) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const inner = Math.round(size * scale);
    await page.setContent(
      `<body style="margin:0;width:${size}px;height:${size}px;background:${fill};display:grid;place-items:center">` +
        `<img src="${src}" width="${inner}" height="${inner}" alt=""></body>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    await writeFile(join(DIR, file), await page.screenshot({ omitBackground: fill === "transparent" }));
    await page.close();
    console.log(`static/icons/${file}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
