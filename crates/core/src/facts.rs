//! Facts: what the person told us (or a host passed in), as raw input and as the checked form the engine uses.
//!
//! Missing or unknown facts mean "not asked yet" and are never an error; a value of the wrong shape (a date that is
//! not a date) is a [`FactsError`] naming the field.

pub use crate::marketplace::Marketplace;
use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

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
    /// The id used in facts (`partial`).
    pub fn id(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Partial => "partial",
            Self::Unknown => "unknown",
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
            Self::Unknown => "unknown",
        }
    }

    /// Parses an id (`email`).
    pub fn from_id(id: &str) -> Option<Self> {
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

/// A gift card the person has (or had) registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// Issue date (or purchase / receipt date).
    pub issued: Option<NaiveDate>,
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
    /// Answers to the yes / no questions, by fact name (one of [`TRI_FACTS`]).
    pub answers: BTreeMap<&'static str, Tri>,
    /// Question ids answered with "I don't know" (for questions that have no such value of their own).
    pub skipped: Vec<String>,
    /// What a pasted balance history showed.
    pub history: Option<Findings>,
}

impl Facts {
    /// The answer to a yes / no fact.
    pub fn tri(&self, fact: &str) -> Option<Tri> {
        self.answers.get(fact).copied()
    }

    /// Sets a yes / no fact; unknown names are ignored.
    pub fn set_tri(&mut self, fact: &str, value: Option<Tri>) {
        if let Some(name) = TRI_FACTS.iter().find(|n| **n == fact) {
            match value {
                Some(v) => {
                    self.answers.insert(name, v);
                }
                None => {
                    self.answers.remove(name);
                }
            }
        }
    }
}

/// A fact of the wrong shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FactsError {
    /// The field, as hosts name it (`cards[0].issued`).
    pub field: String,
    /// What is wrong, in English.
    pub message: String,
}

impl FactsError {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// A loosely typed input value: lets the lowering name the field when a host passes the wrong type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// An array, object or anything else.
    Other,
}

impl Value {
    fn describe(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Bool(_) => "a boolean",
            Value::Other => "a list or object",
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value::Str(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(i64::try_from(v)
                    .map(Value::Int)
                    .unwrap_or(Value::Float(v as f64)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Float(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Value::Other)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Value::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Str(v) => s.serialize_str(v),
            Value::Int(v) => s.serialize_i64(*v),
            Value::Float(v) => s.serialize_f64(*v),
            Value::Bool(v) => s.serialize_bool(*v),
            Value::Other => s.serialize_unit(),
        }
    }
}

/// A card as hosts and data files pass it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawCard {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplace: Option<Value>,
}

macro_rules! raw_facts {
    ($($field:ident = $name:literal,)*) => {
        /// Facts as hosts pass them from JS and golden cases write them: camelCase names, strings for values.
        /// Unknown names are ignored. (The yes / no facts are spelled out rather than collected with
        /// `#[serde(flatten)]`, whose buffering would cost the wasm several KB.)
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct RawFacts {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub marketplace: Option<Value>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub today: Option<Value>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub loss: Option<Value>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub cards: Vec<RawCard>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub skipped: Vec<String>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub history: Option<Findings>,
            $(
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<Value>,
            )*
        }

        impl RawFacts {
            /// The raw value of a yes / no fact, by its camelCase name.
            pub fn tri_value(&self, name: &str) -> Option<&Value> {
                match name {
                    $($name => self.$field.as_ref(),)*
                    _ => None,
                }
            }

            /// Sets the raw value of a yes / no fact; unknown names are ignored.
            pub fn set_tri_value(&mut self, name: &str, value: Option<Value>) {
                match name {
                    $($name => self.$field = value,)*
                    _ => {}
                }
            }
        }

        /// The yes / no facts, in camelCase as hosts pass them.
        pub const TRI_FACTS: [&str; [$($name),*].len()] = [$($name),*];
    };
}

raw_facts! {
    multiple_accounts = "multipleAccounts",
    unfamiliar_activity = "unfamiliarActivity",
    phone_lost_or_phished = "phoneLostOrPhished",
    pending_orders = "pendingOrders",
    subscribe_and_save = "subscribeAndSave",
    amazon_pay_use = "amazonPayUse",
    kindle_or_one_click = "kindleOrOneClick",
    invalidation_email = "invalidationEmail",
    bought_from_resale = "boughtFromResale",
    outage_reports = "outageReports",
    already_registered_message = "alreadyRegisteredMessage",
    account_suspended_notice = "accountSuspendedNotice",
    promotional_credit = "promotionalCredit",
}

fn string<'a>(field: &str, value: &'a Option<Value>) -> Result<Option<&'a str>, FactsError> {
    match value {
        None => Ok(None),
        Some(Value::Str(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.trim())),
        Some(other) => Err(FactsError::new(
            field,
            format!("expected a string, got {}", other.describe()),
        )),
    }
}

/// Parses an ISO date (`2027-04-24`), naming the field when it is not one.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, FactsError> {
    // Parsed by hand rather than with chrono's format parser, which would cost the wasm several KB.
    let b = text.as_bytes();
    let well_formed = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let number =
        |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse::<u32>().ok());
    let date = match (well_formed, number(0..4), number(5..7), number(8..10)) {
        (true, Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    };
    date.ok_or_else(|| {
        FactsError::new(
            field,
            format!("`{text}` is not a date; expected YYYY-MM-DD, e.g. 2027-04-24"),
        )
    })
}

fn date(field: &str, value: &Option<Value>) -> Result<Option<NaiveDate>, FactsError> {
    string(field, value)?
        .map(|s| parse_date(field, s))
        .transpose()
}

fn one_of<T>(
    field: &str,
    value: &Option<Value>,
    parse: impl Fn(&str) -> Option<T>,
    allowed: &str,
) -> Result<Option<T>, FactsError> {
    string(field, value)?
        .map(|s| {
            parse(s).ok_or_else(|| FactsError::new(field, format!("`{s}` is not one of {allowed}")))
        })
        .transpose()
}

impl RawFacts {
    /// Checks and converts the facts; the first malformed field is the error.
    pub fn lower(&self) -> Result<Facts, FactsError> {
        let marketplace = one_of(
            "marketplace",
            &self.marketplace,
            Marketplace::from_id,
            "jp, us, uk, de, fr, it, in, mx, other",
        )?;
        let today = date("today", &self.today)?;
        let loss = one_of(
            "loss",
            &self.loss,
            |s| {
                [Loss::All, Loss::Partial, Loss::Unknown]
                    .into_iter()
                    .find(|l| l.id() == s)
            },
            "all, partial, unknown",
        )?;
        let mut cards = Vec::with_capacity(self.cards.len());
        for (i, raw) in self.cards.iter().enumerate() {
            let at = |f: &str| format!("cards[{i}].{f}");
            let amount = match &raw.amount {
                None => None,
                Some(Value::Int(v)) if *v >= 0 => Some(*v),
                Some(Value::Float(v)) if v.fract() == 0.0 && *v >= 0.0 && *v < 9.0e15 => {
                    Some(*v as i64)
                }
                Some(other) => {
                    return Err(FactsError::new(
                        at("amount"),
                        format!(
                        "expected a whole, non-negative amount in minor units (yen, cents), got {}",
                        match other {
                            Value::Int(_) | Value::Float(_) => "a negative or fractional number",
                            v => v.describe(),
                        }
                    ),
                    ))
                }
            };
            let last4 = match string(&at("last4"), &raw.last4)? {
                None => None,
                Some(s) => {
                    let chars: Vec<char> =
                        s.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
                    // Keep the last four only, whatever was passed: a full code must never travel further.
                    let tail: String = chars[chars.len().saturating_sub(4)..]
                        .iter()
                        .collect::<String>()
                        .to_ascii_uppercase();
                    (!tail.is_empty()).then_some(tail)
                }
            };
            cards.push(Card {
                issued: date(&at("issued"), &raw.issued)?,
                kind: one_of(
                    &at("kind"),
                    &raw.kind,
                    CardKind::from_id,
                    "email, print, card, charge, corporate, sheet, unknown",
                )?
                .unwrap_or_default(),
                amount,
                last4,
                marketplace: one_of(
                    &at("marketplace"),
                    &raw.marketplace,
                    Marketplace::from_id,
                    "jp, us, uk, de, fr, it, in, mx, other",
                )?,
            });
        }
        let mut answers = BTreeMap::new();
        for name in TRI_FACTS {
            let value = self.tri_value(name).cloned();
            if let Some(tri) = one_of(name, &value, Tri::from_id, "yes, no, unsure")? {
                answers.insert(name, tri);
            }
        }
        Ok(Facts {
            marketplace,
            today,
            loss,
            cards,
            answers,
            skipped: self
                .skipped
                .iter()
                .filter(|s| s.len() <= 64)
                .cloned()
                .collect(),
            history: self.history.clone(),
        })
    }
}

impl Facts {
    /// The raw form of these facts (for storage and the URL fragment); `lower` of it gives these facts back.
    pub fn to_raw(&self) -> RawFacts {
        let s = |v: &str| Some(Value::Str(v.to_owned()));
        let mut raw = RawFacts {
            marketplace: self.marketplace.and_then(|m| s(m.id())),
            today: self.today.and_then(|d| s(&d.to_string())),
            loss: self.loss.and_then(|l| s(l.id())),
            cards: self
                .cards
                .iter()
                .map(|c| RawCard {
                    issued: c.issued.and_then(|d| s(&d.to_string())),
                    kind: (c.kind != CardKind::Unknown).then(|| Value::Str(c.kind.id().to_owned())),
                    amount: c.amount.map(Value::Int),
                    last4: c.last4.as_deref().and_then(s),
                    marketplace: c.marketplace.and_then(|m| s(m.id())),
                })
                .collect(),
            skipped: self.skipped.clone(),
            history: self.history.clone(),
            ..RawFacts::default()
        };
        for (name, value) in &self.answers {
            raw.set_tri_value(name, s(value.id()));
        }
        raw
    }
}

/// Reads optional ISO dates in serde input (`#[serde(deserialize_with = "crate::facts::iso_date")]`) with
/// [`parse_date`], so the wasm does not carry chrono's general format parser.
pub fn iso_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => parse_date("date", &s)
            .map(Some)
            .map_err(|e| de::Error::custom(e.message)),
    }
}

/// Parses a date typed by a person: `2019-03-01`, `2019/3/1`, `2019.3.1`, `2019年3月1日`, full-width digits too
/// (the core's one date reader, [`crate::dates`]).
pub fn parse_loose_date(text: &str) -> Option<NaiveDate> {
    crate::dates::parse_typed(text)
}
