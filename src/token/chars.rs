//! Character classes for the tokenizer.
//!
//! ASCII goes through one 256-entry table (one load per byte on the hot
//! path); everything else through small `match`es on code point ranges.
//! The ranges are hand-picked rather than full Unicode property tables:
//! std already knows `Alphabetic`, `Numeric` and `White_Space`, and what is
//! left (quotation marks, emoji, CJK scripts, format characters) is a short
//! list. Combining marks are not listed at all: the scanner asks
//! [`crate::grapheme`] for the extended grapheme cluster instead, which is
//! exact (checked against unicode-segmentation on every code point) and
//! only needed for the rare characters no list here claims.

/// ASCII letter.
pub(super) const LETTER: u8 = 1;
/// ASCII digit.
pub(super) const DIGIT: u8 = 2;
/// Space or tab (whitespace that is not a line break).
pub(super) const SPACE: u8 = 4;
/// ASCII upper-case letter.
pub(super) const UPPER: u8 = 8;
/// ASCII lower-case letter.
pub(super) const LOWER: u8 = 16;
/// A byte a URL may contain (RFC 3986 characters plus `%`).
pub(super) const URL: u8 = 32;
/// A byte of an e-mail local part or a domain: letters, digits, `._%+-`.
pub(super) const CHAIN: u8 = 64;
/// A byte that ends a word of ASCII letters and digits whatever comes
/// before or after it: whitespace and the punctuation that never joins
/// (`;` `)` `]` `!` `?` `"`), for the scanner's fast path.
pub(super) const ENDS_WORD: u8 = 128;

static ASCII: [u8; 256] = build();

// `b < 128` indexes a 256-entry array; `get_mut` is not const on the MSRV.
#[allow(clippy::indexing_slicing)]
const fn build() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 128 {
        let c = b as u8;
        let mut f = 0u8;
        if c.is_ascii_uppercase() {
            f |= LETTER | UPPER | URL | CHAIN;
        } else if c.is_ascii_lowercase() {
            f |= LETTER | LOWER | URL | CHAIN;
        } else if c.is_ascii_digit() {
            f |= DIGIT | URL | CHAIN;
        } else if c == b' ' || c == b'\t' {
            f |= SPACE;
        }
        if matches!(
            c,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b':'
                | b'/'
                | b'?'
                | b'#'
                | b'['
                | b']'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b'%'
        ) {
            f |= URL;
        }
        if matches!(c, b'.' | b'_' | b'%' | b'+' | b'-') {
            f |= CHAIN;
        }
        if matches!(
            c,
            b' ' | b'\n' | b'\r' | b'\t' | b';' | b')' | b']' | b'!' | b'?' | b'"'
        ) {
            f |= ENDS_WORD;
        }
        t[b] = f;
        b += 1;
    }
    t
}

/// The class bits of a byte (0 for bytes of non-ASCII characters).
#[inline(always)]
pub(super) fn ascii(b: u8) -> u8 {
    // A `u8` always indexes a 256-entry table; `get` keeps the lint happy
    // and compiles to the same load.
    ASCII.get(usize::from(b)).copied().unwrap_or(0)
}

/// ASCII letter or digit.
#[inline(always)]
pub(super) fn is_alnum_byte(b: u8) -> bool {
    ascii(b) & (LETTER | DIGIT) != 0
}

/// The end of the run of ASCII letters and digits starting at `i`.
///
/// Eight bytes at a time (SWAR): most words fit in one step, so the loop
/// exit is predictable, where a byte loop mispredicts once per word on
/// ragged word lengths — the main cost of tokenizing running text.
#[inline(always)]
pub(super) fn skip_alnum(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(arr) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let stop = !alnum_mask(u64::from_le_bytes(arr)) & HIGH;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| is_alnum_byte(b)) {
        i += 1;
    }
    i
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte.
const fn rep(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit set in each byte of `w` that is an ASCII letter or digit.
/// Each byte is masked to 7 bits first, so the additions never carry into
/// the next byte; bytes with the high bit set (non-ASCII) are excluded.
#[inline(always)]
fn alnum_mask(w: u64) -> u64 {
    let x = w & !HIGH;
    let folded = x | rep(0x20); // A-Z onto a-z; nothing else lands there
    let letter = (folded + rep(0x80 - b'a')) & !(folded + rep(0x7F - b'z'));
    let digit = (x + rep(0x80 - b'0')) & !(x + rep(0x7F - b'9'));
    (letter | digit) & !w & HIGH
}

/// `c.is_alphanumeric()`, answered without std's table look-up for the
/// Latin-1 and Latin Extended-A letters (À–ÿ but × ÷, Ā–ſ) of European
/// names and words, the commonest non-ASCII letters in news. A unit test
/// checks every `char` against std.
#[inline]
pub(super) fn is_alnum(c: char) -> bool {
    match u32::from(c) {
        0xC0..=0x17F => !matches!(c, '\u{D7}' | '\u{F7}'),
        _ => c.is_alphanumeric(),
    }
}

/// A mandatory line break: LF, CR, VT, FF, NEL, LS, PS (UAX #14 BK/CR/LF/NL).
#[inline]
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A quotation mark of any tradition. Apostrophes are among them: whether
/// `'` or `’` is an apostrophe is decided by context in the scanner.
#[inline]
pub(super) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{AB}'  // «
            | '\u{B4}'  // ´
            | '\u{BB}'  // »
            | '\u{2018}'..='\u{201F}' // ‘ ’ ‚ ‛ “ ” „ ‟
            | '\u{2032}'..='\u{2033}' // ′ ″ (used as ' and " in poor typography)
            | '\u{2039}'..='\u{203A}' // ‹ ›
            | '\u{275B}'..='\u{275E}' // ❛ ❜ ❝ ❞
            | '\u{2E42}'  // ⹂
            | '\u{300C}'..='\u{300F}' // 「 」 『 』
            | '\u{301D}'..='\u{301F}' // 〝 〞 〟
            | '\u{FE41}'..='\u{FE44}' // vertical 「 」 『 』
            | '\u{FF02}'  // ＂
            | '\u{FF07}'  // ＇
            | '\u{FF62}'..='\u{FF63}' // ｢ ｣
    )
}

/// Single (apostrophe-like) quotation marks, for the open-quote state.
#[inline]
pub(super) fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// Invisible format characters (soft hyphen, zero-width space/joiners,
/// bidi controls, BOM, variation selectors, tags). Like UAX #29 rule WB4,
/// they attach to whatever precedes them.
#[inline]
pub(super) fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// A currency sign (Unicode `Sc`, the common ones).
#[inline]
pub(super) fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '\u{A2}'..='\u{A5}'
            | '\u{58F}'
            | '\u{60B}'
            | '\u{9F2}'..='\u{9F3}'
            | '\u{E3F}'
            | '\u{17DB}'
            | '\u{20A0}'..='\u{20C0}'
            | '\u{FDFC}'
            | '\u{FF04}'
            | '\u{FFE0}'..='\u{FFE1}'
            | '\u{FFE5}'..='\u{FFE6}'
    )
}

/// A Han ideograph (CJK Unified Ideographs and extensions, compatibility
/// ideographs, 々 and 〇): each is a token of its own.
#[inline]
pub(super) fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3005}'
            | '\u{3007}'
            | '\u{3021}'..='\u{3029}'
            | '\u{3038}'..='\u{303B}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FA1F}'
            | '\u{30000}'..='\u{323AF}'
    )
}

/// The script of a kana or hangul run, or `None`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Run {
    /// Hiragana.
    Hiragana,
    /// Katakana (full and half width).
    Katakana,
    /// Hangul syllables and jamo.
    Hangul,
    /// The prolonged sound mark and (semi-)voiced sound marks: they
    /// continue a run of either kana.
    KanaMark,
}

/// Which kana/hangul run `c` may belong to.
#[inline]
pub(super) fn run_of(c: char) -> Option<Run> {
    Some(match c {
        '\u{3099}'..='\u{309C}' | '\u{30FC}' | '\u{FF70}' | '\u{FF9E}'..='\u{FF9F}' => {
            Run::KanaMark
        }
        '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309F}' | '\u{1B001}'..='\u{1B11F}' => {
            Run::Hiragana
        }
        '\u{30A1}'..='\u{30FA}'
        | '\u{30FD}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF66}'..='\u{FF9D}'
        | '\u{1B000}'
        | '\u{1B120}'..='\u{1B122}'
        | '\u{1B164}'..='\u{1B167}' => Run::Katakana,
        '\u{1100}'..='\u{11FF}'
        | '\u{3131}'..='\u{318E}'
        | '\u{A960}'..='\u{A97C}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{D7B0}'..='\u{D7FB}'
        | '\u{FFA0}'..='\u{FFDC}' => Run::Hangul,
        _ => return None,
    })
}

/// CJK characters that do not join Latin-style words.
#[inline]
pub(super) fn is_cjk(c: char) -> bool {
    is_han(c) || run_of(c).is_some()
}

/// Emoji that are emoji by default (Extended_Pictographic in the planes
/// and blocks where nearly everything is an emoji).
#[inline]
pub(super) fn is_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{231A}'..='\u{231B}'
            | '\u{2328}'
            | '\u{23CF}'
            | '\u{23E9}'..='\u{23F3}'
            | '\u{23F8}'..='\u{23FA}'
            | '\u{25AA}'..='\u{25AB}'
            | '\u{25B6}'
            | '\u{25C0}'
            | '\u{25FB}'..='\u{25FE}'
            | '\u{2600}'..='\u{27BF}'
            | '\u{2934}'..='\u{2935}'
            | '\u{2B05}'..='\u{2B07}'
            | '\u{2B1B}'..='\u{2B1C}'
            | '\u{2B50}'
            | '\u{2B55}'
            | '\u{3030}'
            | '\u{303D}'
            | '\u{3297}'
            | '\u{3299}'
            | '\u{1F000}'..='\u{1FAFF}'
            | '\u{1FC00}'..='\u{1FFFD}'
    )
}

/// Symbols that are emoji only with an emoji variation selector
/// (`©️`, `™️`, `↔️`, `‼️`); plain, they are symbols or punctuation.
#[inline]
pub(super) fn is_text_default_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{A9}'
            | '\u{AE}'
            | '\u{203C}'
            | '\u{2049}'
            | '\u{2122}'
            | '\u{2139}'
            | '\u{2194}'..='\u{2199}'
            | '\u{21A9}'..='\u{21AA}'
            | '\u{24C2}'
    )
}

/// Punctuation (Unicode `P*`) outside ASCII: the common blocks. Anything
/// else that is neither letter, digit, mark nor listed here is a symbol.
#[inline]
pub(super) fn is_punct(c: char) -> bool {
    matches!(
        c,
        '\u{A1}'
            | '\u{A7}'
            | '\u{B6}'..='\u{B7}'
            | '\u{BF}'
            | '\u{37E}'
            | '\u{387}'
            | '\u{55A}'..='\u{55F}'
            | '\u{589}'..='\u{58A}'
            | '\u{5BE}'
            | '\u{5C0}'
            | '\u{5C3}'
            | '\u{5C6}'
            | '\u{5F3}'..='\u{5F4}'
            | '\u{609}'..='\u{60A}'
            | '\u{60C}'..='\u{60D}'
            | '\u{61B}'
            | '\u{61D}'..='\u{61F}'
            | '\u{66A}'..='\u{66D}'
            | '\u{6D4}'
            | '\u{964}'..='\u{965}'
            | '\u{970}'
            | '\u{E4F}'
            | '\u{E5A}'..='\u{E5B}'
            | '\u{10FB}'
            | '\u{1361}'..='\u{1368}'
            | '\u{166E}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{207D}'..='\u{207E}'
            | '\u{208D}'..='\u{208E}'
            | '\u{2308}'..='\u{230B}'
            | '\u{2329}'..='\u{232A}'
            | '\u{2768}'..='\u{2775}'
            | '\u{27C5}'..='\u{27C6}'
            | '\u{27E6}'..='\u{27EF}'
            | '\u{2983}'..='\u{2998}'
            | '\u{29D8}'..='\u{29DB}'
            | '\u{29FC}'..='\u{29FD}'
            | '\u{2CF9}'..='\u{2CFC}'
            | '\u{2CFE}'..='\u{2CFF}'
            | '\u{2E00}'..='\u{2E4F}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301C}'
            | '\u{3030}'
            | '\u{303D}'
            | '\u{30A0}'
            | '\u{30FB}'
            | '\u{FD3E}'..='\u{FD3F}'
            | '\u{FE10}'..='\u{FE19}'
            | '\u{FE30}'..='\u{FE40}'
            | '\u{FE45}'..='\u{FE52}'
            | '\u{FE54}'..='\u{FE61}'
            | '\u{FE63}'
            | '\u{FE68}'
            | '\u{FE6A}'..='\u{FE6B}'
            | '\u{FF01}'..='\u{FF03}'
            | '\u{FF05}'..='\u{FF0A}'
            | '\u{FF0C}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF1B}'
            | '\u{FF1F}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF3D}'
            | '\u{FF3F}'
            | '\u{FF5B}'
            | '\u{FF5D}'
            | '\u{FF5F}'..='\u{FF65}'
    )
}

/// Whether `c` could continue the grapheme cluster before it (a combining
/// mark, joiner, emoji modifier…). `false` is exact; `true` means "ask
/// [`crate::grapheme`]". Keeps the grapheme machinery off the hot path:
/// nothing below U+0300, no punctuation or quotation mark, no letter
/// continues a cluster in text that matters here.
#[inline]
pub(super) fn might_extend(c: char) -> bool {
    let u = u32::from(c);
    if u < 0x300 || c.is_whitespace() || is_quote(c) || is_currency(c) {
        return false;
    }
    !matches!(u, 0x2010..=0x205F | 0x3000..=0x3029 | 0x3030..=0x303F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_alnum_is_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn swar_matches_bytewise() {
        let mut buf = [0u8; 8];
        for b in 0..=255u8 {
            for pos in 0..8 {
                buf = [b'a'; 8];
                buf[pos] = b;
                let want = if is_alnum_byte(b) { 8 } else { pos };
                assert_eq!(skip_alnum(&buf, 0).min(8), want, "byte {b:#x} at {pos}");
            }
        }
        let _ = buf;
        assert_eq!(skip_alnum(b"abcdefghij1234 x", 0), 14);
        assert_eq!(skip_alnum(b"ab", 0), 2);
        assert_eq!(skip_alnum(b"ab", 5), 5);
    }
}
