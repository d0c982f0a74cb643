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
        let head = hay
            .char_indices()
            .nth(4000)
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
