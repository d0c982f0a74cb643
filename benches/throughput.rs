//! Native throughput of each stage: `cargo bench --bench throughput`
//! (or `make bench`).
//!
//! A plain timing loop (no criterion: it keeps the build light on small
//! machines); it prints the best of many runs. The text is the news-style
//! prose below, written for this benchmark, repeated to about 1 MB; set
//! `QUOTELENS_BENCH_FILE` to time any other UTF-8 file instead (a text
//! repeated many times flatters any scanner: the branch predictor learns
//! it, so real, non-repeating news is the fairer figure).
//!

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Invented news copy in house style: curly quotes, apostrophes, dashes,
/// numbers, abbreviations, a URL and a handle — what the tokenizer sees.
const PROSE: &str = include_str!("texts/harbour.txt");

fn main() {
    let text = match std::env::var("QUOTELENS_BENCH_FILE") {
        Ok(path) => match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return;
            }
        },
        Err(_) => PROSE.repeat((1 << 20) / PROSE.len() + 1),
    };
    let mb = text.len() as f64 / 1e6;
    println!("text: {:.2} MB", mb);

    // `cargo bench --bench throughput -- word` runs only the benchmarks whose
    // name contains "word".
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    // QUOTELENS_BENCH_SECS: how long to repeat each benchmark (default 2).
    let secs = std::env::var("QUOTELENS_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    let bench = |name: &str, f: &dyn Fn(&str) -> usize| {
        if !filter.is_empty() && !filter.iter().any(|p| name.contains(p.as_str())) {
            return;
        }
        let _ = black_box(f(black_box(&text))); // warm-up
        let mut best = Duration::MAX;
        let mut n = 0;
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs_f64(secs) || n < 5 {
            let t = Instant::now();
            let count = f(black_box(&text));
            best = best.min(t.elapsed());
            black_box(count);
            n += 1;
        }
        println!(
            "{name:<28} {:>8.1} MB/s  ({} items, best of {n})",
            mb / best.as_secs_f64(),
            f(&text)
        );
    };
    bench("tokenize", &|t| quotelens::tokenize(t).count());
    bench("word_bounds (UAX #29)", &|t| {
        quotelens::word_bounds(t).count()
    });
    bench("sentences", &|t| {
        quotelens::sentences(t, quotelens::Lang::En).len()
    });
    bench("paragraphs", &|t| quotelens::paragraphs(t).len());
    bench("utf16 map", &|t| {
        let map = quotelens::Utf16Map::new(t);
        map.to_utf16(t.len())
    });
    bench("analyze (whole analysis)", &|t| {
        quotelens::analyze(t).quotes.len()
    });
    bench("analyze + report (JSON DTO)", &|t| {
        let a = quotelens::analyze(t);
        quotelens::Report::new(t, &a).quotes.len()
    });

    // Adversarial inputs of the same size: the work per MB must stay
    // within a small factor of prose (linear time).
    let size = text.len();
    let fill = |unit: &str| unit.repeat(size / unit.len() + 1);
    let adversarial = [
        ("unbalanced marks", fill("“ „ « ' \" ‘ word ")),
        ("1 MB token", "x".repeat(size)),
        ("deep nesting", fill("“a ‘b « c „d ")),
        ("names and cues", fill("Mr Ann Lee said “yes,” he said. ")),
        ("dialogue lines", fill("\n\n“Yes.”\n\n“No,” said Bo.")),
    ];
    for (name, adv) in &adversarial {
        if !filter.is_empty() && !filter.iter().any(|p| name.contains(p.as_str())) {
            continue;
        }
        let t = Instant::now();
        let n = quotelens::analyze(adv).quotes.len();
        let took = t.elapsed().as_secs_f64();
        println!(
            "analyze: {name:<19} {:>8.1} MB/s  ({n} quotations, one run)",
            adv.len() as f64 / 1e6 / took
        );
    }
}
