//! The engine: ranks causes from facts, with the reasons that moved each, and picks the next useful question.
//!
//! Rules are data (`static/content/rules.toml`); this module only evaluates their conditions against the facts and
//! the facts it derives from cards, dates and a pasted history. Scores are integers; what leaves this module is a
//! band (high / medium / low), never a percentage.

use crate::content::{
    content, fill, Content, Effect, Fact, Lang, Question, QuestionKind, Recoverable, UiKey,
};
use crate::display::{date_range, format_date};
use crate::expiry::{self, Expiry, Status};
use crate::facts::{parse_date, CardKind, Facts, FactsError, Loss, Marketplace, Precision, Tri};
use crate::money::format_amount;
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// Score from which a cause is "high".
pub const HIGH: i32 = 60;
/// Score from which a cause is "medium".
pub const MEDIUM: i32 = 30;

/// How likely a cause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    High,
    Medium,
    Low,
}

impl Band {
    fn of(score: i32, decisive: bool) -> Band {
        if decisive || score >= HIGH {
            Band::High
        } else if score >= MEDIUM {
            Band::Medium
        } else {
            Band::Low
        }
    }

    /// The stable id (`high`).
    pub fn id(self) -> &'static str {
        match self {
            Band::High => "high",
            Band::Medium => "medium",
            Band::Low => "low",
        }
    }

    /// The label shown to people.
    pub fn label(self, lang: Lang) -> &'static str {
        let key = match self {
            Band::High => UiKey::BandHigh,
            Band::Medium => UiKey::BandMedium,
            Band::Low => UiKey::BandLow,
        };
        content().ui(key, lang)
    }
}

/// A link to an Amazon page, on the person's marketplace's own host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    /// The page's name and its host (`Gift card balance (www.amazon.co.jp)`), so the host is visible in the text.
    pub label: String,
    /// An `https://` address on the marketplace's own Amazon host.
    pub href: String,
}

/// The links to these pages on a marketplace, in order, for those it has an address for (none for `other` or an
/// unknown marketplace).
fn links(pages: &[&str], market: Option<Marketplace>, lang: Lang) -> Vec<Link> {
    let c = content();
    let Some(market) = market else {
        return Vec::new();
    };
    pages
        .iter()
        .filter_map(|page| {
            let href = c.link(market, page)?;
            let label = c.page(page)?.label.get(lang);
            let host = href
                .strip_prefix("https://")
                .and_then(|rest| rest.split('/').next())
                .unwrap_or_default();
            let label = match lang {
                Lang::Ja => format!("{label}（{host}）"),
                Lang::En | Lang::EnGb | Lang::EnIn => format!("{label} ({host})"),
            };
            Some(Link {
                label,
                href: href.to_owned(),
            })
        })
        .collect()
}

/// A cause in the ranking, in the person's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RankedCause {
    pub id: String,
    pub band: Band,
    pub title: String,
    pub explanation: String,
    /// Which facts raised or lowered it.
    pub reasons: Vec<String>,
    pub checks: Vec<String>,
    pub actions: Vec<String>,
    pub recoverable: Recoverable,
    /// Why the money can or cannot come back.
    pub recovery: String,
    /// The pages its checks name, on the person's marketplace (only those with a sourced address).
    pub links: Vec<Link>,
}

/// A cause the facts exclude, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuledOut {
    pub id: String,
    pub title: String,
    pub reasons: Vec<String>,
}

/// How to reach customer service on the person's marketplace, in their language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportView {
    /// The steps, in that site's own menu words.
    pub steps: Vec<String>,
    /// What to have ready (the full code and where to find it, dates, order numbers).
    pub prepare: Vec<String>,
    /// The warning a scammer cannot pass: Amazon does not ask for a code; where to report a scam in that country,
    /// and the marketplace's own scam-report page where a source names one.
    pub warning: String,
    /// Contact us and the scam-report page, where the marketplace has a sourced address.
    pub links: Vec<Link>,
}

/// Where a scam is reported on this marketplace, in the person's language (the `{fraud_channel}` placeholder).
fn fraud_channel(market: Option<Marketplace>, lang: Lang) -> &'static str {
    content()
        .support_for(market.unwrap_or(Marketplace::Other))
        .map_or("", |s| s.fraud_channel.get(lang))
}

/// Fills the marketplace placeholders of a cause's or the warning's text.
fn fill_market(text: &str, market: Option<Marketplace>, lang: Lang) -> String {
    if text.contains('{') {
        fill(text, &[("fraud_channel", fraud_channel(market, lang))])
    } else {
        text.to_owned()
    }
}

impl SupportView {
    /// The support text for a marketplace; the generic steps when it is not known.
    pub fn new(market: Option<Marketplace>, lang: Lang) -> Self {
        let c = content();
        let texts =
            |list: crate::content::TextList| list.iter().map(|t| t.get(lang).to_owned()).collect();
        let support = c.support_for(market.unwrap_or(Marketplace::Other));
        let mut warning = fill_market(c.support_warning.get(lang), market, lang);
        if let Some(page) = support.and_then(|s| s.scam_page) {
            warning.push_str(if lang == Lang::Ja { "" } else { " " });
            warning.push_str(page.get(lang));
        }
        SupportView {
            steps: support.map(|s| texts(s.steps)).unwrap_or_default(),
            prepare: texts(c.support_prepare),
            warning,
            links: links(c.support_links, market, lang),
        }
    }
}

/// The answer to "where did my balance go?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// In rank order, most likely first.
    pub causes: Vec<RankedCause>,
    pub ruled_out: Vec<RuledOut>,
    /// How to reach customer service for the facts' marketplace.
    pub support: SupportView,
}

/// A card with its expiry worked out (when it can be).
struct CardEval {
    expiry: Option<Expiry>,
    foreign: bool,
    /// Its latest possible expiry is before the day the balance was last seen intact.
    before_seen: bool,
    /// Its possible expiry dates straddle that day: it may have left before or after it.
    straddles_seen: bool,
}

/// Facts plus what the engine derives from them.
struct Context<'f> {
    facts: &'f Facts,
    cards: Vec<CardEval>,
}

/// A card's value of the `cardExpired` fact. Past the date of a rule the sources are unsure of is only "maybe"; a card
/// gone before the balance was last seen intact is `before_seen`.
fn card_expired_value(eval: &CardEval, expiry: &Expiry) -> &'static str {
    if eval.before_seen {
        return "before_seen";
    }
    if eval.straddles_seen && expiry.status == Status::Expired {
        return "maybe";
    }
    match expiry.status {
        Status::Expired if expiry.rule.certain() => "yes",
        Status::Expired | Status::MaybeExpired => "maybe",
        Status::Valid => "no",
        Status::Never => "never",
        Status::Unknown => "unknown",
    }
}

impl<'f> Context<'f> {
    fn new(facts: &'f Facts) -> Result<Self, FactsError> {
        if let (Some(seen), Some(today)) = (facts.last_seen_intact, facts.today) {
            if seen > today {
                return Err(FactsError::new(
                    "lastSeenIntact",
                    UiKey::ErrorSeenAfterToday,
                ));
            }
        }
        let mut cards = Vec::with_capacity(facts.cards.len());
        for (i, card) in facts.cards.iter().enumerate() {
            let market = card.marketplace.or(facts.marketplace);
            // The card's own marketplace sets its rule, whatever the account's: a .co.jp card keeps Japan's rule on
            // an Amazon.com account.
            let expiry = match (card.issued, market, facts.today) {
                (Some(issued), Some(market), Some(today)) => Some(
                    expiry::expiry_of(market, issued, card.issued_precision, card.kind, today)
                        .map_err(|_| {
                            FactsError::new(
                                format!("cards[{i}].issued"),
                                UiKey::ErrorIssuedAfterToday,
                            )
                        })?,
                ),
                _ => None,
            };
            let foreign =
                matches!((card.marketplace, facts.marketplace), (Some(c), Some(a)) if c != a);
            // Only a card that expired (or may have) can have left before the balance was seen; for a range, even
            // its latest possible date must be before that day.
            let (before_seen, straddles_seen) = match (&expiry, facts.last_seen_intact) {
                (Some(e), Some(seen))
                    if matches!(e.status, Status::Expired | Status::MaybeExpired) =>
                {
                    let latest_before = e.expires.is_some_and(|latest| latest < seen);
                    let earliest_before =
                        e.earliest.or(e.expires).is_some_and(|first| first < seen);
                    (latest_before, earliest_before && !latest_before)
                }
                _ => (false, false),
            };
            cards.push(CardEval {
                expiry,
                foreign,
                before_seen,
                straddles_seen,
            });
        }
        Ok(Context { facts, cards })
    }

    /// The value of a fact, asked or derived; `None` while unknown. The match is exhaustive on purpose: a fact added
    /// to the vocabulary does not compile until it is handled here.
    fn value(&self, fact: Fact) -> Option<&'static str> {
        let f = self.facts;
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        // "None of this kind in the history" only means something when the history showed money leaving at all.
        let debits = || f.history.as_ref().filter(|h| h.read_debits());
        match fact {
            Fact::Marketplace => f.marketplace.map(Marketplace::id),
            Fact::Loss => f.loss.map(Loss::id),
            Fact::CardIssued => f
                .cards
                .iter()
                .any(|c| c.issued.is_some())
                .then_some("known"),
            Fact::CardKind => f
                .cards
                .first()
                .filter(|c| c.kind != CardKind::Unknown)
                .map(|c| c.kind.id()),
            Fact::CardExpired => {
                let values: Vec<&str> = self
                    .cards
                    .iter()
                    .filter_map(|c| c.expiry.as_ref().map(|e| card_expired_value(c, e)))
                    .collect();
                // The worst card decides; "before_seen", "no" and "never" only when every card is safe.
                let safe = ["before_seen", "no", "never"];
                let all_safe = !values.is_empty() && values.iter().all(|v| safe.contains(v));
                match ["yes", "maybe", "before_seen", "no", "never"]
                    .into_iter()
                    .find(|v| values.contains(v))
                {
                    Some(v) if safe.contains(&v) && !all_safe => Some("unknown"),
                    other => other,
                }
            }
            Fact::CardForeign => f.marketplace.map(|_| {
                if self.cards.iter().any(|c| c.foreign) {
                    "yes"
                } else if f.cards.iter().any(|c| c.marketplace.is_some()) {
                    "no"
                } else {
                    "unmarked"
                }
            }),
            Fact::CardNeedsKind => {
                let evaluated: Vec<&Expiry> = self
                    .cards
                    .iter()
                    .filter_map(|c| c.expiry.as_ref())
                    .collect();
                (!evaluated.is_empty()).then(|| {
                    yes_no(
                        evaluated
                            .iter()
                            .any(|e| e.rule == expiry::RuleId::JpOldUnknownKind),
                    )
                })
            }
            Fact::HistoryAmazonPay => debits().map(|h| yes_no(h.amazon_pay > 0)),
            Fact::HistoryOrders => debits().map(|h| yes_no(h.orders > 0)),
            Fact::HistoryUnexplained => f.history.as_ref().map(|h| yes_no(h.vanished > 0)),
            Fact::HistoryExpired => f.history.as_ref().filter(|h| h.expired > 0).map(|_| "yes"),
            Fact::HistoryInvalidated => f
                .history
                .as_ref()
                .filter(|h| h.invalidated > 0)
                .map(|_| "yes"),
            Fact::MultipleAccounts
            | Fact::UnfamiliarActivity
            | Fact::PhoneLostOrPhished
            | Fact::PendingOrders
            | Fact::SubscribeAndSave
            | Fact::AmazonPayUse
            | Fact::KindleOrOneClick
            | Fact::InvalidationEmail
            | Fact::BoughtFromResale
            | Fact::OutageReports
            | Fact::AlreadyRegisteredMessage
            | Fact::AccountSuspendedNotice
            | Fact::CannotSignIn
            | Fact::PromotionalCredit
            | Fact::SharedAccountOrDevice
            | Fact::AmazonPoints
            | Fact::CodeShared
            | Fact::RecentTopUp
            | Fact::PaidMemberships => f.tri(fact).map(Tri::id),
            Fact::LastSeenIntact => f.last_seen_intact.map(|_| "known"),
        }
    }

    /// Does this card match a per-card condition (`cardExpired`, `cardForeign`) of a rule?
    fn card_matches(&self, card: usize, fact: Fact, values: &[&str]) -> bool {
        let eval = &self.cards[card];
        let value = match fact {
            Fact::CardExpired => eval.expiry.as_ref().map(|e| card_expired_value(eval, e)),
            Fact::CardForeign => Some(if eval.foreign { "yes" } else { "no" }),
            _ => return false,
        };
        value.is_some_and(|v| values.contains(&v))
    }
}

/// A rule that fired, with the cards it is about (for per-card reasons).
struct Fired {
    rule: usize,
    cards: Vec<usize>,
}

struct Scored {
    cause: usize,
    score: i32,
    /// Points added by facts (not the prior): within a band, a cause the person's answers point at ranks above one
    /// only its base rate supports.
    evidence: i32,
    decisive: bool,
    ruled_out: bool,
    /// At most "medium" (see [`Effect::AtMostMedium`]).
    capped: bool,
    fired: Vec<Fired>,
}

fn score(content: &Content, ctx: &Context) -> Vec<Scored> {
    let mut scored: Vec<Scored> = content
        .causes
        .iter()
        .enumerate()
        .map(|(i, c)| Scored {
            cause: i,
            score: c.prior,
            evidence: 0,
            decisive: false,
            ruled_out: false,
            capped: false,
            fired: Vec::new(),
        })
        .collect();
    for (r, rule) in content.rules.iter().enumerate() {
        let holds = rule.when.iter().all(|cond| {
            ctx.value(cond.fact)
                .is_some_and(|v| cond.values.contains(&v))
        });
        if !holds {
            continue;
        }
        let per_card = rule
            .when
            .iter()
            .find(|c| c.fact == Fact::CardExpired || c.fact == Fact::CardForeign);
        let cards = per_card
            .map(|cond| {
                (0..ctx.cards.len())
                    .filter(|&i| ctx.card_matches(i, cond.fact, cond.values))
                    .collect()
            })
            .unwrap_or_default();
        let s = &mut scored[rule.cause];
        match rule.effect {
            Effect::Decisive => s.decisive = true,
            Effect::Raise(w) => {
                s.score += w;
                // How much is missing is a base rate, not an answer pointing at a cause: "all gone" may lift a cause
                // within its band but not above one the person's other answers support.
                if !rule.when.iter().all(|c| c.fact == Fact::Loss) {
                    s.evidence += w;
                }
            }
            Effect::Lower(w) => s.score -= w,
            Effect::RuleOut => s.ruled_out = true,
            Effect::AtMostMedium => s.capped = true,
        }
        s.fired.push(Fired { rule: r, cards });
    }
    for s in &mut scored {
        // A decisive fact outweighs anything that would exclude the cause.
        s.ruled_out &= !s.decisive;
        if s.capped && !s.decisive {
            s.score = s.score.min(HIGH - 1);
        }
    }
    // A cause that does not exist on the person's marketplace (Amazon points outside Japan) is left out.
    if let Some(market) = ctx.facts.marketplace {
        scored.retain(|s| {
            let only = &content.causes[s.cause].marketplaces;
            only.is_empty() || only.contains(&market)
        });
    }
    scored.sort_by(|a, b| {
        b.decisive
            .cmp(&a.decisive)
            .then(Band::of(a.score, a.decisive).cmp(&Band::of(b.score, b.decisive)))
            .then(b.evidence.cmp(&a.evidence))
            .then(b.score.cmp(&a.score))
            .then(a.cause.cmp(&b.cause))
    });
    scored
}

/// The shape of a ranking, to tell whether an answer would change it.
fn signature(scored: &[Scored]) -> Vec<(usize, Band, bool)> {
    scored
        .iter()
        .map(|s| (s.cause, Band::of(s.score, s.decisive), s.ruled_out))
        .collect()
}

fn card_label(facts: &Facts, index: usize, lang: Lang) -> String {
    let c = content();
    match facts.cards.get(index).and_then(|c| c.last4.as_deref()) {
        Some(last4) => format!("xxxx-xxxxxx-{last4}"),
        None => c.ui_with(UiKey::CardLabel, lang, &[("n", &(index + 1).to_string())]),
    }
}

/// Describes a card's expiry for reasons: the date (or range), or that it never expires.
pub fn expires_text(e: &Expiry, lang: Lang) -> String {
    let c = content();
    match (e.status, e.earliest, e.expires) {
        (Status::Never, _, _) => c.ui(UiKey::CardNeverExpires, lang).to_owned(),
        (_, Some(earliest), Some(latest)) => date_range(earliest, latest, lang),
        (_, None, Some(expires)) => format_date(expires, lang),
        _ => c.ui(UiKey::CardExpiryUnknown, lang).to_owned(),
    }
}

fn render(content: &Content, ctx: &Context, fired: &Fired, lang: Lang) -> Vec<String> {
    let rule = &content.rules[fired.rule];
    let text = rule.reason.get(lang);
    let market = ctx.facts.marketplace.unwrap_or(Marketplace::Jp);
    let history = ctx.facts.history.clone().unwrap_or_default();
    let amount = rule
        .when
        .iter()
        .find_map(|c| match c.fact {
            Fact::HistoryAmazonPay => Some(history.amazon_pay),
            Fact::HistoryOrders => Some(history.orders),
            Fact::HistoryUnexplained => Some(history.vanished),
            Fact::HistoryExpired => Some(history.expired),
            Fact::HistoryInvalidated => Some(history.invalidated),
            _ => None,
        })
        .unwrap_or(0);
    let amount = format_amount(amount, market);
    // A reason that names no card is said once, even when the rule looked at every card.
    if fired.cards.is_empty() || !text.contains("{card}") {
        return vec![fill(text, &[("amount", &amount)])];
    }
    fired
        .cards
        .iter()
        .map(|&i| {
            let card = &ctx.facts.cards[i];
            let e = ctx.cards[i].expiry.as_ref();
            // A reason that counts days takes the plural form for this card's count.
            let days = e.and_then(|e| e.days_left).map(i64::unsigned_abs);
            let text = days.map_or(text, |n| rule.reason.count(lang, n));
            let days = days.map(|n| n.to_string()).unwrap_or_default();
            fill(
                text,
                &[
                    ("card", &card_label(ctx.facts, i, lang)),
                    (
                        "issued",
                        &card
                            .issued
                            .map(|d| format_date(d, lang))
                            .unwrap_or_default(),
                    ),
                    (
                        "expires",
                        &e.map(|e| expires_text(e, lang)).unwrap_or_default(),
                    ),
                    ("rule", &e.map(|e| e.rule_text(lang)).unwrap_or_default()),
                    ("count", &days),
                    ("amount", &amount),
                    (
                        "seen",
                        &ctx.facts
                            .last_seen_intact
                            .map(|d| format_date(d, lang))
                            .unwrap_or_default(),
                    ),
                ],
            )
        })
        .collect()
}

/// Ranks the causes for these facts, in the person's language.
///
/// Errors only on facts that contradict each other in a way the person must fix (a card issued after today).
pub fn diagnose(facts: &Facts, lang: Lang) -> Result<Diagnosis, FactsError> {
    let content = content();
    let lang = lang.for_market(facts.marketplace);
    let ctx = Context::new(facts)?;
    let scored = score(content, &ctx);
    let mut diagnosis = Diagnosis {
        causes: Vec::new(),
        ruled_out: Vec::new(),
        support: SupportView::new(facts.marketplace, lang),
    };
    for s in &scored {
        let cause = &content.causes[s.cause];
        let mut fired: Vec<&Fired> = s.fired.iter().collect();
        // Decisive reasons first, then what raised, then what lowered it.
        fired.sort_by_key(|f| match content.rules[f.rule].effect {
            Effect::Decisive => 0,
            Effect::RuleOut => 1,
            Effect::Raise(_) | Effect::AtMostMedium => 2,
            Effect::Lower(_) => 3,
        });
        if s.ruled_out {
            let reasons = fired
                .iter()
                .filter(|f| content.rules[f.rule].effect == Effect::RuleOut)
                .flat_map(|f| render(content, &ctx, f, lang))
                .collect();
            diagnosis.ruled_out.push(RuledOut {
                id: cause.id.to_owned(),
                title: cause.title.get(lang).to_owned(),
                reasons,
            });
            continue;
        }
        let reasons = fired
            .iter()
            .filter(|f| content.rules[f.rule].effect != Effect::RuleOut)
            .flat_map(|f| render(content, &ctx, f, lang))
            .collect();
        let market = facts.marketplace;
        let one = |t: crate::content::Text| fill_market(t.get(lang), market, lang);
        let texts = |list: crate::content::TextList| list.iter().map(one).collect();
        diagnosis.causes.push(RankedCause {
            id: cause.id.to_owned(),
            band: Band::of(s.score, s.decisive),
            title: one(cause.title),
            explanation: one(cause.explanation),
            reasons,
            checks: texts(cause.checks),
            actions: texts(cause.actions),
            recoverable: cause.recoverable,
            recovery: one(cause.recovery),
            links: links(cause.links, market, lang),
        });
    }
    Ok(diagnosis)
}

/// An answer to a question. `"unsure"` is "I don't know" for every question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Value(String),
    /// An issue date, and whether it was read somewhere (exact) or guessed.
    Date(NaiveDate, Precision),
}

/// The value every question accepts for "I don't know".
pub use crate::facts::DONT_KNOW;

/// Records an answer, returning the new facts. Unknown question ids and values are an error naming the question
/// (never the value given).
pub fn apply_answer(
    facts: &Facts,
    question_id: &str,
    answer: &Answer,
) -> Result<Facts, FactsError> {
    let question = content()
        .question(question_id)
        .ok_or_else(|| FactsError::new("question", UiKey::ErrorUnknownQuestion))?;
    let mut next = facts.clone();
    next.skipped.retain(|s| s != question_id);
    let bad = || FactsError::new(question_id, UiKey::ErrorNotAnAnswer);
    match (question.fact, answer) {
        (_, Answer::Value(v)) if v == DONT_KNOW && question.kind != QuestionKind::Tri => {
            next.skipped.push(question_id.to_owned());
            match question.fact {
                Fact::Loss => next.loss = Some(Loss::Unknown),
                Fact::Marketplace => next.marketplace = None,
                Fact::CardIssued => {
                    if let Some(card) = next.cards.first_mut() {
                        card.issued = None;
                        card.issued_precision = Precision::Exact;
                    }
                }
                Fact::CardKind => {
                    if let Some(card) = next.cards.first_mut() {
                        card.kind = CardKind::Unknown;
                    }
                }
                Fact::LastSeenIntact => next.last_seen_intact = None,
                _ => {}
            }
        }
        (Fact::Marketplace, Answer::Value(v)) => {
            next.marketplace = Some(Marketplace::from_id(v).ok_or_else(bad)?)
        }
        (Fact::Loss, Answer::Value(v)) => next.loss = Some(Loss::from_id(v).ok_or_else(bad)?),
        (Fact::CardIssued, Answer::Date(date, precision)) => {
            if facts.today.is_some_and(|t| *date > t) {
                return Err(FactsError::new(question_id, UiKey::ErrorIssuedAfterToday));
            }
            match next.cards.first_mut() {
                Some(card) => {
                    card.issued = Some(*date);
                    card.issued_precision = *precision;
                }
                None => next.cards.push(crate::facts::Card {
                    issued: Some(*date),
                    issued_precision: *precision,
                    ..Default::default()
                }),
            }
        }
        (Fact::CardIssued, Answer::Value(v)) => {
            let date = parse_date(question_id, v)?;
            return apply_answer(facts, question_id, &Answer::Date(date, Precision::Exact));
        }
        (Fact::LastSeenIntact, Answer::Date(date, precision)) => {
            // A month alone (a guess) is read as its first day: the careful end, which rules out the fewest cards.
            let date = &match precision {
                Precision::Approximate => date.with_day(1).unwrap_or(*date),
                Precision::Exact => *date,
            };
            // A day after today cannot have been seen; "around" a date is read as its first possible day by hosts
            // (`YYYY-MM`), while a date typed here is taken as given.
            if facts.today.is_some_and(|t| *date > t) {
                return Err(FactsError::new(question_id, UiKey::ErrorSeenAfterToday));
            }
            next.last_seen_intact = Some(*date);
        }
        (Fact::LastSeenIntact, Answer::Value(v)) => {
            let date = crate::facts::parse_day_or_month(question_id, v)?;
            return apply_answer(facts, question_id, &Answer::Date(date, Precision::Exact));
        }
        (Fact::CardKind, Answer::Value(v)) => {
            let kind = CardKind::from_id(v).ok_or_else(bad)?;
            if let Some(card) = next.cards.first_mut() {
                card.kind = kind;
            }
        }
        (fact, Answer::Value(v)) if question.kind == QuestionKind::Tri && fact.is_tri() => {
            let tri = [Tri::Yes, Tri::No, Tri::Unsure]
                .into_iter()
                .find(|t| t.id() == v)
                .ok_or_else(bad)?;
            next.set_tri(fact, Some(tri));
        }
        _ => return Err(bad()),
    }
    Ok(next)
}

/// The answer already given to a question, to show it again when the person goes back.
pub fn current_answer(facts: &Facts, question_id: &str) -> Option<Answer> {
    let question = content().question(question_id)?;
    if facts.skipped.iter().any(|s| s == question_id) {
        return Some(Answer::Value(DONT_KNOW.to_owned()));
    }
    let value = |s: &str| Some(Answer::Value(s.to_owned()));
    match question.fact {
        Fact::Marketplace => facts.marketplace.and_then(|m| value(m.id())),
        Fact::Loss => facts.loss.and_then(|l| value(l.id())),
        Fact::CardIssued => facts
            .cards
            .first()
            .and_then(|c| c.issued.map(|d| Answer::Date(d, c.issued_precision))),
        Fact::CardKind => facts
            .cards
            .first()
            .filter(|c| c.kind != CardKind::Unknown)
            .and_then(|c| value(c.kind.id())),
        Fact::LastSeenIntact => facts
            .last_seen_intact
            .map(|d| Answer::Date(d, Precision::Exact)),
        fact => facts.tri(fact).and_then(|t| value(t.id())),
    }
}

fn is_answered(facts: &Facts, question: &Question) -> bool {
    current_answer(facts, question.id).is_some()
}

fn applies(ctx: &Context, question: &Question) -> bool {
    question.ask_if.iter().all(|cond| {
        ctx.value(cond.fact)
            .is_some_and(|v| cond.values.contains(&v))
    })
}

/// The answers worth simulating to see whether a question matters.
fn sample_answers(facts: &Facts, question: &Question) -> Vec<Answer> {
    match question.kind {
        QuestionKind::Tri => vec![Answer::Value("yes".into()), Answer::Value("no".into())],
        QuestionKind::Choice => question
            .choices
            .iter()
            .map(|c| Answer::Value(c.value.to_owned()))
            .collect(),
        QuestionKind::Date => {
            // A card issued today is valid everywhere it can be; one issued 11 years ago has expired under every
            // finite rule. If neither moves the ranking, the date cannot matter.
            let today = facts.today.unwrap_or_default();
            let old = today.checked_sub_months(Months::new(132)).unwrap_or(today);
            vec![
                Answer::Date(today, Precision::Exact),
                Answer::Date(old, Precision::Exact),
            ]
        }
    }
}

/// Whether some answer to this question would change the ranking.
fn can_change(
    content: &Content,
    facts: &Facts,
    base: &[(usize, Band, bool)],
    question: &Question,
) -> bool {
    sample_answers(facts, question).iter().any(|answer| {
        apply_answer(facts, question.id, answer)
            .ok()
            .and_then(|next| {
                Context::new(&next)
                    .ok()
                    .map(|ctx| signature(&score(content, &ctx)))
            })
            .is_some_and(|sig| sig != base)
    })
}

/// The questions still worth asking, in the order the content lists them. When the top cause is certain, only those
/// whose answer could make it uncertain or rule it out: a card that expired years ago cannot explain a balance seen
/// intact last month (issue 19.6), so the wizard asks when the balance was last seen before it stops on the expiry.
fn open_questions(facts: &Facts) -> Vec<&'static Question> {
    let content = content();
    let Ok(ctx) = Context::new(facts) else {
        return Vec::new();
    };
    let scored = score(content, &ctx);
    if let Some(top) = scored.first().filter(|s| s.decisive) {
        let unseats = |next: &Facts| {
            Context::new(next).is_ok_and(|ctx| {
                score(content, &ctx)
                    .iter()
                    .find(|s| s.cause == top.cause)
                    .is_some_and(|s| !s.decisive || s.ruled_out)
            })
        };
        return content
            .questions
            .iter()
            .filter(|q| {
                !is_answered(facts, q)
                    && applies(&ctx, q)
                    && sample_answers(facts, q).iter().any(|answer| {
                        apply_answer(facts, q.id, answer).is_ok_and(|next| unseats(&next))
                    })
            })
            .collect();
    }
    let base = signature(&scored);
    content
        .questions
        .iter()
        .filter(|q| {
            !is_answered(facts, q) && applies(&ctx, q) && can_change(content, facts, &base, q)
        })
        .collect()
}

/// The most useful unanswered question, or `None` when no answer could change the ranking any more.
pub fn next_question(facts: &Facts) -> Option<&'static Question> {
    open_questions(facts).first().copied()
}

/// The questions not answered yet whose conditions hold now (`now`), or also those whose conditions may still hold
/// once the facts they name are known (`!now`), in the content's order. The second is an upper bound of what the
/// wizard can still ask that does not grow as answers come in (a condition's fact only becomes known); the first is
/// what the result offers to answer after the wizard stopped early.
pub fn unanswered_questions(facts: &Facts, now: bool) -> Vec<&'static Question> {
    let Ok(ctx) = Context::new(facts) else {
        return Vec::new();
    };
    content()
        .questions
        .iter()
        .filter(|q| {
            !is_answered(facts, q)
                && q.ask_if.iter().all(|cond| match ctx.value(cond.fact) {
                    Some(v) => cond.values.contains(&v),
                    None => !now,
                })
        })
        .collect()
}

/// How far the wizard is: the number of questions answered and an upper bound of those still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub answered: usize,
    pub remaining: usize,
}

/// Progress for these facts; `remaining` only counts questions that could still change the result.
pub fn progress(facts: &Facts) -> Progress {
    let answered = content()
        .questions
        .iter()
        .filter(|q| is_answered(facts, q))
        .count();
    Progress {
        answered,
        remaining: open_questions(facts).len(),
    }
}

/// One choice of a question, in the person's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChoiceView {
    pub value: String,
    pub label: String,
}

/// A question in the person's language, as the wizard and the JS API show it. The last choice is always "I don't
/// know" (`unsure`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub fact: String,
    pub kind: QuestionKind,
    pub text: String,
    pub help: Option<String>,
    pub choices: Vec<ChoiceView>,
}

impl QuestionView {
    /// Localizes a question.
    pub fn new(question: &Question, lang: Lang) -> Self {
        let c = content();
        let mut choices: Vec<ChoiceView> = match question.kind {
            QuestionKind::Tri => [("yes", UiKey::Yes), ("no", UiKey::No)]
                .into_iter()
                .map(|(value, key)| ChoiceView {
                    value: value.into(),
                    label: c.ui(key, lang).into(),
                })
                .collect(),
            _ => question
                .choices
                .iter()
                .map(|ch| ChoiceView {
                    value: ch.value.to_owned(),
                    label: ch.label.get(lang).into(),
                })
                .collect(),
        };
        choices.push(ChoiceView {
            value: DONT_KNOW.into(),
            label: c.ui(UiKey::DontKnow, lang).into(),
        });
        QuestionView {
            id: question.id.to_owned(),
            fact: question.fact.name().to_owned(),
            kind: question.kind,
            text: question.text.get(lang).into(),
            help: question.help.as_ref().map(|h| h.get(lang).into()),
            choices,
        }
    }
}
