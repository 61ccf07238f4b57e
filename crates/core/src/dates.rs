//! One date reader for the whole core: dates a person types (`2019/3/1`, `2019年3月1日`) and dates at the start of a
//! pasted history row (`2026年1月22日`, `2026/01/22`, `05/12/2026`, `12.05.2026`, `May 12, 2026`, `12. Mai 2026`,
//! `12 de mayo de 2026`). Text is folded with [`crate::text`] first where it may hold full-width digits.
//!
//! Day/month order of `nn/nn/yyyy` comes from the marketplace ([`DayMonth::of`]); where the marketplace does not
//! settle it and both readings are real dates, the date is *ambiguous* and the reader says so rather than guessing
//! silently.
//!
//! Hand-written scanning rather than chrono's format parser or a regex engine keeps the wasm small.

use crate::marketplace::Marketplace;
use crate::text;
use chrono::NaiveDate;

/// How a marketplace writes `nn/nn/yyyy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMonth {
    /// `05/12/2026` is 12 May (amazon.com).
    MonthFirst,
    /// `05/12/2026` is 5 December (amazon.co.uk, .in, .fr, .it, .de, .com.mx).
    DayFirst,
    /// Not settled: Japan writes year first, and "other" could be anywhere.
    Unknown,
}

impl DayMonth {
    /// The order a marketplace's pages use.
    pub fn of(marketplace: Marketplace) -> Self {
        match marketplace {
            Marketplace::Us => Self::MonthFirst,
            Marketplace::Uk
            | Marketplace::In
            | Marketplace::Fr
            | Marketplace::It
            | Marketplace::De
            | Marketplace::Mx => Self::DayFirst,
            Marketplace::Jp | Marketplace::Other => Self::Unknown,
        }
    }
}

/// A date read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRead {
    /// The reading taken (day first when the order is unknown).
    pub date: NaiveDate,
    /// For `nn/nn/yyyy` with an unknown order: the other reading, when it is a different real date.
    pub alternative: Option<NaiveDate>,
    /// For `nn/nn/yyyy` with an unknown order whose numbers settle it (`13/05/2026`): the order they show.
    pub shows: Option<DayMonth>,
}

impl DateRead {
    fn certain(date: NaiveDate) -> Self {
        Self {
            date,
            alternative: None,
            shows: None,
        }
    }
}

/// Reads a date at the start of `s` (already folded) and returns it with what follows.
pub fn date_prefix(s: &str, order: DayMonth) -> Option<(DateRead, &str)> {
    numeric(s, order).or_else(|| worded(s).map(|(d, rest)| (DateRead::certain(d), rest)))
}

/// Parses a whole date a person typed: `2019-03-01`, `2019/3/1`, `2019.3.1`, `2019年3月1日`, full-width digits and
/// spaces between the parts too. Year first only: a typed field says "YYYY-MM-DD" and nothing else is ambiguous-free.
pub fn parse_typed(text: &str) -> Option<NaiveDate> {
    let folded = text::fold(text);
    let parts: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
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

/// `2026年1月22日` (spaces allowed between the parts), year / month / day joined by `/`, `-` or `.`, or
/// `nn/nn/yyyy` (also with `.` or `-`) in the marketplace's order.
fn numeric(s: &str, order: DayMonth) -> Option<(DateRead, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    if digits <= 2 {
        return short_first(s, order);
    }
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
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some((DateRead::certain(date), rest))
}

/// `05/12/2026`, `05.12.2026`, `05-12-2026`: two short numbers and a four-digit year.
fn short_first(s: &str, order: DayMonth) -> Option<(DateRead, &str)> {
    let (a, rest) = number(s, 2)?;
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '/' | '-' | '.'))?;
    let (b, rest) = number(rest.strip_prefix(sep)?, 2)?;
    let rest = rest.strip_prefix(sep)?;
    if rest.bytes().take_while(u8::is_ascii_digit).count() != 4 {
        return None;
    }
    let (year, rest) = number(rest, 4)?;
    let year = i32::try_from(year).ok().filter(|y| *y >= 1000)?;
    // A digit right after the year would make it a longer number, not a year.
    let month_first = NaiveDate::from_ymd_opt(year, a, b);
    let day_first = NaiveDate::from_ymd_opt(year, b, a);
    let read = match order {
        DayMonth::MonthFirst => DateRead::certain(month_first?),
        DayMonth::DayFirst => DateRead::certain(day_first?),
        DayMonth::Unknown => match (day_first, month_first) {
            (Some(d), Some(m)) if d == m => DateRead::certain(d),
            (Some(d), Some(m)) => DateRead {
                date: d,
                alternative: Some(m),
                shows: None,
            },
            (Some(d), None) => DateRead {
                date: d,
                alternative: None,
                shows: Some(DayMonth::DayFirst),
            },
            (None, Some(m)) => DateRead {
                date: m,
                alternative: None,
                shows: Some(DayMonth::MonthFirst),
            },
            (None, None) => return None,
        },
    };
    Some((read, rest))
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
    // Spanish (amazon.com.mx): `12 de mayo de 2026`.
    ("enero", 1),
    ("febrero", 2),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
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

/// `May 12, 2026`, `11 November 2025`, `12. Mai 2026`, `1er juil. 2026`, `12 de mayo de 2026` at the start of `s`.
fn worded(s: &str) -> Option<(NaiveDate, &str)> {
    // Both orders start with an ASCII letter or digit; descriptions in Japanese are turned away at once.
    if !s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    // Each word with the offset where it ends, so what follows the year can be sliced off `s`. Spanish `de` between
    // the parts is skipped.
    let mut words = s
        .split(' ')
        .scan(0usize, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((word, start + word.len()))
        })
        .filter(|(word, _)| !word.is_empty() && !word.eq_ignore_ascii_case("de"));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn p(s: &str, order: DayMonth) -> Option<(NaiveDate, String)> {
        date_prefix(s, order).map(|(r, rest)| (r.date, rest.to_owned()))
    }

    #[test]
    fn year_first_and_worded() {
        let p = |s| p(s, DayMonth::Unknown);
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
        assert_eq!(
            p("12 de mayo de 2026 x"),
            Some((d("2026-05-12"), " x".into()))
        );
        assert_eq!(p("May I help you"), None);
        assert_eq!(p("250-1234567-1234567"), None);
        assert_eq!(p("2026年2月30日"), None);
    }

    #[test]
    fn day_month_by_marketplace() {
        let us = DayMonth::of(Marketplace::Us);
        let uk = DayMonth::of(Marketplace::Uk);
        assert_eq!(p("05/12/2026 x", us), Some((d("2026-05-12"), " x".into())));
        assert_eq!(p("05/12/2026", uk), Some((d("2026-12-05"), "".into())));
        assert_eq!(
            p("12.05.2026", DayMonth::of(Marketplace::De)).map(|x| x.0),
            Some(d("2026-05-12"))
        );
        assert_eq!(p("13/05/2026", us), None, "no 13th month");
        assert_eq!(p("05/12/20261", us), None, "a five-digit year is no year");
        assert_eq!(p("05/12", us), None);
    }

    #[test]
    fn unknown_order_is_honest() {
        let r = date_prefix("05/12/2026", DayMonth::Unknown).unwrap().0;
        assert_eq!(
            (r.date, r.alternative),
            (d("2026-12-05"), Some(d("2026-05-12")))
        );
        let r = date_prefix("13/05/2026", DayMonth::Unknown).unwrap().0;
        assert_eq!(
            (r.date, r.alternative, r.shows),
            (d("2026-05-13"), None, Some(DayMonth::DayFirst))
        );
        let r = date_prefix("05/13/2026", DayMonth::Unknown).unwrap().0;
        assert_eq!(
            (r.date, r.shows),
            (d("2026-05-13"), Some(DayMonth::MonthFirst))
        );
        let r = date_prefix("05/05/2026", DayMonth::Unknown).unwrap().0;
        assert_eq!((r.date, r.alternative), (d("2026-05-05"), None));
    }

    #[test]
    fn typed_dates() {
        assert_eq!(parse_typed("2019-03-01"), Some(d("2019-03-01")));
        assert_eq!(parse_typed("２０１９年３月１日"), Some(d("2019-03-01")));
        assert_eq!(parse_typed("2019.3.1"), Some(d("2019-03-01")));
        assert_eq!(parse_typed("3/1/2019"), None);
        assert_eq!(parse_typed("2019-02-30"), None);
    }
}
