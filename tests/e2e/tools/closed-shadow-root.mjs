// Measures what a closed shadow root would cost and give (`node tools/closed-shadow-root.mjs` in tests/e2e): whether
// Playwright and axe-core still see inside, and whether a key logger of the host page still reads what is typed.
import { launch } from "../lib/browser.mjs";
import { AxeBuilder } from "@axe-core/playwright";
const browser = await launch();
for (const mode of ["open", "closed"]) {
  const context = await browser.newContext(); const page = await context.newPage();
  await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main><div id="host"></div></main>
  <script>
    window.keys = [];
    document.addEventListener("keydown", (e) => window.keys.push(e.key), true);
    const root = document.getElementById("host").attachShadow({ mode: "${mode}" });
    // An unlabelled field (an axe violation) and a labelled button, as a widget might have.
    root.innerHTML = '<input type="text"><button>Next</button>';
  </script></body></html>`);
  const found = await page.getByRole("button", { name: "Next" }).count();
  const { violations } = await new AxeBuilder({ page }).analyze();
  await page.keyboard.press("Tab");
  await page.keyboard.type("ABCD");
  const keys = await page.evaluate(() => window.keys.join(""));
  console.log(JSON.stringify({ mode, playwrightFindsButton: found, axeViolations: violations.map((v) => v.id), hostKeyLogger: keys }));
  await context.close();
}
await browser.close();
