//! Facts: what the person told us (or a host passed in), in the checked form the engine uses. The raw input and its
//! lowering are in `raw.rs`, the readers of machine dates in `iso.rs`.
//!
//! Missing or unknown facts mean "not asked yet" and are never an error; a value of the wrong shape (a date that is
//! not a date) is a [`FactsError`] naming the field.

mod iso;
mod raw;

pub use iso::{iso_date, parse_date, parse_day_or_month, parse_loose_date};
pub use raw::{RawCard, RawFacts, Value, TRI_FACTS};

pub use crate::content::Fact;
use crate::content::{content, Lang, UiKey};

/// The value every question offers for "I don't know".
pub const DONT_KNOW: &str = "unsure";
pub use crate::marketplace::Marketplace;
use chrono::NaiveDate;

use serde::{Deserialize, Serialize};

/// What a pasted history shows, in the form the diagnosis uses. Amounts are positive minor units.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Findings {
    /// Spent at other shops through Amazon Pay.
    pub amazon_pay: i64,
    /// Applied to Amazon orders (net of releases and refunds).
    pub orders: i64,
    /// Balance that vanished without an entry explaining it.
    pub vanished: i64,
    /// First and last date of the unexplained changes.
    #[serde(deserialize_with = "iso_date")]
    pub vanished_from: Option<NaiveDate>,
    #[serde(deserialize_with = "iso_date")]
    pub vanished_to: Option<NaiveDate>,
    /// How many rows taking money out of the balance (orders, Amazon Pay, …) were read. "No order use in the
    /// history" is only said when at least one debit row was read; filled in by the history analyzer.
    pub debit_rows: u32,
    /// Removed from the balance by rows saying a card expired (a wording no source confirmed, so it only ever
    /// raises `expired`, never decides it).
    pub expired: i64,
    /// Removed by rows saying a card was voided or a credit reversed: raises `invalidated`.
    pub invalidated: i64,
}

impl Findings {
    /// Whether the history showed any money leaving the balance, so an absence of one kind means something.
    pub fn read_debits(&self) -> bool {
        self.debit_rows > 0 || self.orders > 0 || self.amazon_pay > 0
    }
}

/// How much of the balance is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Loss {
    All,
    Partial,
    Unknown,
}

impl Loss {
    /// The id used in facts (`partial`). "Not known" is `unsure`, the value the wizard's question offers for it, so
    /// the API, the UI and the share link use one name per value.
    pub fn id(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Partial => "partial",
            Self::Unknown => "unsure",
        }
    }

    /// Parses an id (`partial`); `unknown`, the name before issue 19, is still read from saved answers and links.
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "all" => Some(Self::All),
            "partial" => Some(Self::Partial),
            "unsure" | "unknown" => Some(Self::Unknown),
            _ => None,
        }
    }
}

/// The kind of a gift card, which sets its expiry for old Japanese cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    Email,
    Print,
    Card,
    Charge,
    Corporate,
    Sheet,
    #[default]
    Unknown,
}

impl CardKind {
    /// Every kind, in the order the card form lists them.
    pub const ALL: [CardKind; 7] = [
        Self::Email,
        Self::Print,
        Self::Card,
        Self::Charge,
        Self::Corporate,
        Self::Sheet,
        Self::Unknown,
    ];

    /// The id used in facts (`email`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Print => "print",
            Self::Card => "card",
            Self::Charge => "charge",
            Self::Corporate => "corporate",
            Self::Sheet => "sheet",
            // The wizard's "I don't know" value: one name across the API, the card form and the share link.
            Self::Unknown => "unsure",
        }
    }

    /// Parses an id (`email`); `unknown`, the name before issue 19, is still read from saved cards and hosts.
    pub fn from_id(id: &str) -> Option<Self> {
        if id == "unknown" {
            return Some(Self::Unknown);
        }
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// An answer to a yes / no question; `Unsure` counts as answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tri {
    Yes,
    No,
    Unsure,
}

impl Tri {
    /// The id used in facts (`yes`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Unsure => "unsure",
        }
    }

    fn from_id(id: &str) -> Option<Self> {
        [Self::Yes, Self::No, Self::Unsure]
            .into_iter()
            .find(|t| t.id() == id)
    }
}

/// How sure the person is of a card's issue date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Read from the gift e-mail, the purchase record or the balance page.
    #[default]
    Exact,
    /// A guess ("around May 2017"): near an expiry boundary it can never rule expiry in or out.
    Approximate,
}

impl Precision {
    /// How sure a date a person typed is: exact only when a day was given and the person said it is exact
    /// (`chosen`); a month without a day, or a date whose sureness was not said, is a guess — the careful reading,
    /// since a guess near an expiry boundary never rules expiry in or out.
    pub fn of_typed(typed: &crate::dates::TypedDate, chosen: Option<Precision>) -> Precision {
        match chosen {
            Some(Precision::Exact) if typed.day_given => Precision::Exact,
            _ => Precision::Approximate,
        }
    }
}

impl Precision {
    /// The id used in facts (`approximate`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Approximate => "approximate",
        }
    }

    /// Parses an id (`exact`).
    pub fn from_id(id: &str) -> Option<Self> {
        [Self::Exact, Self::Approximate]
            .into_iter()
            .find(|p| p.id() == id)
    }
}

/// A gift card the person has (or had) registered. `Card::default()` is the blank card a question's answer starts:
/// no date (exact when one comes), kind unknown, no amount, code or marketplace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// Issue date (or purchase / receipt date).
    pub issued: Option<NaiveDate>,
    /// Whether `issued` is exact or a guess.
    #[serde(default)]
    pub issued_precision: Precision,
    pub kind: CardKind,
    /// Amount in minor units (yen, cents).
    pub amount: Option<i64>,
    /// Last four characters of the claim code; never more.
    pub last4: Option<String>,
    /// Where the card was bought, when it differs from the account's marketplace.
    pub marketplace: Option<Marketplace>,
}

/// The checked facts the engine works on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub marketplace: Option<Marketplace>,
    pub today: Option<NaiveDate>,
    pub loss: Option<Loss>,
    pub cards: Vec<Card>,
    /// Answers to the yes / no questions, by fact (only facts where [`Fact::is_tri`] holds).
    pub answers: Answers,
    /// Question ids answered with "I don't know" (for questions that have no such value of their own).
    pub skipped: Vec<String>,
    /// What a pasted balance history showed.
    pub history: Option<Findings>,
    /// The last day the person saw the balance intact (a month given alone counts from its first day, the earliest
    /// it can mean): a card whose latest possible expiry is before it cannot explain the drop.
    pub last_seen_intact: Option<NaiveDate>,
}

impl Facts {
    /// The answer to a yes / no fact.
    pub fn tri(&self, fact: Fact) -> Option<Tri> {
        self.answers.get(fact)
    }

    /// Sets a yes / no fact; facts that are not yes / no questions are ignored.
    pub fn set_tri(&mut self, fact: Fact, value: Option<Tri>) {
        if !fact.is_tri() {
            return;
        }
        match value {
            Some(v) => {
                self.answers.insert(fact, v);
            }
            None => {
                self.answers.remove(fact);
            }
        }
    }
}

/// The yes / no answers by fact, kept in the facts' declaration order (the order a `BTreeMap` would keep).
///
/// A sorted `Vec` rather than a `BTreeMap`: there are at most sixteen entries, and the map's B-tree code cost the
/// wasm several KB (issue 13).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(Fact, Tri)>);

impl Answers {
    /// The answer to a fact.
    pub fn get(&self, fact: Fact) -> Option<Tri> {
        self.0.iter().find(|(f, _)| *f == fact).map(|(_, t)| *t)
    }

    /// Sets the answer to a fact, replacing an earlier one.
    pub fn insert(&mut self, fact: Fact, tri: Tri) {
        match self.0.iter().position(|(f, _)| *f >= fact) {
            Some(i) if self.0[i].0 == fact => self.0[i].1 = tri,
            Some(i) => self.0.insert(i, (fact, tri)),
            None => self.0.push((fact, tri)),
        }
    }

    /// Forgets the answer to a fact.
    pub fn remove(&mut self, fact: Fact) {
        self.0.retain(|(f, _)| *f != fact);
    }

    /// The answers in the facts' declaration order.
    pub fn iter(&self) -> std::slice::Iter<'_, (Fact, Tri)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = &'a (Fact, Tri);
    type IntoIter = std::slice::Iter<'a, (Fact, Tri)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A fact of the wrong shape, or an answer that cannot be taken.
///
/// It names the field and the expected form, never the value given: a host may pass a gift card code in the wrong
/// field, and an error must not carry it on (into a console, a log or the page).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FactsError {
    /// The field, as hosts name it (`cards[0].issued`).
    pub field: String,
    /// What is wrong, as a UI text key (`error_*` in `ui.toml`) …
    pub key: UiKey,
    /// … and its placeholders other than `{field}` (fixed lists and field names only, never input).
    pub args: Vec<(&'static str, String)>,
    /// What is wrong, in English, for developers (the JS API's `Error.message`).
    pub message: String,
}

impl FactsError {
    pub(crate) fn new(field: impl Into<String>, key: UiKey) -> Self {
        Self::with(field, key, Vec::new())
    }

    pub(crate) fn with(
        field: impl Into<String>,
        key: UiKey,
        args: Vec<(&'static str, String)>,
    ) -> Self {
        let mut e = Self {
            field: field.into(),
            key,
            args,
            message: String::new(),
        };
        e.message = e.localized(Lang::En);
        e
    }

    /// The error in a person's language.
    pub fn localized(&self, lang: Lang) -> String {
        let mut args: Vec<(&str, &str)> = vec![("field", self.field.as_str())];
        args.extend(self.args.iter().map(|(k, v)| (*k, v.as_str())));
        content().ui_with(self.key, lang, &args)
    }
}
