//! Native timings of the core (criterion): run by `cargo xtask bench`.

use criterion::{criterion_group, criterion_main, Criterion};
use giftcard_doctor_core::{diagnose, Facts, Lang};

fn bench_diagnose(c: &mut Criterion) {
    let facts = Facts::default();
    c.bench_function("diagnose/empty", |b| b.iter(|| diagnose(&facts, Lang::Ja)));
}

criterion_group!(benches, bench_diagnose);
criterion_main!(benches);
