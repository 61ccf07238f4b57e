// Where the release build and the fixtures are. `GCD_DIST` is set by `cargo xtask test`; by hand, the repository's
// `dist/` is used.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The e2e folder (tests/e2e). */
export const E2E = resolve(here, "..");
/** The release build under test. */
export const DIST = resolve(process.env.GCD_DIST ?? join(E2E, "../../dist"));
/** Host-page fixtures. */
export const FIXTURES = join(E2E, "fixtures");
/** The balance-history samples the core's tests read too (crates/core/tests/fixtures/history). */
export const SAMPLES = join(E2E, "../../crates/core/tests/fixtures/history");
/** One history sample's text. */
export const sample = (name) => readFileSync(join(SAMPLES, name), "utf8");
/** Where screenshots go (committed, so a person can look at them). */
export const SCREENSHOTS = join(E2E, "screenshots");

if (!existsSync(join(DIST, "index.html"))) {
  throw new Error(`no release build at ${DIST}: run \`cargo xtask dist\` first (or set GCD_DIST)`);
}
