//! Speech versus other: is a quotation someone's words, or a scare quote,
//! a title, a nickname, a word used as a word?

use super::{Quote, QuoteKind};
use crate::Lang;

/// Words right before a quotation that make it a name, not speech:
/// the so-called “Squad”, a film titled “Heat”, nicknamed “the Hammer”.
const NAMING_WORDS: &[&str] = &[
    "appelé",
    "appelée",
    "begriff",
    "bezeichnung",
    "denominada",
    "denominado",
    "dit",
    "dite",
    "dubbed",
    "entitled",
    "genannt",
    "genannte",
    "genannten",
    "intitulé",
    "intitulée",
    "labeled",
    "labelled",
    "llamada",
    "llamado",
    "motto",
    "namens",
    "nicknamed",
    "phrase",
    "slogan",
    "so-called",
    "sogenannte",
    "sogenannten",
    "sogenannter",
    "stichwort",
    "term",
    "termed",
    "titel",
    "titled",
    "titulada",
    "titulado",
    "word",
    "words",
];

/// Decides each quotation's kind. Called after attribution, since a
/// speaker or cue makes a quotation speech whatever its length.
///
/// `lang` is the text's language, already guessed if no hint was given.
pub(crate) fn classify(hay: &str, quotes: &mut [Quote], lang: Lang) {
    for q in quotes.iter_mut() {
        q.kind = decide(hay, q, lang);
    }
}

/// German articles, possessives and preposition-article contractions: a
/// quotation right after one is a noun in the sentence (a name, a title,
/// a term: „mit seiner „Gardan“", „des „Gesetzes über …“"), not speech,
/// unless a speech cue claims it.
const GERMAN_ARTICLES: &[&str] = &[
    "beim", "das", "dem", "den", "der", "des", "die", "ein", "eine", "einem", "einen", "einer",
    "eines", "ihre", "ihrem", "ihren", "ihrer", "im", "ins", "seine", "seinem", "seinen", "seiner",
    "vom", "zum", "zur",
];

fn decide(hay: &str, q: &Quote, lang: Lang) -> QuoteKind {
    if q.kind == QuoteKind::Other {
        // Decided by its marks (title marks).
        return QuoteKind::Other;
    }
    // A quotation inside a quotation is the speaker quoting someone:
    // part of the outer speech, not a speech of the article's own.
    if q.depth > 0 {
        return QuoteKind::Other;
    }
    let before = hay.get(..q.span.start).unwrap_or("");
    // An attribute value in markup pasted with the article:
    // <tweet author="@x" datetime="2016-06-29">, <a href="…">.
    if before.ends_with('=') {
        return QuoteKind::Other;
    }
    let prev_word = last_word(before);
    if NAMING_WORDS.binary_search(&prev_word.as_str()).is_ok() {
        return QuoteKind::Other;
    }
    // Glued to a following word: the „Roude Léiw“-Befürworter, "Hamas"'s.
    let after = hay.get(q.span.end..).unwrap_or("");
    let mut next = after.chars();
    if matches!(next.next(), Some('-' | '‐')) && next.next().is_some_and(char::is_alphanumeric) {
        return QuoteKind::Other;
    }
    let content = q.content.text(hay).trim_end();
    let words = word_weight(content);
    let punct_end = content.ends_with(['.', '!', '?', ',', '…']);
    // „Das nennt man einen „Split““, „es nennt sich „Expo““: naming, no
    // one's words.
    if lang == Lang::De && !punct_end && words <= 6 && is_german_naming(hay, q.span) {
        return QuoteKind::Other;
    }
    // „bezeichnete den Plan als „Wortbruch““, „sprach von einer „Gefahr““:
    // the German way of quoting a few of someone's words.
    if lang == Lang::De
        && !looks_like_domain(content)
        && !is_foreign_phrase(content)
        && adjacent_word(before)
            .is_some_and(|w| PARTIAL_QUOTE_LEADS.contains(&w.to_lowercase().as_str()))
        && sentence_around(hay, q.span)
            .split(|c: char| !c.is_alphabetic())
            .any(|w| CALLING_VERBS.binary_search(&w).is_ok())
    {
        return QuoteKind::Speech;
    }
    // Title case is no sign of a name after an indefinite article in
    // German reported speech: es sei ein „Opfer des Terrors“, habe ihm
    // einen „Ruck“ gegeben.
    if lang == Lang::De
        && adjacent_word(before).is_some_and(|w| INDEFINITE.contains(&w))
        && !is_foreign_phrase(content)
        && in_reported_speech(hay, q.span)
    {
        return QuoteKind::Speech;
    }
    // A short run of capitalised words without sentence punctuation is a
    // name or a title (newspapers, films, slogans), even in a sentence
    // with a cue: sagte dem „Hamburger Abendblatt“.
    // A German clause with its verb („Vielfalt ist Programm“) is a
    // sentence, however its nouns are capitalised.
    let german_clause = lang == Lang::De
        && content
            .split(' ')
            .any(|w| matches!(w, "ist" | "hat" | "war"));
    if !punct_end && words <= 6 && is_title_case(content) && !german_clause {
        return QuoteKind::Other;
    }
    // German names keep their prepositions in lower case: „Ärzte ohne
    // Grenzen“, „Freiheit statt Angst“, „Gesetz über den Verfassungsschutz“.
    if lang == Lang::De
        && !punct_end
        && !german_clause
        && words <= 6
        && content.starts_with(char::is_uppercase)
        && is_title_case(&without_german_prepositions(content))
    {
        return QuoteKind::Other;
    }
    // A title after a possessive is the work or show of its owner, even
    // with American punctuation inside the marks: on CBS's “Face the
    // Nation,” in HBO's “Real Time.”
    if words <= 6 && after_possessive(before) && is_title_case(content.trim_end_matches(['.', ',']))
    {
        return QuoteKind::Other;
    }
    // A web address: laut „tagesschau.de“.
    if looks_like_domain(content) {
        return QuoteKind::Other;
    }
    if lang == Lang::De {
        let reported = !is_title_case(content) && in_reported_speech(hay, q.span);
        if german_name(q, before, &prev_word, content, words, reported) {
            return QuoteKind::Other;
        }
        // „Der Rücktritt sei ein „natürlicher Vorgang““: a fragment in a
        // sentence of reported speech (the subjunctive) is the reported
        // speaker's own words, however short. Names stay out: they are
        // capitalised throughout (die „Reporter ohne Grenzen“ is caught
        // by its kind noun above).
        if reported {
            return QuoteKind::Speech;
        }
    }
    // Attributed, or a speech cue in its sentence: someone said it
    // (“strongly condemns” after “Britain said it” is speech however
    // short).
    if q.attribution.is_some_and(|a| a.rule.is_evidence()) {
        return QuoteKind::Speech;
    }
    // Standing as a sentence of its own, or long and sentence-like: a
    // scare quote, a title or a name is a few words inside a sentence.
    let prev = before.trim_end().chars().next_back();
    let opens_sentence = prev
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '—' | '–' | '(' | '…'))
        || before.ends_with('\n');
    if opens_sentence && (words >= 4 || punct_end) {
        return QuoteKind::Speech;
    }
    // Inside a sentence: news quotes fragments of what people said far
    // more often than it uses scare quotes, but a name or title is
    // capitalised throughout and a scare quote is a word or two.
    if words >= MIN_FRAGMENT_WORDS && !is_title_case(content) {
        return QuoteKind::Speech;
    }
    QuoteKind::Other
}

/// German names and titles that title case cannot tell (German
/// capitalises every noun): a quotation is a name when it is in another
/// language (die CD „Have a nice day“), follows a kind noun (die
/// Organisation „Reporter ohne Grenzen“, die ARD-Serie „…“), or is a
/// short noun phrase after an article that no speech cue claims (mit
/// seiner „Gardan“).
fn german_name(
    q: &Quote,
    before: &str,
    prev_word: &str,
    content: &str,
    words: usize,
    reported: bool,
) -> bool {
    let punct_end = content.ends_with(['.', '!', '?', ',', '…']);
    if !punct_end && words <= 8 && is_foreign_phrase(content) {
        return true;
    }
    if !punct_end && words <= 6 && adjacent_word(before).is_some_and(is_german_kind_noun) {
        return true;
    }
    !reported
        && !content.ends_with(['.', '!', '?'])
        && (words <= 2 || is_title_case(content))
        && GERMAN_ARTICLES.binary_search(&prev_word).is_ok()
        && q.attribution.is_none_or(|a| a.cue.is_none())
}

/// Fewest words for an unattributed fragment inside a sentence to count
/// as speech. Two words with no cue near (“night mode”, “soft side”) are
/// mostly a term or a scare quote; counted as speech they would gain a
/// few partial quotations of news copy and mislabel every term.
const MIN_FRAGMENT_WORDS: usize = 3;

/// German nouns for kinds of named things (lower case, matched as the
/// end of a compound: „Fernsehserie“ ends with „serie“), sorted.
const GERMAN_KIND_NOUNS: &[&str] = &[
    "agentur",
    "album",
    "auszeichnung",
    "band",
    "bereich",
    "blatt",
    "buch",
    "bündnis",
    "club",
    "codename",
    "codenamen",
    "enzyklika",
    "festival",
    "film",
    "firma",
    "gruppe",
    "hotel",
    "hurrikan",
    "hurrikans",
    "initiative",
    "kampagne",
    "kategorie",
    "kolumne",
    "konferenz",
    "krimireihe",
    "lied",
    "lokal",
    "magazin",
    "magazines",
    "magazins",
    "marke",
    "mission",
    "modell",
    "modul",
    "motto",
    "musical",
    "name",
    "namen",
    "oper",
    "operation",
    "organisation",
    "partei",
    "plattform",
    "portal",
    "preis",
    "programm",
    "projekt",
    "prädikat",
    "raumfähre",
    "reihe",
    "restaurant",
    "roman",
    "rubrik",
    "schiff",
    "sender",
    "sendung",
    "serie",
    "show",
    "song",
    "sorte",
    "spiel",
    "stiftung",
    "studie",
    "titel",
    "typ",
    "typs",
    "verein",
    "version",
    "video",
    "website",
    "zeitschrift",
    "zeitung",
];

/// Whether a German word is (a compound ending in) a kind noun.
fn is_german_kind_noun(word: &str) -> bool {
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let w = word.to_lowercase();
    GERMAN_KIND_NOUNS.iter().any(|k| w.ends_with(k))
}

/// Words right before a German partial quotation: als „…“, einen „…“,
/// von einer „…“.
const PARTIAL_QUOTE_LEADS: &[&str] = &[
    "als", "den", "ein", "eine", "einen", "einer", "eines", "von", "vor", "zu", "zur",
];

/// German indefinite articles.
const INDEFINITE: &[&str] = &["ein", "eine", "einem", "einen", "einer", "eines"];

/// German verbs of calling and judging that take a quoted word or phrase
/// (lower case, sorted).
const CALLING_VERBS: &[&str] = &[
    "beschrieb",
    "bezeichnet",
    "bezeichnete",
    "bezeichneten",
    "eingestuft",
    "gesprochen",
    "kritisierte",
    "lobte",
    "nannte",
    "nannten",
    "nennt",
    "rechtfertigte",
    "riet",
    "sieht",
    "sprach",
    "sprachen",
    "sprechen",
    "spricht",
    "warnte",
    "warnten",
    "wertete",
    "wies",
    "zurückgewiesen",
];

/// Whether the sentence around a German quotation names something: a
/// calling verb with the impersonal `man` or the reflexive `sich` ("nennt
/// man", "nennt sich").
fn is_german_naming(hay: &str, span: crate::Span) -> bool {
    let sentence = sentence_around(hay, span);
    let mut prev = "";
    for w in sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if matches!(w, "man" | "sich") && matches!(prev, "nennt" | "nannte" | "nennen" | "nannten")
        {
            return true;
        }
        prev = w;
    }
    false
}

/// Whether the sentence around a German quotation is reported speech:
/// it holds a verb in the subjunctive of indirect speech (sei, habe,
/// komme, würde …), which a news report uses only for what someone said.
fn in_reported_speech(hay: &str, span: crate::Span) -> bool {
    let sentence = sentence_around(hay, span);
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(crate::attribution::is_de_subjunctive)
}

/// The sentence holding `span`, cut at 300 bytes either side.
fn sentence_around(hay: &str, span: crate::Span) -> &str {
    let mut from = span.start.saturating_sub(300);
    while !hay.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = span.end.saturating_add(300).min(hay.len());
    while !hay.is_char_boundary(to) {
        to += 1;
    }
    let before = hay.get(from..span.start).unwrap_or("");
    let after = hay.get(span.end..to).unwrap_or("");
    let start = before
        .rfind(['.', '!', '?', '\n'])
        .map_or(from, |i| from + i + 1);
    let end = after
        .find(['.', '!', '?', '\n'])
        .map_or(to, |i| span.end + i);
    hay.get(start..end).unwrap_or("")
}

/// German prepositions of four letters or more, which titles and names
/// keep in lower case (shorter ones [`is_title_case`] skips anyway).
const GERMAN_TITLE_PREPOSITIONS: &[&str] = &[
    "durch", "gegen", "hinter", "nach", "neben", "ohne", "statt", "unter", "wider", "zwischen",
    "über",
];

/// `text` without its German prepositions, for [`is_title_case`].
fn without_german_prepositions(text: &str) -> String {
    text.split(' ')
        .filter(|w| GERMAN_TITLE_PREPOSITIONS.binary_search(w).is_err())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `text` is one word shaped like a host name: news.bbc.co.uk.
fn looks_like_domain(text: &str) -> bool {
    let Some((host, tld)) = text.rsplit_once('.') else {
        return false;
    };
    !text.contains(char::is_whitespace)
        && !host.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

/// Function words of English, French, Italian and Latin that German
/// does not use, and German ones: a phrase with the first and none of
/// the second is in another language.
const FOREIGN_WORDS: &[&str] = &[
    "a", "and", "della", "dello", "est", "for", "is", "it", "la", "le", "les", "of", "on", "pour",
    "the", "to", "with", "you",
];
const GERMAN_WORDS: &[&str] = &[
    "auf", "das", "dem", "den", "der", "des", "die", "ein", "eine", "für", "im", "ist", "mit",
    "nicht", "und", "von", "zu", "zum", "zur",
];

fn is_foreign_phrase(text: &str) -> bool {
    let mut foreign = false;
    for w in text.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        if GERMAN_WORDS.binary_search(&w.as_str()).is_ok() {
            return false;
        }
        foreign |= FOREIGN_WORDS.binary_search(&w.as_str()).is_ok();
    }
    foreign
}

/// The word right before the opening mark, with only spaces between.
fn adjacent_word(before: &str) -> Option<&str> {
    let t = before.strip_suffix(char::is_whitespace)?.trim_end();
    if t.len() + 3 < before.len() {
        return None; // more than a space or two: a line break, a gap
    }
    Some(trailing_word(t)).filter(|w| !w.is_empty())
}

/// The run of letters, digits and hyphens that ends `t` ("" if none).
fn trailing_word(t: &str) -> &str {
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    t.get(start..).unwrap_or("")
}

/// Whether `before` ends with a possessive: CBS's, NBC’s.
fn after_possessive(before: &str) -> bool {
    let t = before.trim_end();
    ["'s", "’s", "'S", "’S"].iter().any(|p| t.ends_with(p))
}

/// Words in `text`, where CJK text (no spaces between words) counts a
/// word for every two characters.
fn word_weight(text: &str) -> usize {
    let cjk = text
        .chars()
        .filter(|&c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}'))
        .count();
    crate::count_words(text) + cjk / 2
}

/// Whether every word that is not a short function word starts with a
/// capital: "The Art of the Deal", "Girl Power".
fn is_title_case(text: &str) -> bool {
    let mut any = false;
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let Some(first) = w.chars().next() else {
            continue;
        };
        if w.chars().count() <= 3 && first.is_lowercase() || first.is_numeric() {
            continue; // of, the, and, a, zur, des; numbers (GY-80, 1.1)
        }
        if !first.is_uppercase() {
            return false;
        }
        any = true;
    }
    any
}

/// The last word before `at`, lower-cased ("" if none).
fn last_word(before: &str) -> String {
    trailing_word(before.trim_end()).to_lowercase()
}

#[cfg(test)]
mod tests {
    #[test]
    fn german_articles_sorted() {
        let mut v = super::GERMAN_ARTICLES.to_vec();
        v.sort_unstable();
        assert_eq!(v, super::GERMAN_ARTICLES);
    }

    #[test]
    fn function_words_sorted() {
        for list in [
            super::FOREIGN_WORDS,
            super::GERMAN_WORDS,
            super::CALLING_VERBS,
            super::GERMAN_TITLE_PREPOSITIONS,
        ] {
            let mut v = list.to_vec();
            v.sort_unstable();
            assert_eq!(v, list);
        }
    }

    #[test]
    fn domains() {
        assert!(super::looks_like_domain("news.bbc.co.uk"));
        assert!(super::looks_like_domain("tagesschau.de"));
        assert!(!super::looks_like_domain("Yes."));
        assert!(!super::looks_like_domain("a.b c"));
        assert!(!super::looks_like_domain("3.5"));
    }

    #[test]
    fn german_kind_nouns_sorted() {
        let mut v = super::GERMAN_KIND_NOUNS.to_vec();
        v.sort_unstable();
        assert_eq!(v, super::GERMAN_KIND_NOUNS);
    }

    #[test]
    fn naming_words_sorted() {
        let mut v = super::NAMING_WORDS.to_vec();
        v.sort_unstable();
        assert_eq!(v, super::NAMING_WORDS);
    }
}
