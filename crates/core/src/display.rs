//! Dates as people read them: `2017年4月24日` in Japanese, `April 24, 2017` in US English (Amazon.com and the sites
//! without an English of their own), `24 April 2017` in British and Indian English (Amazon.co.uk, Amazon.in). Every date a person reads
//! (reasons, the support summary) goes through here; ISO dates stay for machines (facts, URLs, the JS API).

use crate::content::validate::MONTHS;
use crate::content::Lang;
use chrono::{Datelike, NaiveDate};

/// A date in a person's language, in the order of their Amazon site's English (see [`Lang::for_market`]).
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    let month = MONTHS[date.month0() as usize % 12];
    match lang {
        Lang::Ja => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => format!("{month} {}, {}", date.day(), date.year()),
        Lang::EnGb | Lang::EnIn => format!("{} {month} {}", date.day(), date.year()),
    }
}

/// Two dates as a range: `2017年5月1日〜2019年5月1日` in Japanese, `May 1, 2017 – May 1, 2019` in English.
pub fn date_range(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    let sep = if lang.is_english() { " – " } else { "〜" };
    format!("{}{sep}{}", format_date(from, lang), format_date(to, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_and_english_dates() {
        let d = NaiveDate::from_ymd_opt(2017, 4, 24).unwrap();
        assert_eq!(format_date(d, Lang::Ja), "2017年4月24日");
        assert_eq!(format_date(d, Lang::En), "April 24, 2017");
        assert_eq!(format_date(d, Lang::EnGb), "24 April 2017");
        assert_eq!(format_date(d, Lang::EnIn), "24 April 2017");
        let d = NaiveDate::from_ymd_opt(2030, 12, 1).unwrap();
        assert_eq!(format_date(d, Lang::Ja), "2030年12月1日");
        assert_eq!(format_date(d, Lang::En), "December 1, 2030");
    }

    #[test]
    fn the_date_order_follows_the_marketplace() {
        use crate::marketplace::Marketplace as M;
        let d = NaiveDate::from_ymd_opt(2017, 4, 24).unwrap();
        let by = |m: Option<M>| format_date(d, Lang::En.for_market(m));
        for m in [None, Some(M::Us), Some(M::Other), Some(M::Jp), Some(M::Mx)] {
            assert_eq!(by(m), "April 24, 2017", "{m:?}");
        }
        for m in [M::Uk, M::De, M::Fr, M::It, M::In] {
            assert_eq!(by(Some(m)), "24 April 2017", "{m:?}");
        }
        assert_eq!(
            format_date(d, Lang::Ja.for_market(Some(M::Uk))),
            "2017年4月24日"
        );
    }
}
