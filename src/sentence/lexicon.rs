//! Word lists the sentence splitter consults: abbreviations per language,
//! words that open sentences, month names, brand names with a `!`.
//!
//! The lists are data, not code: each is sorted by UTF-8 bytes (the build
//! checks it), packed at compile time ([`word_list!`]) and searched by
//! bisection, so a lookup costs a few comparisons and no start-up work
//! (nothing to build at run time, which matters in WebAssembly).

use crate::wordlist::{word_list, WordList};
use crate::Lang;

/// What an abbreviation usually stands before, which decides whether its
/// period may also end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbr {
    /// A title before a name (Mr., Dr., Gen., Sen.): its period never ends
    /// a sentence, since titles do not close sentences in news text.
    Title,
    /// Stands before a number (No. 5, p. 55, Art. 3): a digit or a symbol
    /// after it continues the sentence; a capitalised word starts a new one.
    Number,
    /// Anything else (Inc., etc., Jan., Co.): it ends a sentence only when a
    /// typical sentence opener follows ("… & Co. It closed"), because a
    /// capitalised name after it is far more often part of the sentence
    /// ("Editing Inc. Alberta").
    Other,
}

/// Looks `word` (lower-cased, without its period) up in the list of
/// `lang`, then in the English list, which also serves [`Lang::Auto`]:
/// English abbreviations turn up in news of every language.
pub(super) fn abbreviation(word: &str, lang: Lang) -> Option<Abbr> {
    let own: Option<&AbbrList> = match lang {
        Lang::Da => Some(&ABBR_DA),
        Lang::De => Some(&ABBR_DE),
        Lang::Fr => Some(&ABBR_FR),
        Lang::Es => Some(&ABBR_ES),
        Lang::It => Some(&ABBR_IT),
        Lang::Nl => Some(&ABBR_NL),
        Lang::Pl => Some(&ABBR_PL),
        Lang::Ru => Some(&ABBR_RU),
        _ => None,
    };
    own.and_then(|list| list.find(word))
        .or_else(|| ABBR_EN.find(word))
}

/// The bytes of the longest word that [`abbreviation`] or
/// [`is_exclamation_word`] knows (`jeopardy`, `долл`): a longer word is
/// neither, without a look-up.
pub(super) const LONGEST_LISTED: usize = 8;

/// Whether `word` (lower-cased) commonly opens a sentence in `lang` or in
/// English.
pub(super) fn is_starter(word: &str, lang: Lang) -> bool {
    let own: Option<&WordList> = match lang {
        Lang::Da => Some(&STARTERS_DA),
        Lang::De => Some(&STARTERS_DE),
        Lang::Fr => Some(&STARTERS_FR),
        Lang::Es => Some(&STARTERS_ES),
        Lang::It => Some(&STARTERS_IT),
        Lang::Nl => Some(&STARTERS_NL),
        Lang::Pl => Some(&STARTERS_PL),
        Lang::Ru => Some(&STARTERS_RU),
        _ => None,
    };
    own.is_some_and(|list| list.contains(word)) || STARTERS_EN.contains(word)
}

/// Whether `word` (lower-cased) is a German month name: `am 12. Juni` is an
/// ordinal number, not the end of a sentence.
pub(super) fn is_month_de(word: &str) -> bool {
    MONTHS_DE.contains(word)
}

/// Whether `word` (lower-cased) is an English verb of saying in a form
/// that follows the speaker (`Smith said`, `Jones asks`).
pub(super) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

/// Whether `word` (lower-cased) is a name spelt with a `!` (Yahoo!).
///
/// Asked of nearly every word before a period, and the list is four
/// words: the first byte rules out almost all of them without a search.
pub(super) fn is_exclamation_word(word: &str) -> bool {
    word.bytes()
        .next()
        .and_then(|b| EXCLAMATION_FIRSTS.get(usize::from(b)))
        .is_some_and(|&listed| listed)
        && EXCLAMATION_WORDS.contains(word)
}

/// The first bytes of [`EXCLAMATIONS`], as a table (built at compile time).
#[allow(clippy::indexing_slicing)] // compile time: a bad index fails the build
static EXCLAMATION_FIRSTS: [bool; 256] = {
    let mut set = [false; 256];
    let mut i = 0;
    while i < EXCLAMATIONS.len() {
        let w = EXCLAMATIONS[i].as_bytes();
        if !w.is_empty() {
            set[w[0] as usize] = true;
        }
        i += 1;
    }
    set
};

/// Abbreviations and what each stands before: a [`WordList`] and the
/// [`Abbr`] of each word in the same order (see `abbr_list!`).
pub(super) struct AbbrList {
    words: WordList,
    kinds: &'static [Abbr],
}

impl AbbrList {
    fn find(&self, word: &str) -> Option<Abbr> {
        self.words
            .position(word)
            .and_then(|i| self.kinds.get(i))
            .copied()
    }
}

/// The words of `(word, kind)` pairs, for `abbr_list!` (compile time).
#[allow(clippy::indexing_slicing)]
const fn words_of<const N: usize>(pairs: &[(&'static str, Abbr)]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = pairs[i].0;
        i += 1;
    }
    out
}

/// The kinds of `(word, kind)` pairs, for `abbr_list!` (compile time).
#[allow(clippy::indexing_slicing)]
const fn kinds_of<const N: usize>(pairs: &[(&'static str, Abbr)]) -> [Abbr; N] {
    let mut out = [Abbr::Other; N];
    let mut i = 0;
    while i < N {
        out[i] = pairs[i].1;
        i += 1;
    }
    out
}

/// An [`AbbrList`] of sorted `(word, kind)` pairs, packed at compile time
/// like [`word_list!`] (a list out of order fails the build).
macro_rules! abbr_list {
    ($pairs:expr) => {{
        const PAIRS: &[(&str, Abbr)] = $pairs;
        const PAIR_WORDS: [&str; PAIRS.len()] = words_of(PAIRS);
        const KINDS: [Abbr; PAIRS.len()] = kinds_of(PAIRS);
        AbbrList {
            words: word_list!(&PAIR_WORDS),
            kinds: &KINDS,
        }
    }};
}

// The lists. Each one sorted by UTF-8 bytes; see `tests::sorted`.

/// Abbreviations, en: lower-cased, without the final period.
pub(super) static ABBR_EN: AbbrList = abbr_list!(&[
    ("adm", Abbr::Title),
    ("al", Abbr::Other),
    ("ala", Abbr::Other),
    ("amb", Abbr::Title),
    ("approx", Abbr::Other),
    ("apr", Abbr::Other),
    ("ariz", Abbr::Other),
    ("ark", Abbr::Other),
    ("art", Abbr::Number),
    ("assn", Abbr::Other),
    ("assoc", Abbr::Other),
    ("atty", Abbr::Title),
    ("aug", Abbr::Other),
    ("ave", Abbr::Other),
    ("avg", Abbr::Other),
    ("bldg", Abbr::Other),
    ("bln", Abbr::Other),
    ("blvd", Abbr::Other),
    ("brig", Abbr::Title),
    ("bros", Abbr::Other),
    ("ca", Abbr::Number),
    ("calif", Abbr::Other),
    ("capt", Abbr::Title),
    ("cf", Abbr::Other),
    ("ch", Abbr::Number),
    ("chap", Abbr::Number),
    ("cmdr", Abbr::Title),
    ("co", Abbr::Other),
    ("col", Abbr::Title),
    ("colo", Abbr::Other),
    ("conn", Abbr::Other),
    ("corp", Abbr::Other),
    ("cpl", Abbr::Title),
    ("dec", Abbr::Other),
    ("del", Abbr::Other),
    ("dept", Abbr::Other),
    ("det", Abbr::Title),
    ("dist", Abbr::Other),
    ("div", Abbr::Other),
    ("dr", Abbr::Title),
    ("eq", Abbr::Number),
    ("eqs", Abbr::Number),
    ("esp", Abbr::Other),
    ("esq", Abbr::Other),
    ("est", Abbr::Other),
    ("etc", Abbr::Other),
    ("excl", Abbr::Other),
    ("ext", Abbr::Number),
    ("feb", Abbr::Other),
    ("fig", Abbr::Number),
    ("figs", Abbr::Number),
    ("fla", Abbr::Other),
    ("fr", Abbr::Title),
    ("fri", Abbr::Other),
    ("ft", Abbr::Other),
    ("ga", Abbr::Other),
    ("gen", Abbr::Title),
    ("gov", Abbr::Title),
    ("govt", Abbr::Other),
    ("hon", Abbr::Title),
    ("hr", Abbr::Other),
    ("hrs", Abbr::Other),
    ("hwy", Abbr::Other),
    ("ill", Abbr::Other),
    ("inc", Abbr::Other),
    ("incl", Abbr::Other),
    ("ind", Abbr::Other),
    ("insp", Abbr::Title),
    ("intl", Abbr::Other),
    ("jan", Abbr::Other),
    ("jr", Abbr::Other),
    ("jul", Abbr::Other),
    ("jun", Abbr::Other),
    ("kan", Abbr::Other),
    ("kans", Abbr::Other),
    ("kg", Abbr::Other),
    ("km", Abbr::Other),
    ("ky", Abbr::Other),
    ("la", Abbr::Other),
    ("lb", Abbr::Other),
    ("lbs", Abbr::Other),
    ("lt", Abbr::Title),
    ("ltd", Abbr::Other),
    ("maj", Abbr::Title),
    ("mar", Abbr::Other),
    ("mass", Abbr::Other),
    ("max", Abbr::Other),
    ("md", Abbr::Other),
    ("messrs", Abbr::Title),
    ("mfg", Abbr::Other),
    ("mg", Abbr::Other),
    ("mgr", Abbr::Other),
    ("mich", Abbr::Other),
    ("min", Abbr::Other),
    ("minn", Abbr::Other),
    ("misc", Abbr::Other),
    ("ml", Abbr::Other),
    ("mln", Abbr::Other),
    ("mm", Abbr::Other),
    ("mme", Abbr::Title),
    ("mo", Abbr::Other),
    ("mon", Abbr::Other),
    ("mont", Abbr::Other),
    ("mr", Abbr::Title),
    ("mrs", Abbr::Title),
    ("ms", Abbr::Title),
    ("msgr", Abbr::Title),
    ("mt", Abbr::Other),
    ("natl", Abbr::Other),
    ("neb", Abbr::Other),
    ("nev", Abbr::Other),
    ("no", Abbr::Number),
    ("nos", Abbr::Number),
    ("nov", Abbr::Other),
    ("nr", Abbr::Number),
    ("n°", Abbr::Number),
    ("nº", Abbr::Number),
    ("oct", Abbr::Other),
    ("okla", Abbr::Other),
    ("op", Abbr::Number),
    ("ore", Abbr::Other),
    ("oz", Abbr::Other),
    ("p", Abbr::Number),
    ("pa", Abbr::Other),
    ("para", Abbr::Number),
    ("pct", Abbr::Other),
    ("pfc", Abbr::Title),
    ("pg", Abbr::Number),
    ("plc", Abbr::Other),
    ("pp", Abbr::Number),
    ("pres", Abbr::Title),
    ("prof", Abbr::Title),
    ("pt", Abbr::Other),
    ("rd", Abbr::Other),
    ("ref", Abbr::Number),
    ("refs", Abbr::Number),
    ("rep", Abbr::Title),
    ("reps", Abbr::Title),
    ("rev", Abbr::Title),
    ("rs", Abbr::Number),
    ("rt", Abbr::Title),
    ("sec", Abbr::Title),
    ("sect", Abbr::Number),
    ("sen", Abbr::Title),
    ("sens", Abbr::Title),
    ("sep", Abbr::Other),
    ("sept", Abbr::Other),
    ("sgt", Abbr::Title),
    ("spc", Abbr::Title),
    ("sq", Abbr::Other),
    ("sr", Abbr::Other),
    ("st", Abbr::Other),
    ("ste", Abbr::Other),
    ("supt", Abbr::Title),
    ("tel", Abbr::Number),
    ("tenn", Abbr::Other),
    ("tex", Abbr::Other),
    ("thu", Abbr::Other),
    ("thur", Abbr::Other),
    ("thurs", Abbr::Other),
    ("tue", Abbr::Other),
    ("tues", Abbr::Other),
    ("univ", Abbr::Other),
    ("va", Abbr::Other),
    ("vol", Abbr::Number),
    ("vols", Abbr::Number),
    ("vs", Abbr::Other),
    ("vt", Abbr::Other),
    ("wash", Abbr::Other),
    ("wis", Abbr::Other),
    ("wk", Abbr::Other),
    ("wyo", Abbr::Other),
    ("yd", Abbr::Other),
    ("yr", Abbr::Other),
    ("yrs", Abbr::Other),
]);

/// Abbreviations, da: lower-cased, without the final period.
pub(super) static ABBR_DA: AbbrList = abbr_list!(&[
    ("adr", Abbr::Other),
    ("afd", Abbr::Other),
    ("alm", Abbr::Other),
    ("ca", Abbr::Other),
    ("cand", Abbr::Other),
    ("dvs", Abbr::Other),
    ("eks", Abbr::Other),
    ("el", Abbr::Other),
    ("evt", Abbr::Other),
    ("fhv", Abbr::Other),
    ("fx", Abbr::Other),
    ("hhv", Abbr::Other),
    ("hr", Abbr::Title),
    ("jf", Abbr::Other),
    ("kap", Abbr::Number),
    ("kl", Abbr::Number),
    ("kr", Abbr::Other),
    ("mht", Abbr::Other),
    ("mv", Abbr::Other),
    ("ndr", Abbr::Other),
    ("nr", Abbr::Number),
    ("osv", Abbr::Other),
    ("pga", Abbr::Other),
    ("pkt", Abbr::Number),
    ("red", Abbr::Other),
    ("resp", Abbr::Other),
    ("sa", Abbr::Other),
    ("sek", Abbr::Other),
    ("skt", Abbr::Title),
    ("stk", Abbr::Number),
    ("tlf", Abbr::Number),
    ("vedr", Abbr::Other),
    ("vha", Abbr::Other),
]);

/// Abbreviations, de: lower-cased, without the final period.
pub(super) static ABBR_DE: AbbrList = abbr_list!(&[
    ("abb", Abbr::Number),
    ("abs", Abbr::Number),
    ("abt", Abbr::Other),
    ("allg", Abbr::Other),
    ("bd", Abbr::Number),
    ("bes", Abbr::Other),
    ("betr", Abbr::Other),
    ("bspw", Abbr::Other),
    ("bzgl", Abbr::Other),
    ("bzw", Abbr::Other),
    ("ca", Abbr::Number),
    ("chr", Abbr::Other),
    ("dipl", Abbr::Title),
    ("dr", Abbr::Title),
    ("evtl", Abbr::Other),
    ("fa", Abbr::Title),
    ("frl", Abbr::Title),
    ("ggf", Abbr::Other),
    ("hbf", Abbr::Other),
    ("hl", Abbr::Title),
    ("hr", Abbr::Title),
    ("hrn", Abbr::Title),
    ("inkl", Abbr::Other),
    ("jh", Abbr::Other),
    ("jr", Abbr::Other),
    ("kap", Abbr::Number),
    ("max", Abbr::Other),
    ("mind", Abbr::Other),
    ("mio", Abbr::Other),
    ("mrd", Abbr::Other),
    ("nr", Abbr::Number),
    ("nrn", Abbr::Other),
    ("pkt", Abbr::Other),
    ("prof", Abbr::Title),
    ("s", Abbr::Number),
    ("sog", Abbr::Other),
    ("st", Abbr::Other),
    ("std", Abbr::Other),
    ("str", Abbr::Other),
    ("tel", Abbr::Number),
    ("usw", Abbr::Other),
    ("vgl", Abbr::Other),
    ("ziff", Abbr::Number),
    ("zit", Abbr::Other),
    ("zzgl", Abbr::Other),
]);

/// Abbreviations, fr: lower-cased, without the final period.
pub(super) static ABBR_FR: AbbrList = abbr_list!(&[
    ("av", Abbr::Other),
    ("bd", Abbr::Other),
    ("cf", Abbr::Other),
    ("chap", Abbr::Number),
    ("dr", Abbr::Title),
    ("env", Abbr::Other),
    ("etc", Abbr::Other),
    ("ex", Abbr::Other),
    ("fig", Abbr::Number),
    ("hab", Abbr::Other),
    ("mgr", Abbr::Title),
    ("mlle", Abbr::Title),
    ("mm", Abbr::Title),
    ("mme", Abbr::Title),
    ("n°", Abbr::Number),
    ("nº", Abbr::Number),
    ("p", Abbr::Number),
    ("pp", Abbr::Number),
    ("pr", Abbr::Title),
    ("réf", Abbr::Number),
    ("st", Abbr::Other),
    ("ste", Abbr::Title),
    ("vol", Abbr::Number),
    ("vs", Abbr::Other),
]);

/// Abbreviations, es: lower-cased, without the final period.
pub(super) static ABBR_ES: AbbrList = abbr_list!(&[
    ("abr", Abbr::Other),
    ("admón", Abbr::Other),
    ("ago", Abbr::Other),
    ("apdo", Abbr::Other),
    ("art", Abbr::Number),
    ("av", Abbr::Other),
    ("avda", Abbr::Other),
    ("cap", Abbr::Number),
    ("col", Abbr::Other),
    ("cía", Abbr::Other),
    ("dic", Abbr::Other),
    ("dom", Abbr::Other),
    ("dr", Abbr::Title),
    ("dra", Abbr::Title),
    ("dª", Abbr::Other),
    ("ee", Abbr::Title),
    ("ej", Abbr::Other),
    ("ene", Abbr::Other),
    ("etc", Abbr::Other),
    ("fdo", Abbr::Other),
    ("gral", Abbr::Title),
    ("hnos", Abbr::Other),
    ("ing", Abbr::Title),
    ("jue", Abbr::Other),
    ("lda", Abbr::Other),
    ("ldo", Abbr::Other),
    ("lic", Abbr::Title),
    ("lun", Abbr::Other),
    ("mar", Abbr::Other),
    ("may", Abbr::Other),
    ("mié", Abbr::Other),
    ("núm", Abbr::Number),
    ("pp", Abbr::Number),
    ("prof", Abbr::Title),
    ("pág", Abbr::Number),
    ("párr", Abbr::Number),
    ("párrf", Abbr::Number),
    ("sr", Abbr::Title),
    ("sra", Abbr::Title),
    ("sras", Abbr::Title),
    ("sres", Abbr::Title),
    ("srta", Abbr::Title),
    ("sta", Abbr::Title),
    ("sto", Abbr::Title),
    ("sáb", Abbr::Other),
    ("tel", Abbr::Number),
    ("ud", Abbr::Title),
    ("uds", Abbr::Title),
    ("vd", Abbr::Title),
    ("vds", Abbr::Title),
    ("vie", Abbr::Other),
    ("vol", Abbr::Number),
]);

/// Abbreviations, it: lower-cased, without the final period.
pub(super) static ABBR_IT: AbbrList = abbr_list!(&[
    ("acc", Abbr::Other),
    ("all", Abbr::Other),
    ("amm", Abbr::Title),
    ("arch", Abbr::Title),
    ("art", Abbr::Number),
    ("avv", Abbr::Title),
    ("ca", Abbr::Other),
    ("cap", Abbr::Number),
    ("cav", Abbr::Title),
    ("dir", Abbr::Title),
    ("dott", Abbr::Title),
    ("dr", Abbr::Title),
    ("ecc", Abbr::Other),
    ("es", Abbr::Other),
    ("gent", Abbr::Title),
    ("geom", Abbr::Title),
    ("idraul", Abbr::Other),
    ("ing", Abbr::Title),
    ("meteor", Abbr::Other),
    ("mons", Abbr::Title),
    ("n°", Abbr::Number),
    ("on", Abbr::Title),
    ("pag", Abbr::Number),
    ("pagg", Abbr::Number),
    ("prof", Abbr::Title),
    ("psicol", Abbr::Title),
    ("rag", Abbr::Title),
    ("rev", Abbr::Title),
    ("sig", Abbr::Title),
    ("sigg", Abbr::Title),
    ("tel", Abbr::Number),
]);

/// Abbreviations, nl: lower-cased, without the final period.
pub(super) static ABBR_NL: AbbrList = abbr_list!(&[
    ("aanw", Abbr::Other),
    ("afb", Abbr::Other),
    ("afd", Abbr::Other),
    ("blz", Abbr::Number),
    ("ca", Abbr::Other),
    ("dhr", Abbr::Title),
    ("dr", Abbr::Title),
    ("drs", Abbr::Title),
    ("ds", Abbr::Title),
    ("enz", Abbr::Other),
    ("etc", Abbr::Other),
    ("gem", Abbr::Other),
    ("ing", Abbr::Title),
    ("ir", Abbr::Title),
    ("jhr", Abbr::Title),
    ("lt", Abbr::Other),
    ("mevr", Abbr::Title),
    ("mr", Abbr::Title),
    ("mw", Abbr::Title),
    ("nr", Abbr::Number),
    ("pag", Abbr::Number),
    ("prof", Abbr::Title),
    ("resp", Abbr::Other),
    ("sr", Abbr::Other),
    ("st", Abbr::Other),
    ("vgl", Abbr::Other),
    ("vnw", Abbr::Other),
    ("zgn", Abbr::Other),
]);

/// Abbreviations, pl: lower-cased, without the final period.
pub(super) static ABBR_PL: AbbrList = abbr_list!(&[
    ("al", Abbr::Other),
    ("bałt", Abbr::Other),
    ("dr", Abbr::Title),
    ("gen", Abbr::Title),
    ("godz", Abbr::Number),
    ("hab", Abbr::Other),
    ("im", Abbr::Title),
    ("inż", Abbr::Title),
    ("itd", Abbr::Other),
    ("itp", Abbr::Other),
    ("jw", Abbr::Other),
    ("lek", Abbr::Other),
    ("mgr", Abbr::Title),
    ("np", Abbr::Other),
    ("nr", Abbr::Number),
    ("os", Abbr::Other),
    ("p", Abbr::Title),
    ("pl", Abbr::Title),
    ("por", Abbr::Other),
    ("prof", Abbr::Title),
    ("płk", Abbr::Title),
    ("r", Abbr::Other),
    ("ryc", Abbr::Other),
    ("str", Abbr::Number),
    ("tel", Abbr::Number),
    ("tj", Abbr::Other),
    ("tys", Abbr::Other),
    ("ul", Abbr::Title),
    ("ww", Abbr::Other),
    ("zob", Abbr::Other),
]);

/// Abbreviations, ru: lower-cased, without the final period.
pub(super) static ABBR_RU: AbbrList = abbr_list!(&[
    ("г", Abbr::Title),
    ("гг", Abbr::Title),
    ("д", Abbr::Title),
    ("дол", Abbr::Other),
    ("долл", Abbr::Other),
    ("др", Abbr::Other),
    ("ед", Abbr::Other),
    ("им", Abbr::Title),
    ("кв", Abbr::Number),
    ("коп", Abbr::Other),
    ("куб", Abbr::Other),
    ("млн", Abbr::Other),
    ("млрд", Abbr::Other),
    ("напр", Abbr::Other),
    ("пгт", Abbr::Title),
    ("пос", Abbr::Title),
    ("пр", Abbr::Other),
    ("проф", Abbr::Title),
    ("руб", Abbr::Other),
    ("с", Abbr::Number),
    ("св", Abbr::Title),
    ("см", Abbr::Other),
    ("ст", Abbr::Title),
    ("стр", Abbr::Number),
    ("тыс", Abbr::Other),
    ("ул", Abbr::Title),
    ("чел", Abbr::Other),
]);

/// Words that commonly open a sentence, en: lower-cased.
pub(super) static STARTERS_EN: WordList = word_list!(&[
    "a",
    "after",
    "all",
    "also",
    "an",
    "and",
    "another",
    "are",
    "as",
    "at",
    "because",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "even",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "just",
    "let",
    "many",
    "meanwhile",
    "more",
    "most",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "our",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
]);

/// Words that commonly open a sentence, de: lower-cased.
pub(super) static STARTERS_DE: WordList = word_list!(&[
    "aber", "als", "am", "auch", "auf", "aus", "bei", "da", "dann", "das", "dem", "den", "der",
    "deshalb", "die", "dies", "diese", "dieser", "doch", "du", "ein", "eine", "einer", "er", "es",
    "für", "ich", "ihr", "im", "in", "ja", "man", "mit", "nach", "nein", "nun", "ob", "sie", "so",
    "trotzdem", "um", "und", "von", "vor", "was", "wenn", "wer", "wie", "wir", "wo", "zu", "zum",
    "zur",
]);

/// Words that commonly open a sentence, da: lower-cased.
pub(super) static STARTERS_DA: WordList = word_list!(&[
    "af", "alle", "at", "da", "de", "den", "der", "det", "du", "efter", "en", "et", "for", "fra",
    "han", "hun", "hvad", "hvem", "hvis", "hvor", "hvordan", "hvorfor", "i", "ikke", "jeg", "med",
    "men", "nu", "når", "og", "om", "på", "så", "vi",
]);

/// Words that commonly open a sentence, nl: lower-cased.
pub(super) static STARTERS_NL: WordList = word_list!(&[
    "dat", "de", "die", "dit", "een", "en", "er", "het", "hij", "hoe", "ik", "in", "je", "maar",
    "met", "na", "nu", "om", "op", "toen", "u", "van", "voor", "waar", "wat", "we", "wij", "ze",
    "zij",
]);

/// Words that commonly open a sentence, fr: lower-cased.
pub(super) static STARTERS_FR: WordList = word_list!(&[
    "alors", "au", "aux", "ce", "cela", "ces", "cette", "de", "des", "du", "elle", "elles", "en",
    "et", "il", "ils", "je", "la", "le", "les", "mais", "nous", "on", "ou", "où", "par", "pour",
    "quand", "que", "qui", "si", "sur", "un", "une", "vous", "à",
]);

/// Words that commonly open a sentence, es: lower-cased.
pub(super) static STARTERS_ES: WordList = word_list!(&[
    "a", "ahora", "al", "aunque", "como", "con", "cuando", "de", "del", "el", "ella", "ellos",
    "en", "es", "esta", "este", "esto", "la", "las", "los", "mi", "no", "nosotros", "para", "pero",
    "por", "que", "qué", "se", "si", "su", "un", "una", "y", "yo",
]);

/// Words that commonly open a sentence, it: lower-cased.
pub(super) static STARTERS_IT: WordList = word_list!(&[
    "a", "al", "allora", "anche", "che", "ci", "come", "con", "da", "del", "di", "e", "gli", "i",
    "il", "in", "io", "la", "le", "lei", "lo", "lui", "ma", "ne", "noi", "non", "per", "però",
    "quando", "questo", "se", "si", "su", "un", "una", "è",
]);

/// Words that commonly open a sentence, pl: lower-cased.
pub(super) static STARTERS_PL: WordList = word_list!(&[
    "a", "ale", "ci", "co", "czy", "dlaczego", "do", "gdy", "i", "jak", "jednak", "jest", "już",
    "kiedy", "na", "nie", "o", "od", "on", "ona", "oni", "po", "ta", "ten", "to", "w", "we", "z",
    "że",
]);

/// Words that commonly open a sentence, ru: lower-cased.
pub(super) static STARTERS_RU: WordList = word_list!(&[
    "а",
    "в",
    "вот",
    "если",
    "затем",
    "и",
    "из",
    "как",
    "когда",
    "кто",
    "мы",
    "на",
    "не",
    "но",
    "он",
    "она",
    "они",
    "оно",
    "по",
    "после",
    "потом",
    "с",
    "так",
    "там",
    "то",
    "тогда",
    "что",
    "это",
    "я",
]);

pub(super) static MONTHS_DE: WordList = word_list!(&[
    "april",
    "august",
    "dezember",
    "februar",
    "januar",
    "juli",
    "juni",
    "jänner",
    "mai",
    "märz",
    "november",
    "oktober",
    "september",
]);

/// Names spelt with a `!`, lower-cased, sorted.
const EXCLAMATIONS: &[&str] = &["jeb", "jeopardy", "yahoo", "yum"];

pub(super) static EXCLAMATION_WORDS: WordList = word_list!(EXCLAMATIONS);

pub(super) static SPEECH_VERBS: WordList = word_list!(&[
    "added",
    "adds",
    "admits",
    "admitted",
    "agreed",
    "agrees",
    "announced",
    "announces",
    "answered",
    "answers",
    "argued",
    "argues",
    "asked",
    "asks",
    "cautioned",
    "cautions",
    "claimed",
    "claims",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "confirmed",
    "confirms",
    "continued",
    "continues",
    "cried",
    "cries",
    "declared",
    "declares",
    "explained",
    "explains",
    "insisted",
    "insists",
    "joked",
    "jokes",
    "noted",
    "notes",
    "pleaded",
    "pleads",
    "promised",
    "promises",
    "recalled",
    "recalls",
    "remarked",
    "remarks",
    "replied",
    "replies",
    "responded",
    "responds",
    "said",
    "says",
    "shouted",
    "shouts",
    "snapped",
    "snaps",
    "stated",
    "states",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "tells",
    "told",
    "tweeted",
    "tweets",
    "urged",
    "urges",
    "warned",
    "warns",
    "whispered",
    "whispers",
    "writes",
    "wrote",
    "yelled",
    "yells",
]);

#[cfg(test)]
mod tests {
    use super::*;

    /// Every packed word is found again, with its own kind.
    #[test]
    fn every_word_is_found() {
        for list in [
            &ABBR_EN, &ABBR_DA, &ABBR_DE, &ABBR_FR, &ABBR_ES, &ABBR_IT, &ABBR_NL, &ABBR_PL,
            &ABBR_RU,
        ] {
            assert_eq!(list.words.len(), list.kinds.len());
            for (i, w) in list.words.iter().enumerate() {
                assert_eq!(list.find(w), list.kinds.get(i).copied(), "{w}");
            }
        }
        for list in [
            &STARTERS_EN,
            &STARTERS_DA,
            &STARTERS_DE,
            &STARTERS_FR,
            &STARTERS_ES,
            &STARTERS_IT,
            &STARTERS_NL,
            &STARTERS_PL,
            &STARTERS_RU,
            &MONTHS_DE,
            &EXCLAMATION_WORDS,
            &SPEECH_VERBS,
        ] {
            assert!(list.len() > 0);
            for w in list.iter() {
                assert!(list.contains(w), "{w}");
            }
        }
    }

    #[test]
    fn longest_listed_is_the_longest() {
        let mut longest = 0;
        for list in [
            &ABBR_EN, &ABBR_DA, &ABBR_DE, &ABBR_FR, &ABBR_ES, &ABBR_IT, &ABBR_NL, &ABBR_PL,
            &ABBR_RU,
        ] {
            longest = list.words.iter().map(str::len).fold(longest, usize::max);
        }
        longest = EXCLAMATION_WORDS
            .iter()
            .map(str::len)
            .fold(longest, usize::max);
        assert_eq!(longest, LONGEST_LISTED);
    }

    #[test]
    fn lookups() {
        assert_eq!(abbreviation("mr", Lang::En), Some(Abbr::Title));
        assert_eq!(abbreviation("mr", Lang::De), Some(Abbr::Title));
        assert_eq!(abbreviation("bzw", Lang::De), Some(Abbr::Other));
        assert_eq!(abbreviation("bzw", Lang::En), None);
        assert!(is_starter("the", Lang::Fr));
        assert!(is_starter("hvad", Lang::Da));
        assert!(is_month_de("juni"));
        assert!(is_exclamation_word("yahoo"));
        assert!(!is_exclamation_word("yaho"));
        assert!(!is_exclamation_word(""));
        // The first-byte table lets every listed word through.
        for w in EXCLAMATION_WORDS.iter() {
            assert!(is_exclamation_word(w), "{w}");
        }
        assert_eq!(abbreviation("zzzz", Lang::De), None);
    }
}
