//! Facts as a host or a file gives them (`RawFacts`, `RawCard`: loosely typed, read by hand-written `Deserialize`s so
//! an error names the field and never quotes the value), lowered to the typed [`Facts`](super::Facts).

use super::*;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

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
///
/// `Deserialize` is written by hand (below): every field is an optional [`Value`], read by one call instead of the
/// derive's one per field; a unit test holds it to the derived reading.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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
    /// `exact` (the default) or `approximate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_precision: Option<Value>,
    /// The claim code, only for `cardStatus`: the facts ignore it, and it is never serialised (so never stored).
    #[serde(default, skip_serializing)]
    pub code: Option<Value>,
}

/// The derived reading of [`RawCard`], kept as the reference the hand-written one is tested against.
#[cfg(test)]
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DerivedRawCard {
    #[serde(default)]
    issued: Option<Value>,
    #[serde(default)]
    kind: Option<Value>,
    #[serde(default)]
    amount: Option<Value>,
    #[serde(default)]
    last4: Option<Value>,
    #[serde(default)]
    marketplace: Option<Value>,
    #[serde(default)]
    issued_precision: Option<Value>,
    #[serde(default)]
    code: Option<Value>,
}

#[cfg(test)]
impl From<DerivedRawCard> for RawCard {
    fn from(d: DerivedRawCard) -> Self {
        RawCard {
            issued: d.issued,
            kind: d.kind,
            amount: d.amount,
            last4: d.last4,
            marketplace: d.marketplace,
            issued_precision: d.issued_precision,
            code: d.code,
        }
    }
}

/// A card's fields in input, in the order the derived `Deserialize` listed them.
const RAW_CARD_FIELDS: &[&str] = &[
    "issued",
    "kind",
    "amount",
    "last4",
    "marketplace",
    "issuedPrecision",
    "code",
];

impl RawCard {
    fn slot(&mut self, name: &str) -> Option<&mut Option<Value>> {
        match name {
            "issued" => Some(&mut self.issued),
            "kind" => Some(&mut self.kind),
            "amount" => Some(&mut self.amount),
            "last4" => Some(&mut self.last4),
            "marketplace" => Some(&mut self.marketplace),
            "issuedPrecision" => Some(&mut self.issued_precision),
            "code" => Some(&mut self.code),
            _ => None,
        }
    }
}

/// Reads a struct whose fields are all optional values found by name with `slot`: unknown names are ignored, a name
/// given twice is an error (as with the derived reading).
fn read_slots<'de, T: Default, A: de::MapAccess<'de>>(
    mut map: A,
    fields: &'static [&'static str],
    slot: for<'a> fn(&'a mut T, &str) -> Option<&'a mut Option<Value>>,
) -> Result<T, A::Error> {
    let mut out = T::default();
    let mut seen = 0u64;
    while let Some(key) = map.next_key::<String>()? {
        if let Some(i) = fields.iter().position(|f| *f == key) {
            if seen & (1 << i) != 0 {
                return Err(de::Error::duplicate_field(fields[i]));
            }
            seen |= 1 << i;
        }
        match slot(&mut out, &key) {
            Some(value) => *value = map.next_value()?,
            None => {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
    }
    Ok(out)
}

impl<'de> Deserialize<'de> for RawCard {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawCard;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("struct RawCard")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<RawCard, A::Error> {
                read_slots(map, RAW_CARD_FIELDS, RawCard::slot)
            }
        }
        d.deserialize_struct("RawCard", RAW_CARD_FIELDS, V)
    }
}

impl RawCard {
    /// Checks and converts a card; `prefix` names where it sits (`cards[0].`, or empty for `cardStatus`).
    pub fn lower(&self, prefix: &str) -> Result<Card, FactsError> {
        let raw = self;
        let at = |f: &str| format!("{prefix}{f}");
        let amount = match &raw.amount {
            None => None,
            Some(Value::Int(v)) if *v >= 0 => Some(*v),
            Some(Value::Float(v)) if v.fract() == 0.0 && *v >= 0.0 && *v < 9.0e15 => {
                Some(*v as i64)
            }
            Some(other) => {
                return Err(FactsError::with(
                    at("amount"),
                    UiKey::ErrorExpectedAmount,
                    vec![(
                        "got",
                        match other {
                            Value::Int(_) | Value::Float(_) => "a negative or fractional number",
                            v => v.describe(),
                        }
                        .to_owned(),
                    )],
                ))
            }
        };
        let last4 = match string(&at("last4"), &raw.last4)? {
            None => None,
            Some(s) => {
                let chars: Vec<char> = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
                // Keep the last four only, whatever was passed: a full code must never travel further.
                let tail: String = chars[chars.len().saturating_sub(4)..]
                    .iter()
                    .collect::<String>()
                    .to_ascii_uppercase();
                (!tail.is_empty()).then_some(tail)
            }
        };
        Ok(Card {
            issued: date(&at("issued"), &raw.issued)?,
            issued_precision: one_of(
                &at("issuedPrecision"),
                &raw.issued_precision,
                Precision::from_id,
                "exact, approximate",
            )?
            .unwrap_or_default(),
            kind: one_of(
                &at("kind"),
                &raw.kind,
                CardKind::from_id,
                "email, print, card, charge, corporate, sheet, unsure",
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
        })
    }

    /// The typed claim code of a `cardStatus` card, if any; only a string is accepted (never echoed back).
    pub fn code(&self) -> Result<Option<&str>, FactsError> {
        string("code", &self.code)
    }
}

macro_rules! raw_facts {
    ($($field:ident = $name:literal,)*) => {
        /// Facts as hosts pass them from JS and golden cases write them: camelCase names, strings for values.
        /// Unknown names are ignored. (The yes / no facts are spelled out rather than collected with
        /// `#[serde(flatten)]`, whose buffering would cost the wasm several KB.)
        ///
        /// `Deserialize` is written by hand (below the macro): the derived one spelled out every field's reading and
        /// cost the wasm about 4 KB; a unit test holds the two to the same results.
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct RawFacts {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub marketplace: Option<Value>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub today: Option<Value>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub loss: Option<Value>,
            /// The first card's issue date (ISO), or `unsure`: what the `card_issued` question offers, as the share
            /// link spells it. A date here fills the first card's when `cards` gives none.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub card_issued: Option<Value>,
            /// The first card's kind, or `unsure`: what the `card_kind` question offers. Fills the first card's kind
            /// when `cards` gives none.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub card_kind: Option<Value>,
            /// When the balance was last seen intact: `YYYY-MM-DD`, or `YYYY-MM` for a month.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub last_seen_intact: Option<Value>,
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
                if let Some(slot) = self.tri_slot(name) {
                    *slot = value;
                }
            }

            fn tri_slot(&mut self, name: &str) -> Option<&mut Option<Value>> {
                match name {
                    $($name => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }

        /// Every field's name in input, in the order the derived `Deserialize` listed them (serde-wasm-bindgen reads
        /// the JS object's properties in this order).
        const RAW_FACTS_FIELDS: &[&str] =
            &["marketplace", "today", "loss", "cardIssued", "cardKind", "lastSeenIntact", "cards", "skipped", "history", $($name),*];

        /// The derived reading of [`RawFacts`], kept as the reference the hand-written one is tested against.
        #[cfg(test)]
        #[derive(Debug, Default, Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct DerivedRawFacts {
            #[serde(default)]
            marketplace: Option<Value>,
            #[serde(default)]
            today: Option<Value>,
            #[serde(default)]
            loss: Option<Value>,
            #[serde(default)]
            card_issued: Option<Value>,
            #[serde(default)]
            card_kind: Option<Value>,
            #[serde(default)]
            last_seen_intact: Option<Value>,
            #[serde(default)]
            cards: Vec<RawCard>,
            #[serde(default)]
            skipped: Vec<String>,
            #[serde(default)]
            history: Option<Findings>,
            $(
                #[serde(default)]
                $field: Option<Value>,
            )*
        }

        #[cfg(test)]
        impl From<DerivedRawFacts> for RawFacts {
            fn from(d: DerivedRawFacts) -> Self {
                RawFacts {
                    marketplace: d.marketplace,
                    today: d.today,
                    loss: d.loss,
                    card_issued: d.card_issued,
                    card_kind: d.card_kind,
                    last_seen_intact: d.last_seen_intact,
                    cards: d.cards,
                    skipped: d.skipped,
                    history: d.history,
                    $($field: d.$field,)*
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
    cannot_sign_in = "cannotSignIn",
    promotional_credit = "promotionalCredit",
    shared_account_or_device = "sharedAccountOrDevice",
    amazon_points = "amazonPoints",
    code_shared = "codeShared",
    recent_top_up = "recentTopUp",
    paid_memberships = "paidMemberships",
}

impl<'de> Deserialize<'de> for RawFacts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawFacts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("struct RawFacts")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<RawFacts, A::Error> {
                let mut raw = RawFacts::default();
                let mut seen = [false; RAW_FACTS_FIELDS.len()];
                while let Some(key) = map.next_key::<String>()? {
                    // A field given twice is an error, as it was with the derived reading (JSON text can repeat a
                    // key; a JS object or a TOML table cannot).
                    if let Some(i) = RAW_FACTS_FIELDS.iter().position(|f| *f == key) {
                        if std::mem::replace(&mut seen[i], true) {
                            return Err(de::Error::duplicate_field(RAW_FACTS_FIELDS[i]));
                        }
                    }
                    match key.as_str() {
                        "cards" => raw.cards = map.next_value()?,
                        "skipped" => raw.skipped = map.next_value()?,
                        "history" => raw.history = map.next_value()?,
                        name => {
                            let slot = match name {
                                "marketplace" => Some(&mut raw.marketplace),
                                "today" => Some(&mut raw.today),
                                "loss" => Some(&mut raw.loss),
                                "cardIssued" => Some(&mut raw.card_issued),
                                "cardKind" => Some(&mut raw.card_kind),
                                "lastSeenIntact" => Some(&mut raw.last_seen_intact),
                                _ => raw.tri_slot(name),
                            };
                            match slot {
                                Some(slot) => *slot = map.next_value()?,
                                // Unknown names are ignored.
                                None => {
                                    map.next_value::<de::IgnoredAny>()?;
                                }
                            }
                        }
                    }
                }
                Ok(raw)
            }
        }
        d.deserialize_struct("RawFacts", RAW_FACTS_FIELDS, V)
    }
}

fn string<'a>(field: &str, value: &'a Option<Value>) -> Result<Option<&'a str>, FactsError> {
    match value {
        None => Ok(None),
        Some(Value::Str(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.trim())),
        Some(other) => Err(FactsError::with(
            field,
            UiKey::ErrorExpectedText,
            vec![("got", other.describe().to_owned())],
        )),
    }
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
            parse(s).ok_or_else(|| {
                FactsError::with(
                    field,
                    UiKey::ErrorExpectedOneOf,
                    vec![("allowed", allowed.to_owned())],
                )
            })
        })
        .transpose()
}

impl RawFacts {
    /// Checks and converts the facts; the first malformed field is the error.
    pub fn lower(&self) -> Result<Facts, FactsError> {
        // Every value a question offers is accepted for its fact (issue 19): "I don't know" (`unsure`) on a question
        // that has no such value of its own records the question as skipped, as answering it in the wizard does.
        let mut skipped: Vec<String> = self
            .skipped
            .iter()
            .filter(|s| s.len() <= 64)
            .cloned()
            .collect();
        let mut skip = |fact: Fact| {
            if let Some(q) = content().questions.iter().find(|q| q.fact == fact) {
                if !skipped.iter().any(|s| s == q.id) {
                    skipped.push(q.id.to_owned());
                }
            }
        };
        let unsure =
            |value: &Option<Value>| matches!(value, Some(Value::Str(s)) if s.trim() == DONT_KNOW);
        let marketplace = if unsure(&self.marketplace) {
            skip(Fact::Marketplace);
            None
        } else {
            one_of(
                "marketplace",
                &self.marketplace,
                Marketplace::from_id,
                "jp, us, uk, de, fr, it, in, mx, other, unsure",
            )?
        };
        let today = date("today", &self.today)?;
        let last_seen_intact = if unsure(&self.last_seen_intact) {
            skip(Fact::LastSeenIntact);
            None
        } else {
            string("lastSeenIntact", &self.last_seen_intact)?
                .map(|s| parse_day_or_month("lastSeenIntact", s))
                .transpose()?
        };
        let loss = one_of("loss", &self.loss, Loss::from_id, "all, partial, unsure")?;
        let mut cards = Vec::with_capacity(self.cards.len());
        for (i, raw) in self.cards.iter().enumerate() {
            cards.push(raw.lower(&format!("cards[{i}]."))?);
        }
        let blank = Card::default;
        if unsure(&self.card_issued) {
            skip(Fact::CardIssued);
        } else if let Some(issued) = date("cardIssued", &self.card_issued)? {
            if cards.is_empty() {
                cards.push(blank());
            }
            cards[0].issued.get_or_insert(issued);
        }
        if unsure(&self.card_kind) {
            skip(Fact::CardKind);
        } else if let Some(kind) = one_of(
            "cardKind",
            &self.card_kind,
            CardKind::from_id,
            "email, print, card, charge, corporate, sheet, unsure",
        )? {
            if cards.is_empty() {
                cards.push(blank());
            }
            if cards[0].kind == CardKind::Unknown {
                cards[0].kind = kind;
            }
        }
        let mut answers = Answers::default();
        for fact in Fact::ALL.iter().copied().filter(|f| f.is_tri()) {
            let value = self.tri_value(fact.name()).cloned();
            if let Some(tri) = one_of(fact.name(), &value, Tri::from_id, "yes, no, unsure")? {
                answers.insert(fact, tri);
            }
        }
        Ok(Facts {
            marketplace,
            today,
            loss,
            cards,
            answers,
            skipped,
            history: self.history.clone(),
            last_seen_intact,
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
                    issued_precision: (c.issued_precision != Precision::Exact)
                        .then(|| Value::Str(c.issued_precision.id().to_owned())),
                    kind: (c.kind != CardKind::Unknown).then(|| Value::Str(c.kind.id().to_owned())),
                    amount: c.amount.map(Value::Int),
                    last4: c.last4.as_deref().and_then(s),
                    marketplace: c.marketplace.and_then(|m| s(m.id())),
                    code: None,
                })
                .collect(),
            skipped: self.skipped.clone(),
            history: self.history.clone(),
            last_seen_intact: self.last_seen_intact.and_then(|d| s(&d.to_string())),
            ..RawFacts::default()
        };
        for (fact, value) in &self.answers {
            raw.set_tri_value(fact.name(), s(value.id()));
        }
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A typed date is exact only with a day and the person's word for it (`Precision::of_typed`).
    #[test]
    fn a_typed_date_is_exact_only_with_a_day_and_a_checked_sureness() {
        use super::Precision::{Approximate, Exact};
        let day = crate::dates::read_typed("2019-05-01").unwrap();
        let month = crate::dates::read_typed("2019年5月").unwrap();
        assert_eq!(Precision::of_typed(&day, Some(Exact)), Exact);
        assert_eq!(Precision::of_typed(&day, None), Approximate);
        assert_eq!(Precision::of_typed(&day, Some(Approximate)), Approximate);
        assert_eq!(Precision::of_typed(&month, Some(Exact)), Approximate);
    }

    /// The raw (JS / TOML) field list and the typed vocabulary name the same yes / no facts: a fact added to one and
    /// not the other would never reach the engine.
    #[test]
    fn raw_yes_no_fields_are_exactly_the_typed_tri_facts() {
        let typed: Vec<&str> = Fact::ALL
            .iter()
            .filter(|f| f.is_tri())
            .map(|f| f.name())
            .collect();
        assert_eq!(typed, TRI_FACTS.to_vec());
        for name in TRI_FACTS {
            let mut raw = RawFacts::default();
            raw.set_tri_value(name, Some(Value::Str("yes".into())));
            let fact = Fact::from_name(name).expect("a typed fact");
            assert_eq!(raw.lower().unwrap().tri(fact), Some(Tri::Yes), "{name}");
        }
    }

    /// `Answers` keeps what a `BTreeMap<Fact, Tri>` kept, in the same order, whatever the order of sets and removals
    /// (the share fragment and the stored state list the answers in this order).
    #[test]
    fn answers_behave_as_the_ordered_map_they_replace() {
        use proptest::prelude::*;
        use proptest::test_runner::TestRunner;
        let facts: Vec<Fact> = Fact::ALL.iter().copied().filter(|f| f.is_tri()).collect();
        let op = (
            proptest::sample::select(facts),
            proptest::option::of(proptest::sample::select(vec![
                Tri::Yes,
                Tri::No,
                Tri::Unsure,
            ])),
        );
        TestRunner::default()
            .run(&proptest::collection::vec(op, 0..40), |ops| {
                let mut answers = Answers::default();
                let mut map = std::collections::BTreeMap::new();
                for (fact, value) in ops {
                    match value {
                        Some(v) => {
                            answers.insert(fact, v);
                            map.insert(fact, v);
                        }
                        None => {
                            answers.remove(fact);
                            map.remove(&fact);
                        }
                    }
                    let listed: Vec<(Fact, Tri)> = answers.iter().copied().collect();
                    let expected: Vec<(Fact, Tri)> = map.iter().map(|(f, t)| (*f, *t)).collect();
                    prop_assert_eq!(&listed, &expected);
                    prop_assert_eq!(answers.len(), map.len());
                    prop_assert_eq!(answers.get(fact), map.get(&fact).copied());
                }
                Ok(())
            })
            .unwrap();
    }

    /// `json` read by the hand-written `Deserialize` of `T` and by the derived one of `D` gives the same value or
    /// both an error, from JSON text and, where TOML can write it, from TOML.
    fn same_as_derived<T, D>(
        json: &serde_json::Value,
    ) -> Result<(), proptest::test_runner::TestCaseError>
    where
        T: serde::de::DeserializeOwned + PartialEq + fmt::Debug + From<D>,
        D: serde::de::DeserializeOwned,
    {
        let text = json.to_string();
        let ours = serde_json::from_str::<T>(&text).ok();
        let derived = serde_json::from_str::<D>(&text).ok().map(T::from);
        proptest::prop_assert_eq!(ours, derived, "JSON {}", text);
        if let Ok(toml_text) = toml::to_string(json) {
            let ours = toml::from_str::<T>(&toml_text).ok();
            let derived = toml::from_str::<D>(&toml_text).ok().map(T::from);
            proptest::prop_assert_eq!(ours, derived, "TOML {}", toml_text);
        }
        Ok(())
    }

    /// The hand-written `Deserialize` of `RawFacts` gives what the derived one gave, value or error, for objects of
    /// every field (and unknown ones) holding values of every JSON type, from JSON and from TOML.
    #[test]
    fn raw_facts_read_as_the_derived_deserialize_read_them() {
        use proptest::test_runner::TestRunner;
        use serde_json::{json, Value as J};
        let mut names: Vec<String> = RAW_FACTS_FIELDS.iter().map(|s| s.to_string()).collect();
        names.extend([
            "unknownFact".to_owned(),
            "code".to_owned(),
            "Marketplace".to_owned(),
        ]);
        let value = proptest::sample::select(vec![
            json!("jp"),
            json!("yes"),
            json!("2020-01-31"),
            json!(""),
            json!(3),
            json!(-1.5),
            json!(true),
            J::Null,
            json!(["q1", "q2"]),
            json!([{ "issued": "2016-05-01", "kind": "email", "amount": 5000 }]),
            json!([{ "last4": 1234 }]),
            json!({ "amazonPay": 500, "vanishedFrom": "2024-01-02" }),
            json!({ "orders": "x" }),
            json!([1, 2]),
        ]);
        let object = proptest::collection::btree_map(proptest::sample::select(names), value, 0..10);
        let read = |text: &str| -> (Option<RawFacts>, Option<RawFacts>) {
            (
                serde_json::from_str::<RawFacts>(text).ok(),
                serde_json::from_str::<DerivedRawFacts>(text)
                    .ok()
                    .map(RawFacts::from),
            )
        };
        TestRunner::default()
            .run(&object, |map| {
                same_as_derived::<RawFacts, DerivedRawFacts>(&J::Object(map.into_iter().collect()))
            })
            .unwrap();
        // A field given twice is refused by both.
        assert_eq!(read(r#"{"loss":"all","loss":"partial"}"#), (None, None));
        assert!(read(r#"{"loss":"all","cards":[]}"#).0.is_some());
    }

    /// The hand-written `Deserialize` of `RawCard` gives what the derived one gave, value or error, from JSON and TOML.
    #[test]
    fn raw_cards_read_as_the_derived_deserialize_read_them() {
        use proptest::test_runner::TestRunner;
        use serde_json::{json, Value as J};
        let mut names: Vec<String> = RAW_CARD_FIELDS.iter().map(|s| s.to_string()).collect();
        names.extend(["issued_precision".to_owned(), "note".to_owned()]);
        let value = proptest::sample::select(vec![
            json!("2016-05-01"),
            json!("email"),
            json!("ABCD-EFGHIJ-KLMN"),
            json!(5000),
            json!(12.5),
            json!(false),
            J::Null,
            json!(["x"]),
            json!({ "a": 1 }),
        ]);
        let object = proptest::collection::btree_map(proptest::sample::select(names), value, 0..8);
        TestRunner::default()
            .run(&object, |map| {
                same_as_derived::<RawCard, DerivedRawCard>(&J::Object(map.into_iter().collect()))
            })
            .unwrap();
        let twice = r#"{"kind":"email","kind":"print"}"#;
        assert!(serde_json::from_str::<RawCard>(twice).is_err());
        assert!(serde_json::from_str::<DerivedRawCard>(twice).is_err());
    }
}
