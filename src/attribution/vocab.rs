//! The distinct words of a text, each described once.
//!
//! Finding names looks at every word of an article: is it capitalised, a
//! stop word, a title, a role, part of an organisation's name? Asked per
//! occurrence, those questions (lower-casing, then a binary search in a
//! dozen word lists) were most of the whole analysis. Articles repeat
//! their words — a megabyte of news holds about 200,000 words but some
//! 15,000 distinct ones — so [`Vocab`] describes each distinct spelling
//! once ([`Word::describe`]) and every later occurrence costs one hash
//! look-up.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::lexicon;
use super::names;
use super::words;
use crate::wordlist::{word_list, WordList};

/// What a word is, as far as name finding cares: a set of bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags(u32);

impl Flags {
    /// Nothing (punctuation).
    pub(crate) const NONE: Flags = Flags(0);
    /// Starts with an upper-case letter.
    pub(crate) const CAPITALIZED: Flags = Flags(1);
    /// Never starts or continues a name ([`names::is_stop`]).
    pub(crate) const STOP: Flags = Flags(1 << 1);
    /// A title or role word ([`names::is_title_word`]).
    pub(crate) const TITLE: Flags = Flags(1 << 2);
    /// A role noun ([`lexicon::ROLES`]): "spokesman".
    pub(crate) const ROLE: Flags = Flags(1 << 3);
    /// Marks an organisation ("Office", "Ministry").
    pub(crate) const ORG: Flags = Flags(1 << 4);
    /// A determiner ([`lexicon::DETERMINERS`]).
    pub(crate) const DETERMINER: Flags = Flags(1 << 5);
    /// A word for a document ([`lexicon::ISSUES`]): "statement".
    pub(crate) const ISSUE: Flags = Flags(1 << 6);
    /// A particle inside names, as written ("van", "bin").
    pub(crate) const PARTICLE: Flags = Flags(1 << 7);
    /// An abbreviation that a dot may follow ([`names::is_abbrev`]).
    pub(crate) const ABBREV: Flags = Flags(1 << 8);
    /// A masculine title ("Mr", "Sir").
    pub(crate) const MALE_TITLE: Flags = Flags(1 << 9);
    /// A feminine title ("Mrs", "Queen").
    pub(crate) const FEMALE_TITLE: Flags = Flags(1 << 10);
    /// Ends in a possessive 's.
    pub(crate) const POSSESSIVE: Flags = Flags(1 << 11);
    /// A preposition of place before a name ("at", "from").
    pub(crate) const PLACE: Flags = Flags(1 << 12);
    /// he, his, himself.
    pub(crate) const HE: Flags = Flags(1 << 13);
    /// she, hers, herself.
    pub(crate) const SHE: Flags = Flags(1 << 14);
    /// him, her: an object pronoun.
    pub(crate) const OBJECT: Flags = Flags(1 << 15);
    /// her: an object, or a possessive before a noun ("shook her head").
    pub(crate) const HER: Flags = Flags(1 << 16);
    /// A word after "her" that shows it is an object: a preposition or
    /// adverb particle ("helped her up", "told her about").
    pub(crate) const AFTER_OBJECT: Flags = Flags(1 << 17);

    /// Whether any bit of `f` is set.
    pub(crate) fn has(self, f: Flags) -> bool {
        self.0 & f.0 != 0
    }

    fn set(&mut self, f: Flags, on: bool) {
        if on {
            self.0 |= f.0;
        }
    }
}

/// Either's bits: `a | b` has any bit of either.
impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
}

/// Where a word's key is: a slice of the text (the word itself, or it
/// without its possessive, already in lower case: most words), or a
/// range of [`Vocab`]'s arena of lower-cased keys. A `String` per
/// capitalised word was a fifth of describing the words of an article.
#[derive(Clone, Copy, Debug)]
enum KeyAt<'a> {
    Text(&'a str),
    Arena(usize, usize),
}

/// One distinct spelling of a word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word<'a> {
    /// Its look-up key ([`words::key`]): lower case, possessive dropped
    /// ([`Vocab::key_of`]).
    key: KeyAt<'a>,
    /// What it is.
    pub(crate) flags: Flags,
}

/// The flags of `w` (a word as written), with its key.
pub(crate) fn describe(w: &str) -> (words::Key<'_>, Flags) {
    describe_ascii(w).unwrap_or_else(|| describe_any(w))
}

/// What one pass over a short ASCII word (nearly every word of an
/// English text) finds out for [`describe`]: its key's bytes, lowered,
/// and whether a dot was among them; `None` for any other word. Each distinct word of a
/// text is described: this was a tenth of the analysis of a 3 KB article.
struct Ascii {
    /// The key's bytes (the word lower-cased, possessive dropped), for a
    /// key of over 8 bytes; for a shorter one ...
    buf: [u8; words::INLINE],
    /// ... they are these, the first lowest ([`Ascii::key_bytes`]) ...
    low: u64,
    /// ... and their number (the word's own bytes up to there).
    stem: usize,
    /// Whether lowering changed a byte: the key is then no slice of the
    /// word.
    upper: bool,
    /// The word lists' bits of the key ([`listed`]).
    listed: Flags,
    capitalized: bool,
    possessive: bool,
    /// [`names::is_abbrev_by_shape`]: a dot, or a single capital.
    by_shape: bool,
}

impl Ascii {
    fn scan(w: &str) -> Option<Ascii> {
        let bytes = w.as_bytes();
        let possessive = bytes.ends_with(b"'s");
        let stem = if possessive {
            bytes.get(..bytes.len() - 2)?
        } else {
            bytes
        };
        if stem.len() > words::INLINE {
            return None;
        }
        let mut buf = [0u8; words::INLINE];
        let (upper, dot, listed);
        if let Some(x) = short(stem) {
            // At most eight bytes (most words): all at once, as one number
            // (which is also their [`keyed`] hash), each class the top bit
            // of its bytes. The key's bytes are left in `low`.
            if x & HIGH != 0 {
                return None;
            }
            let caps = between(x, b'A', b'Z');
            upper = caps != 0;
            dot = between(x, b'.', b'.') != 0;
            // The top bit of a capital, moved to 0x20, lowers it.
            let low = x | caps >> 2;
            listed = LISTS.get(stem.len(), &[], low);
            return Some(Ascii::new(
                buf,
                low,
                bytes,
                stem.len(),
                upper,
                listed,
                possessive,
                dot,
            ));
        }
        let (mut high, mut up, mut dotted) = (0u8, false, false);
        for (d, &b) in buf.iter_mut().zip(stem) {
            high |= b;
            up |= b.is_ascii_uppercase();
            dotted |= b == b'.';
            *d = b.to_ascii_lowercase();
        }
        // (A possessive's "'s" is ASCII: the stem tells for the word.)
        if high >= 0x80 {
            return None;
        }
        (upper, dot) = (up, dotted);
        let k = buf.get(..stem.len())?;
        listed = LISTS.get(k.len(), k, keyed(k));
        Some(Ascii::new(
            buf,
            0,
            bytes,
            stem.len(),
            upper,
            listed,
            possessive,
            dot,
        ))
    }

    /// The scan's findings, with those that follow from the word itself.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn new(
        buf: [u8; words::INLINE],
        low: u64,
        bytes: &[u8],
        stem: usize,
        upper: bool,
        listed: Flags,
        possessive: bool,
        dot: bool,
    ) -> Ascii {
        let capitalized = bytes.first().is_some_and(u8::is_ascii_uppercase);
        Ascii {
            buf,
            low,
            stem,
            upper,
            listed,
            capitalized,
            possessive,
            by_shape: dot || bytes.len() == 1 && capitalized,
        }
    }

    /// The key's bytes (lowered), in `buf` or in `low`.
    fn key_bytes(&self) -> [u8; words::INLINE] {
        if self.stem > 8 {
            return self.buf;
        }
        let mut out = [0u8; words::INLINE];
        for (d, s) in out.iter_mut().zip(self.low.to_le_bytes()).take(self.stem) {
            *d = s;
        }
        out
    }
    /// The flags of the word `w` scanned, whose key is `k`.
    fn flags(&self, w: &str, k: &str) -> Flags {
        flags(
            w,
            k,
            self.listed,
            self.capitalized,
            self.possessive,
            self.by_shape,
        )
    }
}

/// [`describe`] of a short ASCII word ([`Ascii`]); `None` for any other.
fn describe_ascii(w: &str) -> Option<(words::Key<'_>, Flags)> {
    let a = Ascii::scan(w)?;
    let key = if a.upper {
        words::Key::Inline(a.key_bytes(), a.stem as u8)
    } else {
        words::Key::Same(w.get(..a.stem)?)
    };
    let f = a.flags(w, key.as_str());
    Some((key, f))
}

/// [`describe`] of any word, by the general rules.
fn describe_any(w: &str) -> (words::Key<'_>, Flags) {
    let key = words::key(w);
    let k = key.as_str();
    let listed = listed(k);
    let possessive = w.ends_with("'s") || w.ends_with("’s");
    let by_shape = !possessive && names::is_abbrev_by_shape(w);
    let f = flags(w, k, listed, words::is_capitalized(w), possessive, by_shape);
    (key, f)
}

/// A word's flags, from its key `k`, its table bits `listed`, and what
/// [`describe_ascii`] or [`describe_any`] found out in its own way:
/// whether it is `capitalized`, `possessive`, and an abbreviation
/// `by_shape` ([`names::is_abbrev_by_shape`], asked only without a
/// possessive). Inlined into both: as a call it cost the 3 KB article 1 %
/// more instructions (callgrind).
#[inline(always)]
fn flags(
    w: &str,
    k: &str,
    listed: Flags,
    capitalized: bool,
    possessive: bool,
    by_shape: bool,
) -> Flags {
    let mut f = Flags(listed.0 & !PRIVATE);
    f.set(Flags::CAPITALIZED, capitalized);
    f.set(Flags::STOP, names::is_adverb_form(k));
    f.set(Flags::TITLE, names::is_role_compound(k));
    // Lists read as written: the key drops a possessive and lowers.
    f.set(Flags::PARTICLE, listed.has(AS_PARTICLE) && k == w);
    // [`names::is_abbrev`], from what is known already: without a
    // possessive the key is the word lower-cased, the table's entry.
    let abbrev = if possessive {
        names::is_abbrev(w)
    } else {
        by_shape || listed.has(AS_ABBREV) || matches!(k, "jr" | "sr" | "st" | "mt")
    };
    f.set(Flags::ABBREV, abbrev);
    f.set(Flags::POSSESSIVE, possessive);
    f
}

/// Private table bits: a particle (before checking the spelling) and a
/// listed abbreviation (a title or a US state).
const AS_PARTICLE: Flags = Flags(1 << 30);
const AS_ABBREV: Flags = Flags(1 << 31);
/// More table bits for the attribution rules' most frequent questions
/// (a pronoun? an adverb between speaker and cue?), not word flags.
const AS_PRONOUN: Flags = Flags(1 << 29);
const AS_BRIDGE: Flags = Flags(1 << 28);
/// The table bits that are no [`Word`] flags.
const PRIVATE: u32 = AS_PARTICLE.0 | AS_ABBREV.0 | AS_PRONOUN.0 | AS_BRIDGE.0;

/// `has(lexicon::PRONOUNS, k)`: one hash look-up, where the binary search
/// cost twice as much (asked of nearly every phrase's first word).
pub(crate) fn is_listed_pronoun(k: &str) -> bool {
    listed(k).has(AS_PRONOUN)
}

/// (`has(lexicon::PRONOUNS, k)`, `has(lexicon::DETERMINERS, k)`) from one
/// look-up: a phrase's first word is asked both.
pub(crate) fn is_listed_pronoun_determiner(k: &str) -> (bool, bool) {
    let f = listed(k);
    (f.has(AS_PRONOUN), f.has(Flags::DETERMINER))
}

/// `has(lexicon::DETERMINERS, k)`, from the same table (the tests';
/// the rules ask [`is_listed_pronoun_determiner`] once per word).
#[cfg(test)]
pub(crate) fn is_listed_determiner(k: &str) -> bool {
    listed(k).has(Flags::DETERMINER)
}

/// `has(names::STOP, k)`, from the same table.
pub(crate) fn is_listed_stop(k: &str) -> bool {
    listed(k).has(Flags::STOP)
}

/// `has(lexicon::BRIDGES, k)`, from the same table.
pub(crate) fn is_listed_bridge(k: &str) -> bool {
    listed(k).has(AS_BRIDGE)
}

/// Whether `k` (lower case) is a title or a US state abbreviation
/// ([`names::is_abbrev`]).
pub(crate) fn is_listed_abbrev(k: &str) -> bool {
    listed(k).has(AS_ABBREV)
}

/// The flags the word lists give key `k`: one look-up in a table built
/// on first use from the lists themselves (which stay the source of
/// truth), instead of a binary search in each list.
///
/// The table is keyed as [`Vocab`] is: a listed word of at most 8 bytes
/// is found without comparing text.
fn listed(k: &str) -> Flags {
    let k = k.as_bytes();
    LISTS.get(k.len(), k, keyed(k))
}

/// The table of [`listed`] words, built on first use.
static LISTS: LazyLock<Lists> = LazyLock::new(Lists::new);

/// `bytes` as one number, the first byte lowest (their [`keyed`] hash),
/// if there are at most eight.
#[inline]
fn short(bytes: &[u8]) -> Option<u64> {
    (bytes.len() <= 8).then(|| little_endian(bytes))
}

/// Up to 8 `bytes` as one number, the first lowest (as a little-endian
/// load of them, zero-padded, reads them).
#[inline]
pub(crate) fn little_endian(bytes: &[u8]) -> u64 {
    bytes.iter().rev().fold(0, |x, &b| x << 8 | u64::from(b))
}

/// 0x01 and 0x80 in every byte of a `u64`.
const LOW: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes in `x`: the top bit of each byte from `lo` to
/// `hi`, and only there. Each byte is below 0x80, so adding at most
/// 0x80 to it never carries into the next one.
#[inline]
fn between(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least = |c: u8| x.wrapping_add(LOW.wrapping_mul(u64::from(0x80 - c)));
    at_least(lo) & !at_least(hi + 1) & HIGH
}

/// Every listed word with its flags, by [`keyed`] hash: an open-addressing
/// table at most half full.
struct Lists {
    slots: Vec<Listed>,
    shift: u32,
}

/// A place of [`Lists`]: a word (empty for an empty place), its
/// [`keyed`] hash and its flags.
#[derive(Clone, Copy, Default)]
struct Listed {
    fold: u64,
    flags: Flags,
    word: &'static str,
}

impl Lists {
    fn new() -> Lists {
        let lists: [(&WordList, Flags); 18] = [
            (names::STOP, Flags::STOP),
            (lexicon::TITLES, Flags(Flags::TITLE.0 | AS_ABBREV.0)),
            (lexicon::ROLES, Flags(Flags::TITLE.0 | Flags::ROLE.0)),
            (names::ORG_WORDS, Flags::ORG),
            (lexicon::DETERMINERS, Flags::DETERMINER),
            (lexicon::ISSUES, Flags::ISSUE),
            (names::PARTICLES, AS_PARTICLE),
            (names::US_STATES, AS_ABBREV),
            (names::MALE_TITLES, Flags::MALE_TITLE),
            (names::FEMALE_TITLES, Flags::FEMALE_TITLE),
            (
                &word_list!(&["at", "from", "in", "into", "near"]),
                Flags::PLACE,
            ),
            (&word_list!(&["he", "himself", "his"]), Flags::HE),
            (&word_list!(&["hers", "herself", "she"]), Flags::SHE),
            (&word_list!(&["her", "him"]), Flags::OBJECT),
            (&word_list!(&["her"]), Flags::HER),
            (names::AFTER_OBJECT, Flags::AFTER_OBJECT),
            (lexicon::PRONOUNS, AS_PRONOUN),
            (lexicon::BRIDGES, AS_BRIDGE),
        ];
        let n: usize = lists.iter().map(|(l, _)| l.len()).sum();
        let size = (n * 2).next_power_of_two().max(16);
        let mut table = Lists {
            slots: vec![Listed::default(); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (list, flags) in lists {
            for w in list.iter().filter(|w| !w.is_empty()) {
                let h = keyed(w.as_bytes());
                let mask = size - 1;
                let mut i = place(h, table.shift) & mask;
                while let Some(slot) = table.slots.get_mut(i) {
                    if slot.word.is_empty() {
                        *slot = Listed {
                            fold: h,
                            flags,
                            word: w,
                        };
                        break;
                    }
                    if slot.word == w {
                        slot.flags.0 |= flags.0;
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
        }
        table
    }

    /// The flags of the key of `len` bytes `k` (whose [`keyed`] is `h`;
    /// `k` is read only past 8 bytes), none if unlisted.
    fn get(&self, len: usize, k: &[u8], h: u64) -> Flags {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = place(h, self.shift) & mask;
        // At most half full: an empty place ends every search.
        while let Some(slot) = self.slots.get(i) {
            if slot.word.is_empty() {
                break;
            }
            if slot.fold == h && slot.word.len() == len && (len <= 8 || slot.word.as_bytes() == k) {
                return slot.flags;
            }
            i = (i + 1) & mask;
        }
        Flags::NONE
    }
}

/// Id of a word in a [`Vocab`].
pub(crate) type Id = u32;

/// The distinct words seen so far, with their descriptions.
#[derive(Debug, Default)]
pub(crate) struct Vocab<'a> {
    /// The words by spelling: an open-addressing table of [`Slot`]s,
    /// a power of two long (or empty), at most three quarters full.
    slots: Vec<Slot>,
    /// Its length less one (0 when empty), and the shift of [`place`]
    /// for it: kept, not found again for every word.
    mask: usize,
    shift: u32,
    /// The words by id: their spellings ...
    spellings: Vec<&'a str>,
    /// ... and their descriptions.
    words: Vec<Word<'a>>,
    /// The keys that are not slices of the text (lower-cased), end to end.
    arena: String,
    /// The keys of uncapitalised words that differ from the word itself
    /// ("company's" → "company", "iPhone" → "iphone"; few), borrowed
    /// from the text, or copied when lower-cased: with the uncapitalised
    /// words themselves, every key the text writes in lower case
    /// ([`Vocab::written_lower`]).
    odd_lower: FxHashSet<&'a str>,
    odd_lower_owned: FxHashSet<String>,
}

/// What a word is kept under in [`Vocab`] and [`Lists`]: up to 8 bytes
/// the word itself, its bytes as one number, the first lowest (the
/// lexer reads them so, 8 at a time, and has the number as it finds the
/// word's end): two words of at most 8 bytes with the same number and
/// length are the same word, and [`Vocab`] compares them without reading
/// their text. Past 8 bytes a hash that multiplies at every 8 bytes (as
/// rustc-hash does), compared byte by byte: a mere XOR of the chunks
/// (which the lexer had at hand) would make a family of words that
/// differ by bytes 8 apart ("a1cdefghb2", "b1cdefgha2") look alike, and
/// a text made of them walk all of them at every look-up (quadratic).
pub(crate) fn keyed(bytes: &[u8]) -> u64 {
    if bytes.len() <= 8 {
        return little_endian(bytes);
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut h = 0u64;
    for c in &mut chunks {
        h = mix(h, <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes));
    }
    // The last bytes (at most 7, maybe none) as one number, mixed in.
    mix(h, little_endian(chunks.remainder()))
}

/// One step of [`keyed`]: 8 more bytes `x` into the hash `h`.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    const K: u64 = 0xF135_7AEA_2E62_A9C5;
    (h.rotate_left(26) ^ x).wrapping_mul(K)
}

/// One place of [`Vocab::slots`]: a word's [`keyed`] hash, id and length in bytes
/// (saturated at `u32::MAX`; 0 for an empty place, as no word is empty).
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    fold: u64,
    id: Id,
    len: u32,
}

/// The place of hash `h` in a table of `1 << (64 - shift)` places: the
/// top bits of a multiplicative hash (the hash of a short word is its
/// bytes, which would crowd a few places if taken as they are).
#[inline]
fn place(h: u64, shift: u32) -> usize {
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl<'a> Vocab<'a> {
    /// The id of `w`, describing it the first time it is seen.
    #[cfg(test)]
    pub(crate) fn intern(&mut self, w: &'a str) -> Id {
        self.intern_folded(w, 0..w.len(), keyed(w.as_bytes()))
    }

    /// [`Vocab::intern`] of the word `text[at]`, whose [`keyed`] hash is
    /// `h` (the lexer has it as it finds the word): a word seen before
    /// is found without slicing the text, and one of at most 8 bytes
    /// without reading it.
    ///
    /// Inlined into the lexer, which asks it of every word: only the
    /// look-up of a word seen before, most of them; a new word (and the
    /// first one, which makes the table) is stored by [`Vocab::insert`].
    #[inline(always)]
    pub(crate) fn intern_folded(
        &mut self,
        text: &'a str,
        at: std::ops::Range<usize>,
        h: u64,
    ) -> Id {
        let n = at.end.wrapping_sub(at.start);
        let mask = self.mask;
        if n <= 8 {
            // The hash is the word (no byte of a word is 0, so it is not
            // 0 either, the hash of an empty place): a place of the same
            // hash and length holds the word. Most places asked hold it:
            // the hash is compared first.
            let len = n as u32;
            let mut i = place(h, self.shift) & mask;
            while let Some(slot) = self.slots.get(i) {
                if slot.fold == h {
                    if slot.len == len {
                        return slot.id;
                    }
                } else if slot.len == 0 {
                    break;
                }
                // (At most three quarters full: an empty place comes.)
                i = (i + 1) & mask;
            }
            return self.insert(text, at, h);
        }
        self.intern_long(text, at, h)
    }

    /// [`Vocab::intern_folded`] of a word of over 8 bytes (few): apart,
    /// as the lexer's loop runs short of registers.
    #[inline(never)]
    fn intern_long(&mut self, text: &'a str, at: std::ops::Range<usize>, h: u64) -> Id {
        let n = at.end.wrapping_sub(at.start);
        let mask = self.mask;
        let Some(word) = text.as_bytes().get(at.clone()) else {
            return words::NO_ID;
        };
        let len = u32::try_from(n).unwrap_or(u32::MAX);
        let mut i = place(h, self.shift) & mask;
        while let Some(slot) = self.slots.get(i) {
            if slot.len == 0 {
                break;
            }
            if slot.fold == h
                && slot.len == len
                && self.spelling(slot.id).map(str::as_bytes) == Some(word)
            {
                return slot.id;
            }
            i = (i + 1) & mask;
        }
        self.insert(text, at, h)
    }

    /// Stores the new word `text[at]`, kept under `h` ([`keyed`]), with
    /// the next id (making the table first if there is none), and grows
    /// the table past three quarters full. Once per distinct word: kept
    /// out of the lexer's loop.
    #[inline(never)]
    fn insert(&mut self, text: &'a str, at: std::ops::Range<usize>, h: u64) -> Id {
        // A text of at most 4 GiB has fewer distinct words than
        // `words::NO_ID`; past that every new word gets it (never a
        // panic), unstored, and is asked by its text.
        let Some(id) = Id::try_from(self.words.len())
            .ok()
            .filter(|&id| id < words::NO_ID)
        else {
            return words::NO_ID;
        };
        let Some(w) = text.get(at) else {
            return words::NO_ID;
        };
        if self.slots.is_empty() {
            self.grow();
        }
        let len = u32::try_from(w.len()).unwrap_or(u32::MAX);
        let mut i = place(h, self.shift) & self.mask;
        while let Some(slot) = self.slots.get_mut(i) {
            if slot.len == 0 {
                *slot = Slot { fold: h, id, len };
                self.add(w);
                if self.words.len() * 4 > self.slots.len() * 3 {
                    self.grow();
                }
                return id;
            }
            i = (i + 1) & self.mask;
        }
        words::NO_ID
    }

    /// The id of the word spelt `w`, if it has been seen.
    pub(crate) fn id(&self, w: &str) -> Option<Id> {
        if self.slots.is_empty() || w.is_empty() {
            return None;
        }
        let h = keyed(w.as_bytes());
        let len = u32::try_from(w.len()).unwrap_or(u32::MAX);
        let mask = self.mask;
        let mut i = place(h, self.shift) & mask;
        for _ in 0..self.slots.len() {
            let slot = self.slots.get(i)?;
            if slot.len == 0 {
                return None;
            }
            if slot.fold == h
                && slot.len == len
                && (w.len() <= 8 || self.spelling(slot.id) == Some(w))
            {
                return Some(slot.id);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// The spelling of the word with id `id`.
    fn spelling(&self, id: Id) -> Option<&'a str> {
        self.spellings.get(usize::try_from(id).ok()?).copied()
    }

    /// Doubles the table (or makes its first), placing every word again.
    /// (Rare: kept out of the lexer's loop.)
    #[inline(never)]
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(16);
        let old = self.set_slots(n);
        let (mask, shift) = (self.mask, self.shift);
        for s in old.into_iter().filter(|s| s.len != 0) {
            let mut i = place(s.fold, shift) & mask;
            while let Some(slot) = self.slots.get_mut(i) {
                if slot.len == 0 {
                    *slot = s;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Makes the table `n` empty places long (a power of two), giving
    /// back the old one.
    fn set_slots(&mut self, n: usize) -> Vec<Slot> {
        self.mask = n - 1;
        self.shift = 64 - n.trailing_zeros();
        std::mem::replace(&mut self.slots, vec![Slot::default(); n])
    }

    /// Describes and stores a new word (its id is the next). Once per
    /// distinct word: kept out of the lexer's loop, which it made larger.
    #[inline(never)]
    fn add(&mut self, w: &'a str) {
        let (key, flags) = match Ascii::scan(w) {
            // A short ASCII word (most): a key that lowering changes is
            // copied into the arena and lowered there, a `str` all along
            // (a lowered copy on the stack was checked to be UTF-8 again
            // at each use: `str::from_utf8` was 1 % of analysing an
            // article).
            Some(a) => {
                let stem = w.get(..a.stem).unwrap_or_default();
                let key = if a.upper {
                    let start = self.arena.len();
                    self.arena.push_str(stem);
                    if let Some(k) = self.arena.get_mut(start..) {
                        k.make_ascii_lowercase();
                    }
                    KeyAt::Arena(start, self.arena.len())
                } else {
                    KeyAt::Text(stem)
                };
                (key, a.flags(w, self.key_at(key)))
            }
            None => {
                let (key, flags) = describe_any(w);
                let key = match key {
                    words::Key::Same(k) => KeyAt::Text(k),
                    // (A long word is copied by `lower` even when unchanged.)
                    k if k.as_str() == w => KeyAt::Text(w),
                    k => {
                        let start = self.arena.len();
                        self.arena.push_str(k.as_str());
                        KeyAt::Arena(start, self.arena.len())
                    }
                };
                (key, flags)
            }
        };
        if !flags.has(Flags::CAPITALIZED) {
            match key {
                KeyAt::Text(k) if k.len() != w.len() => {
                    self.odd_lower.insert(k);
                }
                KeyAt::Arena(..) => {
                    let k = self.key_at(key);
                    if !self.odd_lower_owned.contains(k) {
                        self.odd_lower_owned.insert(k.to_owned());
                    }
                }
                KeyAt::Text(_) => {}
            }
        }
        self.words.push(Word { key, flags });
        self.spellings.push(w);
    }

    /// An empty table with room for the distinct words of a text of
    /// `tokens` tokens (a short text's every word, without growing the
    /// table word by word; a long one's table grows as it must).
    pub(crate) fn with_room(tokens: usize) -> Vocab<'a> {
        let n = tokens.min(1024);
        let mut v = Vocab {
            spellings: Vec::with_capacity(n),
            words: Vec::with_capacity(n),
            // Room for the capitalised words' keys (about a third of an
            // article's distinct words, some 8 bytes each).
            arena: String::with_capacity(n * 3),
            ..Vocab::default()
        };
        // Room for `n / 2` words (an article's distinct words are fewer
        // than half its tokens), at most three quarters full.
        v.set_slots((n * 2 / 3 + 1).next_power_of_two().max(16));
        v
    }

    /// The word with id `id`.
    pub(crate) fn word(&self, id: Id) -> Option<&Word<'a>> {
        self.words.get(usize::try_from(id).ok()?)
    }

    /// The word of token `t` by its id: none for punctuation and for a
    /// word lexed on its own, whose id is [`words::NO_ID`] (also the id
    /// the words past the 4 billionth share, which must be asked by
    /// their text).
    #[inline]
    pub(crate) fn word_of(&self, t: &words::Tok) -> Option<&Word<'a>> {
        Some(t.id())
            .filter(|&id| id != words::NO_ID)
            .and_then(|id| self.word(id))
    }

    /// The key of a word of this table ([`words::key`] of it).
    pub(crate) fn key_of(&self, w: &Word<'a>) -> &str {
        self.key_at(w.key)
    }

    fn key_at(&self, key: KeyAt<'a>) -> &str {
        match key {
            KeyAt::Text(k) => k,
            KeyAt::Arena(start, end) => self.arena.get(start..end).unwrap_or_default(),
        }
    }

    /// Whether the text writes a word with key `k` (lower case) without
    /// a capital: the set of such keys, without building it. An
    /// uncapitalised word whose key is itself is found by its spelling,
    /// the rest among the few odd keys.
    pub(crate) fn written_lower(&self, k: &str) -> bool {
        self.id(k)
            .and_then(|id| self.word(id))
            .is_some_and(|w| !w.flags.has(Flags::CAPITALIZED) && self.key_of(w) == k)
            || self.odd_lower.contains(k)
            || self.odd_lower_owned.contains(k)
    }

    /// [`Vocab::written_lower`] of each word's key, by id: an
    /// uncapitalised word's key is, by definition (dialogue opens line
    /// after line with the same "Yes" and "No": asked once per word).
    pub(crate) fn keys_written_lower(&self) -> Vec<bool> {
        self.words
            .iter()
            .map(|w| !w.flags.has(Flags::CAPITALIZED) || self.written_lower(self.key_of(w)))
            .collect()
    }

    /// The flags of `w`: from the table if seen, else described now.
    #[cfg(test)]
    pub(crate) fn flags(&self, w: &str) -> Flags {
        match self.id(w).and_then(|id| self.word(id)) {
            Some(word) => word.flags,
            None => describe(w).1,
        }
    }

    /// How many distinct words have been seen.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The flags of `w`, if it has been seen.
    pub(crate) fn flags_of(&self, w: &str) -> Option<Flags> {
        self.id(w)
            .and_then(|id| self.word(id))
            .map(|word| word.flags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::lexicon::has;

    #[test]
    fn describes_each_spelling_once() {
        let mut v = Vocab::default();
        let a = v.intern("Minister");
        let b = v.intern("said");
        assert_eq!(v.intern("Minister"), a);
        assert_ne!(a, b);
        assert_eq!(v.len(), 2);
        let m = v.word(a).map(|w| (v.key_of(w).to_string(), w.flags));
        assert_eq!(
            m.as_ref().map(|(k, _)| k.as_str()),
            Some("minister"),
            "{m:?}"
        );
        let f = v.flags("Minister");
        assert!(f.has(Flags::CAPITALIZED) && f.has(Flags::TITLE));
        assert!(!f.has(Flags::STOP));
        // Unseen words are described on the spot.
        assert!(v.flags("Ms").has(Flags::FEMALE_TITLE));
        assert!(v.flags("Office").has(Flags::ORG));
        assert!(v.flags("Kirby's").has(Flags::POSSESSIVE));
        assert!(v.flags("himself").has(Flags::HE));
        assert_eq!(v.flags(","), Flags::NONE);
    }

    /// `written_lower` is the set of the keys of the uncapitalised words.
    #[test]
    fn keys_written_lower_are_the_uncapitalised_words_keys() {
        let text = [
            "said",
            "Said",
            "company's",
            "Company",
            "iPhone",
            "IPHONE",
            "Ärzte",
            "ärzte's",
            "Überdurchschnittlichkeitsprüfung",
            "überdurchschnittlichkeitsprüfung",
            "ΣΊΣΥΦΟΣ",
            "Kirby's",
            "kirby",
            "x's's",
            "X's",
            "3",
            "ǅemal",
        ];
        let mut v = Vocab::default();
        for w in text {
            v.intern(w);
        }
        let set: std::collections::HashSet<String> = text
            .iter()
            .filter(|w| !words::is_capitalized(w))
            .map(|w| words::key(w).as_str().to_owned())
            .collect();
        let by_id = v.keys_written_lower();
        for (i, w) in text.iter().enumerate() {
            let k = words::key(w);
            assert_eq!(by_id.get(i).copied(), Some(set.contains(k.as_str())), "{w}");
            for probe in [k.as_str(), w, "", "x's", "x"] {
                assert_eq!(v.written_lower(probe), set.contains(probe), "{probe}");
            }
        }
    }

    /// The flags as the word lists and rules define them, one by one.
    fn slow(w: &str) -> Flags {
        let k = words::key(w);
        let k = k.as_str();
        let mut f = Flags::NONE;
        f.set(Flags::CAPITALIZED, words::is_capitalized(w));
        f.set(Flags::STOP, names::is_stop(k));
        f.set(Flags::TITLE, names::is_title_word(k));
        f.set(Flags::ROLE, has(lexicon::ROLES, k));
        f.set(Flags::ORG, has(names::ORG_WORDS, k));
        f.set(Flags::DETERMINER, has(lexicon::DETERMINERS, k));
        f.set(Flags::ISSUE, has(lexicon::ISSUES, k));
        f.set(Flags::PARTICLE, has(names::PARTICLES, w));
        // names::is_abbrev, from the lists themselves.
        let lw = words::lower(w);
        f.set(
            Flags::ABBREV,
            has(lexicon::TITLES, &lw)
                || w.chars().count() == 1 && w.chars().all(char::is_uppercase)
                || w.contains('.')
                || matches!(lw.as_str(), "jr" | "sr" | "st" | "mt")
                || has(names::US_STATES, &lw),
        );
        assert_eq!(f.has(Flags::ABBREV), names::is_abbrev(w), "{w}");
        f.set(Flags::MALE_TITLE, has(names::MALE_TITLES, k));
        f.set(Flags::FEMALE_TITLE, has(names::FEMALE_TITLES, k));
        f.set(Flags::POSSESSIVE, w.ends_with("'s") || w.ends_with("’s"));
        f.set(
            Flags::PLACE,
            matches!(k, "at" | "from" | "in" | "into" | "near"),
        );
        f.set(Flags::HE, matches!(k, "he" | "his" | "himself"));
        f.set(Flags::SHE, matches!(k, "she" | "hers" | "herself"));
        f.set(Flags::OBJECT, matches!(k, "him" | "her"));
        f.set(Flags::HER, k == "her");
        f.set(Flags::AFTER_OBJECT, has(names::AFTER_OBJECT, k));
        f
    }

    #[test]
    fn table_gives_what_the_lists_give() {
        let lists: [&WordList; 11] = [
            names::STOP,
            lexicon::TITLES,
            lexicon::ROLES,
            names::ORG_WORDS,
            lexicon::DETERMINERS,
            lexicon::ISSUES,
            names::PARTICLES,
            names::US_STATES,
            names::MALE_TITLES,
            names::FEMALE_TITLES,
            names::AFTER_OBJECT,
        ];
        let mut words: Vec<String> = [
            "Kelly",
            "quickly",
            "Emily",
            "Bundeskanzlerin",
            "Jr",
            "st",
            "A",
            "U.S.",
            "x",
            "É",
            "Mr.",
            "him",
            "Her",
            "near",
            "said",
            "Kirby",
            ".",
            "’s",
            "'s",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for w in lists.iter().flat_map(|l| l.iter()) {
            let cap: String = w
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let up: Vec<char> = if i == 0 {
                        c.to_uppercase().collect()
                    } else {
                        vec![c]
                    };
                    up
                })
                .collect();
            for form in [w.to_string(), cap.clone(), w.to_uppercase()] {
                words.push(format!("{form}'s"));
                words.push(format!("{form}’s"));
                words.push(form);
            }
        }
        for w in &words {
            assert_eq!(describe(w).1, slow(w), "{w}");
        }
    }

    /// The look-ups by table answer as the lists do, for every listed
    /// word and others.
    #[test]
    fn listed_questions_agree_with_the_lists() {
        type Question = (&'static WordList, fn(&str) -> bool);
        let questions: [Question; 4] = [
            (lexicon::PRONOUNS, is_listed_pronoun),
            (lexicon::DETERMINERS, is_listed_determiner),
            (names::STOP, is_listed_stop),
            (lexicon::BRIDGES, is_listed_bridge),
        ];
        let mut words: Vec<String> = ["", "x", "said", "he'", "thee", "quickly", "Er", "HE"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for (list, _) in questions {
            for w in list.iter() {
                words.push(w.to_string());
                words.push(w.to_uppercase());
                words.push(format!("{w}s"));
                words.push(w.get(1..).unwrap_or_default().to_string());
            }
        }
        for (list, ask) in questions {
            for w in &words {
                assert_eq!(ask(w), has(list, w), "{w}");
            }
        }
        for w in &words {
            let both = (has(lexicon::PRONOUNS, w), has(lexicon::DETERMINERS, w));
            assert_eq!(is_listed_pronoun_determiner(w), both, "{w}");
        }
    }

    /// A word that XORs its 8-byte chunks like a listed word of 9 bytes or
    /// more (its bytes 0 and 8 swapped) is not listed unless it is itself.
    #[test]
    fn long_words_are_listed_by_their_text_not_their_fold() {
        let mut tried = 0;
        for (w, _) in Lists::new().slots.iter().map(|s| (s.word, s.flags)) {
            let mut b = w.as_bytes().to_vec();
            if b.len() < 9 || !w.is_ascii() {
                continue;
            }
            b.swap(0, 8);
            let Ok(twin) = String::from_utf8(b) else {
                continue;
            };
            assert_eq!(chunks_xor(twin.as_bytes()), chunks_xor(w.as_bytes()));
            if twin != w {
                tried += 1;
                assert_eq!(listed(&twin), Lists::slow(&twin), "{twin}");
            }
        }
        assert!(tried > 10, "{tried}");
    }

    /// The 8-byte chunks of `bytes` (the last zero-padded), XORed: a
    /// cheaper hash than [`keyed`], which families of words defeat.
    fn chunks_xor(bytes: &[u8]) -> u64 {
        bytes.chunks(8).fold(0, |h, c| h ^ little_endian(c))
    }

    /// A family of long words that XOR alike ([`chunks_xor`]: bytes 8 apart
    /// swapped in pairs whose XOR is the same) is kept under as many
    /// hashes as it has words: look-ups stay short whatever the text.
    #[test]
    fn long_words_that_fold_alike_hash_apart() {
        let pairs = [(b'a', b'b'), (b'e', b'f'), (b'i', b'j'), (b'm', b'n')];
        let mut words = Vec::new();
        for n in 0..4096u32 {
            let mut w = *b"xxxxxxxxxxxxxxxxy";
            for lane in 0..6 {
                let (p, q) = pairs[(n >> (2 * lane)) as usize & 3];
                w[lane] = p;
                w[lane + 8] = q;
            }
            words.push(w);
        }
        let folds: FxHashSet<u64> = words.iter().map(|w| chunks_xor(w)).collect();
        assert_eq!(folds.len(), 1);
        let hashes: FxHashSet<u64> = words.iter().map(|w| keyed(w)).collect();
        assert_eq!(hashes.len(), words.len());
        // Short words are their bytes, the first lowest.
        assert_eq!(keyed(b"said"), u64::from_le_bytes(*b"said\0\0\0\0"));
    }

    impl Lists {
        /// The flags of `k` from a walk over every place.
        fn slow(k: &str) -> Flags {
            static T: LazyLock<Lists> = LazyLock::new(Lists::new);
            T.slots
                .iter()
                .find(|s| s.word == k && !k.is_empty())
                .map_or(Flags::NONE, |s| s.flags)
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The one-pass description of an ASCII word = the general one,
        /// key and flags.
        #[test]
        fn ascii_words_are_described_as_any_word(w in "([a-dA-DsSyYlLjJrRtTmM.'’\\-1]|he|Mr|Mrs|von|van|ministerin|Spokesman|Jr|st|Calif|ly|Company|statement|'s){0,8}") {
            if let Some((k, f)) = describe_ascii(&w) {
                let (k2, f2) = describe_any(&w);
                proptest::prop_assert_eq!(k.as_str(), k2.as_str());
                proptest::prop_assert_eq!(std::mem::discriminant(&k), std::mem::discriminant(&k2));
                proptest::prop_assert_eq!(f, f2);
            } else {
                let stem = w.strip_suffix("'s").unwrap_or(&w);
                proptest::prop_assert!(!w.is_ascii() || stem.len() > words::INLINE);
            }
        }

        /// The table answers as a walk over it does.
        #[test]
        fn listed_by_fold_as_by_walk(w in "[a-zäöüß'’.\\-]{0,14}") {
            proptest::prop_assert_eq!(listed(&w), Lists::slow(&w));
        }
    }

    /// A word's entry in the table (its key in the arena or the text,
    /// and its flags) is what [`describe`] gives the word on its own.
    fn check_entries(text: &[&str]) {
        let mut v = Vocab::default();
        for w in text {
            let id = v.intern(w);
            let (key, flags) = describe(w);
            let entry = v.word(id).map(|e| (v.key_of(e).to_owned(), e.flags));
            assert_eq!(entry, Some((key.as_str().to_owned(), flags)), "{w}");
        }
    }

    #[test]
    fn entries_are_descriptions() {
        check_entries(&[
            "Said",
            "said",
            "SAID",
            "Kirby's",
            "U.S.",
            "Mr",
            "iPhone",
            "McDONALD's",
            "A",
            "x",
            "Ärzte",
            "über",
            "Überdurchschnittlichkeitsprüfungen",
            "AAAAAAAAAAAAAAAAAAAAAAAAA",
            "Aaaaaaaaaaaaaaaaaaaaaa",
            "Aaaaaaaaaaaaaaaaaaaaaa's",
            "O’Neill",
            "Said",
        ]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn entries_on_arbitrary_words(text in proptest::collection::vec("([a-dA-DsSmMrR.'’\\-1é]|Mr|he|'s){1,12}", 1..8)) {
            let text: Vec<&str> = text.iter().map(String::as_str).collect();
            check_entries(&text);
        }

        #[test]
        fn table_matches_on_arbitrary_words(w in "[a-zA-ZßÉé'’.\\-]{0,12}") {
            proptest::prop_assert_eq!(describe(&w).1, slow(&w));
        }
    }
}
