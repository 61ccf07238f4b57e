// Launching Debian's Chromium through playwright-core (Playwright's own browser download is not used).
import { chromium } from "playwright-core";

const EXECUTABLE = process.env.GCD_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches a headless Chromium; close it in an `after` hook. */
export function launch() {
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS, headless: true });
}

/**
 * A headless Chromium with a profile on disk (`dir`), as one context: what Chromium's installability check needs (it
 * refuses the incognito-like contexts of `launch()`). Close the context in an `after` hook.
 */
export function launchPersistent(dir, options = {}) {
  return chromium.launchPersistentContext(dir, { executablePath: EXECUTABLE, args: ARGS, headless: true, ...options });
}

/** Viewports used for screenshots and layout checks. */
export const VIEWPORTS = {
  phone: { width: 375, height: 740 },
  narrow: { width: 320, height: 740 },
  desktop: { width: 1280, height: 900 },
};

/**
 * A fresh context (own storage, own cookies). `lang` sets the browser's languages (`ja` or `en`), so the widget's
 * language detection is exercised unless the page says otherwise.
 */
export function newContext(browser, { lang = "ja", colorScheme = "light", viewport = VIEWPORTS.desktop, ...rest } = {}) {
  return browser.newContext({
    locale: lang === "en" ? "en-US" : "ja-JP",
    colorScheme,
    viewport,
    reducedMotion: "reduce",
    ...rest,
  });
}
