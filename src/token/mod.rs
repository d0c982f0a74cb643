//! The tokenizer: UAX #29 word boundaries plus the rules news text needs.

use crate::Span;

mod chars;
mod lists;
mod scan;

/// What a token is. The numeric values are part of the wasm API
/// (`tokenize()` returns `[start, end, kind]` triples), so never renumber.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[non_exhaustive]
pub enum TokenKind {
    /// A word, including inner apostrophes and hyphens (don’t, ill-conceived).
    Word = 0,
    /// A number, ordinal, percentage or currency amount (1,000.50, 3rd, 50%, $4.5bn).
    Number = 1,
    /// Punctuation other than quotation marks.
    Punctuation = 2,
    /// A quotation mark (“ ” " ' ‘ ’ « » „ 「 …) standing on its own.
    QuoteMark = 3,
    /// A URL.
    Url = 4,
    /// An e-mail address.
    Email = 5,
    /// An @handle.
    Mention = 6,
    /// A #hashtag.
    Hashtag = 7,
    /// An emoji, including ZWJ sequences, flags and skin tones.
    Emoji = 8,
    /// An abbreviation or initials (Mr, Dr., U.S., J.R.R.).
    Abbreviation = 9,
    /// A symbol (©, +, =, …) that is not punctuation.
    Symbol = 10,
    /// One CJK ideograph, or a run of kana/hangul.
    Ideograph = 11,
    /// A line break (paragraph structure is useful to callers).
    LineBreak = 12,
}

impl TokenKind {
    /// A lower-case name for display and JSON (`"word"`, `"quoteMark"`…).
    pub const fn name(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punctuation",
            TokenKind::QuoteMark => "quoteMark",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Mention => "mention",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Emoji => "emoji",
            TokenKind::Abbreviation => "abbreviation",
            TokenKind::Symbol => "symbol",
            TokenKind::Ideograph => "ideograph",
            TokenKind::LineBreak => "lineBreak",
        }
    }
}

/// One token: a kind and a byte span into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Tokenizes `hay`: every character other than whitespace belongs to
/// exactly one token; tokens come in order and never overlap.
///
/// The tokens are the Unicode default word boundaries (UAX #29) refined
/// for news text:
///
/// - words keep inner apostrophes and hyphens (don’t, O’Brien,
///   ill-conceived), a leading one in listed contractions (’tis, ’em,
///   rock ’n’ roll) and the trailing one of a plural possessive
///   ("the Smiths’ house", see below);
/// - numbers keep separators, decimals, ordinals, percentages, unit
///   suffixes, a currency sign and a sign (1,000.50, 21st, 50%, $4.5bn,
///   −5, ’90s);
/// - URLs, e-mail addresses, @mentions, #hashtags, emoji (with ZWJ
///   sequences, flags and skin tones) are one token each;
/// - abbreviations and initials (Mr, Dr., U.S., J.R.R., e.g.) include their
///   period; a period after any other word is punctuation;
/// - quotation marks are [`TokenKind::QuoteMark`] tokens of their own;
/// - each Han ideograph is a token, a run of kana or hangul is one;
/// - each line break (LF, CR LF, CR, VT, FF, NEL, U+2028, U+2029) is a
///   [`TokenKind::LineBreak`] token; other whitespace is skipped.
///
/// A trailing ’ after a word ending in "s" is taken as a possessive when a
/// space and a letter or digit follow and no single quotation (‘ or ')
/// has been opened and left unclosed earlier in the paragraph; otherwise
/// it is a closing quotation mark, which is then the likelier reading.
///
/// Runs in time linear in `hay` and never panics.
///
/// # Example
/// ```
/// use quotelens::{tokenize, TokenKind};
/// let hay = "Dr. O’Brien said the U.S. paid $4.5bn.";
/// let toks: Vec<(&str, TokenKind)> =
///     tokenize(hay).map(|t| (t.span.text(hay), t.kind)).collect();
/// assert_eq!(toks[0], ("Dr.", TokenKind::Abbreviation));
/// assert_eq!(toks[1], ("O’Brien", TokenKind::Word));
/// assert_eq!(toks[4], ("U.S.", TokenKind::Abbreviation));
/// assert_eq!(toks[6], ("$4.5bn", TokenKind::Number));
/// assert_eq!(toks[7], (".", TokenKind::Punctuation));
/// ```
pub fn tokenize(hay: &str) -> Tokens<'_> {
    Tokens {
        scan: scan::Scanner::new(hay),
    }
}

/// The iterator [`tokenize`] returns.
#[derive(Clone, Debug)]
pub struct Tokens<'h> {
    scan: scan::Scanner<'h>,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        let (start, end, kind) = self.scan.next_token()?;
        Some(Token {
            span: Span::new(start, end),
            kind,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.scan.remaining()))
    }
}

impl core::iter::FusedIterator for Tokens<'_> {}

/// Every token of `hay` as a `start, end, kind` triple, offsets in UTF-16
/// code units: what the wasm `tokenize()` returns as a `Uint32Array`.
///
/// Tokens come in order and never overlap, so their offsets ascend and
/// one [`Utf16Cursor`](crate::Utf16Cursor) converts them all as the scan
/// goes.
pub(crate) fn utf16_triples(hay: &str) -> Vec<u32> {
    let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut cursor = crate::Utf16Cursor::new(hay);
    // News prose has about one token per 4.7 bytes: room for one per 4
    // (three bytes of output per byte of text) saves growing and copying
    // the buffer on the way.
    let mut out = Vec::with_capacity(hay.len() / 4 * 3 + 3);
    for t in tokenize(hay) {
        let (start, end) = cursor.span_to_utf16(t.span.start, t.span.end);
        out.extend_from_slice(&[to_u32(start), to_u32(end), t.kind as u32]);
    }
    out
}

/// The Unicode default word boundaries (UAX #29) of `hay`, untailored:
/// every segment, spaces and punctuation included. Joined, they give `hay`.
pub fn word_bounds(hay: &str) -> impl Iterator<Item = Span> + '_ {
    use unicode_segmentation::UnicodeSegmentation;
    hay.split_word_bound_indices()
        .map(|(i, s)| Span::new(i, i + s.len()))
}

#[cfg(test)]
mod tests {
    /// The wasm triples are the tokens with their offsets in UTF-16, as
    /// counting the units of the text before each offset gives them.
    #[test]
    fn utf16_triples_are_the_tokens_in_utf16() {
        let texts = [
            "",
            "plain ASCII words, and numbers: 1,000.50 and $4.5bn.",
            "“Quoted,” she said — and left… 😀👍🏽 «Oui» l’été, Zoë’s café.\n\nNext",
            "😀😀”“a ‘tis the ’90s\r\n東京 カタカナ",
        ];
        for hay in texts {
            let units = |byte: usize| hay[..byte].encode_utf16().count() as u32;
            let want: Vec<u32> = super::tokenize(hay)
                .flat_map(|t| [units(t.span.start), units(t.span.end), t.kind as u32])
                .collect();
            assert_eq!(super::utf16_triples(hay), want, "{hay:?}");
        }
    }
}
