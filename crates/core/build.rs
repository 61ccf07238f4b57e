//! Turns the content files under `static/content/` into Rust source for the already lowered content (a `static`
//! `Content` of slices and text indices, and the texts packed one string per language) that the library includes,
//! so the browser pays for neither a TOML parser nor a decoder, and nothing is decoded or allocated at start. Invalid
//! content fails the build with every problem, by file and field path.

use std::fmt::Write as _;
use std::path::PathBuf;

// The same files the library uses, so the build checks exactly what the library decodes. At the top level here,
// their `super::` paths resolve to these siblings.
#[path = "src/content/raw.rs"]
mod raw;
// Only `pack` and `join_forms` here; the library's `Text` uses `unpack` and `form`.
#[path = "src/content/blob.rs"]
#[allow(dead_code)]
mod blob;
#[path = "src/content/validate.rs"]
mod validate;
#[path = "src/content/vocab.rs"]
#[allow(dead_code)]
mod vocab;
// The width fold, which validation uses to check that history wordings can match a folded row.
#[path = "src/text.rs"]
#[allow(dead_code)]
mod text;
// For the marketplace ids: the generated code names the variants, so a wrong one is a compile error.
#[path = "src/marketplace.rs"]
#[allow(dead_code)]
mod marketplace;

use marketplace::Marketplace;
use raw::{RawCondition, RawContent, RawPageFile, RawText, FILES, PAGE_FILE};
use vocab::{Fact, Meaning, UiKey};

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = manifest.join("../../static/content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut errors = Vec::new();
    let mut read = |name: &str| -> String {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            errors.push(format!("{name}: cannot read {}: {e}", path.display()));
            String::new()
        })
    };
    let texts: Vec<String> = FILES.iter().map(|f| read(f)).collect();
    let page_text = read(PAGE_FILE);
    fn parse<T: serde::de::DeserializeOwned>(
        name: &str,
        text: &str,
        errors: &mut Vec<String>,
    ) -> Option<T> {
        toml::from_str(text)
            .map_err(|e| errors.push(format!("{name}: {e}")))
            .ok()
    }
    let causes = parse(FILES[0], &texts[0], &mut errors);
    let rules = parse(FILES[1], &texts[1], &mut errors);
    let questions = parse(FILES[2], &texts[2], &mut errors);
    let ui = parse(FILES[3], &texts[3], &mut errors);
    let support = parse(FILES[4], &texts[4], &mut errors);
    let history = parse(FILES[5], &texts[5], &mut errors);
    // The texts around the widget: validated here, read by `cargo xtask dist`, not baked.
    if let Some(page) = parse::<RawPageFile>(PAGE_FILE, &page_text, &mut errors) {
        errors.extend(
            validate::validate_page(&page)
                .iter()
                .map(ToString::to_string),
        );
    }
    if let (Some(causes), Some(rules), Some(questions), Some(ui), Some(support), Some(history)) =
        (causes, rules, questions, ui, support, history)
    {
        let raw = RawContent {
            causes,
            rules,
            questions,
            ui,
            support,
            history,
        };
        errors.extend(validate::validate(&raw).iter().map(ToString::to_string));
        if errors.is_empty() {
            match bake(&raw) {
                Ok(source) => {
                    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
                        .join("content.rs");
                    std::fs::write(out, source).expect("OUT_DIR is writable");
                }
                Err(problems) => errors.extend(problems),
            }
        }
    }
    if !errors.is_empty() {
        eprintln!("static/content has {} problem(s):", errors.len());
        for e in &errors {
            eprintln!("  {e}");
        }
        panic!("invalid content in static/content (see the list above)");
    }
}

/// Writes validated content as Rust source: `static CONTENT: Content = Content { … };`, lowered the way the engine
/// reads it (typed facts, effects and marketplaces, rules pointing at causes by index, texts as `Text(index)`), and
/// the texts packed by [`blob::pack`] as `JA`, `EN`, `JA_MARKS`, `EN_MARKS`. The UI texts come first, in
/// [`UiKey::ALL`] order, so a key's index is its text's; everything else in file order, so the same files always give
/// the same source. Call only after [`validate::validate`] found no problem: names it would have reported are
/// skipped here. Errs when the texts do not fit the packed shape.
fn bake(raw: &RawContent) -> Result<String, Vec<String>> {
    // String literals and variant names are written with `{:?}`; a host toolchain with `Debug` compiled out
    // (`-Zfmt-debug=none` meant for the wasm only) would write empty ones, some of which still compile.
    assert_eq!(
        format!("{:?} {:?}", "a\"", Fact::Loss),
        r#""a\"" Loss"#,
        "the build script needs `Debug` formatting: set -Zfmt-debug only for the wasm target"
    );
    let mut t = Texts::default();
    for key in UiKey::ALL {
        // Validation has checked that every key is there; the count is checked again below, since an index off by
        // one would give every later key its neighbour's text.
        if let Some(ui) = raw.ui.text.get(key.name()) {
            t.text(ui);
        }
    }
    if t.ja.len() != UiKey::ALL.len() {
        return Err(vec![format!(
            "ui.toml: {} texts for {} keys: the UI texts must take the first indices, one per key",
            t.ja.len(),
            UiKey::ALL.len()
        )]);
    }
    let mut out = String::from("static CONTENT: Content = Content {\n    causes: &[\n");
    for c in &raw.causes.cause {
        let recoverable = match c.recoverable.as_str() {
            "yes" => "Yes",
            "no" => "No",
            _ => "Maybe",
        };
        let markets = market_paths(&c.marketplaces);
        let _ = writeln!(
            out,
            "        Cause {{\n            id: {:?},\n            prior: {},\n            marketplaces: &[{}],\n            \
             recoverable: Recoverable::{recoverable},\n            title: {},\n            explanation: {},\n            \
             recovery: {},\n            checks: {},\n            actions: {},\n            links: &{:?},\n        }},",
            c.id,
            c.prior,
            markets.join(", "),
            t.text(&c.title),
            t.text(&c.explanation),
            t.text(&c.recovery),
            t.texts(&c.checks),
            t.texts(&c.actions),
            c.links,
        );
    }
    out.push_str("    ],\n    rules: &[\n");
    for r in &raw.rules.rule {
        let Some(cause) = raw.causes.cause.iter().position(|c| c.id == r.cause) else {
            continue;
        };
        let weight = r.weight.unwrap_or(0);
        let effect = match r.effect.as_str() {
            "decisive" => "Effect::Decisive".to_owned(),
            "raise" => format!("Effect::Raise({weight})"),
            "lower" => format!("Effect::Lower({weight})"),
            "rule_out" => "Effect::RuleOut".to_owned(),
            "at_most_medium" => "Effect::AtMostMedium".to_owned(),
            _ => continue,
        };
        let _ = writeln!(
            out,
            "        Rule {{\n            cause: {cause},\n            effect: {effect},\n            when: {},\n            \
             reason: {},\n        }},",
            conditions(&r.when),
            t.text(&r.reason),
        );
    }
    out.push_str("    ],\n    questions: &[\n");
    for q in &raw.questions.question {
        let Some(fact) = Fact::from_name(&q.fact) else {
            continue;
        };
        let kind = match q.kind.as_str() {
            "choice" => "Choice",
            "date" => "Date",
            _ => "Tri",
        };
        let help = q
            .help
            .as_ref()
            .map_or_else(|| "None".to_owned(), |h| format!("Some({})", t.text(h)));
        let choices: Vec<String> = q
            .choices
            .iter()
            .map(|c| {
                format!(
                    "Choice {{ value: {:?}, label: {} }}",
                    c.value,
                    t.text(&c.label)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "        Question {{\n            id: {:?},\n            fact: Fact::{fact:?},\n            \
             kind: QuestionKind::{kind},\n            ask_if: {},\n            text: {},\n            \
             help: {help},\n            choices: &[{}],\n        }},",
            q.id,
            conditions(&q.ask_if),
            t.text(&q.text),
            choices.join(", "),
        );
    }
    out.push_str("    ],\n    support: &[\n");
    for m in &raw.support.market {
        let Some(market) = Marketplace::from_id(&m.id) else {
            continue;
        };
        let steps = t.texts(&m.steps);
        let channel = t.text(&m.fraud_channel);
        let page = m
            .scam_page
            .as_ref()
            .map_or_else(|| "None".to_owned(), |p| format!("Some({})", t.text(p)));
        let links: Vec<(&str, &str)> = m
            .links
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "        Support {{ marketplace: crate::marketplace::Marketplace::{market:?}, steps: {steps}, \
             fraud_channel: {channel}, scam_page: {page}, links: &{links:?} }},",
        );
    }
    let prepare = t.texts(&raw.support.prepare);
    let warning = t.text(&raw.support.warning);
    let pages: Vec<String> = raw
        .support
        .page
        .iter()
        .map(|p| format!("Page {{ id: {:?}, label: {} }}", p.id, t.text(&p.label)))
        .collect();
    let _ = writeln!(
        out,
        "    ],\n    support_prepare: {prepare},\n    support_warning: {warning},\n    support_links: &{:?},\n    \
         pages: &[{}],\n}};",
        raw.support.links,
        pages.join(", "),
    );
    history(raw, &mut out);
    let mut problems = Vec::new();
    for (name, texts) in [("JA", &t.ja), ("EN", &t.en)] {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        match blob::pack(&name.to_lowercase(), &texts) {
            Ok(packed) => {
                let _ = writeln!(
                    out,
                    // `{:?}` writes a valid, escaped Rust string literal, the separator as `\0`, which clippy takes
                    // for an octal escape before a text that starts with a digit.
                    "#[allow(clippy::octal_escapes)]\nstatic {name}: &str = {:?};\n\
                     static {name}_MARKS: [u16; {}] = {:?};",
                    packed.blob,
                    packed.marks.len(),
                    packed.marks
                );
            }
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Writes `history.toml` as `HISTORY_WORDS`, the classifier's table (one list of words per [`Meaning`], in
/// [`Meaning::ALL`] order, each in file order), and `HISTORY`, the wordings with their languages, marketplaces and
/// sources, which only tools read (so the wasm, which never refers to it, does not carry it).
fn history(raw: &RawContent, out: &mut String) {
    let lists: Vec<String> = Meaning::ALL
        .iter()
        .map(|meaning| {
            let words: Vec<String> = raw
                .history
                .wording
                .iter()
                .filter(|w| Meaning::from_name(&w.means) == Some(*meaning))
                .flat_map(|w| w.words.iter().map(|word| format!("{word:?}")))
                .collect();
            format!("    &[{}],", words.join(", "))
        })
        .collect();
    let _ = writeln!(
        out,
        "static HISTORY_WORDS: [&[&str]; {}] = [\n{}\n];",
        Meaning::ALL.len(),
        lists.join("\n")
    );
    out.push_str("static HISTORY: &[Wording] = &[\n");
    for w in &raw.history.wording {
        let Some(meaning) = Meaning::from_name(&w.means) else {
            continue;
        };
        let markets = market_paths(&w.marketplaces);
        let _ = writeln!(
            out,
            "    Wording {{ lang: {:?}, marketplaces: &[{}], means: Meaning::{meaning:?}, words: &{:?}, source: {:?} }},",
            w.lang,
            markets.join(", "),
            w.words,
            w.source.as_deref().unwrap_or_default(),
        );
    }
    out.push_str("];\n");
}

/// The texts in index order, as the `Text(index)` literals that point at them were written.
#[derive(Default)]
struct Texts {
    ja: Vec<String>,
    en: Vec<String>,
}

impl Texts {
    /// Adds a text and writes its `Text` literal.
    fn text(&mut self, t: &RawText) -> String {
        let index = self.ja.len();
        // A text's other forms ride in its entry behind their marks (blob.rs), so a `Text` stays one index.
        use blob::{join_forms, MARK_GB, MARK_IN, MARK_ONE, MARK_ZERO};
        self.ja
            .push(join_forms(&t.ja, &[(MARK_ZERO, t.ja_zero.as_deref())]));
        self.en.push(join_forms(
            &t.en,
            &[
                (MARK_ONE, t.en_one.as_deref()),
                (MARK_ZERO, t.en_zero.as_deref()),
                (MARK_GB, t.en_gb.as_deref()),
                (MARK_IN, t.en_in.as_deref()),
            ],
        ));
        // An index past u16 is written as is: it fails to compile, and `blob::pack` reports the count.
        format!("Text({index})")
    }

    /// Adds a list's texts, at consecutive indices, and writes its `TextList` literal.
    fn texts(&mut self, list: &[RawText]) -> String {
        let first = self.ja.len();
        for t in list {
            self.text(t);
        }
        format!("TextList {{ first: {first}, len: {} }}", list.len())
    }
}

/// Conditions as a slice literal, `is` and `any_of` merged into one list of values.
fn conditions(list: &[RawCondition]) -> String {
    let items: Vec<String> = list
        .iter()
        .filter_map(|c| {
            let fact = Fact::from_name(&c.fact)?;
            let values: Vec<String> =
                c.is.iter()
                    .chain(c.any_of.iter().flatten())
                    .map(|v| format!("{v:?}"))
                    .collect();
            Some(format!(
                "Condition {{ fact: Fact::{fact:?}, values: &[{}] }}",
                values.join(", ")
            ))
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

/// The Rust paths of the marketplaces a content entry names (`crate::marketplace::Marketplace::Jp`), for the baked
/// source; ids validation refused are left out.
fn market_paths(ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter_map(|m| Marketplace::from_id(m))
        .map(|m| format!("crate::marketplace::Marketplace::{m:?}"))
        .collect()
}
