//! Analysis: structure invariants, UTF-16 report agreeing with the byte
//! spans, determinism. A first byte 0x01..=0x0D picks a language hint
//! (and is dropped), so every language's rules get fuzzed; any other
//! input is analyzed as is with `Lang::Auto`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotelens::{Analyzer, Lang, Options};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

const LANGS: [Lang; 13] = Lang::ALL;

fuzz_target!(|data: &[u8]| {
    let (lang, data) = match data.split_first() {
        Some((&b @ 1..=13, rest)) => (LANGS[usize::from(b - 1)], rest),
        _ => (Lang::Auto, data),
    };
    let hay = String::from_utf8_lossy(data);
    let mut options = Options::default();
    options.lang = lang;
    let analyzer = Analyzer::with_options(options);
    let a = analyzer.analyze(&hay);
    invariants::check_analysis(&hay, &a);
    invariants::check_report(&hay, &a);
    assert!(a == analyzer.analyze(&hay), "not deterministic");
});
