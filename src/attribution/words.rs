//! A small word lexer for attribution windows: words (with inner
//! apostrophes, hyphens and abbreviation dots) and single punctuation
//! characters, with byte spans. Whitespace is skipped but remembered as
//! `space_before`, and line breaks as `break_before`.

use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    pub kind: Kind,
}

impl Tok {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub(crate) fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            Kind::Word => None,
        }
    }
}

/// Lexes `hay[span]` into tokens.
pub(crate) fn lex(hay: &str, span: Span) -> Vec<Tok> {
    let mut out = Vec::new();
    let Some(text) = span.get(hay) else {
        return out;
    };
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                kind: Kind::Punct(c),
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            // Inner apostrophe, hyphen or dot: keep going if a letter or
            // digit follows (don't, Jean-Luc, U.S).
            if matches!(d, '\'' | '’' | '-' | '.' | '‐') {
                let after = text.get(j + d.len_utf8()..).and_then(|s| s.chars().next());
                if after.is_some_and(char::is_alphanumeric) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
            }
            break;
        }
        out.push(Tok {
            span: Span::new(span.start + i, span.start + end),
            kind: Kind::Word,
        });
    }
    out
}

/// Whether a word starts with an upper-case letter.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lower-cases a word for lexicon look-ups, dropping a possessive 's.
pub(crate) fn key(word: &str) -> String {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    w.to_lowercase()
}
