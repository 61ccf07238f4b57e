//! Claim-code normaliser: width and case folding, lengths per marketplace, problems, and that nothing serializable
//! ever carries more than the last four characters.

use giftcard_doctor_core::code::{normalize, CodeCheck, CodeProblem, Confusable};
use giftcard_doctor_core::facts::Marketplace;
use giftcard_doctor_core::Lang;
use proptest::prelude::*;

/// A code with no confusable characters, so tests see only the problem they are about.
const CLEAN: &str = "ACDE-346797-FGHJ";

fn problems(input: &str, m: Marketplace) -> Vec<CodeProblem> {
    normalize(input, m).problems.clone()
}

#[test]
fn full_width_lower_case_and_separators_are_folded() {
    for typed in [
        "acde-346797-fghj",
        "ＡＣＤＥ－３４６７９７－ＦＧＨＪ",
        "ａｃｄｅ　３４６７９７　ｆｇｈｊ",
        "ACDEー346797ーFGHJ",
        "ACDE\u{2010}346797\u{2013}FGHJ",
        " ACDE 346797 FGHJ\n",
        "\u{FEFF}ACDE\u{200B}346797FGHJ",
    ] {
        let c = normalize(typed, Marketplace::Jp);
        assert_eq!(c.code(), "ACDE346797FGHJ", "{typed:?}");
        assert_eq!(c.last4.as_deref(), Some("FGHJ"));
        assert_eq!(c.masked, "xxxx-xxxxxx-FGHJ");
        assert!(c.problems.is_empty(), "{typed:?}: {:?}", c.problems);
    }
}

#[test]
fn lengths_per_marketplace() {
    let length = |found, min, max| vec![CodeProblem::Length { found, min, max }];
    assert_eq!(
        problems("ACDE-34679-FGHJ", Marketplace::Jp),
        length(13, 14, 15)
    );
    assert_eq!(problems("ACDE-346797-FGHJK", Marketplace::Jp), []);
    assert_eq!(
        problems("ACDE-346797-FGHJKM", Marketplace::Jp),
        length(16, 14, 15)
    );
    // US / UK / Europe: 14 as the history shows them, 15 accepted (see the module's table).
    assert_eq!(problems(CLEAN, Marketplace::Us), []);
    assert_eq!(problems("ACDE-346797-FGHJK", Marketplace::Uk), []);
    assert_eq!(
        problems("ACDE-346797-FGH", Marketplace::De),
        length(13, 14, 15)
    );
    // India: 16 characters with hyphens is 14 without; the 17-character Gift Card ID is not a code.
    assert_eq!(
        problems("ACDE-FGHJ-3467-9734", Marketplace::In),
        length(16, 14, 14)
    );
    assert_eq!(problems("ACDE-3467-9746-FG", Marketplace::In), []);
    assert_eq!(
        problems("ACDEF3467974679FGH", Marketplace::In),
        [CodeProblem::Length {
            found: 18,
            min: 14,
            max: 14
        }]
    );
    // Elsewhere only absurd lengths are flagged, and the check says it could not check.
    let other = normalize("ACDE-3467-FG", Marketplace::Other);
    assert!(other.problems.is_empty() && !other.length_checked);
    assert_eq!(
        problems("ACDE-346797-FGHJ-ACDE-34679", Marketplace::Other),
        length(23, 10, 20)
    );
    assert!(normalize(CLEAN, Marketplace::Jp).length_checked);
}

#[test]
fn characters_codes_do_not_use() {
    let c = normalize("ACDE-34@7é9-FG!J", Marketplace::Jp);
    // Listed once each, in order; only ASCII is upper-cased, so a typed `é` stays `é`.
    assert_eq!(
        c.problems,
        [
            CodeProblem::Alphabet {
                chars: vec!['@', 'é', '!']
            },
            // `!` looks like I, 1 or l: said once, at its position.
            CodeProblem::Confusable {
                groups: vec![Confusable::I1],
                positions: vec![13]
            }
        ]
    );
    assert!(!c.is_plausible());
    let many = normalize(
        &"!\"#$%&'()*+,./:;<=>?@[]^_`{|}~".repeat(3),
        Marketplace::Jp,
    );
    let Some(CodeProblem::Alphabet { chars }) = many
        .problems
        .iter()
        .find(|p| matches!(p, CodeProblem::Alphabet { .. }))
    else {
        panic!("{:?}", many.problems)
    };
    assert_eq!(chars.len(), giftcard_doctor_core::code::MAX_LISTED_CHARS);
}

#[test]
fn a_typed_lower_case_l_is_flagged_and_never_silently_made_an_upper_case_l() {
    let c = normalize("acde-l46797-fghj", Marketplace::Jp);
    assert_eq!(
        c.code(),
        "ACDEl46797FGHJ",
        "the l keeps its meaning: unknown"
    );
    assert_eq!(
        c.problems,
        [CodeProblem::Confusable {
            groups: vec![Confusable::I1],
            positions: vec![5]
        }]
    );
    assert!(
        c.is_plausible(),
        "an unclear character is a hint, not an error"
    );
    // An upper-case L was typed as an L.
    assert_eq!(problems("ACDE-L46797-FGHJ", Marketplace::Jp), []);
}

#[test]
fn letters_and_digits_that_merely_look_alike_are_not_flagged() {
    // About every real code has an O, 0, I, 1, Z, 2, S, 5, B or 8: a hint on each would be a hint on every code.
    assert_eq!(problems("O0I1-Z2S5B8-QACD", Marketplace::Jp), []);
    let all = normalize("O0I1-Z2S5B8-lACD", Marketplace::Jp);
    assert_eq!(
        all.problems,
        [CodeProblem::Confusable {
            groups: vec![Confusable::I1],
            positions: vec![11]
        }]
    );
}

#[test]
fn a_symbol_that_looks_like_a_code_character_says_which_it_may_be() {
    let c = normalize("ACDE-|46797-FG§J", Marketplace::Jp);
    assert_eq!(
        c.problems,
        [
            CodeProblem::Alphabet {
                chars: vec!['|', '§']
            },
            CodeProblem::Confusable {
                groups: vec![Confusable::I1, Confusable::S5],
                positions: vec![5, 13]
            }
        ]
    );
    assert!(!c.is_plausible());
}

#[test]
fn empty_short_and_last_four_only() {
    let empty = normalize(" - ", Marketplace::Jp);
    assert!(
        empty.is_empty()
            && empty.problems.is_empty()
            && empty.last4.is_none()
            && empty.masked.is_empty()
    );
    let last4 = normalize("w9ct", Marketplace::Jp);
    assert!(last4.is_last4_only());
    assert_eq!(
        (last4.last4.as_deref(), last4.masked.as_str()),
        (Some("W9CT"), "xxxx-xxxxxx-W9CT")
    );
    assert!(last4
        .problems
        .iter()
        .all(|p| !matches!(p, CodeProblem::Length { .. })));
    let short = normalize("AC", Marketplace::Jp);
    assert_eq!((short.last4.clone(), short.masked.as_str()), (None, "xx"));
}

#[test]
fn serialized_form_has_no_code() {
    let c = normalize("ACDE-346797-FGHJ", Marketplace::Jp);
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(
        json,
        serde_json::json!({ "last4": "FGHJ", "masked": "xxxx-xxxxxx-FGHJ", "problems": [], "lengthChecked": true })
    );
    let with_problems =
        serde_json::to_string(&normalize("O0Zl-346797-FGH", Marketplace::Jp)).unwrap();
    assert!(
        with_problems.contains(r#"{"problem":"length","found":13,"min":14,"max":15}"#),
        "{with_problems}"
    );
    assert!(
        with_problems.contains(r#"{"problem":"confusable","groups":["I/1/l"]}"#),
        "{with_problems}"
    );
    let debug = format!("{c:?}");
    assert!(
        !debug.contains("346797") && debug.contains("xxxx-xxxxxx-FGHJ"),
        "{debug}"
    );
}

#[test]
fn problems_are_localized_with_their_placeholders_filled() {
    let c = normalize("l0Z@-34679-FGHJ", Marketplace::Jp);
    assert_eq!(c.problems.len(), 3);
    for lang in [Lang::Ja, Lang::En] {
        let texts = c.localized_problems(lang);
        assert_eq!(texts.len(), 3);
        assert!(
            texts.iter().all(|t| !t.is_empty() && !t.contains('{')),
            "{texts:?}"
        );
    }
}

/// Checks what a serialized check may reveal of `code` (the normalized code): the last four, and nothing else of it.
fn assert_reveals_at_most_last4(check: &CodeCheck, code: &str) {
    let json = serde_json::to_value(check).unwrap();
    let object = json.as_object().unwrap();
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["last4", "lengthChecked", "masked", "problems"]);
    let chars: Vec<char> = code.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    match &json["last4"] {
        serde_json::Value::Null => assert!(chars.len() < 4),
        v => assert_eq!(v.as_str(), Some(tail.as_str())),
    }
    // The masked form shows at most four characters of the code: everything else is `x`, `-` or `…`.
    let masked = json["masked"].as_str().unwrap();
    assert!(
        masked
            .chars()
            .filter(|c| !matches!(c, 'x' | '-' | '…'))
            .count()
            <= 4,
        "{masked}"
    );
    for p in json["problems"].as_array().unwrap() {
        match p["problem"].as_str().unwrap() {
            "length" => assert_eq!(p.as_object().unwrap().len(), 4),
            // Wrong characters are by definition not the code's: none is a letter or a digit.
            "alphabet" => assert!(p["chars"].as_array().unwrap().iter().all(|c| {
                !c.as_str()
                    .unwrap()
                    .chars()
                    .any(|ch| ch.is_ascii_alphanumeric())
            })),
            // Only the groups, never where they are.
            "confusable" => {
                let mut keys: Vec<&String> = p.as_object().unwrap().keys().collect();
                keys.sort_unstable();
                assert_eq!(keys, ["groups", "problem"]);
            }
            other => panic!("unknown problem {other}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_input_normalizes_without_panicking(input in any::<String>(), m in prop::sample::select(Marketplace::ALL.to_vec())) {
        let c = normalize(&input, m);
        assert_reveals_at_most_last4(&c, c.code());
        prop_assert!(c.code().chars().all(|ch| !ch.is_whitespace() && ch != '-'));
        let _ = c.localized_problems(Lang::Ja);
    }

    #[test]
    fn odd_text_normalizes_without_panicking(input in r"(\PC|[\x00-\x1F\x{202E}\x{200F}\x{301}\x{3000}\x{FF01}-\x{FF5E}\x{1F600}]){0,200}") {
        let c = normalize(&input, Marketplace::Jp);
        assert_reveals_at_most_last4(&c, c.code());
    }

    /// However a real code is typed, its serialized check shows no run of five of its characters: at most the last
    /// four are visible.
    #[test]
    fn no_more_than_four_characters_of_a_code_are_serialized(
        code in "[A-Z0-9]{10,20}",
        lower in any::<bool>(),
        wide in any::<bool>(),
        sep in prop::sample::select(vec!["", "-", " ", "－", "\u{3000}"]),
        m in prop::sample::select(Marketplace::ALL.to_vec()),
    ) {
        let mut typed = String::new();
        for (i, ch) in code.chars().enumerate() {
            if i == 4 || i == 10 {
                typed.push_str(sep);
            }
            let ch = if lower { ch.to_ascii_lowercase() } else { ch };
            typed.push(if wide { char::from_u32(ch as u32 + 0xFEE0).unwrap() } else { ch });
        }
        let c = normalize(&typed, m);
        // A typed lower-case l keeps its case (its meaning is for the card to tell); everything else is upper case.
        let expected = if lower { code.replace('L', "l") } else { code.clone() };
        prop_assert_eq!(c.code(), expected.as_str());
        assert_reveals_at_most_last4(&c, &expected);
        let json = serde_json::to_string(&c).unwrap();
        let chars: Vec<char> = expected.chars().collect();
        for window in chars.windows(5) {
            let w: String = window.iter().collect();
            prop_assert!(!json.contains(&w), "{} shows {}", json, w);
        }
    }
}
