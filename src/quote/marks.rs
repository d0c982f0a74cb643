//! Quotation marks: which characters are marks, which may open or close,
//! and which closing marks answer which opening ones.
//!
//! Marks are decided from the characters around them (CommonMark's
//! left/right-flanking idea): a mark with a space before and a letter
//! after opens, one with a letter before and a space or punctuation after
//! closes. Apostrophes (don’t, ’90s, O’Brien) and primes (6'2") are told
//! apart here too.

/// One mark as found in the text (a char, or the two-char ASCII marks
/// ` `` ` and `''`; the latter both opens and closes in New York Times
/// style ''…'').
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// A single character.
    Char(char),
    /// ` `` `: an old ASCII opening double quote.
    DoubleBacktick,
    /// `''`: its closing partner.
    DoubleApostrophe,
}

impl Mark {
    /// Bytes it takes in the text.
    pub(crate) fn len(self) -> usize {
        match self {
            Mark::Char(c) => c.len_utf8(),
            Mark::DoubleBacktick | Mark::DoubleApostrophe => 2,
        }
    }
}

/// Whether `c` can be a quotation mark at all (a fast pre-filter).
#[inline]
pub(crate) fn is_mark_char(c: char) -> bool {
    // ASCII first, one comparison away: most chars asked are (the first
    // char of every quotation's content), and the ranges below are
    // compared one by one.
    if c.is_ascii() {
        return matches!(c, '"' | '\'' | '`');
    }
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{00AB}' // «
            | '\u{00BB}' // »
            | '\u{00B4}' // ´
            | '\u{2018}'..='\u{201F}' // ‘ ’ ‚ ‛ “ ” „ ‟
            | '\u{2032}'..='\u{2037}' // primes ′ ″ ‴ and reversed ‵ ‶ ‷
            | '\u{2039}' // ‹
            | '\u{203A}' // ›
            | '\u{2E42}' // ⹂
            | '\u{300A}' // 《
            | '\u{300B}' // 》
            | '\u{3008}' // 〈
            | '\u{3009}' // 〉
            | '\u{300C}'..='\u{300F}' // 「 」 『 』
            | '\u{301D}'..='\u{301F}' // 〝 〞 〟
            | '\u{FF02}' // ＂
            | '\u{FF07}' // ＇
    )
}

/// Whether a mark can only close (never open).
pub(crate) fn closes_only(m: Mark) -> bool {
    match m {
        Mark::DoubleApostrophe | Mark::DoubleBacktick => false,
        Mark::Char(c) => matches!(c, '」' | '』' | '〞' | '》' | '〉' | '′' | '″' | '‴' | '´'),
    }
}

/// Whether a mark can only open (never close).
#[cfg(test)]
pub(crate) fn opens_only(m: Mark) -> bool {
    match m {
        Mark::DoubleBacktick => true,
        Mark::DoubleApostrophe => false,
        Mark::Char(c) => matches!(
            c,
            '„' | '‟' | '‛' | '「' | '『' | '〝' | '《' | '〈' | '‵' | '‶' | '‷' | '⹂'
        ),
    }
}

/// Whether `close` can close a quotation opened by `open`.
///
/// Mixed pairs are allowed where real text mixes them: a straight mark
/// closed by a curly one and the reverse, German „…“ and „…”, Polish „…”,
/// reversed guillemets »…« (German, Danish) and Swedish ”…”.
///
/// The plain statement: pairing asks it as bits of its mark properties
/// (`pairing::props`), which a test checks against this.
#[cfg(test)]
pub(crate) fn pairs(open: Mark, close: Mark) -> bool {
    use Mark::{Char, DoubleApostrophe, DoubleBacktick};
    match (open, close) {
        (DoubleBacktick, DoubleApostrophe | Char('”' | '"')) => true,
        // NYT style ''…'', and a straight mark closed by one.
        (DoubleApostrophe | Char('"'), DoubleApostrophe) => true,
        (DoubleApostrophe, Char('”' | '"')) => true,
        (Char(o), Char(c)) => match o {
            '“' => matches!(c, '”' | '"' | '″'),
            '"' => matches!(c, '"' | '”' | '“' | '″'),
            '„' => matches!(c, '“' | '”' | '"'),
            '”' => matches!(c, '”' | '"'),
            '‟' | '⹂' => matches!(c, '”' | '"'),
            '＂' => c == '＂',
            '‘' => matches!(c, '’' | '\''),
            '\'' => matches!(c, '\'' | '’'),
            '‚' => matches!(c, '‘' | '’'),
            '‛' => matches!(c, '’' | '\''),
            '’' => c == '’',
            '＇' => c == '＇',
            '«' => c == '»',
            '»' => matches!(c, '«' | '»'),
            '‹' => c == '›',
            '›' => matches!(c, '‹' | '›'),
            '「' => c == '」',
            '『' => c == '』',
            '〝' => matches!(c, '〞' | '〟'),
            '〟' => c == '〞',
            '《' => c == '》',
            '〈' => c == '〉',
            '‵' => c == '′',
            '‶' => c == '″',
            '‷' => c == '‴',
            '`' => matches!(c, '´' | '\'' | '’'),
            _ => false,
        },
        _ => false,
    }
}

/// Whether the mark is a single (as opposed to double) quotation mark:
/// these double as apostrophes, so they get extra scrutiny.
pub(crate) fn is_single(m: Mark) -> bool {
    matches!(
        m,
        Mark::Char('\'' | '‘' | '’' | '‚' | '‛' | '`' | '´' | '＇' | '‹' | '›')
    )
}

/// Whether a quotation between these marks is a title by its marks alone
/// (《…》 and 〈…〉 are Chinese title marks).
pub(crate) fn is_title_mark(open: Mark) -> bool {
    matches!(open, Mark::Char('《' | '〈'))
}

/// Punctuation for flanking: anything that is neither a letter, digit,
/// nor whitespace.
#[cfg(test)]
#[inline]
pub(crate) fn is_punct(c: char) -> bool {
    !crate::text::is_alphanumeric(c) && !c.is_whitespace()
}

/// The flanking of a mark with `prev` before and `next` after (`None` at
/// the edges of the paragraph, which counts as whitespace).
#[cfg(test)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct Flanking {
    /// Looks like an opening mark: not followed by whitespace, and not a
    /// letter-then-punctuation position.
    pub left: bool,
    /// Looks like a closing mark.
    pub right: bool,
}

#[cfg(test)]
pub(crate) fn flanking(prev: Option<char>, next: Option<char>) -> Flanking {
    let prev_ws = prev.is_none_or(char::is_whitespace);
    let next_ws = next.is_none_or(char::is_whitespace);
    let prev_p = prev.is_some_and(is_punct);
    let next_p = next.is_some_and(is_punct);
    Flanking {
        left: !next_ws && (!next_p || prev_ws || prev_p),
        right: !prev_ws && (!prev_p || next_ws || next_p),
    }
}

/// Words that start with an elision apostrophe (’tis, ’em, rock ’n’ roll).
const ELISIONS: &[&str] = &[
    "bout", "cause", "cos", "em", "n", "nuff", "round", "s", "t", "til", "tis", "twas", "twere",
    "twill", "y", "ya",
];

/// Whether a single mark before `after` (the text right after the mark)
/// is an apostrophe that starts a word: ’90s, ’tis, ’em, ’n’.
pub(crate) fn is_leading_apostrophe(after: &str) -> bool {
    let mut chars = after.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_ascii_digit() {
        // ’90s, ’08: two digits then a non-digit.
        let second = chars.next();
        let third = chars.next();
        return second.is_some_and(|c| c.is_ascii_digit())
            && third.is_none_or(|c| !c.is_ascii_digit());
    }
    // The word's first six letters, lowered, on the stack: every elision
    // is ASCII, so a letter that lowers to anything else settles it (the
    // `String` this was collected into cost an allocation per opening
    // single mark).
    let mut buf = [0u8; 12];
    let mut n = 0;
    for c in after.chars().take_while(|c| c.is_alphabetic()).take(6) {
        for l in crate::case::lower_char(c) {
            match (u8::try_from(l), buf.get_mut(n)) {
                (Ok(b), Some(slot)) if b.is_ascii() => *slot = b,
                _ => return false,
            }
            n += 1;
        }
    }
    let word = buf.get(..n).unwrap_or_default();
    // ’n’ in rock ’n’ roll: followed by another apostrophe.
    if word == b"n" {
        return true;
    }
    // The lowered word is ASCII: its chars are its bytes.
    let next_after = after.chars().nth(n);
    !matches!(word, b"s" | b"t")
        && ELISIONS
            .binary_search_by(|e| e.as_bytes().cmp(word))
            .is_ok()
        && next_after.is_none_or(|c| !c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elisions_sorted() {
        let mut v = ELISIONS.to_vec();
        v.sort_unstable();
        assert_eq!(v, ELISIONS);
    }

    /// [`is_leading_apostrophe`] as first written, with the word
    /// collected into a `String`.
    fn leading_apostrophe_plainly(after: &str) -> bool {
        let mut chars = after.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        if first.is_ascii_digit() {
            let second = chars.next();
            let third = chars.next();
            return second.is_some_and(|c| c.is_ascii_digit())
                && third.is_none_or(|c| !c.is_ascii_digit());
        }
        let word: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .take(6)
            .flat_map(crate::case::lower_char)
            .collect();
        if word == "n" {
            return true;
        }
        let next_after = after.chars().nth(word.chars().count());
        ELISIONS.binary_search(&word.as_str()).is_ok()
            && word != "n"
            && word != "s"
            && word != "t"
            && next_after.is_none_or(|c| !c.is_alphabetic())
    }

    #[test]
    fn leading_apostrophes_as_plainly_written() {
        // Every elision and its neighbours in spelling, with capitals,
        // non-ASCII letters that lower to ASCII (K, the Kelvin sign) or to
        // two chars (İ), and what may follow.
        let mut words: Vec<String> = Vec::new();
        for e in ELISIONS {
            words.push(e.to_string());
            words.push(e.to_uppercase());
            words.push(format!("{e}x"));
            words.push(e.get(1..).unwrap_or("").to_string());
            words.push(e.replace('t', "\u{212a}"));
            words.push(e.replacen('t', "İ", 1));
        }
        for w in [
            "", "x", "İ", "\u{212a}", "é", "nn", "twasx", "ÉM", "90", "9", "123",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            for tail in ["", " ", "’", "s", "é", "1", "’ roll", "\u{212a}"] {
                let after = format!("{w}{tail}");
                assert_eq!(
                    is_leading_apostrophe(&after),
                    leading_apostrophe_plainly(&after),
                    "{after:?}"
                );
            }
        }
    }

    #[test]
    fn leading_apostrophes() {
        assert!(is_leading_apostrophe("90s were"));
        assert!(is_leading_apostrophe("tis the"));
        assert!(is_leading_apostrophe("n’ roll"));
        assert!(!is_leading_apostrophe("Tisdale said"));
        assert!(!is_leading_apostrophe("2024 was"));
        assert!(!is_leading_apostrophe("hello"));
    }
}
