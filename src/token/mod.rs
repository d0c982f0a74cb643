//! The tokenizer: UAX #29 word boundaries plus the rules news text needs.

use crate::Span;

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
pub fn tokenize(hay: &str) -> Tokens<'_> {
    Tokens { hay, pos: 0 }
}

/// The iterator [`tokenize`] returns.
#[derive(Clone, Debug)]
pub struct Tokens<'h> {
    hay: &'h str,
    pos: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;
    fn next(&mut self) -> Option<Token> {
        // Placeholder until the real tokenizer lands: whitespace-separated.
        let rest = self.hay.get(self.pos..)?;
        let skip = rest.len() - rest.trim_start().len();
        let start = self.pos + skip;
        let tail = self.hay.get(start..)?;
        if tail.is_empty() {
            return None;
        }
        let len = tail.find(char::is_whitespace).unwrap_or(tail.len());
        self.pos = start + len;
        Some(Token {
            span: Span::new(start, start + len),
            kind: TokenKind::Word,
        })
    }
}

/// The Unicode default word boundaries (UAX #29) of `hay`, untailored:
/// every segment, spaces and punctuation included. Joined, they give `hay`.
pub fn word_bounds(hay: &str) -> impl Iterator<Item = Span> + '_ {
    use unicode_segmentation::UnicodeSegmentation;
    hay.split_word_bound_indices()
        .map(|(i, s)| Span::new(i, i + s.len()))
}
