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
