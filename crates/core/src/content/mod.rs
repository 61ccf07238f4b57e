//! Content: the causes, rules, questions, texts and history wordings, read from `static/content/*.toml` and lowered
//! at build time into the model the engine uses.
//!
//! Flow: TOML files → [`raw`] structs (build script, checked by [`validate`]) → lowered by the build script into Rust
//! source for a `static` [`Content`] (typed effects, facts and conditions, texts as indices into one [`blob`] per
//! language) that this module includes. The browser never parses or decodes content, and nothing is allocated for
//! it at start.

pub mod blob;
pub mod raw;
pub mod validate;
pub mod vocab;

pub use vocab::{Fact, Meaning, UiKey};

use raw::{RawCondition, RawContent, RawText};
use serde::{Deserialize, Serialize};

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

/// A text in both languages: its index into the build script's packed texts (see [`blob`]), two bytes where two
/// `&str` were sixteen. Two texts are equal when they are the same entry of the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(u16);

impl Text {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &'static str {
        let (text, marks) = match lang {
            Lang::Ja => (JA, &JA_MARKS[..]),
            Lang::En => (EN, &EN_MARKS[..]),
        };
        blob::unpack(text, marks, self.0)
    }
}

/// A list of texts (a cause's checks, a marketplace's steps): the build script gives a list's texts consecutive
/// indices, so the first and a count stand for it, four bytes where a slice of [`Text`] took eight and its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextList {
    first: u16,
    len: u16,
}

impl TextList {
    /// The texts in order.
    pub fn iter(self) -> impl Iterator<Item = Text> {
        // `pack` allows at most `u16::MAX` texts, so the end fits; saturating all the same, so it never panics.
        (self.first..self.first.saturating_add(self.len)).map(Text)
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

impl Recoverable {
    /// The word `causes.toml` uses (`maybe`).
    pub fn id(self) -> &'static str {
        match self {
            Recoverable::Yes => "yes",
            Recoverable::Maybe => "maybe",
            Recoverable::No => "no",
        }
    }
}

/// A possible cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub id: &'static str,
    pub prior: i32,
    /// Where the cause exists; empty for every marketplace.
    pub marketplaces: &'static [crate::marketplace::Marketplace],
    pub recoverable: Recoverable,
    pub title: Text,
    pub explanation: Text,
    pub recovery: Text,
    pub checks: TextList,
    pub actions: TextList,
    /// The pages its checks name (page ids).
    pub links: &'static [&'static str],
}

/// A kind of Amazon page a link can open, with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub id: &'static str,
    pub label: Text,
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
    /// The cause ranks at most "medium", whatever raised it: its evidence rests on a source that is not sure (an
    /// unsure expiry rule, a guessed date across a boundary).
    AtMostMedium,
}

/// A fact has one of these values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub fact: Fact,
    pub values: &'static [&'static str],
}

/// A rule of the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Index into [`Content::causes`].
    pub cause: usize,
    pub effect: Effect,
    pub when: &'static [Condition],
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

impl QuestionKind {
    /// The word `questions.toml` uses (`tri`).
    pub fn id(self) -> &'static str {
        match self {
            QuestionKind::Choice => "choice",
            QuestionKind::Tri => "tri",
            QuestionKind::Date => "date",
        }
    }
}

/// One answer of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub label: Text,
}

/// A question of the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub fact: Fact,
    pub kind: QuestionKind,
    pub ask_if: &'static [Condition],
    pub text: Text,
    pub help: Option<Text>,
    pub choices: &'static [Choice],
}

/// How to reach customer service on one marketplace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Support {
    pub marketplace: crate::marketplace::Marketplace,
    pub steps: TextList,
    /// Where a scam is reported in that country (fills `{fraud_channel}`).
    pub fraud_channel: Text,
    /// The marketplace's own scam-report page, where a source names one.
    pub scam_page: Option<Text>,
    /// Page id → address on the marketplace's host, where a source names one.
    pub links: &'static [(&'static str, &'static str)],
}

/// Words of `history.toml` that share a language, a meaning and a source, as the file lists them. Only tools and the
/// test that the baked content equals the file read these; the classifier reads [`Content::history_words`], so the
/// wasm carries no source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub lang: &'static str,
    pub marketplaces: &'static [crate::marketplace::Marketplace],
    pub means: Meaning,
    pub words: &'static [&'static str],
    /// A URL, or `assumed`.
    pub source: &'static str,
}

/// All content, checked and lowered (by the build script, into the `CONTENT` static).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub causes: &'static [Cause],
    pub rules: &'static [Rule],
    pub questions: &'static [Question],
    pub support: &'static [Support],
    /// What to have ready before contacting customer service.
    pub support_prepare: TextList,
    /// The warning a scammer cannot pass (with a `{fraud_channel}` placeholder).
    pub support_warning: Text,
    /// The pages the support block links to.
    pub support_links: &'static [&'static str],
    /// The pages that can be linked, with their labels.
    pub pages: &'static [Page],
}

impl Content {
    /// The content in the shape of the files, for tools (the end-to-end tests' JSON) and for the test that the baked
    /// content equals the files. A condition's values come back as `is` when there is one, as `any_of` otherwise.
    pub fn to_raw(&self) -> RawContent {
        fn raw_text(t: &Text) -> RawText {
            RawText {
                ja: t.get(Lang::Ja).to_owned(),
                en: t.get(Lang::En).to_owned(),
            }
        }
        fn raw_texts(list: TextList) -> Vec<RawText> {
            list.iter().map(|t| raw_text(&t)).collect()
        }
        fn raw_conditions(list: &[Condition]) -> Vec<RawCondition> {
            list.iter()
                .map(|c| {
                    let values: Vec<String> = c.values.iter().map(|v| (*v).to_owned()).collect();
                    let (is, any_of) = match values.as_slice() {
                        [one] => (Some(one.clone()), None),
                        _ => (None, Some(values)),
                    };
                    RawCondition {
                        fact: c.fact.name().to_owned(),
                        is,
                        any_of,
                    }
                })
                .collect()
        }
        RawContent {
            causes: raw::RawCausesFile {
                cause: self
                    .causes
                    .iter()
                    .map(|c| raw::RawCause {
                        id: c.id.to_owned(),
                        prior: c.prior,
                        recoverable: c.recoverable.id().to_owned(),
                        marketplaces: c.marketplaces.iter().map(|m| m.id().to_owned()).collect(),
                        title: raw_text(&c.title),
                        explanation: raw_text(&c.explanation),
                        recovery: raw_text(&c.recovery),
                        checks: raw_texts(c.checks),
                        actions: raw_texts(c.actions),
                        links: c.links.iter().map(|l| (*l).to_owned()).collect(),
                    })
                    .collect(),
            },
            rules: raw::RawRulesFile {
                rule: self
                    .rules
                    .iter()
                    .map(|r| {
                        let (effect, weight) = match r.effect {
                            Effect::Decisive => ("decisive", None),
                            Effect::Raise(w) => ("raise", Some(w)),
                            Effect::Lower(w) => ("lower", Some(w)),
                            Effect::RuleOut => ("rule_out", None),
                            Effect::AtMostMedium => ("at_most_medium", None),
                        };
                        raw::RawRule {
                            cause: self.causes.get(r.cause).map_or("", |c| c.id).to_owned(),
                            effect: effect.to_owned(),
                            weight,
                            when: raw_conditions(r.when),
                            reason: raw_text(&r.reason),
                        }
                    })
                    .collect(),
            },
            questions: raw::RawQuestionsFile {
                question: self
                    .questions
                    .iter()
                    .map(|q| raw::RawQuestion {
                        id: q.id.to_owned(),
                        fact: q.fact.name().to_owned(),
                        kind: q.kind.id().to_owned(),
                        ask_if: raw_conditions(q.ask_if),
                        text: raw_text(&q.text),
                        help: q.help.as_ref().map(raw_text),
                        choices: q
                            .choices
                            .iter()
                            .map(|c| raw::RawChoice {
                                value: c.value.to_owned(),
                                label: raw_text(&c.label),
                            })
                            .collect(),
                    })
                    .collect(),
            },
            ui: raw::RawUiFile {
                text: UiKey::ALL
                    .iter()
                    .map(|&k| (k.name().to_owned(), raw_text(&Self::ui_text(k))))
                    .collect(),
            },
            support: raw::RawSupportFile {
                warning: raw_text(&self.support_warning),
                prepare: raw_texts(self.support_prepare),
                links: self.support_links.iter().map(|l| (*l).to_owned()).collect(),
                page: self
                    .pages
                    .iter()
                    .map(|p| raw::RawPage {
                        id: p.id.to_owned(),
                        label: raw_text(&p.label),
                    })
                    .collect(),
                market: self
                    .support
                    .iter()
                    .map(|s| raw::RawSupportMarket {
                        id: s.marketplace.id().to_owned(),
                        steps: raw_texts(s.steps),
                        fraud_channel: raw_text(&s.fraud_channel),
                        scam_page: s.scam_page.as_ref().map(raw_text),
                        links: s
                            .links
                            .iter()
                            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                            .collect(),
                    })
                    .collect(),
            },
            history: raw::RawHistoryFile {
                wording: HISTORY
                    .iter()
                    .map(|w| raw::RawWording {
                        lang: w.lang.to_owned(),
                        marketplaces: w.marketplaces.iter().map(|m| m.id().to_owned()).collect(),
                        means: w.means.name().to_owned(),
                        words: w.words.iter().map(|word| (*word).to_owned()).collect(),
                        source: Some(w.source.to_owned()),
                    })
                    .collect(),
            },
        }
    }

    /// The words of `history.toml` that mean `meaning`, in file order: what the history classifier matches.
    pub fn history_words(&self, meaning: Meaning) -> &'static [&'static str] {
        HISTORY_WORDS[meaning.index()]
    }

    /// The wordings of `history.toml` with their languages, marketplaces and sources, for tools.
    pub fn history_wordings(&self) -> &'static [Wording] {
        HISTORY
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
    pub fn ui(&self, key: UiKey, lang: Lang) -> &'static str {
        Self::ui_text(key).get(lang)
    }

    /// The build script packs the UI texts first, in the order of [`UiKey::ALL`], which lists the keys in declaration
    /// order: a key's discriminant is its text's index, and no table is needed.
    fn ui_text(key: UiKey) -> Text {
        Text(key as u16)
    }

    /// A UI text with `{name}` placeholders filled in.
    pub fn ui_with(&self, key: UiKey, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.ui(key, lang), args)
    }

    /// The address of a page on a marketplace, where a source names one.
    pub fn link(
        &self,
        market: crate::marketplace::Marketplace,
        page: &str,
    ) -> Option<&'static str> {
        self.support
            .iter()
            .find(|s| s.marketplace == market)?
            .links
            .iter()
            .find(|(p, _)| *p == page)
            .map(|(_, href)| *href)
    }

    /// A page's label.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
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

// The build script's output: `static CONTENT: Content = …`, the packed texts (`JA`, `EN` and their `…_MARKS`) and the
// history wordings (`HISTORY_WORDS`, `HISTORY`), written from the content it had just validated.
include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The product's content: baked into the binary by the build script, so nothing is decoded or allocated at start.
pub fn content() -> &'static Content {
    &CONTENT
}
