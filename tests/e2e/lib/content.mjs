// The product's words, read from the content files (static/content/*.toml) so the tests find questions, choices and
// buttons by the same text a person reads, and keep working when an author rewords a sentence. Only the regular
// shapes those files use are read (`key = "…"`, `label = { ja = "…", en = "…" }`); the build checks the rest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { E2E } from "./paths.mjs";

const CONTENT = join(E2E, "../../static/content");
const STR = String.raw`"((?:[^"\\]|\\.)*)"`;

function unquote(s) {
  return JSON.parse(`"${s}"`);
}

function pair(text, where) {
  const ja = new RegExp(String.raw`\bja = ${STR}`).exec(text);
  const en = new RegExp(String.raw`\ben = ${STR}`).exec(text);
  if (!ja || !en) throw new Error(`content: no ja/en pair in ${where}`);
  return { ja: unquote(ja[1]), en: unquote(en[1]) };
}

function readUi() {
  const ui = {};
  const line = new RegExp(String.raw`^text\.(\w+) = (\{.*\})\s*$`, "gm");
  for (const m of readFileSync(join(CONTENT, "ui.toml"), "utf8").matchAll(line)) ui[m[1]] = pair(m[2], `ui.toml text.${m[1]}`);
  return ui;
}

function readQuestions(ui) {
  const source = readFileSync(join(CONTENT, "questions.toml"), "utf8");
  const questions = new Map();
  for (const block of source.split(/^\[\[question\]\]\s*$/m).slice(1)) {
    const field = (name) => new RegExp(String.raw`^${name} = ${STR}`, "m").exec(block)?.[1];
    const id = field("id");
    const kind = field("kind");
    const textBlock = /^\[question\.text\]\n([^[]*)/m.exec(block)?.[1] ?? "";
    let choices = [];
    if (kind === "tri") {
      choices = [
        { value: "yes", label: ui.yes },
        { value: "no", label: ui.no },
      ];
    } else if (kind === "choice") {
      const choice = new RegExp(String.raw`value = ${STR}\nlabel = (\{.*\})`, "g");
      choices = [...block.matchAll(choice)].map((m) => ({ value: unquote(m[1]), label: pair(m[2], `question ${id}`) }));
    }
    // The engine adds "I don't know" to every question.
    choices.push({ value: "unsure", label: ui.dont_know });
    questions.set(id, { id, fact: field("fact"), kind, text: pair(textBlock, `question ${id}`), choices });
  }
  return questions;
}

/** `ui.next.ja` → "次へ"; every `text.*` key of ui.toml. */
export const UI = readUi();
/** Questions by id, in the order they are considered, with their choices (including "I don't know"). */
export const QUESTIONS = readQuestions(UI);

/** The question whose text (in `lang`) is `text`. */
export function questionByText(text, lang) {
  for (const q of QUESTIONS.values()) if (q.text[lang] === text.trim()) return q;
  return undefined;
}

/** The label of a question's choice in a language. */
export function choiceLabel(questionId, value, lang) {
  const q = QUESTIONS.get(questionId);
  const choice = q?.choices.find((c) => c.value === value);
  if (!choice) throw new Error(`content: question ${questionId} has no choice ${value}`);
  return choice.label[lang];
}
