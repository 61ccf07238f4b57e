//! Cells: every line (every tab cell, when there are tabs) split into a date at its start, up to two amounts at its
//! end and text in between; and the lines that are not entries (headers, page links).

use super::money::{peel_money, Money, MoneyReader};
use crate::dates::{date_prefix, DateRead, DayMonth};

/// How cells are read for one marketplace: its date order and its amounts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reader {
    pub(super) order: DayMonth,
    pub(super) money: MoneyReader,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CellKind<'a> {
    Date(DateRead),
    Text(&'a str),
    Money(Money),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cell<'a> {
    pub(super) line: usize,
    pub(super) kind: CellKind<'a>,
}

/// Splits one segment into a date at its start, text, and up to two amounts at its end.
pub(super) fn split_segment<'a>(
    segment: &'a str,
    line: usize,
    reader: Reader,
    out: &mut Vec<Cell<'a>>,
) {
    let s = segment.trim_ascii();
    if s.is_empty() {
        return;
    }
    let (date, rest) = match date_prefix(s, reader.order) {
        Some((d, rest)) => (Some(d), rest.trim_ascii()),
        None => (None, s),
    };
    let (last, rest) = match peel_money(rest, reader.money) {
        Some((m, r)) => (Some(m), r),
        None => (None, rest),
    };
    let (first, rest) = match last.and_then(|_| peel_money(rest, reader.money)) {
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

/// A header line: every word is a column name (日付 利用内容 金額 残高 / Date Description Amount Closing balance).
pub(super) fn is_header(line: &str) -> bool {
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
        // German, French, Italian and Spanish column names (assumed: the same four columns as the English page).
        "datum",
        "beschreibung",
        "betrag",
        "saldo",
        "kontostand",
        "libellé",
        "montant",
        "solde",
        "data",
        "descrizione",
        "importo",
        "fecha",
        "descripción",
        "monto",
        "importe",
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
pub(super) fn is_chrome(line: &str) -> bool {
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
        "siguiente",
        "anterior",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_and_headers() {
        assert!(is_header("日付\t利用内容\t金額\t残高"));
        assert!(is_header("Date Description Amount Closing balance"));
        assert!(is_header("Datum Beschreibung Betrag Saldo"));
        assert!(!is_header("Date 2026"));
        assert!(is_chrome("次へ→"));
        assert!(is_chrome("← Previous 1 2 3 … 10 Next →"));
        assert!(!is_chrome("Gift Card added"));
    }
}
