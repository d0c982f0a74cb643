//! Counts, reading time and the quoted share of a text.

use crate::quote::{Quote, QuoteKind};
use crate::Span;

/// Figures for a whole text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    /// Words (tokens that are words, numbers, abbreviations…).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Minutes at 230 words a minute, rounded up; 0 for no words.
    pub reading_minutes: usize,
    /// Words inside speech quotations (nested ones counted once).
    pub quoted_words: usize,
    /// `quoted_words / words`, 0 when there are no words.
    pub quoted_share: f64,
}

/// Words per minute assumed for reading time (adult silent reading of
/// non-fiction, Brysbaert 2019: 238; rounded down for news).
pub const WORDS_PER_MINUTE: usize = 230;

/// Counts words in `text`: runs of letters or digits (with inner
/// apostrophes and hyphens) count once.
///
/// ```
/// assert_eq!(quotelens::count_words("Jean-Luc’s café, don't 3.5 km"), 6);
/// ```
pub fn count_words(text: &str) -> usize {
    WordCounter::default().count(text)
}

/// [`count_words`] of `span` of `hay`, read in `hay` (the chunk that holds
/// its end need not be copied out).
pub(crate) fn count_words_in(hay: &str, span: Span) -> usize {
    WordCounter::default().count_in(hay, span.start, span.end)
}

/// Counts the words of a text fed to it in consecutive pieces: a word
/// that runs over the cut between two pieces counts once, in the piece
/// where it starts.
///
/// The counter reads every byte of what it is fed (the text once, as
/// the pieces between and inside speech quotations, [`compute`]), eight
/// bytes at a time in a `u64`: each byte classed (letter or digit,
/// joiner, neither) and the rule worked out on all eight at once ([`step`]:
/// a few arithmetic steps and no branch per byte, in wasm as natively).
/// ASCII bytes are classed by arithmetic ([`ascii_classes`]), and so are
/// the chars U+2000 to U+203F (dashes, curly quotes and spaces: most of
/// the wide chars of news and dialogue, [`wide_classes`]); any other char
/// is decoded and asked [`crate::text::is_alphanumeric`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordCounter {
    /// Whether the last char fed was in a word: a letter or digit, or
    /// an apostrophe or hyphen right after one (which keeps it going).
    in_word: bool,
}

/// 0x01 in every byte of a `u64`.
const LOW: u64 = 0x0101_0101_0101_0101;
/// 0x80 in every byte of a `u64`: the bit that no ASCII byte has set.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes in a `u64`: the top bit set in each byte that
/// is `lo` or more (bits below the top one are noise). The byte is below
/// 0x80, so the sum fits in it and never carries into the next byte.
#[inline(always)]
fn at_least(x: u64, lo: u8) -> u64 {
    x.wrapping_add(LOW.wrapping_mul(u64::from(0x80u8.saturating_sub(lo))))
}

/// For eight ASCII bytes in a `u64`: the top bit set in each byte that
/// is `c`, and only there.
#[inline(always)]
fn equal(x: u64, c: u8) -> u64 {
    // A byte of x ^ c is 0 exactly where x is c, else below 0x80: taken
    // from 0x80 it leaves the top bit set only where it was 0 (and never
    // borrows from the next byte).
    HIGH.wrapping_sub(x ^ LOW.wrapping_mul(u64::from(c))) & HIGH
}

/// The classes of eight ASCII bytes: the top bit set in each byte that
/// is a letter or digit, and in each that is a joiner (an apostrophe or
/// hyphen).
#[inline(always)]
fn ascii_classes(x: u64) -> (u64, u64) {
    (alnum_of(x), joiners_of(x))
}

/// For eight ASCII bytes: the top bit set in each letter or digit.
#[inline(always)]
fn alnum_of(x: u64) -> u64 {
    // A byte at least '0' and not at least ':' is a digit: the second
    // implies the first, so one XOR of the top bits tells.
    let digit = at_least(x, b'0') ^ at_least(x, b'9' + 1);
    let lower = x | LOW.wrapping_mul(0x20); // A-Z to a-z
    let letter = at_least(lower, b'a') ^ at_least(lower, b'z' + 1);
    (digit | letter) & HIGH
}

/// For eight ASCII bytes: the top bit set in each joiner (' or -). Most
/// chunks have none: one test finds the bytes that differ from ' at most
/// in the bits 0x0A (', %, / and -), and only a chunk with any is looked
/// at again for the two.
#[inline(always)]
fn joiners_of(x: u64) -> u64 {
    let near = (x ^ LOW.wrapping_mul(u64::from(b'\''))) & LOW.wrapping_mul(0xF5);
    if HIGH.wrapping_sub(near) & HIGH == 0 {
        return 0;
    }
    equal(x, b'\'') | equal(x, b'-')
}

/// [`ascii_classes`] of eight bytes of a text whose only chars that are
/// not ASCII are U+2000 to U+203F (E2 80 xx, whole within the eight
/// bytes, as in `” said`: no letters or digits, and ‐ U+2010 and ’ U+2019
/// join); none for any other. The bytes start a char (the text is UTF-8,
/// so each E2 is followed by two continuation bytes).
#[inline(always)]
fn wide_classes(x: u64) -> Option<(u64, u64)> {
    let high = x & HIGH;
    // The bytes without their top bits, all ASCII to the arithmetic
    // (E2 reads as 0x62, 80 as 0, ’'s 99 as 0x19).
    let low = x ^ high;
    let lead = equal(low, 0x62) & high;
    // Every byte that is not ASCII is an E2 or one of the two after it,
    // the first of those 0x80, and no E2 is among the last two bytes.
    let ours = lead | lead << 8 | lead << 16;
    if ours != high || lead >> 48 != 0 || (lead << 8) & !equal(low, 0) != 0 {
        return None;
    }
    // ‐ and ’: all three bytes join, as the char does.
    let join = (equal(low, 0x10) | equal(low, 0x19)) & (lead << 16);
    let join = join | join >> 8 | join >> 16;
    // The wide bytes are neither letters nor (but for those) joiners.
    let (alnum, joiner) = ascii_classes(low);
    Some((alnum & !high, (joiner & !high) | join))
}

/// The word starts among the first `n` (1 to 8) bytes of a chunk, whose
/// letters and digits (`alnum`) and joiners (`joiner`) have the top bit
/// of their byte set (the first byte lowest) and no other bit, and
/// nothing set past the `n`th; `carry` is 0x80 when the byte before the
/// first was in a word, else 0. Returns the starts, as the top bits of
/// their bytes, and the carry for the next byte.
#[inline(always)]
fn step(alnum: u64, joiner: u64, carry: u64, n: usize) -> (u64, u64) {
    let mut in_word = alnum;
    if joiner != 0 {
        // An apostrophe or hyphen is in a word when the char before
        // it is. The first byte of each run of them that follows a
        // word gets a 1; added to the run's 0xFF bytes, it carries
        // through the whole run and stops after it, so the bytes that
        // flipped are the run's.
        let run = (joiner >> 7).wrapping_mul(0xff);
        let seed = (((alnum << 8) | carry) & joiner) >> 7;
        in_word |= (run.wrapping_add(seed) ^ run) & joiner;
    }
    let starts = alnum & !((in_word << 8) | carry);
    // (Only top bits are set: the last byte's, shifted down, is 0x80 or 0.)
    let last = 8 * n.clamp(1, 8) as u32 - 8;
    (starts, (in_word >> last) & 0x80)
}

/// How many starts [`step`] found.
#[inline(always)]
fn count(starts: u64) -> usize {
    // One bit a byte: the product sums the bytes into the top one.
    ((starts >> 7).wrapping_mul(LOW) >> 56) as usize
}

/// The eight bytes of `bytes` from `i` as a little-endian `u64` (the
/// first byte lowest), padded with NULs (in no word) past the end.
#[inline(always)]
fn chunk_at(bytes: &[u8], i: usize) -> u64 {
    let rest = bytes.get(i..).unwrap_or_default();
    match rest.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => padded(rest),
    }
}

/// The fewer than eight bytes of `rest` as [`chunk_at`] reads them.
#[cold]
#[inline(never)]
fn padded(rest: &[u8]) -> u64 {
    let mut chunk = [0u8; 8];
    if let Some(to) = chunk.get_mut(..rest.len()) {
        to.copy_from_slice(rest);
    }
    u64::from_le_bytes(chunk)
}

impl WordCounter {
    /// The words that start in `piece`, which continues what was fed
    /// before (see [`WordCounter`]).
    pub(crate) fn count(&mut self, piece: &str) -> usize {
        self.count_in(piece, 0, piece.len())
    }

    /// [`WordCounter::count_in`], a piece of eight bytes or fewer read as
    /// one chunk: most pieces of dialogue ([`compute`]'s “Yes.” and the
    /// marks and breaks between two lines) are, and the loop's set-up
    /// and its copied-out last chunk cost more than their reading.
    #[inline(always)]
    fn count_piece(&mut self, text: &str, from: usize, to: usize) -> usize {
        if to.wrapping_sub(from) <= 8 {
            self.count_short(text, from, to)
        } else {
            self.count_in(text, from, to)
        }
    }

    /// [`WordCounter::count_piece`] of a piece of eight bytes or fewer.
    #[inline(never)]
    fn count_short(&mut self, text: &str, from: usize, to: usize) -> usize {
        let bytes = text.as_bytes();
        if let (Some(n @ 1..=8), Some(chunk)) = (
            to.min(bytes.len()).checked_sub(from),
            bytes.get(from..).and_then(|r| r.first_chunk::<8>()),
        ) {
            let x = u64::from_le_bytes(*chunk) & (u64::MAX >> (64 - 8 * n as u32));
            let classes = if x & HIGH == 0 {
                Some(ascii_classes(x))
            } else {
                wide_classes(x)
            };
            if let Some((alnum, joiner)) = classes {
                let (k, c) = step(alnum, joiner, u64::from(self.in_word) << 7, n);
                self.in_word = c != 0;
                return count(k);
            }
        }
        self.count_in(text, from, to)
    }

    /// The words that start in `text[from..to]` (at char boundaries),
    /// which continues what was fed before. The bytes after `to` are read
    /// but not counted: a piece of a longer text (a quotation, the text
    /// between two) is read eight bytes at a time to its end, where a
    /// piece on its own ends with a chunk copied out and padded.
    #[inline(never)]
    pub(crate) fn count_in(&mut self, text: &str, from: usize, to: usize) -> usize {
        let bytes = text.as_bytes();
        let to = to.min(bytes.len());
        let mut words = 0usize;
        // Whether the byte before `i` is in a word, as the top bit of
        // its byte (kept here, not in `self`, while the piece is read).
        let mut carry = u64::from(self.in_word) << 7;
        let mut i = from;
        while i < to {
            // Eight ASCII bytes of the piece at a time, most of news (a
            // chunk with other bytes is kept for what follows).
            let mut wide = None;
            while let Some(chunk) = bytes.get(i..to).and_then(|r| r.first_chunk::<8>()) {
                let x = u64::from_le_bytes(*chunk);
                if x & HIGH != 0 {
                    wide = Some(x);
                    break;
                }
                let (starts, c) = step(alnum_of(x), joiners_of(x), carry, 8);
                words += count(starts);
                carry = c;
                i += 8;
            }
            // That chunk, or the piece's last bytes (fewer than eight),
            // the rest read as NULs.
            let (x, n) = match wide {
                Some(x) => (x, 8),
                None if i < to => {
                    let n = (to - i).min(8);
                    (chunk_at(bytes, i) & (u64::MAX >> (64 - 8 * n as u32)), n)
                }
                None => break,
            };
            let classes = if x & HIGH == 0 {
                Some(ascii_classes(x))
            } else {
                wide_classes(x)
            };
            if let Some((alnum, joiner)) = classes {
                let (k, c) = step(alnum, joiner, carry, n);
                words += count(k);
                carry = c;
                i += n;
                continue;
            }
            // The ASCII bytes before the first other char, then that
            // char (at `i`, a char boundary: it moves by whole chars),
            // decoded.
            let ascii = ((x & HIGH).trailing_zeros() / 8) as usize;
            if ascii > 0 {
                let (alnum, joiner) = ascii_classes(x & (u64::MAX >> (64 - 8 * ascii as u32)));
                let (k, c) = step(alnum, joiner, carry, ascii);
                words += count(k);
                carry = c;
                i += ascii;
            }
            // A char of U+2000 to U+203F (E2 80 xx, a curly mark cut
            // off by the chunk's end, as `“` after `Bo.\n\n`) is no letter
            // or digit, and ‐ and ’ join: read from its bytes, not decoded.
            if let Some(&[0xE2, 0x80, b]) = bytes.get(i..).and_then(|r| r.first_chunk::<3>()) {
                carry &= if matches!(b, 0x90 | 0x99) { 0x80 } else { 0 };
                i += 3;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            let alnum = crate::text::is_alphanumeric(c);
            words += usize::from(alnum && carry == 0);
            carry = if alnum || (carry != 0 && matches!(c, '’' | '‐')) {
                0x80
            } else {
                0
            };
            i += c.len_utf8();
        }
        self.in_word = carry != 0;
        words
    }
}

/// The words of each quotation's content ([`count_words`]), counted the
/// first time anyone asks and kept: the kind rules weigh a quotation by
/// its words, the speakers' figures add up their quotations' words and
/// [`compute`] the quoted share, and counting reads every byte of the
/// quotation (these readings were about half the counter's work on news,
/// and three calls per quotation on dialogue).
#[derive(Clone, Debug, Default)]
pub(crate) struct QuoteWords {
    /// By quotation index: its count, [`UNCOUNTED`] until asked.
    counts: Vec<usize>,
}

/// A quotation whose words no one has asked for yet.
const UNCOUNTED: usize = usize::MAX;

impl QuoteWords {
    /// Room for `n` quotations, none counted.
    pub(crate) fn new(n: usize) -> QuoteWords {
        QuoteWords {
            counts: vec![UNCOUNTED; n],
        }
    }

    /// Keeps `words`, the [`count_words`] of quotation `i`'s content,
    /// counted by whoever needed it first.
    pub(crate) fn record(&mut self, i: usize, words: usize) {
        if let Some(slot) = self.counts.get_mut(i) {
            *slot = words;
        }
    }

    /// The kept count of quotation `i`, if any.
    fn kept(&self, i: usize) -> Option<usize> {
        self.counts.get(i).copied().filter(|&n| n != UNCOUNTED)
    }

    /// The [`count_words`] of `content`, the content of quotation `i` in
    /// `hay`: the kept count, or counted now (and kept).
    pub(crate) fn get(&mut self, i: usize, hay: &str, content: Span) -> usize {
        match self.counts.get_mut(i) {
            Some(slot) if *slot != UNCOUNTED => *slot,
            Some(slot) => {
                *slot = count_words_in(hay, content);
                *slot
            }
            None => count_words_in(hay, content),
        }
    }
}

/// Whether `c` carries a word on when the char before it is in one
/// (the rule of [`count_words`]: inner apostrophes and hyphens).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Whether the counter is in a word after `piece`, given whether it was
/// before it (`in_word`): the last char that is not a joiner decides,
/// read backwards (the counter is in a word after a letter or digit, and
/// after a joiner that follows one).
fn in_word_after(piece: &str, in_word: bool) -> bool {
    piece
        .chars()
        .rev()
        .find(|&c| !is_joiner(c))
        .map_or(in_word, crate::text::is_alphanumeric)
}

/// The figures of `hay`. `quotes` have their final kinds; `quote_words`
/// keeps their word counts: a quotation the kind rules counted is not
/// read again, and the counts of the others are kept for the speakers'
/// figures ([`crate::attribution::tally`]).
pub(crate) fn compute(
    hay: &str,
    sentences: &[Span],
    paragraphs: &[Span],
    quotes: &[Quote],
    quote_words: &mut QuoteWords,
) -> Stats {
    // Quoted words are the text's words that start inside a top-level
    // speech quotation (nested ones are inside them), counted in the same
    // pass, so they never outnumber the words (one word of the whole text
    // can hold the edges of two quotations, as in w'''''a, and counting
    // each quotation on its own would count it twice). The quotations are
    // sorted and disjoint: the text is fed to one counter as the pieces
    // between them and the pieces inside them.
    let (mut words, mut quoted_words) = (0usize, 0usize);
    let mut counter = WordCounter::default();
    let mut at = 0usize;
    let mut covered_to = 0usize;
    for (i, q) in quotes.iter().enumerate() {
        if q.kind != QuoteKind::Speech || q.content.start < covered_to {
            continue;
        }
        let c = q.content;
        covered_to = c.end;
        words += counter.count_piece(hay, at, c.start);
        // Outside a word, the piece's count is the quotation's own: the
        // one the rules kept, with the counter's state after the piece
        // read back from its end, or the one counted now, kept.
        let inside = match quote_words.kept(i) {
            Some(n) if !counter.in_word => {
                counter.in_word = in_word_after(c.text(hay), false);
                n
            }
            _ => {
                let fresh = !counter.in_word;
                let n = counter.count_piece(hay, c.start, c.end);
                if fresh {
                    quote_words.record(i, n);
                }
                n
            }
        };
        words += inside;
        quoted_words += inside;
        at = c.end;
    }
    words += counter.count_in(hay, at, hay.len());
    Stats {
        words,
        sentences: sentences.len(),
        paragraphs: paragraphs.len(),
        reading_minutes: words.div_ceil(WORDS_PER_MINUTE),
        quoted_words,
        quoted_share: if words == 0 {
            0.0
        } else {
            quoted_words as f64 / words as f64
        },
    }
}

#[cfg(test)]
mod tests {
    /// The rule of [`super::count_words`], one char at a time.
    fn reference(text: &str) -> Vec<usize> {
        let mut in_word = false;
        text.char_indices()
            .filter_map(|(i, c)| {
                let w = c.is_alphanumeric();
                let start = w && !in_word;
                in_word = w || (in_word && matches!(c, '\'' | '’' | '-' | '‐'));
                start.then_some(i)
            })
            .collect()
    }

    /// The words the counter finds in `text` cut at each of `cuts`
    /// (char boundaries, in order), piece by piece.
    fn pieces(text: &str, cuts: &[usize]) -> Vec<usize> {
        let mut counter = super::WordCounter::default();
        let mut at = 0;
        let mut out = Vec::new();
        for &cut in cuts.iter().chain([&text.len()]) {
            out.push(counter.count(&text[at..cut]));
            at = cut;
        }
        out
    }

    /// [`pieces`], each piece read in place in `text` by `count` (one
    /// counter for all, fed piece after piece).
    fn pieces_by(
        text: &str,
        cuts: &[usize],
        count: fn(&mut super::WordCounter, &str, usize, usize) -> usize,
    ) -> Vec<usize> {
        let mut counter = super::WordCounter::default();
        let mut at = 0;
        let mut out = Vec::new();
        for &cut in cuts.iter().chain([&text.len()]) {
            out.push(count(&mut counter, text, at, cut));
            at = cut;
        }
        out
    }

    /// [`pieces`] through [`super::WordCounter::count_in`], which reads
    /// past a piece's end.
    fn pieces_in(text: &str, cuts: &[usize]) -> Vec<usize> {
        pieces_by(text, cuts, super::WordCounter::count_in)
    }

    /// [`pieces`] through [`super::WordCounter::count_piece`], as
    /// [`super::compute`] reads them (a piece of eight bytes or fewer in
    /// one chunk).
    fn pieces_piece(text: &str, cuts: &[usize]) -> Vec<usize> {
        pieces_by(text, cuts, super::WordCounter::count_piece)
    }

    /// What [`pieces`] must give: the rule's word starts in each piece.
    fn expected(text: &str, cuts: &[usize]) -> Vec<usize> {
        let starts = reference(text);
        let mut at = 0;
        let mut out = Vec::new();
        for &cut in cuts.iter().chain([&text.len()]) {
            out.push(starts.iter().filter(|&&s| at <= s && s < cut).count());
            at = cut;
        }
        out
    }

    #[test]
    fn words_follow_the_rule() {
        for t in [
            "",
            "don't stop—Jean-Luc’s café, 3.5 km",
            "'' -- ’’ ‐‐ a'-b ’x ‐y",
            "a’‐’b a”b “ab” ‐a ’ a‽b a€b aℓb 1⁄2",
            "Straße über 東京 e\u{301}",
        ] {
            assert_eq!(super::count_words(t), reference(t).len(), "{t}");
            // Cut anywhere, a word counts once, where it starts.
            for (k, _) in t.char_indices() {
                assert_eq!(pieces(t, &[k]), expected(t, &[k]), "{t} at {k}");
                assert_eq!(pieces_in(t, &[k]), expected(t, &[k]), "{t} at {k}");
                // And at a second cut up to nine bytes on.
                for (j, _) in t[k..].char_indices().take_while(|&(j, _)| j <= 9) {
                    let cuts = [k, k + j];
                    assert_eq!(
                        pieces_piece(t, &cuts),
                        expected(t, &cuts),
                        "{t} at {cuts:?}"
                    );
                }
            }
        }
    }

    /// Every short run of letters, joiners, spaces and a non-ASCII
    /// letter, at every offset in the counter's eight-byte chunks.
    #[test]
    fn words_in_every_short_shape() {
        // (’ and ” are read with ASCII, ℓ is not: E2 84 93, a letter.)
        let alphabet = ["a", "'", "-", " ", "é", "’", "”", "ℓ"];
        // All shapes of up to five of them.
        let shapes = crate::text::every_string(&alphabet, 5);
        for shape in &shapes {
            for lead in 0..8 {
                let t = format!("{}{shape}x", "b".repeat(lead));
                assert_eq!(super::count_words(&t), reference(&t).len(), "{t:?}");
            }
        }
    }

    /// A speech quotation of `len` bytes at `start`, marks left out.
    fn speech_at(start: usize, len: usize) -> crate::quote::Quote {
        crate::quote::Quote {
            span: crate::Span::new(start, start + len),
            content: crate::Span::new(start, start + len),
            open: crate::Span::new(start, start),
            close: None,
            kind: crate::QuoteKind::Speech,
            depth: 0,
            parent: None,
            attribution: None,
        }
    }

    #[test]
    fn quoted_words_are_the_words_inside() {
        let hay = "He said “two words” and ‘one’ then w''''a.";
        let q = |a: &str| {
            let start = hay.find(a).unwrap();
            speech_at(start, a.len())
        };
        let quotes = [q("two words"), q("one"), q("''a")];
        let stats = super::compute(
            hay,
            &[],
            &[],
            &quotes,
            &mut super::QuoteWords::new(quotes.len()),
        );
        assert_eq!(stats.words, 8);
        // w''''a is one word, started before the quotation: not quoted.
        assert_eq!(stats.quoted_words, 3);
    }

    /// A quotation's count kept by the kind rules is used as it is, and
    /// afterwards every speech quotation holds its own count for the
    /// speakers' figures, whichever were kept before: the figures are the
    /// same either way, also where a word runs into a quotation (w''a)
    /// or a quotation is all joiners.
    #[test]
    fn kept_counts_give_the_same_figures() {
        let hay = "He said “two words” and ‘one’ then w''''a, x“-”y “’t a-” b.";
        // The quotation `a`, right after `lead`.
        let q = |lead: &str, a: &str| {
            let start = hay.find(&format!("{lead}{a}")).unwrap() + lead.len();
            speech_at(start, a.len())
        };
        let quotes = [
            q("“", "two words"),
            q("‘", "one"),
            q("w''", "''a"),
            q("x“", "-"),
            q("y “", "’t a-"),
        ];
        let expected = super::compute(
            hay,
            &[],
            &[],
            &quotes,
            &mut super::QuoteWords::new(quotes.len()),
        );
        assert_eq!(expected.words, reference(hay).len());
        // w''''a started before its quotation; "-" is no word.
        assert_eq!(expected.quoted_words, 5);
        for kept in 0..1u32 << quotes.len() {
            let mut words = super::QuoteWords::new(quotes.len());
            for (i, q) in quotes.iter().enumerate() {
                if kept & 1 << i != 0 {
                    words.record(i, super::count_words(q.content.text(hay)));
                }
            }
            let stats = super::compute(hay, &[], &[], &quotes, &mut words);
            assert_eq!(stats, expected, "kept {kept:b}");
            for (i, q) in quotes.iter().enumerate() {
                let text = q.content.text(hay);
                assert_eq!(
                    words.get(i, hay, q.content),
                    super::count_words(text),
                    "{text}"
                );
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn words_on_arbitrary_text(t in "([a1'’”\\-‐ .éℓ€]|\\PC){0,80}", a in 0usize..60, b in 0usize..60) {
            // Two cuts at char boundaries, in order.
            let mut cuts: Vec<usize> = [a, b]
                .iter()
                .map(|&k| (k.min(t.len())..=t.len()).find(|&i| t.is_char_boundary(i)).unwrap_or(t.len()))
                .collect();
            cuts.sort_unstable();
            proptest::prop_assert_eq!(super::count_words(&t), reference(&t).len());
            proptest::prop_assert_eq!(pieces(&t, &cuts), expected(&t, &cuts));
            proptest::prop_assert_eq!(pieces_in(&t, &cuts), expected(&t, &cuts));
            proptest::prop_assert_eq!(pieces_piece(&t, &cuts), expected(&t, &cuts));
        }
    }
}
