//! Raw content: serde structs that mirror the TOML files under `static/content/` one to one.
//!
//! Shared with the build script through `#[path]`, so it depends on nothing but `serde`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in both languages: `ja`, and `en` in US English. Its other forms are data beside it, only where a text needs
/// them (validate.rs checks which):
/// - English per marketplace: `en_gb` (British spelling and Amazon.co.uk's page names, for uk, de, fr, it and, unless
///   `en_in`, in) and `en_in` (Indian English, Amazon.in's names), each only where it differs from `en`;
/// - counts (a text with `{count}`): CLDR plural forms, `ja` and `en` being `other` (Japanese has no other category)
///   and `en_one` the English `one` (exactly 1); `ja_zero` / `en_zero` the sentence for 0 where `other` reads wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub ja: String,
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en_gb: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en_in: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en_one: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ja_zero: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en_zero: Option<String>,
}

impl RawText {
    /// Every form with its field name (`en_gb`), the ones present.
    pub fn forms(&self) -> Vec<(&'static str, &str)> {
        let mut out = vec![("ja", self.ja.as_str()), ("en", self.en.as_str())];
        for (name, form) in [
            ("en_gb", &self.en_gb),
            ("en_in", &self.en_in),
            ("en_one", &self.en_one),
            ("ja_zero", &self.ja_zero),
            ("en_zero", &self.en_zero),
        ] {
            if let Some(f) = form {
                out.push((name, f.as_str()));
            }
        }
        out
    }
}

/// `causes.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCausesFile {
    pub cause: Vec<RawCause>,
}

/// One possible cause of a missing balance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCause {
    /// Stable id, e.g. `applied_to_order`.
    pub id: String,
    /// Score before any fact is known; sets the order when nothing has been answered.
    pub prior: i32,
    /// `yes`, `maybe` or `no`: can the money come back?
    pub recoverable: String,
    /// The marketplaces the cause exists on (ids); empty for every one. On another marketplace the cause is left
    /// out altogether (not listed as ruled out: it was never a possibility there).
    #[serde(default)]
    pub marketplaces: Vec<String>,
    pub title: RawText,
    pub explanation: RawText,
    /// Why the money can or cannot come back.
    pub recovery: RawText,
    pub checks: Vec<RawText>,
    pub actions: Vec<RawText>,
    /// The pages its checks name (ids of `support.toml`'s `page`), linked where the marketplace has an address.
    #[serde(default)]
    pub links: Vec<String>,
}

/// `rules.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRulesFile {
    pub rule: Vec<RawRule>,
}

/// A rule: when all conditions hold, the effect applies to the cause, and the reason is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub cause: String,
    /// `decisive`, `raise`, `lower`, `rule_out` or `at_most_medium`.
    pub effect: String,
    /// Points added (`raise`) or taken away (`lower`); absent for `decisive` and `rule_out`.
    #[serde(default)]
    pub weight: Option<i32>,
    pub when: Vec<RawCondition>,
    pub reason: RawText,
}

/// A condition on one fact: it has the value `is`, or one of `any_of`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub fact: String,
    #[serde(default)]
    pub is: Option<String>,
    #[serde(default)]
    pub any_of: Option<Vec<String>>,
}

/// `questions.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionsFile {
    pub question: Vec<RawQuestion>,
}

/// A question of the wizard, asking one fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub fact: String,
    /// `choice` (choices listed here), `tri` (yes / no / unsure) or `date`.
    pub kind: String,
    /// Asked only when all these hold.
    #[serde(default)]
    pub ask_if: Vec<RawCondition>,
    pub text: RawText,
    #[serde(default)]
    pub help: Option<RawText>,
    #[serde(default)]
    pub choices: Vec<RawChoice>,
}

/// One answer of a `choice` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub value: String,
    pub label: RawText,
}

/// `ui.toml`: every other text, by key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUiFile {
    pub text: BTreeMap<String, RawText>,
}

/// `support.toml`: how to reach customer service, per marketplace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSupportFile {
    /// The warning a scammer cannot pass, the same everywhere but for its `{fraud_channel}`.
    pub warning: RawText,
    /// What to have ready, the same everywhere.
    pub prepare: Vec<RawText>,
    /// The pages the support block links to (ids of `page`).
    #[serde(default)]
    pub links: Vec<String>,
    /// The Amazon pages that can be linked, with their labels.
    #[serde(default)]
    pub page: Vec<RawPage>,
    pub market: Vec<RawSupportMarket>,
}

/// A kind of Amazon page a link can open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    /// One of the vocabulary's pages (`balance`).
    pub id: String,
    pub label: RawText,
}

/// The way to customer service on one marketplace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSupportMarket {
    /// A marketplace id (`jp`).
    pub id: String,
    /// The steps, in that site's own menu words.
    pub steps: Vec<RawText>,
    /// Where a scam is reported in that country, as a noun phrase ("the FTC at ReportFraud.ftc.gov"; "the police"
    /// where no source names a channel): fills `{fraud_channel}` in the warning and in causes' texts.
    pub fraud_channel: RawText,
    /// A sentence naming the marketplace's own scam-report page, where a source names one.
    #[serde(default)]
    pub scam_page: Option<RawText>,
    /// Page id → address on the marketplace's own host, only where a source names the address.
    #[serde(default)]
    pub links: std::collections::BTreeMap<String, String>,
}

/// `history.toml`: the words that tell what a row of a pasted balance history is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHistoryFile {
    pub wording: Vec<RawWording>,
}

/// Words of one language and meaning that share a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWording {
    /// The language of the balance page that shows them (`ja`).
    pub lang: String,
    /// The marketplaces whose page they are written for (ids).
    pub marketplaces: Vec<String>,
    /// What they say about the row (`expired`): a [`super::vocab::Meaning`] name.
    pub means: String,
    /// Matched anywhere in the row's description, in lower case.
    pub words: Vec<String>,
    /// The page where they were seen, or `assumed`. Optional here so that a missing source is reported by
    /// validation with its path, like every other problem, instead of failing the parse.
    #[serde(default)]
    pub source: Option<String>,
}

/// All content files together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawContent {
    pub causes: RawCausesFile,
    pub rules: RawRulesFile,
    pub questions: RawQuestionsFile,
    pub ui: RawUiFile,
    pub support: RawSupportFile,
    pub history: RawHistoryFile,
}

/// The content files, by name, in the order they are read.
/// `page.toml`: the texts around the widget and instead of it (the pages' title and description, `<noscript>`, the
/// fallback when the app cannot start). Validated with the rest; read by `cargo xtask dist`, not baked into the wasm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPageFile {
    pub page: RawPageTexts,
    pub noscript: RawText,
    pub fallback: RawFallback,
}

/// The standalone pages' own texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPageTexts {
    pub title: RawText,
    pub h1: RawText,
    pub description: RawText,
    pub failed: RawText,
}

/// What `embed.js` shows when the widget cannot start: a message, a lead, the checks, the offline link's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFallback {
    pub failed_start: RawText,
    pub checklist_lead: RawText,
    pub offline_link: RawText,
    pub checks: Vec<RawText>,
}

/// The page texts' file, beside [`FILES`].
pub const PAGE_FILE: &str = "page.toml";

pub const FILES: &[&str] = &[
    "causes.toml",
    "rules.toml",
    "questions.toml",
    "ui.toml",
    "support.toml",
    "history.toml",
];
