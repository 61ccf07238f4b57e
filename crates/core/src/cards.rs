//! The card list: what a person typed about each card, checked, with its expiry worked out (the JS `cardStatus`).
//!
//! A [`CardInput`] may hold a full claim code while the person types; it is deliberately not `Serialize` and its
//! `Debug` hides the code. Everything that leaves this module ([`CardStatus`], [`Card`]) carries the last four only.

use crate::code::{normalize, CodeCheck};
use crate::content::{content, Lang, UiKey};
use crate::display::format_date;
use crate::expiry::{expiry, expiry_of, ExpiryError, RuleId, Status};
use crate::facts::{Card, CardKind, Marketplace, Precision};
use crate::money::format_amount;
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
    /// Whether `issued` was read from the e-mail / record (`exact`, the default) or guessed: near an expiry boundary
    /// a guessed date only ever gives "may have expired".
    pub issued_precision: Precision,
}

impl fmt::Debug for CardInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.code.as_deref().map(|c| {
            normalize(c, self.marketplace.unwrap_or(Marketplace::Other))
                .masked
                .clone()
        });
        f.debug_struct("CardInput")
            .field("code", &code)
            .field("issued", &self.issued)
            .field("kind", &self.kind)
            .field("amount", &self.amount)
            .field("marketplace", &self.marketplace)
            .field("issued_precision", &self.issued_precision)
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
        let last4 = self
            .code_check(Marketplace::Other)
            .and_then(|c| c.last4.clone());
        Card {
            issued: self.issued,
            issued_precision: self.issued_precision,
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
        masked: check.map(|c| c.masked.clone()).unwrap_or_default(),
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
        Some(issued) => {
            match expiry_of(market, issued, input.issued_precision, input.kind, today) {
                Ok(e) => Some(e),
                Err(ExpiryError::IssuedInFuture { .. }) => {
                    problems.push(c.ui(UiKey::CardProblemFuture, lang).to_owned());
                    None
                }
            }
        }
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

/// How a listed card is named: its masked code (`xxxx-xxxxxx-AB12`), or `カード 2` by its place in the list.
pub fn card_label(card: &Card, index: usize, lang: Lang) -> String {
    match &card.last4 {
        Some(l) => format!("xxxx-xxxxxx-{l}"),
        None => content().ui_with(UiKey::CardLabel, lang, &[("n", &(index + 1).to_string())]),
    }
}

/// The label of a card kind, from the card-type question's choices.
pub fn kind_label(kind: CardKind, lang: Lang) -> String {
    let c = content();
    c.question("card_kind")
        .and_then(|q| q.choices.iter().find(|choice| choice.value == kind.id()))
        .map(|choice| choice.label.get(lang).to_owned())
        .unwrap_or_else(|| c.ui(UiKey::DontKnow, lang).to_owned())
}

/// A listed card's details in one line: `発行日（購入日） 2024年5月12日 · Eメールタイプ · ¥5,000`.
pub fn card_details(card: &Card, marketplace: Marketplace, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(issued) = card.issued {
        parts.push(format!(
            "{} {}",
            content().ui(UiKey::CardIssued, lang),
            format_date(issued, lang)
        ));
    }
    parts.push(kind_label(card.kind, lang));
    if let Some(amount) = card.amount {
        parts.push(format_amount(
            amount,
            card.marketplace.unwrap_or(marketplace),
        ));
    }
    parts.join(" · ")
}

/// The status of a listed card (which holds no code).
pub fn status_of(
    card: &Card,
    marketplace: Marketplace,
    today: NaiveDate,
    lang: Lang,
) -> CardStatus {
    let input = CardInput {
        code: None,
        issued: card.issued,
        kind: card.kind,
        amount: card.amount,
        marketplace: card.marketplace,
        issued_precision: card.issued_precision,
    };
    card_status(&input, marketplace, today, lang)
}

/// How the expiry state reads: still valid, past (or maybe past) its date, or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Valid,
    Expired,
    Unknown,
}

/// A card's expiry as the view shows it, every sentence from the content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpiryText {
    /// `有効期限：2034年5月12日`, when there is a date.
    pub expires: Option<String>,
    pub tone: Tone,
    /// `あと2722日`, `期限切れの可能性があります`, or the rule when there is no date.
    pub state: String,
    /// The rule, shown under a date.
    pub rule: Option<String>,
    /// On the last valid day: that the day itself still counts.
    pub last_day_note: Option<String>,
}

impl CardStatus {
    /// The expiry sentences for this status.
    pub fn expiry_text(&self, lang: Lang) -> ExpiryText {
        let c = content();
        let days = self
            .days_left
            .map(|d| d.abs().to_string())
            .unwrap_or_default();
        let (tone, state) = match (self.expires, self.expired, self.days_left) {
            (None, _, _) => (Tone::Unknown, self.rule_text.clone()),
            (Some(_), _, _) if self.maybe_expired => (
                Tone::Expired,
                c.ui(UiKey::CardMaybeExpired, lang).to_owned(),
            ),
            (Some(_), true, _) => (
                Tone::Expired,
                c.ui_with(UiKey::CardDaysSince, lang, &[("days", &days)]),
            ),
            (Some(_), false, Some(0)) => {
                (Tone::Valid, c.ui(UiKey::CardExpiresToday, lang).to_owned())
            }
            (Some(_), false, _) => (
                Tone::Valid,
                c.ui_with(UiKey::CardDaysLeft, lang, &[("days", &days)]),
            ),
        };
        ExpiryText {
            expires: self
                .expires
                .map(|d| c.ui_with(UiKey::CardExpires, lang, &[("date", &format_date(d, lang))])),
            tone,
            state,
            rule: self.expires.map(|_| self.rule_text.clone()),
            // The 23:59 Japan time of the last day is only sourced for Amazon.co.jp's cards.
            last_day_note: (self.expires.is_some()
                && self.days_left == Some(0)
                && self.rule.starts_with("jp_"))
            .then(|| c.ui(UiKey::ExpiryLastDayNote, lang).to_owned()),
        }
    }
}
