//! Single stages of the analysis, for the benchmarks only
//! (`benches/core.rs`): hidden from the docs, not part of the API, free to
//! change with the pipeline in [`crate::Analyzer::analyze`].
//!
//! Quote detection and attribution are internal steps of the analysis;
//! these two functions run exactly what `analyze` runs for them, so the
//! benchmark can time each stage apart.

use crate::attribution;
use crate::quote::{self, Quote};
use crate::{paragraph, Lang};

/// Quote detection alone: paragraphs, then quote marks paired into
/// quotations (kinds provisional, no attribution). Returns them.
pub fn quotations(hay: &str, lang: Lang) -> Vec<Quote> {
    let paragraphs = paragraph::paragraphs(hay);
    quote::find(hay, &paragraphs, lang, &crate::scan::stops(hay))
}

/// Attribution alone, on the output of [`quotations`]: the language guess
/// when `lang` is [`Lang::Auto`], speakers and cues, speech-vs-other and
/// the per-speaker tally, in place. Returns the number of speakers.
pub fn attribution(hay: &str, quotes: &mut [Quote], lang: Lang) -> usize {
    let (paragraphs, wrapped) = paragraph::paragraphs_wrapped(hay);
    let guessed = if lang == Lang::Auto {
        Lang::guess(hay)
    } else {
        lang
    };
    let speakers = attribution::attribute(hay, &paragraphs, wrapped, quotes, guessed);
    let mut words = quote::kind::classify(hay, quotes, guessed);
    attribution::tally(hay, quotes, speakers, &mut words).len()
}

/// What the wasm `tokenize()` computes before handing it to JavaScript:
/// every token as a `start, end, kind` triple of UTF-16 offsets and the
/// [`TokenKind`](crate::TokenKind) value. The binding calls this, so the
/// native benchmarks (`benches/linear.rs`, stage `tokenize`) count the
/// same work.
pub fn token_triples(hay: &str) -> Vec<u32> {
    crate::token::utf16_triples(hay)
}
