//! Content: the causes, rules, questions and texts, read from `static/content/*.toml` at build time and lowered here
//! into the model the engine uses.
//!
//! Flow: TOML files → [`raw`] structs (build script, checked by [`validate`]) → postcard bytes embedded in the
//! library → [`Content`] with parsed effects and conditions. The browser never parses TOML.

pub mod raw;
pub mod validate;
pub mod vocab;

pub use vocab::{Fact, UiKey};

use raw::{RawCondition, RawContent, RawText};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The language of the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Picks a language from a BCP 47 tag (`ja-JP`, `en-GB`); `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag (`ja`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    ja: String,
    en: String,
}

impl Text {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

impl From<&RawText> for Text {
    fn from(raw: &RawText) -> Self {
        Text {
            ja: raw.ja.clone(),
            en: raw.en.clone(),
        }
    }
}

/// Whether the money can come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Recoverable {
    Yes,
    Maybe,
    No,
}

/// A possible cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub id: String,
    pub prior: i32,
    /// Where the cause exists; empty for every marketplace.
    pub marketplaces: Vec<crate::marketplace::Marketplace>,
    pub recoverable: Recoverable,
    pub title: Text,
    pub explanation: Text,
    pub recovery: Text,
    pub checks: Vec<Text>,
    pub actions: Vec<Text>,
}

/// What a rule does to its cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Puts the cause first with high likelihood.
    Decisive,
    Raise(i32),
    Lower(i32),
    /// The facts exclude the cause.
    RuleOut,
}

/// A fact has one of these values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub fact: Fact,
    pub values: Vec<String>,
}

impl Condition {
    /// Lowers a checked condition; `None` for an unknown fact (which validation has already reported).
    fn lower(raw: &RawCondition) -> Option<Self> {
        Some(Condition {
            fact: Fact::from_name(&raw.fact)?,
            values: raw
                .is
                .iter()
                .chain(raw.any_of.iter().flatten())
                .cloned()
                .collect(),
        })
    }
}

fn conditions(raw: &[RawCondition]) -> Vec<Condition> {
    raw.iter().filter_map(Condition::lower).collect()
}

/// A rule of the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Index into [`Content::causes`].
    pub cause: usize,
    pub effect: Effect,
    pub when: Vec<Condition>,
    pub reason: Text,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Choice,
    Tri,
    Date,
}

/// One answer of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: Text,
}

/// A question of the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub fact: Fact,
    pub kind: QuestionKind,
    pub ask_if: Vec<Condition>,
    pub text: Text,
    pub help: Option<Text>,
    pub choices: Vec<Choice>,
}

/// How to reach customer service on one marketplace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Support {
    pub marketplace: crate::marketplace::Marketplace,
    pub steps: Vec<Text>,
}

/// All content, checked and lowered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub causes: Vec<Cause>,
    pub rules: Vec<Rule>,
    pub questions: Vec<Question>,
    pub support: Vec<Support>,
    /// What to have ready before contacting customer service.
    pub support_prepare: Vec<Text>,
    /// Never give the code to anyone else.
    pub support_warning: Text,
    ui: Vec<Text>,
}

impl Content {
    /// Lowers checked raw content. Call [`validate::validate`] first: unknown names are skipped here, not reported.
    pub fn lower(raw: &RawContent) -> Content {
        let causes: Vec<Cause> = raw
            .causes
            .cause
            .iter()
            .map(|c| Cause {
                id: c.id.clone(),
                prior: c.prior,
                marketplaces: c
                    .marketplaces
                    .iter()
                    .filter_map(|m| crate::marketplace::Marketplace::from_id(m))
                    .collect(),
                recoverable: match c.recoverable.as_str() {
                    "yes" => Recoverable::Yes,
                    "no" => Recoverable::No,
                    _ => Recoverable::Maybe,
                },
                title: (&c.title).into(),
                explanation: (&c.explanation).into(),
                recovery: (&c.recovery).into(),
                checks: c.checks.iter().map(Text::from).collect(),
                actions: c.actions.iter().map(Text::from).collect(),
            })
            .collect();
        let rules = raw
            .rules
            .rule
            .iter()
            .filter_map(|r| {
                let cause = causes.iter().position(|c| c.id == r.cause)?;
                let weight = r.weight.unwrap_or(0);
                let effect = match r.effect.as_str() {
                    "decisive" => Effect::Decisive,
                    "raise" => Effect::Raise(weight),
                    "lower" => Effect::Lower(weight),
                    "rule_out" => Effect::RuleOut,
                    _ => return None,
                };
                Some(Rule {
                    cause,
                    effect,
                    when: conditions(&r.when),
                    reason: (&r.reason).into(),
                })
            })
            .collect();
        let questions = raw
            .questions
            .question
            .iter()
            .filter_map(|q| {
                Some(Question {
                    id: q.id.clone(),
                    fact: Fact::from_name(&q.fact)?,
                    kind: match q.kind.as_str() {
                        "choice" => QuestionKind::Choice,
                        "date" => QuestionKind::Date,
                        _ => QuestionKind::Tri,
                    },
                    ask_if: conditions(&q.ask_if),
                    text: (&q.text).into(),
                    help: q.help.as_ref().map(Text::from),
                    choices: q
                        .choices
                        .iter()
                        .map(|c| Choice {
                            value: c.value.clone(),
                            label: (&c.label).into(),
                        })
                        .collect(),
                })
            })
            .collect();
        let ui = UiKey::ALL
            .iter()
            .map(|k| {
                raw.ui
                    .text
                    .get(k.name())
                    .map(Text::from)
                    .unwrap_or_else(|| Text {
                        ja: k.name().into(),
                        en: k.name().into(),
                    })
            })
            .collect();
        let support = raw
            .support
            .market
            .iter()
            .filter_map(|m| {
                Some(Support {
                    marketplace: crate::marketplace::Marketplace::from_id(&m.id)?,
                    steps: m.steps.iter().map(Text::from).collect(),
                })
            })
            .collect();
        Content {
            causes,
            rules,
            questions,
            support,
            support_prepare: raw.support.prepare.iter().map(Text::from).collect(),
            support_warning: (&raw.support.warning).into(),
            ui,
        }
    }

    /// The support steps of a marketplace (the generic ones for `other`).
    pub fn support_for(&self, market: crate::marketplace::Marketplace) -> Option<&Support> {
        self.support
            .iter()
            .find(|s| s.marketplace == market)
            .or_else(|| {
                self.support
                    .iter()
                    .find(|s| s.marketplace == crate::marketplace::Marketplace::Other)
            })
    }

    /// A UI text.
    pub fn ui(&self, key: UiKey, lang: Lang) -> &str {
        let index = UiKey::ALL.iter().position(|k| *k == key).unwrap_or(0);
        self.ui.get(index).map(|t| t.get(lang)).unwrap_or("")
    }

    /// A UI text with `{name}` placeholders filled in.
    pub fn ui_with(&self, key: UiKey, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.ui(key, lang), args)
    }

    /// A cause by id.
    pub fn cause(&self, id: &str) -> Option<&Cause> {
        self.causes.iter().find(|c| c.id == id)
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// Replaces `{name}` placeholders; names are given without braces.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

/// The raw content the build script checked and embedded.
pub fn embedded_raw() -> Result<RawContent, postcard::Error> {
    postcard::from_bytes(EMBEDDED)
}

/// The product's content, decoded once.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        // The build script wrote these bytes from content it had just validated, with the same structs, so decoding
        // cannot fail short of a build-system bug; the `embedded_content_decodes` test guards it.
        let raw = embedded_raw().unwrap_or_else(|_| RawContent {
            causes: raw::RawCausesFile { cause: Vec::new() },
            rules: raw::RawRulesFile { rule: Vec::new() },
            questions: raw::RawQuestionsFile {
                question: Vec::new(),
            },
            ui: raw::RawUiFile {
                text: Default::default(),
            },
            support: raw::RawSupportFile {
                warning: RawText {
                    ja: String::new(),
                    en: String::new(),
                },
                prepare: Vec::new(),
                market: Vec::new(),
            },
        });
        Content::lower(&raw)
    })
}
