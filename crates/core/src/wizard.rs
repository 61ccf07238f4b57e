//! The wizard's navigation, pure: which question comes next, Back, changing an answer from the result, starting
//! over, and the progress shown. The app's reducer (`src/state.rs`) calls exactly these, so they are tested here with
//! plain `cargo test`.

use crate::engine::{apply_answer, next_question, Answer};
use crate::facts::{Facts, FactsError};

/// What the widget shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// A question, by id.
    Question(String),
    /// The ranked causes and the checklist.
    Result,
}

/// Where a fresh start with these facts begins: the first useful question, or the result when none is left.
pub fn start(facts: &Facts) -> Position {
    next_question(facts)
        .map(|q| Position::Question(q.id.to_owned()))
        .unwrap_or(Position::Result)
}

/// Where to go after `question` was answered (facts already updated); records the question as asked.
///
/// When the person went back and answers again, the questions already answered after it are walked through again
/// with their answers kept, until none is left or the result is certain.
pub fn after_answer(facts: &Facts, asked: &mut Vec<String>, question: &str) -> Position {
    let index = asked.iter().position(|a| a == question);
    let position = match (next_question(facts), index) {
        (None, _) => Position::Result,
        (Some(_), Some(i)) if i + 1 < asked.len() => Position::Question(asked[i + 1].clone()),
        (Some(next), _) => Position::Question(next.id.to_owned()),
    };
    if index.is_none() {
        asked.push(question.to_owned());
    }
    position
}

/// Where Back leads from `position`; `None` on the first question.
pub fn back(asked: &[String], position: &Position) -> Option<Position> {
    let target = match position {
        Position::Result => asked.last().cloned(),
        Position::Question(q) => match asked.iter().position(|a| a == q) {
            Some(0) => None,
            Some(i) => Some(asked[i - 1].clone()),
            None => asked.last().cloned(),
        },
    };
    target.map(Position::Question)
}

/// The step number shown and the most steps there can be: the questions answered and every question that may still
/// be asked, counted before its condition is known, so the figure never grows in front of the person (issue 23: it
/// went from "of at most 17" to "of at most 19" after the first answer); it shrinks as questions become moot.
pub fn progress(facts: &Facts, asked: &[String], position: &Position) -> (usize, usize) {
    let remaining = match position {
        Position::Result => 0,
        Position::Question(_) => crate::engine::unanswered_questions(facts, false).len(),
    };
    let current = match position {
        Position::Question(q) => asked.iter().position(|a| a == q).unwrap_or(asked.len()) + 1,
        Position::Result => asked.len(),
    };
    let revisiting = matches!(position, Position::Question(q) if asked.contains(q));
    let total = asked.len() + remaining + usize::from(revisiting && remaining == 0);
    (current, total.max(current))
}

/// The navigation state on its own (the app's `State` holds the same fields beside the language and ticks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wizard {
    pub facts: Facts,
    /// Questions answered, in the order they were asked.
    pub asked: Vec<String>,
    pub position: Position,
    /// Steps taken (focus moves only after the first).
    pub steps: u32,
}

impl Wizard {
    /// A fresh wizard for these facts.
    pub fn new(facts: Facts) -> Self {
        let position = start(&facts);
        Wizard {
            facts,
            asked: Vec::new(),
            position,
            steps: 0,
        }
    }

    /// Answers the question shown and moves on.
    pub fn answer(&mut self, question: &str, answer: &Answer) -> Result<(), FactsError> {
        self.facts = apply_answer(&self.facts, question, answer)?;
        self.position = after_answer(&self.facts, &mut self.asked, question);
        self.steps += 1;
        Ok(())
    }

    /// Changes an answer from the result, staying on the result.
    pub fn revise(&mut self, question: &str, answer: &Answer) -> Result<(), FactsError> {
        self.facts = apply_answer(&self.facts, question, answer)?;
        if !self.asked.iter().any(|a| a == question) {
            self.asked.push(question.to_owned());
        }
        Ok(())
    }

    /// Goes back one question; `false` when there is nowhere to go.
    pub fn back(&mut self) -> bool {
        match back(&self.asked, &self.position) {
            Some(p) => {
                self.position = p;
                self.steps += 1;
                true
            }
            None => false,
        }
    }

    /// Starts over, keeping only today's date.
    pub fn restart(&mut self) {
        let facts = Facts {
            today: self.facts.today,
            ..Facts::default()
        };
        *self = Wizard {
            steps: self.steps + 1,
            ..Wizard::new(facts)
        };
    }

    /// See [`progress`].
    pub fn progress(&self) -> (usize, usize) {
        progress(&self.facts, &self.asked, &self.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::QuestionKind;
    use crate::engine::DONT_KNOW;
    use crate::facts::{Marketplace, Precision};
    use chrono::NaiveDate;

    fn v(s: &str) -> Answer {
        Answer::Value(s.to_owned())
    }

    fn fresh() -> Wizard {
        Wizard::new(Facts {
            today: NaiveDate::from_ymd_opt(2026, 11, 27),
            ..Facts::default()
        })
    }

    fn at(w: &Wizard) -> &str {
        match &w.position {
            Position::Question(q) => q,
            Position::Result => "result",
        }
    }

    #[test]
    fn answering_moves_forward_and_records_the_question() {
        let mut w = fresh();
        assert_eq!(at(&w), "marketplace");
        assert_eq!(w.progress().0, 1);
        w.answer("marketplace", &v("jp")).unwrap();
        assert_eq!(at(&w), "loss");
        assert_eq!(w.asked, ["marketplace"]);
        assert_eq!(w.facts.marketplace, Some(Marketplace::Jp));
        assert_eq!(w.steps, 1);
        let (current, total) = w.progress();
        assert_eq!(current, 2);
        assert!(total >= 3, "more questions are still to come: {total}");
    }

    #[test]
    fn a_bad_answer_changes_nothing() {
        let mut w = fresh();
        let before = w.clone();
        let err = w.answer("marketplace", &v("zz")).unwrap_err();
        assert_eq!(err.field, "marketplace");
        assert_eq!(w, before);
    }

    #[test]
    fn back_goes_to_the_previous_question_and_stops_at_the_first() {
        let mut w = fresh();
        assert!(!w.back(), "nowhere to go from the first question");
        w.answer("marketplace", &v("jp")).unwrap();
        w.answer("loss", &v("all")).unwrap();
        let third = at(&w).to_owned();
        assert!(w.back());
        assert_eq!(at(&w), "loss");
        assert!(w.back());
        assert_eq!(at(&w), "marketplace");
        assert!(!w.back());
        // Answering again walks forward through the questions already answered, answers kept.
        w.answer("marketplace", &v("jp")).unwrap();
        assert_eq!(at(&w), "loss");
        w.answer("loss", &v("all")).unwrap();
        assert_eq!(at(&w), third);
        assert_eq!(w.asked, ["marketplace", "loss"]);
    }

    /// Issue 19.6: an expired card is certain only until the person says they saw the balance after it expired; the
    /// wizard asks before it stops, and a month alone is read as its first day.
    #[test]
    fn an_expired_card_waits_for_when_the_balance_was_last_seen() {
        let mut w = fresh();
        w.facts.marketplace = Some(Marketplace::Jp);
        w.facts.loss = Some(crate::facts::Loss::All);
        let issued = NaiveDate::from_ymd_opt(2015, 3, 1).unwrap();
        w.facts = apply_answer(
            &w.facts,
            "card_issued",
            &Answer::Date(issued, Precision::Exact),
        )
        .unwrap();
        let top = |f: &Facts| {
            crate::diagnose(f, crate::Lang::En).unwrap().causes[0]
                .id
                .clone()
        };
        assert_eq!(top(&w.facts), "expired");
        // Every other question answered "no", the wizard still reaches the last-seen question before it stops.
        let mut asked = Vec::new();
        while let Some(q) = next_question(&w.facts).filter(|q| q.id != "last_seen_intact") {
            asked.push(q.id);
            assert!(asked.len() < 30, "{asked:?}");
            w.facts = apply_answer(
                &w.facts,
                q.id,
                &v(if q.kind == QuestionKind::Tri {
                    "no"
                } else {
                    DONT_KNOW
                }),
            )
            .unwrap();
        }
        assert_eq!(top(&w.facts), "expired", "{asked:?}");
        assert_eq!(
            next_question(&w.facts).map(|q| q.id),
            Some("last_seen_intact"),
            "{asked:?}"
        );
        let seen = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
        let after = apply_answer(
            &w.facts,
            "last_seen_intact",
            &Answer::Date(seen, Precision::Approximate),
        )
        .unwrap();
        assert_eq!(after.last_seen_intact, NaiveDate::from_ymd_opt(2026, 10, 1));
        assert_ne!(top(&after), "expired");
        let d = crate::diagnose(&after, crate::Lang::En).unwrap();
        assert!(
            d.ruled_out.iter().any(|r| r.id == "expired"),
            "{:?}",
            d.ruled_out
        );
    }

    /// Issue 23: "of at most N" never grows in front of the person. Every marketplace, walked answering each question
    /// with its first choice, its second, or "I don't know" (a date: an old card, a new one, or unknown).
    #[test]
    fn the_most_steps_shown_never_grow_on_any_walk() {
        let content = crate::content();
        for market in Marketplace::ALL {
            for pick in 0..3 {
                let mut w = fresh();
                let mut last = w.progress().1;
                let mut trail = vec![format!("1 of {last}")];
                w.answer("marketplace", &v(market.id())).unwrap();
                while let Position::Question(q) = w.position.clone() {
                    let question = content.question(&q).unwrap();
                    let answer = match question.kind {
                        QuestionKind::Date => match pick {
                            0 => Answer::Date(
                                NaiveDate::from_ymd_opt(2014, 3, 1).unwrap(),
                                Precision::Exact,
                            ),
                            1 => Answer::Date(
                                NaiveDate::from_ymd_opt(2025, 3, 15).unwrap(),
                                Precision::Approximate,
                            ),
                            _ => v(DONT_KNOW),
                        },
                        _ => match question.choices.get(pick) {
                            Some(c) if pick < 2 => v(c.value),
                            _ => v(DONT_KNOW),
                        },
                    };
                    w.answer(&q, &answer).unwrap();
                    if w.position == Position::Result {
                        break;
                    }
                    let (current, total) = w.progress();
                    trail.push(format!("{current} of {total}"));
                    assert!(
                        total <= last,
                        "{} pick {pick}: {}",
                        market.id(),
                        trail.join(", ")
                    );
                    assert!(current <= total);
                    last = total;
                }
            }
        }
    }

    #[test]
    fn a_decisive_answer_ends_at_the_result_and_back_returns_to_it() {
        let mut w = fresh();
        w.answer("marketplace", &v("jp")).unwrap();
        w.answer("loss", &v("all")).unwrap();
        // Scams first: the code question comes right after the loss.
        assert_eq!(at(&w), "code_shared");
        w.answer("code_shared", &v("yes")).unwrap();
        assert_eq!(w.position, Position::Result);
        assert_eq!(w.progress(), (3, 3));
        assert!(w.back());
        assert_eq!(at(&w), "code_shared");
    }

    /// A notice may be the phishing bait itself: the wizard does not stop on it before it has asked about the signs
    /// of phishing and takeover, and stops once none of them is "yes".
    #[test]
    fn a_notice_does_not_end_the_wizard_before_the_signs_of_phishing_are_asked() {
        let mut w = fresh();
        w.answer("marketplace", &v("jp")).unwrap();
        w.answer("loss", &v("all")).unwrap();
        w.answer("code_shared", &v("no")).unwrap();
        w.answer("invalidation_email", &v("no")).unwrap();
        w.answer("suspended_notice", &v("yes")).unwrap();
        let mut signs = Vec::new();
        while let Position::Question(q) = w.position.clone() {
            assert!(signs.len() < 30, "the wizard never ends: {signs:?}");
            w.answer(&q, &v("no")).unwrap();
            signs.push(q);
        }
        for sign in [
            "cannot_sign_in",
            "unfamiliar_activity",
            "phone_lost_or_phished",
        ] {
            assert!(
                signs.iter().any(|q| q == sign),
                "{sign} not asked: {signs:?}"
            );
        }
        // And with the notice alone, something is still asked.
        let alone = Wizard::new(Facts {
            today: NaiveDate::from_ymd_opt(2026, 11, 27),
            answers: {
                let mut a = crate::facts::Answers::default();
                a.insert(
                    crate::facts::Fact::AccountSuspendedNotice,
                    crate::facts::Tri::Yes,
                );
                a
            },
            ..Facts::default()
        });
        assert_ne!(alone.position, Position::Result);
    }

    #[test]
    fn revising_from_the_result_stays_on_the_result() {
        let mut w = fresh();
        w.answer("marketplace", &v("jp")).unwrap();
        w.answer("loss", &v("all")).unwrap();
        w.answer("code_shared", &v("yes")).unwrap();
        assert_eq!(w.position, Position::Result);
        w.revise("code_shared", &v("no")).unwrap();
        assert_eq!(w.position, Position::Result);
        w.revise(
            "card_issued",
            &Answer::Date(
                NaiveDate::from_ymd_opt(2017, 5, 1).unwrap(),
                Precision::Approximate,
            ),
        )
        .unwrap();
        assert_eq!(w.position, Position::Result);
        assert!(w.asked.iter().any(|a| a == "card_issued"));
        assert_eq!(w.facts.cards[0].issued_precision, Precision::Approximate);
    }

    #[test]
    fn restart_forgets_everything_but_today() {
        let mut w = fresh();
        w.answer("marketplace", &v("us")).unwrap();
        w.answer("loss", &v("partial")).unwrap();
        let steps = w.steps;
        w.restart();
        assert_eq!(at(&w), "marketplace");
        assert!(w.asked.is_empty());
        assert_eq!(w.facts.marketplace, None);
        assert_eq!(w.facts.today, NaiveDate::from_ymd_opt(2026, 11, 27));
        assert_eq!(w.steps, steps + 1);
    }
}
