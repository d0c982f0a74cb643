//! Language hints.

/// The language of a text, as a hint for rules that differ by language
/// (abbreviations, quotation-mark conventions, speech verbs).
///
/// Detection never fails for want of a hint: [`Lang::Auto`] uses rules
/// that hold across the supported languages.
///
/// # Example
/// ```
/// use quotelens::Lang;
/// assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
/// assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
/// assert_eq!(Lang::from_tag("xx"), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// No hint: language-neutral rules, English lexicons first.
    #[default]
    Auto,
    /// English.
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Italian.
    It,
    /// Dutch.
    Nl,
    /// Danish.
    Da,
    /// Polish.
    Pl,
    /// Russian.
    Ru,
    /// Japanese.
    Ja,
    /// Chinese.
    Zh,
    /// Another language with a known tag but no rules of its own.
    Other,
}

impl Lang {
    /// Every value, `Auto` first: for tests and fuzzing that try them all.
    pub const ALL: [Lang; 13] = [
        Lang::Auto,
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::It,
        Lang::Nl,
        Lang::Da,
        Lang::Pl,
        Lang::Ru,
        Lang::Ja,
        Lang::Zh,
        Lang::Other,
    ];

    /// Parses a BCP 47 tag's primary subtag (`"en"`, `"de-CH"`), case
    /// insensitive. Known but unsupported languages map to
    /// [`Lang::Other`]; `None` only for a tag that is not a language tag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        let lower = primary.to_ascii_lowercase();
        Some(match lower.as_str() {
            "" | "auto" | "und" => Lang::Auto,
            "en" => Lang::En,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "it" => Lang::It,
            "nl" => Lang::Nl,
            "da" => Lang::Da,
            "pl" => Lang::Pl,
            "ru" => Lang::Ru,
            "ja" => Lang::Ja,
            "zh" => Lang::Zh,
            "am" | "ar" | "bg" | "el" | "fa" | "hi" | "hy" | "kk" | "mr" | "my" | "sk" | "ur"
            | "cs" | "pt" | "sv" | "nb" | "no" | "fi" | "tr" | "uk" | "ko" => Lang::Other,
            _ => return None,
        })
    }
}

/// How many characters from the start [`Lang::guess`] reads.
const GUESS_CHARS: usize = 4000;

/// Which count of [`Lang::guess`] (English, German, French, Spanish) the
/// word `w` adds to, if its lowercase is one of [`MARKERS`]. Markers are at
/// most five bytes, and so are the words looked up; a word whose
/// lowercase grows past the buffer cannot be one.
fn marker_slot(w: &str) -> Option<usize> {
    if w.is_empty() || w.len() > 5 {
        return None;
    }
    let mut buf = [0u8; 8];
    let mut len = 0;
    if w.is_ascii() {
        for (d, b) in buf.iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        return slot_of_key(u64::from_le_bytes(buf));
    }
    for c in w.chars() {
        if c.is_ascii() {
            *buf.get_mut(len)? = (c as u8).to_ascii_lowercase();
            len += 1;
        } else {
            for l in crate::case::lower_char(c) {
                let dst = buf.get_mut(len..len + l.len_utf8())?;
                l.encode_utf8(dst);
                len += l.len_utf8();
            }
        }
    }
    slot_of_key(u64::from_le_bytes(buf))
}

/// How many of the eight bytes of `w` (first byte lowest, as
/// `u64::from_le_bytes` reads them) are ASCII letters before the first
/// one that is not: all eight lanes tested together, without a branch
/// per byte. A lane is a letter when its high bit is clear and, with
/// `0x20` set (lowercase), it lies in `a..=z`; the additions never carry
/// into the next lane (each lane is at most `0x7f + 0x1f`).
fn leading_ascii_letters(w: u64) -> usize {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * LANES;
    let low7 = (w | (0x20 * LANES)) & !HIGH;
    let at_least_a = low7 + 0x1f * LANES; // lane >= 0x61 sets its high bit
    let past_z = low7 + 0x05 * LANES; // lane >= 0x7b sets its high bit
    let letters = at_least_a & !past_z & !w & HIGH;
    // The first lane that is no letter: its high bit is the lowest set
    // bit of the complement (none set: all eight are letters).
    ((!letters & HIGH).trailing_zeros() / 8) as usize
}

/// The [`marker_key`] of the ASCII letters `bytes[start..end]`
/// lowercased, if they are few enough to be a marker (five at most). Read
/// with one eight-byte load where the text goes on that far; `| 0x20`
/// lowercases an ASCII letter.
fn ascii_key(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    let len = end.checked_sub(start).filter(|&n| n <= 5)?;
    let mask = (1u64 << (8 * len)) - 1;
    let word = match bytes.get(start..start + 8) {
        Some(eight) => u64::from_le_bytes(<[u8; 8]>::try_from(eight).ok()?),
        None => {
            let mut buf = [0u8; 8];
            for (d, &b) in buf.iter_mut().zip(bytes.get(start..end)?) {
                *d = b;
            }
            u64::from_le_bytes(buf)
        }
    };
    Some((word | 0x2020_2020_2020_2020) & mask)
}

/// The count slot of the marker with [`marker_key`] `key`, if any: one
/// multiply, one load and one compare ([`MARKER_TABLE`]), where a binary
/// search over the markers took five rounds for every short word.
fn slot_of_key(key: u64) -> Option<usize> {
    let (k, slot) = MARKER_TABLE.get(marker_hash(key)).copied()?;
    (k == key && key != 0).then_some(usize::from(slot))
}

/// A marker of at most eight bytes as one integer, its bytes in order
/// and zeros after: distinct for distinct words, since a word (letters
/// only) never holds a zero byte. Comparing integers, not strings, keeps
/// [`marker_slot`] free of `memcmp` calls.
#[allow(clippy::indexing_slicing)] // bounded by the loop; compile time only
const fn marker_key(w: &str) -> u64 {
    let bytes = w.as_bytes();
    let mut key = 0u64;
    let mut i = 0;
    while i < bytes.len() && i < 8 {
        key |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The slot of `key` in [`MARKER_TABLE`]: the top five bits of a
/// multiplicative hash. The multiplier was picked (by trying random odd
/// ones) so that no two [`MARKERS`] share a slot; the table's build
/// checks that, so a new marker that collides fails the build.
const fn marker_hash(key: u64) -> usize {
    (key.wrapping_mul(0xb2c9_9e7e_c7b9_5b91) >> 59) as usize
}

/// [`MARKERS`] as `(marker_key, count slot)` at their [`marker_hash`],
/// `(0, 0)` in the free slots (no word has key 0), built at compile time.
#[allow(clippy::indexing_slicing)] // compile time: a bad index fails the build
const MARKER_TABLE: [(u64, u8); 32] = {
    let mut table = [(0u64, 0u8); 32];
    let mut i = 0;
    while i < MARKERS.len() {
        let slot = match MARKERS[i].1 {
            Lang::En => 0,
            Lang::De => 1,
            Lang::Fr => 2,
            _ => 3,
        };
        let key = marker_key(MARKERS[i].0);
        let at = marker_hash(key);
        assert!(table[at].0 == 0, "lang: two markers share a hash slot");
        table[at] = (key, slot);
        i += 1;
    }
    table
};

/// Common function words, for [`Lang::guess`].
const MARKERS: &[(&str, Lang)] = &[
    ("and", Lang::En),
    ("das", Lang::De),
    ("dass", Lang::De),
    ("del", Lang::Es),
    ("der", Lang::De),
    ("des", Lang::Fr),
    ("die", Lang::De),
    ("est", Lang::Fr),
    ("für", Lang::De),
    ("ist", Lang::De),
    ("las", Lang::Es),
    ("les", Lang::Fr),
    ("los", Lang::Es),
    ("nicht", Lang::De),
    ("of", Lang::En),
    ("que", Lang::Es),
    ("sich", Lang::De),
    ("the", Lang::En),
    ("und", Lang::De),
    ("une", Lang::Fr),
    ("was", Lang::En),
    ("with", Lang::En),
    ("y", Lang::Es),
];

impl Lang {
    /// Guesses the language of `hay` from function words in its first
    /// few kilobytes (English, German, French or Spanish), for rules that
    /// depend on word order. Falls back to [`Lang::Auto`].
    ///
    /// # Example
    /// ```
    /// use quotelens::Lang;
    /// assert_eq!(Lang::guess("Der Minister sagte, dass die Lage ernst ist."), Lang::De);
    /// assert_eq!(Lang::guess("The minister said that the situation was grave."), Lang::En);
    /// ```
    pub fn guess(hay: &str) -> Lang {
        let mut counts = [0usize; 4];
        // Words are runs of alphabetic characters; only short ones can be
        // markers. One pass over the bytes of the first 4000 characters,
        // ASCII without decoding, each short word lowercased into a small
        // buffer (`marker_slot`) rather than a new String: this runs on
        // every analysis without a hint, and splitting and lowercasing
        // per word was a sixth of the work on a 3 KB article.
        // Fewer bytes than the limit means fewer characters too.
        let end = if hay.len() <= GUESS_CHARS {
            hay.len()
        } else {
            hay.char_indices()
                .nth(GUESS_CHARS)
                .map_or(hay.len(), |(i, _)| i)
        };
        let head = hay.get(..end).unwrap_or(hay);
        let bytes = head.as_bytes();
        // The length of the non-ASCII letter at byte `i`, if one starts
        // there (a byte inside a character is no letter: skipped one by
        // one).
        let wide_letter = |i: usize| {
            head.get(i..)
                .and_then(|r| r.chars().next())
                .filter(|c| c.is_alphabetic())
                .map(char::len_utf8)
        };
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let start = i;
            if b.is_ascii_alphabetic() {
                // The common word: ASCII letters, found without decoding.
                i += 1;
                // Eight bytes tested at once while that many are left.
                while let Some(eight) = bytes.get(i..i + 8) {
                    let n = <[u8; 8]>::try_from(eight)
                        .map_or(0, |w| leading_ascii_letters(u64::from_le_bytes(w)));
                    i += n;
                    if n < 8 {
                        break;
                    }
                }
                if bytes.len() < i + 8 {
                    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                        i += 1;
                    }
                }
                if bytes.get(i).is_none_or(|&b| b.is_ascii()) {
                    // It ends at an ASCII byte or the end, so it is all
                    // ASCII: its key is its bytes lowercased.
                    if let Some(c) = ascii_key(bytes, start, i)
                        .and_then(slot_of_key)
                        .and_then(|s| counts.get_mut(s))
                    {
                        *c += 1;
                    }
                    continue;
                }
            } else if b.is_ascii() {
                // Spaces and punctuation between words.
                i += 1;
                continue;
            }
            // A word with non-ASCII letters (from `start`, or going on at
            // `i` after ASCII ones), or a non-ASCII character that is no
            // letter: decoded a character at a time.
            while let Some(&b) = bytes.get(i) {
                if b.is_ascii_alphabetic() {
                    i += 1;
                } else if b.is_ascii() {
                    break;
                } else if let Some(len) = wide_letter(i) {
                    i += len;
                } else {
                    break;
                }
            }
            if i == start {
                // A byte of a non-ASCII character that is no letter.
                i += 1;
            } else if let Some(c) = head
                .get(start..i)
                .and_then(marker_slot)
                .and_then(|s| counts.get_mut(s))
            {
                *c += 1;
            }
        }
        Lang::most_marked(&counts)
    }

    /// The language with the most marker words among `counts` (English,
    /// German, French, Spanish), or [`Lang::Auto`] when even that one has
    /// fewer than three: too little text to tell.
    fn most_marked(counts: &[usize; 4]) -> Lang {
        let best = (0..4)
            .max_by_key(|&i| counts.get(i).copied().unwrap_or(0))
            .unwrap_or(0);
        if counts.get(best).copied().unwrap_or(0) < 3 {
            return Lang::Auto;
        }
        [Lang::En, Lang::De, Lang::Fr, Lang::Es]
            .get(best)
            .copied()
            .unwrap_or(Lang::Auto)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first implementation of [`Lang::guess`]: split the first 4000
    /// characters on non-letters, lowercase each short word into a new
    /// String, look it up. The fast one must agree with it everywhere.
    fn guess_by_split(hay: &str) -> Lang {
        let mut counts = [0usize; 4];
        let head = hay
            .char_indices()
            .nth(GUESS_CHARS)
            .map_or(hay, |(i, _)| hay.get(..i).unwrap_or(hay));
        for w in head.split(|c: char| !c.is_alphabetic()) {
            if w.is_empty() || w.len() > 5 {
                continue;
            }
            let lower = w.to_lowercase();
            if let Ok(i) = MARKERS.binary_search_by(|(m, _)| m.cmp(&lower.as_str())) {
                let slot = match MARKERS.get(i).map(|m| m.1) {
                    Some(Lang::En) => 0,
                    Some(Lang::De) => 1,
                    Some(Lang::Fr) => 2,
                    _ => 3,
                };
                if let Some(c) = counts.get_mut(slot) {
                    *c += 1;
                }
            }
        }
        Lang::most_marked(&counts)
    }

    #[test]
    fn markers_are_sorted_short_and_lowercase() {
        for w in MARKERS.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?}", w);
        }
        for (m, _) in MARKERS {
            assert!(m.len() <= 5 && m.to_lowercase() == *m, "{m}");
        }
    }

    #[test]
    fn leading_ascii_letters_counts_like_a_byte_loop() {
        // Every byte value in every lane, behind letters and before them.
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = *b"abcdXYZq";
                bytes[lane] = b;
                let want = bytes.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                let got = leading_ascii_letters(u64::from_le_bytes(bytes));
                assert_eq!(got, want, "{b:#x} in lane {lane}");
            }
        }
        assert_eq!(leading_ascii_letters(u64::from_le_bytes(*b"Tag! und")), 3);
    }

    #[test]
    fn ascii_key_is_the_lowercase_marker_key() {
        let text = b"xTHE Of y";
        assert_eq!(ascii_key(text, 1, 4), Some(marker_key("the")));
        assert_eq!(ascii_key(text, 5, 7), Some(marker_key("of")));
        // At the very end, with fewer than eight bytes left.
        assert_eq!(ascii_key(text, 8, 9), Some(marker_key("y")));
        assert_eq!(ascii_key(b"nicht", 0, 5), Some(marker_key("nicht")));
        assert_eq!(ascii_key(b"nichts", 0, 6), None);
        assert_eq!(slot_of_key(marker_key("the")), Some(0));
        assert_eq!(slot_of_key(marker_key("thee")), None);
        assert_eq!(slot_of_key(0), None);
    }

    #[test]
    fn marker_slot_lowercases_like_to_lowercase() {
        assert_eq!(marker_slot("THE"), Some(0));
        assert_eq!(marker_slot("Für"), Some(1));
        assert_eq!(marker_slot("FÜR"), Some(1));
        assert_eq!(marker_slot("Une"), Some(2));
        assert_eq!(marker_slot("Y"), Some(3));
        // U+0130 lowercases to "i̇" (i and a combining dot): not "ist".
        assert_eq!(marker_slot("İst"), None);
        // The Kelvin sign lowercases to an ASCII k; no marker has one.
        assert_eq!(marker_slot("\u{212A}"), None);
        assert_eq!(marker_slot("thee"), None);
        assert_eq!(marker_slot("nichts"), None);
        assert_eq!(marker_slot(""), None);
    }

    #[test]
    fn guess_agrees_with_splitting_on_generated_texts() {
        // Letters that make markers, case pairs whose lowercase changes
        // length, non-letters, and multi-byte characters, in random runs;
        // lengths around the 4000-character cut.
        let alphabet: Vec<char> = "theTHEandANDdiesDIEundUNDfürFÜRlesLESuneUNEyYqueQUE \
             .,'’-\nİıKΣσςéÉ日ß0"
            .chars()
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        for round in 0..400 {
            let len = match round % 4 {
                0 => next(60),
                1 => 3990 + next(20),
                _ => next(6000),
            };
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            assert_eq!(Lang::guess(&text), guess_by_split(&text), "{text:?}");
        }
        for text in [
            "",
            "the the the",
            "Der Minister sagte, dass die Lage ernst ist.",
            "Les gens et une femme: c'est des choses.",
            "Y los que del las.",
        ] {
            assert_eq!(Lang::guess(text), guess_by_split(text), "{text:?}");
        }
    }

    #[test]
    fn guess_reads_only_the_first_4000_characters() {
        let filler = "x ".repeat(GUESS_CHARS / 2);
        assert_eq!(Lang::guess(&format!("{filler}the the the")), Lang::Auto);
        assert_eq!(Lang::guess(&format!("the the the {filler}")), Lang::En);
        // A marker cut by the limit is not counted: "the" becomes "th".
        let cut = format!("and and {}the", "x ".repeat((GUESS_CHARS - 10) / 2));
        assert_eq!(cut.chars().nth(GUESS_CHARS - 1), Some('h'));
        assert_eq!(Lang::guess(&cut), Lang::Auto);
        assert_eq!(Lang::guess(&cut), guess_by_split(&cut));
    }
}
