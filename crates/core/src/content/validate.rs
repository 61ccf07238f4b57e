//! Checks the raw content and reports every problem with its file and field path (`causes.toml: cause[3].title.en`),
//! instead of stopping at the first.
//!
//! Shared with the build script through `#[path]`: a broken content file fails the build with the whole list.

use super::raw::{RawCondition, RawContent, RawPageFile, RawText, PAGE_FILE};
use super::vocab::{self, Meaning, UiKey};
use std::collections::BTreeSet;
use std::fmt;

/// Cause ids the product promises to hosts and tests; the content must define each.
pub const REQUIRED_CAUSES: &[&str] = &[
    "expired",
    "other_account",
    "unauthorized_use",
    "amazon_error",
    "applied_to_order",
    "pending_order",
    "subscribe_and_save",
    "invalidated",
    "amazon_pay",
    "wrong_marketplace",
    "already_registered",
    "account_suspended",
    "family_use",
    "amazon_points",
    "code_given_away",
    "top_up_pending",
    "membership_fee",
];

/// One problem in the content, located by file and field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: &'static str,
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, file: &'static str, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            file,
            path: path.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, file: &'static str, path: &str, text: &RawText) {
        for (lang, value) in text.forms() {
            let path = format!("{path}.{lang}");
            if value.trim().is_empty() {
                self.report(file, path, "is empty: every text needs both languages");
            } else if let Some(markup) = find_markup(value) {
                self.report(
                    file,
                    path,
                    format!("contains markup `{markup}`: texts are plain text, never HTML"),
                );
            } else if value.chars().any(char::is_control) {
                self.report(file, path, "contains a control character");
            } else if let Some(ch) = lang
                .starts_with("en")
                .then(|| value.chars().find(|&c| is_japanese(c)))
                .flatten()
            {
                self.report(
                    file,
                    path,
                    format!("contains Japanese (`{ch}`): an English text names things in English"),
                );
            }
        }
        for (lang, value) in text.forms() {
            if lang.starts_with("ja") {
                for (wrong, right) in vocab::JA_TERMS {
                    if value.contains(wrong) {
                        self.report(
                            file,
                            format!("{path}.{lang}"),
                            format!("write `{right}`, not `{wrong}`"),
                        );
                    }
                }
                // The gift card's number is ギフトカード番号: a bare カード番号 reads as a credit card's.
                if value
                    .match_indices("カード番号")
                    .any(|(i, _)| !value[..i].ends_with("ギフト"))
                {
                    self.report(
                        file,
                        format!("{path}.{lang}"),
                        "write `ギフトカード番号`, not a bare `カード番号` (a credit card's number)",
                    );
                }
            }
        }
        self.english_variants(file, path, text);
        self.plurals(file, path, text);
    }

    /// English per marketplace: `en` is US English, `en_gb` British (and `en_in` Indian, which falls back to it), each
    /// only where it differs; a word with a British form in [`vocab::SPELLINGS`] sends the text to both.
    fn english_variants(&mut self, file: &'static str, path: &str, text: &RawText) {
        for (us, gb) in vocab::SPELLINGS.iter().chain(vocab::TERMS) {
            let spelling = vocab::SPELLINGS.contains(&(us, gb));
            if has_word(&text.en, gb) {
                self.report(
                    file,
                    format!("{path}.en"),
                    format!("`{gb}` is British: `en` is US English (`{us}`); put the British text in `en_gb`"),
                );
            } else if spelling && has_word(&text.en, us) && text.en_gb.is_none() {
                self.report(
                    file,
                    format!("{path}.en"),
                    format!("`{us}` is `{gb}` in British English: add the text's `en_gb`"),
                );
            }
            for (name, variant) in [("en_gb", &text.en_gb), ("en_in", &text.en_in)] {
                if variant.as_deref().is_some_and(|v| has_word(v, us)) {
                    self.report(
                        file,
                        format!("{path}.{name}"),
                        format!("`{us}` is US English: `{name}` spells it `{gb}`"),
                    );
                }
            }
        }
        for (name, value) in text.forms() {
            if name.starts_with("en") {
                for (wrong, right) in vocab::ENGLISH_TERMS {
                    if has_word(value, wrong) {
                        self.report(
                            file,
                            format!("{path}.{name}"),
                            format!("write `{right}`, not `{wrong}` (Amazon's own word)"),
                        );
                    }
                }
            }
        }
        // Dates written out: `April 24, 2017` in US English, `24 April 2017` in British (and Indian) English, as
        // display.rs writes them; a text with a date has both.
        for (name, value) in text.forms() {
            if !name.starts_with("en") {
                continue;
            }
            let british = matches!(name, "en_gb" | "en_in");
            if let Some(date) = written_date(value, !british) {
                let want = if british {
                    "24 April 2017"
                } else {
                    "April 24, 2017"
                };
                self.report(
                    file,
                    format!("{path}.{name}"),
                    format!("writes the date `{date}`: this English writes `{want}`"),
                );
            }
        }
        if written_date(&text.en, false).is_some() && text.en_gb.is_none() {
            self.report(
                file,
                format!("{path}.en"),
                "has a date: add the text's `en_gb`, with the date as `24 April 2017`",
            );
        }
        let gb_or_us = text.en_gb.as_deref().unwrap_or(&text.en);
        if text.en_gb.as_deref() == Some(text.en.as_str()) {
            self.report(
                file,
                format!("{path}.en_gb"),
                "is the same as `en`: remove it",
            );
        }
        if text.en_in.as_deref() == Some(gb_or_us) {
            self.report(
                file,
                format!("{path}.en_in"),
                "is the same as the British (or US) text it falls back to: remove it",
            );
        }
        // The `one` form may spell its count out ("once"), so `{count}` is left out of the comparison.
        let mut en = sorted_placeholders(&text.en);
        en.retain(|p| *p != vocab::COUNT);
        for (name, variant) in [
            ("en_gb", &text.en_gb),
            ("en_in", &text.en_in),
            ("en_one", &text.en_one),
        ] {
            let differs = |v: &str| {
                let mut p = sorted_placeholders(v);
                p.retain(|p| *p != vocab::COUNT);
                p != en
            };
            if variant.as_deref().is_some_and(differs) {
                self.report(
                    file,
                    format!("{path}.{name}"),
                    "uses other placeholders than `en`",
                );
            }
        }
    }

    /// Counts: a text with `{count}` has the plural forms its languages need (CLDR: Japanese `other` only, which is
    /// `ja`; English `one` and `other`, which are `en_one` and `en`), and only such a text has plural forms.
    fn plurals(&mut self, file: &'static str, path: &str, text: &RawText) {
        let counted = text.ja.contains(vocab::COUNT) || text.en.contains(vocab::COUNT);
        for (name, value) in text.forms() {
            for p in placeholders(value) {
                if vocab::NOT_COUNTS.contains(&p) {
                    self.report(
                        file,
                        format!("{path}.{name}"),
                        format!("`{p}` is a count: write it `{{count}}` and give the text its plural forms"),
                    );
                }
            }
        }
        if counted && text.en_one.is_none() {
            self.report(
                file,
                path.to_string(),
                "has a count (`{count}`) but no plural forms: add `en_one`, the English for exactly 1 (`en` is \
                 the `other` form; Japanese needs only `ja`)",
            );
        }
        if counted && (text.en_gb.is_some() || text.en_in.is_some()) {
            self.report(
                file,
                path.to_string(),
                "a counted text has no marketplace variants: reword it so one English serves every site",
            );
        }
        if !counted {
            for (name, form) in [
                ("en_one", &text.en_one),
                ("ja_zero", &text.ja_zero),
                ("en_zero", &text.en_zero),
            ] {
                if form.is_some() {
                    self.report(
                        file,
                        format!("{path}.{name}"),
                        "is a plural form, but the text has no `{count}` to choose it",
                    );
                }
            }
        }
    }

    /// A text that may use the marketplace placeholders (`{fraud_channel}`) and no others.
    fn text_with_market(&mut self, file: &'static str, path: &str, text: &RawText) {
        self.text(file, path, text);
        self.placeholders_within(file, path, text, vocab::CONTENT_PLACEHOLDERS);
    }

    /// Reports every placeholder of a text that is not in `allowed`.
    fn placeholders_within(
        &mut self,
        file: &'static str,
        path: &str,
        text: &RawText,
        allowed: &[&str],
    ) {
        for (lang, value) in text.forms() {
            for p in placeholders(value) {
                if !allowed.contains(&p) {
                    self.report(
                        file,
                        format!("{path}.{lang}"),
                        format!("unknown placeholder `{p}`"),
                    );
                }
            }
        }
    }

    fn condition(&mut self, file: &'static str, path: &str, cond: &RawCondition) {
        let Some(values) = vocab::fact_values(&cond.fact) else {
            self.report(
                file,
                format!("{path}.fact"),
                format!("unknown fact `{}`", cond.fact),
            );
            return;
        };
        let wanted: Vec<&String> = cond.is.iter().chain(cond.any_of.iter().flatten()).collect();
        match (&cond.is, &cond.any_of) {
            (Some(_), Some(_)) => self.report(
                file,
                path.to_string(),
                "has both `is` and `any_of`: use one",
            ),
            (None, None) => self.report(file, path.to_string(), "needs `is` or `any_of`"),
            (None, Some(list)) if list.is_empty() => {
                self.report(file, format!("{path}.any_of"), "is empty")
            }
            _ => {}
        }
        for value in wanted {
            if !values.contains(&value.as_str()) {
                self.report(
                    file,
                    path.to_string(),
                    format!(
                        "`{}` is not a value of `{}` (one of {})",
                        value,
                        cond.fact,
                        values.join(", ")
                    ),
                );
            }
        }
    }
}

/// Hiragana, katakana (with the prolonged sound mark and the middle dot) and the CJK ideographs.
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether `text` has `word` (any case) not inside a longer word: `top-up` in "a top-up.", not `center` in "centered".
fn has_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    text.match_indices(&word).any(|(i, _)| {
        !letter(text[..i].chars().next_back()) && !letter(text[i + word.len()..].chars().next())
    })
}

/// The English month names, the one list: the build's check of written dates here, and `display::format_date`.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date written out in `text`, in British order (`24 April 2017`) when `british`, else in US order
/// (`April 24, 2017`).
fn written_date(text: &str, british: bool) -> Option<String> {
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    for month in MONTHS {
        for (i, _) in text.match_indices(month) {
            let before = text[..i].strip_suffix(' ').unwrap_or("");
            let day_before =
                before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let after = text[i + month.len()..].strip_prefix(' ').unwrap_or("");
            let day_after = digits(after);
            if british && day_before > 0 {
                return Some(text[i - 1 - day_before..i + month.len()].to_owned());
            }
            if !british && day_after > 0 && after[day_after..].starts_with(',') {
                return Some(text[i..i + month.len() + 1 + day_after].to_owned());
            }
        }
    }
    None
}

/// A text's placeholders, sorted.
fn sorted_placeholders(text: &str) -> Vec<&str> {
    let mut p = placeholders(text);
    p.sort_unstable();
    p
}

/// Finds an HTML tag or entity in a text.
fn find_markup(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if b == b'<' && (next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
            return Some(text[i..].chars().take(12).collect());
        }
        if b == b'&' {
            let rest = &text[i + 1..];
            let name_len = rest
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == b'#')
                .count();
            if name_len > 0 && rest.as_bytes().get(name_len) == Some(&b';') {
                return Some(text[i..i + name_len + 2].to_string());
            }
        }
    }
    None
}

/// Checks all content; an empty list means it is valid.
/// Every problem with `page.toml` (the texts around the widget and instead of it), by file and field path: each text
/// in both languages, plain, under the same checks as every other text.
pub fn validate_page(page: &RawPageFile) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    const PAGE: &str = PAGE_FILE;
    let p = &page.page;
    for (key, text) in [
        ("title", &p.title),
        ("h1", &p.h1),
        ("description", &p.description),
        ("failed", &p.failed),
    ] {
        c.text(PAGE, &format!("page.{key}"), text);
    }
    c.text(PAGE, "noscript", &page.noscript);
    let f = &page.fallback;
    for (key, text) in [
        ("failed_start", &f.failed_start),
        ("checklist_lead", &f.checklist_lead),
        ("offline_link", &f.offline_link),
    ] {
        c.text(PAGE, &format!("fallback.{key}"), text);
    }
    if f.checks.is_empty() {
        c.report(
            PAGE,
            "fallback.checks",
            "the fallback needs at least one check",
        );
    }
    for (i, check) in f.checks.iter().enumerate() {
        c.text(PAGE, &format!("fallback.checks[{i}]"), check);
    }
    c.problems
}

pub fn validate(raw: &RawContent) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };

    // causes.toml
    const CAUSES: &str = "causes.toml";
    let mut cause_ids = BTreeSet::new();
    for (i, cause) in raw.causes.cause.iter().enumerate() {
        let at = format!("cause[{i}]");
        if !is_id(&cause.id) {
            c.report(
                CAUSES,
                format!("{at}.id"),
                format!("`{}` is not a snake_case id", cause.id),
            );
        }
        if !cause_ids.insert(cause.id.as_str()) {
            c.report(
                CAUSES,
                format!("{at}.id"),
                format!("`{}` is defined twice", cause.id),
            );
        }
        if !["yes", "maybe", "no"].contains(&cause.recoverable.as_str()) {
            c.report(
                CAUSES,
                format!("{at}.recoverable"),
                "must be `yes`, `maybe` or `no`",
            );
        }
        for (j, m) in cause.marketplaces.iter().enumerate() {
            if !vocab::Fact::Marketplace.values().contains(&m.as_str()) {
                c.report(
                    CAUSES,
                    format!("{at}.marketplaces[{j}]"),
                    format!("`{m}` is not a marketplace"),
                );
            }
        }
        if !(0..=100).contains(&cause.prior) {
            c.report(CAUSES, format!("{at}.prior"), "must be between 0 and 100");
        }
        c.text_with_market(CAUSES, &format!("{at}.title"), &cause.title);
        c.text_with_market(CAUSES, &format!("{at}.explanation"), &cause.explanation);
        c.text_with_market(CAUSES, &format!("{at}.recovery"), &cause.recovery);
        if cause.checks.is_empty() {
            c.report(
                CAUSES,
                format!("{at}.checks"),
                "every cause needs at least one check",
            );
        }
        if cause.actions.is_empty() {
            c.report(
                CAUSES,
                format!("{at}.actions"),
                "every cause needs at least one action",
            );
        }
        for (j, t) in cause.checks.iter().enumerate() {
            c.text_with_market(CAUSES, &format!("{at}.checks[{j}]"), t);
        }
        for (j, page) in cause.links.iter().enumerate() {
            if !raw.support.page.iter().any(|p| &p.id == page) {
                c.report(
                    CAUSES,
                    format!("{at}.links[{j}]"),
                    format!("`{page}` is not a page of support.toml"),
                );
            }
        }
        for (j, t) in cause.actions.iter().enumerate() {
            c.text_with_market(CAUSES, &format!("{at}.actions[{j}]"), t);
        }
    }
    for required in REQUIRED_CAUSES {
        if !cause_ids.contains(required) {
            c.report(
                CAUSES,
                "cause",
                format!("the required cause `{required}` is missing"),
            );
        }
    }

    // rules.toml
    const RULES: &str = "rules.toml";
    let mut ruled_causes = BTreeSet::new();
    for (i, rule) in raw.rules.rule.iter().enumerate() {
        let at = format!("rule[{i}]");
        if !cause_ids.contains(rule.cause.as_str()) {
            c.report(
                RULES,
                format!("{at}.cause"),
                format!("unknown cause `{}`", rule.cause),
            );
        }
        ruled_causes.insert(rule.cause.as_str());
        match (rule.effect.as_str(), rule.weight) {
            ("raise" | "lower", Some(w)) if w > 0 => {}
            ("raise" | "lower", _) => c.report(
                RULES,
                format!("{at}.weight"),
                "raise and lower need a positive weight",
            ),
            ("decisive" | "rule_out" | "at_most_medium", None) => {}
            ("decisive" | "rule_out" | "at_most_medium", Some(_)) => c.report(
                RULES,
                format!("{at}.weight"),
                "decisive, rule_out and at_most_medium rules take no weight",
            ),
            (other, _) => c.report(
                RULES,
                format!("{at}.effect"),
                format!(
                    "unknown effect `{other}` (decisive, raise, lower, rule_out or at_most_medium)"
                ),
            ),
        }
        // A rule resting on an unsure source (a card that only "may" have expired) can raise or lower its cause but
        // never decide it or rule it out.
        let unsure = rule.when.iter().any(|cond| {
            cond.fact == "cardExpired"
                && cond
                    .is
                    .iter()
                    .chain(cond.any_of.iter().flatten())
                    .any(|v| v == "maybe")
        });
        if unsure && matches!(rule.effect.as_str(), "decisive" | "rule_out") {
            c.report(
                RULES,
                format!("{at}.effect"),
                "a rule on an unsure fact (cardExpired = maybe) may not be decisive or rule_out",
            );
        }
        if rule.when.is_empty() {
            c.report(
                RULES,
                format!("{at}.when"),
                "a rule needs at least one condition",
            );
        }
        for (j, cond) in rule.when.iter().enumerate() {
            c.condition(RULES, &format!("{at}.when[{j}]"), cond);
        }
        c.text(RULES, &format!("{at}.reason"), &rule.reason);
        for (lang, text) in [("ja", &rule.reason.ja), ("en", &rule.reason.en)] {
            for placeholder in placeholders(text) {
                if !vocab::REASON_PLACEHOLDERS.contains(&placeholder) {
                    c.report(
                        RULES,
                        format!("{at}.reason.{lang}"),
                        format!("unknown placeholder `{placeholder}`"),
                    );
                }
            }
            let mut ja = placeholders(&rule.reason.ja);
            let mut en = placeholders(&rule.reason.en);
            ja.sort_unstable();
            en.sort_unstable();
            if lang == "en" && ja != en {
                c.report(
                    RULES,
                    format!("{at}.reason"),
                    "ja and en use different placeholders",
                );
            }
        }
    }
    for id in &cause_ids {
        if !ruled_causes.contains(id) {
            c.report(
                CAUSES,
                format!("cause `{id}`"),
                "no rule in rules.toml ever moves this cause",
            );
        }
    }

    // questions.toml
    const QUESTIONS: &str = "questions.toml";
    let mut question_ids = BTreeSet::new();
    let mut asked_facts = BTreeSet::new();
    for (i, q) in raw.questions.question.iter().enumerate() {
        let at = format!("question[{i}]");
        if !is_id(&q.id) {
            c.report(
                QUESTIONS,
                format!("{at}.id"),
                format!("`{}` is not a snake_case id", q.id),
            );
        }
        if !question_ids.insert(q.id.as_str()) {
            c.report(
                QUESTIONS,
                format!("{at}.id"),
                format!("`{}` is defined twice", q.id),
            );
        }
        match vocab::fact_values(&q.fact) {
            None => c.report(
                QUESTIONS,
                format!("{at}.fact"),
                format!("unknown fact `{}`", q.fact),
            ),
            Some(_) if vocab::is_derived(&q.fact) => c.report(
                QUESTIONS,
                format!("{at}.fact"),
                format!("`{}` is derived and cannot be asked", q.fact),
            ),
            Some(values) => {
                if !asked_facts.insert(q.fact.as_str()) {
                    c.report(
                        QUESTIONS,
                        format!("{at}.fact"),
                        format!("`{}` is asked twice", q.fact),
                    );
                }
                match q.kind.as_str() {
                    "choice" => {
                        if q.choices.len() < 2 {
                            c.report(
                                QUESTIONS,
                                format!("{at}.choices"),
                                "a choice question needs two choices or more",
                            );
                        }
                        for (j, choice) in q.choices.iter().enumerate() {
                            if !values.contains(&choice.value.as_str()) {
                                c.report(
                                    QUESTIONS,
                                    format!("{at}.choices[{j}].value"),
                                    format!("`{}` is not a value of `{}`", choice.value, q.fact),
                                );
                            }
                            c.text(
                                QUESTIONS,
                                &format!("{at}.choices[{j}].label"),
                                &choice.label,
                            );
                        }
                    }
                    "tri" | "date" => {
                        if !q.choices.is_empty() {
                            c.report(
                                QUESTIONS,
                                format!("{at}.choices"),
                                "only choice questions list choices",
                            );
                        }
                        if q.kind == "tri" && values != vocab::TRI {
                            c.report(
                                QUESTIONS,
                                format!("{at}.kind"),
                                format!("`{}` is not a yes/no fact", q.fact),
                            );
                        }
                        if q.kind == "date"
                            && !["cardIssued", "lastSeenIntact"].contains(&q.fact.as_str())
                        {
                            c.report(
                                QUESTIONS,
                                format!("{at}.kind"),
                                "only `cardIssued` and `lastSeenIntact` are asked as dates",
                            );
                        }
                    }
                    other => c.report(
                        QUESTIONS,
                        format!("{at}.kind"),
                        format!("unknown kind `{other}` (choice, tri or date)"),
                    ),
                }
            }
        }
        for (j, cond) in q.ask_if.iter().enumerate() {
            c.condition(QUESTIONS, &format!("{at}.ask_if[{j}]"), cond);
            let asked_before = asked_facts.contains(cond.fact.as_str()) && cond.fact != q.fact;
            if !asked_before && !vocab::is_derived(&cond.fact) {
                c.report(
                    QUESTIONS,
                    format!("{at}.ask_if[{j}].fact"),
                    format!(
                        "`{}` is not asked by an earlier question, so this question is unreachable",
                        cond.fact
                    ),
                );
            }
        }
        c.text(QUESTIONS, &format!("{at}.text"), &q.text);
        if let Some(help) = &q.help {
            c.text(QUESTIONS, &format!("{at}.help"), help);
        }
    }
    for (i, rule) in raw.rules.rule.iter().enumerate() {
        for (j, cond) in rule.when.iter().enumerate() {
            let fact = cond.fact.as_str();
            let known = asked_facts.contains(fact) || vocab::is_derived(fact);
            if vocab::fact_values(fact).is_some() && !known {
                c.report(
                    RULES,
                    format!("rule[{i}].when[{j}].fact"),
                    format!("`{fact}` is neither asked by a question nor derived, so this rule can never fire"),
                );
            }
        }
    }

    // support.toml: every marketplace exactly once, each with steps.
    const SUPPORT: &str = "support.toml";
    c.text_with_market(SUPPORT, "warning", &raw.support.warning);
    if raw.support.prepare.is_empty() {
        c.report(SUPPORT, "prepare", "lists nothing to have ready");
    }
    for (j, t) in raw.support.prepare.iter().enumerate() {
        c.text(SUPPORT, &format!("prepare[{j}]"), t);
    }
    let mut pages = BTreeSet::new();
    for (i, p) in raw.support.page.iter().enumerate() {
        if !vocab::PAGES.contains(&p.id.as_str()) {
            c.report(
                SUPPORT,
                format!("page[{i}].id"),
                format!("`{}` is not a page ({})", p.id, vocab::PAGES.join(", ")),
            );
        }
        if !pages.insert(p.id.as_str()) {
            c.report(
                SUPPORT,
                format!("page[{i}].id"),
                format!("`{}` is listed twice", p.id),
            );
        }
        c.text(SUPPORT, &format!("page[{i}].label"), &p.label);
    }
    for (j, page) in raw.support.links.iter().enumerate() {
        if !pages.contains(page.as_str()) {
            c.report(
                SUPPORT,
                format!("links[{j}]"),
                format!("`{page}` is not a page"),
            );
        }
    }
    let markets = vocab::Fact::Marketplace.values();
    let mut seen_markets = BTreeSet::new();
    for (i, m) in raw.support.market.iter().enumerate() {
        let at = format!("market[{i}]");
        if !markets.contains(&m.id.as_str()) {
            c.report(
                SUPPORT,
                format!("{at}.id"),
                format!("`{}` is not a marketplace", m.id),
            );
        }
        if !seen_markets.insert(m.id.as_str()) {
            c.report(
                SUPPORT,
                format!("{at}.id"),
                format!("`{}` is listed twice", m.id),
            );
        }
        if m.steps.is_empty() {
            c.report(SUPPORT, format!("{at}.steps"), "needs at least one step");
        }
        for (j, t) in m.steps.iter().enumerate() {
            c.text(SUPPORT, &format!("{at}.steps[{j}]"), t);
            c.placeholders_within(SUPPORT, &format!("{at}.steps[{j}]"), t, &[]);
        }
        // The channel fills a placeholder, so it holds none itself.
        c.text(SUPPORT, &format!("{at}.fraud_channel"), &m.fraud_channel);
        c.placeholders_within(
            SUPPORT,
            &format!("{at}.fraud_channel"),
            &m.fraud_channel,
            &[],
        );
        if let Some(page) = &m.scam_page {
            c.text(SUPPORT, &format!("{at}.scam_page"), page);
            c.placeholders_within(SUPPORT, &format!("{at}.scam_page"), page, &[]);
        }
        // Every address is https on the marketplace's own Amazon host; a marketplace without one has no links.
        for (page, href) in &m.links {
            let path = format!("{at}.links.{page}");
            if !pages.contains(page.as_str()) {
                c.report(SUPPORT, path.clone(), format!("`{page}` is not a page"));
            }
            match vocab::market_host(&m.id) {
                None => c.report(
                    SUPPORT,
                    path,
                    "this marketplace has no Amazon host of its own: no links",
                ),
                Some(host) => {
                    let prefix = format!("https://{host}/");
                    let rest = href.strip_prefix(&prefix);
                    let clean = rest.is_some_and(|r| {
                        r.bytes()
                            .all(|b| b.is_ascii_graphic() && !b"\"'<>\\`".contains(&b))
                    });
                    if !clean {
                        c.report(
                            SUPPORT,
                            path,
                            format!("`{href}` is not a plain address starting {prefix}"),
                        );
                    }
                }
            }
        }
    }
    for m in markets {
        if !seen_markets.contains(m) {
            c.report(
                SUPPORT,
                "market",
                format!("the marketplace `{m}` has no support steps"),
            );
        }
    }

    // ui.toml
    const UI: &str = "ui.toml";
    for key in UiKey::ALL {
        if !raw.ui.text.contains_key(key.name()) {
            c.report(
                UI,
                format!("text.{}", key.name()),
                "is missing (the app uses this key)",
            );
        }
    }
    for (name, text) in &raw.ui.text {
        if !UiKey::ALL.iter().any(|k| k.name() == name) {
            c.report(
                UI,
                format!("text.{name}"),
                "is not used by the app: remove it or add it to vocab.rs",
            );
        }
        c.text(UI, &format!("text.{name}"), text);
    }

    // history.toml: every wording with a page language, marketplaces, a meaning, words that can match, and a source.
    const HISTORY: &str = "history.toml";
    let mut seen_words = BTreeSet::new();
    let mut meant = BTreeSet::new();
    for (i, w) in raw.history.wording.iter().enumerate() {
        let at = format!("wording[{i}]");
        if !vocab::PAGE_LANGS.contains(&w.lang.as_str()) {
            c.report(
                HISTORY,
                format!("{at}.lang"),
                format!(
                    "`{}` is not a page language (one of {})",
                    w.lang,
                    vocab::PAGE_LANGS.join(", ")
                ),
            );
        }
        if w.marketplaces.is_empty() {
            c.report(
                HISTORY,
                format!("{at}.marketplaces"),
                "names no marketplace",
            );
        }
        for (j, m) in w.marketplaces.iter().enumerate() {
            if !vocab::Fact::Marketplace.values().contains(&m.as_str()) {
                c.report(
                    HISTORY,
                    format!("{at}.marketplaces[{j}]"),
                    format!("`{m}` is not a marketplace"),
                );
            }
        }
        match Meaning::from_name(&w.means) {
            Some(meaning) => {
                meant.insert(meaning);
            }
            None => {
                let names: Vec<&str> = Meaning::ALL.iter().map(|m| m.name()).collect();
                c.report(
                    HISTORY,
                    format!("{at}.means"),
                    format!(
                        "unknown meaning `{}` (one of {})",
                        w.means,
                        names.join(", ")
                    ),
                );
            }
        }
        if w.words.is_empty() {
            c.report(HISTORY, format!("{at}.words"), "lists no word");
        }
        for (j, word) in w.words.iter().enumerate() {
            let path = format!("{at}.words[{j}]");
            // The classifier matches against the row folded by `text::fold` with its ASCII letters lower-cased: a
            // word that either would change can never match.
            let folded = crate::text::fold(word);
            if word.trim().is_empty() {
                c.report(HISTORY, path.clone(), "is empty");
            } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
                c.report(
                    HISTORY,
                    path.clone(),
                    format!("`{word}` has upper-case letters: rows are matched lower-cased, so it would never match"),
                );
            } else if folded != word.as_str() {
                c.report(
                    HISTORY,
                    path.clone(),
                    format!("`{word}` is not width-folded: rows are folded before matching, so write `{folded}`"),
                );
            }
            if !seen_words.insert((w.means.as_str(), word.as_str())) {
                c.report(
                    HISTORY,
                    path,
                    format!("`{word}` is listed twice for `{}`", w.means),
                );
            }
        }
        let url = |s: &str| {
            ["https://", "http://"]
                .iter()
                .any(|scheme| s.len() > scheme.len() && s.starts_with(scheme))
                && !s.contains(char::is_whitespace)
        };
        match w.source.as_deref() {
            None => c.report(
                HISTORY,
                format!("{at}.source"),
                "is missing: give the page where the wording was seen, or \"assumed\"",
            ),
            Some("assumed") => {}
            Some(s) if url(s) => {}
            Some(other) => c.report(
                HISTORY,
                format!("{at}.source"),
                format!("`{other}` is neither a URL (https://…) nor \"assumed\""),
            ),
        }
    }
    for m in Meaning::ALL {
        if !meant.contains(m) {
            c.report(
                HISTORY,
                "wording",
                format!(
                    "no wording means `{}`, so no row is ever read as one",
                    m.name()
                ),
            );
        }
    }

    c.problems
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|ch: char| ch.is_ascii_lowercase())
        && id
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
}

/// The `{name}` placeholders of a text, braces included.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        found.push(&rest[start..start + len + 1]);
        rest = &rest[start + len + 1..];
    }
    found
}
