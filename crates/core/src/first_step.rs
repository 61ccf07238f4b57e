//! What a worried person should do first, and how the result is split: the one box at the top of the result (the most
//! likely cause, its first action, and — when the answers show a sign that someone else may have the code or the
//! account — the scam warning before anything else), and which causes the answers support enough to show open.
//! Presentation policy over a [`Diagnosis`], kept in the core so the views only render it.

use crate::content::vocab::Fact;
use crate::content::Question;
use crate::engine::{unanswered_questions, Band, Diagnosis, RankedCause};
use crate::facts::{Facts, Tri};

/// The facts that say someone else may hold the code or the account: a code given to someone who asked for it, a
/// phishing link or a lost phone, activity the person does not recognise, or a sign-in that no longer works (the
/// same signs that keep a notice from being decisive, docs/domain-facts.md). With any of them said "yes", a notice the person
/// received may itself be the scam, so the warning comes first.
const SCAM_SIGNS: &[Fact] = &[
    Fact::CodeShared,
    Fact::PhoneLostOrPhished,
    Fact::UnfamiliarActivity,
    Fact::CannotSignIn,
];

/// Whether any scam or takeover sign was answered "yes".
pub fn scam_signs(facts: &Facts) -> bool {
    SCAM_SIGNS.iter().any(|&f| facts.tri(f) == Some(Tri::Yes))
}

/// The top of the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstStep<'d> {
    /// The most likely cause.
    pub cause: &'d RankedCause,
    /// Its first action, when it has one.
    pub action: Option<&'d str>,
    /// Show the marketplace's scam warning first.
    pub scam: bool,
}

/// The first step of a diagnosis, `None` only when no cause is left.
pub fn first_step<'d>(diagnosis: &'d Diagnosis, facts: &Facts) -> Option<FirstStep<'d>> {
    let cause = diagnosis.causes.first()?;
    Some(FirstStep {
        cause,
        action: cause.actions.first().map(String::as_str),
        scam: scam_signs(facts),
    })
}

/// The questions the result offers to answer after the wizard stopped early (their conditions hold and no answer was
/// given), the scam and takeover questions first: an answer there can change everything, and the wizard stops as
/// soon as the answers point to one cause.
pub fn remaining_questions(facts: &Facts) -> Vec<&'static Question> {
    let mut questions = unanswered_questions(facts, true);
    questions.sort_by_key(|q| !SCAM_SIGNS.contains(&q.fact));
    questions
}

/// How many of the ranked causes the result shows open, in the main list: those the answers support (band medium
/// and above), or the top one when none is; the rest go under one "other possibilities" disclosure.
pub fn supported_count(diagnosis: &Diagnosis) -> usize {
    let supported = diagnosis
        .causes
        .iter()
        .take_while(|c| c.band != Band::Low)
        .count();
    supported.max(diagnosis.causes.len().min(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{diagnose, Lang};

    /// Facts with a marketplace, a fixed today and some yes / no answers (by fact name and `yes` / `no` / `unsure`).
    fn facts(market: &str, answers: &[(&str, &str)]) -> Facts {
        let mut f = Facts {
            marketplace: crate::Marketplace::from_id(market),
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
            ..Facts::default()
        };
        for (name, value) in answers {
            let fact = Fact::from_name(name).unwrap();
            let tri = match *value {
                "yes" => Tri::Yes,
                "no" => Tri::No,
                _ => Tri::Unsure,
            };
            f.set_tri(fact, Some(tri));
        }
        f
    }

    #[test]
    fn a_phishing_sign_puts_the_warning_first() {
        let f = facts("jp", &[("phoneLostOrPhished", "yes")]);
        let d = diagnose(&f, Lang::Ja).unwrap();
        let first = first_step(&d, &f).unwrap();
        assert!(first.scam);
        assert_eq!(first.cause.id, d.causes[0].id);
        assert_eq!(
            first.action,
            d.causes[0].actions.first().map(String::as_str)
        );
        for sign in ["codeShared", "unfamiliarActivity", "cannotSignIn"] {
            let f = facts("us", &[(sign, "yes")]);
            assert!(scam_signs(&f), "{sign}");
        }
        let calm = facts(
            "jp",
            &[
                ("phoneLostOrPhished", "no"),
                ("unfamiliarActivity", "unsure"),
            ],
        );
        assert!(!scam_signs(&calm));
    }

    #[test]
    fn the_questions_left_start_with_the_takeover_signs() {
        let f = facts("jp", &[("invalidationEmail", "yes")]);
        let left = remaining_questions(&f);
        assert!(!left.is_empty());
        let signs = left
            .iter()
            .take_while(|q| SCAM_SIGNS.contains(&q.fact))
            .count();
        assert!(
            signs >= 2,
            "{:?}",
            left.iter().map(|q| q.id).collect::<Vec<_>>()
        );
        assert!(left[signs..].iter().all(|q| !SCAM_SIGNS.contains(&q.fact)));
        assert!(
            left.iter().all(|q| q.id != "invalidation_email"),
            "an answered question is not offered"
        );
    }

    #[test]
    fn only_supported_causes_are_counted_open_and_at_least_the_top_one() {
        let f = facts("jp", &[("pendingOrders", "yes")]);
        let d = diagnose(&f, Lang::En).unwrap();
        let n = supported_count(&d);
        assert!(n >= 1 && n < d.causes.len(), "{n} of {}", d.causes.len());
        assert!(d.causes[..n].iter().all(|c| c.band != Band::Low));
        assert!(d.causes[n..].iter().all(|c| c.band == Band::Low));
        let mut none = d.clone();
        for c in &mut none.causes {
            c.band = Band::Low;
        }
        assert_eq!(supported_count(&none), 1);
        none.causes.clear();
        assert_eq!(supported_count(&none), 0);
    }
}
