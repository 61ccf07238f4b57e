//! Native timings of the core (criterion): run by `cargo xtask bench`.

#[allow(dead_code)]
#[path = "../tests/fixtures/history/generated.rs"]
mod generated;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use giftcard_doctor_core::facts::Marketplace;
use giftcard_doctor_core::history::analyze;
use giftcard_doctor_core::{diagnose, Facts, Lang};

fn bench_diagnose(c: &mut Criterion) {
    let facts = Facts::default();
    c.bench_function("diagnose/empty", |b| b.iter(|| diagnose(&facts, Lang::Ja)));
}

/// `history/analyze/{100,1000,10000}`: a Japanese history copied tab-separated, the usual desktop paste. The budget
/// is 50 ms for 10,000 rows.
fn bench_history(c: &mut Criterion) {
    let mut group = c.benchmark_group("history/analyze");
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
