//! The card list: what a person typed about each card, checked, with its expiry worked out (the JS `cardStatus`).
//!
//! A [`CardInput`] may hold a full claim code while the person types; it is deliberately not `Serialize` and its
//! `Debug` hides the code. Everything that leaves this module ([`CardStatus`], [`Card`]) carries the last four only.

use crate::code::{normalize, CodeCheck};
use crate::content::{content, Lang, UiKey};
use crate::expiry::{expiry, ExpiryError, RuleId, Status};
use crate::facts::{Card, CardKind, Marketplace};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A card as the person typed it.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CardInput {
    /// The claim code, or only its last four; may be empty.
    pub code: Option<String>,
    /// Issue date (or purchase / receipt date).
    #[serde(deserialize_with = "crate::facts::iso_date")]
    pub issued: Option<NaiveDate>,
    pub kind: CardKind,
    /// Amount in minor units (yen, cents).
    pub amount: Option<i64>,
    /// Where the card was bought, when it differs from the account's marketplace.
    pub marketplace: Option<Marketplace>,
}

impl fmt::Debug for CardInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self
            .code
            .as_deref()
            .map(|c| normalize(c, self.marketplace.unwrap_or(Marketplace::Other)).masked);
        f.debug_struct("CardInput")
            .field("code", &code)
            .field("issued", &self.issued)
            .field("kind", &self.kind)
            .field("amount", &self.amount)
            .field("marketplace", &self.marketplace)
            .finish()
    }
}

impl CardInput {
    /// The typed code checked for the card's marketplace; `None` when no code was typed.
    pub fn code_check(&self, account: Marketplace) -> Option<CodeCheck> {
        let check = normalize(self.code.as_deref()?, self.marketplace.unwrap_or(account));
        (!check.is_empty()).then_some(check)
    }

    /// The card in the form the diagnosis uses, keeping only the last four characters of the code.
    pub fn to_card(&self) -> Card {
        // The marketplace only sets which lengths count as plausible; the last four do not depend on it.
        let last4 = self.code_check(Marketplace::Other).and_then(|c| c.last4);
        Card {
            issued: self.issued,
            issued_precision: Default::default(),
            kind: self.kind,
            amount: self.amount,
            last4,
            marketplace: self.marketplace,
        }
    }
}

impl From<&CardInput> for Card {
    fn from(input: &CardInput) -> Card {
        input.to_card()
    }
}

/// Where a card stands, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CardStatus {
    pub last4: Option<String>,
    /// `xxxx-xxxxxx-ABCD`; empty when no code was typed.
    pub masked: String,
    /// The last valid day; `None` when the card never expires or the date cannot be worked out. For an old Japanese
    /// card of unknown kind, the latest possible day (see `earliest`).
    pub expires: Option<NaiveDate>,
    /// For an old Japanese card of unknown kind: the earliest possible expiry.
    pub earliest: Option<NaiveDate>,
    /// Certainly past its expiry date (under a rule the sources agree on).
    pub expired: bool,
    /// Past one possible expiry date: an old Japanese card of unknown kind, or a rule the sources are unsure of
    /// (UK, Germany, India). Shown as "may have expired", never as certain.
    pub maybe_expired: bool,
    /// The expiry status; `None` when it needs an issue date that was not given (or was after today).
    pub status: Option<Status>,
    /// Days from today to `expires` (negative once expired).
    pub days_left: Option<i64>,
    /// The rule's id (`jp_10y`); `unknown` when no rule applies yet.
    pub rule: &'static str,
    /// The rule explained, or that the expiry is unknown.
    pub rule_text: String,
    /// Amount in minor units, as typed.
    pub amount: Option<i64>,
    /// What looks wrong, in the person's language.
    pub problems: Vec<String>,
}

/// Works out a card's status for the account's marketplace (the card's own marketplace wins when given).
///
/// Never fails: an issue date after today becomes a problem to show, not an error.
pub fn card_status(
    input: &CardInput,
    marketplace: Marketplace,
    today: NaiveDate,
    lang: Lang,
) -> CardStatus {
    let c = content();
    let market = input.marketplace.unwrap_or(marketplace);
    let check = input.code_check(marketplace);
    let mut problems = check
        .as_ref()
        .map(|c| c.localized_problems(lang))
        .unwrap_or_default();
    let mut status = CardStatus {
        last4: check.as_ref().and_then(|c| c.last4.clone()),
        masked: check.map(|c| c.masked).unwrap_or_default(),
        expires: None,
        earliest: None,
        expired: false,
        maybe_expired: false,
        status: None,
        days_left: None,
        rule: RuleId::Unknown.id(),
        rule_text: c.ui(UiKey::CardExpiryUnknown, lang).to_owned(),
        amount: input.amount,
        problems: Vec::new(),
    };
    let dated = match input.issued {
        Some(issued) => match expiry(market, issued, input.kind, today) {
            Ok(e) => Some(e),
            Err(ExpiryError::IssuedInFuture { .. }) => {
                problems.push(c.ui(UiKey::CardProblemFuture, lang).to_owned());
                None
            }
        },
        None => None,
    };
    match dated {
        Some(e) => {
            status.expires = e.expires;
            status.earliest = e.earliest;
            status.expired = e.status == Status::Expired && e.rule.certain();
            status.maybe_expired = e.status == Status::MaybeExpired
                || (e.status == Status::Expired && !e.rule.certain());
            status.status = Some(e.status);
            status.days_left = e.days_left;
            status.rule = e.rule.id();
            status.rule_text = c.ui(e.rule.text_key(), lang).to_owned();
        }
        None => {
            // Without a usable issue date the rule is still known wherever it does not depend on the date: all but
            // Japan, whose rule changed on 2017-04-24. Probing with today as the issue date gives that rule.
            if market != Marketplace::Jp {
                if let Ok(probe) = expiry(market, today, input.kind, today) {
                    status.rule = probe.rule.id();
                    status.rule_text = c.ui(probe.rule.text_key(), lang).to_owned();
                    // "Never expires" and "no rule known" hold whatever the date; a date-based status does not.
                    if matches!(probe.status, Status::Never | Status::Unknown) {
                        status.status = Some(probe.status);
                    }
                }
            }
        }
    }
    status.problems = problems;
    status
}

/// Amounts of a card list, by where the cards stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CardTotals {
    /// Cards certainly past their expiry date.
    pub expired: i64,
    /// Cards still valid, or that never expire.
    pub valid: i64,
    /// Cards that may have expired, whose rule is unknown, or that lack an issue date.
    pub uncertain: i64,
}

/// Adds up the amounts of cards by status; cards without an amount (or with a negative one) are left out.
pub fn totals<'a>(statuses: impl IntoIterator<Item = &'a CardStatus>) -> CardTotals {
    let mut t = CardTotals::default();
    for s in statuses {
        let Some(amount) = s.amount.filter(|a| *a > 0) else {
            continue;
        };
        let bucket = match s.status {
            Some(Status::Expired) if s.expired => &mut t.expired,
            Some(Status::Valid | Status::Never) => &mut t.valid,
            _ => &mut t.uncertain,
        };
        // Saturating: typed amounts are unbounded, and a wrong total beats a panic.
        *bucket = bucket.saturating_add(amount);
    }
    t
}
