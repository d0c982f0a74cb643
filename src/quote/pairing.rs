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
    /// The mark's opener index ([`props`]), which closing marks ask.
    opener: u8,
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
///
/// From the bytes, undecoded: every mark is ASCII or one of a few runs
/// of two- and three-byte chars ([`marks::is_mark_char`]), told by their
/// first bytes and the last byte's low bits. Decoding the char and asking
/// the chain of ranges of [`marks::is_mark_char`] cost more than the rest
/// of reading a mark. A byte inside a char (no char boundary) starts no
/// mark: it is a continuation byte, which no arm takes.
fn mark_at(hay: &str, i: usize) -> Option<Mark> {
    let bytes = hay.as_bytes();
    // By the first byte, then the next ones one by one: a match of
    // slice patterns tried the ASCII and two-byte marks before the
    // curly ones (‘ ’ “ ” …), the commonest.
    let next = |k: usize| bytes.get(i + k).copied();
    let code = match *bytes.get(i)? {
        // The doubled marks are ASCII: the next byte tells.
        b'`' if next(1) == Some(b'`') => return Some(Mark::DoubleBacktick),
        b'\'' if next(1) == Some(b'\'') => return Some(Mark::DoubleApostrophe),
        b @ (b'"' | b'\'' | b'`') => u32::from(b),
        0xE2 => match (next(1)?, next(2)?) {
            // U+2018..U+201F, the primes U+2032..U+2037, ‹ ›.
            (0x80, b @ (0x98..=0x9F | 0xB2..=0xB7 | 0xB9 | 0xBA)) => 0x2000 | u32::from(b & 0x3F),
            (0xB9, 0x82) => 0x2E42,
            _ => return None,
        },
        // « » ´ (U+00AB, U+00BB, U+00B4).
        0xC2 => match next(1)? {
            b @ (0xAB | 0xBB | 0xB4) => u32::from(b),
            _ => return None,
        },
        // 〈 〉 《 》 「 」 『 』 (U+3008..U+300F), 〝 〞 〟.
        0xE3 => match (next(1)?, next(2)?) {
            (0x80, b @ (0x88..=0x8F | 0x9D..=0x9F)) => 0x3000 | u32::from(b & 0x3F),
            _ => return None,
        },
        // ＂ ＇ (U+FF02, U+FF07).
        0xEF => match (next(1)?, next(2)?) {
            (0xBC, b @ (0x82 | 0x87)) => 0xFF00 | u32::from(b & 0x3F),
            _ => return None,
        },
        _ => return None,
    };
    char::from_u32(code).map(Mark::Char)
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
        let mut lead = ParaLead::new(para.start);
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
            // The chars next to the mark; an ASCII one (most are) is its
            // byte, read without slicing and decoding.
            let prev = match span.start.checked_sub(1).and_then(|j| bytes.get(j)) {
                Some(&b) if b.is_ascii() && span.start > para.start => Some(char::from(b)),
                _ => hay
                    .get(para.start..span.start)
                    .and_then(|s| s.chars().next_back()),
            };
            let next = match bytes.get(span.end) {
                Some(&b) if b.is_ascii() && span.end < end => Some(char::from(b)),
                _ => hay.get(span.end..end).and_then(|s| s.chars().next()),
            };
            step(hay, mark, span, prev, next, &mut lead, &mut stack, &mut out);
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
///
/// The mark's rules come from its [`props`] bits and the two chars next
/// to it from one [`side`] each: every mark asks the same few questions
/// of them, which asked of the chars one by one cost a Unicode lookup
/// (or a chain of char comparisons) per question.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn step(
    hay: &str,
    mark: Mark,
    span: Span,
    prev: Option<char>,
    next: Option<char>,
    para: &mut ParaLead,
    stack: &mut Vec<Open>,
    out: &mut Vec<Pair>,
) {
    let p = props(mark);
    let has = |bit: u16| p & u64::from(bit) != 0;
    let single = has(SINGLE);
    let before = side(prev);
    let after = side(next);
    let prev_alnum = before == Side::Alnum;
    // An apostrophe inside a word: don’t, O’Brien, Kyiv’s.
    if single && prev_alnum && after == Side::Alnum {
        return;
    }
    // Primes after a digit: 6'2", a 12" single, 5' tall.
    if has(PRIME) && prev.is_some_and(|p| p.is_ascii_digit()) {
        let open_straight = stack.iter().any(|o| closes_opener(p, o.opener));
        // 6'5": feet then inches is a measurement whatever is open.
        let feet_inches = || {
            let before = hay.get(..span.start).unwrap_or("");
            let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
            digits.len() < before.len()
                && digits.ends_with(['\'', '’', '′'])
                && digits
                    .get(..digits.len().saturating_sub(1))
                    .and_then(|d| d.chars().next_back())
                    .is_some_and(|d| d.is_ascii_digit())
        };
        let is_prime = if has(PRIME_SINGLE) {
            !open_straight || next.is_some_and(|n| n.is_ascii_digit())
        } else {
            !open_straight || feet_inches()
        };
        if is_prime {
            return;
        }
    }
    let (left, right) = flanking(before, after);
    if !has(OPENS_ONLY) {
        let mut can_close = has(CLOSES_ONLY) || right || !left;
        if has(FRENCH_CLOSE) {
            // French: « Oui », with a space before the closing mark.
            can_close = can_close || prev.is_some_and(char::is_whitespace);
        }
        if has(GLUED_CLOSE) {
            // A closing mark glued to the next word after sentence
            // punctuation, a typo news copy has: “Yes,”she said.
            can_close = can_close || prev.is_some_and(|p| matches!(p, '.' | ',' | '!' | '?' | '…'));
        }
        if can_close {
            let found = stack
                .iter()
                .rposition(|o| closes_opener(p, o.opener))
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
    if has(CLOSES_ONLY) {
        return;
    }
    let mut can_open = has(OPENS_ONLY) || left;
    if has(FRENCH_OPEN) {
        // French sets guillemets off with (no-break) spaces: « Oui ».
        can_open = can_open || !prev_alnum;
    }
    if has(LEFT_DOUBLE) {
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
            can_open || next.is_some() && after == Side::Space && !prev_alnum && words_follow();
    }
    if has(CLOSING_SHAPED) {
        // Marks that normally close open only where nothing else fits:
        // a space (or the paragraph's start) before, a non-space after.
        can_open = can_open && !right;
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
    // (Most opening marks of dialogue open their paragraph's text.)
    let at_para_start = span.start == para.start || span.start <= para.lead_end(hay);
    stack.push(Open {
        mark,
        opener: opener_of(p),
        span,
        at_para_start,
    });
}

/// A paragraph's start and, once asked, where its lead-in ends: the
/// spaces, dashes and bullets before its first word or mark. A mark
/// opens its paragraph when nothing else comes before it; found once per
/// paragraph, not by reading the paragraph up to each opening mark.
struct ParaLead {
    start: usize,
    end: Option<usize>,
}

impl ParaLead {
    fn new(start: usize) -> ParaLead {
        ParaLead { start, end: None }
    }

    /// The byte where the first char that is no space, dash or bullet
    /// starts (the text's end if none).
    fn lead_end(&mut self, hay: &str) -> usize {
        if let Some(e) = self.end {
            return e;
        }
        let rest = hay.get(self.start..).unwrap_or("");
        let lead = rest.len()
            - rest
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '-' | '–' | '—' | '•' | '*')
                })
                .len();
        let e = self.start + lead;
        self.end = Some(e);
        e
    }
}

/// What stands next to a mark, as the flanking rules see it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Whitespace, or the paragraph's edge.
    Space,
    /// A letter or digit.
    Alnum,
    /// Anything else.
    Punct,
}

/// The [`Side`] of the char next to a mark (`None`: the paragraph's edge).
#[inline]
fn side(c: Option<char>) -> Side {
    match c {
        None => Side::Space,
        Some(c) if c.is_ascii() => {
            if c.is_ascii_alphanumeric() {
                Side::Alnum
            } else if c.is_ascii_whitespace() || c == '\u{b}' {
                Side::Space
            } else {
                Side::Punct
            }
        }
        Some(c) if crate::text::is_alphanumeric(c) => Side::Alnum,
        Some(c) if c.is_whitespace() => Side::Space,
        Some(_) => Side::Punct,
    }
}

/// [`marks::flanking`] (left, right) from the [`Side`]s of the chars
/// before and after a mark.
fn flanking(before: Side, after: Side) -> (bool, bool) {
    let left = after != Side::Space && (after != Side::Punct || before != Side::Alnum);
    let right = before != Side::Space && (before != Side::Punct || after != Side::Alnum);
    (left, right)
}

/// [`props`] bits: [`marks::is_single`].
const SINGLE: u16 = 1;
/// [`marks::opens_only`].
const OPENS_ONLY: u16 = 1 << 1;
/// [`marks::closes_only`].
const CLOSES_ONLY: u16 = 1 << 2;
/// May be a prime after a digit: ' " ’ ” ′ ″.
const PRIME: u16 = 1 << 3;
/// A prime for feet (or minutes): ' ’ ′.
const PRIME_SINGLE: u16 = 1 << 4;
/// Closing guillemets » ›.
const FRENCH_CLOSE: u16 = 1 << 5;
/// Opening guillemets « ‹.
const FRENCH_OPEN: u16 = 1 << 6;
/// ” ’, which close even glued to the next word after punctuation.
const GLUED_CLOSE: u16 = 1 << 7;
/// “.
const LEFT_DOUBLE: u16 = 1 << 8;
/// ’ ” » ›: closing-shaped marks, which open only where nothing else fits.
const CLOSING_SHAPED: u16 = 1 << 9;

/// A mark's index as an opening mark, in the bits of [`props`] from
/// [`OPENER_SHIFT`]: the bit `1 << index` of the [`CLOSES_SHIFT`] bits
/// of a closing mark says that it closes this one ([`marks::pairs`]).
/// [`NOT_OPENER`] for a mark that opens nothing a mark closes.
const OPENER_SHIFT: u32 = 16;
/// Where the bits of the opening marks a mark closes start in [`props`].
const CLOSES_SHIFT: u32 = 32;
/// The opener index of a mark that no mark closes: no closing set has
/// its bit.
const NOT_OPENER: u64 = 31;

/// The [`props`] bits of an opener index.
const fn opener(index: u64) -> u64 {
    index << OPENER_SHIFT
}

/// The [`props`] bits of the opening marks a mark closes, by their
/// indices ([`opener`]).
const fn closes(indices: &[u64]) -> u64 {
    match indices {
        [first, rest @ ..] => 1 << (CLOSES_SHIFT as u64 + *first) | closes(rest),
        [] => 0,
    }
}

/// Whether `close` closes a quotation opened by a mark of `opener`
/// index ([`marks::pairs`] from the [`props`] bits of `close`).
fn closes_opener(close: u64, opener: u8) -> bool {
    close >> CLOSES_SHIFT >> opener & 1 != 0
}

/// What [`step`] asks of a mark, as bits: one match per mark. The low
/// bits are the rules' ([`SINGLE`] …), then the mark's opener index
/// ([`OPENER_SHIFT`]) and the openers it closes ([`CLOSES_SHIFT`]): a
/// closing mark asks the stack by a bit each, where [`marks::pairs`]
/// was a call and two jump tables per open mark (a test checks them).
fn props(m: Mark) -> u64 {
    // Opener indices.
    const BACKTICKS: u64 = 0;
    const APOSTROPHES: u64 = 1;
    const LEFT: u64 = 2; // “
    const STRAIGHT: u64 = 3; // "
    const LOW: u64 = 4; // „
    const RIGHT: u64 = 5; // ”
    const REVERSED: u64 = 6; // ‟
    const DOUBLE_LOW_REVERSED: u64 = 7; // ⹂
    const FULL_WIDTH: u64 = 8; // ＂
    const LEFT_SINGLE: u64 = 9; // ‘
    const STRAIGHT_SINGLE: u64 = 10; // '
    const LOW_SINGLE: u64 = 11; // ‚
    const REVERSED_SINGLE: u64 = 12; // ‛
    const RIGHT_SINGLE: u64 = 13; // ’
    const FULL_WIDTH_SINGLE: u64 = 14; // ＇
    const GUILLEMET_LEFT: u64 = 15; // «
    const GUILLEMET_RIGHT: u64 = 16; // »
    const SINGLE_GUILLEMET_LEFT: u64 = 17; // ‹
    const SINGLE_GUILLEMET_RIGHT: u64 = 18; // ›
    const CORNER: u64 = 19; // 「
    const WHITE_CORNER: u64 = 20; // 『
    const DOUBLE_PRIME_REVERSED: u64 = 21; // 〝
    const LOW_DOUBLE_PRIME: u64 = 22; // 〟
    const DOUBLE_ANGLE: u64 = 23; // 《
    const ANGLE: u64 = 24; // 〈
    const REVERSED_PRIME: u64 = 25; // ‵
    const REVERSED_DOUBLE_PRIME: u64 = 26; // ‶
    const REVERSED_TRIPLE_PRIME: u64 = 27; // ‷
    const GRAVE: u64 = 28; // `
    /// What a straight or right double mark closes.
    const DOUBLES: u64 = closes(&[
        BACKTICKS,
        APOSTROPHES,
        LEFT,
        STRAIGHT,
        LOW,
        RIGHT,
        REVERSED,
        DOUBLE_LOW_REVERSED,
    ]);
    let flags = |f: u16| u64::from(f);
    match m {
        Mark::DoubleBacktick => flags(OPENS_ONLY) | opener(BACKTICKS),
        Mark::DoubleApostrophe => opener(APOSTROPHES) | closes(&[BACKTICKS, APOSTROPHES, STRAIGHT]),
        Mark::Char(c) => match c {
            '"' => flags(PRIME) | opener(STRAIGHT) | DOUBLES,
            '\'' => {
                flags(SINGLE | PRIME | PRIME_SINGLE)
                    | opener(STRAIGHT_SINGLE)
                    | closes(&[LEFT_SINGLE, STRAIGHT_SINGLE, REVERSED_SINGLE, GRAVE])
            }
            '`' => flags(SINGLE) | opener(GRAVE),
            '‘' => flags(SINGLE) | opener(LEFT_SINGLE) | closes(&[LOW_SINGLE]),
            '‚' => flags(SINGLE) | opener(LOW_SINGLE),
            '＇' => flags(SINGLE) | opener(FULL_WIDTH_SINGLE) | closes(&[FULL_WIDTH_SINGLE]),
            '´' => flags(SINGLE | CLOSES_ONLY) | opener(NOT_OPENER) | closes(&[GRAVE]),
            '‛' => flags(SINGLE | OPENS_ONLY) | opener(REVERSED_SINGLE),
            '’' => {
                flags(SINGLE | GLUED_CLOSE | CLOSING_SHAPED | PRIME | PRIME_SINGLE)
                    | opener(RIGHT_SINGLE)
                    | closes(&[
                        LEFT_SINGLE,
                        STRAIGHT_SINGLE,
                        LOW_SINGLE,
                        REVERSED_SINGLE,
                        RIGHT_SINGLE,
                        GRAVE,
                    ])
            }
            '“' => flags(LEFT_DOUBLE) | opener(LEFT) | closes(&[STRAIGHT, LOW]),
            '”' => flags(GLUED_CLOSE | CLOSING_SHAPED | PRIME) | opener(RIGHT) | DOUBLES,
            '«' => flags(FRENCH_OPEN) | opener(GUILLEMET_LEFT) | closes(&[GUILLEMET_RIGHT]),
            '»' => {
                flags(FRENCH_CLOSE | CLOSING_SHAPED)
                    | opener(GUILLEMET_RIGHT)
                    | closes(&[GUILLEMET_LEFT, GUILLEMET_RIGHT])
            }
            '‹' => {
                flags(SINGLE | FRENCH_OPEN)
                    | opener(SINGLE_GUILLEMET_LEFT)
                    | closes(&[SINGLE_GUILLEMET_RIGHT])
            }
            '›' => {
                flags(SINGLE | FRENCH_CLOSE | CLOSING_SHAPED)
                    | opener(SINGLE_GUILLEMET_RIGHT)
                    | closes(&[SINGLE_GUILLEMET_LEFT, SINGLE_GUILLEMET_RIGHT])
            }
            '′' => {
                flags(CLOSES_ONLY | PRIME | PRIME_SINGLE)
                    | opener(NOT_OPENER)
                    | closes(&[REVERSED_PRIME])
            }
            '″' => {
                flags(CLOSES_ONLY | PRIME)
                    | opener(NOT_OPENER)
                    | closes(&[LEFT, STRAIGHT, REVERSED_DOUBLE_PRIME])
            }
            '‴' => flags(CLOSES_ONLY) | opener(NOT_OPENER) | closes(&[REVERSED_TRIPLE_PRIME]),
            '》' => flags(CLOSES_ONLY) | opener(NOT_OPENER) | closes(&[DOUBLE_ANGLE]),
            '〉' => flags(CLOSES_ONLY) | opener(NOT_OPENER) | closes(&[ANGLE]),
            '」' => flags(CLOSES_ONLY) | opener(NOT_OPENER) | closes(&[CORNER]),
            '』' => flags(CLOSES_ONLY) | opener(NOT_OPENER) | closes(&[WHITE_CORNER]),
            '〞' => {
                flags(CLOSES_ONLY)
                    | opener(NOT_OPENER)
                    | closes(&[DOUBLE_PRIME_REVERSED, LOW_DOUBLE_PRIME])
            }
            '〟' => opener(LOW_DOUBLE_PRIME) | closes(&[DOUBLE_PRIME_REVERSED]),
            '„' => flags(OPENS_ONLY) | opener(LOW),
            '‟' => flags(OPENS_ONLY) | opener(REVERSED),
            '‵' => flags(OPENS_ONLY) | opener(REVERSED_PRIME),
            '‶' => flags(OPENS_ONLY) | opener(REVERSED_DOUBLE_PRIME),
            '‷' => flags(OPENS_ONLY) | opener(REVERSED_TRIPLE_PRIME),
            '⹂' => flags(OPENS_ONLY) | opener(DOUBLE_LOW_REVERSED),
            '《' => flags(OPENS_ONLY) | opener(DOUBLE_ANGLE),
            '〈' => flags(OPENS_ONLY) | opener(ANGLE),
            '「' => flags(OPENS_ONLY) | opener(CORNER),
            '『' => flags(OPENS_ONLY) | opener(WHITE_CORNER),
            '〝' => flags(OPENS_ONLY) | opener(DOUBLE_PRIME_REVERSED),
            '＂' => opener(FULL_WIDTH) | closes(&[FULL_WIDTH]),
            _ => opener(NOT_OPENER),
        },
    }
}

/// A mark's opener index from its [`props`].
fn opener_of(p: u64) -> u8 {
    (p >> OPENER_SHIFT & 0x1F) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`mark_at`] as first written: the char decoded, then asked.
    fn mark_at_plainly(hay: &str, i: usize) -> Option<Mark> {
        let rest = hay.get(i..)?;
        let c = rest.chars().next()?;
        if !marks::is_mark_char(c) {
            return None;
        }
        let second = rest.as_bytes().get(1).copied();
        Some(match (c, second) {
            ('`', Some(b'`')) => Mark::DoubleBacktick,
            ('\'', Some(b'\'')) => Mark::DoubleApostrophe,
            _ => Mark::Char(c),
        })
    }

    /// [`mark_at`] reads every char as the plain decoding does, at and
    /// inside it, alone or followed by a char that doubles a mark.
    #[test]
    fn marks_read_from_bytes_as_decoded() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for tail in ["", "`", "'", "a", "\u{201c}"] {
                let hay = format!("{c}{tail}");
                for i in 0..=hay.len() {
                    assert_eq!(mark_at(&hay, i), mark_at_plainly(&hay, i), "{hay:?} {i}");
                }
            }
        }
    }

    /// Every mark's [`props`] answer as the [`marks`] functions and the
    /// char lists they replace do; every char's [`side`] as the flanking
    /// tests it replaces.
    #[test]
    fn props_and_sides_agree_with_the_plain_tests() {
        let mut all = vec![Mark::DoubleBacktick, Mark::DoubleApostrophe];
        all.extend(
            (0..=0x10ffff)
                .filter_map(char::from_u32)
                .filter(|&c| marks::is_mark_char(c))
                .map(Mark::Char),
        );
        for &o in &all {
            for &c in &all {
                assert_eq!(
                    closes_opener(props(c), opener_of(props(o))),
                    marks::pairs(o, c),
                    "{o:?} {c:?}"
                );
            }
        }
        for m in all {
            let p = props(m);
            let c = match m {
                Mark::Char(c) => Some(c),
                _ => None,
            };
            let is = |list: &[char]| c.is_some_and(|c| list.contains(&c));
            assert_eq!(p & u64::from(SINGLE) != 0, marks::is_single(m), "{m:?}");
            assert_eq!(
                p & u64::from(OPENS_ONLY) != 0,
                marks::opens_only(m),
                "{m:?}"
            );
            assert_eq!(
                p & u64::from(CLOSES_ONLY) != 0,
                marks::closes_only(m),
                "{m:?}"
            );
            assert_eq!(
                p & u64::from(PRIME) != 0,
                is(&['\'', '"', '’', '”', '′', '″']),
                "{m:?}"
            );
            assert_eq!(
                p & u64::from(PRIME_SINGLE) != 0,
                is(&['\'', '’', '′']),
                "{m:?}"
            );
            assert_eq!(p & u64::from(FRENCH_CLOSE) != 0, is(&['»', '›']), "{m:?}");
            assert_eq!(p & u64::from(FRENCH_OPEN) != 0, is(&['«', '‹']), "{m:?}");
            assert_eq!(p & u64::from(GLUED_CLOSE) != 0, is(&['”', '’']), "{m:?}");
            assert_eq!(p & u64::from(LEFT_DOUBLE) != 0, is(&['“']), "{m:?}");
            assert_eq!(
                p & u64::from(CLOSING_SHAPED) != 0,
                is(&['’', '”', '»', '›']),
                "{m:?}"
            );
        }
        let some = [
            None,
            Some('a'),
            Some('1'),
            Some(' '),
            Some('.'),
            Some('“'),
            Some('é'),
        ];
        for prev in some {
            for next in some.iter().copied().chain([Some('\u{a0}'), Some('\n')]) {
                let f = marks::flanking(prev, next);
                assert_eq!(
                    flanking(side(prev), side(next)),
                    (f.left, f.right),
                    "{prev:?} {next:?}"
                );
            }
        }
        let chars = (0..=0x10ffff).filter_map(char::from_u32).map(Some);
        for c in chars.chain([None]) {
            let s = side(c);
            let alnum = c.is_some_and(crate::text::is_alphanumeric);
            assert_eq!(s == Side::Alnum, alnum, "{c:?}");
            assert_eq!(s == Side::Space, c.is_none_or(char::is_whitespace), "{c:?}");
            assert_eq!(s == Side::Punct, c.is_some_and(marks::is_punct), "{c:?}");
        }
    }
}
