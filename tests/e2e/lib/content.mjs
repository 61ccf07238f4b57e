// The product's words, from the content the build validated and embedded (static/content/*.toml → crates/core's
// build.rs), written as JSON by `cargo run -p giftcard-doctor-core --example content_json`, so the tests find
// questions, choices and buttons by the same text a person reads, and keep working when an author rewords a
// sentence. `cargo xtask test` writes it to target/e2e-content.json before the browser tests and passes its path in
// `GCD_CONTENT`; run by hand, the file is written here when it is missing.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { E2E } from "./paths.mjs";

const ROOT = resolve(E2E, "../..");
const FILE = resolve(process.env.GCD_CONTENT ?? join(ROOT, "target/e2e-content.json"));

function load() {
  if (!existsSync(FILE)) {
    const args = ["run", "--quiet", "-p", "giftcard-doctor-core", "--example", "content_json", "--", FILE];
    execFileSync(process.env.CARGO ?? "cargo", args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  }
  return JSON.parse(readFileSync(FILE, "utf8"));
}

const RAW = load();

/** The texts around the widget (static/content/page.toml): `{ page: { title, h1, description, failed }, noscript, fallback }`. */
export const PAGE_TEXTS = RAW.page;

/** `ui.next.ja` → "次へ"; every `text.*` key of ui.toml. */
export const UI = RAW.ui.text;

/** Questions by id, in the order they are considered, with their choices (including "I don't know"). */
export const QUESTIONS = new Map(
  RAW.questions.question.map((q) => {
    let choices = [];
    if (q.kind === "tri") {
      choices = [
        { value: "yes", label: UI.yes },
        { value: "no", label: UI.no },
      ];
    } else if (q.kind === "choice") {
      choices = q.choices.map((c) => ({ value: c.value, label: c.label }));
    }
    // The engine adds "I don't know" to every question.
    choices.push({ value: "unsure", label: UI.dont_know });
    return [q.id, { id: q.id, fact: q.fact, kind: q.kind, text: q.text, choices }];
  }),
);

/** Causes by id, with their titles (`{ ja, en }`). */
export const CAUSES = new Map(RAW.causes.cause.map((c) => [c.id, c]));

/**
 * The forms of a text a person may read in `lang`: the Japanese, or the English in each marketplace's voice (US `en`,
 * British `en_gb`, Indian `en_in`, present only where a text differs).
 */
export function forms(text, lang) {
  return lang === "en" ? [text.en, text.en_gb, text.en_in].filter(Boolean) : [text[lang]];
}

/** The question whose text (in `lang`, in any English) is `text`. */
export function questionByText(text, lang) {
  for (const q of QUESTIONS.values()) if (forms(q.text, lang).includes(text.trim())) return q;
  return undefined;
}

/** The label of a question's choice in a language. */
export function choiceLabel(questionId, value, lang) {
  const q = QUESTIONS.get(questionId);
  const choice = q?.choices.find((c) => c.value === value);
  if (!choice) throw new Error(`content: question ${questionId} has no choice ${value}`);
  return choice.label[lang];
}
