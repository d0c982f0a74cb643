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
/// One pass over the text: linear in its length.
///
/// # Example
/// ```
/// use quotelens::paragraphs;
/// let hay = "First paragraph.\n  Second one.\n\n\nThird.";
/// let texts: Vec<&str> = paragraphs(hay).iter().map(|p| p.text(hay)).collect();
/// assert_eq!(texts, ["First paragraph.", "Second one.", "Third."]);
/// ```
pub fn paragraphs(hay: &str) -> Vec<Span> {
    paragraphs_wrapped(hay).0
}

/// [`paragraphs`], with whether `hay` is hard-wrapped ([`is_hard_wrapped`]):
/// the pass that finds the paragraphs finds it too, and attribution asks
/// it of every text that is not mostly lines of dialogue (a novel would
/// otherwise be read line by line again).
// Out of line: one call per text, and inlined into `Analyzer::analyze`
// its loops shared that large function's registers (more spills).
#[inline(never)]
pub(crate) fn paragraphs_wrapped(hay: &str) -> (Vec<Span>, bool) {
    // One pass finds every line and, as it goes, whether the text is
    // hard-wrapped ([`is_hard_wrapped`]'s test): a second pass over all
    // of dialogue's short lines cost 3 % of its analysis. Each non-blank
    // line is kept trimmed, with whether the line before it was non-blank
    // too (a wrap, if the text turns out to be hard-wrapped).
    let mut lines: Vec<Span> = Vec::new();
    let mut joins: Vec<bool> = Vec::new();
    let mut wrap = WrapTest::default();
    // Line by line, each found by [`next_break`] (`split_inclusive`'s
    // searcher cost more to set up per line than dialogue's short lines
    // take to scan).
    let mut start = 0usize;
    loop {
        // An empty line (every other line of dialogue) is told by its
        // first byte, without setting up the search.
        let nl = if hay.as_bytes().get(start) == Some(&b'\n') {
            Some(start)
        } else {
            next_break(hay, start)
        };
        let end = nl.unwrap_or(hay.len());
        let line = hay.get(start..end).unwrap_or_default();
        let trim = trimmed(line);
        let joined = wrap.line(line, trim.is_none(), nl.is_none());
        if let Some((lead, len)) = trim {
            lines.push(Span::new(start + lead, start + lead + len));
            joins.push(joined);
        }
        match nl {
            Some(k) => start = k + 1,
            None => break,
        }
    }
    if !wrap.wrapped() {
        // Every line is a paragraph.
        return (lines, false);
    }
    // Hard-wrapped: only a blank line separates paragraphs.
    let mut out: Vec<Span> = Vec::new();
    for (line, joined) in lines.into_iter().zip(joins) {
        match out.last_mut() {
            Some(p) if joined => p.end = line.end,
            _ => out.push(line),
        }
    }
    (out, true)
}

/// [`is_hard_wrapped`]'s test, fed a line at a time.
#[derive(Default)]
struct WrapTest {
    /// A line over [`WRAP_WIDTH`] chars was seen.
    too_long: bool,
    /// A blank line was seen between two line breaks.
    blank_line: bool,
    /// Line breaks joining two non-blank lines.
    wraps: usize,
    /// Whether the line before was blank (`None` before the first).
    prev_blank: Option<bool>,
}

impl WrapTest {
    /// Takes in the next `line` (without its line break), `blank` or not,
    /// the `last` one (no break after it) or not, and tells whether it
    /// and the line before are both non-blank (a wrap).
    fn line(&mut self, line: &str, blank: bool, last: bool) -> bool {
        // A line of at most 80 bytes has at most 80 chars: only longer
        // ones are counted (dialogue is thousands of short lines), and
        // counting stops early: only "more than 80" matters.
        if !self.too_long && line.len() > WRAP_WIDTH {
            let body = line.trim_end();
            self.too_long = body.chars().take(WRAP_WIDTH + 1).count() > WRAP_WIDTH;
        }
        // A blank line counts only between two line breaks, i.e. neither
        // the text before the first break nor the one after the last.
        if blank && self.prev_blank.is_some() && !last {
            self.blank_line = true;
        }
        let joined = self.prev_blank == Some(false) && !blank;
        self.wraps += usize::from(joined);
        self.prev_blank = Some(blank);
        joined
    }

    /// The answer for the lines taken in so far (all of them, at the end).
    fn wrapped(&self) -> bool {
        !self.too_long && self.blank_line && self.wraps >= WRAP_MIN_BREAKS
    }
}

/// Whether the text at byte `at` opens the paragraph `para` of `hay`:
/// nothing but whitespace before it in the paragraph. (A line of
/// dialogue's mark is its paragraph's first byte: nothing is read then.)
pub(crate) fn opens(hay: &str, para: Span, at: usize) -> bool {
    at == para.start || hay.get(para.start..at).is_some_and(|s| s.trim().is_empty())
}

/// Whether `hay` is hard-wrapped: no line longer than [`WRAP_WIDTH`]
/// characters (trailing whitespace aside), at least one blank line between
/// two line breaks, and at least [`WRAP_MIN_BREAKS`] line breaks joining
/// two non-blank lines. (The analysis has it from [`paragraphs_wrapped`].)
#[cfg(test)]
pub(crate) fn is_hard_wrapped(hay: &str) -> bool {
    let mut wrap = WrapTest::default();
    let mut start = 0;
    // The lines between line breaks.
    loop {
        let nl = next_break(hay, start);
        let end = nl.unwrap_or(hay.len());
        let line = hay.get(start..end).unwrap_or_default();
        wrap.line(line, is_blank(line), nl.is_none());
        // Past a long line the answer is no.
        if wrap.too_long {
            return false;
        }
        match nl {
            Some(k) => start = k + 1,
            None => break,
        }
    }
    wrap.wrapped()
}

/// The offset of the first line break at or after `start`, if any,
/// looked for eight bytes at a time (one test of a `u64` for a `\n`
/// byte): `split_inclusive`'s searcher cost more to set up per line than
/// dialogue's short lines take to scan, and a byte loop over the first
/// 64 bytes, then the library's search, more on news' long lines.
fn next_break(hay: &str, start: usize) -> Option<usize> {
    let rest = hay.as_bytes().get(start..).unwrap_or_default();
    break_in(rest).map(|k| start + k)
}

/// The offset of the first `\n` in `bytes`, eight bytes at a time.
fn break_in(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    const BREAKS: u64 = ONES * b'\n' as u64;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        if let Ok(&eight) = <&[u8; 8]>::try_from(chunk) {
            // A zero byte in `x` where `eight` has a line break.
            let x = u64::from_le_bytes(eight) ^ BREAKS;
            if x.wrapping_sub(ONES) & !x & HIGH != 0 {
                return chunk.iter().position(|&b| b == b'\n').map(|k| at + k);
            }
        }
        at += 8;
    }
    let k = chunks.remainder().iter().position(|&b| b == b'\n')?;
    Some(at + k)
}

/// Where the text of `line` starts in it and how long it is, trimmed of
/// whitespace, or `None` for a blank line: `line.trim()`, answered from
/// its first and last chars when neither is whitespace (most lines; a
/// line of dialogue starts and ends with a curly mark, so both ends are
/// read as chars, not only as printable ASCII bytes). An empty line is
/// blank.
fn trimmed(line: &str) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let (&f, &l) = (bytes.first()?, bytes.last()?);
    // A curly quotation mark (‘ ’ “ ” …, E2 80 98..9F) is told by its
    // bytes; other non-ASCII chars are decoded, and only then.
    let curly = |k: usize| matches!(bytes.get(k..k + 3), Some(&[0xE2, 0x80, 0x98..=0x9F]));
    let solid = |b: u8, k: usize, c: fn(&str) -> Option<char>| {
        b.is_ascii_graphic()
            || !b.is_ascii() && (curly(k) || c(line).is_some_and(|c| !c.is_whitespace()))
    };
    if solid(f, 0, |s| s.chars().next())
        && solid(l, bytes.len().saturating_sub(3), |s| s.chars().next_back())
    {
        return Some((0, line.len()));
    }
    let t = line.trim_start();
    if t.is_empty() {
        return None;
    }
    Some((line.len() - t.len(), t.trim_end().len()))
}

/// `line.trim().is_empty()`, answered from the first char when it is
/// not whitespace (most lines).
#[cfg(test)]
fn is_blank(line: &str) -> bool {
    match line.chars().next() {
        None => true,
        Some(c) if !c.is_whitespace() => false,
        Some(_) => line.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(hay: &str) -> Vec<&str> {
        paragraphs(hay).iter().map(|p| p.text(hay)).collect()
    }

    /// The plain form of [`is_hard_wrapped`], for comparison.
    fn hard_wrapped_plainly(hay: &str) -> bool {
        let lines: Vec<&str> = hay.split('\n').collect();
        if lines
            .iter()
            .any(|l| l.trim_end().chars().count() > WRAP_WIDTH)
        {
            return false;
        }
        let blank = |l: &&str| l.trim().is_empty();
        let inner = lines.get(1..lines.len().saturating_sub(1)).unwrap_or(&[]);
        let wraps = lines
            .windows(2)
            .filter(|w| !blank(&w[0]) && !blank(&w[1]))
            .count();
        inner.iter().any(blank) && wraps >= WRAP_MIN_BREAKS
    }

    /// [`paragraphs`] as first written, by `split_inclusive` and `trim`.
    fn paragraphs_plainly(hay: &str) -> Vec<Span> {
        let wrapped = is_hard_wrapped(hay);
        let mut out = Vec::new();
        let mut open: Option<Span> = None;
        let mut pos = 0usize;
        for line in hay.split_inclusive('\n') {
            let body = line.trim();
            if body.is_empty() {
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

    #[test]
    fn hard_wrapping_is_found_as_plainly_defined() {
        let long = "é".repeat(80);
        let pieces = [
            "a",
            "",
            " ",
            "\u{a0}",
            " b\t",
            "c\u{2028}",
            "\r",
            &long,
            "x\u{3000}",
            "line of text",
            "“Yes.”",
            "\u{3000}“No,” he said.",
            "é",
            "“Yes.”\u{a0}",
        ];
        // Texts of 0..30 lines drawn from the pieces, deterministically.
        let mut seed = 7u64;
        let mut trues = 0;
        for _ in 0..3000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let n = (seed >> 33) % 30;
            let mut lines = Vec::new();
            for k in 0..n {
                let pick = ((seed >> (k % 40 + 3)) as usize).wrapping_add(k as usize * 5);
                lines.push(pieces[pick % pieces.len()]);
            }
            let hay = lines.join("\n");
            assert_eq!(is_hard_wrapped(&hay), hard_wrapped_plainly(&hay), "{hay:?}");
            assert_eq!(paragraphs(&hay), paragraphs_plainly(&hay), "{hay:?}");
            assert_eq!(paragraphs_wrapped(&hay).1, is_hard_wrapped(&hay), "{hay:?}");
            trues += usize::from(hard_wrapped_plainly(&hay));
        }
        // Both answers occur.
        assert!(trues > 100 && trues < 2900, "{trues}");
    }

    #[test]
    fn next_break_is_find() {
        // Breaks at every distance from every start, next to bytes that
        // differ from `\n` by one bit (0x0B, 0x0E, 0x8A) and to UTF-8.
        let short = "ab\ncdefghijklmnop\n\n\u{b}\u{e}qrstuvw\u{28a}xyz0123456789\nä\n";
        let long = format!("{short}{}\n{short}", "é".repeat(50));
        for hay in [short, &long] {
            // Lines start at char boundaries.
            for start in (0..=hay.len()).filter(|&k| hay.is_char_boundary(k)) {
                let want = (hay.as_bytes().get(start..))
                    .and_then(|r| r.iter().position(|&b| b == b'\n'))
                    .map(|k| start + k);
                assert_eq!(next_break(hay, start), want, "{start}");
            }
        }
        assert_eq!(next_break(&"x".repeat(100), 0), None);
    }

    #[test]
    fn is_blank_is_trim_is_empty() {
        for line in [
            "",
            " ",
            "\t",
            "\r",
            "\u{b}",
            "\u{c}",
            "\u{a0}",
            "\u{3000} ",
            " x",
            "x",
            "\u{a0}y",
            "“",
            "é ",
            "\u{1f}",
        ] {
            assert_eq!(is_blank(line), line.trim().is_empty(), "{line:?}");
        }
    }

    #[test]
    fn a_mark_opens_its_paragraph_after_whitespace_only() {
        let hay = "x\n \u{a0}“Yes.” “No.”";
        let para = Span::new(2, hay.len());
        let at = |s: &str| hay.find(s).unwrap();
        assert!(opens(hay, para, para.start));
        assert!(opens(hay, para, at("“Yes")));
        assert!(!opens(hay, para, at("“No")));
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
