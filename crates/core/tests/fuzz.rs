//! Fuzzing at scale: the history parser, the claim-code normaliser, the two date readers and the fact lowering, each
//! on generated input that must never make them panic (a panic in the widget freezes it; the core promises "no panic
//! on any input").
//!
//! Plain `cargo test` runs a few hundred cases per target, so it stays fast; `cargo xtask fuzz` builds this file
//! optimised and sets `GCD_FUZZ_CASES` to a million or more. Only public entry points are used
//! (`history::analyze`, `code::normalize`, `facts::parse_date`, `facts::parse_loose_date`, `RawFacts::lower`), so
//! the harness survives refactors inside those modules.

use giftcard_doctor_core::code::normalize;
use giftcard_doctor_core::facts::{parse_date, parse_loose_date};
use giftcard_doctor_core::history::analyze;
use giftcard_doctor_core::{Marketplace, RawFacts};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::time::Instant;

/// Cases per target: `GCD_FUZZ_CASES`, or a small default that keeps plain `cargo test` quick.
fn cases() -> u32 {
    std::env::var("GCD_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(256)
}

/// Runs `check` on `cases()` generated values and prints how many ran and how long it took, for the xtask's report.
/// A panic inside `check` is caught by proptest, shrunk to a small input, and fails the test with that input.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug,
{
    let cases = cases();
    let mut runner = TestRunner::new(Config {
        cases,
        // A failure is reported with its shrunk input in the test output; no regression file is written beside
        // the sources by a long run.
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..Config::default()
    });
    let ran = std::sync::atomic::AtomicU64::new(0);
    let started = Instant::now();
    let result = runner.run(&strategy, |value| {
        ran.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        check(value);
        Ok(())
    });
    let seconds = started.elapsed().as_secs_f64();
    if let Err(e) = result {
        panic!("fuzz {name}: {e}");
    }
    // Proptest counts only passing cases towards `cases`; `ran` also counts shrinking (none when nothing fails).
    let ran = ran.into_inner();
    assert!(
        ran >= u64::from(cases),
        "fuzz {name}: only {ran} of {cases} cases ran"
    );
    println!("fuzz {name}: {ran} inputs, no panic, {seconds:.1} s");
}

fn marketplace() -> impl Strategy<Value = Marketplace> {
    proptest::sample::select(Marketplace::ALL.to_vec())
}

// ---- building blocks for text that looks like what people paste ----

/// Dates in every shape the history and the wizard meet, valid or not.
fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..3000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y}年{m}月{d}日")),
        (0u32..10000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (0u32..3000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y}/{m}/{d}")),
        (0u32..3000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{d}/{m}/{y}")),
        (
            proptest::sample::select(vec![
                "January", "Feb", "March", "Sept", "December", "Dez", "janv.", "mai"
            ]),
            0u32..40,
            0u32..3000
        )
            .prop_map(|(m, d, y)| format!("{m} {d}, {y}")),
        (
            0u32..40,
            proptest::sample::select(vec!["Jan", "Mar", "Oct", "Nov"]),
            0u32..3000
        )
            .prop_map(|(d, m, y)| format!("{d} {m} {y}")),
        "[0-9０-９]{1,6}[-/.年月日 ]{0,2}[0-9０-９]{0,3}[-/.年月日 ]{0,2}[0-9０-９]{0,3}",
        "\\PC{0,16}",
    ]
}

/// Amounts with and without currency signs, signs, separators, and values far beyond any balance (overflow).
fn amount_text() -> impl Strategy<Value = String> {
    let sign = proptest::sample::select(vec!["", "-", "+", "−", "－", "(", "▲"]);
    let currency = proptest::sample::select(vec![
        "", "￥", "¥", "JP¥", "$", "US$", "£", "€", "₹", "Rs.", "MX$", " €", "円",
    ]);
    let number = prop_oneof![
        (0u64..100_000_000).prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        "[0-9]{1,3}(,[0-9]{3}){0,8}(\\.[0-9]{0,3})?",
        "[0-9]{1,3}(\\.[0-9]{3}){0,6}(,[0-9]{0,3})?",
        "[0-9]{1,40}",
        "[0-9０-９,，.．]{1,12}",
    ];
    (sign, currency.clone(), number, currency).prop_map(|(s, c, n, after)| {
        if after.is_empty() || !c.is_empty() {
            format!("{s}{c}{n}")
        } else {
            format!("{s}{n}{after}")
        }
    })
}

/// Descriptions from the real histories (both languages), and noise.
fn description() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "Amazon.co.jpの注文に適用されたギフトカード 503-2222222-3333333",
            "オートチャージ",
            "Amazon Pay (シリアル番号 AP1234567)からのギフトカード",
            "Amazon.co.jp注文へ適応されたギフトカードの解除 250-1234567-1234567",
            "Amazon Payの注文に適用されたギフトカード P03-7654321-7654321",
            "ギフトカードが追加されました",
            "ギフトカード番号: xxxx-xxxxxx-W9CT; シリアル番号: 1234567890123",
            "Gift Card applied to Amazon.co.uk order 205-1234567-1234567",
            "Gift Card added",
            "Claim code: xxxx-xxxxxx-AB12",
            "Refund to gift card balance",
            "Gift card balance removed",
            "Reload",
            "Amazon Pay purchase",
            "日付\t利用内容\t金額\t残高",
            "Date\tDescription\tAmount\tBalance",
            "ギフトカード残高: ￥639",
            "← 前へ  1  次へ →",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,40}",
        "[a-zA-Z0-9 :;#()-]{0,30}",
    ]
}

/// A separator between cells: tabs and spaces as copied from a table, or one cell per line.
fn separator() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec!["\t", " ", "  ", "\n", "\r\n", "\t\t", " \t", "　", ""])
}

/// One pasted line (or a few, when the separator is a line break).
fn history_line() -> impl Strategy<Value = String> {
    (
        date_text(),
        description(),
        amount_text(),
        prop::option::of(amount_text()),
        separator(),
    )
        .prop_map(|(d, desc, amount, balance, sep)| {
            let mut line = format!("{d}{sep}{desc}{sep}{amount}");
            if let Some(b) = balance {
                line.push_str(sep);
                line.push_str(&b);
            }
            line
        })
}

/// The real sample histories, to be cut and mutated.
const SAMPLES: &[&str] = &[
    include_str!("fixtures/history/ja-tabs.txt"),
    include_str!("fixtures/history/ja-spaces.txt"),
    include_str!("fixtures/history/ja-cells.txt"),
    include_str!("fixtures/history/ja-two-pages.txt"),
    include_str!("fixtures/history/en-uk-cells.txt"),
    include_str!("fixtures/history/en-uk-spaces.txt"),
    include_str!("fixtures/history/en-us-spaces.txt"),
    include_str!("fixtures/history/en-us-tabs.txt"),
    include_str!("fixtures/history/garbage.txt"),
];

/// A real sample with up to 8 random edits (insert, delete, replace a character; duplicate or drop a line).
fn mutated_sample() -> impl Strategy<Value = String> {
    let edit = (0u8..5, any::<prop::sample::Index>(), any::<char>());
    (0..SAMPLES.len(), prop::collection::vec(edit, 0..8)).prop_map(|(i, edits)| {
        let mut chars: Vec<char> = SAMPLES[i].chars().collect();
        for (op, at, c) in edits {
            let pos = if chars.is_empty() {
                0
            } else {
                at.index(chars.len())
            };
            match op {
                0 => chars.insert(pos, c),
                1 if !chars.is_empty() => {
                    chars.remove(pos);
                }
                2 if !chars.is_empty() => chars[pos] = c,
                3 => {
                    // Duplicate the line around `pos`.
                    let text: String = chars.iter().collect();
                    let lines: Vec<&str> = text.split('\n').collect();
                    let n = at.index(lines.len().max(1));
                    let mut out = lines.clone();
                    out.insert(n, lines.get(n).copied().unwrap_or(""));
                    chars = out.join("\n").chars().collect();
                }
                _ => {
                    // Drop the line around `pos`.
                    let text: String = chars.iter().collect();
                    let mut lines: Vec<&str> = text.split('\n').collect();
                    if !lines.is_empty() {
                        let n = at.index(lines.len());
                        lines.remove(n);
                    }
                    chars = lines.join("\n").chars().collect();
                }
            }
        }
        chars.into_iter().collect()
    })
}

/// Any paste: structured lines, mutated samples, or arbitrary text.
fn paste() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(history_line(), 0..12).prop_map(|l| l.join("\n")),
        3 => mutated_sample(),
        2 => any::<String>(),
        1 => "[\\t\\n ￥¥£$€0-9,.\\-年月日/]{0,200}",
    ]
}

#[test]
fn history_parser_never_panics() {
    fuzz("history::analyze", (paste(), marketplace()), |(text, m)| {
        // Err is a valid answer (too large); the property is that it returns at all.
        if let Ok(report) = analyze(&text, m) {
            let _ = report.findings();
        }
    });
}

// ---- claim codes ----

fn code_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Well-formed, full-width, lower-case, spaced, dashed in every way people type them.
        "[A-Za-z0-9]{4}[-ー－ 　‐–]?[A-Za-z0-9]{6}[-ー－ 　‐–]?[A-Za-z0-9]{4,5}",
        "[Ａ-Ｚａ-ｚ０-９]{4,20}",
        "[A-Z0-9\\-\\s\u{200B}\u{FEFF}]{0,40}",
        "\\PC{0,40}",
        any::<String>(),
    ]
}

#[test]
fn code_normaliser_never_panics() {
    fuzz(
        "code::normalize",
        (code_text(), marketplace()),
        |(text, m)| {
            let check = normalize(&text, m);
            // The masked form and the last four must be computable from whatever came in.
            let _ = (check.code(), &check.masked, &check.last4);
            let _ = format!("{check:?}");
        },
    );
}

// ---- dates ----

#[test]
fn date_readers_never_panic() {
    fuzz(
        "facts::parse_date + facts::parse_loose_date",
        prop_oneof![date_text(), any::<String>(), "[0-9-]{10}"],
        |text| {
            let _ = parse_date("date", &text);
            let _ = parse_loose_date(&text);
        },
    );
}

// ---- facts as hosts pass them ----

/// Field names hosts use (camelCase), misspellings, and noise.
fn fact_name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(vec![
            "marketplace", "today", "loss", "cards", "skipped", "history",
            "multipleAccounts", "unfamiliarActivity", "phoneLostOrPhished", "pendingOrders",
            "subscribeAndSave", "amazonPayUse", "kindleOrOneClick", "invalidationEmail",
            "boughtFromResale", "outageReports", "alreadyRegisteredMessage", "accountSuspendedNotice",
            "promotionalCredit", "codeShared", "recentTopUp", "paidMemberships", "lastSeenIntact",
            "cardIssued", "cardKind",
        ])
        .prop_map(str::to_owned),
        1 => "[a-zA-Z_]{1,20}",
    ]
}

fn card_name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(vec!["issued", "kind", "amount", "last4", "marketplace"]).prop_map(str::to_owned),
        1 => "[a-zA-Z0-9]{1,10}",
    ]
}

/// A leaf value: the strings the facts use, dates, codes, numbers of any size, booleans.
fn leaf() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as J;
    prop_oneof![
        proptest::sample::select(vec![
            "yes",
            "no",
            "unsure",
            "jp",
            "us",
            "uk",
            "de",
            "fr",
            "it",
            "in",
            "mx",
            "other",
            "all",
            "partial",
            "physical",
            "email",
            "reload",
            "unknown",
            "2016-05-01",
            "2026-11",
            "2026-13",
            "2027-02-29",
            "0000-00-00",
            "",
        ])
        .prop_map(|s| J::String(s.to_owned())),
        date_text().prop_map(J::String),
        code_text().prop_map(J::String),
        amount_text().prop_map(J::String),
        any::<i64>().prop_map(J::from),
        any::<u64>().prop_map(J::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(J::Number)
            .unwrap_or(J::Null)),
        any::<bool>().prop_map(J::Bool),
        Just(J::Null),
    ]
}

fn card() -> impl Strategy<Value = serde_json::Value> {
    prop::collection::btree_map(card_name(), leaf(), 0..6)
        .prop_map(|m| serde_json::Value::Object(m.into_iter().collect()))
}

/// A generated facts object: known and unknown fields, with values of the right and the wrong type.
fn facts_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as J;
    let value = prop_oneof![
        6 => leaf(),
        1 => prop::collection::vec(card(), 0..4).prop_map(J::Array),
        1 => prop::collection::vec(leaf(), 0..4).prop_map(J::Array),
        1 => card(),
    ];
    prop::collection::btree_map(fact_name(), value, 0..12)
        .prop_map(|m| J::Object(m.into_iter().collect()))
}

#[test]
fn fact_lowering_never_panics() {
    fuzz("RawFacts (JSON and TOML) + lower()", facts_json(), |json| {
        // From JSON text, as the JS API receives it.
        let text = json.to_string();
        if let Ok(raw) = serde_json::from_str::<RawFacts>(&text) {
            let _ = raw.lower();
        }
        // From TOML, as the golden cases are written (values TOML cannot hold, like null, are skipped by toml).
        if let Ok(toml_text) = toml::to_string(&json) {
            if let Ok(raw) = toml::from_str::<RawFacts>(&toml_text) {
                let _ = raw.lower();
            }
        }
        // Round trip: whatever lowered must lower again from its own raw form.
        if let Ok(raw) = serde_json::from_str::<RawFacts>(&text) {
            if let Ok(facts) = raw.lower() {
                let again = facts.to_raw().lower();
                assert!(again.is_ok(), "{text}: lowered once, not again: {again:?}");
                // And whatever lowered is diagnosed, asked on and shared without a panic (an error is fine).
                let _ = giftcard_doctor_core::diagnose(&facts, giftcard_doctor_core::Lang::En);
                let _ = giftcard_doctor_core::next_question(&facts);
                let _ = giftcard_doctor_core::share::from_fragment(
                    &giftcard_doctor_core::share::to_fragment(&facts),
                );
            }
        }
    });
}
