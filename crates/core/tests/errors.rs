//! Errors name the field and the expected form, never the value given: a host may pass a gift card code in any
//! field, and an error must not carry it into a console, a log or the page. Both languages are checked.

use giftcard_doctor_core::engine::{apply_answer, Answer};
use giftcard_doctor_core::facts::{RawCard, RawFacts, Value, TRI_FACTS};
use giftcard_doctor_core::{content, Facts, FactsError, Lang};

const CODE: &str = "ABCD-EFGHIJ-KLMN";

fn code() -> Option<Value> {
    Some(Value::Str(CODE.to_owned()))
}

fn assert_clean(what: &str, e: &FactsError) {
    for text in [
        e.to_string(),
        e.message.clone(),
        e.localized(Lang::Ja),
        e.localized(Lang::En),
    ] {
        for piece in ["ABCD", "EFGHIJ", "KLMN"] {
            assert!(
                !text.contains(piece),
                "{what}: the error echoes the input: {text}"
            );
        }
        assert!(!text.contains('{'), "{what}: unfilled placeholder: {text}");
    }
}

#[test]
fn a_code_in_any_fact_field_is_never_echoed() {
    let mut cases: Vec<(String, RawFacts)> = vec![
        (
            "marketplace".into(),
            RawFacts {
                marketplace: code(),
                ..RawFacts::default()
            },
        ),
        (
            "today".into(),
            RawFacts {
                today: code(),
                ..RawFacts::default()
            },
        ),
        (
            "loss".into(),
            RawFacts {
                loss: code(),
                ..RawFacts::default()
            },
        ),
    ];
    for name in TRI_FACTS {
        let mut raw = RawFacts::default();
        raw.set_tri_value(name, code());
        cases.push((name.to_owned(), raw));
    }
    let cards: [(&str, RawCard); 5] = [
        (
            "issued",
            RawCard {
                issued: code(),
                ..RawCard::default()
            },
        ),
        (
            "kind",
            RawCard {
                kind: code(),
                ..RawCard::default()
            },
        ),
        (
            "amount",
            RawCard {
                amount: code(),
                ..RawCard::default()
            },
        ),
        (
            "marketplace",
            RawCard {
                marketplace: code(),
                ..RawCard::default()
            },
        ),
        (
            "issuedPrecision",
            RawCard {
                issued_precision: code(),
                ..RawCard::default()
            },
        ),
    ];
    for (field, card) in cards {
        // As a card of the facts …
        cases.push((
            format!("cards[0].{field}"),
            RawFacts {
                cards: vec![card.clone()],
                ..RawFacts::default()
            },
        ));
        // … and as a `cardStatus` card (its own field names).
        let e = card.lower("").expect_err(field);
        assert_eq!(e.field, field);
        assert_clean(&format!("cardStatus {field}"), &e);
    }
    for (field, raw) in &cases {
        let e = raw.lower().expect_err(field);
        assert_eq!(&e.field, field);
        assert_clean(field, &e);
    }
    assert!(cases.len() > 20, "every field is tried: {}", cases.len());
}

#[test]
fn a_code_as_the_answer_to_any_question_is_never_echoed() {
    let facts = Facts {
        today: "2026-11-27".parse().ok(),
        ..Facts::default()
    };
    for q in content().questions {
        let e = apply_answer(&facts, q.id, &Answer::Value(CODE.to_owned())).expect_err(q.id);
        assert_clean(q.id, &e);
    }
    let e = apply_answer(&facts, CODE, &Answer::Value("yes".into())).expect_err("unknown question");
    assert_clean("question id", &e);
}
