//! The readers of machine dates: strict ISO (`2027-04-24`) for facts, share links and saved answers, written by hand
//! so the wasm does not carry chrono's format parser; and the entry to the reader of dates people type.

use super::FactsError;
use crate::content::UiKey;
use chrono::NaiveDate;
use serde::de::{self, Deserializer};
use serde::Deserialize;

/// Parses an ISO date (`2027-04-24`), naming the field when it is not one.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, FactsError> {
    // Parsed by hand rather than with chrono's format parser, which would cost the wasm several KB.
    let b = text.as_bytes();
    let well_formed = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let number =
        |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse::<u32>().ok());
    let date = match (well_formed, number(0..4), number(5..7), number(8..10)) {
        (true, Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    };
    date.ok_or_else(|| FactsError::new(field, UiKey::ErrorExpectedDate))
}

/// Parses `YYYY-MM-DD`, or `YYYY-MM` as the first day of that month (the earliest day a month can mean).
pub fn parse_day_or_month(field: &str, text: &str) -> Result<NaiveDate, FactsError> {
    if text.len() == 7 {
        return parse_date(field, &format!("{text}-01"));
    }
    parse_date(field, text)
}

/// Reads optional ISO dates in serde input (`#[serde(deserialize_with = "crate::facts::iso_date")]`) with
/// [`parse_date`], so the wasm does not carry chrono's general format parser.
pub fn iso_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => parse_date("date", &s)
            .map(Some)
            .map_err(|e| de::Error::custom(e.message)),
    }
}

/// Parses a date typed by a person: `2019-03-01`, `2019/3/1`, `2019.3.1`, `2019年3月1日`, full-width digits too
/// (the core's one date reader, [`crate::dates`]).
pub fn parse_loose_date(text: &str) -> Option<NaiveDate> {
    crate::dates::parse_typed(text)
}
