//! Linear time, shown: the whole analysis on inputs of growing size, per
//! kind (the news prose and each adversarial kind of `benches/common`).
//! Work per MB must stay flat as the size grows.
//!
//! - `cargo bench --bench linear` (part of `make bench`): median MB/s for
//!   256 KB, 1 MB, 4 MB and 16 MB of each kind, the slowest size against
//!   the fastest, and each kind against prose of the same size.
//! - `target/release/deps/linear-* --one KIND BYTES`: builds that input and
//!   analyzes it once inside `measured()`, for
//!   `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*'`,
//!   which counts the instructions of the analysis alone (KIND `article`:
//!   the 3 KB article, analyzed once before, uncounted); see
//!   `benches/callgrind.sh` (instructions per MB, deterministic, unlike
//!   time on a shared machine).
//! - `... --one KIND BYTES tokenize`: the same for the tokenizer alone
//!   (what the wasm `tokenize()` computes); it prints the token count.
//!   `STAGE=tokenize bash benches/callgrind.sh` gives its table.
//!
//! Under `cargo test` (no `--bench`) it runs 16 KB and 64 KB once.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
mod common;

use std::hint::black_box;
use std::time::Instant;

/// The analysis whose instructions callgrind counts.
#[inline(never)]
fn measured(text: &str) -> usize {
    quotelens::analyze(black_box(text)).quotes.len()
}

/// The tokenizer alone, as the wasm `tokenize()` runs it (tokens, UTF-16
/// offsets, the flat `u32` triples): stage `tokenize` of `--one`.
#[inline(never)]
fn measured_tokenize(text: &str) -> usize {
    quotelens::stages::token_triples(black_box(text)).len() / 3
}

#[cfg(not(target_arch = "wasm32"))]
fn input(kind: &str, bytes: usize) -> String {
    if kind == "article" {
        common::article()
    } else if kind == "news" {
        common::news(bytes)
    } else {
        common::adversarial(kind, bytes)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--one") {
        let kind = args.get(i + 1).map_or("news", |s| s.as_str());
        let bytes = args
            .get(i + 2)
            .and_then(|s| s.parse().ok())
            .unwrap_or(1 << 20);
        let text = input(kind, bytes);
        if args.get(i + 3).is_some_and(|s| s == "tokenize") {
            black_box(quotelens::tokenize(&text).count()); // warm, uncounted
            println!(
                "{kind} {} bytes: {} tokens",
                text.len(),
                measured_tokenize(&text)
            );
            return;
        }
        // The 3 KB article is counted warm: the word tables built on first
        // use belong to the page load, not to each analysis.
        if kind == "article" {
            black_box(quotelens::analyze(&text));
        }
        println!(
            "{kind} {} bytes: {} quotations",
            text.len(),
            measured(&text)
        );
        return;
    }
    let full = args.iter().any(|a| a == "--bench");
    let sizes: &[usize] = if full {
        &[256 << 10, 1 << 20, 4 << 20, 16 << 20]
    } else {
        &[16 << 10, 64 << 10]
    };
    let budget = if full { 1.5 } else { 0.0 };
    let kinds = std::iter::once("news").chain(common::ADVERSARIAL);
    println!("whole analysis, median MB/s by input size (work per MB flat = linear time)");
    print!("{:<18}", "kind");
    for s in sizes {
        print!("{:>10}", format!("{} KB", s >> 10));
    }
    println!("{:>12}{:>14}", "max/min", "vs prose");
    let mut prose: Vec<f64> = Vec::new();
    for kind in kinds {
        print!("{kind:<18}");
        let mut rates = Vec::new();
        for &size in sizes {
            let text = input(kind, size);
            let mut runs = Vec::new();
            let start = Instant::now();
            // Three runs at most sizes; one run of seconds is steady enough.
            let min_runs = if size > 1 << 20 { 1 } else { 3 };
            while runs.len() < min_runs || start.elapsed().as_secs_f64() < budget {
                let t = Instant::now();
                black_box(measured(&text));
                runs.push(t.elapsed().as_secs_f64());
                if !full {
                    break;
                }
            }
            runs.sort_by(f64::total_cmp);
            let median = runs.get(runs.len() / 2).copied().unwrap_or(f64::NAN);
            let rate = text.len() as f64 / 1e6 / median;
            print!("{rate:>10.1}");
            rates.push(rate);
        }
        let max = rates.iter().copied().fold(f64::MIN, f64::max);
        let min = rates.iter().copied().fold(f64::MAX, f64::min);
        if kind == "news" {
            prose = rates.clone();
        }
        // Time per MB against prose's at the same size, at the worst size.
        let vs = rates
            .iter()
            .zip(&prose)
            .map(|(r, p)| p / r)
            .fold(f64::MIN, f64::max);
        println!("{:>11.2}×{:>13.2}×", max / min, vs);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
