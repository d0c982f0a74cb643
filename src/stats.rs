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
    word_starts(text).count()
}

/// ASCII letters and digits, by byte: one load per byte instead of three
/// range checks (the word counter reads every byte of the text).
// Built at compile time: an index out of bounds would fail the build, it
// cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const ASCII_ALNUM: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The byte offsets where the words of `text` start (see [`count_words`]).
///
/// Runs over every byte of the text: ASCII, most of it, is classified as
/// bytes without decoding chars.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut in_word = false;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            let at = i;
            if let Some(&alnum) = ASCII_ALNUM.get(usize::from(b)) {
                i += 1;
                if alnum {
                    if !in_word {
                        in_word = true;
                        return Some(at);
                    }
                } else {
                    // An apostrophe or hyphen between letters keeps the
                    // word going.
                    in_word &= matches!(b, b'\'' | b'-');
                }
                continue;
            }
            // `i` is always at a char boundary: it moves by whole chars.
            let c = text.get(i..).and_then(|s| s.chars().next())?;
            i += c.len_utf8();
            if crate::text::is_alphanumeric(c) {
                if !in_word {
                    in_word = true;
                    return Some(at);
                }
            } else {
                in_word &= matches!(c, '’' | '‐');
            }
        }
        None
    })
}

pub(crate) fn compute(
    hay: &str,
    sentences: &[Span],
    paragraphs: &[Span],
    quotes: &[Quote],
) -> Stats {
    // Only top-level speech quotations: nested ones are inside them.
    let mut quoted: Vec<Span> = Vec::new();
    let mut covered_to = 0usize;
    for q in quotes {
        if q.kind == QuoteKind::Speech && q.content.start >= covered_to {
            quoted.push(q.content);
            covered_to = q.content.end;
        }
    }
    // Quoted words are the text's words that start inside a quotation,
    // counted in the same pass, so they never outnumber the words (one
    // word of the whole text can hold the edges of two quotations, as in
    // w'''''a, and counting each quotation on its own would count it twice).
    let (mut words, mut quoted_words, mut k) = (0usize, 0usize, 0usize);
    for at in word_starts(hay) {
        words += 1;
        while quoted.get(k).is_some_and(|c| c.end <= at) {
            k += 1;
        }
        if quoted.get(k).is_some_and(|c| c.start <= at) {
            quoted_words += 1;
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

#[cfg(test)]
mod tests {
    /// The rule of [`super::count_words`], one char at a time.
    fn reference(text: &str) -> Vec<usize> {
        let mut in_word = false;
        text.char_indices()
            .filter_map(|(i, c)| {
                let w = c.is_alphanumeric();
                let start = w && !in_word;
                in_word = w || (in_word && matches!(c, '\'' | '’' | '-' | '‐'));
                start.then_some(i)
            })
            .collect()
    }

    #[test]
    fn word_starts_follow_the_rule() {
        for t in [
            "",
            "don't stop—Jean-Luc’s café, 3.5 km",
            "'' -- ’’ ‐‐ a'-b ’x ‐y",
            "Straße über 東京 e\u{301}",
        ] {
            assert_eq!(
                super::word_starts(t).collect::<Vec<_>>(),
                reference(t),
                "{t}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn word_starts_on_arbitrary_text(t in "([a1'’\\-‐ .é]|\\PC){0,40}") {
            proptest::prop_assert_eq!(super::word_starts(&t).collect::<Vec<_>>(), reference(&t));
        }
    }
}
