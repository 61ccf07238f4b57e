//! Expiry of gift cards: one rule table per marketplace, with Japan's cut-over on 2017-04-24, computed with chrono.
//!
//! Every rule names its source in `docs/domain-facts.md` ("Expiry rules"). A card is valid up to and including
//! its expiry date; it is expired from the next day on. Adding N years to 29 February lands on 28 February (the
//! conservative reading: never claim a day of validity the card may not have).

use crate::content::UiKey;
use crate::facts::{CardKind, Marketplace, Precision};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// Which rule set a card's expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// amazon.co.jp, issued on or after 2017-04-24: 10 years, every kind.
    Jp10y,
    /// amazon.co.jp before 2017-04-24: e-mail, print, plastic card, charge: 1 year.
    JpOld1y,
    /// amazon.co.jp before 2017-04-24: corporate: 2 years.
    JpOld2y,
    /// amazon.co.jp before 2017-04-24: sheet (convenience store): 3 years.
    JpOld3y,
    /// amazon.co.jp before 2017-04-24, kind unknown: between 1 and 3 years.
    JpOldUnknownKind,
    /// amazon.com: never expires.
    UsNever,
    /// amazon.co.uk: 10 years (attribution unsure).
    Uk10y,
    /// amazon.de: sources disagree: Amazon.de's conditions page says until the end of the 3rd year after purchase,
    /// other sources 10 years. Between the two dates a card "may" have expired.
    De3yOr10y,
    /// amazon.fr: 10 years (unsure: a single source).
    Fr10y,
    /// amazon.it: 10 years (unsure: secondary sources only).
    It10y,
    /// amazon.com.mx: 5 years (unsure: a single source).
    Mx5y,
    /// amazon.in: 1 year.
    In1y,
    /// No rule known for this marketplace.
    Unknown,
}

impl RuleId {
    /// The UI text that explains the rule.
    pub fn text_key(self) -> UiKey {
        match self {
            Self::Jp10y => UiKey::RuleJp10y,
            Self::JpOld1y => UiKey::RuleJpOld1y,
            Self::JpOld2y => UiKey::RuleJpOld2y,
            Self::JpOld3y => UiKey::RuleJpOld3y,
            Self::JpOldUnknownKind => UiKey::RuleJpOldUnknownKind,
            Self::UsNever => UiKey::RuleUsNever,
            Self::Uk10y => UiKey::RuleUk10y,
            Self::De3yOr10y => UiKey::RuleDe3yOr10y,
            Self::Fr10y => UiKey::RuleFr10y,
            Self::It10y => UiKey::RuleIt10y,
            Self::Mx5y => UiKey::RuleMx5y,
            Self::In1y => UiKey::RuleIn1y,
            Self::Unknown => UiKey::RuleUnknown,
        }
    }

    /// Whether the sources agree on the rule (docs/domain-facts.md marks the UK, Germany, France, Italy, Mexico and
    /// India *unsure*). Under an unsure rule a card past its date "may" have expired; the engine never calls it
    /// certain, and such an expiry ranks at most "medium".
    pub fn certain(self) -> bool {
        !matches!(
            self,
            Self::Uk10y
                | Self::De3yOr10y
                | Self::Fr10y
                | Self::It10y
                | Self::Mx5y
                | Self::In1y
                | Self::Unknown
        )
    }

    /// Stable id (`jp_10y`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Jp10y => "jp_10y",
            Self::JpOld1y => "jp_old_1y",
            Self::JpOld2y => "jp_old_2y",
            Self::JpOld3y => "jp_old_3y",
            Self::JpOldUnknownKind => "jp_old_unknown_kind",
            Self::UsNever => "us_never",
            Self::Uk10y => "uk_10y",
            Self::De3yOr10y => "de_3y_or_10y",
            Self::Fr10y => "fr_10y",
            Self::It10y => "it_10y",
            Self::Mx5y => "mx_5y",
            Self::In1y => "in_1y",
            Self::Unknown => "unknown",
        }
    }
}

/// The day Japan's 10-year rule starts: cards issued on or after it are valid 10 years.
pub fn jp_cutover() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 4, 24).unwrap_or_default()
}

/// How long a card is valid under a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Validity {
    Years(u32),
    /// Somewhere between these (kind unknown).
    Between(u32, u32),
    /// Somewhere between the end of the N-th calendar year after issue and M years after issue (Germany's two
    /// sources).
    EndOfYearOrYears(i32, u32),
    Never,
    Unknown,
}

fn rule_for(marketplace: Marketplace, issued: NaiveDate, kind: CardKind) -> (RuleId, Validity) {
    use Validity::*;
    match marketplace {
        Marketplace::Jp if issued >= jp_cutover() => (RuleId::Jp10y, Years(10)),
        Marketplace::Jp => match kind {
            CardKind::Email | CardKind::Print | CardKind::Card | CardKind::Charge => {
                (RuleId::JpOld1y, Years(1))
            }
            CardKind::Corporate => (RuleId::JpOld2y, Years(2)),
            CardKind::Sheet => (RuleId::JpOld3y, Years(3)),
            CardKind::Unknown => (RuleId::JpOldUnknownKind, Between(1, 3)),
        },
        Marketplace::Us => (RuleId::UsNever, Never),
        Marketplace::Uk => (RuleId::Uk10y, Years(10)),
        Marketplace::De => (RuleId::De3yOr10y, EndOfYearOrYears(3, 10)),
        Marketplace::Fr => (RuleId::Fr10y, Years(10)),
        Marketplace::It => (RuleId::It10y, Years(10)),
        Marketplace::Mx => (RuleId::Mx5y, Years(5)),
        Marketplace::In => (RuleId::In1y, Years(1)),
        Marketplace::Other => (RuleId::Unknown, Unknown),
    }
}

/// Where a card stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Valid; `days_left` days remain (0 on the expiry date itself).
    Valid,
    /// Past its expiry date.
    Expired,
    /// Kind unknown: expired under one possible rule, valid under another.
    MaybeExpired,
    /// Never expires.
    Never,
    /// No rule known.
    Unknown,
}

/// A card's expiry, worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Expiry {
    pub rule: RuleId,
    pub status: Status,
    /// The last valid day; `None` when the card never expires or the rule is unknown. For an unknown Japanese kind,
    /// the latest possible date.
    pub expires: Option<NaiveDate>,
    /// For an unknown Japanese kind: the earliest possible expiry.
    pub earliest: Option<NaiveDate>,
    /// Days from today to `expires` (negative once expired).
    pub days_left: Option<i64>,
}

/// Why an expiry cannot be worked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExpiryError {
    /// The issue date is after today: a typing mistake, or the wrong "today".
    #[error("issued {issued}, which is after today ({today})")]
    IssuedInFuture { issued: NaiveDate, today: NaiveDate },
}

fn add_years(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(years.saturating_mul(12)))
}

/// How far a guessed issue date may be from the real one, in days.
///
/// People who guess a date think in months ("around May 2017") and type the first of the month, so the real date can
/// be up to about a month either side; 31 days covers that (the issue's own example, a card of 10 April typed as
/// 1 May, is 21 days off). Within this margin of an expiry boundary, or of Japan's 2017-04-24 cut-over, an
/// approximate date can neither rule expiry out nor make it certain.
pub const APPROXIMATE_MARGIN_DAYS: u64 = 31;

/// Works out a card's expiry, allowing for a guessed issue date.
///
/// For an [`Precision::Approximate`] date the rule is applied at both ends of the margin: when the ends disagree
/// (one expired, one valid; or one before the cut-over and one after) the card "may have expired", with the range
/// of possible expiry dates, and the person is told to look the exact date up on the balance page.
pub fn expiry_of(
    marketplace: Marketplace,
    issued: NaiveDate,
    precision: Precision,
    kind: CardKind,
    today: NaiveDate,
) -> Result<Expiry, ExpiryError> {
    let typed = expiry(marketplace, issued, kind, today)?;
    if precision == Precision::Exact {
        return Ok(typed);
    }
    let margin = chrono::Days::new(APPROXIMATE_MARGIN_DAYS);
    let low = issued.checked_sub_days(margin).unwrap_or(issued);
    let high = issued.checked_add_days(margin).unwrap_or(issued).min(today);
    let (first, last) = (
        expiry(marketplace, low, kind, today)?,
        expiry(marketplace, high, kind, today)?,
    );
    let (Some(earliest), Some(latest)) = (first.earliest.or(first.expires), last.expires) else {
        // Never expires, or no rule known: the date does not matter.
        return Ok(typed);
    };
    let status = if today > latest {
        Status::Expired
    } else if today > earliest {
        Status::MaybeExpired
    } else {
        Status::Valid
    };
    Ok(Expiry {
        rule: typed.rule,
        status,
        expires: Some(latest),
        earliest: (earliest != latest).then_some(earliest),
        days_left: Some((latest - today).num_days()),
    })
}

/// Works out a card's expiry under its marketplace's rule.
pub fn expiry(
    marketplace: Marketplace,
    issued: NaiveDate,
    kind: CardKind,
    today: NaiveDate,
) -> Result<Expiry, ExpiryError> {
    if issued > today {
        return Err(ExpiryError::IssuedInFuture { issued, today });
    }
    let (rule, validity) = rule_for(marketplace, issued, kind);
    let days = |d: NaiveDate| (d - today).num_days();
    let expiry = match validity {
        Validity::Years(n) => {
            let expires = add_years(issued, n);
            let status = match expires {
                Some(e) if today > e => Status::Expired,
                _ => Status::Valid,
            };
            Expiry {
                rule,
                status,
                expires,
                earliest: None,
                days_left: expires.map(days),
            }
        }
        Validity::Between(..) | Validity::EndOfYearOrYears(..) => {
            let (earliest, latest) = match validity {
                Validity::EndOfYearOrYears(years, high) => (
                    NaiveDate::from_ymd_opt(issued.year().saturating_add(years), 12, 31),
                    add_years(issued, high),
                ),
                Validity::Between(low, high) => (add_years(issued, low), add_years(issued, high)),
                _ => (None, None),
            };
            let status = match (earliest, latest) {
                (_, Some(l)) if today > l => Status::Expired,
                (Some(e), _) if today > e => Status::MaybeExpired,
                _ => Status::Valid,
            };
            Expiry {
                rule,
                status,
                expires: latest,
                earliest,
                days_left: latest.map(days),
            }
        }
        Validity::Never => Expiry {
            rule,
            status: Status::Never,
            expires: None,
            earliest: None,
            days_left: None,
        },
        Validity::Unknown => Expiry {
            rule,
            status: Status::Unknown,
            expires: None,
            earliest: None,
            days_left: None,
        },
    };
    Ok(expiry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn japan_cutover_day_and_the_day_before() {
        let today = d("2026-11-27");
        let before = expiry(Marketplace::Jp, d("2017-04-23"), CardKind::Email, today).unwrap();
        assert_eq!(
            (before.rule, before.status, before.expires),
            (RuleId::JpOld1y, Status::Expired, Some(d("2018-04-23")))
        );
        let on = expiry(Marketplace::Jp, d("2017-04-24"), CardKind::Email, today).unwrap();
        assert_eq!(
            (on.rule, on.status, on.expires),
            (RuleId::Jp10y, Status::Valid, Some(d("2027-04-24")))
        );
        assert_eq!(on.days_left, Some(148));
    }

    #[test]
    fn leap_day_lands_on_28_february() {
        let e = expiry(
            Marketplace::Jp,
            d("2020-02-29"),
            CardKind::Card,
            d("2026-01-01"),
        )
        .unwrap();
        assert_eq!(e.expires, Some(d("2030-02-28")));
        let old = expiry(
            Marketplace::Jp,
            d("2016-02-29"),
            CardKind::Card,
            d("2026-01-01"),
        )
        .unwrap();
        assert_eq!(old.expires, Some(d("2017-02-28")));
    }

    #[test]
    fn expiry_day_itself_is_still_valid_and_the_next_day_is_not() {
        let on = expiry(
            Marketplace::Jp,
            d("2017-04-24"),
            CardKind::Email,
            d("2027-04-24"),
        )
        .unwrap();
        assert_eq!((on.status, on.days_left), (Status::Valid, Some(0)));
        let after = expiry(
            Marketplace::Jp,
            d("2017-04-24"),
            CardKind::Email,
            d("2027-04-25"),
        )
        .unwrap();
        assert_eq!((after.status, after.days_left), (Status::Expired, Some(-1)));
    }

    #[test]
    fn card_issued_in_the_future_is_an_error() {
        let err = expiry(
            Marketplace::Jp,
            d("2027-01-01"),
            CardKind::Email,
            d("2026-11-27"),
        )
        .unwrap_err();
        assert_eq!(
            err,
            ExpiryError::IssuedInFuture {
                issued: d("2027-01-01"),
                today: d("2026-11-27")
            }
        );
    }

    #[test]
    fn old_japanese_kinds() {
        let today = d("2017-03-01");
        let issued = d("2015-06-01");
        let corp = expiry(Marketplace::Jp, issued, CardKind::Corporate, today).unwrap();
        assert_eq!((corp.rule, corp.status), (RuleId::JpOld2y, Status::Valid));
        let sheet = expiry(Marketplace::Jp, issued, CardKind::Sheet, today).unwrap();
        assert_eq!(
            (sheet.rule, sheet.expires),
            (RuleId::JpOld3y, Some(d("2018-06-01")))
        );
        let unknown = expiry(Marketplace::Jp, issued, CardKind::Unknown, today).unwrap();
        assert_eq!(
            (unknown.rule, unknown.status),
            (RuleId::JpOldUnknownKind, Status::MaybeExpired)
        );
        assert_eq!(unknown.earliest, Some(d("2016-06-01")));
    }

    #[test]
    fn other_marketplaces() {
        let today = d("2026-11-27");
        let issued = d("2020-03-01");
        assert_eq!(
            expiry(Marketplace::Us, issued, CardKind::Email, today)
                .unwrap()
                .status,
            Status::Never
        );
        assert_eq!(
            expiry(Marketplace::Mx, issued, CardKind::Email, today)
                .unwrap()
                .expires,
            Some(d("2025-03-01"))
        );
        assert_eq!(
            expiry(Marketplace::In, issued, CardKind::Email, today)
                .unwrap()
                .status,
            Status::Expired
        );
        assert_eq!(
            expiry(Marketplace::Fr, issued, CardKind::Email, today)
                .unwrap()
                .expires,
            Some(d("2030-03-01"))
        );
        let other = expiry(Marketplace::Other, issued, CardKind::Email, today).unwrap();
        assert_eq!(
            (other.rule, other.status, other.expires),
            (RuleId::Unknown, Status::Unknown, None)
        );
        assert!(
            !RuleId::De3yOr10y.certain() && RuleId::JpOld1y.certain() && RuleId::Jp10y.certain()
        );
        assert!(
            !RuleId::Fr10y.certain() && !RuleId::It10y.certain(),
            "France and Italy rest on one source or none of Amazon's"
        );
        assert!(!RuleId::Mx5y.certain(), "Mexico rests on a single source");
    }

    fn approx(m: Marketplace, issued: &str, kind: CardKind, today: &str) -> Expiry {
        expiry_of(m, d(issued), Precision::Approximate, kind, d(today)).unwrap()
    }

    #[test]
    fn an_approximate_date_near_the_cutover_may_have_expired_and_an_exact_one_does_not() {
        // Two weeks after the cut-over: exact, the 10-year rule; a guess may be from before it (1 year).
        let today = "2026-11-27";
        let exact = expiry(Marketplace::Jp, d("2017-05-08"), CardKind::Email, d(today)).unwrap();
        assert_eq!(exact.status, Status::Valid);
        let guess = approx(Marketplace::Jp, "2017-05-08", CardKind::Email, today);
        assert_eq!(guess.status, Status::MaybeExpired);
        assert_eq!(guess.earliest, Some(d("2018-04-07")));
        assert_eq!(guess.expires, Some(d("2027-06-08")));
        // Two weeks before it: exact, expired for certain; a guess may be from after it.
        let exact = expiry(Marketplace::Jp, d("2017-04-10"), CardKind::Email, d(today)).unwrap();
        assert_eq!(exact.status, Status::Expired);
        let guess = approx(Marketplace::Jp, "2017-04-10", CardKind::Email, today);
        assert_eq!(guess.status, Status::MaybeExpired);
    }

    #[test]
    fn an_approximate_date_near_a_ten_year_boundary_is_unsure_on_both_sides_and_sure_beyond_the_margin(
    ) {
        let today = "2026-11-27";
        // Boundary: issued 2016-11-27 expires today. Two weeks either side, a guess decides nothing.
        for issued in ["2016-11-13", "2016-12-11"] {
            assert_eq!(
                approx(Marketplace::Fr, issued, CardKind::Email, today).status,
                Status::MaybeExpired,
                "{issued}"
            );
        }
        assert_eq!(
            expiry(Marketplace::Fr, d("2016-12-11"), CardKind::Email, d(today))
                .unwrap()
                .status,
            Status::Valid
        );
        // Beyond the margin the guess is as good as exact.
        assert_eq!(
            approx(Marketplace::Fr, "2016-09-01", CardKind::Email, today).status,
            Status::Expired
        );
        assert_eq!(
            approx(Marketplace::Fr, "2017-03-01", CardKind::Email, today).status,
            Status::Valid
        );
        // Never-expiring balances do not care.
        assert_eq!(
            approx(Marketplace::Us, "2016-11-13", CardKind::Email, today).status,
            Status::Never
        );
    }

    #[test]
    fn an_approximate_date_near_an_old_japanese_kind_boundary() {
        // Corporate (2 years) issued 2015-06-01 expires 2017-06-01; today two weeks later.
        let today = "2017-06-15";
        assert_eq!(
            expiry(
                Marketplace::Jp,
                d("2015-06-01"),
                CardKind::Corporate,
                d(today)
            )
            .unwrap()
            .status,
            Status::Expired
        );
        assert_eq!(
            approx(Marketplace::Jp, "2015-06-01", CardKind::Corporate, today).status,
            Status::MaybeExpired
        );
    }
}
