//! Paragraphs: runs of text separated by line breaks.
//!
//! News copy puts each paragraph on a line of its own, so there every line
//! break ends a paragraph. Books from Project Gutenberg and similar sources
//! are hard-wrapped instead: lines of at most ~70 characters, paragraphs
//! separated by a blank line. Treating each of their lines as a paragraph
//! would cut sentences and quotations in the middle, so such text is
//! detected first and only its blank lines separate paragraphs. The
//! definition matches the one the conformance kit builds its gold data
//! with, so that paragraph-bounded results line up with it.

use crate::Span;

/// The longest line (in `char`s, trailing whitespace excluded) that
/// hard-wrapped text may hold.
const WRAP_WIDTH: usize = 80;

/// How many line breaks between two non-blank lines hard-wrapped text
/// needs at least; fewer is too little evidence of wrapping.
const WRAP_MIN_BREAKS: usize = 10;

/// The paragraphs of `hay`, in order, trimmed of surrounding whitespace.
///
/// A paragraph break is a line break (`\n`, with the whitespace around
/// it). In hard-wrapped text (no line over 80 characters, at least one
/// blank line, and at least 10 line breaks between non-blank lines, as in
/// a Project Gutenberg novel) a single line break is a wrap, and only a
/// blank line separates paragraphs.
///
/// # Time complexity
///
/// Two passes over the text: linear in its length.
///
/// # Example
/// ```
/// use quotelens::paragraphs;
/// let hay = "First paragraph.\n  Second one.\n\n\nThird.";
/// let texts: Vec<&str> = paragraphs(hay).iter().map(|p| p.text(hay)).collect();
/// assert_eq!(texts, ["First paragraph.", "Second one.", "Third."]);
/// ```
pub fn paragraphs(hay: &str) -> Vec<Span> {
    let wrapped = is_hard_wrapped(hay);
    let mut out = Vec::new();
    // The current paragraph: start of its first non-blank line, end of its
    // last one (both trimmed).
    let mut open: Option<Span> = None;
    let mut pos = 0usize;
    for line in hay.split_inclusive('\n') {
        let body = line.trim();
        if body.is_empty() {
            // A blank line (or a whitespace-only text before any break)
            // closes the paragraph in both modes.
            if let Some(p) = open.take() {
                out.push(p);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            let here = Span::new(pos + lead, pos + lead + body.len());
            open = match open {
                Some(p) if wrapped => Some(Span::new(p.start, here.end)),
                Some(p) => {
                    out.push(p);
                    Some(here)
                }
                None => Some(here),
            };
        }
        pos += line.len();
    }
    if let Some(p) = open {
        out.push(p);
    }
    out
}

/// Whether `hay` is hard-wrapped: no line longer than [`WRAP_WIDTH`]
/// characters (trailing whitespace aside), at least one blank line between
/// two line breaks, and at least [`WRAP_MIN_BREAKS`] line breaks joining
/// two non-blank lines.
pub(crate) fn is_hard_wrapped(hay: &str) -> bool {
    let mut blank_line = false;
    let mut wraps = 0usize;
    let mut prev_blank: Option<bool> = None;
    let mut lines = hay.split('\n').peekable();
    let mut first = true;
    while let Some(line) = lines.next() {
        let body = line.trim_end();
        // Counting chars stops early: only "more than 80" matters.
        if body.chars().take(WRAP_WIDTH + 1).count() > WRAP_WIDTH {
            return false;
        }
        let blank = line.trim().is_empty();
        // A blank line counts only between two line breaks, i.e. neither
        // the text before the first break nor the one after the last.
        if blank && !first && lines.peek().is_some() {
            blank_line = true;
        }
        if prev_blank == Some(false) && !blank {
            wraps += 1;
        }
        prev_blank = Some(blank);
        first = false;
    }
    blank_line && wraps >= WRAP_MIN_BREAKS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(hay: &str) -> Vec<&str> {
        paragraphs(hay).iter().map(|p| p.text(hay)).collect()
    }

    #[test]
    fn lines_are_paragraphs_in_news_copy() {
        assert_eq!(texts("a\nb\r\n\n c "), ["a", "b", "c"]);
        assert_eq!(texts(""), Vec::<&str>::new());
        assert_eq!(texts(" \n\t\n"), Vec::<&str>::new());
    }

    #[test]
    fn hard_wrapped_text_joins_lines() {
        let mut hay = String::new();
        for i in 0..12 {
            hay.push_str(&format!("line {i} of the first paragraph\n"));
        }
        hay.push_str("\nsecond paragraph\nstill second\n");
        assert!(is_hard_wrapped(&hay));
        let got = texts(&hay);
        assert_eq!(got.len(), 2);
        assert!(got[0].starts_with("line 0") && got[0].ends_with("paragraph"));
        assert_eq!(got[1], "second paragraph\nstill second");
    }

    #[test]
    fn a_long_line_means_not_wrapped() {
        let mut hay = "x".repeat(81);
        hay.push('\n');
        for _ in 0..12 {
            hay.push_str("short\n");
        }
        hay.push_str("\nend");
        assert!(!is_hard_wrapped(&hay));
    }
}
