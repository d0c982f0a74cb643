/*!
quotelens finds every quotation in a news article, tells speech from scare
quotes, and names who said each one.

# Overview

- [`analyze`] / [`Analyzer`]: the whole analysis of a text as an
  [`Analysis`]: [`Quote`]s with their [`Attribution`], sentences,
  paragraphs, [`Speaker`]s and [`Stats`], as byte [`Span`]s.
- [`Report`]: the same as the Analysis JSON of the contract, with UTF-16
  offsets (what the CLI prints and the wasm package returns).
- [`tokenize`]: tokens with a [`TokenKind`] each; [`word_bounds`]: the raw
  Unicode word boundaries.
- [`sentences`], [`paragraphs`]: the splitters on their own.
- [`Utf16Map`], [`Utf16Cursor`]: byte offsets to UTF-16 code units in one
  pass.
- [`render_html`]: the text as escaped HTML with a `<mark>` per quotation.

# Example: who said what

```
use quotelens::{analyze, QuoteKind};

let hay = "Defence Minister Ann Lee visited the base. \
           “We will not back down,” Ms Lee said. The “deal” was off.";
let analysis = analyze(hay);
let speech: Vec<_> = analysis
    .quotes
    .iter()
    .filter(|q| q.kind == QuoteKind::Speech)
    .collect();
assert_eq!(speech.len(), 1);
assert_eq!(speech[0].content.text(hay), "We will not back down,");
let who = speech[0].attribution.and_then(|a| a.speaker).unwrap();
assert_eq!(analysis.speakers[who].name, "Ann Lee"); // the fullest name
let mention = speech[0].attribution.and_then(|a| a.mention).unwrap();
assert_eq!(mention.text(hay), "Ms Lee"); // the words at the quotation
// “deal” is a scare quote: found, but not speech.
assert_eq!(analysis.quotes[1].kind, QuoteKind::Other);
```

# Example: the Analysis JSON

```
let hay = "😀 “Yes,” she said.";
let report = quotelens::Report::new(hay, &quotelens::analyze(hay));
// UTF-16 offsets: the emoji counts two, so the quotation starts at 3.
assert_eq!(report.quotes[0].start, 3);
assert_eq!(report.quotes[0].text, "Yes,");
```

# Offsets

The Rust API speaks byte offsets into the `&str` it was given; every span is
on `char` boundaries. Everything that leaves through JSON or wasm speaks
UTF-16 code units (see [`Utf16Map`] and [`Report`]).

# Untrusted input

Every function here is total: any `&str` gives a result, in time linear in
its length, and nothing panics. The crate forbids `unsafe` and denies
`unwrap`, `expect` and panicking indexing outside tests.

# Crate features

- `cli` (default): the `quotelens` command-line tool (adds `serde_json`).
- `serde`: `Serialize` on [`Report`] and its parts.
- `wasm`: the WebAssembly bindings used by the npm package (module
  `wasm`, built for `wasm32-unknown-unknown`).
- `dom`: `wasm` plus the DOM highlighter `highlightElement()` (module
  `wasm::dom`, web-sys) of the `<quote-lens>` widget, which loads it as
  a module of its own.
*/
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]
// std's case mappings are disallowed by clippy.toml (their tables would
// enter the WebAssembly module); tests compare crate::case with them.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

mod analysis;
mod attribution;
mod case;
mod grapheme;
mod html;
mod lang;
mod paragraph;
mod quote;
mod report;
mod scan;
mod sentence;
mod span;
#[doc(hidden)]
pub mod stages;
mod stats;
mod text;
mod token;
mod utf16;
mod wordlist;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use analysis::{analyze, Analysis, Analyzer, Options};
pub use attribution::{Attribution, Rule, Speaker};
pub use html::{escape_into, render_html};
pub use lang::Lang;
pub use paragraph::paragraphs;
pub use quote::{Quote, QuoteKind};
pub use report::{Marks, QuoteReport, Report, SpeakerRef, SpeakerReport, StatsReport, TextSpan};
pub use sentence::sentences;
pub use span::Span;
pub use stats::{count_words, Stats};
pub use token::{tokenize, word_bounds, Token, TokenKind, Tokens};
pub use utf16::{convert_sorted, Utf16Cursor, Utf16Map};

/// The largest input, in UTF-8 bytes, that the bindings, the CLI and the
/// page accept: 20 MiB.
///
/// The core itself has no limit (it is linear on any input); this is the
/// documented promise of the tools built on it, which answer a longer input
/// with a clear error instead of running a browser tab out of memory.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;
