//! The balance timeline: the geometry of a small chart of the balance over time, each change marked by its kind
//! (orders, Amazon Pay, unexplained drops, cards added) and each card's expiry date, with its text alternative (a
//! summary sentence and one labelled line per mark). Pure and tested here; the view only draws what this returns.
//!
//! Coordinates are integers in a fixed `viewBox` ([`WIDTH`] × [`HEIGHT`]) that the SVG scales, so the same geometry
//! serves a phone, a desktop and print.

use crate::content::{content, Lang, UiKey};
use crate::display::format_date;
use crate::expiry::expiry_of;
use crate::facts::Card;
use crate::history::{Kind, Report};
use crate::marketplace::Marketplace;
use crate::money::format_amount;
use chrono::NaiveDate;
use serde::Serialize;

/// Width of the drawing, in `viewBox` units.
pub const WIDTH: i32 = 480;
/// Height of the drawing, in `viewBox` units.
pub const HEIGHT: i32 = 220;
/// Room for the balance labels on the left and the dates below.
const LEFT: i32 = 72;
const RIGHT: i32 = 16;
const TOP: i32 = 16;
const BOTTOM: i32 = 32;
/// At most this many marks are drawn (and listed); the line always includes every change. A 10,000-row paste would
/// otherwise draw 10,000 focusable circles, which no one can read and which slows the page.
pub const MAX_MARKS: usize = 120;
/// How far right each further change of one day is drawn, in the chart's units (a mark is 10 across).
const SAME_DAY_STEP: i32 = 12;

/// What a mark on the timeline stands for; its id is the CSS class suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    Order,
    AmazonPay,
    /// A drop no row explains: drawn in the warning colour.
    Unexplained,
    Added,
    /// Money back or bought: releases, refunds, reloads, Amazon Pay credit.
    Credit,
    Expired,
    Reversal,
    Other,
    /// A card's expiry date (not a change of the balance).
    Expiry,
}

impl MarkKind {
    /// The stable id (`amazon_pay`), used as the CSS class suffix.
    pub fn id(self) -> &'static str {
        match self {
            Self::Order => "order",
            Self::AmazonPay => "amazon_pay",
            Self::Unexplained => "unexplained",
            Self::Added => "added",
            Self::Credit => "credit",
            Self::Expired => "expired",
            Self::Reversal => "reversal",
            Self::Other => "other",
            Self::Expiry => "expiry",
        }
    }

    /// Marks always drawn, whatever their number (up to [`MAX_MARKS`]): what the chart is for.
    fn always(self) -> bool {
        matches!(
            self,
            Self::Unexplained | Self::Added | Self::Expired | Self::Reversal | Self::Expiry
        )
    }

    fn of(kind: Kind) -> Self {
        match kind {
            Kind::Order => Self::Order,
            Kind::AmazonPay => Self::AmazonPay,
            Kind::Added => Self::Added,
            Kind::Released
            | Kind::CancelRefund
            | Kind::Refund
            | Kind::Reload
            | Kind::AmazonPayCredit => Self::Credit,
            Kind::Expired => Self::Expired,
            Kind::Reversal => Self::Reversal,
            Kind::Other => Self::Other,
        }
    }
}

/// One mark: where it is drawn and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub x: i32,
    pub y: i32,
    pub kind: MarkKind,
    pub date: NaiveDate,
    /// The date as people read it.
    pub date_text: String,
    /// What happened, in the person's language (`Amazonの注文`, `有効期限 xxxx-xxxxxx-AB12`).
    pub what: String,
    /// The change, formatted (`-¥754`); empty for an expiry date.
    pub amount: String,
    /// The balance after it, formatted; empty for an expiry date.
    pub balance: String,
}

/// A label on an axis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tick {
    /// x for a date, y for a balance.
    pub at: i32,
    pub label: String,
}

/// Everything the view draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub width: i32,
    pub height: i32,
    /// The plot area: left, top, right, bottom.
    pub plot: (i32, i32, i32, i32),
    /// The balance as an SVG path (`M… H… V…`): a step line, flat between changes.
    pub path: String,
    pub marks: Vec<Mark>,
    /// Changes not marked because there were more than [`MAX_MARKS`] (the line includes them).
    pub unmarked: usize,
    /// Where the time axis breaks: expiry dates far beyond the history are drawn in a band on the right, after
    /// this x, so months of history are not squeezed against the left edge by a date years away.
    pub axis_break: Option<i32>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// The chart said in one or two sentences, for screen readers and as its caption.
    pub summary: String,
}

/// A change of the balance, before layout.
struct Change {
    date: NaiveDate,
    kind: MarkKind,
    what: String,
    amount: i64,
    /// The balance after the change.
    balance: i64,
}

/// The timeline of a pasted history, with the expiry dates of the listed cards. `None` when the paste has no rows.
pub fn from_report(
    report: &Report,
    cards: &[Card],
    marketplace: Marketplace,
    today: NaiveDate,
    lang: Lang,
) -> Option<Timeline> {
    let c = content();
    let lang = lang.for_market(Some(marketplace));
    let mut rows: Vec<&crate::history::Row> = report.rows.iter().collect();
    if report.newest_first {
        rows.reverse();
    }
    // Rows of one day keep their pasted order; only the days are sorted (two pasted pages may overlap).
    rows.sort_by_key(|r| r.date);
    let first = rows.first()?;
    let start_balance = first
        .balance
        .map_or(0, |b| b.saturating_sub(first.amount))
        .max(0);
    let mut balance = start_balance;
    let mut changes = Vec::with_capacity(rows.len());
    for row in &rows {
        let expected = balance.saturating_add(row.amount);
        if let Some(after) = row.balance {
            // A drop (or rise) no row explains shows as its own change, just before the row that reveals it.
            let gap = after.saturating_sub(expected);
            if gap != 0 {
                balance = balance.saturating_add(gap);
                changes.push(Change {
                    date: row.date,
                    kind: MarkKind::Unexplained,
                    what: c.ui(UiKey::TimelineEventUnexplained, lang).to_owned(),
                    amount: gap,
                    balance,
                });
            }
        }
        balance = row.balance.unwrap_or(expected);
        let mut what = row.kind.label(lang).to_owned();
        if let Some(last4) = &row.code_last4 {
            what.push_str(&format!(" xxxx-xxxxxx-{last4}"));
        }
        changes.push(Change {
            date: row.date,
            kind: MarkKind::of(row.kind),
            what,
            amount: row.amount,
            balance,
        });
    }
    let drops = changes.iter().filter(|ch| ch.amount < 0).count();
    let unexplained = changes
        .iter()
        .filter(|ch| ch.kind == MarkKind::Unexplained && ch.amount < 0)
        .count();
    let expiries = expiries(cards, marketplace, today, lang);
    let from = first.date;
    let to = changes.last().map_or(from, |ch| ch.date);
    let max = changes
        .iter()
        .map(|ch| ch.balance)
        .chain([start_balance])
        .max()
        .unwrap_or(0);
    let money = |v: i64| format_amount(v, marketplace);
    let summary = c.ui_with(
        UiKey::TimelineSummary,
        lang,
        &[
            ("from", &format_date(from, lang)),
            ("to", &format_date(to, lang)),
            ("max", &money(max)),
            ("last", &money(balance)),
        ],
    );
    // Each count in a sentence of its own, so each takes its own plural form; how many drops no entry explains is
    // said only when there were drops.
    let sep = if lang.is_english() { " " } else { "" };
    let mut summary = summary;
    summary.push_str(sep);
    summary.push_str(&c.ui_count(UiKey::TimelineDrops, lang, drops as u64, &[]));
    if drops > 0 {
        summary.push_str(sep);
        summary.push_str(&c.ui_count(
            UiKey::TimelineUnexplainedDrops,
            lang,
            unexplained as u64,
            &[],
        ));
    }
    Some(layout(
        (from, start_balance),
        changes,
        expiries,
        summary,
        marketplace,
        lang,
    ))
}

/// The timeline drawn from the card list alone (no paste): each card adds its amount on its issue date, a card
/// past its expiry date takes it away again, and every expiry date is marked. `None` without a dated card that has an
/// amount: a line from nothing to nothing (¥0 to ¥1, issue 23) tells a person nothing.
pub fn from_cards(
    cards: &[Card],
    marketplace: Marketplace,
    today: NaiveDate,
    lang: Lang,
) -> Option<Timeline> {
    let c = content();
    let lang = lang.for_market(Some(marketplace));
    let mut dated: Vec<&Card> = cards.iter().filter(|card| card.issued.is_some()).collect();
    dated.sort_by_key(|card| card.issued);
    if !dated.iter().any(|card| card.amount.is_some()) {
        return None;
    }
    let first = dated.first()?.issued?;
    let mut events: Vec<(NaiveDate, MarkKind, String, i64)> = Vec::new();
    for card in &dated {
        let Some(issued) = card.issued else { continue };
        let amount = card.amount.unwrap_or(0).max(0);
        let label = card_label(card, lang);
        events.push((
            issued,
            MarkKind::Added,
            format!("{} {label}", Kind::Added.label(lang)),
            amount,
        ));
        let market = card.marketplace.unwrap_or(marketplace);
        if let Ok(e) = expiry_of(market, issued, card.issued_precision, card.kind, today) {
            // Only an expiry the sources agree on takes money off the line; an unsure one is only marked. It is drawn on
            // the expiry date itself, the date the card list states for the card (issue 20: a day later read as
            // another date).
            if let Some(gone) = e.expires.filter(|d| *d < today && e.rule.certain()) {
                events.push((
                    gone,
                    MarkKind::Expired,
                    format!("{} {label}", Kind::Expired.label(lang)),
                    -amount,
                ));
            }
        }
    }
    events.sort_by_key(|e| e.0);
    let mut balance = 0i64;
    let changes = events
        .into_iter()
        .map(|(date, kind, what, amount)| {
            balance = balance.saturating_add(amount);
            Change {
                date,
                kind,
                what,
                amount,
                balance,
            }
        })
        .collect();
    let summary = c.ui_count(UiKey::TimelineCardsSummary, lang, dated.len() as u64, &[]);
    Some(layout(
        (first, 0),
        changes,
        expiries(cards, marketplace, today, lang),
        summary,
        marketplace,
        lang,
    ))
}

/// `xxxx-xxxxxx-AB12`, or "gift card" without a code.
fn card_label(card: &Card, lang: Lang) -> String {
    match &card.last4 {
        Some(l) => format!("xxxx-xxxxxx-{l}"),
        None => content().ui(UiKey::CalendarCardNoCode, lang).to_owned(),
    }
}

/// Each card's expiry date (the latest possible one for an old Japanese card of unknown kind).
fn expiries(
    cards: &[Card],
    marketplace: Marketplace,
    today: NaiveDate,
    lang: Lang,
) -> Vec<(NaiveDate, String)> {
    let label = content().ui(UiKey::TimelineEventExpiry, lang);
    let mut out: Vec<(NaiveDate, String)> = cards
        .iter()
        .filter_map(|card| {
            let market = card.marketplace.unwrap_or(marketplace);
            let e = expiry_of(
                market,
                card.issued?,
                card.issued_precision,
                card.kind,
                today,
            )
            .ok()?;
            Some((e.expires?, format!("{label} {}", card_label(card, lang))))
        })
        .collect();
    out.sort();
    out
}

/// The first and the last of `dates` and `with`.
fn date_span(dates: impl Iterator<Item = NaiveDate>, with: NaiveDate) -> (NaiveDate, NaiveDate) {
    dates.fold((with, with), |(first, last), d| (first.min(d), last.max(d)))
}

/// Places the changes and expiry dates in the drawing.
fn layout(
    start: (NaiveDate, i64),
    changes: Vec<Change>,
    expiries: Vec<(NaiveDate, String)>,
    summary: String,
    marketplace: Marketplace,
    lang: Lang,
) -> Timeline {
    let (left, top, right, bottom) = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    let (changes_from, changes_to) = date_span(changes.iter().map(|ch| ch.date), start.0);
    let (from, to) = date_span(
        expiries.iter().map(|e| e.0).chain([changes_to]),
        changes_from,
    );
    let history_span = (changes_to - from).num_days().max(1);
    // Expiry dates further beyond the history than the history is long get the band on the right.
    let compressed = (to - changes_to).num_days() > history_span;
    let band = (right - left) / 4;
    let main_right = if compressed { right - band } else { right };
    let main_to = if compressed { changes_to } else { to };
    let span = (main_to - from).num_days().max(1);
    let max = changes
        .iter()
        .map(|ch| ch.balance)
        .chain([start.1, 1])
        .max()
        .unwrap_or(1);
    // Integer scaling, no float touches money. Days times pixels fit an i64 for any date chrono holds (±262,000
    // years); an amount times pixels may not, so amounts go through `scale` (i128 here cost the wasm 1.2 KB of
    // 128-bit division, issue 13).
    let x = |d: NaiveDate| -> i32 {
        if d <= main_to {
            let days = (d - from).num_days();
            left + i32::try_from(days * i64::from(main_right - left) / span).unwrap_or(0)
        } else {
            // In the band: the gap after the break, then in proportion up to the last date.
            let gap = 12;
            let days = (d - main_to).num_days();
            let later = (to - main_to).num_days().max(1);
            main_right
                + gap
                + i32::try_from(days * i64::from(right - main_right - gap) / later).unwrap_or(0)
        }
    };
    let y = |b: i64| -> i32 { bottom - scale(b.clamp(0, max), bottom - top, max) };
    let money = |v: i64| format_amount(v, marketplace);

    let mut path = format!("M{} {}", x(start.0), y(start.1));
    for ch in &changes {
        path.push_str(&format!("H{}V{}", x(ch.date), y(ch.balance)));
    }
    // The line runs on to the last date shown (an expiry to come), flat.
    path.push_str(&format!("H{}", x(to)));

    // Which changes get a mark: the kinds the chart is for, then the largest of the rest.
    let mut keep: Vec<usize> = (0..changes.len())
        .filter(|i| changes[*i].kind.always())
        .collect();
    let mut rest: Vec<usize> = (0..changes.len())
        .filter(|i| !changes[*i].kind.always())
        .collect();
    rest.sort_by_key(|i| std::cmp::Reverse(changes[*i].amount.unsigned_abs()));
    let room = MAX_MARKS.saturating_sub(keep.len() + expiries.len());
    keep.extend(rest.iter().take(room));
    keep.sort_unstable();
    keep.truncate(MAX_MARKS.saturating_sub(expiries.len().min(MAX_MARKS)));
    let unmarked = changes.len() - keep.len();

    let mut marks: Vec<Mark> = keep
        .into_iter()
        .map(|i| {
            let ch = &changes[i];
            Mark {
                x: x(ch.date),
                y: y(ch.balance),
                kind: ch.kind,
                date: ch.date,
                date_text: format_date(ch.date, lang),
                what: ch.what.clone(),
                amount: money(ch.amount),
                balance: money(ch.balance),
            }
        })
        .collect();
    for (date, what) in expiries.into_iter().take(MAX_MARKS) {
        marks.push(Mark {
            x: x(date),
            y: top,
            kind: MarkKind::Expiry,
            date,
            date_text: format_date(date, lang),
            what,
            amount: String::new(),
            balance: String::new(),
        });
    }
    marks.sort_by_key(|m| m.date);
    // Changes of one day would sit on each other: the earlier ones of a day step left by a mark's width each, so every
    // one can be seen, pointed at and tapped (issue 23), the day's last staying on its date (never past an axis break
    // or the plot's left edge). The dates they show are their own.
    let changes_of = |date: NaiveDate| {
        marks
            .iter()
            .filter(|m| m.kind != MarkKind::Expiry && m.date == date)
            .count() as i32
    };
    let counts: Vec<i32> = marks.iter().map(|m| changes_of(m.date)).collect();
    let mut seen: Option<(NaiveDate, i32)> = None;
    for (m, n) in marks.iter_mut().zip(counts) {
        if m.kind == MarkKind::Expiry {
            continue;
        }
        let k = match seen {
            Some((date, k)) if date == m.date => k + 1,
            _ => 0,
        };
        seen = Some((m.date, k));
        m.x = (m.x - (n - 1 - k) * SAME_DAY_STEP).max(left);
    }

    // Three dates: the first, the middle (or, with a break, the history's last) and the last.
    let mid = if compressed {
        main_to
    } else {
        from + chrono::Days::new(u64::try_from(span / 2).unwrap_or(0))
    };
    let x_ticks = [from, mid, to]
        .into_iter()
        .map(|d| Tick {
            at: x(d),
            label: format_date(d, lang),
        })
        .collect();
    let y_ticks = [0, max / 2, max]
        .into_iter()
        .map(|b| Tick {
            at: y(b),
            label: money(b),
        })
        .collect();
    Timeline {
        width: WIDTH,
        height: HEIGHT,
        plot: (left, top, right, bottom),
        path,
        marks,
        unmarked,
        axis_break: compressed.then_some(main_right + 6),
        x_ticks,
        y_ticks,
        summary,
    }
}

/// `value × span / whole` for `0 ≤ value ≤ whole` and a span of pixels, in i64: the amounts are first brought down
/// to 32 bits (keeping their ratio far finer than a pixel), so the product cannot overflow.
fn scale(value: i64, span: i32, whole: i64) -> i32 {
    let shift = (64 - whole.max(1).leading_zeros()).saturating_sub(32);
    let (value, whole) = (value.max(0) >> shift, (whole >> shift).max(1));
    i32::try_from(value * i64::from(span) / whole).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::scale;
    use proptest::prelude::*;

    proptest! {
        /// Within a pixel of the exact 128-bit result, whatever the amounts (up to `i64::MAX`), and never past the span.
        #[test]
        fn scale_is_the_exact_ratio_within_a_pixel(whole in 1i64..=i64::MAX, frac in 0.0f64..=1.0, span in 0i32..4096) {
            let value = ((whole as f64) * frac) as i64;
            let value = value.clamp(0, whole);
            let exact = i128::from(value) * i128::from(span) / i128::from(whole);
            let got = i128::from(scale(value, span, whole));
            prop_assert!((got - exact).abs() <= 1, "{value} × {span} / {whole}: {got}, exact {exact}");
            prop_assert!(got <= i128::from(span));
        }
    }

    #[test]
    fn scale_holds_the_ends() {
        assert_eq!(scale(0, 300, i64::MAX), 0);
        assert_eq!(scale(i64::MAX, 300, i64::MAX), 300);
        assert_eq!(scale(5_000, 300, 10_000), 150);
    }
}
