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

/// `c.is_alphabetic()`, faster on ASCII and punctuation: the word
/// splitters of the kind rules ask it of every char of the sentence
/// around a quotation, curly quotes and dashes among them.
///
/// ```text
/// is_alphabetic('a') && !is_alphabetic('’') && !is_alphabetic('7') && is_alphabetic('é')
/// ```
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{2010}'..='\u{2027}').contains(&c) || ('\u{2030}'..='\u{205e}').contains(&c) {
        // Dashes, quotes, bullets, primes: no letters.
        false
    } else if ('\u{80}'..='\u{bf}').contains(&c) {
        // Latin-1 signs: three letters, the rest punctuation and figures.
        matches!(c, 'ª' | 'µ' | 'º')
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        // Latin-1's letters and Latin Extended-A and -B.
        !matches!(c, '×' | '÷')
    } else {
        c.is_alphabetic()
    }
}

/// The non-empty runs of chars that `is_word` accepts in `text`: the
/// same words as `text.split(|c| !is_word(c))` without its empty ones,
/// read byte by byte where the text is ASCII. `str::split` with a closure
/// decodes every char through its searcher; the kind rules split the
/// sentence around each quotation into words, several times.
pub(crate) fn words_by<F: Fn(char) -> bool>(text: &str, is_word: F) -> WordsBy<'_, F> {
    WordsBy {
        text,
        at: 0,
        is_word,
    }
}

/// The iterator of [`words_by`].
pub(crate) struct WordsBy<'a, F> {
    /// The text split.
    text: &'a str,
    /// Where the next word is looked for (a char boundary).
    at: usize,
    /// Whether a char belongs to a word.
    is_word: F,
}

impl<F: Fn(char) -> bool> WordsBy<'_, F> {
    /// Whether the wide char at byte `i` (a char boundary) belongs to a
    /// word, and its length in bytes: out of line, so that the loops of
    /// [`Iterator::next`] over ASCII stay small.
    #[inline(never)]
    fn wide(&self, i: usize) -> (bool, usize) {
        match self.text.get(i..).and_then(|s| s.chars().next()) {
            Some(c) => ((self.is_word)(c), c.len_utf8()),
            None => (false, 1),
        }
    }
}

impl<'a, F: Fn(char) -> bool> Iterator for WordsBy<'a, F> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let mut start = self.at;
        loop {
            let b = *bytes.get(start)?;
            if b.is_ascii() {
                if (self.is_word)(char::from(b)) {
                    break;
                }
                start += 1;
            } else {
                let (word, len) = self.wide(start);
                if word {
                    break;
                }
                start += len;
            }
        }
        let mut end = start;
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii() {
                if !(self.is_word)(char::from(b)) {
                    break;
                }
                end += 1;
            } else {
                let (word, len) = self.wide(end);
                if !word {
                    break;
                }
                end += len;
            }
        }
        self.at = end;
        self.text.get(start..end)
    }
}

/// Every string of up to `len` pieces of `alphabet`, the empty one
/// first: the inputs of the tests that compare a byte-level shortcut with
/// the plain rule it stands for, on every short shape.
#[cfg(test)]
pub(crate) fn every_string(alphabet: &[&str], len: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = all.clone();
    for _ in 0..len {
        last = last
            .iter()
            .flat_map(|s| alphabet.iter().map(move |a| format!("{s}{a}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_as_std_on_every_char() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    /// [`super::words_by`] finds the words `str::split` finds, on every
    /// string of up to four chars from letters, separators (ASCII and
    /// wide) and wide letters.
    #[test]
    fn words_by_splits_as_std() {
        let alphabet = [
            "a",
            "Z",
            "-",
            " ",
            ".",
            "é",
            "’",
            "—",
            "ß",
            "\u{10348}",
            "7",
        ];
        let all = super::every_string(&alphabet, 4);
        let is_word = |c: char| super::is_alphabetic(c) || c == '-';
        for t in &all {
            let fast: Vec<&str> = super::words_by(t, is_word).collect();
            let slow: Vec<&str> = t
                .split(|c: char| !is_word(c))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(fast, slow, "{t:?}");
        }
    }
}
