//! Dates as people read them: `2017年4月24日` in Japanese, `24 April 2017` in English. Every date a person reads
//! (reasons, the support summary) goes through here; ISO dates stay for machines (facts, URLs, the JS API).

use crate::content::Lang;
use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in a person's language.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            MONTHS[date.month0() as usize % 12],
            date.year()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_and_english_dates() {
        let d = NaiveDate::from_ymd_opt(2017, 4, 24).unwrap();
        assert_eq!(format_date(d, Lang::Ja), "2017年4月24日");
        assert_eq!(format_date(d, Lang::En), "24 April 2017");
        let d = NaiveDate::from_ymd_opt(2030, 12, 1).unwrap();
        assert_eq!(format_date(d, Lang::Ja), "2030年12月1日");
        assert_eq!(format_date(d, Lang::En), "1 December 2030");
    }
}
