//! Tokenizer throughput: `cargo bench --bench tokenize`.
//!
//! A plain timing loop (no criterion: it keeps the build light on small
//! machines); it prints the best of many runs. The text is the news-style
//! prose below, written for this benchmark, repeated to about 1 MB; set
//! `QUOTELENS_BENCH_FILE` to time any other UTF-8 file instead (a text
//! repeated many times flatters any scanner: the branch predictor learns
//! it, so real, non-repeating news is the fairer figure).
//!
//! The release profile sets `panic = "abort"`, which benchmarks cannot
//! use; Cargo then builds the library twice under one file name and the
//! build fails at random. Run it as
//! `CARGO_PROFILE_RELEASE_PANIC=unwind cargo bench --bench tokenize`.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Invented news copy in house style: curly quotes, apostrophes, dashes,
/// numbers, abbreviations, a URL and a handle — what the tokenizer sees.
const PROSE: &str = "\
The harbour authority in Port Selwyn said on Tuesday it would spend £42.5m \
rebuilding the north quay, two years after a storm tore away a third of its \
timber decking. “We can’t keep patching a structure that was designed in the \
1950s,” said Dr. Maren Holt, the authority’s chief engineer. “The sea has \
changed, the ships have changed, and frankly our budget has changed too.”

The plan, which was first reported by the Selwyn Courier, replaces the old \
piles with 340 steel columns driven 18 metres into the seabed. Work is due to \
start in the spring and to finish by late 2027, although Ms Holt admitted \
that the schedule was “ambitious — some would say optimistic”.

Local fishermen have long complained that the quay is unsafe. Tomas Reyes, \
who has landed mackerel and crab there since the ’90s, said the council had \
ignored warnings for a decade. “They sent a surveyor in 2019, he wrote a \
report, and nobody read it,” he said. “I’ve lost two boats’ worth of gear to \
that hole by the ice plant.”

The U.S.-based engineering firm Calder & Rowe, which won the contract after a \
six-month tender, said the new design would cut maintenance costs by about \
35% a year. Its regional director, J. P. Okafor, told reporters the company \
had built similar structures in Norway and Chile. “It isn’t rocket science,” \
he said, “but it isn’t cheap, either.”

Critics on the opposition benches called the scheme ill-conceived. Cllr Ruth \
Ambler said the money would be better spent on the town’s flood defences, \
which were rated “poor” in an inspection last year. “We are pouring $55m \
equivalent into a quay used by 30 boats, while 1,200 homes sit behind a sea \
wall that is older than my grandmother,” she said. The council disputes her \
figures; a spokesman said the flood programme had its own budget of £18m.

Residents can read the full plan at www.portselwyn-harbour.example.org/plans \
or send comments to consult@portselwyn.example.org before 14 March. The \
authority will also hold two public meetings, on the 3rd and the 21st of next \
month, at 7.30pm in the Mariners’ Hall. Updates are posted by @SelwynHarbour \
under the tag #NorthQuay.

Not everyone is unhappy. Eleni Papas, 64, who runs a café on the front, said \
the works would bring builders, and builders drink coffee. “Honestly? I’ll \
take it,” she laughed. “After the year we’ve had, a bit of noise is the least \
of my worries.”
";

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

    // `cargo bench --bench tokenize -- word` runs only the benchmarks whose
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
            "{name:<28} {:>8.1} MB/s  ({} tokens, best of {n})",
            mb / best.as_secs_f64(),
            f(&text)
        );
    };
    bench("tokenize", &|t| quotelens::tokenize(t).count());
    bench("word_bounds (UAX #29)", &|t| {
        quotelens::word_bounds(t).count()
    });
}
