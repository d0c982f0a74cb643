//! Sentence splitting.

use crate::{Lang, Span};

/// The sentences of `hay`, in order, each trimmed of surrounding
/// whitespace; together they cover every non-whitespace character.
pub fn sentences(hay: &str, lang: Lang) -> Vec<Span> {
    let _ = lang;
    // Placeholder until the real splitter lands.
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in hay.char_indices() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        if matches!(c, '.' | '!' | '?' | '\n') {
            if let Some(s) = start.take() {
                let end = i + c.len_utf8();
                let t = hay.get(s..end).unwrap_or("").trim_end();
                out.push(Span::new(s, s + t.len()));
            }
        }
    }
    if let Some(s) = start {
        let t = hay.get(s..).unwrap_or("").trim_end();
        out.push(Span::new(s, s + t.len()));
    }
    out
}
