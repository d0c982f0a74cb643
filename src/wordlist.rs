//! Sorted word lists packed into one byte string and a table of ends.
//!
//! A `&[&str]` costs 8 bytes of pointer and length per word in the
//! WebAssembly module besides the word itself, and those pointers compress
//! badly (each one differs). [`word_list!`] packs the same list at compile
//! time into the words' bytes back to back plus one `u16` end offset and
//! the first byte of each word, and checks that it is sorted (a build
//! error otherwise). Lookups
//! are the same binary search over the same order (UTF-8 bytes, that is
//! `str`'s `Ord`), so the answers do not change.
//!
//! ```ignore
//! static MONTHS: WordList = word_list!(&["april", "juni", "mai"]);
//! assert!(MONTHS.contains("juni"));
//! ```

use std::cmp::Ordering;

/// A sorted list of distinct words, packed by [`word_list!`].
pub(crate) struct WordList {
    /// Every word's bytes, back to back, in order.
    bytes: &'static [u8],
    /// Where each word starts in `bytes`, then where the last one ends
    /// (word `i` is `bytes[ends[i]..ends[i + 1]]`).
    ends: &'static [u16],
    /// The first byte of each word (0 for an empty one): most probes of a
    /// search are decided by it alone, without finding the word.
    firsts: &'static [u8],
    /// One bit per word, at its [`sign`]: a word whose bit is clear is
    /// not listed, known without a search. Nearly every word asked is
    /// not listed (98 % on news): the bit turns most of them away for a
    /// few instructions instead of a bisection. One `u64` for a list of
    /// up to 31 words, and one more per 16 words (a power of two of
    /// them): a single `u64` was full for a long list, and let nearly
    /// every word through (three in four of the words asked of a list of
    /// a hundred on news, all but one in a hundred of them unlisted).
    signs: &'static [u64],
    /// `32 -` the number of bits of [`WordList::signs`] (a power of two):
    /// a word's bit is the top bits of its [`sign`].
    shift: u32,
}

/// The `u64`s of [`WordList::signs`] for a list of `n` words: 1 up to
/// 31 words, then `n / 16` rounded up to a power of two (4 to 8 bits per
/// word; one in five to nine unlisted words passes).
#[doc(hidden)]
pub(crate) const fn sign_words(n: usize) -> usize {
    let w = n / 16;
    if w <= 1 {
        1
    } else {
        w.next_power_of_two()
    }
}

/// [`WordList::shift`] for `words` `u64`s of signs (a power of two).
#[doc(hidden)]
pub(crate) const fn sign_shift(words: usize) -> u32 {
    32 - (words * 64).trailing_zeros()
}

/// The sign of a word of length `len` with first, second and last bytes
/// `first`, `second` and `last` (0 for none): a multiplicative hash of
/// the four, whose top bits are the word's bit in [`WordList::signs`].
#[doc(hidden)]
#[inline]
pub(crate) const fn sign(first: u8, second: u8, last: u8, len: usize) -> u32 {
    let len = if len > 0xff { 0xff } else { len as u32 };
    let x = first as u32 | (last as u32) << 8 | len << 16 | (second as u32) << 24;
    x.wrapping_mul(0x9E37_79B1)
}

/// [`sign`] of `word`.
#[inline]
const fn sign_of(word: &[u8]) -> u32 {
    match word {
        [] => sign(0, 0, 0, 0),
        [first, second, .., last] => sign(*first, *second, *last, word.len()),
        [first, last] => sign(*first, *last, *last, 2),
        [only] => sign(*only, 0, *only, 1),
    }
}

impl WordList {
    /// Used by [`word_list!`] only, with what [`concat`] and [`ends`] made.
    #[doc(hidden)]
    pub(crate) const fn from_parts(
        bytes: &'static [u8],
        ends: &'static [u16],
        firsts: &'static [u8],
        signs: &'static [u64],
        shift: u32,
    ) -> Self {
        Self {
            bytes,
            ends,
            firsts,
            signs,
            shift,
        }
    }

    /// Whether the bit of `word`'s [`sign`] is set (it may be listed).
    #[inline]
    fn signed(&self, word: &[u8]) -> bool {
        let bit = (sign_of(word) >> self.shift) as usize;
        self.signs
            .get(bit / 64)
            .is_some_and(|w| w >> (bit % 64) & 1 != 0)
    }

    /// Whether `word` is in the list.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.rank(word) != usize::MAX
    }

    /// The index of `word` in the list (its rank in sorted order).
    #[inline]
    pub(crate) fn position(&self, word: &str) -> Option<usize> {
        let i = self.rank(word);
        (i != usize::MAX).then_some(i)
    }

    /// [`Self::position`], `usize::MAX` for a word not listed: a plain
    /// number, where an `Option` is returned through memory in
    /// WebAssembly (a stack frame at each of some two hundred callers).
    ///
    /// Not inlined: one copy serves every list (inlined, the lookups were
    /// 7 KB more code in the WebAssembly module). Bisection with a fixed
    /// number of steps, like `slice::binary_search`, but comparing bytes
    /// in a loop: the words are short and most probes differ at the first
    /// byte, where a `memcmp` call would cost more than the comparison.
    #[inline(never)]
    fn rank(&self, word: &str) -> usize {
        let word = word.as_bytes();
        // Most words asked are not listed: their bit tells ([`sign`]).
        if !self.signed(word) {
            return usize::MAX;
        }
        self.search(word)
    }

    /// The bisection of [`Self::rank`], for a word whose bit is set (one
    /// in five asked): a function of its own, so that turning a word
    /// away by its bit saves and restores no registers.
    #[inline(never)]
    fn search(&self, word: &[u8]) -> usize {
        let first = word.first().copied().unwrap_or(0);
        let mut size = self.firsts.len();
        let mut base = 0;
        while size > 1 {
            let half = size / 2;
            let mid = base + half;
            // A word that differs at the first byte is ordered by it (an
            // empty word, stored as 0, is before any other; a word that
            // starts with the byte 0 is compared in full).
            let f = self.firsts.get(mid).copied().unwrap_or(0);
            let after = if f != first {
                f > first
            } else {
                compare(self.word(mid), word) == Ordering::Greater
            };
            if !after {
                base = mid;
            }
            size -= half;
        }
        let found = self.word(base);
        if found.len() == word.len() && compare(found, word) == Ordering::Equal {
            base
        } else {
            usize::MAX
        }
    }

    /// The number of words.
    pub(crate) fn len(&self) -> usize {
        self.ends.len().saturating_sub(1)
    }

    /// The words in order (for tables built once from a list, and tests:
    /// each word is checked to be UTF-8 again, which the macro's `&str`
    /// input guarantees, so none is skipped).
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'static str> + Clone + '_ {
        self.bytes_iter()
            .filter_map(|w| std::str::from_utf8(w).ok())
    }

    /// The words' bytes in order, without the UTF-8 check of [`Self::iter`].
    pub(crate) fn bytes_iter(&self) -> impl Iterator<Item = &'static [u8]> + Clone + '_ {
        (0..self.len()).map(|i| self.word(i))
    }

    /// Whether `word` ends with one of the words (a walk over all of them,
    /// for short lists of endings). Not inlined: asked in three places.
    #[inline(never)]
    pub(crate) fn any_suffix_of(&self, word: &str) -> bool {
        let word = word.as_bytes();
        self.bytes_iter().any(|e| word.ends_with(e))
    }

    /// The bytes of word `i`, `None` past the end.
    pub(crate) fn get(&self, i: usize) -> Option<&'static [u8]> {
        (i < self.len()).then(|| self.word(i))
    }

    /// The bytes of word `i` (empty past the end).
    #[inline]
    fn word(&self, i: usize) -> &'static [u8] {
        match (self.ends.get(i), self.ends.get(i + 1)) {
            (Some(&start), Some(&end)) => self
                .bytes
                .get(usize::from(start)..usize::from(end))
                .unwrap_or_default(),
            _ => &[],
        }
    }
}

/// The first byte of each of `words` (0 for an empty word), for
/// [`word_list!`] (compile time).
#[doc(hidden)]
#[allow(clippy::indexing_slicing)]
pub(crate) const fn firsts<const N: usize>(words: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        let w = words[i].as_bytes();
        if !w.is_empty() {
            out[i] = w[0];
        }
        i += 1;
    }
    out
}

/// The [`WordList::signs`] of `words` (`W` of them, [`sign_words`]), for
/// [`word_list!`] (compile time).
#[doc(hidden)]
#[allow(clippy::indexing_slicing)]
pub(crate) const fn signs<const W: usize>(words: &[&str]) -> [u64; W] {
    let shift = sign_shift(W);
    let mut out = [0u64; W];
    let mut i = 0;
    while i < words.len() {
        let bit = (sign_of(words[i].as_bytes()) >> shift) as usize;
        out[bit / 64] |= 1 << (bit % 64);
        i += 1;
    }
    out
}

/// Byte order of two short words (`<[u8]>::cmp` without the `memcmp`).
#[inline]
fn compare(a: &[u8], b: &[u8]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// The total length in bytes of `words` (compile time, like [`concat`]).
#[doc(hidden)]
#[allow(clippy::indexing_slicing)]
pub(crate) const fn total_len(words: &[&str]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < words.len() {
        n += words[i].len();
        i += 1;
    }
    n
}

/// `words` back to back. Evaluated at compile time only (in the constants
/// [`word_list!`] declares), where an index out of bounds is a build error.
#[doc(hidden)]
#[allow(clippy::indexing_slicing)]
pub(crate) const fn concat<const B: usize>(words: &[&str]) -> [u8; B] {
    let mut out = [0u8; B];
    let mut at = 0;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        let mut k = 0;
        while k < w.len() {
            out[at] = w[k];
            at += 1;
            k += 1;
        }
        i += 1;
    }
    assert!(at == B, "word_list!: wrong total length");
    out
}

/// Where each word of `words` back to back starts, and where the last
/// one ends (`N` is one more than the number of words); fails the build
/// when the list is not sorted by bytes without repeats, or too long for
/// `u16` offsets.
#[doc(hidden)]
#[allow(clippy::indexing_slicing)]
pub(crate) const fn ends<const N: usize>(words: &[&str]) -> [u16; N] {
    assert!(words.len() + 1 == N, "word_list!: wrong count");
    let mut out = [0u16; N];
    let mut at = 0usize;
    let mut i = 0;
    while i < words.len() {
        if i > 0 {
            assert!(
                less(words[i - 1].as_bytes(), words[i].as_bytes()),
                "word_list!: not sorted by bytes, or a word twice"
            );
        }
        at += words[i].len();
        assert!(at <= u16::MAX as usize, "word_list!: over 64 KiB");
        out[i + 1] = at as u16;
        i += 1;
    }
    out
}

/// `a < b` in byte order, for [`ends`].
#[allow(clippy::indexing_slicing)]
const fn less(a: &[u8], b: &[u8]) -> bool {
    let mut k = 0;
    while k < a.len() && k < b.len() {
        if a[k] != b[k] {
            return a[k] < b[k];
        }
        k += 1;
    }
    a.len() < b.len()
}

/// A [`WordList`] of a sorted `&[&str]` expression, packed at compile time
/// (the `&str` array itself does not reach the binary). A list out of
/// order fails the build.
macro_rules! word_list {
    ($words:expr) => {{
        const WORDS: &[&str] = $words;
        const BYTES: [u8; $crate::wordlist::total_len(WORDS)] = $crate::wordlist::concat(WORDS);
        const ENDS: [u16; WORDS.len() + 1] = $crate::wordlist::ends(WORDS);
        const FIRSTS: [u8; WORDS.len()] = $crate::wordlist::firsts(WORDS);
        const SIGNS: [u64; $crate::wordlist::sign_words(WORDS.len())] =
            $crate::wordlist::signs(WORDS);
        $crate::wordlist::WordList::from_parts(
            &BYTES,
            &ENDS,
            &FIRSTS,
            &SIGNS,
            $crate::wordlist::sign_shift(SIGNS.len()),
        )
    }};
}
pub(crate) use word_list;

#[cfg(test)]
mod tests {
    use super::*;

    static LIST: WordList = word_list!(&["", "a", "ab", "b", "bä", "z", "ä"]);

    #[test]
    fn finds_every_word_and_nothing_else() {
        let words = ["", "a", "ab", "b", "bä", "z", "ä"];
        assert_eq!(LIST.len(), words.len());
        assert_eq!(LIST.iter().collect::<Vec<_>>(), words);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(LIST.position(w), Some(i), "{w:?}");
        }
        for w in ["aa", "abc", "c", "B", "b\u{e4}x", "\u{e4}\u{e4}", " "] {
            assert!(!LIST.contains(w), "{w:?}");
        }
    }

    #[test]
    fn empty_list() {
        static EMPTY: WordList = word_list!(&[]);
        assert!(!EMPTY.contains(""));
        assert_eq!(EMPTY.position("a"), None);
    }

    /// The build-time check: a list out of order or with a repeat is
    /// refused (a compile error in a constant; a panic here at run time).
    #[test]
    #[should_panic(expected = "not sorted")]
    fn unsorted_list_is_refused() {
        let _ = ends::<4>(&["a", "c", "b"]);
    }

    #[test]
    #[should_panic(expected = "not sorted")]
    fn repeated_word_is_refused() {
        let _ = ends::<3>(&["a", "a"]);
    }

    /// A list with words of many lengths and first and last bytes, some
    /// sharing their sign with words not listed.
    static MIXED: WordList = word_list!(&[
        "", "\u{0}", "\u{0}a", "a", "aa", "ab", "about", "after", "again", "b", "ba", "said",
        "says", "sie", "told", "tolds", "ä", "äb", "ü\u{0}", "über",
    ]);

    /// A list long enough for two `u64`s of signs.
    static LONG: WordList = word_list!(&[
        "acre", "apple", "arch", "bark", "beam", "bell", "birch", "boat", "brook", "cabin",
        "cedar", "cliff", "cloud", "coast", "crane", "creek", "dawn", "delta", "dune", "elm",
        "fern", "field", "fjord", "flint", "frost", "glade", "grove", "gulf", "hail", "heath",
        "hill", "inlet", "isle", "lake", "marsh", "meadow", "moss", "oak", "pine", "pond",
    ]);

    #[test]
    fn signs_grow_with_the_list() {
        assert_eq!((sign_words(0), sign_words(31), sign_words(32)), (1, 1, 2));
        assert_eq!((sign_words(48), sign_words(64), sign_words(100)), (4, 4, 8));
        assert_eq!(LIST.signs.len(), 1);
        assert_eq!(LONG.signs.len(), 2);
        // 128 bits: the top 7 bits of a sign.
        assert_eq!(LONG.shift, 25);
        for w in LONG.iter() {
            assert!(LONG.signed(w.as_bytes()), "{w:?}");
        }
        // Some unlisted words are turned away by their bit.
        let away = ["acres", "bar", "cab", "dusk", "oaks", "pin", "ponds", "z"]
            .iter()
            .filter(|w| !LONG.signed(w.as_bytes()))
            .count();
        assert!(away > 0);
    }

    /// The position as a walk over the words gives it.
    fn walk(list: &WordList, w: &str) -> Option<usize> {
        list.iter().position(|x| x == w)
    }

    #[test]
    fn every_word_found_and_its_neighbours_not() {
        for list in [&LIST, &MIXED, &LONG] {
            for w in list.iter() {
                assert_eq!(list.position(w), walk(list, w), "{w:?}");
                for other in [
                    format!("{w}a"),
                    format!("a{w}"),
                    format!("{w}\u{0}"),
                    w.to_uppercase(),
                ] {
                    assert_eq!(list.position(&other), walk(list, &other), "{other:?}");
                }
            }
        }
        // Every word sets its bit.
        for w in MIXED.iter() {
            assert!(MIXED.signed(w.as_bytes()), "{w:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The search with its sign test = a walk over the words.
        #[test]
        fn search_is_a_walk(w in "([abstoldäüé\u{0}]|ai|er|ou){0,6}") {
            for list in [&LIST, &MIXED, &LONG] {
                proptest::prop_assert_eq!(list.position(&w), walk(list, &w));
            }
        }
    }

    #[test]
    fn order_is_str_order() {
        let words = ["", "a", "ab", "b", "bä", "z", "ä"];
        assert!(words.windows(2).all(|p| p[0] < p[1]));
        assert!(less(b"a", b"ab") && less(b"ab", b"b") && !less(b"b", b"b"));
    }
}
