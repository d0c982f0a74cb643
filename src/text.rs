//! Char classes with shortcuts for the common cases: the same answers as
//! `std`, without its Unicode tables for ASCII and for the General
//! Punctuation block (curly quotes, apostrophes and dashes are frequent in
//! news, and each used to cost a table search in every word scan), for
//! Latin-1's signs (« » in French and German quotations), and for the
//! accented Latin letters of names.

/// `c.is_alphanumeric()`, faster on ASCII and punctuation.
///
/// ```text
/// is_alphanumeric('a') && !is_alphanumeric('’') && is_alphanumeric('é')
/// ```
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2010}'..='\u{2027}').contains(&c) || ('\u{2030}'..='\u{205e}').contains(&c) {
        // Dashes, quotes, bullets, primes: no letters or digits.
        false
    } else if ('\u{80}'..='\u{bf}').contains(&c) {
        // Latin-1 signs (« » and the no-break space among them): a few
        // letters and figures, the rest punctuation.
        matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾')
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        // Latin-1's letters and Latin Extended-A and -B (é, ü, ł, ș: names
        // in news), all letters but the two signs among them.
        !matches!(c, '×' | '÷')
    } else {
        c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_as_std_on_every_char() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
