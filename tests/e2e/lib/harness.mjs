// One browser and one static server per test file: `const env = browserAndServer();` at the top level registers the
// hooks that start them before the file's tests and close them after (and remove the offline file's copy, if
// `lib/forms.mjs` made one); use `env.browser` and `env.server`, or pass `env` to `lib/forms.mjs`.
import { after, before } from "node:test";
import { launch } from "./browser.mjs";
import { removeOfflineCopy } from "./forms.mjs";
import { startServer } from "./server.mjs";

export function browserAndServer() {
  const env = { browser: undefined, server: undefined };
  before(async () => {
    [env.browser, env.server] = await Promise.all([launch(), startServer()]);
  });
  after(async () => {
    try {
      await env.browser?.close();
      await env.server?.close();
    } finally {
      await removeOfflineCopy();
    }
  });
  return env;
}
