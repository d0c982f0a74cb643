//! Extended grapheme clusters (UAX #29), forward from the start of a text.
//!
//! The tokenizer needs one thing from grapheme segmentation: where the
//! cluster that starts at a given character ends (combining marks, emoji
//! ZWJ sequences, flags, Indic conjuncts stay in one token). It used to ask
//! unicode-segmentation's `graphemes(true)`, whose category table is 1,618
//! ranges of 12 bytes (19 KB) plus a 2 KB index and a 3 KB `InCB=Extend`
//! table in the WebAssembly module. The same rules here read one table of
//! 1,371 runs of 4 bytes ([`runs`], generated from unicode-segmentation's
//! own tables by `scripts/grapheme-table.py`), with the Hangul syllables
//! (two categories alternating over 11,172 code points, half of that
//! crate's ranges) computed instead of listed: 8.5 KB less gzipped.
//! A test checks every code point against unicode-segmentation, which
//! stays the reference (and serves [`crate::word_bounds`]).
//!
//! Only forward, and only from a cluster start: the rules that look back
//! (GB9c, GB11, GB12/13) are state carried along the cluster.

mod runs;

use runs::RUNS;

/// Grapheme categories, the values of the low 5 bits of a [`RUNS`] entry.
/// `Extend` is split by the `Indic_Conjunct_Break` property (GB9c): plain,
/// `InCB=Extend`, and `InCB=Linker` (viramas, never `InCB=Extend`).
const ANY: u8 = 0;
const CR: u8 = 1;
const LF: u8 = 2;
const CONTROL: u8 = 3;
const EXTEND: u8 = 4;
const EXTEND_INCB: u8 = 5;
const LINKER: u8 = 6;
const ZWJ: u8 = 7;
const SPACING_MARK: u8 = 8;
const PREPEND: u8 = 9;
const REGIONAL: u8 = 10;
const PICTOGRAPHIC: u8 = 11;
const CONSONANT: u8 = 12;
const L: u8 = 13;
const V: u8 = 14;
const T: u8 = 15;
/// A precomposed Hangul syllable: LV or LVT, told apart by arithmetic.
const SYLLABLE: u8 = 16;
/// What [`category`] answers for a syllable: the two Hangul classes that
/// [`RUNS`] folds into [`SYLLABLE`].
const LV: u8 = 17;
const LVT: u8 = 18;

/// The grapheme category of `c`.
fn category(c: char) -> u8 {
    let u = u32::from(c);
    // The entries are sorted by start; the run holding `u` is the last one
    // starting at or before it (the first starts at U+0000).
    let i = RUNS.partition_point(|&e| e >> 5 <= u);
    let cat = RUNS
        .get(i.wrapping_sub(1))
        .map_or(ANY, |&e| (e & 0x1F) as u8);
    if cat == SYLLABLE {
        // Hangul syllables come in blocks of 28: one LV, then 27 LVT.
        return if (u - 0xAC00) % 28 == 0 { LV } else { LVT };
    }
    cat
}

/// Whether `c` is `InCB=Extend` or `InCB=Linker` (the characters GB9c lets
/// stand between two consonants), and whether it is a linker.
fn incb(cat: u8) -> (bool, bool) {
    (matches!(cat, EXTEND_INCB | LINKER | ZWJ), cat == LINKER)
}

/// The byte length of the extended grapheme cluster at the start of `s`
/// (0 for an empty string): the same as
/// `s.graphemes(true).next().map_or(0, str::len)` with unicode-segmentation.
pub(crate) fn cluster_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let mut before = category(first);
    // GB12/13: regional indicators pair up; how many end at `before`.
    let mut regional = usize::from(before == REGIONAL);
    // GB11: `\p{Extended_Pictographic} Extend*` ends at `before`, and
    // whether `before` is a ZWJ that follows one.
    let mut pictograph = before == PICTOGRAPHIC;
    let mut emoji_zwj = false;
    // GB9c: a consonant followed by InCB Extend/Linker characters ends at
    // `before` (`Some`), and whether a linker was among them.
    let mut conjunct: Option<bool> = (before == CONSONANT).then_some(false);
    for (at, c) in chars {
        let after = category(c);
        let joins = match (before, after) {
            (CR, LF) => true,                                               // GB3
            (CONTROL | CR | LF, _) | (_, CONTROL | CR | LF) => false,       // GB4, GB5
            (L, L | V | LV | LVT) | (LV | V, V | T) | (LVT | T, T) => true, // GB6-8
            (_, EXTEND | EXTEND_INCB | LINKER | ZWJ | SPACING_MARK) | (PREPEND, _) => true, // GB9-9b
            (_, CONSONANT) => conjunct == Some(true),                                       // GB9c
            (ZWJ, PICTOGRAPHIC) => emoji_zwj,                                               // GB11
            (REGIONAL, REGIONAL) => regional % 2 == 1, // GB12, GB13
            _ => false,                                // GB999
        };
        if !joins {
            return at;
        }
        regional = if after == REGIONAL { regional + 1 } else { 0 };
        emoji_zwj = after == ZWJ && pictograph;
        pictograph =
            after == PICTOGRAPHIC || pictograph && matches!(after, EXTEND | EXTEND_INCB | LINKER);
        let (extend, linker) = incb(after);
        conjunct = if after == CONSONANT {
            Some(false)
        } else if extend {
            conjunct.map(|seen| seen || linker)
        } else {
            None
        };
        before = after;
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::cluster_len;
    use unicode_segmentation::UnicodeSegmentation;

    fn reference(s: &str) -> usize {
        s.graphemes(true).next().map_or(0, str::len)
    }

    /// One character of each category and property the rules look at.
    const PROBES: &[&str] = &[
        "a",
        "\r",
        "\n",
        "\u{1}",
        "\u{300}",
        "\u{200D}",
        "\u{94D}",
        "\u{903}",
        "\u{600}",
        "\u{1F1E6}",
        "\u{1F600}",
        "\u{915}",
        "\u{1100}",
        "\u{1161}",
        "\u{11A8}",
        "\u{AC00}",
        "\u{AC01}",
        "\u{951}",
        "\u{1F3FB}",
    ];

    /// Every assigned code point clusters as unicode-segmentation says in the
    /// contexts that tell every category and property apart, and the code
    /// points of any category but `Any` (plus every 64th) also before and
    /// after every probe: the table and the rules are exact, not an
    /// approximation.
    #[test]
    fn every_code_point_clusters_like_unicode_segmentation() {
        let mut s = String::new();
        // Planes 4 to 13 hold no character (one run of `Any` in both
        // tables): every 64th code point there is enough, and keeps the
        // test quick in a debug build.
        let points = (0..=0x10FFFF).filter(|u| !(0x40000..0xE0000).contains(u) || u % 64 == 0);
        for c in points.filter_map(char::from_u32) {
            let mut check = |parts: &[&str]| {
                s.clear();
                for p in parts {
                    s.push_str(p);
                }
                assert_eq!(cluster_len(&s), reference(&s), "{s:?}");
            };
            let mut buf = [0u8; 4];
            let c: &str = c.encode_utf8(&mut buf);
            check(&[c, "\u{300}"]);
            check(&["a", c]);
            check(&[c, "a"]);
            check(&["\u{1F1E6}", c]);
            check(&["\u{1F600}", "\u{200D}", c]);
            check(&["\u{1F600}", c, "\u{200D}", "\u{1F600}"]);
            check(&["\u{915}", "\u{94D}", c]);
            check(&["\u{915}", c, "\u{915}"]);
            check(&["\u{915}", "\u{94D}", c, "\u{915}"]);
            check(&["\u{915}", c, "\u{94D}", "\u{915}"]);
            check(&["\u{1100}", c]);
            check(&[c, "\u{1161}"]);
            check(&[c, "\u{11A8}"]);
            let u = c.chars().next().map_or(0, u32::from);
            let listed = super::category(char::from_u32(u).unwrap_or('a')) != super::ANY;
            if listed || u % 64 == 0 {
                for p in PROBES {
                    check(&[p, c]);
                    check(&[c, p]);
                }
                check(&["\u{1F1E6}", "\u{1F1E6}", c]);
                check(&["\u{1F1E6}", c, "\u{1F1E6}"]);
            }
        }
    }

    #[test]
    fn sequences() {
        let cases = [
            ("", 0),
            ("ab", 1),
            ("e\u{301}x", 3),
            ("\r\n", 2),
            ("\u{1F469}\u{200D}\u{1F4BB}!", 11),
            ("\u{1F1E9}\u{1F1EA}\u{1F1EB}", 8),
            ("\u{915}\u{94D}\u{937}a", 9),
            ("\u{1100}\u{1161}\u{11A8}", 9),
            ("\u{AC00}\u{11A8}", 6),
            ("\u{AC01}\u{1161}", 3),
        ];
        for (s, want) in cases {
            assert_eq!(cluster_len(s), want, "{s:?}");
            assert_eq!(reference(s), want, "{s:?}");
        }
    }
}
