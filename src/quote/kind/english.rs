//! English shapes that tell a quoted fragment's kind from the words
//! around it, where title case and length cannot: a fragment someone is
//! said to have called, dismissed as, or branded with is that someone's
//! words ("Manafort dismissed the row as “absurd”"), and a title after
//! a preposition is the work itself ("said on “Meet the Press,”").

use std::borrow::Cow;

use crate::wordlist::{word_list, WordList};

/// Participles of naming acts: a name after one was given by someone,
/// so it is that someone's words ("a spot titled “Dangerous”", "he
/// dubbed the plan “a scam”"). A word named as a word ("so-called",
/// "the word") is no naming act and stays other. Sorted.
static NAMING_VERBS: WordList = word_list!(&[
    "dubbed",
    "entitled",
    "labeled",
    "labelled",
    "nicknamed",
    "termed",
    "titled",
]);

/// Verbs that characterise or pass on what someone said, beyond the
/// speech cues of attribution: a short fragment in a clause led by one
/// quotes the words of the clause's subject ("hailed the deal as a
/// “breakthrough”", "accused him of “lying”", "promised “free
/// college”"). Every form is listed; sorted.
static CHARACTERIZING: WordList = word_list!(&[
    "accuse",
    "accuses",
    "accusing",
    "boasting",
    "brand",
    "branded",
    "branding",
    "brands",
    "call",
    "called",
    "calling",
    "calls",
    "casting",
    "casts",
    "chant",
    "chanted",
    "chanting",
    "chants",
    "characterise",
    "characterised",
    "characterises",
    "characterize",
    "characterized",
    "characterizes",
    "characterizing",
    "coined",
    "condemn",
    "condemned",
    "condemning",
    "condemns",
    "decry",
    "decrying",
    "deemed",
    "defend",
    "defended",
    "defending",
    "defends",
    "denied",
    "denies",
    "denounce",
    "denounced",
    "denounces",
    "denouncing",
    "deny",
    "describe",
    "describing",
    "dismiss",
    "dismissed",
    "dismisses",
    "dismissing",
    "dub",
    "dubbing",
    "dubs",
    "emphasises",
    "emphasizes",
    "hail",
    "hailed",
    "hailing",
    "hails",
    "herald",
    "heralded",
    "heralding",
    "heralds",
    "identified",
    "identifies",
    "identify",
    "identifying",
    "implied",
    "implies",
    "imply",
    "invoked",
    "label",
    "labeling",
    "labelling",
    "labels",
    "pledge",
    "pledges",
    "pledging",
    "portray",
    "portrayed",
    "portraying",
    "portrays",
    "praise",
    "praises",
    "praising",
    "promise",
    "promising",
    "refer",
    "referred",
    "referring",
    "refers",
    "reject",
    "rejected",
    "rejecting",
    "rejects",
    "ridicule",
    "ridiculed",
    "ridicules",
    "ridiculing",
    "touted",
    "touting",
    "touts",
    "vow",
    "vowing",
]);

/// Verbs of belief, and nouns for a belief or promise that are verbs
/// too: a fragment in a clause that holds one is the content of that
/// belief ("he believes in journalism that “takes sides”"), whose holder
/// the clause names. Sorted.
static BELIEFS: WordList = word_list!(&[
    "believe", "believed", "believes", "claim", "pledge", "promise", "think", "thinks", "vow",
]);

/// Nouns for what someone said, never verbs: a fragment in a clause that
/// holds one is the content of the statement ("the accusation that he
/// “lied”"), and attribution gives it to the noun's owner ("her
/// remark"), never to a subject. Sorted.
static STATEMENT_NOUNS: WordList = word_list!(&[
    "accusation",
    "accusations",
    "admission",
    "assertion",
    "comment",
    "comments",
    "contention",
    "dictum",
    "remark",
    "statement",
    "suggestion",
    "warning",
]);

/// Whether `word` (lower case) is a noun for what someone said
/// ([`STATEMENT_NOUNS`]).
pub(crate) fn is_statement_noun(word: &str) -> bool {
    STATEMENT_NOUNS.contains(word)
}

/// Whether `word` (lower case) is a word of belief or statement
/// ([`BELIEFS`], [`STATEMENT_NOUNS`]).
fn is_belief_or_statement(word: &str) -> bool {
    BELIEFS.contains(word) || is_statement_noun(word)
}

/// Whether `word` (lower case) is a naming participle ([`NAMING_VERBS`]).
pub(super) fn is_naming_verb(word: &str) -> bool {
    NAMING_VERBS.contains(word)
}

/// Whether `word` (lower case) governs a quoted fragment as someone's
/// words: a characterising verb ([`CHARACTERIZING`]), a naming participle
/// or a word of belief or statement ([`is_belief_or_statement`]).
/// Attribution asks it to name that someone: the verb's subject, or the
/// owner of the statement ("her claim that …").
pub(crate) fn governs_fragment(word: &str) -> bool {
    CHARACTERIZING.contains(word) || is_naming_verb(word) || is_belief_or_statement(word)
}

/// Subjects that name no one in particular: what "locals call “the
/// soft side”" or "people dub “the Pit”" is a name in common use, a
/// nickname, not anyone's words, so the fragment rules that make a
/// quotation the words of its clause's subject pass over them. Sorted.
static GENERIC_GROUPS: WordList = word_list!(&[
    "everybody",
    "everyone",
    "locals",
    "many",
    "most",
    "people",
    "residents",
    "some",
    "townspeople",
    "villagers",
]);

/// Whether `mention` (as written) is a subject that names no one in
/// particular ([`GENERIC_GROUPS`]).
pub(super) fn is_generic_group(mention: &str) -> bool {
    let m = mention.trim();
    if m.is_ascii() {
        // Most mentions: lower-cased on the stack, not in a `String` per
        // quotation (ASCII keeps its length); one longer than the room
        // is longer than any listed word (a test checks).
        let mut room = [0u8; GENERIC_GROUP_ROOM];
        let Some(lower) = room.get_mut(..m.len()) else {
            return false;
        };
        lower.copy_from_slice(m.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|w| GENERIC_GROUPS.contains(w));
    }
    GENERIC_GROUPS.contains(crate::case::to_lowercase(m).as_str())
}

/// Bytes enough for the longest word of [`GENERIC_GROUPS`].
const GENERIC_GROUP_ROOM: usize = 16;

/// The lower-cased words of `text`, borrowed when already in lower case
/// (most words are: the rules ask them of every sentence around a
/// quotation, and an allocation per word was a twentieth of the analysis).
fn words(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    raw_words(text).map(lower)
}

/// The words of `text` as written: runs of letters and hyphens.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    crate::text::words_by(text, |c| crate::text::is_alphabetic(c) || c == '-')
}

/// `word` in lower case, borrowed when it already is. An ASCII word is
/// asked byte by byte (most words are ASCII; `to_lowercase` lower-cases
/// ASCII as `to_ascii_lowercase` does).
fn lower(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word.chars().any(char::is_uppercase) {
        Cow::Owned(crate::case::to_lowercase(word))
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether the clause before a quotation (`head`, the sentence up to
/// it) holds a characterising verb ([`CHARACTERIZING`]) or a naming
/// participle. The rules ask it of the sentence head in one pass back
/// from the quotation (`head_characterizes` in the parent module); this
/// plain form states it, for the tests.
#[cfg(test)]
pub(super) fn characterizes(head: &str) -> bool {
    raw_words(head).any(is_characterizing)
}

/// Whether one word of a sentence, as written (a run of letters and
/// hyphens), is a characterising verb or a naming participle in any
/// case ([`characterizes`]).
pub(super) fn is_characterizing(w: &str) -> bool {
    let is_listed = |w: &str| CHARACTERIZING.contains(w) || is_naming_verb(w);
    if !w.is_ascii() {
        return is_listed(&lower(w));
    }
    // An ASCII word keeps its length and its first letter when
    // lower-cased: one whose first letter and length no listed word
    // has is in neither list, known without lower-casing it or
    // looking it up (most words of a sentence: "the", "and", "said").
    let first = w.as_bytes().first().map_or(0, |b| b | 0x20);
    let lengths = CHARACTERIZING_SHAPES
        .get(usize::from(first.wrapping_sub(b'a')))
        .copied()
        .unwrap_or(0);
    if lengths >> w.len().min(15) & 1 == 0 {
        return false;
    }
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return is_listed(w);
    }
    // Lower-cased on the stack, not in a `String`.
    let mut room = [0u8; CHARACTERIZING_ROOM];
    let Some(low) = room.get_mut(..w.len()) else {
        return false;
    };
    low.copy_from_slice(w.as_bytes());
    low.make_ascii_lowercase();
    std::str::from_utf8(low).is_ok_and(is_listed)
}

/// For each letter a to z, the lengths (bit `n` for `n` bytes) of the
/// words of [`CHARACTERIZING`] and [`NAMING_VERBS`] that start with it
/// (a test checks them against the lists).
const CHARACTERIZING_SHAPES: [u16; 26] = [
    0x01c0, 0x01e0, 0x77f0, 0x07f8, 0x0500, 0x0000, 0x0000, 0x03f0, 0x0da0, 0x0000, 0x0000, 0x03e0,
    0x0000, 0x0200, 0x0000, 0x07c0, 0x0000, 0x07e0, 0x0000, 0x00e0, 0x0000, 0x0048, 0x0000, 0x0000,
    0x0000, 0x0000,
];

/// Bytes enough for the longest word of [`CHARACTERIZING_LENGTHS`].
const CHARACTERIZING_ROOM: usize = *CHARACTERIZING_LENGTHS.end();

/// The lengths of the words of [`CHARACTERIZING`] and [`NAMING_VERBS`],
/// shortest to longest (a test checks them).
const CHARACTERIZING_LENGTHS: std::ops::RangeInclusive<usize> = 3..=14;

/// Whether `head` holds a characterising verb or a speech cue of
/// attribution (said, told, called …). German "so" (a cue right after a
/// quotation there) is an English adverb, and "states" is the noun of the
/// United States far more often than a verb: neither counts.
pub(super) fn reports(head: &str) -> bool {
    words(head).any(|w| is_reporting_word(&w))
}

/// Whether one lower-case word is a word of [`reports`].
fn is_reporting_word(w: &str) -> bool {
    !matches!(w, "so" | "states")
        && (CHARACTERIZING.contains(w)
            || is_naming_verb(w)
            || is_belief_or_statement(w)
            || crate::attribution::is_speech_cue(w))
}

/// Whether any word of the sentence around a quotation, before it
/// (`head`) or after it (`tail`), is one that `is` accepts: each word is
/// lower-cased and asked once, however many kinds of word are looked for.
fn any_word_around(head: &str, tail: &str, is: impl Fn(&str) -> bool) -> bool {
    words(head).chain(words(tail)).any(|w| is(&w))
}

/// Whether the sentence around a quoted fragment, before it (`head`) or
/// after it (`tail`), reports what someone said ([`reports`], a verb of
/// [`STANCE`], or "according to").
pub(super) fn reports_around(head: &str, tail: &str) -> bool {
    any_word_around(head, tail, |w| is_reporting_word(w) || is_stance(w))
        || cites_around(head, tail)
}

/// Verbs of mentioning, citing and quoting, of finding, seeing (as),
/// expecting and fearing, and of attacking, beyond the speech cues of
/// attribution: PolNeAR counts each as the cue of an attribution whose
/// content is the clause around ("he made no mention of “Crooked
/// Hillary”", "a study found a “significant” effect", "an option seen
/// by its backers as a “lifeboat”"). Forms that are nouns as often
/// ("see", "figures") are left out. Sorted.
static STANCE: WordList = word_list!(&[
    "announced",
    "argue",
    "assumed",
    "attacked",
    "cite",
    "cited",
    "cites",
    "citing",
    "crying",
    "expected",
    "expects",
    "fear",
    "feared",
    "fears",
    "finds",
    "found",
    "hoped",
    "mention",
    "mentioned",
    "mentioning",
    "mentions",
    "mock",
    "mocked",
    "mocking",
    "mocks",
    "proposed",
    "proposing",
    "quoted",
    "quotes",
    "quoting",
    "reference",
    "referenced",
    "references",
    "referencing",
    "repeat",
    "repeated",
    "repeating",
    "repeats",
    "seeking",
    "seen",
    "sees",
    "slammed",
    "slamming",
    "sought",
    "spoke",
    "suggested",
    "suggesting",
    "suggests",
    "talked",
    "talking",
    "viewed",
    "worried",
]);

/// Whether the sentence around a quotation (`head` before it, `tail`
/// after it) holds a verb of [`STANCE`].
pub(super) fn stance_around(head: &str, tail: &str) -> bool {
    any_word_around(head, tail, is_stance)
}

/// Whether one lower-case word is a verb of [`STANCE`].
fn is_stance(w: &str) -> bool {
    STANCE.contains(w)
}

/// Nouns for a wording, which name the quotation after them as words:
/// "the phrase “X”", "the slogan “Y”"; and "so-called", which does the
/// same ("the so-called “bracket”"). Sorted.
static WORDING_NOUNS: WordList = word_list!(&[
    "motto",
    "phrase",
    "slogan",
    "so-called",
    "term",
    "word",
    "words",
]);

/// Whether `word` (lower case) is a noun for a wording ([`WORDING_NOUNS`]).
pub(super) fn is_wording_noun(word: &str) -> bool {
    WORDING_NOUNS.contains(word)
}

/// Verbs of using words: a wording someone is said to use is theirs
/// ("she used the term “X”"). Sorted.
static USING: WordList =
    word_list!(&["use", "used", "uses", "using", "utter", "uttered", "utters"]);

/// Whether the sentence around a named wording (`head` before it, `tail`
/// after it) reports someone saying it ([`reports_around`]) or using it
/// ([`USING`]).
pub(super) fn wording_in_use(head: &str, tail: &str) -> bool {
    any_word_around(head, tail, |w| {
        is_reporting_word(w) || is_stance(w) || USING.contains(w)
    }) || cites_around(head, tail)
}

/// Speech cues that do not make the quotation right after them what was
/// said: an addressee ("told “Meet the Press”"), a name ("a series
/// called “Billions”"), or a noun as often as a verb ("his remarks",
/// "the United States"). Sorted.
static NOT_SAYING_OBJECT: WordList = word_list!(&[
    "answers",
    "call",
    "called",
    "calling",
    "calls",
    "claims",
    "continued",
    "continues",
    "counters",
    "demands",
    "notes",
    "objects",
    "offered",
    "offers",
    "pointed",
    "posts",
    "promises",
    "rang",
    "remarks",
    "shot",
    "so",
    "states",
    "tell",
    "telling",
    "tells",
    "told",
    "warning",
]);

/// Verbs of chanting and shouting: the quotation right after one is the
/// chant ("protesters chanting “Dump Trump”"). Sorted.
static CHANTING: WordList = word_list!(&[
    "chant",
    "chanted",
    "chanting",
    "chants",
    "cheered",
    "cheering",
    "screamed",
    "screaming",
    "shouted",
    "shouting",
    "yelled",
    "yelling",
]);

/// Nouns for a chant or a cry, which name the quotation after "of" as
/// what a crowd said ("chants of “Four more years”"). Sorted.
static CRIES: WordList =
    word_list!(&["calls", "chant", "chants", "chorus", "cries", "cry", "shouts",]);

/// Nouns for things that bear words: what a sign "reads" or "says" is
/// written on it. Sorted.
static INSCRIBED: WordList = word_list!(&[
    "banner", "banners", "button", "buttons", "cap", "hat", "hats", "message", "placard",
    "placards", "poster", "posters", "shirt", "shirts", "sign", "signs", "sticker", "t-shirt",
]);

/// Whether the words right before a quotation (`before`, up to its
/// opening mark) make it the object of saying: a speech cue
/// ([`crate::attribution::is_speech_cue`], but not
/// [`NOT_SAYING_OBJECT`]), a verb of chanting ([`CHANTING`]), "cries of",
/// or "read(s)" after a sign ([`INSCRIBED`]), with an optional comma
/// between.
#[inline(never)]
pub(super) fn says_object(before: &str) -> bool {
    // Bounded: the words looked at are in the last 120 bytes, and a long
    // run of marks or spaces before a quotation must not be read through
    // for each quotation.
    let mut cut = before.len().saturating_sub(120);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let t = before.get(cut..).unwrap_or("").trim_end();
    let t = t.strip_suffix(',').unwrap_or(t).trim_end();
    // The last word must end the text: "said, “" but not "said: “".
    // Asked before the words are split and lower-cased: most quotations
    // follow a mark, a full stop or a line break.
    if !t.ends_with(|c: char| c.is_alphanumeric() || c == '-') {
        return false;
    }
    let mut back = t
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(8)
        .map(lower);
    let Some(last) = back.next() else {
        return false;
    };
    let w: &str = &last;
    if CHANTING.contains(w) {
        return true;
    }
    if w == "of" {
        return back.next().is_some_and(|n| CRIES.contains(&n));
    }
    if matches!(w, "read" | "reads" | "reading" | "said" | "says" | "saying") {
        let mut rest = back;
        if rest.any(|n| INSCRIBED.contains(&n)) {
            return true;
        }
    }
    crate::attribution::is_speech_cue(w) && !NOT_SAYING_OBJECT.contains(w)
}

/// Whether a quotation (`content`, and the text right `after` its
/// closing mark) is followed by a comma and a byline, "by" and a
/// capitalised name: "“Why the Mill Closed,” by Ana Ruiz". The comma
/// tells a byline from a passive's agent ("was “rocked” by the news").
pub(super) fn has_byline(content: &str, after: &str) -> bool {
    let rest = if content.ends_with(',') {
        after
    } else {
        match after.strip_prefix(',') {
            Some(rest) => rest,
            None => return false,
        }
    };
    rest.strip_prefix(" by ")
        .and_then(|name| name.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Whether a headline reports speech: a word of [`reports`] or
/// [`STANCE`] in it.
pub(super) fn headline_reports(line: &str) -> bool {
    words(line).any(|w| is_reporting_word(&w) || is_stance(&w))
}

/// Participles that name something "as" what follows, in the passive
/// or as a modifier: "known as", "billed as", "derided as". Sorted.
static NAMED_AS: WordList = word_list!(&[
    "billed",
    "branded",
    "characterized",
    "derided",
    "described",
    "dismissed",
    "hailed",
    "known",
    "labeled",
    "labelled",
    "portrayed",
    "regarded",
    "touted",
]);

/// Whether the words right before a quotation (`before`) name it as
/// what something is known or described as ([`NAMED_AS`] and "as", "as
/// a", "as the") or what someone goes by ("goes by", "went by").
#[inline(never)]
pub(super) fn named_as(before: &str) -> bool {
    let mut cut = before.len().saturating_sub(60);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let t = before.get(cut..).unwrap_or("").trim_end();
    if !t.ends_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let mut back = t
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(lower);
    let mut last = back.next().unwrap_or_default();
    if matches!(&*last, "a" | "an" | "the") {
        last = back.next().unwrap_or_default();
    }
    // The verb only after "as" or "by": most words before a quotation
    // are neither, and the verb need not be split and lower-cased.
    if !matches!(&*last, "as" | "by") {
        return false;
    }
    let Some(verb) = back.next() else {
        return false;
    };
    match &*last {
        "as" => NAMED_AS.contains(&verb),
        "by" => matches!(&*verb, "go" | "goes" | "going" | "went"),
        _ => false,
    }
}

/// Whether the sentence around a quotation names a source in a set
/// phrase of attribution ([`cites`]), other than the quotation itself
/// ("according to “The Long Road”" cites a book by its title).
pub(super) fn cites_around(head: &str, tail: &str) -> bool {
    let source = head
        .trim_end()
        .get(head.trim_end().len().saturating_sub(12)..)
        .is_some_and(|end| end.eq_ignore_ascii_case("according to"));
    !source && (cites(head) || cites(tail))
}

/// Whether `text` names a source in one of the set phrases of
/// attribution: "according to (X)", "in the words of (X)", "as (X) put
/// it".
fn cites(text: &str) -> bool {
    // The last three words, and how many words back an "as" was seen.
    let mut last: [Cow<'_, str>; 3] = Default::default();
    let mut since_as: Option<usize> = None;
    for w in words(text) {
        let [a, b, c] = &last;
        if c == "according" && w == "to"
            || a == "in" && b == "the" && c == "words" && w == "of"
            || c == "put" && w == "it" && since_as.is_some_and(|n| n <= 6)
        {
            return true;
        }
        since_as = if w == "as" {
            Some(0)
        } else {
            since_as.map(|n| n + 1)
        };
        last.rotate_left(1);
        last[2] = w;
    }
    false
}

/// Prepositions after which a capitalised quotation is the title of a
/// work or a show, not speech: "said on “Meet the Press”", "the author
/// of “Empire”". Sorted.
static TITLE_PREPOSITIONS: WordList =
    word_list!(&["about", "at", "from", "in", "of", "on", "with"]);

/// Nouns for works: a capitalised quotation right after one, or after
/// one and a comma (in apposition), is the work's title: "the movie
/// “Heat”", "his memoir, “Hard Roads,”". Sorted.
static WORK_NOUNS: WordList = word_list!(&[
    "ad",
    "album",
    "article",
    "autobiography",
    "biography",
    "book",
    "column",
    "comedy",
    "documentary",
    "drama",
    "episode",
    "essay",
    "film",
    "memoir",
    "movie",
    "musical",
    "novel",
    "opera",
    "play",
    "podcast",
    "poem",
    "program",
    "programme",
    "series",
    "show",
    "sitcom",
    "song",
    "thriller",
]);

/// Whether the word right before a quotation (lower case) leads a
/// title: a preposition ([`TITLE_PREPOSITIONS`]) or a work noun
/// ([`WORK_NOUNS`]).
pub(super) fn leads_title(word: &str) -> bool {
    TITLE_PREPOSITIONS.contains(word) || is_work_noun(word)
}

/// Whether `word` (lower case) names a kind of work ([`WORK_NOUNS`]).
pub(super) fn is_work_noun(word: &str) -> bool {
    WORK_NOUNS.contains(word)
}

#[cfg(test)]
mod tests {
    /// Every packed word is found again (the build checks the order).
    #[test]
    fn lists_hold_their_words() {
        for list in [
            &super::NAMING_VERBS,
            &super::CHARACTERIZING,
            &super::BELIEFS,
            &super::STATEMENT_NOUNS,
            &super::TITLE_PREPOSITIONS,
            &super::WORK_NOUNS,
            &super::GENERIC_GROUPS,
            &super::WORDING_NOUNS,
            &super::USING,
            &super::NOT_SAYING_OBJECT,
            &super::CHANTING,
            &super::CRIES,
            &super::INSCRIBED,
            &super::STANCE,
            &super::NAMED_AS,
        ] {
            assert!(list.len() > 0);
            assert!(list.iter().all(|w| list.contains(w)));
        }
    }

    #[test]
    fn characterizing_lengths() {
        let lengths = super::CHARACTERIZING
            .iter()
            .chain(super::NAMING_VERBS.iter())
            .map(|w| w.len());
        let (min, max) = (lengths.clone().min(), lengths.max());
        assert_eq!(
            (min, max),
            (
                Some(*super::CHARACTERIZING_LENGTHS.start()),
                Some(*super::CHARACTERIZING_LENGTHS.end())
            )
        );
        let mut shapes = [0u16; 26];
        for w in super::CHARACTERIZING
            .iter()
            .chain(super::NAMING_VERBS.iter())
        {
            shapes[usize::from(w.as_bytes()[0] - b'a')] |= 1 << w.len();
        }
        assert_eq!(shapes, super::CHARACTERIZING_SHAPES);
        assert!(super::characterizes("Vow: he DUBBED it "));
        assert!(super::characterizes("they Characterized it "));
        assert!(!super::characterizes("they char\u{e1}cterized it "));
        assert!(super::characterizes("he invo\u{212a}ed it "));
        assert!(!super::characterizes("a dubbedx b "));
    }

    #[test]
    fn generic_groups() {
        assert!(super::is_generic_group("Locals"));
        assert!(super::is_generic_group(" people"));
        assert!(super::is_generic_group("TOWNSPEOPLE "));
        assert!(!super::is_generic_group("Mayor Ode"));
        assert!(!super::is_generic_group("townspeople of the harbour"));
        assert!(!super::is_generic_group(""));
        assert!(super::GENERIC_GROUPS
            .iter()
            .all(|w| w.len() <= super::GENERIC_GROUP_ROOM));
    }

    #[test]
    fn heads() {
        assert!(super::characterizes("The mayor dismissed the plan as "));
        assert!(!super::characterizes("The mayor read the plan at "));
        assert!(super::reports("She told reporters it was "));
        assert!(!super::reports("The river was "));
        assert!(super::leads_title("on") && super::leads_title("memoir"));
        assert!(super::is_work_noun("podcast") && !super::is_work_noun("on"));
        assert!(super::reports("Her claim that the plan was "));
        assert!(!super::reports("So the United States was "));
    }

    #[test]
    fn objects_of_saying() {
        assert!(super::says_object("He said "));
        assert!(super::says_object("He said, "));
        assert!(super::says_object("the crowd chanting "));
        assert!(super::says_object("with chants of "));
        assert!(super::says_object("a sign that read "));
        assert!(!super::says_object("He told "));
        assert!(!super::says_object("a series called "));
        assert!(!super::says_object("He read "));
        assert!(!super::says_object("He said: "));
    }

    #[test]
    fn names_and_bylines() {
        assert!(super::named_as("a town known as "));
        assert!(super::named_as("an event billed as the "));
        assert!(super::named_as("who goes by "));
        assert!(!super::named_as("as well as "));
        assert!(super::has_byline("Low Water,", " by Mara Quist"));
        assert!(super::has_byline("Low Water", ", by Mara Quist"));
        assert!(!super::has_byline("rocked", " by the news"));
    }

    #[test]
    fn cited_sources() {
        assert!(super::cites("according to the survey"));
        assert!(super::cites("in the words of one fisherman"));
        assert!(super::cites("as one fisherman put it"));
        assert!(!super::cites("she put it on the table"));
        assert!(!super::cites_around("It was, according to ", ""));
        assert!(super::cites_around(
            "It drew crowds, ",
            " according to its organisers"
        ));
        assert!(super::headline_reports("Crews Say Cuts Are "));
        assert!(!super::headline_reports("Harbour Unveiled At Town Hall"));
    }
}
