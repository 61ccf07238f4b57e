//! Native timings of the core (criterion): run by `cargo xtask bench`.

#[allow(dead_code)]
#[path = "../tests/fixtures/history/generated.rs"]
mod generated;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use giftcard_doctor_core::content::Fact;
use giftcard_doctor_core::facts::Findings;
use giftcard_doctor_core::facts::{Card, CardKind, Loss, Marketplace, Tri};
use giftcard_doctor_core::history::analyze;
use giftcard_doctor_core::{diagnose, next_question, Facts, Lang};

/// Every fact answered, three cards and a history: the most work `diagnose` ever does.
fn full_facts() -> Facts {
    let date = |s: &str| s.parse().ok();
    let mut facts = Facts {
        marketplace: Some(Marketplace::Jp),
        today: date("2026-11-27"),
        loss: Some(Loss::Partial),
        history: Some(Findings {
            amazon_pay: 1500,
            orders: 4034,
            vanished: 12607,
            ..Findings::default()
        }),
        ..Facts::default()
    };
    for (issued, kind) in [
        ("2016-05-01", CardKind::Email),
        ("2019-02-28", CardKind::Card),
        ("2024-01-10", CardKind::Unknown),
    ] {
        facts.cards.push(Card {
            issued: date(issued),
            issued_precision: Default::default(),
            kind,
            amount: Some(5000),
            last4: Some("W9CT".into()),
            marketplace: None,
        });
    }
    for (i, fact) in Fact::ALL.iter().filter(|f| f.is_tri()).enumerate() {
        facts.set_tri(*fact, Some([Tri::Yes, Tri::No, Tri::Unsure][i % 3]));
    }
    facts
}

fn bench_diagnose(c: &mut Criterion) {
    let facts = full_facts();
    c.bench_function("diagnose_full_facts", |b| {
        b.iter(|| diagnose(std::hint::black_box(&facts), Lang::Ja))
    });
    // The wizard's heaviest step: simulating every answer of every open question.
    let empty = Facts {
        today: "2026-11-27".parse().ok(),
        ..Facts::default()
    };
    c.bench_function("next_question_empty", |b| {
        b.iter(|| next_question(std::hint::black_box(&empty)))
    });
}

/// `history_analyze/{100,1000,10000}`: a Japanese history copied tab-separated, the usual desktop paste. The budget
/// is 50 ms for 10,000 rows.
fn bench_history(c: &mut Criterion) {
    let mut group = c.benchmark_group("history_analyze");
    for rows in [100, 1_000, 10_000] {
        let (text, _) = generated::japanese(rows, generated::Layout::Tabs);
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_with_input(BenchmarkId::from_parameter(rows), &text, |b, text| {
            b.iter(|| analyze(std::hint::black_box(text), Marketplace::Jp))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_diagnose, bench_history);
criterion_main!(benches);
