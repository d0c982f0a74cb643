//! Counts, reading time and the quoted share of a text.

use crate::quote::{Quote, QuoteKind};
use crate::Span;

/// Figures for a whole text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    /// Words (tokens that are words, numbers, abbreviations…).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Minutes at 230 words a minute, rounded up; 0 for no words.
    pub reading_minutes: usize,
    /// Words inside speech quotations (nested ones counted once).
    pub quoted_words: usize,
    /// `quoted_words / words`, 0 when there are no words.
    pub quoted_share: f64,
}

/// Words per minute assumed for reading time (adult silent reading of
/// non-fiction, Brysbaert 2019: 238; rounded down for news).
pub const WORDS_PER_MINUTE: usize = 230;

/// Counts words in `text`: runs of letters or digits (with inner
/// apostrophes and hyphens) count once.
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = crate::text::is_alphanumeric(c);
        if w && !in_word {
            n += 1;
        }
        // An apostrophe or hyphen between letters keeps the word going.
        in_word = w || (in_word && matches!(c, '\'' | '’' | '-' | '‐'));
    }
    n
}

pub(crate) fn compute(
    hay: &str,
    sentences: &[Span],
    paragraphs: &[Span],
    quotes: &[Quote],
) -> Stats {
    let words = count_words(hay);
    // Only top-level speech quotations: nested ones are inside them.
    let mut quoted_words = 0;
    let mut covered_to = 0usize;
    for q in quotes {
        if q.kind == QuoteKind::Speech && q.content.start >= covered_to {
            quoted_words += count_words(q.content.text(hay));
            covered_to = q.content.end;
        }
    }
    Stats {
        words,
        sentences: sentences.len(),
        paragraphs: paragraphs.len(),
        reading_minutes: words.div_ceil(WORDS_PER_MINUTE),
        quoted_words,
        quoted_share: if words == 0 {
            0.0
        } else {
            quoted_words as f64 / words as f64
        },
    }
}
