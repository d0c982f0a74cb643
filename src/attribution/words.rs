//! A small word lexer for attribution windows: words (with inner
//! apostrophes, hyphens and abbreviation dots) and single punctuation
//! characters, with byte spans. Whitespace is skipped but remembered as
//! `space_before`, and line breaks as `break_before`.

use std::borrow::Cow;

use super::vocab::{self, Id, Vocab};
use crate::text::is_alphanumeric;
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    /// The kind and, for a word, its id, in one number (see [`Tok::kind`]
    /// and [`Tok::id`]): a punctuation char is itself (so [`Tok::punct`]
    /// is one range check, asked of every token of every window), a word
    /// `WORD` + its id (or [`NO_ID`]). A token is as large as it was
    /// before words had ids: 24 bytes on 64-bit targets, 12 on wasm32
    /// (the tokens are the largest table of the analysis, at its peak of
    /// memory).
    code: u32,
}

/// [`Tok::id`] of a word with no id in the text's vocabulary: one lexed
/// on its own (a window's, or one cut by a window's edge), or one of
/// the words past the 4 billionth distinct one, which share it (no text
/// of up to 20 MiB has them); such words are asked by their text.
pub(crate) const NO_ID: Id = u32::MAX - WORD;

/// [`Tok::code`] of the word with id 0: the codes from here up are words,
/// those below it chars.
const WORD: u32 = 0x11_0000;

impl Tok {
    /// A word token, with its id (or [`NO_ID`]). (The lexer makes its
    /// own: the vocabulary's ids need no clamp.)
    #[cfg(test)]
    pub(crate) fn word(span: Span, id: Id) -> Tok {
        Tok {
            span,
            code: WORD + id.min(NO_ID),
        }
    }

    /// A punctuation token.
    pub(crate) fn punct_char(span: Span, c: char) -> Tok {
        Tok {
            span,
            code: u32::from(c),
        }
    }

    /// Whether it is a word or which punctuation char.
    pub(crate) fn kind(&self) -> Kind {
        match self.punct() {
            Some(c) => Kind::Punct(c),
            None => Kind::Word,
        }
    }

    /// A word's id in the vocabulary of the whole text ([`Lexed::vocab`]),
    /// given as it is lexed; [`NO_ID`] for punctuation and for a word
    /// lexed on its own.
    pub(crate) fn id(&self) -> Id {
        self.code.checked_sub(WORD).unwrap_or(NO_ID)
    }

    pub(crate) fn is_word(&self) -> bool {
        self.code >= WORD
    }
    /// Whether it is the punctuation char `c`: its code compared, no
    /// char made of it (as [`Tok::punct`] does, checking it is one).
    pub(crate) fn is(&self, c: char) -> bool {
        self.code == u32::from(c)
    }
    pub(crate) fn punct(&self) -> Option<char> {
        // A word's code is no char (past U+10FFFF).
        char::from_u32(self.code)
    }
}

/// Lexes `hay[span]` into tokens.
///
/// Runs over the whole text once per analysis, so ASCII letters and
/// digits, most of any text, are scanned as bytes.
pub(crate) fn lex(hay: &str, span: Span) -> Vec<Tok> {
    lex_in(hay, span, None)
}

/// [`lex`], giving each word its id in `vocab` (described the first time)
/// as it is found: the whole text's words are interned in the same pass
/// that finds them, and nothing after lexing looks at them again to
/// lower-case or describe them.
fn lex_in<'h>(hay: &'h str, span: Span, mut vocab: Option<&mut Vocab<'h>>) -> Vec<Tok> {
    // Room for a token per 4 bytes (news has one per 5, dialogue up to
    // one per 4.1), then the rest given back: a vector grown by doubling
    // held the old and the new buffer at once, at the analysis' peak of
    // memory (BENCHMARKS.md, "Peak memory").
    let mut out = Vec::with_capacity(span.len() / 4 + 1);
    // The text up to the span's end, read from the span's start: the
    // tokens' spans are the positions themselves.
    let Some(text) = span.get(hay).and_then(|_| hay.get(..span.end)) else {
        return out;
    };
    let bytes = text.as_bytes();
    let mut i = span.start;
    while let Some(&b) = bytes.get(i) {
        // ASCII spaces and punctuation, most of what is not a letter, are
        // told by the byte's class (the same classes as `char`'s).
        let start = i;
        match class(b) {
            WORD_BYTE => {}
            SPACE => {
                i = spaces_from(bytes, i + 1);
                continue;
            }
            PUNCT | JOIN => {
                out.push(Tok::punct_char(Span::new(i, i + 1), char::from(b)));
                i = spaces_from(bytes, i + 1);
                continue;
            }
            _ => {
                let (tok, next) = match quote_mark(bytes, i) {
                    Some((c, len)) => (Tok::punct_char(Span::new(i, i + len), c), i + len),
                    None => match lead(text, i) {
                        // A word whose first char is not ASCII: passed as
                        // the chars of a word that are not ASCII letters
                        // or digits are ([`word_rest`]).
                        Lead::Letter => {
                            let (end, h) = word_rest(hay, text, start, start);
                            (word(&mut vocab, text, start, end, h), end)
                        }
                        Lead::Space(len) => {
                            i += usize::from(len);
                            continue;
                        }
                        Lead::Punct(c, len) => {
                            let next = i + usize::from(len);
                            (Tok::punct_char(Span::new(i, next), c), next)
                        }
                        Lead::End => break,
                    },
                };
                out.push(tok);
                i = spaces_from(bytes, next);
                continue;
            }
        }
        // An ASCII letter or digit: the word's ASCII letters and digits,
        // most of every word, 8 bytes at a time (a word of up to 7 bytes,
        // most words, in one look), with the word's [`vocab::keyed`]
        // hash: up to 8 bytes, the bytes themselves.
        let x = chunk(bytes, start);
        let n = alnum_len(x);
        let (mut end, mut h, next) = if n < 8 {
            // The byte after the word (0 past the text's end: punctuation,
            // as the end is: both end the word).
            (start + n, x & !(u64::MAX << (8 * n)), (x >> (8 * n)) as u8)
        } else {
            let end = start + 8;
            match bytes.get(end) {
                Some(&b) if class(b) == WORD_BYTE => {
                    let (end, h) = long_run(bytes, start, x);
                    (end, h, bytes.get(end).copied().unwrap_or(0))
                }
                b => (end, x, b.copied().unwrap_or(0)),
            }
        };
        // A space right after the word, passed with it (most words).
        let mut space = 0;
        // Most words end at a space or at punctuation that joins
        // nothing: told by the byte's class.
        match class(next) {
            SPACE => space = 1,
            JOIN | MULTI if !ends_at(bytes, end, next) => {
                (end, h) = word_rest(hay, text, start, end);
            }
            _ => {}
        }
        out.push(word(&mut vocab, text, start, end, h));
        i = end + space;
    }
    // Only a large slack is worth a reallocation (a window's never is).
    if out.capacity() - out.len() > 4096 {
        out.shrink_to_fit();
    }
    out
}

/// The first byte from `i` of `bytes` that is no ASCII white space:
/// most punctuation and every space are followed by spaces or a line
/// break ("\n\n" between lines of dialogue), passed here in a few
/// instructions each, not by a turn of [`lex_in`]'s loop.
#[inline(always)]
fn spaces_from(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&b| class(b) == SPACE) {
        i += 1;
    }
    i
}

/// The token of the word `text[start..end]`, whose [`vocab::keyed`] hash
/// is `h`, with its id in `vocab` (if any).
#[inline(always)]
fn word<'h>(
    vocab: &mut Option<&mut Vocab<'h>>,
    text: &'h str,
    start: usize,
    end: usize,
    h: u64,
) -> Tok {
    let id = match vocab.as_deref_mut() {
        Some(v) => v.intern_folded(text, start..end, h),
        None => NO_ID,
    };
    // (The vocabulary's ids are at most `NO_ID`: no clamp.)
    Tok {
        span: Span::new(start, end),
        code: WORD.wrapping_add(id),
    }
}

/// The 8 bytes of `bytes` from `i` as one number, the first lowest (a
/// plain load on x86 and in WebAssembly), zero-padded past the end.
#[inline(always)]
fn chunk(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        Some(c) => u64::from_le_bytes(*c),
        None => vocab::little_endian(bytes.get(i..).unwrap_or_default()),
    }
}

/// 0x01 and 0x80 in every byte of a `u64`.
const LOW: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// How many of the bytes of `x` ([`chunk`]), from the first, are ASCII
/// letters or digits (8 if all): [`class`] `WORD_BYTE` of each, told for
/// all at once. Each test sets the top bit of the bytes it holds for:
/// adding below 0x80 to a byte below 0x80 carries into no other byte. A
/// byte of a longer char (top bit set) is none, and may carry into the
/// next, but only bytes before the first that is none are counted.
#[inline(always)]
fn alnum_len(x: u64) -> usize {
    let at_least = |y: u64, c: u8| y.wrapping_add(LOW.wrapping_mul(u64::from(0x80 - c)));
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    // A capital or'ed with 0x20 is its small letter (and no other byte
    // becomes a letter).
    let folded = x | (LOW * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let not_alnum = !(digit | letter) | x;
    (not_alnum & HIGH).trailing_zeros() as usize / 8
}

/// The ASCII letters and digits of a word of more than 8 of them from
/// `start`, whose first 8 are `x`: its end there, and the
/// [`vocab::keyed`] hash of `bytes[start..end]`. Apart from [`lex_in`]'s
/// loop (few words are longer than 8 bytes).
#[inline(never)]
fn long_run(bytes: &[u8], start: usize, x: u64) -> (usize, u64) {
    let mut end = start + 8;
    let mut h = vocab::mix(0, x);
    loop {
        let y = chunk(bytes, end);
        let n = alnum_len(y);
        if n < 8 {
            return (end + n, vocab::mix(h, y & !(u64::MAX << (8 * n))));
        }
        h = vocab::mix(h, y);
        end += 8;
    }
}

/// Whether a word surely ends before the byte `b` at `end` of `bytes`
/// (a joiner or a byte of a longer char), without [`joined`]: an
/// apostrophe, hyphen or dot before no letter or digit (a space, most
/// punctuation, a closing quotation mark: "Yes.”"), or a quotation mark
/// or other punctuation of [`quote_mark`] but a joiner (’ and ‐).
/// `false` where [`joined`] must tell.
#[inline(always)]
fn ends_at(bytes: &[u8], end: usize, b: u8) -> bool {
    if b < 0x80 {
        return match bytes.get(end + 1) {
            Some(&d) if d < 0x80 => class(d) != WORD_BYTE,
            Some(_) => quote_mark(bytes, end + 1).is_some(),
            None => true,
        };
    }
    quote_mark(bytes, end).is_some_and(|(c, _)| !matches!(c, '’' | '‐'))
}

/// The end of a word from `start` whose ASCII letters and digits end at
/// `end` (at a char that may continue it: a joiner, or a char of more
/// than a byte), and its [`vocab::keyed`] hash: past letters and digits
/// of any script and inner joiners ([`joined`]). Apart from
/// [`lex_in`]'s loop, as [`lead`].
#[inline(never)]
fn word_rest(hay: &str, text: &str, start: usize, mut end: usize) -> (usize, u64) {
    let bytes = text.as_bytes();
    while let Some(next) = joined(hay, text, end) {
        end = next;
        while bytes.get(end).is_some_and(|&b| class(b) == WORD_BYTE) {
            end += 1;
        }
    }
    let n = end - start;
    let h = match u64::MAX.checked_shl(8 * n as u32) {
        // Up to 7 bytes (as [`vocab::keyed`] has them): from one load.
        Some(beyond) if n < 8 => chunk(bytes, start) & !beyond,
        _ => vocab::keyed(bytes.get(start..end).unwrap_or_default()),
    };
    (end, h)
}

/// The punctuation char at byte `i` of `bytes`, and its length, if it
/// is a quotation mark, dash or ellipsis of U+2010-U+2027 or
/// U+2030-U+203F, or a sign of Latin-1 (« », U+0080-U+00BF but its two
/// spaces and nine letters and figures): most of the chars of more
/// than a byte in news, told by their bytes in the lexer's loop (as
/// [`is_alphanumeric`] and `char::is_whitespace` tell them).
#[inline(always)]
fn quote_mark(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    /// The bytes after 0xC2 (less 0x80) of no punctuation: U+0085 and
    /// U+00A0 (spaces), ª ² ³ µ ¹ º ¼ ½ ¾.
    const LATIN1_NOT_PUNCT: u64 = 1 << 5
        | 1 << 0x20
        | 1 << 0x2a
        | 1 << 0x32
        | 1 << 0x33
        | 1 << 0x35
        | 1 << 0x39
        | 1 << 0x3a
        | 1 << 0x3c
        | 1 << 0x3d
        | 1 << 0x3e;
    /// The bytes after 0xE2 0x80 (less 0x80) of U+2010-U+2027 and
    /// U+2030-U+203F. (In a `str`, the bytes after a lead byte are
    /// 0x80-0xBF: their low 6 bits tell them.)
    const GENERAL_PUNCT: u64 = ((1 << 0x28) - (1 << 0x10)) | (u64::MAX << 0x30);
    let (code, len) = match *bytes.get(i..)? {
        [0xE2, 0x80, t, ..] if GENERAL_PUNCT >> (t & 0x3F) & 1 != 0 => {
            (0x2000 | u32::from(t & 0x3F), 3)
        }
        [0xC2, t, ..] if LATIN1_NOT_PUNCT >> (t & 0x3F) & 1 == 0 => (u32::from(t), 2),
        _ => return None,
    };
    Some((char::from_u32(code)?, len))
}

/// What a char of more than one byte starts, where a token may start.
/// (Eight bytes: returned in a register.)
#[derive(Clone, Copy)]
enum Lead {
    /// A word.
    Letter,
    /// White space to skip, its length.
    Space(u8),
    /// A punctuation char, and its length.
    Punct(char, u8),
    /// Nothing (not at a char: never in a `str`).
    End,
}

/// [`Lead`] of the char at byte `i` of `text`: apart from [`lex_in`]'s
/// loop (few chars of most texts are not ASCII), whose registers it
/// would take.
#[inline(never)]
fn lead(text: &str, i: usize) -> Lead {
    let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
        return Lead::End;
    };
    let len = c.len_utf8() as u8;
    // Quotation marks, dashes, ellipses (most of the chars of more than
    // a byte in news, and all of some adversarial texts): punctuation,
    // told without the tables ([`is_alphanumeric`] tells them alike).
    if matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}') {
        return Lead::Punct(c, len);
    }
    lead_other(c, len)
}

/// [`lead`] of any other char `c`, of `len` bytes: apart, so that
/// [`lead`] itself calls nothing (and saves no registers).
#[inline(never)]
fn lead_other(c: char, len: u8) -> Lead {
    if c.is_whitespace() {
        Lead::Space(len)
    } else if is_alphanumeric(c) {
        Lead::Letter
    } else {
        Lead::Punct(c, len)
    }
}

/// Where a word continues past byte `end` of `text` (`hay` up to the
/// lexed span's end),
/// at a char that is not an ASCII letter or digit: past a letter or
/// digit, or past an inner apostrophe, hyphen or dot that a letter or
/// digit follows (don't, Jean-Luc, U.S), but not over a missing space
/// between two sentences ("Merkel.Als"). `None` where the word ends;
/// else the end of the char passed.
fn joined(hay: &str, text: &str, end: usize) -> Option<usize> {
    let d = char_at(text, end)?;
    let next = end + d.len_utf8();
    (is_alphanumeric(d)
        || matches!(d, '\'' | '’' | '-' | '.' | '‐')
            && char_at(text, next).is_some_and(is_alphanumeric)
            && !(d == '.' && sentence_seam(hay, end)))
    .then_some(next)
}

/// Whether the dot at byte `dot` of `hay` joins two sentences written
/// without a space: two lower-case letters before it, a capital and a
/// lower-case letter after it ("Merkel.Als"), unlike "U.S", "e.V.",
/// "z.B." or "Ph.D". It reads `hay` itself, not the window, so every
/// window decides alike.
fn sentence_seam(hay: &str, dot: usize) -> bool {
    let mut before = hay.get(..dot).unwrap_or_default().chars().rev();
    let mut after = hay.get(dot + 1..).unwrap_or_default().chars();
    before.next().is_some_and(char::is_lowercase)
        && before.next().is_some_and(char::is_lowercase)
        && after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase)
}

/// The char starting at byte `i` of `text` (None at the end or inside a
/// char).
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// [`class`]es of bytes: an ASCII letter or digit, ASCII white space
/// (as `char` has it: tab to carriage return, and space), ASCII
/// punctuation that may join the parts of a word (apostrophe, hyphen,
/// dot), other ASCII (punctuation), and a byte of a longer char.
const WORD_BYTE: u8 = 0;
const SPACE: u8 = 1;
const PUNCT: u8 = 2;
const JOIN: u8 = 3;
const MULTI: u8 = 4;

/// The class of each byte, by the byte: one load per byte of the text,
/// where telling the classes apart took a few comparisons each.
// Indexing evaluated by the compiler: out of bounds would not compile,
// and `get_mut` is not available in a constant.
#[allow(clippy::indexing_slicing)]
static CLASSES: [u8; 256] = {
    let mut t = [MULTI; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            WORD_BYTE
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.') {
            JOIN
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// The class of byte `b` ([`CLASSES`]).
#[inline]
fn class(b: u8) -> u8 {
    CLASSES.get(usize::from(b)).copied().unwrap_or(MULTI)
}

/// The tokens of a whole text, lexed once.
///
/// Attribution looks at windows around every quotation (up to a sentence
/// window of 600 bytes each side); with dense quotations, re-lexing them
/// was most of the work. [`Lexed::lex`] slices the shared tokens instead,
/// re-lexing only the words cut by the window's edges, and gives exactly
/// what [`lex`] gives for the window.
#[derive(Debug, Default)]
pub(crate) struct Lexed<'h> {
    toks: Vec<Tok>,
    /// The text's distinct words, described once ([`Tok::id`]).
    vocab: Vocab<'h>,
    /// For each [`BLOCK`] bytes of the text, the first token ending after
    /// the block's start: a window's tokens are found from there in a few
    /// steps, wherever the window before was (dialogue asks for several
    /// windows per line, back and forth; a search from the last one cost
    /// more than the rest of the window). Empty when the tokens outnumber
    /// `u32` (then each search bisects).
    blocks: Vec<u32>,
    /// The indices of the tokens that may end a sentence (`.`, `!`, `?`,
    /// `;`): a quotation's sentence is found by walking back over these,
    /// not over every token of a window of up to 600 bytes (text dense
    /// with quotations asked that of nearly every token again and again).
    /// Found on the first question ([`Lexed::stops_in`]): most texts never
    /// ask.
    stops: std::cell::OnceCell<Vec<u32>>,
}

/// [`Lexed::blocks`] of `toks`, the tokens of a text of `len` bytes
/// (none if they outnumber `u32`). A function of its own, whose loop
/// keeps its state in registers (inlined into the analysis, it cost
/// twice as much), and collected from a range: no capacity check per
/// entry.
///
/// The tokens end in increasing order: two at a time are passed by the
/// second's end, then at most one more (a block of dialogue holds the
/// ends of five tokens, of news three: one look per token was 3 % of
/// analysing dialogue). (Filled by the lexer instead, as it pushes each
/// token, it cost more: the lexer's loop ran short of registers.)
#[inline(never)]
fn block_index(toks: &[Tok], len: usize) -> Vec<u32> {
    if u32::try_from(toks.len()).is_err() {
        return Vec::new();
    }
    let mut i = 0usize;
    (0..=len / BLOCK)
        .map(|b| {
            let pos = b * BLOCK;
            while toks.get(i + 1).is_some_and(|t| t.span.end <= pos) {
                i += 2;
            }
            if toks.get(i).is_some_and(|t| t.span.end <= pos) {
                i += 1;
            }
            u32::try_from(i).unwrap_or(u32::MAX)
        })
        .collect()
}

/// Bytes per entry of [`Lexed::blocks`]: at most this many tokens end
/// inside a block, so a search steps over at most this many, and mostly
/// one or two; the index costs 4 bytes per 16 of text, a fraction of
/// the tokens' own (each several bytes per word). Blocks of 32 bytes
/// made dialogue and unbalanced marks (a token per 3 to 4 bytes) step
/// over 5 to 9 tokens per search, two searches per window.
const BLOCK: usize = 16;

impl<'h> Lexed<'h> {
    /// Lexes all of `hay`, interning its words.
    ///
    /// Not inlined into [`attribute`](super::attribute), its one caller:
    /// it runs once per text, and the smaller `attribute` is, the less
    /// memory V8's optimizing compile of it takes (BENCHMARKS.md, "Memory").
    #[inline(never)]
    pub(crate) fn new(hay: &'h str) -> Lexed<'h> {
        // Room for a short text's every distinct word (a long one's table
        // grows as it must).
        let mut vocab = Vocab::with_room(hay.len() / 5);
        let toks = lex_in(hay, Span::new(0, hay.len()), Some(&mut vocab));
        let blocks = block_index(&toks, hay.len());
        Lexed {
            toks,
            vocab,
            blocks,
            stops: std::cell::OnceCell::new(),
        }
    }

    /// The tokens among `all()[range]` that may end a sentence (`.`, `!`,
    /// `?`, `;`), by index, last first: found by bisecting
    /// [`Lexed::stops`], not by asking every token. `None` for a text
    /// whose tokens outnumber `u32` (the caller then walks the tokens).
    pub(crate) fn stops_in(
        &self,
        range: std::ops::Range<usize>,
    ) -> Option<impl Iterator<Item = usize> + '_> {
        u32::try_from(self.toks.len()).ok()?;
        let stops = self.stops.get_or_init(|| {
            (0u32..)
                .zip(&self.toks)
                .filter(|(_, t)| matches!(t.punct(), Some('.' | '!' | '?' | ';')))
                .map(|(i, _)| i)
                .collect()
        });
        // One bisection: the walk back stops at the range's start.
        let to = stops.partition_point(|&k| (k as usize) < range.end);
        Some(
            stops
                .get(..to)
                .unwrap_or_default()
                .iter()
                .rev()
                .map(|&k| k as usize)
                .take_while(move |&k| k >= range.start),
        )
    }

    /// All tokens, in text order.
    pub(crate) fn all(&self) -> &[Tok] {
        &self.toks
    }

    /// The text's distinct words, by [`Tok::id`].
    pub(crate) fn vocab(&self) -> &Vocab<'h> {
        &self.vocab
    }

    /// `lex(hay, span)`, from the shared tokens (`hay` must be the text
    /// given to [`Lexed::new`]).
    ///
    /// Why it is the same: the lexer decides each token from the text
    /// after its start only, so the window's lexer and the whole text's
    /// agree from any token start inside the window. They differ only on
    /// a token the window's start cuts (re-lexed from the start to the
    /// token's end, where both stop: a token never ends in a joiner) and
    /// on one its end cuts (re-lexed up to the end).
    pub(crate) fn lex(&self, hay: &str, span: Span) -> Vec<Tok> {
        if span.start >= span.end || span.get(hay).is_none() {
            return lex(hay, span);
        }
        let (mut lo, mut hi) = self.overlapping(span);
        let mut out = Vec::with_capacity(hi.saturating_sub(lo) + 2);
        if let Some(t) = self.toks.get(lo).filter(|t| t.span.start < span.start) {
            out = lex(hay, Span::new(span.start, t.span.end.min(span.end)));
            lo += 1;
        }
        let mut cut = None;
        if let Some(t) = hi.checked_sub(1).and_then(|k| self.toks.get(k)) {
            if lo < hi && t.span.end > span.end {
                cut = Some(Span::new(t.span.start, span.end));
                hi -= 1;
            }
        }
        out.extend_from_slice(self.toks.get(lo..hi).unwrap_or(&[]));
        if let Some(c) = cut {
            out.extend(lex(hay, c));
        }
        out
    }

    /// [`Lexed::lex`], borrowed from the shared tokens when the window
    /// cuts no token (most windows start and end at word edges): no copy.
    /// An empty window (a quotation opening its paragraph has nothing
    /// before it) holds no token.
    pub(crate) fn window(&self, hay: &str, span: Span) -> Cow<'_, [Tok]> {
        self.window_at(hay, span).0
    }

    /// [`Lexed::window`], and where a borrowed window starts among the
    /// shared tokens (`window[i]` is `all()[lo + i]`).
    pub(crate) fn window_at(&self, hay: &str, span: Span) -> (Cow<'_, [Tok]>, Option<usize>) {
        if span.start >= span.end {
            return (Cow::Borrowed(&[]), None);
        }
        if span.get(hay).is_some() {
            let (lo, hi) = self.overlapping(span);
            let cut = |k: usize| {
                self.toks
                    .get(k)
                    .is_some_and(|t| t.span.start < span.start || t.span.end > span.end)
            };
            if lo >= hi || !cut(lo) && !cut(hi - 1) {
                let w = self.toks.get(lo..hi).unwrap_or(&[]);
                return (Cow::Borrowed(w), Some(lo).filter(|_| !w.is_empty()));
            }
        }
        (Cow::Owned(self.lex(hay, span)), None)
    }

    /// The tokens `lo..hi` that overlap `span` (not empty): those from the
    /// first ending after its start to the last starting before its end.
    /// Inlined into [`Lexed::window_at`], which asks it of every window.
    #[inline(always)]
    fn overlapping(&self, span: Span) -> (usize, usize) {
        let lo = self.first_ending_after(span.start);
        // Every token before `j` ends at or before the end, so starts
        // before it; the one at `j` may start before it too; none after.
        let j = self.first_ending_after(span.end);
        let hi = j + usize::from(self.toks.get(j).is_some_and(|t| t.span.start < span.end));
        (lo, hi.max(lo))
    }

    /// `toks.partition_point(|t| t.span.end <= pos)` (the first token
    /// ending after `pos`): from the block holding `pos`, a few steps.
    fn first_ending_after(&self, pos: usize) -> usize {
        let toks = &self.toks;
        let done = |i: usize| toks.get(i).is_some_and(|t| t.span.end <= pos);
        let mut i = match self.blocks.get(pos / BLOCK) {
            Some(&from) => usize::try_from(from).unwrap_or(toks.len()),
            None => toks.partition_point(|t| t.span.end <= pos),
        };
        while done(i) {
            i += 1;
        }
        i
    }
}

/// Whether a word starts with an upper-case letter.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lower-cases a word for lexicon look-ups, dropping a possessive 's.
pub(crate) fn key(word: &str) -> Key<'_> {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    lower(w)
}

/// `word.to_lowercase()` without allocating in the common cases: a word
/// already in lower case is borrowed, a short word is lower-cased on the
/// stack. Attribution looks up millions of words; a `String` each was its
/// largest cost. Not inlined: asked from some fifty places, and a copy
/// at each made the wasm larger.
#[inline(never)]
pub(crate) fn lower(word: &str) -> Key<'_> {
    let bytes = word.as_bytes();
    // Most words asked are short and lower-case ASCII already ("said"):
    // borrowed after one look at each byte, without copying them.
    if bytes.len() <= INLINE
        && bytes
            .iter()
            .all(|&b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Key::Same(word);
    }
    lower_rest(word)
}

/// [`lower`] of a word that is not short lower-case ASCII: apart, so
/// that `lower`'s own frame stays small (it is called some hundred
/// thousand times per megabyte, mostly for such words).
#[inline(never)]
fn lower_rest(word: &str) -> Key<'_> {
    let bytes = word.as_bytes();
    if let Some(key) = lower_short_ascii(word) {
        return key;
    }
    if bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Key::Same(word);
        }
        return Key::Owned(word.to_ascii_lowercase());
    }
    // `str::to_lowercase` maps each char on its own, except 'Σ' (its
    // lower case depends on the neighbours): map char by char into the
    // stack buffer, and borrow the word if nothing changed.
    let mut buf = [0u8; INLINE];
    let mut len = 0;
    let mut changed = false;
    for c in word.chars() {
        if c == 'Σ' {
            return Key::Owned(crate::case::to_lowercase(word));
        }
        // ASCII and punctuation inside words (’ ‐) need no table.
        let mut push = |l: char| {
            let end = len + l.len_utf8();
            let dst = buf.get_mut(len..end)?;
            l.encode_utf8(dst);
            len = end;
            Some(())
        };
        let fits = if c.is_ascii() || matches!(c, '\u{2010}'..='\u{206f}') {
            let l = c.to_ascii_lowercase();
            changed |= l != c;
            push(l)
        } else {
            let mut n = 0;
            let mut fits = Some(());
            for l in crate::case::lower_char(c) {
                changed |= l != c;
                n += 1;
                fits = fits.and_then(|()| push(l));
            }
            changed |= n != 1;
            fits
        };
        if fits.is_none() {
            return Key::Owned(crate::case::to_lowercase(word));
        }
    }
    if changed {
        Key::Inline(buf, len as u8)
    } else {
        Key::Same(word)
    }
}

/// [`lower`] of a short ASCII word (most words), in one pass that checks,
/// lowers and copies each byte; `None` for a longer or non-ASCII word.
fn lower_short_ascii(word: &str) -> Option<Key<'_>> {
    let bytes = word.as_bytes();
    if bytes.len() > INLINE {
        return None;
    }
    let mut buf = [0u8; INLINE];
    let mut changed = false;
    for (dst, &b) in buf.iter_mut().zip(bytes) {
        if !b.is_ascii() {
            return None;
        }
        changed |= b.is_ascii_uppercase();
        *dst = b.to_ascii_lowercase();
    }
    Some(if changed {
        Key::Inline(buf, bytes.len() as u8)
    } else {
        Key::Same(word)
    })
}

/// Longest key (in bytes) kept on the stack.
pub(crate) const INLINE: usize = 22;

/// A lower-cased word (see [`lower`]); dereferences to `&str`.
#[derive(Clone, Debug)]
pub(crate) enum Key<'a> {
    /// The word itself, already lower case.
    Same(&'a str),
    /// A short word, lower-cased: the UTF-8 bytes and their length.
    Inline([u8; INLINE], u8),
    /// Anything else.
    Owned(String),
}

impl Key<'_> {
    /// The key as a string slice.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Key::Same(s) => s,
            // Built from whole chars, so always valid UTF-8.
            Key::Inline(buf, len) => buf
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Key::Owned(s) => s,
        }
    }
}

impl Default for Key<'_> {
    fn default() -> Self {
        Key::Same("")
    }
}

impl std::ops::Deref for Key<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Key<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_tokens_lex_like_a_window() {
        let hay = "“Don’t,” said Jean-Luc of the U.S. Navy.\n\nIt's 3.5 o'clock — x-'y ‐z. Ünï'x";
        let doc = Lexed::new(hay);
        let bounds: Vec<usize> = (0..=hay.len())
            .filter(|&i| hay.is_char_boundary(i))
            .collect();
        for &a in &bounds {
            for &b in &bounds {
                let span = Span::new(a, b);
                let want: Vec<(Span, Kind)> =
                    lex(hay, span).iter().map(|t| (t.span, t.kind())).collect();
                let got: Vec<(Span, Kind)> = doc
                    .lex(hay, span)
                    .iter()
                    .map(|t| (t.span, t.kind()))
                    .collect();
                assert_eq!(got, want, "{a}..{b}");
                let window: Vec<(Span, Kind)> = doc
                    .window(hay, span)
                    .iter()
                    .map(|t| (t.span, t.kind()))
                    .collect();
                assert_eq!(window, want, "window {a}..{b}");
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Every window of arbitrary text: shared tokens = a fresh lex.
        #[test]
        fn shared_tokens_on_arbitrary_text(hay in "([aZé1'’\\-‐.“” \n]|\\PC){0,40}") {
            let doc = Lexed::new(&hay);
            let bounds: Vec<usize> = (0..=hay.len()).filter(|&i| hay.is_char_boundary(i)).collect();
            for &a in &bounds {
                for &b in &bounds {
                    let span = Span::new(a, b);
                    let want: Vec<(Span, Kind)> = lex(&hay, span).iter().map(|t| (t.span, t.kind())).collect();
                    let got: Vec<(Span, Kind)> = doc.lex(&hay, span).iter().map(|t| (t.span, t.kind())).collect();
                    proptest::prop_assert_eq!(&got, &want);
                    let window: Vec<(Span, Kind)> = doc.window(&hay, span).iter().map(|t| (t.span, t.kind())).collect();
                    proptest::prop_assert_eq!(window, want);
                }
            }
        }

        /// Keys are exactly `to_lowercase` (after the possessive).
        #[test]
        fn lower_is_to_lowercase(w in "\\PC{0,30}") {
            let k = lower(&w);
            proptest::prop_assert_eq!(k.as_str(), w.to_lowercase());
        }
    }

    /// The lexer as it was written before words were told by the byte
    /// (char by char): the reference the byte classes must agree with.
    fn lex_by_chars(hay: &str) -> Vec<(Span, Kind)> {
        let mut out = Vec::new();
        let mut chars = hay.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if !is_alphanumeric(c) {
                out.push((Span::new(i, i + c.len_utf8()), Kind::Punct(c)));
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(d) = char_at(hay, end) {
                let joins = matches!(d, '\'' | '’' | '-' | '.' | '‐')
                    && char_at(hay, end + d.len_utf8()).is_some_and(is_alphanumeric)
                    && !(d == '.' && sentence_seam(hay, end));
                if !is_alphanumeric(d) && !joins {
                    break;
                }
                end += d.len_utf8();
            }
            while chars.peek().is_some_and(|&(k, _)| k < end) {
                chars.next();
            }
            out.push((Span::new(i, end), Kind::Word));
        }
        out
    }

    /// Ids as a plain map gives them: the next number to each spelling
    /// the first time it is seen.
    fn ids_by_map(hay: &str, toks: &[Tok]) -> Vec<Option<Id>> {
        let mut map = std::collections::HashMap::new();
        toks.iter()
            .map(|t| {
                t.is_word().then(|| {
                    let n = map.len() as Id;
                    *map.entry(t.span.text(hay)).or_insert(n)
                })
            })
            .collect()
    }

    #[test]
    fn words_of_the_same_fold_keep_their_own_ids() {
        // Bytes 0 and 8 of a 10-byte word share a lane of their chunks:
        // these two words XOR their chunks alike, and only their text (or
        // a better hash) tells them apart.
        let (a, b) = ("a1cdefghb2", "b1cdefgha2");
        let xor = |w: &str| {
            w.as_bytes()
                .chunks(8)
                .fold(0, |h, c| h ^ vocab::little_endian(c))
        };
        assert_eq!(xor(a), xor(b));
        let hay = format!("{a} {b} {a} x-y’z U.S. {b} Öl-Preis Öl-Preis");
        let doc = Lexed::new(&hay);
        let got: Vec<Option<Id>> = doc
            .all()
            .iter()
            .map(|t| t.is_word().then_some(t.id()))
            .collect();
        assert_eq!(got, ids_by_map(&hay, doc.all()));
        assert_eq!(doc.vocab().len(), 5);
    }

    #[test]
    fn many_words_grow_the_table_and_keep_their_ids() {
        let hay: String = (0..5000)
            .map(|i| format!("w{} Ä{} ", i % 1700, i % 7))
            .collect();
        let doc = Lexed::new(&hay);
        let got: Vec<Option<Id>> = doc
            .all()
            .iter()
            .map(|t| t.is_word().then_some(t.id()))
            .collect();
        assert_eq!(got, ids_by_map(&hay, doc.all()));
        for t in doc.all() {
            assert_eq!(doc.vocab().id(t.span.text(&hay)), Some(t.id()));
        }
        assert_eq!(doc.vocab().id("w1700"), None);
        assert_eq!(doc.vocab().id(""), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The lexer told by bytes = the lexer told by chars, and the ids
        /// it gives = a map's.
        #[test]
        fn bytes_lex_as_chars_do(hay in "([a-cA-C0-9'’\\-‐.,;:!?“”« \t\n\u{b}\u{c}\u{85}\u{a0}éÖß]|\\PC){0,60}") {
            let doc = Lexed::new(&hay);
            let got: Vec<(Span, Kind)> = doc.all().iter().map(|t| (t.span, t.kind())).collect();
            proptest::prop_assert_eq!(got, lex_by_chars(&hay));
            let ids: Vec<Option<Id>> = doc.all().iter().map(|t| t.is_word().then_some(t.id())).collect();
            proptest::prop_assert_eq!(ids, ids_by_map(&hay, doc.all()));
            for t in doc.all().iter().filter(|t| t.is_word()) {
                proptest::prop_assert_eq!(doc.vocab().id(t.span.text(&hay)), Some(t.id()));
            }
        }
    }

    /// Each ASCII char between two letters, told by the byte: white
    /// space (as `char` has it, vertical tab and form feed too) splits
    /// the words, a joiner joins them, anything else is punctuation.
    #[test]
    fn ascii_bytes_classed_as_chars_are() {
        for c in (0u8..128).map(char::from) {
            let hay = format!("x{c}y");
            let got: Vec<Kind> = lex(&hay, Span::new(0, hay.len()))
                .iter()
                .map(|t| t.kind())
                .collect();
            let want = if c.is_whitespace() {
                vec![Kind::Word, Kind::Word]
            } else if c.is_alphanumeric() || matches!(c, '\'' | '-' | '.') {
                vec![Kind::Word]
            } else {
                vec![Kind::Word, Kind::Punct(c), Kind::Word]
            };
            assert_eq!(got, want, "{c:?}");
        }
    }

    /// Words of every length from 1 to 26 ASCII letters and digits (the
    /// lexer reads them 8 bytes at a time, hashing as it goes), followed
    /// by each kind of char that ends or continues a word, at the text's
    /// end and mid-text: tokens as chars give them, and each word's id
    /// the one its text has (the same hash from the lexer and from
    /// [`Vocab::id`]).
    #[test]
    fn words_of_every_length_lex_as_chars_do() {
        let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789";
        for len in 1..=26 {
            let word = letters.get(len % 7..len % 7 + len).unwrap_or(letters);
            for after in [
                "", " x", ".", ". x", ".x", "'s", "’s x", "-day", "é", "éa", "”", "…",
            ] {
                for hay in [format!("{word}{after}"), format!("z {word}{after} {word}")] {
                    let doc = Lexed::new(&hay);
                    let got: Vec<(Span, Kind)> =
                        doc.all().iter().map(|t| (t.span, t.kind())).collect();
                    assert_eq!(got, lex_by_chars(&hay), "{hay:?}");
                    let ids: Vec<Option<Id>> = doc
                        .all()
                        .iter()
                        .map(|t| t.is_word().then_some(t.id()))
                        .collect();
                    assert_eq!(ids, ids_by_map(&hay, doc.all()), "{hay:?}");
                    for t in doc.all().iter().filter(|t| t.is_word()) {
                        assert_eq!(doc.vocab().id(t.span.text(&hay)), Some(t.id()), "{hay:?}");
                    }
                }
            }
        }
    }

    /// The chars [`quote_mark`] tells by their bytes, and their
    /// neighbours, lex as chars do, alone and between letters.
    #[test]
    fn quote_marks_told_by_bytes_lex_as_chars_do() {
        for c in ('\u{80}'..='\u{1ff}').chain('\u{2000}'..='\u{206f}') {
            for hay in [format!("x{c}y"), format!("{c}"), format!("{c}{c} {c}")] {
                let doc = Lexed::new(&hay);
                let got: Vec<(Span, Kind)> = doc.all().iter().map(|t| (t.span, t.kind())).collect();
                assert_eq!(got, lex_by_chars(&hay), "{c:?}");
            }
        }
    }

    #[test]
    fn a_token_with_its_id_is_no_larger() {
        // As large as a token without an id: a span and a kind.
        assert_eq!(
            std::mem::size_of::<Tok>(),
            std::mem::size_of::<(Span, Kind)>()
        );
        let span = Span::new(0, 1);
        for c in ['\0', '.', '“', '\u{10FFFF}'] {
            let t = Tok::punct_char(span, c);
            assert_eq!(
                (t.kind(), t.punct(), t.is_word(), t.id()),
                (Kind::Punct(c), Some(c), false, NO_ID)
            );
        }
        for id in [0, 7, NO_ID - 1, NO_ID, Id::MAX] {
            let t = Tok::word(span, id);
            assert_eq!(
                (t.kind(), t.punct(), t.is_word(), t.id()),
                (Kind::Word, None, true, id.min(NO_ID))
            );
        }
    }

    #[test]
    fn whole_text_words_carry_their_vocabulary_ids() {
        let hay = "Mr. Kirby's aide, Kirby and the U.S. said: “Said it.” x-'y ‐z";
        let doc = Lexed::new(hay);
        for t in doc.all() {
            let want = if t.is_word() {
                doc.vocab().id(t.span.text(hay))
            } else {
                None
            };
            assert_eq!((t.id() != NO_ID).then_some(t.id()), want, "{t:?}");
        }
        // A window lexed on its own has no ids.
        assert!(lex(hay, Span::new(0, hay.len()))
            .iter()
            .all(|t| t.id() == NO_ID));
    }

    /// The key a word's vocabulary entry holds ([`Vocab::key_of`]) is
    /// [`key`] of the token's text, for every word token with an id, of
    /// the whole text and of every window of it (a window's cut words are
    /// lexed on their own, with no id): reading a token's key by its id
    /// gives what lower-casing its text gives, abbreviations, apostrophes
    /// and non-ASCII letters included.
    fn check_keys_by_id(hay: &str) {
        let doc = Lexed::new(hay);
        let by_id = |t: &Tok| {
            let v = doc.vocab();
            v.word(t.id()).map(|w| v.key_of(w).to_owned())
        };
        let mut with_id = 0;
        for t in doc.all().iter().filter(|t| t.is_word()) {
            let w = t.span.text(hay);
            assert_ne!(t.id(), NO_ID, "{w:?} in {hay:?}");
            assert_eq!(by_id(t).as_deref(), Some(key(w).as_str()), "{w:?}");
            with_id += 1;
        }
        assert_eq!(with_id, lex_by_chars(hay).len() - puncts(hay));
        let bounds: Vec<usize> = (0..=hay.len())
            .filter(|&i| hay.is_char_boundary(i))
            .collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b > a) {
                let window = doc.window(hay, Span::new(a, b));
                for t in window.iter().filter(|t| t.is_word() && t.id() != NO_ID) {
                    let w = t.span.text(hay);
                    assert_eq!(by_id(t).as_deref(), Some(key(w).as_str()), "{a}..{b}");
                }
            }
        }
    }

    /// How many punctuation tokens `hay` lexes into.
    fn puncts(hay: &str) -> usize {
        lex_by_chars(hay)
            .iter()
            .filter(|(_, k)| *k != Kind::Word)
            .count()
    }

    #[test]
    fn keys_by_id_are_the_texts_keys() {
        for hay in [
            "the U.S. said: “Don’t,” Mr. Kirby's aide told the u.s. press; \
             kirby's, company’s, it's, O’Neill's o'clock 3.5 e.V. z.B. ph.d.",
            "Die Ärztin sagte, Straße und STRASSE seien groß; Größe, größe, \
             Über über ÜBER; der Maß-Krug, Jean-Luc, jean-luc ‐x.",
            "İstanbul istanbul İSTANBUL ı I i; ΣΟΦΙΑΣ σοφιας Ὀδυσσεύς; ǅemal \
             ǆemal; Москва москва; 東京 says x1-Y2 NATO nato iPhone IPHONE.",
            "said Said SAID said's 's a's A's x's's Merkel.Als merkel.als \
             Aaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ] {
            check_keys_by_id(hay);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// [`keys_by_id_are_the_texts_keys`] on arbitrary text.
        #[test]
        fn keys_by_id_on_arbitrary_text(hay in "([aAsSßÄäİıΣσ1'’\\-‐. \n]|\\PC){0,30}") {
            check_keys_by_id(&hay);
        }
    }

    #[test]
    fn blocks_find_the_first_token_ending_after_any_position() {
        let hay = "“Yes.” he said, and x-y — ‘no’ U.S. end, a much longer word: \
                   Donaudampfschifffahrtsgesellschaftskapitän sagte … ja.";
        let doc = Lexed::new(hay);
        for pos in 0..hay.len() + 40 {
            let want = doc.all().partition_point(|t| t.span.end <= pos);
            assert_eq!(doc.first_ending_after(pos), want, "pos {pos}");
        }
        // Without the index (more tokens than `u32`), a bisection.
        let bare = Lexed {
            toks: doc.toks.clone(),
            vocab: Vocab::default(),
            blocks: Vec::new(),
            stops: std::cell::OnceCell::new(),
        };
        for pos in 0..hay.len() + 2 {
            assert_eq!(bare.first_ending_after(pos), doc.first_ending_after(pos));
        }
    }

    #[test]
    fn lower_matches_std() {
        for w in [
            "",
            "said",
            "Said",
            "SAID",
            "Ann's",
            "O’Neill",
            "Straße",
            "ÜBER",
            "Ὀδυσσεύς",
            "ΣΟΦΙΑΣ",
            "Σ",
            "ǅemal",
            "İstanbul",
            "x1-Y2",
            "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaaaaaaaaa",
            "Aaaaaaaaaaaaaaaaaaaaaa",
            "Aaaaaaaaaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(lower(w).as_str(), w.to_lowercase(), "{w}");
            let stripped = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            assert_eq!(key(w).as_str(), stripped.to_lowercase(), "{w}");
        }
    }
}
