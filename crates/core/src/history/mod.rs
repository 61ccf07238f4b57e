//! The balance-history analyzer: reads what a person pasted from their gift card balance page, checks every row's
//! balance against the next, and sums what went where.
//!
//! Layouts (`docs/domain-facts.md`, "The balance history page"): Japanese (日付 / 利用内容 / 金額 / 残高) and
//! English (Date / Description / Amount / Closing balance), each copied as tab-separated rows, as space-separated
//! rows, or one cell per line. All three are read the same way: the text is folded ([`crate::text`]), every line
//! (every tab cell, when there are tabs) is split into cells ([`cells`]: a date at its start, up to two amounts at
//! its end and text in between), cells are put together into rows ([`rows`]), each row's wording gives its kind
//! ([`classify`]) and the rows give the [`report`]. Amounts need a currency sign or a Japanese minus mark
//! ([`money`]), so order numbers and years are never taken for money; dates come from [`crate::dates`], in the
//! marketplace's day/month order.
//!
//! Hand-written scanning rather than a regex engine keeps the wasm small; everything is linear in the input.

mod cells;
mod classify;
mod money;
mod report;
mod rows;

pub use classify::Kind;
pub use report::{Report, Row, Signals, Totals, Unexplained};

use crate::content::{content, Lang, UiKey};
use crate::dates::DayMonth;
use crate::marketplace::Marketplace;
use cells::{split_segment, Cell, CellKind, Reader};
use money::MoneyReader;
use rows::Assembler;

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

/// Checks the size alone, before anything is read or copied: what a page calls first on a paste of any length, so
/// a huge paste is refused at once (counting newlines is a byte scan, milliseconds even for tens of megabytes).
pub fn check_size(text: &str) -> Result<(), HistoryError> {
    let lines = text.bytes().filter(|b| *b == b'\n').count() + 1;
    if text.len() > MAX_BYTES || lines > MAX_LINES {
        return Err(HistoryError::TooLarge {
            bytes: text.len(),
            lines,
        });
    }
    Ok(())
}

/// Checks a text's size from its length in UTF-16 code units, which a browser knows without copying the text
/// (`textarea.textLength`, a `DataTransfer`'s string, `string.length`): every unit is at least one byte of UTF-8, so
/// more units than [`MAX_BYTES`] is certainly too large. The widget calls it on every way a history comes in (typed,
/// pasted, dropped, filled in by a script, an IME or autofill, read) before it copies or scans anything; a text that
/// passes is checked exactly by [`analyze`].
pub fn check_utf16_len(units: usize) -> Result<(), HistoryError> {
    if units > MAX_BYTES {
        return Err(HistoryError::TooLarge {
            bytes: units,
            lines: 0,
        });
    }
    Ok(())
}

/// Reads a pasted balance history. Text that is not a history gives an empty report with its lines unread, never an
/// error; only oversize input is refused.
pub fn analyze(text: &str, marketplace: Marketplace) -> Result<Report, HistoryError> {
    check_size(text)?;
    let folded = crate::text::fold(text);
    let reader = Reader {
        order: DayMonth::of(marketplace),
        money: MoneyReader::new(marketplace),
    };
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
            split_segment(segment, number, reader, &mut cells);
        }
        // Headers and page links hold no date or amount, so only lines of text alone are checked for them.
        let text_only = cells[first_cell..]
            .iter()
            .all(|c| matches!(c.kind, CellKind::Text(_)));
        if text_only && (cells::is_header(line) || cells::is_chrome(line)) {
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

    // `nn/nn/yyyy` with no order from the marketplace: one date of the paste that can only be read one way (`13/05`)
    // settles the others; without one, each ambiguous row keeps the day-first reading and is listed as ambiguous.
    let settled = partials.iter().find_map(|p| p.date.shows);
    let mut ambiguous_date_lines = Vec::new();
    let mut currency_sign = None;
    let mut rows = Vec::with_capacity(partials.len());
    for p in partials {
        currency_sign = currency_sign.or(p.sign);
        let date = match (p.date.alternative, settled) {
            (Some(month_first), Some(DayMonth::MonthFirst)) => month_first,
            (Some(_), None) => {
                ambiguous_date_lines.push(p.line);
                p.date.date
            }
            _ => p.date.date,
        };
        let description = p.description;
        let lower = description.to_ascii_lowercase();
        rows.push(Row {
            line: p.line,
            date,
            kind: classify::classify(&lower, p.amount),
            order_id: classify::order_id(&description),
            code_last4: classify::code_last4(&description, &lower),
            description,
            amount: p.amount,
            balance: p.balance,
        });
    }

    let mut totals = Totals::default();
    for row in &rows {
        totals.add(row.kind, row.amount);
    }
    let newest_first = report::newest_first(&rows);
    let unexplained = report::unexplained(&rows, newest_first);
    let unread_lines = report::unread(&content_lines, &consumed);
    let currency = currency_sign
        .map(|s| s.iso(marketplace))
        .unwrap_or_else(|| crate::money::currency(marketplace).1);
    Ok(Report {
        rows,
        totals,
        unexplained,
        unread_lines,
        currency,
        newest_first,
        ambiguous_date_lines,
    })
}
