// A page object for one widget, finding things the way a person does: questions by their text (the fieldset's
// legend), choices and buttons by role and accessible name, in the widget's current language. Works on a page, on a
// host element (Playwright's locators pierce open shadow roots) or on an iframe's FrameLocator.
import { QUESTIONS, UI, choiceLabel, forms, questionByText } from "./content.mjs";

const other = (lang) => (lang === "ja" ? "en" : "ja");

export class Widget {
  /**
   * @param scope a Page, a Locator for the `[data-giftcard-doctor]` host, or a FrameLocator
   * @param lang the language the widget is expected to show
   */
  constructor(scope, lang = "ja") {
    this.scope = scope;
    this.lang = lang;
  }

  /** A UI text (ui.toml `text.<key>`) in the widget's language. */
  t(key) {
    const text = UI[key];
    if (!text) throw new Error(`no ui text ${key}`);
    return text[this.lang];
  }

  button(key) {
    return this.scope.getByRole("button", { name: this.t(key), exact: true });
  }

  get title() {
    // Level 2: our own pages' h1 (for screen readers) carries the product's name too.
    return this.scope.getByRole("heading", { name: this.t("app_title"), exact: true, level: 2 });
  }
  /** The current question's legend (the question text as shown). */
  get legend() {
    return this.scope.locator("legend");
  }
  get resultHeading() {
    return this.scope.getByRole("heading", { name: this.t("result_heading"), exact: true });
  }
  get next() {
    return this.button("next");
  }
  get back() {
    return this.button("back");
  }
  get languageSwitch() {
    return this.scope.getByRole("button", { name: UI.language_switch[other(this.lang)], exact: true });
  }
  /** The date question's typed fallback. */
  get typedDate() {
    return this.scope.getByRole("textbox", { name: this.t("date_typed") });
  }
  /** The ranked causes, in order. */
  get causeItems() {
    return this.scope.locator("li[data-cause]");
  }
  get progressText() {
    return this.scope.getByText(new RegExp(this.t("progress_step").replace(/\{current\}|\{total\}/g, "\\d+").replace(/[()]/g, "\\$&")));
  }

  /** The group (fieldset) of a question, by the question's text. */
  group(questionId) {
    const names = forms(QUESTIONS.get(questionId).text, this.lang);
    if (names.length === 1) return this.scope.getByRole("group", { name: names[0], exact: true });
    // A text with a British or Indian English form: whichever the marketplace shows.
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return this.scope.getByRole("group", { name: new RegExp(`^(?:${escaped.join("|")})$`) });
  }

  /** The radio of a question's choice, by its label. */
  radio(questionId, value) {
    return this.scope.getByRole("radio", { name: choiceLabel(questionId, value, this.lang), exact: true });
  }

  /** Waits until a question or the result shows. */
  async ready() {
    await this.legend.or(this.resultHeading).first().waitFor();
  }

  /** The question shown (from `QUESTIONS`), or null when the result shows. */
  async current() {
    await this.ready();
    if (await this.resultHeading.isVisible()) return null;
    const text = await this.legend.innerText();
    const q = questionByText(text, this.lang);
    if (!q) throw new Error(`a question the content does not have (lang ${this.lang}): ${text}`);
    return q;
  }

  /** Waits until the given question shows. */
  async expectQuestion(questionId) {
    await this.group(questionId).waitFor();
  }

  /**
   * Answers the question shown with the mouse: a choice's value (`yes`, `jp`, `unsure`), or for the date question
   * a date as a person types it. Waits until the question has gone.
   */
  async answer(value) {
    const q = await this.current();
    if (!q) throw new Error(`answer(${value}): the result is showing, not a question`);
    if (q.kind === "date") {
      // A walk's fallback ("no", "unsure") on the date question is "I don't know".
      if (value === "unsure" || value === "no") await this.button("dont_know").click();
      else {
        await this.typedDate.fill(value);
        // The sureness starts unchosen (a guess otherwise): a test's full date is one the person checked.
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) await this.scope.getByRole("radio", { name: this.t("date_precision_exact") }).check();
        await this.next.click();
      }
    } else {
      await this.radio(q.id, value).check();
      await this.next.click();
    }
    await this.group(q.id).waitFor({ state: "hidden" });
    return q.id;
  }

  /**
   * Answers questions until the result: `plan` maps question ids to answers; any other question is answered
   * `fallback` ("I don't know"). Returns the ids of the questions asked, in order.
   */
  async walk(plan = {}, { fallback = "unsure", max = 24 } = {}) {
    const asked = [];
    for (let i = 0; i < max; i++) {
      const q = await this.current();
      if (!q) return asked;
      asked.push(await this.answer(plan[q.id] ?? fallback));
    }
    throw new Error(`no result after ${max} questions: ${asked.join(", ")}`);
  }

  /** The ranked causes shown, in order: `[{ id, band }]`. */
  async causes() {
    await this.resultHeading.waitFor();
    return this.causeItems.evaluateAll((items) => items.map((li) => ({ id: li.dataset.cause, band: li.dataset.band })));
  }

  /** The card list's panel and its form, found by the texts a person reads. */
  cardPanel() {
    const code = this.scope.getByLabel(this.t("card_code"));
    return {
      /** Opens the panel unless it is open already (it opens by itself once a card is listed). */
      open: async () => {
        if (!(await code.isVisible())) await this.scope.getByText(this.t("cards_heading"), { exact: true }).click();
        await code.waitFor();
      },
      code,
      issued: this.scope.getByLabel(this.t("card_issued")),
      amount: this.scope.getByRole("textbox", { name: this.t("card_amount"), exact: true }),
      add: this.scope.getByRole("button", { name: this.t("card_add"), exact: true }),
      items: this.scope.locator(".gcd-card-item"),
      calendar: this.scope.getByRole("button", { name: this.t("calendar_button"), exact: true }),
      panel: this.scope.locator(".gcd-cards"),
    };
  }

  /** The balance-history panel: the paste box, its buttons, the report and the report's list of rows read. */
  historyPanel() {
    const report = this.scope.locator(".gcd-history-report");
    const area = this.scope.getByLabel(this.t("history_paste"));
    return {
      open: async () => {
        if (!(await area.isVisible())) await this.scope.getByText(this.t("history_heading"), { exact: true }).click();
        await area.waitFor();
      },
      area,
      panel: this.scope.locator(".gcd-history"),
      read: this.scope.getByRole("button", { name: this.t("history_analyze"), exact: true }),
      clear: this.scope.getByRole("button", { name: this.t("history_clear"), exact: true }),
      report,
      /** The fold that lists every row read ("Entries read (2)"). */
      rowsToggle: report.getByText(new RegExp(`^${this.t("history_rows").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)),
    };
  }

  /** Opens the history panel, pastes `text`, reads it, and returns the chart it draws (once drawn). */
  async chartOfPaste(text) {
    const h = this.historyPanel();
    await h.open();
    await h.area.fill(text);
    await h.read.click();
    const chart = h.panel.locator(".gcd-timeline");
    await chart.waitFor();
    return chart;
  }

  /** Switches the language with the header's button and waits for the widget to show the other language. */
  async switchLanguage() {
    await this.languageSwitch.click();
    this.lang = other(this.lang);
    await this.title.waitFor();
  }
}

/** The element that has focus, looking through open shadow roots: `{ tag, role, text, checked, value }`. */
export async function focusedElement(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type"),
      text: (el.closest("label") ?? el).textContent.trim(),
      checked: el.checked ?? null,
      value: el.value ?? null,
    };
  });
}

/** True when the element of `locator` has focus (through shadow roots). */
export function isFocused(locator) {
  return locator.evaluate((target) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el === target;
  });
}

/**
 * Answers the question shown with the keyboard alone, the way a keyboard user does, starting with focus on the
 * question's legend (where the widget puts it after each step) or just before the choices: Tab into the radio
 * group, arrow keys to the choice (checking after every arrow that the question did not go away: arrows never
 * submit), Tab to "Next" and press `submitKey`. For the date question: Tab to the typed field, type, submit.
 */
export async function answerByKeyboard(w, page, value, { submitKey = "Enter" } = {}) {
  const q = await w.current();
  if (!q) throw new Error("answerByKeyboard: the result is showing");
  const group = w.group(q.id);
  const focused = () => focusedElement(page);
  if (q.kind === "date" && value === "unsure") {
    // "I don't know" is a button after "Next": Tab to it and press it.
    const dontKnow = w.button("dont_know");
    for (let i = 0; i < 12 && !(await isFocused(dontKnow)); i++) await page.keyboard.press("Tab");
    if (!(await isFocused(dontKnow))) throw new Error(`Tab did not reach "${w.t("dont_know")}"`);
    await page.keyboard.press(submitKey);
    await group.waitFor({ state: "hidden" });
    return q.id;
  }
  if (q.kind === "date") {
    for (let i = 0; i < 8 && !(await isFocused(w.typedDate)); i++) await page.keyboard.press("Tab");
    if (!(await isFocused(w.typedDate))) throw new Error("Tab never reached the typed date field");
    await page.keyboard.type(value);
  } else {
    await page.keyboard.press("Tab");
    let f = await focused();
    if (f?.type !== "radio") throw new Error(`Tab from the legend went to ${JSON.stringify(f)}, not a radio`);
    const target = choiceLabel(q.id, value, w.lang);
    const labels = q.choices.map((c) => c.label[w.lang]);
    if (f.text === target && !f.checked) await page.keyboard.press("Space");
    while (f.text !== target) {
      const down = labels.indexOf(target) > labels.indexOf(f.text);
      await page.keyboard.press(down ? "ArrowDown" : "ArrowUp");
      const g = await focused();
      if (g.text === f.text) throw new Error(`arrow key did not move from ${f.text}`);
      if (!g.checked) throw new Error(`arrow key moved to ${g.text} without checking it`);
      if (!(await group.isVisible())) throw new Error(`an arrow key submitted question ${q.id}`);
      f = g;
    }
    if (!(await w.radio(q.id, value).isChecked())) throw new Error(`${target} is not checked`);
  }
  // "Next" follows the choices (or the date fields) in the tab order.
  for (let i = 0; i < 4 && !(await isFocused(w.next)); i++) await page.keyboard.press("Tab");
  if (!(await isFocused(w.next))) throw new Error(`Tab did not reach "${w.t("next")}"`);
  await page.keyboard.press(submitKey);
  await group.waitFor({ state: "hidden" });
  return q.id;
}
