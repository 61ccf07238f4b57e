//! The report: rows with their kinds, sums by kind, balance changes no row explains, and what it all means for the
//! diagnosis ([`Findings`]).

use super::classify::{mentions_amazon_pay, Kind};
use crate::content::{content, Lang, UiKey};
use crate::facts::Findings;
use crate::marketplace::Marketplace;
use crate::money;
use chrono::NaiveDate;
use serde::Serialize;

/// One entry of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// 1-based number of the row's first line in the pasted text.
    pub line: usize,
    pub date: NaiveDate,
    pub kind: Kind,
    pub description: String,
    /// Signed minor units: negative when the balance went down.
    pub amount: i64,
    /// The balance after this entry; `None` when the paste had no balance for it.
    pub balance: Option<i64>,
    /// The order number (`250-1234567-1234567`), when the description has one.
    pub order_id: Option<String>,
    /// The last four characters of a masked claim code (`xxxx-xxxxxx-W9CT` → `W9CT`).
    pub code_last4: Option<String>,
}

/// Signed sums of the amounts, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub struct Totals {
    pub added: i64,
    pub order: i64,
    pub amazon_pay: i64,
    pub released: i64,
    pub cancel_refund: i64,
    pub refund: i64,
    pub reload: i64,
    pub amazon_pay_credit: i64,
    pub expired: i64,
    pub reversal: i64,
    pub other: i64,
}

impl Totals {
    fn slot(&mut self, kind: Kind) -> &mut i64 {
        match kind {
            Kind::Added => &mut self.added,
            Kind::Order => &mut self.order,
            Kind::AmazonPay => &mut self.amazon_pay,
            Kind::Released => &mut self.released,
            Kind::CancelRefund => &mut self.cancel_refund,
            Kind::Refund => &mut self.refund,
            Kind::Reload => &mut self.reload,
            Kind::AmazonPayCredit => &mut self.amazon_pay_credit,
            Kind::Expired => &mut self.expired,
            Kind::Reversal => &mut self.reversal,
            Kind::Other => &mut self.other,
        }
    }

    /// The sum for one kind.
    pub fn get(&self, kind: Kind) -> i64 {
        let mut copy = *self;
        *copy.slot(kind)
    }

    pub(super) fn add(&mut self, kind: Kind, amount: i64) {
        let slot = self.slot(kind);
        *slot = slot.saturating_add(amount);
    }
}

/// A balance change between two neighbouring rows that the rows do not explain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unexplained {
    /// Date of the older row.
    pub from: NaiveDate,
    /// Date of the newer row.
    pub to: NaiveDate,
    /// The change no row explains, signed: negative for money that vanished.
    pub amount: i64,
}

impl Unexplained {
    /// The change in the person's language (meant for vanished money).
    pub fn localized(&self, marketplace: Marketplace, lang: Lang) -> String {
        content().ui_with(
            UiKey::HistoryUnexplained,
            lang,
            &[
                ("from", &self.from.to_string()),
                ("to", &self.to.to_string()),
                (
                    "amount",
                    &money::format_amount(self.amount.saturating_abs(), marketplace),
                ),
            ],
        )
    }
}

/// What the analyzer read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The rows, in the order they were pasted.
    pub rows: Vec<Row>,
    pub totals: Totals,
    pub unexplained: Vec<Unexplained>,
    /// 1-based numbers of lines with content that belong to no row (headers, page links and blank lines excluded).
    pub unread_lines: Vec<usize>,
    /// ISO code of the amounts (`JPY`).
    pub currency: &'static str,
    /// Whether the rows were pasted newest first, as the balance page lists them.
    pub newest_first: bool,
    /// 1-based numbers of lines whose `nn/nn/yyyy` date could be read day first or month first, where neither the
    /// marketplace nor another date of the paste settles it; their rows took the day-first reading.
    pub ambiguous_date_lines: Vec<usize>,
}

/// What the rows say beyond [`Findings`], for facts the diagnosis may add: amounts (positive minor units) of rows
/// saying a card expired or was voided / reversed, and how many debit rows were read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signals {
    /// Removed from the balance by rows saying a card expired: points to the `expired` cause.
    pub expired: i64,
    /// Removed by rows saying a card was voided or a credit reversed: points to the `invalidated` cause.
    pub invalidated: i64,
    /// Rows that took money from the balance (whatever their kind).
    pub debit_rows: usize,
}

impl Report {
    /// What the report means for the diagnosis. Orders are net of releases, cancellations, returns and refunds of
    /// orders; Amazon Pay net of its own.
    pub fn findings(&self) -> Findings {
        let (mut amazon_pay, mut orders) = (0i64, 0i64);
        for row in &self.rows {
            match row.kind {
                Kind::AmazonPay => amazon_pay = amazon_pay.saturating_sub(row.amount),
                Kind::Order => orders = orders.saturating_sub(row.amount),
                // A release or refund of an Amazon Pay payment gives back what Amazon Pay took, not an order.
                Kind::Released | Kind::Refund | Kind::CancelRefund
                    if mentions_amazon_pay(&row.description) =>
                {
                    amazon_pay = amazon_pay.saturating_sub(row.amount)
                }
                Kind::Released | Kind::Refund | Kind::CancelRefund => {
                    orders = orders.saturating_sub(row.amount)
                }
                _ => {}
            }
        }
        let signals = self.signals();
        let vanished: Vec<&Unexplained> =
            self.unexplained.iter().filter(|u| u.amount < 0).collect();
        Findings {
            amazon_pay: amazon_pay.max(0),
            orders: orders.max(0),
            vanished: vanished
                .iter()
                .fold(0i64, |sum, u| sum.saturating_add(u.amount.saturating_neg())),
            vanished_from: vanished.iter().map(|u| u.from).min(),
            vanished_to: vanished.iter().map(|u| u.to).max(),
            debit_rows: u32::try_from(signals.debit_rows).unwrap_or(u32::MAX),
            expired: signals.expired,
            invalidated: signals.invalidated,
        }
    }

    /// Expired and voided rows and the count of debits (see [`Signals`]).
    pub fn signals(&self) -> Signals {
        let mut s = Signals::default();
        for row in &self.rows {
            match row.kind {
                Kind::Expired => s.expired = s.expired.saturating_sub(row.amount.min(0)),
                Kind::Reversal => s.invalidated = s.invalidated.saturating_sub(row.amount.min(0)),
                _ => {}
            }
            if row.amount < 0 {
                s.debit_rows += 1;
            }
        }
        s
    }
}

/// Lines with content that no row took. Both lists are sorted, so one merge pass does it.
pub(super) fn unread(content_lines: &[usize], consumed: &[(usize, usize)]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut ranges = consumed.iter().peekable();
    for &line in content_lines {
        while ranges.peek().is_some_and(|(_, last)| *last < line) {
            ranges.next();
        }
        if !ranges
            .peek()
            .is_some_and(|(first, last)| *first <= line && line <= *last)
        {
            out.push(line);
        }
    }
    out
}

/// Decides the paste order from the dates: the balance page lists newest first, but a person may have sorted it.
/// Ties (all rows on one day) go to the order whose balances agree more often, then to newest first.
pub(super) fn newest_first(rows: &[Row]) -> bool {
    let (mut down, mut up) = (0usize, 0usize);
    for pair in rows.windows(2) {
        if let [a, b] = pair {
            if a.date > b.date {
                down += 1;
            } else if a.date < b.date {
                up += 1;
            }
        }
    }
    if down != up {
        return down > up;
    }
    unexplained(rows, false).len() >= unexplained(rows, true).len()
}

/// Checks each row's balance against its older neighbour: newer balance = older balance + newer amount.
/// Neighbours whose dates run against the paste order are the seam between two pasted pages, not a gap, and are
/// skipped, as are rows without a balance.
pub(super) fn unexplained(rows: &[Row], newest_first: bool) -> Vec<Unexplained> {
    let mut out = Vec::new();
    for pair in rows.windows(2) {
        let [a, b] = pair else { continue };
        let (newer, older) = if newest_first { (a, b) } else { (b, a) };
        if newer.date < older.date {
            continue;
        }
        let (Some(after), Some(before)) = (newer.balance, older.balance) else {
            continue;
        };
        // Amounts are at most 15 digits (see `parse_money`), so these cannot overflow; checked all the same.
        let Some(diff) = after
            .checked_sub(before)
            .and_then(|d| d.checked_sub(newer.amount))
        else {
            continue;
        };
        if diff != 0 {
            out.push(Unexplained {
                from: older.date,
                to: newer.date,
                amount: diff,
            });
        }
    }
    out
}
