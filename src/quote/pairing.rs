//! Pairing opening and closing marks into quotations.
//!
//! One forward pass over each paragraph with a small stack of open marks:
//! a closing mark closes the nearest open mark it pairs with (dropping
//! any unclosed marks above it, which were apostrophes or strays). The
//! stack never holds more than [`MAX_DEPTH`] marks and a closing mark
//! looks at most that far down, so the pass is linear in the text.
//!
//! At a paragraph's end, open marks either continue (news style: the next
//! paragraph opens with a mark of the same family, and the quotation goes
//! on), close at the paragraph end (a quotation that opened the paragraph
//! and was never closed), or are dropped. An unmatched mark therefore
//! never swallows more than its paragraph.

use super::marks::{self, Mark};
use crate::scan::{self, ByteSet};
use crate::Span;

/// The deepest nesting kept; real text rarely goes past 3.
pub(crate) const MAX_DEPTH: usize = 16;

/// A quotation as paired, before kinds and speakers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pair {
    pub open_mark: Mark,
    pub open: Span,
    pub close: Option<Span>,
    /// Where the content ends (the closing mark's start, or the
    /// paragraph's end).
    pub content_end: usize,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    mark: Mark,
    span: Span,
    /// Opened first thing in its paragraph, or continued from the
    /// previous one: such a quotation may end with its paragraph.
    at_para_start: bool,
}

/// Bytes that can start a mark: ASCII `"` `'` `` ` ``, and the lead bytes
/// of the non-ASCII marks (U+00AB.., U+2018.., U+300x, U+FF0x).
pub(crate) const fn may_start_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xE3 | 0xEF)
}

/// [`may_start_mark`] as a table.
static MAY_START_MARK: ByteSet = scan::byte_set!(may_start_mark);

/// Whether `b` is a byte [`may_start_mark`] (one table load).
fn may_start(b: Option<&u8>) -> bool {
    b.and_then(|&b| MAY_START_MARK.get(usize::from(b)))
        .is_some_and(|&m| m)
}

/// Which marks continue which across a paragraph break: the same family.
fn family(m: Mark) -> u8 {
    match m {
        Mark::DoubleBacktick | Mark::DoubleApostrophe => 0,
        Mark::Char(c) => match c {
            '“' | '”' | '"' | '„' | '‟' | '⹂' | '＂' => 0,
            '‘' | '’' | '\'' | '‚' | '‛' => 1,
            '«' | '»' => 2,
            '‹' | '›' => 3,
            '「' | '」' => 4,
            '『' | '』' => 5,
            _ => 6,
        },
    }
}

/// Reads the mark at byte `i` of `hay`, if there is one.
fn mark_at(hay: &str, i: usize) -> Option<Mark> {
    let rest = hay.get(i..)?;
    let mut chars = rest.chars();
    let c = chars.next()?;
    if !marks::is_mark_char(c) {
        return None;
    }
    let second = chars.next();
    Some(match (c, second) {
        ('`', Some('`')) => Mark::DoubleBacktick,
        ('\'', Some('\'')) => Mark::DoubleApostrophe,
        _ => Mark::Char(c),
    })
}

/// Pairs the marks of `hay` paragraph by paragraph. `stops` are the
/// [`scan::stops`] of `hay`, where every mark starts (among other bytes).
pub(crate) fn pair(hay: &str, paragraphs: &[Span], stops: &[usize]) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    // Set when a quotation continues into the next paragraph: its
    // re-opening mark (the first char there) is not a new quotation.
    let mut skip_reopen_at: Option<usize> = None;
    let bytes = hay.as_bytes();
    let mut from = 0;
    for (pi, para) in paragraphs.iter().enumerate() {
        let mut i = para.start;
        let end = para.end.min(hay.len());
        // The paragraph's stops; most bytes are none, and of the stops
        // only those that may start a mark matter here.
        let mut stops = scan::within(stops, *para, &mut from)
            .iter()
            .copied()
            .filter(|&s| may_start(bytes.get(s)));
        while i < end {
            // The next stop past the mark last read.
            match stops.find(|&s| s >= i) {
                Some(s) if s < end => i = s,
                _ => break,
            }
            let Some(mark) = mark_at(hay, i) else {
                i += 1;
                continue;
            };
            let span = Span::new(i, i + mark.len());
            i = span.end;
            if skip_reopen_at == Some(span.start) {
                skip_reopen_at = None;
                continue;
            }
            let prev = hay
                .get(para.start..span.start)
                .and_then(|s| s.chars().next_back());
            let next = hay.get(span.end..end).and_then(|s| s.chars().next());
            step(
                hay, mark, span, prev, next, para.start, &mut stack, &mut out,
            );
        }
        skip_reopen_at = None;
        if stack.is_empty() {
            continue;
        }
        // The paragraph ends inside a quotation.
        let next_para = paragraphs.get(pi + 1);
        let reopen = next_para.and_then(|np| mark_at(hay, np.start).map(|m| (np, m)));
        let bottom = stack.first().copied();
        match (bottom, reopen) {
            (Some(b), Some((np, m)))
                if family(m) == family(b.mark)
                    && !marks::closes_only(m)
                    && !marks::is_single(b.mark) =>
            {
                // News style: the quotation goes on. Nested marks left
                // open inside it were strays.
                stack.truncate(1);
                if let Some(first) = stack.first_mut() {
                    first.at_para_start = true;
                }
                skip_reopen_at = Some(np.start);
            }
            _ => {
                if let Some(b) = bottom {
                    if b.at_para_start && !marks::is_single(b.mark) {
                        out.push(Pair {
                            open_mark: b.mark,
                            open: b.span,
                            close: None,
                            content_end: end,
                        });
                    }
                }
                stack.clear();
            }
        }
    }
    out
}

/// Handles one mark: close, open, or pass it by (apostrophe, prime, stray).
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn step(
    hay: &str,
    mark: Mark,
    span: Span,
    prev: Option<char>,
    next: Option<char>,
    para_start: usize,
    stack: &mut Vec<Open>,
    out: &mut Vec<Pair>,
) {
    let single = marks::is_single(mark);
    // The crate's shortcut: the chars next to a mark are often marks,
    // spaces or dashes, which std looks up in its Unicode tables.
    let prev_alnum = prev.is_some_and(crate::text::is_alphanumeric);
    let next_alnum = next.is_some_and(crate::text::is_alphanumeric);
    // An apostrophe inside a word: don’t, O’Brien, Kyiv’s.
    if single && prev_alnum && next_alnum {
        return;
    }
    // Primes after a digit: 6'2", a 12" single, 5' tall.
    if let Mark::Char(c @ ('\'' | '"' | '’' | '”' | '′' | '″')) = mark {
        if prev.is_some_and(|p| p.is_ascii_digit()) {
            let open_straight = stack.iter().any(|o| marks::pairs(o.mark, mark));
            // 6'5": feet then inches is a measurement whatever is open.
            let feet_inches = {
                let before = hay.get(..span.start).unwrap_or("");
                let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
                digits.len() < before.len()
                    && digits.ends_with(['\'', '’', '′'])
                    && digits
                        .get(..digits.len().saturating_sub(1))
                        .and_then(|d| d.chars().next_back())
                        .is_some_and(|d| d.is_ascii_digit())
            };
            let is_prime = match c {
                '\'' | '’' | '′' => !open_straight || next.is_some_and(|n| n.is_ascii_digit()),
                _ => !open_straight || feet_inches,
            };
            if is_prime {
                return;
            }
        }
    }
    let fl = marks::flanking(prev, next);
    if !marks::opens_only(mark) {
        let mut can_close = marks::closes_only(mark) || fl.right || !fl.left;
        if let Mark::Char('»' | '›') = mark {
            // French: « Oui », with a space before the closing mark.
            can_close = can_close || prev.is_some_and(char::is_whitespace);
        }
        if let Mark::Char('”' | '’') = mark {
            // A closing mark glued to the next word after sentence
            // punctuation, a typo news copy has: “Yes,”she said.
            can_close = can_close || prev.is_some_and(|p| matches!(p, '.' | ',' | '!' | '?' | '…'));
        }
        if can_close {
            let found = stack
                .iter()
                .rposition(|o| marks::pairs(o.mark, mark))
                .filter(|&k| stack.len() - k <= MAX_DEPTH);
            if let Some(k) = found {
                if let Some(o) = stack.get(k).copied() {
                    stack.truncate(k);
                    out.push(Pair {
                        open_mark: o.mark,
                        open: o.span,
                        close: Some(span),
                        content_end: span.start,
                    });
                    return;
                }
            }
        }
    }
    if marks::closes_only(mark) {
        return;
    }
    let mut can_open = marks::opens_only(mark) || fl.left;
    if let Mark::Char('«' | '‹') = mark {
        // French sets guillemets off with (no-break) spaces: « Oui ».
        can_open = can_open || prev.is_none_or(|p| p.is_whitespace() || marks::is_punct(p));
    }
    if let Mark::Char('“') = mark {
        // A left mark standing between spaces before words (“ … if,
        // said. “ You know) still opens: it is no closing mark unless
        // something was open for it, which the closing attempt above tried.
        let words_follow = || {
            hay.get(span.end..)
                .map(str::trim_start)
                .and_then(|t| t.chars().next())
                .is_some_and(|c| crate::text::is_alphanumeric(c) || c == '…')
        };
        can_open =
            can_open || next.is_some_and(char::is_whitespace) && !prev_alnum && words_follow();
    }
    if let Mark::Char('’' | '”' | '»' | '›') = mark {
        // Marks that normally close open only where nothing else fits:
        // a space (or the paragraph's start) before, a non-space after.
        can_open = can_open && !fl.right;
    }
    if single && can_open {
        let after = hay.get(span.end..).unwrap_or("");
        if marks::is_leading_apostrophe(after) {
            return;
        }
    }
    if !can_open || stack.len() >= MAX_DEPTH {
        return;
    }
    let before = hay.get(para_start..span.start).unwrap_or("");
    let at_para_start = before
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '•' | '*'));
    stack.push(Open {
        mark,
        span,
        at_para_start,
    });
}
