//! The balance-history analyzer: reads what a person pasted from their gift card balance page, checks every row's
//! balance against the next, and sums what went where.
//!
//! Layouts (`shared/domain-facts.md`, "The balance history page"): Japanese (日付 / 利用内容 / 金額 / 残高) and
//! English (Date / Description / Amount / Closing balance), each copied as tab-separated rows, as space-separated
//! rows, or one cell per line. All three are read the same way: every line (every tab cell, when there are tabs) is
//! split into a date at its start, up to two amounts at its end and text in between; a row is then a date, some text,
//! an amount and a balance, wherever the line breaks fall. Amounts need a currency sign (`￥`, `$`, `£`, `€`, `円`…),
//! so order numbers and years are never taken for money.
//!
//! No wording for an expiry is assumed (no source showed one): an expiry shows up as an unexplained change.
//! Hand-written scanning rather than a regex engine keeps the wasm small; everything is linear in the input.

use crate::content::{content, Lang, UiKey};
use crate::facts::Findings;
use crate::marketplace::Marketplace;
use crate::money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The most the analyzer reads: 2 MiB. A balance page shows about 20 rows; 10,000 Japanese rows copied one cell per
/// line are about 1.6 MB, so this is far beyond any real paste while keeping the work in a browser tab bounded.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The most lines the analyzer reads: 100,000, enough for 10,000 rows one cell per line with blank lines between.
pub const MAX_LINES: usize = 100_000;

/// Why a pasted history cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    /// The text is over [`MAX_BYTES`] or [`MAX_LINES`].
    #[error("the pasted history is too large: {bytes} bytes in {lines} lines (the limit is {MAX_BYTES} bytes and {MAX_LINES} lines)")]
    TooLarge { bytes: usize, lines: usize },
}

impl HistoryError {
    /// The error in the person's language.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            Self::TooLarge { bytes, .. } => {
                // Name the limit that was passed: a long paste of few lines is over the size, not the lines.
                let limit = match (lang, *bytes > MAX_BYTES) {
                    (_, true) => format!("{} MB", MAX_BYTES / (1024 * 1024)),
                    (Lang::Ja, false) => format!("{}行", MAX_LINES),
                    (Lang::En, false) => format!("{} lines", MAX_LINES),
                };
                content().ui_with(UiKey::HistoryTooLarge, lang, &[("limit", &limit)])
            }
        }
    }
}

/// What a history row is, read from its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A gift card registered (credit).
    Added,
    /// Applied to an Amazon order (debit).
    Order,
    /// Used at another shop through Amazon Pay (debit).
    AmazonPay,
    /// Returned to the balance from an order, e.g. on cancellation (credit).
    Released,
    /// A refund of an order (credit).
    Refund,
    /// Bought balance: Reload, チャージ, オートチャージ (credit).
    Reload,
    /// Credit from Amazon Pay, e.g. cashback.
    AmazonPayCredit,
    /// Wording not recognised.
    Other,
}

impl Kind {
    /// Every kind, in the order totals list them.
    pub const ALL: [Kind; 8] = [
        Self::Added,
        Self::Order,
        Self::AmazonPay,
        Self::Released,
        Self::Refund,
        Self::Reload,
        Self::AmazonPayCredit,
        Self::Other,
    ];

    /// The stable id (`amazon_pay`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Order => "order",
            Self::AmazonPay => "amazon_pay",
            Self::Released => "released",
            Self::Refund => "refund",
            Self::Reload => "reload",
            Self::AmazonPayCredit => "amazon_pay_credit",
            Self::Other => "other",
        }
    }

    /// The label shown to people.
    pub fn label(self, lang: Lang) -> &'static str {
        let key = match self {
            Self::Added => UiKey::KindAdded,
            Self::Order => UiKey::KindOrder,
            Self::AmazonPay => UiKey::KindAmazonPay,
            Self::Released => UiKey::KindReleased,
            Self::Refund => UiKey::KindRefund,
            Self::Reload => UiKey::KindReload,
            Self::AmazonPayCredit => UiKey::KindAmazonPayCredit,
            Self::Other => UiKey::KindOther,
        };
        content().ui(key, lang)
    }

    /// The cause this kind of spending points to, so a report can link its totals to the ranking (the same facts
    /// feed the `historyOrders` and `historyAmazonPay` rules).
    pub fn linked_cause(self) -> Option<&'static str> {
        match self {
            Self::Order => Some("applied_to_order"),
            Self::AmazonPay => Some("amazon_pay"),
            _ => None,
        }
    }
}

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
    pub refund: i64,
    pub reload: i64,
    pub amazon_pay_credit: i64,
    pub other: i64,
}

impl Totals {
    /// The sum for one kind.
    pub fn get(&self, kind: Kind) -> i64 {
        match kind {
            Kind::Added => self.added,
            Kind::Order => self.order,
            Kind::AmazonPay => self.amazon_pay,
            Kind::Released => self.released,
            Kind::Refund => self.refund,
            Kind::Reload => self.reload,
            Kind::AmazonPayCredit => self.amazon_pay_credit,
            Kind::Other => self.other,
        }
    }

    fn add(&mut self, kind: Kind, amount: i64) {
        let slot = match kind {
            Kind::Added => &mut self.added,
            Kind::Order => &mut self.order,
            Kind::AmazonPay => &mut self.amazon_pay,
            Kind::Released => &mut self.released,
            Kind::Refund => &mut self.refund,
            Kind::Reload => &mut self.reload,
            Kind::AmazonPayCredit => &mut self.amazon_pay_credit,
            Kind::Other => &mut self.other,
        };
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
}

impl Report {
    /// What the report means for the diagnosis.
    pub fn findings(&self) -> Findings {
        let (mut amazon_pay, mut orders) = (0i64, 0i64);
        for row in &self.rows {
            match row.kind {
                Kind::AmazonPay => amazon_pay = amazon_pay.saturating_sub(row.amount),
                Kind::Order => orders = orders.saturating_sub(row.amount),
                // A release or refund of an Amazon Pay payment gives back what Amazon Pay took, not an order.
                Kind::Released | Kind::Refund if mentions_amazon_pay(&row.description) => {
                    amazon_pay = amazon_pay.saturating_sub(row.amount)
                }
                Kind::Released | Kind::Refund => orders = orders.saturating_sub(row.amount),
                _ => {}
            }
        }
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
            debit_rows: u32::try_from(self.rows.iter().filter(|r| r.amount < 0).count())
                .unwrap_or(u32::MAX),
        }
    }
}

fn mentions_amazon_pay(text: &str) -> bool {
    contains_ignore_ascii_case(text, "amazon pay")
}

/// Reads a pasted balance history. Text that is not a history gives an empty report with its lines unread, never an
/// error; only oversize input is refused.
pub fn analyze(text: &str, marketplace: Marketplace) -> Result<Report, HistoryError> {
    let lines = text.bytes().filter(|b| *b == b'\n').count() + 1;
    if text.len() > MAX_BYTES || lines > MAX_LINES {
        return Err(HistoryError::TooLarge {
            bytes: text.len(),
            lines,
        });
    }
    let folded = fold_text(text);
    let mut cells: Vec<Cell<'_>> = Vec::new();
    // Lines that hold something other than a header or page link: unread unless a row takes them.
    let mut content_lines: Vec<usize> = Vec::new();
    for (index, line) in folded.split('\n').enumerate() {
        let number = index + 1;
        // Folding made the spaces that matter ASCII, so the cheaper ASCII trim is enough here and below.
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let first_cell = cells.len();
        for segment in line.split('\t') {
            split_segment(segment, number, &mut cells);
        }
        // Headers and page links hold no date or amount, so only lines of text alone are checked for them.
        let text_only = cells[first_cell..]
            .iter()
            .all(|c| matches!(c.kind, CellKind::Text(_)));
        if text_only && (is_header(line) || is_chrome(line)) {
            cells.truncate(first_cell);
            continue;
        }
        content_lines.push(number);
    }

    let mut assembler = Assembler::default();
    for cell in cells {
        assembler.push(cell);
    }
    assembler.finish();
    let Assembler {
        rows: partials,
        consumed,
        ..
    } = assembler;

    let mut currency_sign = None;
    let mut rows = Vec::with_capacity(partials.len());
    for p in partials {
        currency_sign = currency_sign.or(p.sign);
        let description = p.description;
        rows.push(Row {
            line: p.line,
            date: p.date,
            kind: classify(&description, p.amount),
            order_id: order_id(&description),
            code_last4: code_last4(&description),
            description,
            amount: p.amount,
            balance: p.balance,
        });
    }

    let mut totals = Totals::default();
    for row in &rows {
        totals.add(row.kind, row.amount);
    }
    let newest_first = newest_first(&rows);
    let unexplained = unexplained(&rows, newest_first);
    let unread_lines = unread(&content_lines, &consumed);
    let currency = currency_sign
        .map(|s| s.iso(marketplace))
        .unwrap_or_else(|| money::currency(marketplace).1);
    Ok(Report {
        rows,
        totals,
        unexplained,
        unread_lines,
        currency,
        newest_first,
    })
}

/// Lines with content that no row took. Both lists are sorted, so one merge pass does it.
fn unread(content_lines: &[usize], consumed: &[(usize, usize)]) -> Vec<usize> {
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
fn newest_first(rows: &[Row]) -> bool {
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
fn unexplained(rows: &[Row], newest_first: bool) -> Vec<Unexplained> {
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

// ---------------------------------------------------------------------------------------------------------------
// Folding: one pass that makes full-width text half-width, so the scanners below only deal with ASCII forms.

/// Maps full-width ASCII to half-width, the yen and pound signs to their usual forms, dashes and the minus sign to
/// `-`, wide and non-breaking spaces to a space (or to nothing between digits, where they group thousands), and drops
/// zero-width characters. Newlines and tabs are kept, so line numbers stay those of the pasted text.
fn fold_text(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // Unchanged characters are copied a run at a time, and only characters whose first byte could start one that
    // folds are decoded: most of a paste needs no folding, and decoding every character is the cost of this pass.
    let bytes = text.as_bytes();
    let mut run_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let lead = bytes[at];
        if !matches!(lead, 0xC2 | 0xE2 | 0xE3 | 0xEF) {
            at += 1;
            continue;
        }
        let Some(ch) = text.get(at..).and_then(|t| t.chars().next()) else {
            at += 1;
            continue;
        };
        let width = ch.len_utf8();
        let replacement = match ch {
            '\u{FFE5}' => Some('¥'),
            '\u{FFE1}' => Some('£'),
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => Some('-'),
            '\u{3000}' | '\u{2000}'..='\u{2006}' | '\u{2008}' | '\u{200A}' | '\u{205F}' => {
                Some(' ')
            }
            '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' => {
                let next = text.get(at + width..).and_then(|t| t.chars().next());
                let next_is_digit = next
                    .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '€');
                let between_digits = text[run_start..at].ends_with(|c: char| c.is_ascii_digit())
                    || (run_start == at && out.ends_with(|c: char| c.is_ascii_digit()));
                if between_digits && next_is_digit {
                    None
                } else {
                    Some(' ')
                }
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            _ => {
                at += width;
                continue;
            }
        };
        out.push_str(&text[run_start..at]);
        if let Some(r) = replacement {
            out.push(r);
        }
        at += width;
        run_start = at;
    }
    out.push_str(&text[run_start..]);
    Cow::Owned(out)
}

// ---------------------------------------------------------------------------------------------------------------
// Lines that are not entries.

/// A header line: every word is a column name (日付 利用内容 金額 残高 / Date Description Amount Closing balance).
fn is_header(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "日付",
        "利用内容",
        "内容",
        "金額",
        "残高",
        "取引日",
        "date",
        "description",
        "amount",
        "closing",
        "balance",
    ];
    let mut any = false;
    for word in line.split_ascii_whitespace() {
        let word = word.trim_matches(|c: char| c.is_ascii_punctuation());
        if !WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            return false;
        }
        any = true;
    }
    any
}

/// Page links and numbers around the table (次へ, Next →, 1 2 3 …), skipped without calling them unread.
fn is_chrome(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "次へ",
        "前へ",
        "次のページ",
        "前のページ",
        "next",
        "previous",
        "prev",
        "suivant",
        "précédent",
        "weiter",
        "zurück",
        "successivo",
        "precedente",
    ];
    if line.len() > 160 || line.chars().count() > 40 {
        return false;
    }
    let arrows = |c: char| {
        matches!(
            c,
            '←' | '→' | '«' | '»' | '‹' | '›' | '<' | '>' | '…' | '|' | '.' | '・'
        )
    };
    line.split_ascii_whitespace()
        .map(|w| w.trim_matches(arrows))
        .all(|w| {
            w.is_empty()
                || w.bytes().all(|b| b.is_ascii_digit())
                || WORDS.iter().any(|x| x.eq_ignore_ascii_case(w))
        })
}

// ---------------------------------------------------------------------------------------------------------------
// Cells: a line (or a tab cell) split into date, text and amounts.

/// A currency sign seen on an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Yen,
    Dollar,
    Pound,
    Euro,
    Rupee,
}

impl Sign {
    /// Digits after the decimal point.
    fn digits(self) -> u32 {
        match self {
            Sign::Yen => 0,
            _ => 2,
        }
    }

    fn iso(self, marketplace: Marketplace) -> &'static str {
        match self {
            Sign::Yen => "JPY",
            Sign::Dollar if marketplace == Marketplace::Mx => "MXN",
            Sign::Dollar => "USD",
            Sign::Pound => "GBP",
            Sign::Euro => "EUR",
            Sign::Rupee => "INR",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Money {
    minor: i64,
    sign: Sign,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellKind<'a> {
    Date(NaiveDate),
    Text(&'a str),
    Money(Money),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell<'a> {
    line: usize,
    kind: CellKind<'a>,
}

/// Splits one segment into a date at its start, text, and up to two amounts at its end.
fn split_segment<'a>(segment: &'a str, line: usize, out: &mut Vec<Cell<'a>>) {
    let s = segment.trim_ascii();
    if s.is_empty() {
        return;
    }
    let (date, rest) = match parse_date_prefix(s) {
        Some((d, rest)) => (Some(d), rest.trim_ascii()),
        None => (None, s),
    };
    let (last, rest) = match peel_money(rest) {
        Some((m, r)) => (Some(m), r),
        None => (None, rest),
    };
    let (first, rest) = match last.and_then(|_| peel_money(rest)) {
        Some((m, r)) => (Some(m), r),
        None => (None, rest),
    };
    // A copied multi-line cell may keep the quotes a spreadsheet would need.
    let text = rest.trim_ascii().trim_matches('"').trim_ascii();
    let mut push = |kind| out.push(Cell { line, kind });
    if let Some(d) = date {
        push(CellKind::Date(d));
    }
    if !text.is_empty() {
        push(CellKind::Text(text));
    }
    for m in [first, last].into_iter().flatten() {
        push(CellKind::Money(m));
    }
}

/// Takes an amount off the end of `s`: the last word, or the last two or three when the sign or currency stands
/// apart (`- ￥754`, `12,34 €`). Returns the amount and what is left before it.
///
/// Works on bytes, splitting at ASCII spaces and tabs only (folding made the other spaces ASCII): every offset it
/// slices at follows an ASCII byte or is the start, so it is a character boundary.
fn peel_money(s: &str) -> Option<(Money, &str)> {
    // An amount with its sign and currency is short; nothing longer is looked at.
    const LONGEST: usize = 48;
    let s = s.trim_ascii_end();
    let bytes = s.as_bytes();
    let tail = bytes
        .get(bytes.len().saturating_sub(LONGEST)..)
        .unwrap_or_default();
    // Most segments are descriptions: without a currency sign near the end there is no amount to look for. Checked
    // on bytes: `$` and `\`, the first byte of `¥` and `£` (C2) or of `€` and `₹` (E2), or `円` (E5 86 86).
    let signed = tail.iter().any(|b| matches!(b, b'$' | b'\\' | 0xC2 | 0xE2))
        || tail.windows(3).any(|w| w == "円".as_bytes());
    if !signed {
        return None;
    }
    // The last three words, as (start, end), last first.
    let mut words: [Option<(usize, usize)>; 3] = [None; 3];
    let mut end = bytes.len();
    for slot in &mut words {
        while end > 0 && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !bytes[start - 1].is_ascii_whitespace() && bytes.len() - start <= LONGEST
        {
            start -= 1;
        }
        if start == end || bytes.len() - start > LONGEST {
            break;
        }
        *slot = Some((start, end));
        end = start;
    }
    for take in (1..=3).rev() {
        let Some((start, _)) = words[take - 1] else {
            continue;
        };
        let taken = &words[..take];
        // Joining words is only for a sign or currency standing apart, so exactly one of them may hold digits.
        let digit_words = taken
            .iter()
            .flatten()
            .filter(|(a, b)| bytes[*a..*b].iter().any(u8::is_ascii_digit))
            .count();
        if take > 1 && digit_words != 1 {
            continue;
        }
        let mut joined = String::with_capacity(LONGEST);
        for (a, b) in taken.iter().rev().flatten() {
            joined.push_str(s.get(*a..*b)?);
        }
        if let Some(m) = parse_money(&joined) {
            return Some((m, s.get(..start)?));
        }
    }
    None
}

/// Parses an amount with a currency sign: `￥754`, `-￥12,607`, `¥-754`, `754円`, `$19.48`, `-$19.48`, `£5`,
/// `€1.234,56`, `12,34€`. A bare number is not money. At most 15 digits, so sums of a few cannot overflow.
fn parse_money(s: &str) -> Option<Money> {
    let mut rest = s;
    let mut negative = false;
    let mut sign = None;
    let take_minus = |r: &mut &str, negative: &mut bool| {
        if let Some(t) = r.strip_prefix('-') {
            *r = t;
            *negative = true;
        } else if let Some(t) = r.strip_prefix('+') {
            *r = t;
        }
    };
    take_minus(&mut rest, &mut negative);
    const PREFIXES: &[(&str, Sign)] = &[
        ("JP¥", Sign::Yen),
        ("¥", Sign::Yen),
        ("\\", Sign::Yen),
        ("US$", Sign::Dollar),
        ("MX$", Sign::Dollar),
        ("$", Sign::Dollar),
        ("£", Sign::Pound),
        ("€", Sign::Euro),
        ("₹", Sign::Rupee),
    ];
    if let Some((p, s)) = PREFIXES.iter().find(|(p, _)| rest.starts_with(p)) {
        rest = &rest[p.len()..];
        sign = Some(*s);
        if !negative {
            take_minus(&mut rest, &mut negative);
        }
    }
    const SUFFIXES: &[(&str, Sign)] = &[("円", Sign::Yen), ("€", Sign::Euro)];
    if sign.is_none() {
        if let Some((p, s)) = SUFFIXES.iter().find(|(p, _)| rest.ends_with(p)) {
            rest = &rest[..rest.len() - p.len()];
            sign = Some(*s);
        }
    }
    let sign = sign?;
    let bytes = rest.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() || !bytes[bytes.len() - 1].is_ascii_digit() {
        return None;
    }
    if !bytes
        .iter()
        .all(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
    {
        return None;
    }
    // The decimal separator: the last `.` or `,` with one or two digits after it, in a currency that has cents.
    let decimal_at = match sign.digits() {
        0 => None,
        _ => rest
            .rfind([',', '.'])
            .filter(|i| (1..=2).contains(&(rest.len() - i - 1))),
    };
    let (whole, cents) = match decimal_at {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, ""),
    };
    let mut minor: i64 = 0;
    let mut digits = 0;
    for b in whole.bytes().filter(u8::is_ascii_digit) {
        minor = minor * 10 + i64::from(b - b'0');
        digits += 1;
        if digits > 15 {
            return None;
        }
    }
    for i in 0..sign.digits() {
        let d = cents
            .as_bytes()
            .get(i as usize)
            .map(|b| i64::from(b - b'0'))
            .unwrap_or(0);
        minor = minor * 10 + d;
    }
    Some(Money {
        minor: if negative { -minor } else { minor },
        sign,
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Dates.

/// Reads a date at the start of `s` and returns it with what follows: `2026年1月22日`, `2026/1/22`, `2026-01-22`,
/// `May 12, 2026`, `11 November 2025`, `12. Mai 2026`, `1er mai 2026`.
fn parse_date_prefix(s: &str) -> Option<(NaiveDate, &str)> {
    parse_numeric_date(s).or_else(|| parse_worded_date(s))
}

/// Reads an unsigned number of at most `max` digits at the start of `s`, after optional spaces.
fn number(s: &str, max: usize) -> Option<(u32, &str)> {
    let s = s.trim_start_matches(' ');
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > max {
        return None;
    }
    Some((s[..len].parse().ok()?, &s[len..]))
}

/// `2026年1月22日` (spaces allowed between the parts), or year / month / day joined by `/`, `-` or `.`.
fn parse_numeric_date(s: &str) -> Option<(NaiveDate, &str)> {
    let (year, rest) = number(s, 4)?;
    if year < 1000 {
        return None;
    }
    let rest = rest.trim_start_matches(' ');
    let (month, day, rest) = if let Some(rest) = rest.strip_prefix('年') {
        let (month, rest) = number(rest, 2)?;
        let rest = rest.trim_start_matches(' ').strip_prefix('月')?;
        let (day, rest) = number(rest, 2)?;
        (month, day, rest.trim_start_matches(' ').strip_prefix('日')?)
    } else {
        let sep = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '/' | '-' | '.'))?;
        let (month, rest) = number(rest.strip_prefix(sep)?, 2)?;
        let (day, rest) = number(rest.strip_prefix(sep)?, 2)?;
        (month, day, rest)
    };
    Some((
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?,
        rest,
    ))
}

/// Month names of the marketplaces' languages, lower case, with the month's number. Abbreviations are matched as
/// prefixes of at least three letters (`Sep`, `Sept.`, `févr.`).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("marzo", 3),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("agosto", 8),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
];

fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']).as_bytes();
    // Compared without allocating: ASCII case is ignored, and the accented letters of the names are lower case as
    // Amazon writes them (`février`, `März`).
    if word.len() < 3 || word.len() > 12 {
        return None;
    }
    let exact = MONTHS
        .iter()
        .find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(word));
    // `juil` is July, not June: an abbreviation must be the start of exactly one month's names.
    exact
        .or_else(|| {
            let starts = |name: &&(&str, u32)| {
                name.0
                    .as_bytes()
                    .get(..word.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(word))
            };
            let mut found = MONTHS.iter().filter(starts);
            let first = found.next()?;
            found.all(|(_, m)| *m == first.1).then_some(first)
        })
        .map(|(_, m)| *m)
}

fn day(word: &str) -> Option<u32> {
    let word = word.trim_end_matches(['.', ',']);
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suffix) = word.split_at(digits);
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er") {
        return None;
    }
    number(num, 2).map(|(d, _)| d)
}

/// `May 12, 2026` or `11 November 2025` (and the French, German and Italian forms) at the start of `s`.
fn parse_worded_date(s: &str) -> Option<(NaiveDate, &str)> {
    // Both orders start with an ASCII letter or digit; descriptions in Japanese are turned away at once.
    if !s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    // Each word with the offset where it ends, so what follows the year can be sliced off `s`.
    let mut words = s
        .split(' ')
        .scan(0usize, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((word, start + word.len()))
        })
        .filter(|(word, _)| !word.is_empty());
    let ((a, _), (b, _), (c, end)) = (words.next()?, words.next()?, words.next()?);
    // `11 November 2025` starts with the day, `May 12, 2026` with the month.
    let (m, d) = if a.starts_with(|c: char| c.is_ascii_digit()) {
        (month(b)?, day(a)?)
    } else {
        (month(a)?, day(b)?)
    };
    let year = c.trim_end_matches([',', '.']);
    if year.len() != 4 {
        return None;
    }
    let (y, tail) = number(year, 4)?;
    if !tail.is_empty() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some((date, s.get(end..)?))
}

// ---------------------------------------------------------------------------------------------------------------
// Rows from cells.

/// A row being put together from cells.
struct Partial {
    line: usize,
    last_line: usize,
    date: NaiveDate,
    description: String,
    amount: i64,
    balance: Option<i64>,
    sign: Option<Sign>,
    has_amount: bool,
}

#[derive(Default)]
struct Assembler {
    current: Option<Partial>,
    rows: Vec<Partial>,
    /// Line ranges (first, last) taken by rows, in order.
    consumed: Vec<(usize, usize)>,
}

impl Assembler {
    fn push(&mut self, cell: Cell<'_>) {
        match cell.kind {
            CellKind::Date(date) => {
                self.finish();
                self.current = Some(Partial {
                    line: cell.line,
                    last_line: cell.line,
                    date,
                    description: String::new(),
                    amount: 0,
                    balance: None,
                    sign: None,
                    has_amount: false,
                });
            }
            CellKind::Text(text) => match &mut self.current {
                Some(p) if !p.has_amount => {
                    if !p.description.is_empty() {
                        p.description.push(' ');
                    }
                    p.description.push_str(text);
                    p.last_line = cell.line;
                }
                // Text after the amount ends the row; the text itself belongs to none.
                Some(_) => self.finish(),
                None => {}
            },
            CellKind::Money(m) => {
                let Some(p) = &mut self.current else { return };
                p.last_line = cell.line;
                if !p.has_amount {
                    p.amount = m.minor;
                    p.sign = Some(m.sign);
                    p.has_amount = true;
                } else {
                    p.balance = Some(m.minor);
                    self.finish();
                }
            }
        }
    }

    /// Ends the current row: kept when it has a date, a description and an amount (a balance is optional).
    fn finish(&mut self) {
        if let Some(p) = self.current.take() {
            if p.has_amount && !p.description.is_empty() {
                self.consumed.push((p.line, p.last_line));
                self.rows.push(p);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// What a row says.

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// The kind of a row from its wording (domain-facts.md lists the wordings); the amount's sign settles Amazon Pay
/// rows whose direction the words leave open.
fn classify(description: &str, amount: i64) -> Kind {
    let lower = description.to_ascii_lowercase();
    let has = |needle: &str| lower.contains(needle);
    if has("解除") || has("released") {
        Kind::Released
    } else if has("refund") || has("返金") {
        // Before Amazon Pay: `Refund from Amazon Pay order` is a refund (findings count it against Amazon Pay).
        Kind::Refund
    } else if has("amazon pay") {
        if has("注文に適用") || has("applied to") {
            Kind::AmazonPay
        } else if has("から") || has("from") {
            Kind::AmazonPayCredit
        } else if amount < 0 {
            Kind::AmazonPay
        } else {
            Kind::AmazonPayCredit
        }
    } else if has("reload") || has("チャージ") {
        // Before "added": `Gift Card Balance added from Reload` is a reload.
        Kind::Reload
    } else if has("追加") || has("登録") || has("added") {
        Kind::Added
    } else if has("注文に適用") || has("注文へ適用") || has("applied to") {
        Kind::Order
    } else {
        Kind::Other
    }
}

/// The first order number in `text`: three letters or digits, then 7 and 7 digits (`250-…`, `P03-…`, `D01-…`).
fn order_id(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // Candidates are found by their first hyphen, the rarest byte of the shape.
    b.iter()
        .enumerate()
        .skip(3)
        .filter(|(_, c)| **c == b'-')
        .find_map(|(hyphen, _)| {
            let i = hyphen - 3;
            let w = b.get(i..i + 19)?;
            let boundary_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
            let boundary_after = b.get(i + 19).is_none_or(|c| !c.is_ascii_alphanumeric());
            let shape = w.iter().enumerate().all(|(k, c)| match k {
                0..=2 => c.is_ascii_alphanumeric(),
                3 | 11 => *c == b'-',
                _ => c.is_ascii_digit(),
            });
            // All 19 bytes are ASCII, so `i` and `i + 19` are character boundaries.
            (boundary_before && boundary_after && shape)
                .then(|| text.get(i..i + 19).map(str::to_ascii_uppercase))?
        })
}

/// The last four of a masked code: `xxxx-xxxxxx-W9CT` (also `xxxx-xxxxxx-xW9CT` for 15 characters) or `****W9CT`.
fn code_last4(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let masked = |c: u8| matches!(c, b'x' | b'X' | b'*');
    for i in 0..b.len() {
        if !masked(b[i]) || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'*')) {
            continue;
        }
        // The hyphenated form: 4 masked, `-`, 6 masked, `-`, then the last group.
        let hyphenated = b.get(i..i + 12).is_some_and(|w| {
            w.iter().enumerate().all(|(k, c)| {
                if k == 4 || k == 11 {
                    *c == b'-'
                } else {
                    masked(*c)
                }
            })
        });
        let (group_start, min_masked) = if hyphenated {
            (i + 12, 0)
        } else {
            let run = b[i..].iter().take_while(|c| **c == b'*').count();
            (i + run, 4)
        };
        if group_start - i < min_masked.max(1) {
            continue;
        }
        let group_len = b.get(group_start..).map_or(0, |g| {
            g.iter().take_while(|c| c.is_ascii_alphanumeric()).count()
        });
        if (4..=5).contains(&group_len) {
            let end = group_start + group_len;
            // The group is ASCII, so these offsets are character boundaries.
            return text.get(end - 4..end).map(str::to_ascii_uppercase);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn money_forms() {
        let m = |s: &str| parse_money(s).map(|m| m.minor);
        assert_eq!(m("¥754"), Some(754));
        assert_eq!(m("-¥12,607"), Some(-12_607));
        assert_eq!(m("¥-12,607"), Some(-12_607));
        assert_eq!(m("754円"), Some(754));
        assert_eq!(m("$19.48"), Some(1948));
        assert_eq!(m("-$19.48"), Some(-1948));
        assert_eq!(m("$1,234"), Some(123_400));
        assert_eq!(m("$1,234.5"), Some(123_450));
        assert_eq!(m("€1.234,56"), Some(123_456));
        assert_eq!(m("12,34€"), Some(1234));
        assert_eq!(m("£0.05"), Some(5));
        assert_eq!(m("754"), None);
        assert_eq!(m("2026"), None);
        assert_eq!(m("¥"), None);
        assert_eq!(m("¥1,"), None);
        assert_eq!(m("¥9999999999999999"), None);
    }

    #[test]
    fn peeling_money_off_a_line() {
        let (m, rest) = peel_money("Gift Card added -$19.48").unwrap();
        assert_eq!((m.minor, rest), (-1948, "Gift Card added "));
        let (m, rest) = peel_money("注文 - ￥754".replace('￥', "¥").as_str())
            .map(|(m, r)| (m, r.to_owned()))
            .unwrap();
        assert_eq!((m.minor, rest.as_str()), (-754, "注文 "));
        assert_eq!(peel_money("order 113-1234567-1234567"), None);
        assert_eq!(peel_money("12,34 €").map(|(m, _)| m.minor), Some(1234));
    }

    #[test]
    fn dates() {
        let p = |s: &str| parse_date_prefix(s).map(|(d, r)| (d, r.to_owned()));
        assert_eq!(
            p("2026年1月22日 ギフト"),
            Some((d("2026-01-22"), " ギフト".into()))
        );
        assert_eq!(p("2026 年 1 月 22 日"), Some((d("2026-01-22"), "".into())));
        assert_eq!(p("2026/01/22\tx"), Some((d("2026-01-22"), "\tx".into())));
        assert_eq!(
            p("May 12, 2026 Gift"),
            Some((d("2026-05-12"), " Gift".into()))
        );
        assert_eq!(p("11 November 2025"), Some((d("2025-11-11"), "".into())));
        assert_eq!(p("Sept. 3, 2025"), Some((d("2025-09-03"), "".into())));
        assert_eq!(p("12. Mai 2026"), Some((d("2026-05-12"), "".into())));
        assert_eq!(p("1er juil. 2026"), Some((d("2026-07-01"), "".into())));
        assert_eq!(p("May I help you"), None);
        assert_eq!(p("250-1234567-1234567"), None);
        assert_eq!(p("2026年2月30日"), None);
    }

    #[test]
    fn order_ids_and_codes() {
        assert_eq!(
            order_id("Amazon.co.jpの注文に適用されたギフトカード 250-1234567-1234567").as_deref(),
            Some("250-1234567-1234567")
        );
        assert_eq!(
            order_id("Amazon Pay P03-1234567-1234567;").as_deref(),
            Some("P03-1234567-1234567")
        );
        assert_eq!(order_id("解除 503-…"), None);
        assert_eq!(order_id("x1250-1234567-1234567"), None);
        assert_eq!(
            code_last4("ギフトカード番号: xxxx-xxxxxx-W9CT; シリアル番号:…").as_deref(),
            Some("W9CT")
        );
        assert_eq!(
            code_last4("Claim code: xxxx-xxxxxx-ts01; Serial").as_deref(),
            Some("TS01")
        );
        assert_eq!(code_last4("xxxx-xxxxxx-xW9CT").as_deref(), Some("W9CT"));
        assert_eq!(code_last4("登録 ****AB12").as_deref(), Some("AB12"));
        assert_eq!(code_last4("Gift Card applied to Amazon.com order"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            classify(
                "ギフトカードが追加されました ギフトカード番号: xxxx-xxxxxx-W9CT",
                500
            ),
            Kind::Added
        );
        assert_eq!(
            classify(
                "Amazon.co.jpの注文に適用されたギフトカード 250-1234567-1234567",
                -5
            ),
            Kind::Order
        );
        assert_eq!(
            classify(
                "Amazon Payの注文に適用されたギフトカード P03-1234567-1234567",
                -5
            ),
            Kind::AmazonPay
        );
        assert_eq!(
            classify(
                "Amazon.co.jp注文へ適応されたギフトカードの解除 503-1234567-1234567",
                5
            ),
            Kind::Released
        );
        assert_eq!(
            classify("Amazon Pay (シリアル番号 123)からのギフトカード", 5),
            Kind::AmazonPayCredit
        );
        assert_eq!(
            classify("Refund from Amazon.com order 113-1234567-1234567", 5),
            Kind::Refund
        );
        assert_eq!(
            classify("Gift Card Balance added from Reload", 5),
            Kind::Reload
        );
        assert_eq!(classify("オートチャージ", 5), Kind::Reload);
        assert_eq!(
            classify("Gift Card added Claim code: xxxx-xxxxxx-TS01", 5),
            Kind::Added
        );
        assert_eq!(
            classify("Gift Card applied to Amazon.com order", -5),
            Kind::Order
        );
        assert_eq!(classify("something else", -5), Kind::Other);
    }

    #[test]
    fn chrome_and_headers() {
        assert!(is_header("日付\t利用内容\t金額\t残高"));
        assert!(is_header("Date Description Amount Closing balance"));
        assert!(!is_header("Date 2026"));
        assert!(is_chrome("次へ→"));
        assert!(is_chrome("← Previous 1 2 3 … 10 Next →"));
        assert!(!is_chrome("Gift Card added"));
    }

    #[test]
    fn folding() {
        assert_eq!(
            fold_text("２０２６年１月２２日\t－￥１２，６０７"),
            "2026年1月22日\t-¥12,607"
        );
        assert_eq!(
            fold_text("1\u{202F}234,56\u{00A0}€ a\u{00A0}b"),
            "1234,56€ a b"
        );
    }
}
