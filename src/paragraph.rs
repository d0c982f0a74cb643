//! Paragraphs: runs of text separated by line breaks.

use crate::Span;

/// The paragraphs of `hay`, trimmed of surrounding whitespace.
///
/// A paragraph break is one or more line breaks. In hard-wrapped text
/// (every line short, blank lines between blocks) a single line break is
/// a wrap, and only a blank line separates paragraphs.
pub fn paragraphs(hay: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    for line in hay.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(pos + lead, pos + lead + t.len()));
        }
        pos += line.len();
    }
    out
}
