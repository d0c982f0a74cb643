//! Speech versus other: is a quotation someone's words, or a scare quote,
//! a title, a nickname, a word used as a word?

use super::{Quote, QuoteKind};

/// Words right before a quotation that make it a name, not speech:
/// the so-called “Squad”, a film titled “Heat”, nicknamed “the Hammer”.
const NAMING_WORDS: &[&str] = &[
    "called",
    "dubbed",
    "entitled",
    "labeled",
    "labelled",
    "named",
    "nicknamed",
    "phrase",
    "slogan",
    "so-called",
    "term",
    "termed",
    "titled",
    "word",
    "words",
];

/// Decides each quotation's kind. Called after attribution, since a
/// speaker or cue makes a quotation speech whatever its length.
pub(crate) fn classify(hay: &str, quotes: &mut [Quote]) {
    for q in quotes.iter_mut() {
        q.kind = decide(hay, q);
    }
}

fn decide(hay: &str, q: &Quote) -> QuoteKind {
    if q.kind == QuoteKind::Other {
        // Decided by its marks (title marks).
        return QuoteKind::Other;
    }
    // A quotation inside a quotation is the speaker quoting someone:
    // part of the outer speech, not a speech of the article's own.
    if q.depth > 0 {
        return QuoteKind::Other;
    }
    let before = hay.get(..q.span.start).unwrap_or("");
    let prev_word = last_word(before);
    if NAMING_WORDS.binary_search(&prev_word.as_str()).is_ok() {
        return QuoteKind::Other;
    }
    // Attributed: someone said it (“strongly condemns” with “Britain said
    // it” before it is speech however short).
    if q.attribution.is_some() {
        return QuoteKind::Speech;
    }
    let content = q.content.text(hay);
    let words = crate::count_words(content);
    // Long or sentence-like content is speech: a scare quote or a title is
    // a few words without sentence punctuation.
    if words >= 6 || content.trim_end().ends_with(['.', '!', '?', ',']) {
        return QuoteKind::Speech;
    }
    QuoteKind::Other
}

/// The last word before `at`, lower-cased ("" if none).
fn last_word(before: &str) -> String {
    let t = before.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    t.get(start..).unwrap_or("").to_lowercase()
}

#[cfg(test)]
mod tests {
    #[test]
    fn naming_words_sorted() {
        let mut v = super::NAMING_WORDS.to_vec();
        v.sort_unstable();
        assert_eq!(v, super::NAMING_WORDS);
    }
}
