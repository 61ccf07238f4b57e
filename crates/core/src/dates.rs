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
use chrono::{Datelike, NaiveDate};

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

/// A date a person typed, read by [`read_typed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedDate {
    pub date: NaiveDate,
    /// Whether a day was given. Without one (`2025年3月`, `March 2025`) the date is the 15th, the middle of the
    /// month, and only approximate: its margin (`expiry::APPROXIMATE_MARGIN_DAYS`) covers the whole month.
    pub day_given: bool,
}

/// Why a typed date was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypedDateError {
    /// Nothing was typed.
    Empty,
    /// Something was typed that is not a date in any of the forms [`read_typed`] takes.
    Unreadable,
}

/// The day a date without one stands for.
const MID_MONTH: u32 = 15;

/// Reads a whole date as people type it: year first with `-`, `/`, `.` or 年月日 (`2019-03-01`, `2019/3/1`,
/// `2019年3月1日`); year and month alone (`2025年3月`, `2025/3`); the Japanese eras, written out or as one letter
/// (`令和7年3月1日`, `令和元年5月`, `R7.3.1`, `H29.4.24`, `S64.1.7`); month names (`March 2025`, `March 1, 2025`,
/// `1 March 2025`); full-width digits and spaces between the parts. Day-first or month-first numbers (`3/1/2019`) are
/// refused: they mean different days in different countries.
pub fn read_typed(text: &str) -> Result<TypedDate, TypedDateError> {
    let folded = text::fold(text);
    let s = folded.trim();
    if s.is_empty() {
        return Err(TypedDateError::Empty);
    }
    era_date(s)
        .or_else(|| year_first(s, 0))
        .or_else(|| worded_typed(s))
        .ok_or(TypedDateError::Unreadable)
}

/// Parses a whole date a person typed, with its day (see [`read_typed`]).
pub fn parse_typed(text: &str) -> Option<NaiveDate> {
    read_typed(text)
        .ok()
        .filter(|t| t.day_given)
        .map(|t| t.date)
}

/// `year [sep] month [sep day]` with the separators of [`read_typed`]; `era_offset` is added to the year (0 for a
/// Western year, which must then have four digits).
fn year_first(s: &str, era_offset: i32) -> Option<TypedDate> {
    let separators = |c: char| matches!(c, '-' | '/' | '.' | ' ' | '年' | '月' | '日');
    if !s.chars().all(|c| c.is_ascii_digit() || separators(c)) {
        return None;
    }
    let parts: Vec<&str> = s.split(separators).filter(|p| !p.is_empty()).collect();
    let (year, month, day) = match parts.as_slice() {
        [y, m] => (*y, *m, None),
        [y, m, d] => (*y, *m, Some(*d)),
        _ => return None,
    };
    let year_ok = if era_offset == 0 {
        year.len() == 4
    } else {
        (1..=2).contains(&year.len())
    };
    if !year_ok || month.len() > 2 || day.is_some_and(|d| d.len() > 2) {
        return None;
    }
    let year = era_offset + year.parse::<i32>().ok()?;
    typed(
        year,
        month.parse().ok()?,
        day.map(str::parse).transpose().ok()?,
    )
}

/// A date from its parts; without a day, the middle of the month.
fn typed(year: i32, month: u32, day: Option<u32>) -> Option<TypedDate> {
    Some(TypedDate {
        date: NaiveDate::from_ymd_opt(year, month, day.unwrap_or(MID_MONTH))?,
        day_given: day.is_some(),
    })
}

/// A Japanese era: its name, its one-letter form, the Western year before its first, and its first and last days.
type Era = (&'static str, char, i32, (i32, u32, u32), (i32, u32, u32));

/// The Japanese eras a gift card can date from.
const ERAS: &[Era] = &[
    ("令和", 'R', 2018, (2019, 5, 1), (9999, 12, 31)),
    ("平成", 'H', 1988, (1989, 1, 8), (2019, 4, 30)),
    ("昭和", 'S', 1925, (1926, 12, 25), (1989, 1, 7)),
];

/// `令和7年3月1日`, `令和元年5月`, `R7.3.1`, `h29/4/24`: a date in a Japanese era, inside that era.
fn era_date(s: &str) -> Option<TypedDate> {
    let (offset, first, last, rest) =
        ERAS.iter()
            .find_map(|(name, letter, offset, first, last)| {
                let rest = s
                    .strip_prefix(name)
                    .or_else(|| s.strip_prefix(|c: char| c.eq_ignore_ascii_case(letter)))?;
                Some((*offset, *first, *last, rest.trim_start()))
            })?;
    // 元年, the era's first year.
    let rest = rest.replacen('元', "1", 1);
    let t = year_first(&rest, offset)?;
    let day = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
    let (first, last) = (day(first)?, day(last)?);
    if t.day_given {
        return (first..=last).contains(&t.date).then_some(t);
    }
    // A month alone must overlap the era; its date is then kept inside it.
    let month_start = t.date.with_day(1)?;
    let month_end = month_start
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    (month_start <= last && month_end >= first).then(|| TypedDate {
        date: t.date.clamp(first, last),
        ..t
    })
}

/// `March 2025`, `Mar. 2025`, and the worded full dates of the history reader (`March 1, 2025`, `1 March 2025`).
fn worded_typed(s: &str) -> Option<TypedDate> {
    if let Some((date, rest)) = worded(s) {
        return rest.trim().is_empty().then_some(TypedDate {
            date,
            day_given: true,
        });
    }
    let mut words = s.split(' ').filter(|w| !w.is_empty());
    let (name, year, None) = (words.next()?, words.next()?, words.next()) else {
        return None;
    };
    let year = year.trim_end_matches(['.', ',']);
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    typed(year.parse().ok()?, month(name)?, None)
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

    /// Issue 23: dates as people type them.
    #[test]
    fn typed_dates_in_every_form_people_use() {
        let read = |s: &str| read_typed(s).map(|t| (t.date.to_string(), t.day_given));
        let day = |iso: &str| Ok((iso.to_owned(), true));
        let month = |iso: &str| Ok((iso.to_owned(), false));
        assert_eq!(read("2025年3月"), month("2025-03-15"));
        assert_eq!(read("２０２５年３月"), month("2025-03-15"));
        assert_eq!(read("2025/3"), month("2025-03-15"));
        assert_eq!(read("2025-03"), month("2025-03-15"));
        assert_eq!(read("令和7年3月1日"), day("2025-03-01"));
        assert_eq!(read("令和７年３月１日"), day("2025-03-01"));
        assert_eq!(read("R7.3.1"), day("2025-03-01"));
        assert_eq!(read("r7/3/1"), day("2025-03-01"));
        assert_eq!(read("Ｒ７．３．１"), day("2025-03-01"));
        assert_eq!(read("H29.4.24"), day("2017-04-24"));
        assert_eq!(read("平成29年4月24日"), day("2017-04-24"));
        assert_eq!(read("令和元年5月1日"), day("2019-05-01"));
        assert_eq!(read("令和元年5月"), month("2019-05-15"));
        assert_eq!(read("平成31年4月"), month("2019-04-15"));
        assert_eq!(read("昭和64年1月"), month("1989-01-07"));
        assert_eq!(read("March 2025"), month("2025-03-15"));
        assert_eq!(read("Mar. 2025"), month("2025-03-15"));
        assert_eq!(read("March 1, 2025"), day("2025-03-01"));
        assert_eq!(read("1 March 2025"), day("2025-03-01"));
        assert_eq!(read("2019-03-01"), day("2019-03-01"));
        // Outside its era, an impossible day, day-first numbers, a bare year, empty and noise are refused.
        assert_eq!(read("平成32年1月1日"), Err(TypedDateError::Unreadable));
        assert_eq!(read("令和1年4月30日"), Err(TypedDateError::Unreadable));
        assert_eq!(read("R7.2.30"), Err(TypedDateError::Unreadable));
        assert_eq!(read("3/1/2019"), Err(TypedDateError::Unreadable));
        assert_eq!(read("2025"), Err(TypedDateError::Unreadable));
        assert_eq!(read("AQ12-BC34"), Err(TypedDateError::Unreadable));
        assert_eq!(read("   "), Err(TypedDateError::Empty));
        assert_eq!(read(""), Err(TypedDateError::Empty));
    }
}
