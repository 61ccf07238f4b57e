//! Every value a question offers is accepted for its fact (issue 19.9): a host that answers `nextQuestion` with the
//! values it was offered, through the same lowering `diagnose` uses, never gets an error, and the answer is taken
//! (the question is not offered again), kept by the share link, and read back as the value offered.

use giftcard_doctor_core::content::QuestionKind;
use giftcard_doctor_core::engine::{current_answer, next_question, Answer, QuestionView};
use giftcard_doctor_core::share::{from_fragment, to_fragment};
use giftcard_doctor_core::{content, diagnose, Lang, RawFacts};
use serde_json::{json, Map, Value};

/// The facts a host would pass after answering question `fact` with `value` on `market` (none: not said yet).
fn answered(market: Option<&str>, fact: &str, value: &str) -> Map<String, Value> {
    let mut facts = Map::new();
    facts.insert("today".into(), json!("2026-12-07"));
    if let Some(m) = market {
        facts.insert("marketplace".into(), json!(m));
    }
    facts.insert(fact.into(), json!(value));
    facts
}

#[test]
fn every_offered_value_is_accepted_taken_and_kept() {
    let markets = giftcard_doctor_core::content::Fact::Marketplace.values();
    let mut problems = Vec::new();
    let mut fed = 0;
    for market in markets.iter().map(|m| Some(*m)).chain([None]) {
        for q in content().questions {
            for lang in [Lang::Ja, Lang::En] {
                let view = QuestionView::new(q, lang);
                let mut values: Vec<String> =
                    view.choices.iter().map(|c| c.value.clone()).collect();
                if q.kind == QuestionKind::Date {
                    // A date question's own answer is a date; its only listed choice is "I don't know".
                    values.push("2020-01-02".into());
                }
                for value in values {
                    fed += 1;
                    let at = format!("{market:?} / {} = {value} ({lang:?})", q.fact.name());
                    let raw: RawFacts = match serde_json::from_value(Value::Object(answered(
                        market,
                        q.fact.name(),
                        &value,
                    ))) {
                        Ok(raw) => raw,
                        Err(e) => {
                            problems.push(format!("{at}: not read: {e}"));
                            continue;
                        }
                    };
                    let facts = match raw.lower() {
                        Ok(f) => f,
                        Err(e) => {
                            problems.push(format!("{at}: refused: {e}"));
                            continue;
                        }
                    };
                    if let Err(e) = diagnose(&facts, lang) {
                        problems.push(format!("{at}: diagnose failed: {e}"));
                    }
                    if next_question(&facts).is_some_and(|n| n.id == q.id) {
                        problems.push(format!(
                            "{at}: the answer was not taken, the question comes again"
                        ));
                    }
                    let expected = match q.kind {
                        QuestionKind::Date if value != "unsure" => None,
                        _ => Some(Answer::Value(value.clone())),
                    };
                    let got = current_answer(&facts, q.id);
                    if let Some(want) = &expected {
                        if got.as_ref() != Some(want) {
                            problems.push(format!("{at}: read back as {got:?}"));
                        }
                    } else if !matches!(got, Some(Answer::Date(..))) {
                        problems.push(format!("{at}: the date read back as {got:?}"));
                    }
                    let shared = from_fragment(&to_fragment(&facts));
                    if current_answer(&shared, q.id) != got {
                        problems.push(format!(
                            "{at}: the share link keeps {:?}, not {got:?}",
                            current_answer(&shared, q.id)
                        ));
                    }
                }
            }
        }
    }
    assert!(fed > 500, "only {fed} answers fed back");
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Amazon Pay takes the gift balance only where a source says so (jp, in): elsewhere the wizard never asks about it,
/// whatever the answers, and no `amazon_pay` cause is offered.
#[test]
fn amazon_pay_is_asked_and_offered_only_in_japan_and_india() {
    use giftcard_doctor_core::engine::apply_answer;
    for market in giftcard_doctor_core::content::Fact::Marketplace.values() {
        for policy in ["yes", "no", "unsure"] {
            let raw: RawFacts =
                serde_json::from_value(json!({ "today": "2026-12-07", "marketplace": market }))
                    .unwrap();
            let mut facts = raw.lower().unwrap();
            let mut asked = Vec::new();
            while let Some(q) = next_question(&facts) {
                assert!(
                    asked.len() < 40,
                    "{market}: no end to the questions: {asked:?}"
                );
                asked.push(q.id);
                let answer = match q.kind {
                    QuestionKind::Tri => policy.to_owned(),
                    _ => "unsure".to_owned(),
                };
                facts = apply_answer(&facts, q.id, &Answer::Value(answer)).unwrap();
            }
            let offered = diagnose(&facts, Lang::En).unwrap();
            let listed = offered.causes.iter().any(|c| c.id == "amazon_pay")
                || offered.ruled_out.iter().any(|c| c.id == "amazon_pay");
            let expected = matches!(*market, "jp" | "in");
            if !expected {
                assert!(
                    !asked.contains(&"amazon_pay"),
                    "{market} ({policy}): asked {asked:?}"
                );
            }
            assert_eq!(
                listed, expected,
                "{market} ({policy}): amazon_pay listed: {listed}"
            );
        }
    }
}

/// The JS API's `nextQuestion({ accountSuspendedNotice: "yes" })`: a notice alone never ends the questions, because it
/// may be the phishing bait itself; and `diagnose({ marketplace: "jp", codeShared: "yes", loss: "all" })` puts the
/// scam first.
#[test]
fn a_notice_alone_leaves_questions_and_a_code_given_away_comes_first() {
    let lower = |v: serde_json::Value| {
        serde_json::from_value::<RawFacts>(v)
            .unwrap()
            .lower()
            .unwrap()
    };
    assert!(next_question(&lower(json!({ "accountSuspendedNotice": "yes" }))).is_some());
    assert!(next_question(&lower(json!({ "invalidationEmail": "yes" }))).is_some());
    let d = diagnose(
        &lower(json!({ "marketplace": "jp", "codeShared": "yes", "loss": "all" })),
        Lang::Ja,
    )
    .unwrap();
    assert_eq!(d.causes[0].id, "code_given_away");
}
