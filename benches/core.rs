//! Criterion benchmarks of the native core, per stage: `make bench`, or
//! `cargo bench --bench core [-- FILTER]`.
//!
//! Stages: tokenize, sentences, quotations (quote detection alone),
//! attribution (speakers, cues, speech-vs-other, tally, on quotations
//! found beforehand), the whole analysis, the UTF-16 mapping, the Report
//! (analysis plus the Analysis JSON's owned strings and UTF-16 offsets),
//! and the whole analysis on adversarial inputs of the same size as the
//! prose. The texts are those of `benches/common` (about 1 MB of invented
//! news; the 3 KB article for per-article latency).
//!
//! `cargo test --all-targets` runs this file too (criterion's test mode:
//! each routine once); it then uses 64 KB inputs so that stays quick.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::common;
    use criterion::{BatchSize, Criterion, SamplingMode, Throughput};
    use quotelens::{stages, Lang};
    use std::hint::black_box;
    use std::time::Duration;

    /// Full size under `cargo bench` (which passes `--bench`), small in
    /// criterion's test mode under `cargo test`.
    fn size() -> usize {
        if std::env::args().any(|a| a == "--bench") {
            1 << 20
        } else {
            64 << 10
        }
    }

    pub fn stages(c: &mut Criterion) {
        let text = common::news(size());
        let mut g = c.benchmark_group("news-1MB");
        // Flat: ten samples of one call each for the slow routines (linear
        // sampling would make 55 calls).
        g.sampling_mode(SamplingMode::Flat);
        g.throughput(Throughput::BytesDecimal(text.len() as u64));
        g.bench_function("tokenize", |b| {
            b.iter(|| quotelens::tokenize(black_box(&text)).count())
        });
        g.bench_function("sentences", |b| {
            b.iter(|| quotelens::sentences(black_box(&text), Lang::Auto).len())
        });
        g.bench_function("quotations", |b| {
            b.iter(|| stages::quotations(black_box(&text), Lang::Auto).len())
        });
        let found = stages::quotations(&text, Lang::Auto);
        g.bench_function("attribution", |b| {
            b.iter_batched_ref(
                || found.clone(),
                |q| stages::attribution(black_box(&text), q, Lang::Auto),
                BatchSize::LargeInput,
            )
        });
        g.bench_function("analyze", |b| {
            b.iter(|| quotelens::analyze(black_box(&text)).quotes.len())
        });
        let analysis = quotelens::analyze(&text);
        g.bench_function("report (from an analysis)", |b| {
            b.iter(|| {
                quotelens::Report::new(black_box(&text), &analysis)
                    .quotes
                    .len()
            })
        });
        g.bench_function("utf16 map", |b| {
            b.iter(|| {
                let map = quotelens::Utf16Map::new(black_box(&text));
                map.to_utf16(text.len())
            })
        });
        g.finish();

        let article = common::article();
        let mut g = c.benchmark_group("article-3KB");
        g.throughput(Throughput::BytesDecimal(article.len() as u64));
        g.bench_function("analyze", |b| {
            b.iter(|| quotelens::analyze(black_box(&article)).quotes.len())
        });
        g.bench_function("analyze + report", |b| {
            b.iter(|| {
                let a = quotelens::analyze(black_box(&article));
                quotelens::Report::new(&article, &a).quotes.len()
            })
        });
        g.finish();
    }

    /// The whole analysis on adversarial inputs the size of the prose:
    /// MB/s here against `news-1MB/analyze` is the "within 3× of prose"
    /// figure. `benches/linear.rs` grows them to show linear time.
    pub fn adversarial(c: &mut Criterion) {
        let mut g = c.benchmark_group("adversarial-1MB");
        g.sampling_mode(SamplingMode::Flat);
        for kind in common::ADVERSARIAL {
            let text = common::adversarial(kind, size());
            g.throughput(Throughput::BytesDecimal(text.len() as u64));
            g.bench_function(kind, |b| {
                b.iter(|| quotelens::analyze(black_box(&text)).quotes.len())
            });
        }
        g.finish();
    }

    /// Short runs: `make bench` must finish in minutes on a small machine.
    pub fn config() -> Criterion {
        Criterion::default()
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3))
            .configure_from_args()
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group! {
    name = benches;
    config = native::config();
    targets = native::stages, native::adversarial
}
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
