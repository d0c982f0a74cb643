//! Sentence splitting.
//!
//! The splitter works paragraph by paragraph (see [`crate::paragraphs`]),
//! so a sentence never crosses a paragraph break. Inside a paragraph it
//! makes two passes:
//!
//! 1. **Wrappers.** Quotation marks and brackets are paired (by kind, and
//!    for straight `"` by what stands left and right of the mark). No
//!    sentence ends inside a pair that is short (`“I came. I saw.” Then…`)
//!    or that the sentence goes on after (a lowercase word, a comma, a
//!    period: `start "the. one two. three" end`, `“Go. Now,” he said`).
//!    Whether one ends right at its closing mark is for the rules below.
//! 2. **Candidates.** Every run of terminators (`.` `!` `?` `…` `。` …)
//!    followed by closing marks and then whitespace is a candidate; rules
//!    look at the word before it (abbreviation, initial, number, acronym)
//!    and the word after it (capitalised? a typical sentence opener?) to
//!    decide. Ellipses, spaced ellipses (`. . .`) and list markers (`1.`,
//!    `a)`, `•`) have rules of their own.
//!
//! Both passes look at each byte a bounded number of times (look-behind and
//! look-ahead are capped), so the whole split is linear in the text.

mod lexicon;

use crate::scan::{self, ByteSet};
use crate::{Lang, Span};
use lexicon::Abbr;

/// The sentences of `hay`, in order, each trimmed of surrounding
/// whitespace; together they cover every non-whitespace character, and no
/// two overlap. A sentence never crosses a paragraph break (see
/// [`crate::paragraphs`]).
///
/// What does not end a sentence: abbreviations (`Mr.`, `Inc.`, `e.g.`,
/// `U.S.` before a name), initials (`John F. Kennedy`), decimals, list
/// numbers (`1.`, `a)`), ellipses before a lowercase word, `!` or `?`
/// inside a quotation or before `she cried`, and anything inside a short
/// quotation or parenthesis or one the sentence goes on after
/// (`“Go. Now,” he said`). CJK full stops (`。！？`) end sentences without
/// a space after them.
///
/// `lang` selects the abbreviation list and a few language habits
/// (German ordinals such as `12. Juni`; outside English a period before a
/// lowercase word does not end a sentence). [`Lang::Auto`] behaves like
/// English plus language-neutral rules (CJK full stops, « » and „ “).
///
/// # Time complexity
///
/// Linear in the length of `hay`, whatever it holds.
///
/// # Example
/// ```
/// use quotelens::{sentences, Lang};
/// let hay = "Mr. Smith arrived at 5 p.m. on Jan. 3. “Stop!” she cried. He left.";
/// let got: Vec<&str> = sentences(hay, Lang::En).iter().map(|s| s.text(hay)).collect();
/// assert_eq!(
///     got,
///     ["Mr. Smith arrived at 5 p.m. on Jan. 3.", "“Stop!” she cried.", "He left."]
/// );
/// ```
pub fn sentences(hay: &str, lang: Lang) -> Vec<Span> {
    in_paragraphs(
        hay,
        &crate::paragraph::paragraphs(hay),
        lang,
        &scan::stops(hay),
    )
}

/// [`sentences`] of a text already split into `paragraphs` (the whole
/// analysis has them, and splitting twice was a tenth of its time on
/// short-paragraph text), with the [`scan::stops`] of `hay`. The
/// paragraphs are [`crate::paragraph::paragraphs`]' spans: trimmed, not
/// empty, in order (a paragraph that is one sentence is that sentence).
// Out of line: one call per text, and inlined into `Analyzer::analyze`
// its loops shared that large function's registers (more spills).
#[inline(never)]
pub(crate) fn in_paragraphs(
    hay: &str,
    paragraphs: &[Span],
    lang: Lang,
    stops: &[usize],
) -> Vec<Span> {
    let mut out = Vec::new();
    // Reused by every block (short paragraphs made two allocations each).
    let mut scratch = Scratch::default();
    let mut from = 0;
    for &para in paragraphs {
        let stops = scan::within(stops, para, &mut from);
        Block::new(hay, para, lang).split(&mut out, &mut scratch, stops);
    }
    out
}

/// Buffers [`Block::split`] reuses from block to block.
#[derive(Default)]
struct Scratch {
    /// Open marks while pairing.
    stack: Vec<(Pair, usize)>,
    /// What [`Block::wrappers`] found.
    wrappers: Vec<(usize, usize)>,
}

/// The wrappers of the block being split, as [`Block::judge`] reads them.
struct Wraps {
    /// Whether [`Block::wrappers`] has paired this block's marks into
    /// [`Scratch::wrappers`] yet.
    paired: bool,
    /// The first of them that does not end before the candidate judged:
    /// candidates only move forward, so the cursor does too.
    at: usize,
}

/// How far the splitter looks back for the word before a period, in bytes.
/// Longer "words" (URLs, hashes) are never abbreviations.
const MAX_WORD_BACK: usize = 64;

/// How many stack entries a closing mark may skip to find its opener: an
/// unpaired mark in between is dropped, a lost closer does not reach far.
const MAX_SKIP: usize = 8;

/// Quotations and brackets up to this many bytes (a few short sentences)
/// stay whole inside one sentence: `“I came. I saw.” Then she left.` is two
/// sentences, not three, as pySBD and compromise have it. A longer one (a
/// quoted monologue, or a mark paired wrongly) is split like running text,
/// unless the sentence goes on after it (`“…,” he said`).
const MAX_WHOLE_QUOTE: usize = 400;

/// The deepest nesting of marks tracked; deeper openers are ignored.
const MAX_DEPTH: usize = 64;

/// Bytes that may start a character the passes care about: ASCII
/// terminators and marks, and lead bytes of the multi-byte ones: « » (C2),
/// ։ (D6), ؟ (D8), ۔ (DB), । ॥ (E0), ። ။ (E1), … ‼ “ ” „ • ⁃ (E2),
/// 。「」 (E3), ！？．（） (EF). Everything else is skipped a byte at a
/// time without decoding, which keeps the common case fast.
pub(crate) const fn interesting_byte(b: u8) -> bool {
    matches!(
        b,
        b'.' | b'!'
            | b'?'
            | b'"'
            | b'('
            | b')'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b':'
            | 0xC2
            | 0xD6
            | 0xD8
            | 0xDB
            | 0xE0
            | 0xE1
            | 0xE2
            | 0xE3
            | 0xEF
    )
}

/// [`interesting_byte`] as a table: the passes go from one
/// [`scan::stops`] to the next and skip those not in it with one load.
static INTERESTING: ByteSet = scan::byte_set!(interesting_byte);

/// [`interesting_byte`] or ASCII whitespace, where a list item may start.
const fn interesting_or_space(b: u8) -> bool {
    interesting_byte(b) || b.is_ascii_whitespace()
}

/// [`interesting_or_space`] as a table.
static INTERESTING_OR_SPACE: ByteSet = scan::byte_set!(interesting_or_space);

#[inline]
fn interesting(b: u8) -> bool {
    INTERESTING.get(usize::from(b)).copied().unwrap_or(false)
}

/// Kinds of paired marks; a closer only closes an opener of its kind. All
/// double quotation marks are one kind, since languages pair them in
/// every combination (“…” „…“ «…» »…« "…").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pair {
    Double,
    Paren,
    Square,
    Curly,
    Corner,
    WhiteCorner,
    Book,
    Angle,
    Lenticular,
    WideParen,
}

/// What a mark does, before looking at its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Usually opens, but its neighbours decide (“ opens in English and
    /// closes in German).
    LeanOpen,
    /// Usually closes, but its neighbours decide (» in Danish opens).
    LeanClose,
    /// Only its neighbours decide (the straight `"`).
    Straight,
}

fn mark(c: char) -> Option<(Pair, Role)> {
    Some(match c {
        '"' => (Pair::Double, Role::Straight),
        '“' | '«' => (Pair::Double, Role::LeanOpen),
        '”' | '»' => (Pair::Double, Role::LeanClose),
        '„' => (Pair::Double, Role::Open),
        '(' => (Pair::Paren, Role::Open),
        ')' => (Pair::Paren, Role::Close),
        '[' => (Pair::Square, Role::Open),
        ']' => (Pair::Square, Role::Close),
        '{' => (Pair::Curly, Role::Open),
        '}' => (Pair::Curly, Role::Close),
        '「' => (Pair::Corner, Role::Open),
        '」' => (Pair::Corner, Role::Close),
        '『' => (Pair::WhiteCorner, Role::Open),
        '』' => (Pair::WhiteCorner, Role::Close),
        '《' => (Pair::Book, Role::Open),
        '》' => (Pair::Book, Role::Close),
        '〈' => (Pair::Angle, Role::Open),
        '〉' => (Pair::Angle, Role::Close),
        '【' => (Pair::Lenticular, Role::Open),
        '】' => (Pair::Lenticular, Role::Close),
        '（' => (Pair::WideParen, Role::Open),
        '）' => (Pair::WideParen, Role::Close),
        _ => return None,
    })
}

/// Sentence-ending punctuation. `.` is included; whether it ends anything
/// is for the rules to say.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '‽'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '．'
            | '։'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '።'
            | '፧'
            | '။'
    )
}

/// Terminators that end a sentence with no space after them (CJK text has
/// no spaces between sentences), and whose period is unambiguous.
fn is_wide_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．' | '።' | '፧' | '။')
}

/// Marks that may follow a terminator and still belong to the sentence it
/// ends: closing quotation marks and brackets.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '“'
            | '’'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '）'
    )
}

/// Marks that may come before the first letter of a word: opening
/// quotation marks and brackets, Spanish ¿ ¡.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '（'
    )
}

/// Armenian letters: Armenian text ends sentences with `:` (or `։`).
fn is_armenian(c: char) -> bool {
    ('\u{0531}'..='\u{0587}').contains(&c)
}

/// List bullets, as [`Block::bullet_at`] knows them by their bytes (its
/// test compares the two).
#[cfg(test)]
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '▸')
}

/// A letter with no upper case: a lowercase letter, or a letter of a
/// script without case (CJK), which never starts a new sentence after a
/// closing mark.
fn is_lowerish(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase()
}

/// A run of terminators and closing marks, e.g. `?”`, `...`, `!».`.
#[derive(Clone, Copy, Debug)]
struct Unit {
    /// Byte index of its first terminator.
    first: usize,
    /// Byte index of its last terminator.
    last_term: usize,
    /// One past its last byte.
    end: usize,
    /// Periods in the first run of terminators.
    dots: usize,
    /// Whether it holds `…`.
    ellipsis: bool,
    /// Whether it holds `!` or `?` (or their kin).
    strong: bool,
    /// Whether it holds a CJK full stop.
    wide: bool,
    /// Whether a closing mark follows a terminator in it.
    closer: bool,
    /// Whether it ends with a closing mark (`!”`, not `!”.`).
    ends_closed: bool,
    /// Whether it ends with a closing quotation mark.
    ends_quoted: bool,
}

/// The word before a period, classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before {
    /// No word: the terminator follows whitespace or an opening mark.
    Nothing,
    /// Digits only; `short` when three or fewer (a list number).
    Integer { short: bool, at_start: bool },
    /// One letter: an initial (J.), a list letter (a.).
    Letter { upper: bool, at_start: bool },
    /// Letters with inner periods, few per piece: U.S, a.m, Ph.D.
    Acronym,
    /// A known abbreviation.
    Abbr(Abbr),
    /// A name spelt with `!` (Yahoo!).
    Exclamation,
    /// Any other word.
    Plain,
}

/// The token after a candidate boundary.
#[derive(Clone, Copy, Debug)]
struct After {
    /// Its first character.
    first: char,
    /// Its first letter or digit, past opening marks (¿, “, ().
    lead: Option<char>,
    /// Whether it starts with a dash (`--`, `—`, `–`): an aside goes on.
    dash: bool,
    /// Where its first letter or digit is (or `at` when none is near).
    word_start: usize,
}

impl After {
    /// Its first word when that is capitalised (else empty), up to 25
    /// bytes: found only when a rule needs it (few do), not for every
    /// candidate.
    fn word(&self, block: &Block) -> Span {
        let start = self.word_start;
        if !self.upper() {
            return Span::new(start, start);
        }
        let tail = block.hay.get(start..block.end).unwrap_or("");
        let mut wend = 0;
        for (k, c) in tail.char_indices() {
            if !c.is_alphabetic() || k > 24 {
                break;
            }
            wend = k + c.len_utf8();
        }
        Span::new(start, start + wend)
    }

    /// Whether its capitalised first word opens sentences in the block's
    /// language (The, It) and is not itself an initial (`A.`, as in
    /// `J. A. Smith`).
    fn starter(&self, block: &Block) -> bool {
        let hay = block.hay;
        let span = self.word(block);
        let word = span.text(hay);
        if word.is_empty() {
            return false;
        }
        let initial = word.chars().nth(1).is_none()
            && hay.get(span.end..).is_some_and(|t| t.starts_with('.'));
        let mut buf = [0u8; 32];
        !initial && lower(word, &mut buf).is_some_and(|k| lexicon::is_starter(k, block.lang))
    }

    /// Whether its first word is a German month name (`12. Juni`).
    fn month(&self, block: &Block) -> bool {
        let mut buf = [0u8; 32];
        lower(self.word(block).text(block.hay), &mut buf).is_some_and(lexicon::is_month_de)
    }

    /// Whether its first word is a Roman numeral (`Vol. II`).
    fn roman(&self, block: &Block) -> bool {
        let word = self.word(block).text(block.hay);
        !word.is_empty() && word.len() <= 6 && word.bytes().all(|b| b"IVXLCDM".contains(&b))
    }

    fn upper(&self) -> bool {
        self.lead.is_some_and(char::is_uppercase)
    }

    /// Lowercase proper: a letter of a script without case (Arabic,
    /// Devanagari) can start a sentence.
    fn lower(&self) -> bool {
        self.lead.is_some_and(char::is_lowercase)
    }
}

/// A list in progress: the marker that would open its next item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum List {
    /// `1.`, `1.)`, `1)`: the next number and the text after the digits.
    Number { next: u32, style: Style },
    /// `a.`, `a)`: the next letter and the text after it.
    Letter { next: u8, style: Style },
    /// `•`, `⁃`: the bullet.
    Bullet(char),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Dot,
    DotParen,
    Paren,
}

/// One paragraph being split.
struct Block<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
    lang: Lang,
    /// English rules: a period before a lowercase word still ends the
    /// sentence unless an abbreviation explains it.
    english: bool,
}

/// What [`Block::judge`] decides about a run of terminators.
#[derive(Clone, Copy, Debug)]
enum Decision {
    /// The sentence goes on.
    Keep,
    /// The sentence ends at this byte; the next starts at the next
    /// non-whitespace character.
    Break(usize),
}

impl<'h> Block<'h> {
    fn new(hay: &'h str, span: Span, lang: Lang) -> Block<'h> {
        Block {
            hay,
            start: span.start.min(hay.len()),
            end: span.end.min(hay.len()),
            lang,
            english: matches!(lang, Lang::Auto | Lang::En),
        }
    }

    /// The char at byte `i` of the block, if `i` is a boundary inside it.
    /// An ASCII byte is its own char: read without slicing and decoding
    /// (the block's ends are char boundaries, as paragraph spans are),
    /// which most reads are, and the splitter reads chars at every mark.
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        match self.bytes().get(i) {
            Some(&b) if b.is_ascii() && i < self.end => Some(char::from(b)),
            _ => self.hay.get(i..self.end)?.chars().next(),
        }
    }

    /// The char ending at byte `i` of the block (ASCII read directly, as
    /// in [`Block::char_at`]).
    #[inline]
    fn char_before(&self, i: usize) -> Option<char> {
        match i.checked_sub(1).and_then(|j| self.bytes().get(j)) {
            Some(&b) if b.is_ascii() && i > self.start => Some(char::from(b)),
            _ => self.hay.get(self.start..i)?.chars().next_back(),
        }
    }

    fn bytes(&self) -> &'h [u8] {
        self.hay.as_bytes()
    }

    /// Pushes the sentences of this block onto `out`.
    /// `stops` are the block's [`scan::stops`]: both passes read the
    /// bytes they care about from it, without scanning the block.
    fn split(&self, out: &mut Vec<Span>, scratch: &mut Scratch, stops: &[usize]) {
        if self.start >= self.end {
            return;
        }
        // The first of `stops` not yet passed: `i` only grows, so the
        // cursor only moves forward.
        let mut stop_at = 0usize;
        // The wrappers are paired when a candidate first needs them: most
        // one-line paragraphs of dialogue (`“Yes.”`) end with their only
        // candidate, which needs none, and pairing cost more than the
        // rest of their split.
        let mut wraps = Wraps {
            paired: false,
            at: 0,
        };
        let mut sent_start = self.start;
        let mut list = self.list_at(sent_start, None);
        let bytes = self.bytes();
        let mut i = self.start;
        while i < self.end {
            // Skip the bytes no rule cares about in one tight loop.
            if list.is_some() {
                // A list item may also start after a space, which the
                // stops do not hold.
                let rest = bytes.get(i..self.end).unwrap_or_default();
                i += scan::position(rest, &INTERESTING_OR_SPACE).unwrap_or(rest.len());
            } else {
                while stops
                    .get(stop_at)
                    .is_some_and(|&s| s < i || !bytes.get(s).is_some_and(|&b| interesting(b)))
                {
                    stop_at += 1;
                }
                i = stops.get(stop_at).copied().unwrap_or(self.end);
            }
            let Some(&b) = bytes.get(i).filter(|_| i < self.end) else {
                break;
            };
            if list.is_some() && b.is_ascii_whitespace() {
                // A list item may start after this space.
                let next = self.skip_space(i);
                if next < self.end && next > sent_start {
                    if let Some(l) = list {
                        if let Some(nl) = self.continues_list(next, l) {
                            self.push(out, sent_start, i);
                            sent_start = next;
                            list = Some(nl);
                        }
                    }
                }
                i = next.max(i + 1);
                continue;
            }
            if !interesting(b) {
                i += 1;
                continue;
            }
            if b == 0xE2 && matches!(bytes.get(i + 1..i + 3), Some(&[0x80, 0x98..=0x9F])) {
                // A curly quotation mark (‘ ’ ‚ ‛ “ ” „ ‟), the commonest
                // E2 char: neither a terminator nor a bullet, skipped
                // without decoding it.
                i += 3;
                continue;
            }
            let Some(c) = self.char_at(i) else {
                i += 1;
                continue;
            };
            if list == Some(List::Bullet(c)) && i > sent_start {
                if self.char_before(i).is_some_and(char::is_whitespace) {
                    self.push(out, sent_start, i);
                    sent_start = i;
                }
                i += c.len_utf8();
                continue;
            }
            let armenian_stop = c == ':' && self.char_before(i).is_some_and(is_armenian);
            if !(is_terminator(c) || armenian_stop)
                || (c == '．'
                    && self
                        .char_at(i + c.len_utf8())
                        .is_some_and(|d| d.is_ascii_digit() || ('０'..='９').contains(&d)))
            {
                i += c.len_utf8();
                continue;
            }
            if self.ends_block(i + c.len_utf8()) {
                // Its unit runs to the end of the block: [`Block::judge`]
                // would keep the sentence going, to the end.
                break;
            }
            let item = self.item_start(sent_start);
            let (resume, decision) = self.judge(i, item, scratch, stops, &mut wraps);
            match decision {
                Decision::Keep => i = resume.max(i + 1),
                Decision::Break(at) => {
                    self.push(out, sent_start, at);
                    sent_start = self.skip_space(at);
                    list = self.list_at(sent_start, list);
                    i = resume.max(sent_start).max(i + 1);
                }
            }
        }
        if sent_start == self.start {
            // The whole block is one sentence: a paragraph, which comes
            // trimmed and not empty ([`in_paragraphs`]), kept as it is.
            // [`Block::push`] would find nothing to trim, and its call
            // cost a sixth of the split of a line of dialogue.
            out.push(Span::new(self.start, self.end));
        } else {
            self.push(out, sent_start, self.end);
        }
    }

    /// Whether the block from `j` on is only terminators and closing
    /// marks, told by their bytes (`.`, `”`, `?”`, `…»`): a unit that
    /// holds them ends with the block, which no rule breaks. The last
    /// sentence of most paragraphs ends so (every line of dialogue), and
    /// the call to [`Block::judge`] cost more than this test.
    #[inline]
    fn ends_block(&self, mut j: usize) -> bool {
        let bytes = self.bytes();
        while j < self.end {
            j += match bytes.get(j..self.end.min(j + 3)) {
                Some(&[b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}', ..]) => 1,
                // ” ’ …
                Some(&[0xE2, 0x80, 0x9D | 0x99 | 0xA6]) => 3,
                // »
                Some(&[0xC2, 0xBB, ..]) => 2,
                _ => return false,
            };
        }
        true
    }

    /// Where the words of a sentence starting at `at` begin: past a bullet
    /// and its spaces, so that `• 9.` reads as a list number.
    fn item_start(&self, at: usize) -> usize {
        match self.bullet_at(at) {
            Some(c) => self.skip_space(at + c.len_utf8()),
            None => at,
        }
    }

    /// The bullet at `at`, if one is there, told by its three bytes: any
    /// other char is turned away without decoding it (asked at the start
    /// of every sentence, where `“` also starts with E2).
    #[inline]
    fn bullet_at(&self, at: usize) -> Option<char> {
        // All start with E2, most chars asked do not.
        if self.bytes().get(at) != Some(&0xE2) || at + 3 > self.end {
            return None;
        }
        Some(match self.bytes().get(at..at + 3)? {
            [0xE2, 0x80, 0xA2] => '•',
            [0xE2, 0x80, 0xA3] => '‣',
            [0xE2, 0x81, 0x83] => '⁃',
            [0xE2, 0x96, 0xAA] => '▪',
            [0xE2, 0x96, 0xB8] => '▸',
            [0xE2, 0x97, 0xA6] => '◦',
            _ => return None,
        })
    }

    /// Pushes the sentence `start..end`, trimmed, if anything is left.
    fn push(&self, out: &mut Vec<Span>, start: usize, end: usize) {
        // Most sentences start with a printable ASCII char or a curly
        // mark and end with one: nothing to trim, known from their bytes
        // without decoding the chars at both ends.
        let bytes = self.bytes();
        let curly = |k: usize| matches!(bytes.get(k..k + 3), Some(&[0xE2, 0x80, 0x98..=0x9F]));
        if start < end
            && bytes
                .get(start)
                .is_some_and(|&b| b.is_ascii_graphic() || b == 0xE2 && curly(start))
            && bytes
                .get(end - 1)
                .is_some_and(|&b| b.is_ascii_graphic() || end >= 3 && curly(end - 3))
        {
            out.push(Span::new(start, end));
            return;
        }
        let Some(text) = self.hay.get(start..end) else {
            return;
        };
        let t = text.trim_start();
        let s = start + (text.len() - t.len());
        let t = t.trim_end();
        if !t.is_empty() {
            out.push(Span::new(s, s + t.len()));
        }
    }

    /// The first non-whitespace byte at or after `i` (or the block end).
    fn skip_space(&self, mut i: usize) -> usize {
        while i < self.end {
            match self.char_at(i) {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                Some(_) => break,
                None => i += 1,
            }
        }
        i.min(self.end)
    }

    /// Pairs quotation marks and brackets; leaves in `scratch.wrappers`
    /// the spans (open mark to close mark) inside which no sentence may
    /// end, sorted and disjoint.
    #[inline(never)]
    fn wrappers(&self, scratch: &mut Scratch, stops: &[usize]) {
        let bytes = self.bytes();
        let Scratch {
            stack,
            wrappers: out,
        } = scratch;
        stack.clear();
        out.clear();
        // Past the char last read.
        let mut next = self.start;
        for &i in stops {
            if i >= self.end {
                break;
            }
            if i < next || !bytes.get(i).is_some_and(|&b| interesting(b)) {
                continue;
            }
            let Some(c) = self.char_at(i) else {
                next = i + 1;
                continue;
            };
            let len = c.len_utf8();
            if let Some((pair, role)) = mark(c) {
                let open = match role {
                    Role::Open => Some(true),
                    Role::Close => Some(false),
                    _ => {
                        let prev = self.char_before(i);
                        let next = self.char_at(i + len);
                        let left = prev.is_none_or(|p| {
                            p.is_whitespace() || is_opener(p) || matches!(p, '-' | '–' | '—')
                        });
                        let right = next.is_none_or(|n| {
                            n.is_whitespace()
                                || is_closer(n)
                                || is_terminator(n)
                                || matches!(n, ',' | ';' | ':')
                        });
                        match (left, right, role) {
                            (true, false, _) => Some(true),
                            (false, true, _) => Some(false),
                            (_, _, Role::LeanOpen) => Some(true),
                            (_, _, Role::LeanClose) => Some(false),
                            _ => {
                                // A straight mark with spaces (or letters) on both
                                // sides closes an open quotation, if any.
                                if stack.iter().rev().take(MAX_SKIP).any(|(p, _)| *p == pair) {
                                    Some(false)
                                } else {
                                    None
                                }
                            }
                        }
                    }
                };
                match open {
                    Some(true) if stack.len() < MAX_DEPTH => stack.push((pair, i)),
                    Some(false) => {
                        let depth = stack.len();
                        let found = stack
                            .iter()
                            .rev()
                            .take(MAX_SKIP)
                            .position(|(p, _)| *p == pair)
                            .map(|k| depth - 1 - k);
                        if let Some(k) = found {
                            let o = stack.get(k).map_or(i, |e| e.1);
                            stack.truncate(k);
                            if i - o <= MAX_WHOLE_QUOTE || self.continues_after(i, i + len) {
                                while out.last().is_some_and(|&(s, _)| s > o) {
                                    out.pop();
                                }
                                out.push((o, i));
                            }
                        }
                    }
                    _ => {}
                }
            }
            next = i + len;
        }
    }

    /// Whether the sentence goes on after the closing mark at `close`
    /// (ending at `j`), so that the quotation or parenthesis is part of it:
    /// punctuation right after the mark, or (after spaces) a lowercase word
    /// or a dash. A parenthesis after it (`"…" (Manzoni).`) counts only if
    /// the quotation did not end with a full stop of its own: a source
    /// tag after a finished quotation (`…fade.” [HuffPost.]`) does not make
    /// its sentences one.
    fn continues_after(&self, close: usize, j: usize) -> bool {
        match self.char_at(j) {
            None => false,
            Some(c) if c.is_whitespace() => {
                let k = self.skip_space(j);
                match self.char_at(k) {
                    Some('(' | '[') => !self.char_before(close).is_some_and(is_terminator),
                    Some(n) => is_lowerish(n) || matches!(n, '—' | '–' | '-'),
                    None => false,
                }
            }
            Some(c) => {
                is_lowerish(c)
                    || is_terminator(c)
                    || is_closer(c)
                    || matches!(c, ',' | ';' | ':' | '-' | '–' | '—')
            }
        }
    }

    /// Reads the unit of terminators at `i` and decides whether a sentence
    /// ends there. Returns where to resume scanning and the decision.
    ///
    /// The order of the checks matters: context that overrides everything
    /// (inside a quotation, CJK stops) first, then what follows the unit
    /// (a lowercase word after a closing mark, an attribution), then the
    /// kind of terminator, and last the word before a single period.
    #[inline(never)]
    fn judge(
        &self,
        i: usize,
        sent_start: usize,
        scratch: &mut Scratch,
        stops: &[usize],
        wraps: &mut Wraps,
    ) -> (usize, Decision) {
        let mut unit = self.unit(i);
        let keep = |resume: usize| (resume, Decision::Keep);
        // What follows the unit?
        let Some(next) = self.char_at(unit.end) else {
            return keep(unit.end);
        };
        // Japanese and Chinese text typed with ASCII `!` `?`: no space
        // follows them either.
        if matches!(self.lang, Lang::Ja | Lang::Zh)
            && unit.strong
            && next.is_alphabetic()
            && !next.is_lowercase()
            && !next.is_uppercase()
        {
            unit.wide = true;
        }
        if !next.is_whitespace() && !unit.wide {
            return keep(unit.end);
        }
        // Inside a quotation the sentence runs on after?
        if !wraps.paired {
            self.wrappers(scratch, stops);
            wraps.paired = true;
        }
        let wrappers = &scratch.wrappers;
        while wrappers
            .get(wraps.at)
            .is_some_and(|&(_, e)| e <= unit.last_term)
        {
            wraps.at += 1;
        }
        if wrappers
            .get(wraps.at)
            .is_some_and(|&(s, e)| s < unit.last_term && unit.end <= e)
        {
            return keep(unit.end);
        }
        // A spaced ellipsis: ". . ." or "word. . . .".
        if unit.dots == 1 && !unit.strong && !unit.closer && !unit.ellipsis {
            if let Some(d) = self.spaced_ellipsis(unit, sent_start) {
                return d;
            }
        }
        let at = self.skip_space(unit.end);
        if at >= self.end {
            return keep(unit.end);
        }
        if unit.wide {
            // 「行く！」と言った: a CJK word right after the closing mark
            // goes on with the sentence.
            if unit.ends_closed && at == unit.end && self.char_at(at).is_some_and(is_lowerish) {
                return keep(unit.end);
            }
            return (unit.end, Decision::Break(unit.end));
        }
        let after = self.after(at);
        let brk = (unit.end, Decision::Break(unit.end));
        // “Stop!” she cried. / (… an engineer.) at the …
        if unit.ends_closed && after.lower() {
            return keep(unit.end);
        }
        // `"… [...]" (Smith 55).`: a citation after an elided quotation.
        if unit.ends_quoted && (unit.dots >= 2 || unit.ellipsis) && matches!(after.first, '(' | '[')
        {
            return keep(unit.end);
        }
        // “Why now?” Smith asked. / “We won!” Sen. Ruiz said.
        if unit.ends_quoted
            && (unit.strong || unit.ellipsis || unit.dots >= 2)
            && self.english
            && self.speech_follows(at)
        {
            return keep(unit.end);
        }
        if unit.strong {
            if after.dash || self.only_marks(sent_start, unit.first) {
                // "voila! -- you have cake" / "! ! !"
                return keep(unit.end);
            }
            if self.before(unit.first, sent_start) == Before::Exclamation {
                return keep(unit.end);
            }
            return brk;
        }
        if unit.dots >= 2 || unit.ellipsis {
            // An ellipsis ends a sentence only before a capital.
            return if after.upper() || after.first == '.' {
                brk
            } else {
                keep(unit.end)
            };
        }
        let before = self.before(unit.first, sent_start);
        let list_number = matches!(
            before,
            Before::Integer {
                short: true,
                at_start: true
            }
        );
        if unit.ends_closed && after.upper() && !list_number {
            // `… So am I.” Nobody`: a closing mark after the period means
            // it is no initial or abbreviation that runs on into a name.
            return brk;
        }
        let plain = if self.english || !after.lower() {
            brk
        } else {
            keep(unit.end)
        };
        let generic = || {
            if after.upper() && after.starter(self) {
                brk
            } else {
                keep(unit.end)
            }
        };
        match before {
            Before::Nothing | Before::Plain | Before::Exclamation => plain,
            Before::Integer { short, at_start } => {
                if short && at_start {
                    // "1. The first item"
                    keep(unit.end)
                } else if short && self.lang == Lang::De && after.month(self) {
                    keep(unit.end)
                } else if short && self.ordinal_dots() {
                    // "der 31. Flug", "zum 16. Deutschen Bundestag": an
                    // ordinal, unless a word that opens sentences follows.
                    generic()
                } else {
                    plain
                }
            }
            Before::Letter { upper, at_start } => {
                if at_start || !upper || !after.upper() {
                    keep(unit.end)
                } else {
                    generic()
                }
            }
            Before::Acronym | Before::Abbr(Abbr::Other) => generic(),
            Before::Abbr(Abbr::Title) => keep(unit.end),
            Before::Abbr(Abbr::Number) => {
                if after.upper() && !after.roman(self) {
                    brk
                } else {
                    keep(unit.end)
                }
            }
        }
    }

    /// Whether an attribution follows at `at`: one to four capitalised
    /// words (a name, titles included) and then a speech verb, as in
    /// `“Why?” Smith asked.` The quotation is then part of that sentence,
    /// as it is in `“Why?” she asked.`, where the lowercase word shows it.
    /// Only asked after `?`, `!` or an ellipsis: after a period the writer
    /// would have put a comma (`.” Cruz says he…` starts a new sentence),
    /// and a capitalised pronoun (`He added`) starts one too.
    fn speech_follows(&self, at: usize) -> bool {
        // Five short words fit in 160 bytes; looking no further keeps the
        // check constant-time.
        let tail = prefix(self.hay.get(at..self.end).unwrap_or(""), 160);
        for (names, token) in tail.split_whitespace().take(5).enumerate() {
            let word = token.trim_end_matches([',', '.']);
            let mut buf = [0u8; 32];
            let Some(key) = lower(word, &mut buf) else {
                return false;
            };
            if names > 0 && lexicon::is_speech_verb(key) {
                return true;
            }
            if !word.chars().next().is_some_and(char::is_uppercase)
                || names == 4
                || (names == 0 && matches!(key, "he" | "she" | "they" | "it" | "we" | "i" | "you"))
            {
                return false;
            }
        }
        false
    }

    /// Whether the language writes ordinal numbers with a period (German
    /// `3. Oktober`, Danish `5. gade`, Polish `3. maja`); also assumed for
    /// [`Lang::Other`], which covers Czech and Slovak among others.
    fn ordinal_dots(&self) -> bool {
        matches!(self.lang, Lang::De | Lang::Da | Lang::Pl | Lang::Other)
    }

    /// Whether `from..to` is short and holds no letter or digit: a sentence
    /// cannot end before it has said anything.
    fn only_marks(&self, from: usize, to: usize) -> bool {
        to.saturating_sub(from) <= 16
            && self
                .hay
                .get(from..to)
                .is_some_and(|t| !t.chars().any(char::is_alphanumeric))
    }

    /// Reads the run of terminators and closing marks starting at `i`.
    /// Inlined into its one caller, [`Block::judge`]: a call returned the
    /// `Unit` through memory, for every candidate.
    #[inline]
    fn unit(&self, i: usize) -> Unit {
        let mut u = Unit {
            first: i,
            last_term: i,
            end: i,
            dots: 0,
            ellipsis: false,
            strong: false,
            wide: false,
            closer: false,
            ends_closed: false,
            ends_quoted: false,
        };
        let mut j = i;
        let mut first_run = true;
        while let Some(c) = self.char_at(j) {
            if c == '.' {
                // The commonest terminator, without the tests of the
                // others (it is neither an ellipsis, strong nor wide).
                u.dots += usize::from(first_run);
                u.last_term = j;
                u.ends_closed = false;
                u.ends_quoted = false;
                j += 1;
                continue;
            }
            if is_terminator(c) || (j == i && c == ':') {
                if c == '.' && first_run {
                    u.dots += 1;
                }
                u.ellipsis |= c == '…';
                u.strong |= !matches!(c, '.' | '…' | '．' | '｡' | '。');
                u.wide |= is_wide_terminator(c);
                u.last_term = j;
                u.ends_closed = false;
                u.ends_quoted = false;
            } else if is_closer(c) {
                u.closer = true;
                u.ends_closed = true;
                u.ends_quoted = !matches!(c, ')' | ']' | '}' | '）');
                first_run = false;
            } else if let Some(end) = self.spaced_guillemet(j, c) {
                // French `… ? »`: the space before a closing guillemet.
                u.closer = true;
                u.ends_closed = true;
                u.ends_quoted = true;
                first_run = false;
                j = end;
                continue;
            } else {
                break;
            }
            j += c.len_utf8();
        }
        u.end = j;
        u
    }

    /// If `c` at `j` is a space and a closing guillemet follows it (French
    /// puts a space inside « »: `« Tu viens ? »`), where the guillemet ends.
    /// A guillemet with a letter after it opens a quotation (Danish and
    /// German `»Nej«`), so it does not count.
    fn spaced_guillemet(&self, j: usize, c: char) -> Option<usize> {
        if !matches!(c, ' ' | '\u{a0}' | '\u{202f}') {
            return None;
        }
        let k = j + c.len_utf8();
        let g = self.char_at(k).filter(|g| matches!(g, '»' | '›'))?;
        let end = k + g.len_utf8();
        let closes = self.char_at(end).is_none_or(|n| {
            n.is_whitespace() || is_terminator(n) || matches!(n, ',' | ';' | ':' | ')')
        });
        closes.then_some(end)
    }

    /// Handles a period followed by ` .` (a spaced ellipsis). Returns where
    /// to resume and the decision, or `None` when there is no such group.
    #[inline(never)]
    fn spaced_ellipsis(&self, unit: Unit, sent_start: usize) -> Option<(usize, Decision)> {
        let bytes = self.bytes();
        let mut k = unit.end;
        let mut count = 1usize;
        while k + 1 < self.end
            && bytes.get(k) == Some(&b' ')
            && bytes.get(k + 1) == Some(&b'.')
            && bytes.get(k + 2) != Some(&b'.')
        {
            count += 1;
            k += 2;
        }
        if count < 2 {
            return None;
        }
        let group_end = k;
        // Closing marks after the group belong to it.
        let mut e = group_end;
        while let Some(c) = self.char_at(e) {
            if is_closer(c) {
                e += c.len_utf8();
            } else {
                break;
            }
        }
        let at = self.skip_space(e);
        if at >= self.end || e == at {
            // End of the paragraph, or no space after: nothing to decide.
            return Some((e, Decision::Keep));
        }
        let after = self.after(at);
        let attached = unit.first > sent_start
            && self
                .char_before(unit.first)
                .is_some_and(|c| !c.is_whitespace());
        if !after.upper() || count == 3 {
            // ". . . what" or ". . . I": the thought goes on.
            return Some((e, Decision::Keep));
        }
        if attached && count == 4 {
            // "word. . . . Next": the period ends the sentence, the
            // ellipsis opens the next one.
            return Some((unit.end, Decision::Break(unit.end)));
        }
        Some((e, Decision::Break(e)))
    }

    /// Classifies the word that ends at byte `i` (just before a period).
    fn before(&self, i: usize, sent_start: usize) -> Before {
        let lo = sent_start.max(i.saturating_sub(MAX_WORD_BACK));
        let mut s = i;
        let mut complete = false;
        // ASCII bytes first, one at a time without decoding (most words):
        // a space or an ASCII opener ends the word.
        while s > lo {
            match s.checked_sub(1).and_then(|j| self.bytes().get(j)) {
                Some(&(b'\t'..=b'\r' | b' ' | b'"' | b'(' | b'[' | b'{')) => {
                    complete = true;
                    break;
                }
                Some(&b) if b.is_ascii() => s -= 1,
                _ => break,
            }
        }
        while s > lo && !complete {
            match self.char_before(s) {
                Some(c) if c.is_whitespace() || (is_opener(c) && !matches!(c, '\'' | '‘')) => {
                    complete = true;
                    break;
                }
                Some(c) => s -= c.len_utf8(),
                None => break,
            }
        }
        if s == sent_start {
            complete = true;
        }
        if !complete {
            return Before::Plain;
        }
        let Some(word) = self.hay.get(s..i) else {
            return Before::Plain;
        };
        let at_start = s == sent_start;
        if word.is_empty() {
            return Before::Nothing;
        }
        if word.bytes().all(|b| b.is_ascii_digit()) {
            return Before::Integer {
                short: word.len() <= 3,
                at_start,
            };
        }
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_alphabetic() {
                return Before::Letter {
                    upper: c.is_uppercase(),
                    at_start,
                };
            }
        }
        // Strip closing marks and an elided article (l'Ing.).
        let core = core_of(word);
        if is_acronym(core) {
            return Before::Acronym;
        }
        // More chars than the longest listed word has bytes: a plain word,
        // known without lower-casing it (each char lower-cases to one byte
        // at least). A third of the words before a period are that long.
        let longest = lexicon::LONGEST_LISTED;
        if core.len() > longest && (core.is_ascii() || core.chars().nth(longest).is_some()) {
            return Before::Plain;
        }
        let mut buf = [0u8; 32];
        let Some(key) = lower(core, &mut buf) else {
            return Before::Plain;
        };
        if let Some(a) = lexicon::abbreviation(key, self.lang) {
            return Before::Abbr(a);
        }
        if lexicon::is_exclamation_word(key) {
            return Before::Exclamation;
        }
        Before::Plain
    }

    /// Describes the token starting at byte `at`.
    fn after(&self, at: usize) -> After {
        let first = self.char_at(at).unwrap_or(' ');
        let rest = self.hay.get(at..self.end).unwrap_or("");
        // `rest` starts with `first`: only a dash needs the tests.
        let dash = matches!(first, '-' | '—' | '–')
            && (rest.starts_with("--")
                || rest.starts_with('—')
                || rest.starts_with('–')
                || (rest.starts_with("- ")
                    && rest
                        .get(2..)
                        .and_then(|t| t.chars().find(|c| !c.is_whitespace()))
                        .is_some_and(is_lowerish)));
        // Skip up to a few opening marks to find the first letter.
        let mut lead = None;
        let mut word_start = at;
        for (k, c) in rest.char_indices().take(4) {
            if is_opener(c) || c.is_whitespace() {
                // `¿`, `“`, and the space after a French `«`.
                continue;
            }
            if c.is_alphanumeric() {
                lead = Some(c);
                word_start = at + k;
            }
            break;
        }
        After {
            first,
            lead,
            dash,
            word_start,
        }
    }

    /// The list marker at `at` if a sentence starting there opens (or
    /// continues) a list; otherwise `None`. Inlined (asked at the start
    /// of every paragraph and sentence, most of which start with no
    /// digit or lowercase letter): only [`Block::marker`] is a call.
    #[inline(always)]
    fn list_at(&self, at: usize, current: Option<List>) -> Option<List> {
        let kept = match current {
            Some(List::Bullet(b)) => Some(List::Bullet(b)),
            _ => None,
        };
        // A marker starts with a digit or a lowercase ASCII letter: any
        // other char (a capital, a quotation mark) is answered from its
        // bytes, as at most sentence starts.
        if !self
            .bytes()
            .get(at)
            .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        {
            return match self.bullet_at(at) {
                Some(c) => Some(List::Bullet(c)),
                None => kept,
            };
        }
        match self.marker(at) {
            Some(List::Number { next, style }) => Some(List::Number {
                next: next.saturating_add(1),
                style,
            }),
            Some(List::Letter { next, style }) => Some(List::Letter {
                next: next.saturating_add(1),
                style,
            }),
            Some(List::Bullet(_)) | None => kept,
        }
    }

    /// If the marker expected by `list` starts at `at`, the list state after
    /// it.
    fn continues_list(&self, at: usize, list: List) -> Option<List> {
        match (list, self.marker(at)) {
            (List::Number { next, style }, Some(List::Number { next: n, style: s }))
                if n == next && s == style =>
            {
                Some(List::Number {
                    next: next.saturating_add(1),
                    style,
                })
            }
            (List::Letter { next, style }, Some(List::Letter { next: n, style: s }))
                if n == next && s == style =>
            {
                Some(List::Letter {
                    next: next.saturating_add(1),
                    style,
                })
            }
            _ => None,
        }
    }

    /// Reads a list marker (`12.`, `3.)`, `4)`, `b.`, `c)`) at `at`, which
    /// must be followed by whitespace; `next` holds its own number.
    #[inline(never)]
    fn marker(&self, at: usize) -> Option<List> {
        let bytes = self.bytes();
        let mut k = at;
        let mut n: u32 = 0;
        while k < self.end && k < at + 3 {
            match bytes.get(k) {
                Some(d) if d.is_ascii_digit() => {
                    n = n * 10 + u32::from(d - b'0');
                    k += 1;
                }
                _ => break,
            }
        }
        let letter = if k == at {
            match bytes.get(at) {
                Some(l) if l.is_ascii_lowercase() => {
                    k += 1;
                    Some(*l)
                }
                _ => return None,
            }
        } else {
            None
        };
        let style = match (bytes.get(k), bytes.get(k + 1)) {
            (Some(b'.'), Some(b')')) => {
                k += 2;
                Style::DotParen
            }
            (Some(b'.'), _) => {
                k += 1;
                Style::Dot
            }
            (Some(b')'), _) => {
                k += 1;
                Style::Paren
            }
            _ => return None,
        };
        if !self.char_at(k).is_some_and(char::is_whitespace) {
            return None;
        }
        Some(match letter {
            Some(l) => List::Letter { next: l, style },
            None => List::Number { next: n, style },
        })
    }
}

/// `word` without closing marks at its end and without an elided article
/// (`l'Ing` is `Ing`). An ASCII word (most) is read byte by byte, without
/// decoding chars backwards for each of the two searches.
fn core_of(word: &str) -> &str {
    if word.is_ascii() {
        // The ASCII closers of [`is_closer`], and `'` the only ASCII
        // apostrophe.
        let bytes = word.as_bytes();
        let end = bytes
            .iter()
            .rposition(|b| !matches!(b, b'"' | b'\'' | b')' | b']' | b'}'))
            .map_or(0, |k| k + 1);
        let start = (bytes.get(..end).unwrap_or_default().iter())
            .rposition(|&b| b == b'\'')
            .map_or(0, |k| k + 1);
        return word.get(start..end).unwrap_or_default();
    }
    let core = word.trim_end_matches(is_closer);
    match core.rfind(['\'', '’']) {
        Some(k) => core.get(k + 1..).unwrap_or(core),
        None => core,
    }
}

/// Whether `core` is letters with inner periods, at most three letters
/// between two (U.S, a.m, Ph.D); ASCII read byte by byte.
fn is_acronym(core: &str) -> bool {
    if core.is_ascii() {
        let bytes = core.as_bytes();
        return bytes.contains(&b'.')
            && bytes
                .split(|&b| b == b'.')
                .all(|p| !p.is_empty() && p.len() <= 3 && p.iter().all(u8::is_ascii_alphabetic));
    }
    core.contains('.')
        && core
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
}

/// The longest prefix of `s` of at most `max` bytes that ends on a `char`
/// boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut n = max.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    s.get(..n).unwrap_or("")
}

/// Lower-cases `word` into `buf`; `None` when it does not fit (no
/// abbreviation is that long). A word already in lower-case ASCII (most
/// words before a period) is answered as it is, without a copy and the
/// copy's UTF-8 check.
fn lower<'b>(word: &'b str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if word.len() <= buf.len()
        && word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Some(word);
    }
    if word.is_ascii() {
        // Most words: a byte each, without `char::to_lowercase`'s
        // iterator.
        let dst = buf.get_mut(..word.len())?;
        for (d, b) in dst.iter_mut().zip(word.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        return core::str::from_utf8(dst).ok();
    }
    let mut n = 0;
    for c in word.chars().flat_map(crate::case::lower_char) {
        let len = c.len_utf8();
        let slot = buf.get_mut(n..n + len)?;
        c.encode_utf8(slot);
        n += len;
    }
    core::str::from_utf8(buf.get(..n)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(hay: &str, lang: Lang) -> Vec<&str> {
        sentences(hay, lang).iter().map(|s| s.text(hay)).collect()
    }

    #[test]
    fn ascii_paths_are_the_plain_ones() {
        let words = [
            "",
            "a",
            "Mr",
            "mr",
            "U.S",
            "u.s",
            "Ph.D",
            "a.m",
            "abc.defg",
            ".a",
            "a.",
            "a..b",
            "l'Ing",
            "l’Ing",
            "word\"",
            "Inc.)",
            "x'\"",
            "'",
            "\"')",
            "L'a.b",
            "É.U",
            "été",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij",
            "abcdefghijklmnopqrstuvwxyz012345",
            "abcdefghijklmnopqrstuvwxyz0123456",
            "K\u{212a}",
            "1.2",
            "a1.b",
        ];
        for w in words {
            let core = w.trim_end_matches(is_closer);
            let core = match core.rfind(['\'', '’']) {
                Some(k) => core.get(k + 1..).unwrap_or(core),
                None => core,
            };
            assert_eq!(core_of(w), core, "{w:?}");
            let acronym = core.contains('.')
                && core.split('.').all(|p| {
                    !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic)
                });
            assert_eq!(is_acronym(core), acronym, "{w:?}");
            let mut buf = [0u8; 32];
            let plain = (w
                .chars()
                .flat_map(crate::case::lower_char)
                .collect::<String>())
            .into_bytes();
            let want = (plain.len() <= 32).then(|| String::from_utf8(plain).unwrap_or_default());
            assert_eq!(lower(w, &mut buf).map(str::to_owned), want, "{w:?}");
        }
    }

    #[test]
    fn bullet_at_is_is_bullet() {
        let hay = "•a ⁃ ‣◦▪▸“”—…\u{2024}x•";
        for (from, to) in [(0, hay.len()), (3, hay.len() - 3)] {
            let block = Block::new(hay, Span::new(from, to), Lang::En);
            for i in 0..hay.len() + 2 {
                let want =
                    (hay.get(i..to).and_then(|t| t.chars().next())).filter(|&c| is_bullet(c));
                assert_eq!(block.bullet_at(i), want, "{i}");
            }
        }
        for c in ['•', '⁃', '‣', '◦', '▪', '▸'] {
            assert!(is_bullet(c));
        }
        // The list above is all of them.
        let all = (char::MIN..=char::MAX).filter(|&c| is_bullet(c)).count();
        assert_eq!(all, 6);
    }

    #[test]
    fn basics() {
        assert_eq!(
            split("One. Two! Three?", Lang::En),
            ["One.", "Two!", "Three?"]
        );
        assert_eq!(split("", Lang::En), Vec::<&str>::new());
        assert_eq!(split("   ", Lang::En), Vec::<&str>::new());
        assert_eq!(
            split("これはペンです。それは", Lang::Ja),
            ["これはペンです。", "それは"]
        );
    }
}
