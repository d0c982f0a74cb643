//! The names an article uses, for resolving mentions to the fullest name:
//! "Mr Shapps" and "Shapps" to "Grant Shapps", "the spokesman" to the
//! person introduced as "spokesman John Kirby".

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::{self, has};
use super::vocab::{self, Flags, Id, Vocab};
use super::words::{self, Tok};
use super::words::{Lexed, NO_ID};
use crate::wordlist::{word_list, WordList};
use crate::Span;

/// Capitalised words that begin sentences or clauses but are not names.
pub(crate) static STOP: &WordList = &word_list!(&[
    "a",
    "aber",
    "after",
    "afterward",
    "afterwards",
    "again",
    "allerdings",
    "alors",
    "already",
    "als",
    "although",
    "am",
    "an",
    "and",
    "anschließend",
    "anybody",
    "anyone",
    "as",
    "asked",
    "at",
    "auch",
    "auf",
    "aus",
    "aussi",
    "außerdem",
    "avec",
    "because",
    "before",
    "bei",
    "beim",
    "bereits",
    "besides",
    "bis",
    "but",
    "by",
    "chez",
    "con",
    "cuando",
    "dabei",
    "daher",
    "damals",
    "dann",
    "dans",
    "darauf",
    "darin",
    "darüber",
    "dass",
    "dazu",
    "denn",
    "depuis",
    "desde",
    "deshalb",
    "diese",
    "dieser",
    "dieses",
    "doch",
    "donc",
    "dort",
    "durch",
    "during",
    "earlier",
    "ebenso",
    "entonces",
    "es",
    "et",
    "eventually",
    "ever",
    "every",
    "everybody",
    "everyone",
    "finally",
    "first",
    "for",
    "from",
    "furthermore",
    "für",
    "gegen",
    "gegenüber",
    "gestern",
    "he",
    "her",
    "here",
    "heute",
    "hier",
    "hierzu",
    "his",
    "however",
    "i",
    "if",
    "im",
    "in",
    "indeed",
    "ins",
    "instead",
    "it",
    "its",
    "jedoch",
    "jene",
    "last",
    "later",
    "laut",
    "likewise",
    "lors",
    "luego",
    "mais",
    "meanwhile",
    "mit",
    "moreover",
    "my",
    "nach",
    "nevertheless",
    "next",
    "nobody",
    "noch",
    "nonetheless",
    "notably",
    "now",
    "nun",
    "nur",
    "ob",
    "oder",
    "of",
    "ohne",
    "on",
    "or",
    "ou",
    "our",
    "overall",
    "para",
    "perhaps",
    "pero",
    "por",
    "pour",
    "puis",
    "sans",
    "schon",
    "según",
    "seit",
    "selbst",
    "selon",
    "separately",
    "she",
    "similarly",
    "sin",
    "since",
    "so",
    "sobre",
    "somebody",
    "someone",
    "sondern",
    "später",
    "still",
    "sur",
    "también",
    "than",
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
    "tomorrow",
    "trotz",
    "ultimately",
    "um",
    "und",
    "unter",
    "vom",
    "von",
    "vor",
    "was",
    "we",
    "wegen",
    "weil",
    "wenn",
    "wer",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "wie",
    "with",
    "wo",
    "während",
    "yesterday",
    "yet",
    "you",
    "zu",
    "zudem",
    "zum",
    "zunächst",
    "zur",
    "zuvor",
    "über",
]);

/// Lower-case particles inside names (Ludwig van Beethoven, Osama bin Laden).
pub(crate) static PARTICLES: &WordList =
    &word_list!(&["al", "bin", "da", "de", "del", "della", "di", "du", "van", "von",]);

/// Capitalised words that mark an organisation, not a person.
pub(crate) static ORG_WORDS: &WordList = &word_list!(&[
    "abbey",
    "administration",
    "agency",
    "army",
    "assembly",
    "association",
    "bank",
    "board",
    "bureau",
    "campaign",
    "cathedral",
    "center",
    "centre",
    "church",
    "city",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "council",
    "court",
    "department",
    "embassy",
    "foundation",
    "fund",
    "government",
    "group",
    "house",
    "inc",
    "institute",
    "journal",
    "kremlin",
    "league",
    "ministry",
    "nations",
    "network",
    "news",
    "office",
    "organization",
    "palace",
    "parliament",
    "party",
    "pentagon",
    "police",
    "post",
    "press",
    "school",
    "senate",
    "service",
    "times",
    "union",
    "university",
]);

/// Whether `w` (lower-case key) never starts or continues a name:
/// function words, and adverbs ("Immediately", "Earlier").
pub(crate) fn is_stop(w: &str) -> bool {
    super::vocab::is_listed_stop(w) || is_adverb_form(w)
}

/// Whether `w` (lower-case key) looks like an adverb: "-ly", but not
/// Kelly or Emily.
pub(crate) fn is_adverb_form(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !is_ly_name(w)
}

/// Names that look like adverbs: Kelly, Connolly, Reilly, Emily.
fn is_ly_name(w: &str) -> bool {
    ["elly", "olly", "eilly"].iter().any(|e| w.ends_with(e))
        || has(&["beverly", "emily", "kimberly", "sally"], w)
}

/// Whether a name (canonical form) looks like an organisation.
pub(crate) fn is_org(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| has(ORG_WORDS, &words::lower(w)))
}

/// A name as the text writes it, shared by all its occurrences: one
/// allocation per distinct name, not one per mention.
#[derive(Clone, Debug)]
struct Name(Rc<str>);

impl Name {
    fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// What [`Names::collect`] learns about one distinct name.
struct Distinct {
    name: Name,
    /// How many words it has.
    words: usize,
    /// Its words' entries in `by_word` (their slots: indexes into the
    /// lists built after the walk), looked up once.
    slots: Vec<usize>,
    /// Its last run that may give gender evidence (an index into
    /// [`Names::runs`], which links it to the one before), if any.
    last_run: Option<usize>,
    /// How often it occurs.
    count: usize,
    /// Its last mention (an index into [`Names::seen`]).
    last: usize,
    /// Whether it occurs outside quotations.
    outside: bool,
}

/// Gender evidence for the capitalised run `run` of `toks` (masculine,
/// feminine): a title in it, or the first personal pronoun after it in
/// its sentence. `flags(i)` describes token i. (A function of its own,
/// like [`name_id`], to keep [`Names::collect`] a small wasm function:
/// BENCHMARKS.md, "Peak memory".)
#[inline(never)]
fn gender_vote(
    hay: &str,
    toks: &[Tok],
    run: std::ops::Range<usize>,
    flags: impl Fn(usize) -> Flags,
) -> (u32, u32) {
    let (start, end) = (run.start, run.end);
    // Whether "her" at token k is a possessive: the next token a
    // lower-case word that is no function word, preposition or
    // particle ("her head", not "her the book", "her up").
    let possessive_her = |k: usize| {
        let n = k + 1;
        let nf = flags(n);
        toks.get(n).is_some_and(|t| t.is_word())
            && hay
                .get(toks.get(k).map_or(0, |t| t.span.end)..toks.get(n).map_or(0, |t| t.span.start))
                == Some(" ")
            && !nf.has(Flags::CAPITALIZED)
            && !nf.has(Flags::STOP)
            && !nf.has(Flags::DETERMINER)
            && !nf.has(Flags::PLACE)
            && !nf.has(Flags::AFTER_OBJECT)
            && !nf.has(Flags::HE)
            && !nf.has(Flags::SHE)
            && !nf.has(Flags::OBJECT)
    };
    let mut vote = (0u32, 0u32);
    for k in start..end {
        let wf = flags(k);
        if wf.has(Flags::MALE_TITLE) {
            vote.0 += 3;
        } else if wf.has(Flags::FEMALE_TITLE) {
            vote.1 += 3;
        }
    }
    // Not after a preposition: "back at Green Gables he …"
    // names a place.
    let place = start
        .checked_sub(1)
        .is_some_and(|p| flags(p).has(Flags::PLACE));
    let reach = if place { 0 } else { PRONOUN_REACH };
    // Any of the words the walk looks for: one test passes the rest.
    let sought = Flags::HE | Flags::SHE | Flags::HER | Flags::OBJECT;
    for (k, n) in toks.iter().enumerate().skip(end).take(reach) {
        let nf = flags(k);
        if !nf.has(sought) {
            // (Punctuation has no flags.)
            if ends_sentence(n) {
                break;
            }
            continue;
        }
        if nf.has(Flags::HE) {
            vote.0 += 1;
            break;
        }
        if nf.has(Flags::SHE) {
            vote.1 += 1;
            break;
        }
        // "Lucy shook her head": a possessive "her" (before
        // a plain lower-case word on the same line) is hers.
        if nf.has(Flags::HER) && possessive_her(k) {
            vote.1 += 1;
            break;
        }
        // "Lucy looked at him": an object is someone else.
        if nf.has(Flags::OBJECT) {
            break;
        }
    }
    vote
}

/// How many words a run may have to be remembered by [`run_key`].
const RUN_KEY: usize = 4;

/// The ids of the words of `run` (a capitalised run of the whole text's
/// tokens), padded with [`NO_ID`]: the key of its cleaned name in
/// [`Names::collect`]. None for a run of more words, or one with a word
/// without its own id (whose text its id would not tell).
fn run_key(run: &[Tok]) -> Option<[Id; RUN_KEY]> {
    let mut key = [NO_ID; RUN_KEY];
    let mut slots = key.iter_mut();
    for t in run.iter().filter(|t| t.is_word()) {
        let id = t.id();
        if id == NO_ID {
            return None;
        }
        *slots.next()? = id;
    }
    Some(key)
}

/// How many tokens after a name [`gender_vote`] looks at for a pronoun.
const PRONOUN_REACH: usize = 12;

/// Whether token `t` is punctuation that ends the stretch after a name
/// where [`gender_vote`] looks for a pronoun (never a word). Told by its
/// code ([`Tok::is`]), not a char made of it: [`Names::collect`] asks it
/// of the token after every name.
fn ends_sentence(t: &Tok) -> bool {
    ['.', '!', '?', '"', '“', '”'].iter().any(|&c| t.is(c))
}

/// What [`Names::collect`] keeps for the runs it has not seen before
/// ([`new_run`]): the distinct names (by text) and their ids, each
/// key's slot (a name's words by their keys, all borrowed from the text
/// or the vocabulary), and scratch reused from run to run.
struct Fresh<'h> {
    distinct_ids: HashMap<Rc<str>, usize>,
    slot_of: HashMap<&'h str, usize>,
    buf: String,
    run_words: Vec<Described<'h>>,
    cleaned: Vec<&'h str>,
    keys: Vec<&'h str>,
}

/// The name of a run of tokens `run` not seen before (or none): cleaned
/// ([`clean_into`], by the flags and keys of its words in `vocab`), then
/// looked up, and described the first time ([`name_id`]). Apart from
/// [`Names::collect`]'s loop, where most runs repeat a known name:
/// the loop's code is smaller, and keeps its registers.
#[inline(never)]
fn new_run<'h>(
    hay: &'h str,
    vocab: &'h Vocab<'h>,
    run: &[Tok],
    fresh: &mut Fresh<'h>,
    distinct: &mut Vec<Distinct>,
) -> Option<usize> {
    clean_into(
        hay,
        run,
        |k, _| {
            run.get(k)
                .and_then(|t| vocab.word_of(t))
                .map_or((Flags::NONE, ""), |w| (w.flags, vocab.key_of(w)))
        },
        &mut fresh.run_words,
        &mut fresh.cleaned,
        &mut fresh.keys,
    );
    // Most runs repeat a known name: it is looked up, and only a new one
    // is described (its words, their lower case).
    (!fresh.cleaned.is_empty()).then(|| {
        name_id(
            &fresh.cleaned,
            &fresh.keys,
            &mut fresh.buf,
            distinct,
            &mut fresh.distinct_ids,
            &mut fresh.slot_of,
        )
    })
}

/// Remembers the name `found` of a run of several words by their ids
/// `k` ([`run_key`]): apart from [`Names::collect`]'s loop (a map's
/// insertion is much code, run once per distinct run).
#[inline(never)]
fn remember_run(
    run_names: &mut HashMap<[Id; RUN_KEY], Option<usize>>,
    k: [Id; RUN_KEY],
    found: Option<usize>,
) {
    run_names.insert(k, found);
}

/// Whether the sentence after a name's run ends before any word, among
/// `after` (the tokens from the second after the run; the first was
/// punctuation that ends no sentence: dialogue's “No,”): a walk of up to
/// [`PRONOUN_REACH`] tokens from the run's end, apart from
/// [`Names::collect`]'s loop.
#[inline(never)]
fn sentence_ends(after: &[Tok]) -> bool {
    after
        .iter()
        .take(PRONOUN_REACH - 1)
        .find(|n| n.is_word() || ends_sentence(n))
        .is_none_or(|n| !n.is_word())
}

/// The id of the name whose cleaned words are `cleaned` (joined in
/// `buf`), describing it in `distinct` the first time: its words' slots,
/// by their keys `keys` (`slot_of`, numbered as they come). Keys and names are
/// borrowed or shared, never copied: a new name costs one allocation
/// for its text and one for its slots.
#[inline(never)]
fn name_id<'h>(
    cleaned: &[&str],
    keys: &[&'h str],
    buf: &mut String,
    distinct: &mut Vec<Distinct>,
    distinct_ids: &mut HashMap<Rc<str>, usize>,
    slot_of: &mut HashMap<&'h str, usize>,
) -> usize {
    buf.clear();
    for (k, w) in cleaned.iter().enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        buf.push_str(w);
    }
    if let Some(&id) = distinct_ids.get(buf.as_str()) {
        return id;
    }
    let name = Name(Rc::from(buf.as_str()));
    let slots = keys
        .iter()
        .map(|&k| {
            let next = slot_of.len();
            *slot_of.entry(k).or_insert(next)
        })
        .collect();
    distinct_ids.insert(name.0.clone(), distinct.len());
    distinct.push(Distinct {
        words: name.split(' ').count(),
        name,
        slots,
        last_run: None,
        count: 0,
        last: 0,
        outside: false,
    });
    distinct.len() - 1
}

/// The names holding one word (a value of [`Names`]'s `by_word`).
#[derive(Debug)]
struct Holders {
    /// Its mentions: a range of [`Names`]'s `slot_seen`, which holds
    /// indexes into `seen`, in text order.
    seen: std::ops::Range<usize>,
    /// The fullest name holding it anywhere (the latest of the longest).
    fullest: Name,
    /// How many words `fullest` has: no name holding the word has more.
    words: usize,
}

/// A name seen in the article: where, and which distinct name (its text
/// and number of words kept once per name, in [`Names::forms`], not per
/// mention: dialogue names the same two people thousands of times).
#[derive(Clone, Copy, Debug)]
struct Seen {
    at: usize,
    /// The run's end (after its last word).
    end: usize,
    /// Which distinct name it is (an index into [`Names::forms`] and
    /// [`Names::traits`]).
    distinct: u32,
}

/// A distinct name of the article (a value of [`Names::forms`]).
#[derive(Debug)]
struct Form {
    name: Name,
    /// How many words `name` has (compared often when looking for the
    /// fullest name, so counted once).
    words: usize,
    /// Its last run that may give gender evidence (see [`Distinct`]).
    last_run: Option<usize>,
    /// Its (masculine, feminine) evidence, summed over its runs the
    /// first time it is asked ([`Names::votes_of`]): titles in its runs
    /// and the first personal pronoun after them. Most names' gender is
    /// never asked (only candidate speakers').
    votes: Cell<Option<(u32, u32)>>,
    /// Its [`Traits`] once asked.
    traits: Cell<Option<Traits>>,
}

/// A run of a name that may give gender evidence (a value of
/// [`Names::runs`]): its tokens, and the name's run before it. One list
/// for all names, each name's runs linked through it, rather than a
/// vector per name (an allocation for each, in an article of few
/// mentions).
#[derive(Clone, Copy, Debug)]
struct Run {
    start: usize,
    end: usize,
    before: Option<usize>,
}

/// What the rules ask of a distinct name while looking for a speaker
/// among the names before a line, found once per name the first time
/// (they depend on the whole text only): dialogue asks them of the same
/// few names on every line.
#[derive(Clone, Copy, Debug)]
struct Traits {
    /// [`Names::names_place`].
    place: bool,
    /// [`Names::gender`].
    gender: Option<Gender>,
}

/// Every capitalised name run of the article, cleaned of titles, with
/// role introductions.
#[derive(Debug)]
pub(crate) struct Names<'h> {
    /// The text's distinct words, described (kept for [`Names::clean`]).
    vocab: &'h Vocab<'h>,
    seen: Vec<Seen>,
    /// Each distinct name's text and number of words, by
    /// [`Seen::distinct`].
    forms: Vec<Form>,
    /// Indexes into `seen` of the names outside quotations (a name
    /// inside one is an addressee or someone talked about), in text
    /// order (the candidates for a speaker, without walking past the
    /// quoted ones each time).
    narrated: Vec<usize>,
    /// For each position of `narrated`, where the run of the same name
    /// ending there starts: dialogue names the same speaker line after
    /// line, and a walk back over such a run learns nothing new.
    run_start: Vec<usize>,
    /// Lower-case word → the names holding it.
    by_word: HashMap<&'h str, Holders>,
    /// The mentions of every word's holders, one list after another
    /// ([`Holders::seen`]): indexes into `seen`.
    slot_seen: Vec<usize>,
    /// Role noun → (position, name) introductions, in text order.
    roles: HashMap<&'h str, Vec<(usize, Name)>>,
    /// Name → how often it occurs and which distinct name it is (an
    /// index into `forms`). Keyed by the shared name (no copy per name).
    per_name: HashMap<Rc<str>, (usize, usize)>,
    /// The text and its tokens, for the gender evidence of a name.
    hay: &'h str,
    toks: &'h [Tok],
    /// The runs of names that may give gender evidence, in text order
    /// (each name's linked from its [`Form::last_run`]).
    runs: Vec<Run>,
    /// Words of names seen outside quotations.
    outside: HashSet<&'h str>,
    /// [`Names::is_name_word`] of each word of `vocab` (by id), once
    /// asked: dialogue asks it of the same few names on every line.
    name_words: Vec<Cell<Option<bool>>>,
    /// [`Names::clean`]'s scratch, kept from call to call (dialogue
    /// resolves a name on every line).
    clean_scratch: RefCell<Vec<Described<'h>>>,
    /// The last answer of [`Names::narrated_end`]: the resolver asks
    /// in text order, line after line in dialogue, so the next answer is
    /// most often this one or a step further, checked in a few steps
    /// instead of a binary search over all the narrated names.
    narrated_hint: Cell<usize>,
}

/// How many distinct names (and name words, and mentions) the tables of
/// [`Names::collect`] are first made for.
const START_NAMES: usize = 32;

/// How many occurrences of a word on each side of a mention are looked
/// at for its fullest name.
const FULLEST_REACH: usize = 64;

/// How many fitting names back a known speaker is preferred to the
/// nearest name.
const KNOWN_REACH: usize = 3;

/// How often a name must occur to be a character of the story even
/// before they speak.
const RECURRING: usize = 3;

/// Grammatical gender of a person, as far as the text tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

pub(crate) static MALE_TITLES: &WordList =
    &word_list!(&["father", "herr", "king", "lord", "mr", "prince", "sir", "uncle",]);
pub(crate) static FEMALE_TITLES: &WordList = &word_list!(&[
    "aunt", "frau", "lady", "madam", "miss", "mme", "mrs", "ms", "princess", "queen",
]);

/// Words after "her" that make it an object, not a possessive: adverb
/// particles and prepositions the stop list lacks ("helped her up").
pub(crate) static AFTER_OBJECT: &WordList = &word_list!(&[
    "about", "across", "against", "alone", "along", "away", "back", "down", "good", "how", "into",
    "off", "out", "over", "round", "through", "too", "towards", "up", "upon", "very",
]);

/// [`Names::clean`] into `out`, borrowing the words from `hay`, with the
/// flags and key of token `k` (word `w`) from `info(k, w)` (the [`Vocab`]
/// while collecting names: each distinct word is described once) and
/// `words` for scratch (the words are filtered in place): collecting
/// names reuses both from run to run, resolving reuses the scratch.
/// `keys` gets the key of each word of `out` (its lower case: the word
/// is its token without a possessive, the key drops the same).
#[inline(never)]
fn clean_into<'h>(
    hay: &'h str,
    toks: &[Tok],
    info: impl Fn(usize, &str) -> (Flags, &'h str),
    words: &mut Vec<Described<'h>>,
    out: &mut Vec<&'h str>,
    keys: &mut Vec<&'h str>,
) {
    words.clear();
    words.extend(
        toks.iter()
            .enumerate()
            .filter(|(_, t)| t.is_word())
            .map(|(k, t)| {
                let w = t.span.text(hay);
                let (f, key) = info(k, w);
                (w, f, key)
            }),
    );
    // Keep what follows the last title or role word, unless the run names
    // an organisation ("Foreign Office", "Defense Department").
    let org = words.iter().any(|(_, f, _)| f.has(Flags::ORG));
    let after_title = if org {
        0
    } else {
        words
            .iter()
            .rposition(|(_, f, _)| f.has(Flags::TITLE))
            .map_or(0, |i| i + 1)
    };
    let lead = words
        .iter()
        .skip(after_title)
        .take_while(|(_, f, _)| f.has(Flags::STOP) || f.has(Flags::DETERMINER))
        .count();
    words.drain(..after_title + lead);
    words.retain(|(_, f, _)| !f.has(Flags::ISSUE));
    let rest = &*words;
    let capitalized = |f: &Flags| f.has(Flags::CAPITALIZED);
    // The name is the first run of capitalised words: "the harbour
    // master, Ingrid Holm" → "Ingrid Holm", "Jeb Bush of Florida" → "Jeb
    // Bush". A phrase without capitals ("officials") stays as it is.
    let (first, len) = match rest.iter().position(|(_, f, _)| capitalized(f)) {
        Some(first) => {
            let len = rest
                .iter()
                .enumerate()
                .skip(first)
                .take_while(|&(k, (_, f, _))| {
                    capitalized(f)
                        || f.has(Flags::PARTICLE)
                            && rest.get(k + 1).is_some_and(|(_, n, _)| capitalized(n))
                })
                .count();
            (first, len)
        }
        None => (0, rest.len()),
    };
    out.clear();
    out.extend(rest.iter().skip(first).take(len).map(|&(w, _, _)| {
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w)
    }));
    keys.clear();
    keys.extend(rest.iter().skip(first).take(len).map(|&(_, _, k)| k));
}

/// A word of a run being cleaned: as written, its flags, its key.
type Described<'h> = (&'h str, Flags, &'h str);

/// Whether the gap `from..to` of `hay` between two tokens holds a blank
/// line (two line breaks). A byte scan of the bytes (the tokens' bounds
/// are char boundaries: no `str` slice and its checks), and none for a
/// gap of one byte, most of them (one space).
fn two_line_breaks(hay: &str, from: usize, to: usize) -> bool {
    to > from + 1
        && hay
            .as_bytes()
            .get(from..to)
            .is_some_and(|gap| gap.iter().filter(|&&b| b == b'\n').nth(1).is_some())
}

/// Whether a (lower-case) word is a title or role, not part of a name.
pub(crate) fn is_title_word(k: &str) -> bool {
    has(lexicon::TITLES, k) || has(lexicon::ROLES, k) || is_role_compound(k)
}

/// Whether `k` (lower-case key) is a German role compound
/// ("bundeskanzlerin").
pub(crate) fn is_role_compound(k: &str) -> bool {
    k.len() > 4 && has_role_ending(k)
}

/// `lexicon::DE_ROLE_ENDINGS.any_suffix_of(k)`, asked of every distinct
/// word of a text: most words are ruled out by their last three bytes,
/// one bit of [`ROLE_TAILS`]; the rest are compared with the few endings
/// that end in the same three bytes ([`ROLE_BY_TAIL`]), not all forty
/// (the walk over them was 2 % of analysing an article: English words in
/// "-ter" and "-ner" pass the bit).
pub(crate) fn has_role_ending(k: &str) -> bool {
    let k = k.as_bytes();
    let Some(h) = tail_hash(k).filter(|&h| ROLE_TAILS >> h & 1 == 1) else {
        return false;
    };
    let (starts, order) = &ROLE_BY_TAIL;
    let h = h as usize;
    let run = match (starts.get(h), starts.get(h + 1)) {
        (Some(&from), Some(&to)) => order.get(usize::from(from)..usize::from(to)),
        _ => None,
    };
    run.unwrap_or_default().iter().any(|&e| {
        lexicon::DE_ROLE_ENDINGS
            .get(usize::from(e))
            .is_some_and(|e| k.ends_with(e))
    })
}

/// The indices of [`lexicon::DE_ROLE_ENDINGS`] ordered by [`tail_hash`],
/// and where each hash's run starts among them (hash `h`'s endings are
/// `order[starts[h]..starts[h + 1]]`): a counting sort by the compiler.
#[allow(clippy::indexing_slicing)]
const ROLE_BY_TAIL: ([u8; 129], [u8; ROLE_ENDINGS]) = {
    let words = lexicon::DE_ROLE_ENDING_WORDS;
    let mut starts = [0u8; 129];
    let mut i = 0;
    while i < words.len() {
        if let Some(h) = tail_hash(words[i].as_bytes()) {
            starts[h as usize + 1] += 1;
        }
        i += 1;
    }
    let mut h = 0;
    while h < 128 {
        starts[h + 1] += starts[h];
        h += 1;
    }
    let mut order = [0u8; ROLE_ENDINGS];
    let mut next = starts;
    let mut i = 0;
    while i < words.len() {
        if let Some(h) = tail_hash(words[i].as_bytes()) {
            order[next[h as usize] as usize] = i as u8;
            next[h as usize] += 1;
        }
        i += 1;
    }
    assert!(
        starts[128] as usize == ROLE_ENDINGS,
        "every role ending has a tail"
    );
    (starts, order)
};

/// How many role endings there are (at most 255: indices are bytes).
const ROLE_ENDINGS: usize = lexicon::DE_ROLE_ENDING_WORDS.len();
const _: () = assert!(ROLE_ENDINGS < 256);

/// The [`tail_hash`]es of [`lexicon::DE_ROLE_ENDINGS`], as bits: a word
/// ending in one of them has its bit set. Computed by the compiler (no
/// table to build or sort at run time).
const ROLE_TAILS: u128 = {
    let mut bits = 0u128;
    let mut rest = lexicon::DE_ROLE_ENDING_WORDS;
    while let [e, tail @ ..] = rest {
        if let Some(h) = tail_hash(e.as_bytes()) {
            bits |= 1 << h;
        }
        rest = tail;
    }
    bits
};

/// A hash below 128 of the last three bytes of a word (none for a
/// shorter one; every role ending has three).
const fn tail_hash(b: &[u8]) -> Option<u32> {
    match b {
        [.., x, y, z] => Some((*x as u32 * 31 * 31 + *y as u32 * 31 + *z as u32) % 127),
        _ => None,
    }
}

impl<'h> Names<'h> {
    /// Collects the names of `hay` in one pass.
    ///
    /// `quoted` are the contents of the top-level quotations, sorted:
    /// names there are recorded but never offered as speakers.
    #[inline(never)]
    pub(crate) fn collect(hay: &'h str, doc: &'h Lexed<'h>, quoted: &[Span]) -> Names<'h> {
        let vocab = doc.vocab();
        let toks = doc.all();
        let mut names = Names {
            vocab,
            seen: Vec::new(),
            forms: Vec::new(),
            narrated: Vec::new(),
            run_start: Vec::new(),
            by_word: HashMap::default(),
            slot_seen: Vec::new(),
            roles: HashMap::default(),
            per_name: HashMap::default(),
            hay,
            toks,
            runs: Vec::new(),
            outside: HashSet::default(),
            name_words: Vec::new(),
            clean_scratch: RefCell::default(),
            narrated_hint: Cell::new(0),
        };
        // Each distinct word was described once, as it was lexed;
        // `toks[i].id` is token i's word.
        let id = |i: usize| toks.get(i).map_or(NO_ID, Tok::id);
        let word = |i: usize| {
            Some(id(i))
                .filter(|&id| id != NO_ID)
                .and_then(|id| vocab.word(id))
        };
        let key = |i: usize| word(i).map_or("", |w| vocab.key_of(w));
        // Whether token i is an abbreviation a dot may follow. A
        // punctuation token is asked too ("." itself counts, as before).
        let abbrev_tok = |t: &Tok| match vocab.word_of(t) {
            Some(w) => w.flags.has(Flags::ABBREV),
            None => is_abbrev(t.span.text(hay)),
        };
        let abbrev = |i: usize| toks.get(i).is_some_and(abbrev_tok);
        // The flags of a token in hand (not looked up again by index).
        let tflags = |t: &Tok| vocab.word_of(t).map_or(Flags::NONE, |w| w.flags);
        // Words the text also writes in lower case: capitalised at a
        // sentence start they are ordinary words ("Give Tony …"), not
        // names.
        let key_in_lower = vocab.keys_written_lower();
        // (The last id may be shared: asked afresh.)
        let in_lower = |i: usize| {
            Some(id(i))
                .filter(|&id| id != NO_ID)
                .and_then(|id| key_in_lower.get(usize::try_from(id).ok()?).copied())
                .unwrap_or_else(|| vocab.written_lower(key(i)))
        };
        // The distinct names (by text) and their ids, and each
        // lower-case word's slot (its list of `by_word`). Made at a size that holds the names of a short article, so
        // that one is collected without growing them step by step (an
        // analysis of a 3 KB article is mostly such fixed costs).
        let mut distinct: Vec<Distinct> = Vec::with_capacity(START_NAMES);
        let mut fresh = Fresh {
            distinct_ids: HashMap::with_capacity_and_hasher(START_NAMES, Default::default()),
            slot_of: HashMap::with_capacity_and_hasher(START_NAMES, Default::default()),
            buf: String::new(),
            run_words: Vec::new(),
            cleaned: Vec::new(),
            keys: Vec::new(),
        };
        names.seen.reserve(START_NAMES);
        let mut single_name: Vec<Option<Option<usize>>> = vec![None; vocab.len()];
        let mut run_names: HashMap<[Id; RUN_KEY], Option<usize>> = HashMap::default();
        let mut qi = 0usize;
        let mut i = 0;
        while i < toks.len() {
            // To the next capitalised word that is no stop word: a walk
            // over the tokens that asks each one's word by its id (a
            // punctuation token's is none), most of the tokens of a text.
            // (The word's flags are kept, not looked up again.)
            let Some((skip, f)) = toks.get(i..).and_then(|rest| {
                rest.iter().enumerate().find_map(|(k, t)| {
                    // (Punctuation, most of dialogue's tokens, is passed
                    // on its code alone.)
                    if !t.is_word() {
                        return None;
                    }
                    let f = vocab.word(t.id()).map_or(Flags::NONE, |w| w.flags);
                    (f.has(Flags::CAPITALIZED) && !f.has(Flags::STOP)).then_some((k, f))
                })
            }) else {
                break;
            };
            i += skip;
            let Some(t) = toks.get(i) else { break };
            // (The punctuation before is asked first: it decides most
            // often, as in dialogue's “Yes, without reading the gap.)
            let before = i.checked_sub(1).and_then(|p| toks.get(p));
            let sentence_start = before.is_none_or(|p| {
                ['.', '!', '?', '"', '“', '”', '‘', '\n', ':', '—']
                    .iter()
                    .any(|&c| p.is(c))
                    && !(p.is('.') && i.checked_sub(2).is_some_and(abbrev))
                    || two_line_breaks(hay, p.span.end, t.span.start)
            });
            if sentence_start && in_lower(i) && !f.has(Flags::TITLE) {
                i += 1;
                continue;
            }
            // "spokesman John Kirby": a role noun just before the run
            // (told from the token in hand: most often punctuation).
            // (A word's id is in the vocabulary: `NO_ID` is past its end.)
            let role_before = before.is_some_and(|p| {
                p.is_word() && vocab.word(p.id()).is_some_and(|w| w.flags.has(Flags::ROLE))
            });
            // A run of capitalised words, abbreviation dots after titles,
            // and particles.
            let start = i;
            let mut end = i + 1;
            // The flags of the run's last word so far, and its last role
            // word ("Defense Minister"), kept as the run grows: the
            // words are not asked again (dialogue names a speaker on
            // every line).
            let mut last_flags = f;
            // All the run's words' flags (for its titles).
            let mut run_flags = f;
            let mut inner = f.has(Flags::ROLE).then_some(start);
            // The run's last token so far.
            let mut prev = t;
            while let Some(n) = toks.get(end) {
                let nf = tflags(n);
                let ok = if n.is_word() {
                    (nf.has(Flags::CAPITALIZED) && !nf.has(Flags::STOP)) || nf.has(Flags::PARTICLE)
                } else {
                    n.is('.') && abbrev_tok(prev)
                };
                // A blank line ends a name; a single line break may be a
                // hard wrap ("Newland\nArcher"). A possessive ends it too
                // ("Brenda's Guinevere" is two names). (The gap is read
                // only for a token that would continue the run: most
                // runs end at punctuation.)
                if !ok
                    || last_flags.has(Flags::POSSESSIVE)
                    || two_line_breaks(hay, prev.span.end, n.span.start)
                {
                    break;
                }
                if nf.has(Flags::ROLE) {
                    inner = Some(end);
                }
                last_flags = nf;
                run_flags = run_flags | nf;
                prev = n;
                end += 1;
            }
            let run = || toks.get(start..end).unwrap_or(&[]);
            // A one-word run cleans the same wherever it occurs (dialogue
            // names its speakers line after line): its name, or none, is
            // remembered by the word's id. (The last id may be shared.)
            let single = Some(t.id())
                .filter(|&id| end == start + 1 && id != NO_ID)
                .and_then(|id| usize::try_from(id).ok());
            // A longer run too, of up to four words, by their ids
            // (cleaning reads only its words, and an id is one spelling):
            // an article names the same "Prime Minister Rishi Sunak"
            // again and again. The ids are the key itself, padded with
            // `NO_ID` (no allocation per run).
            let several = match single {
                Some(_) => None,
                None if end > start + 1 => run_key(run()),
                None => None,
            };
            let known = match single {
                Some(w) => single_name.get(w).copied().flatten(),
                None => several.and_then(|k| run_names.get(&k).copied()),
            };
            let found = match known {
                Some(found) => found,
                None => {
                    let found = new_run(hay, vocab, run(), &mut fresh, &mut distinct);
                    if let Some(slot) = single.and_then(|w| single_name.get_mut(w)) {
                        *slot = Some(found);
                    }
                    if let Some(k) = several {
                        remember_run(&mut run_names, k, found);
                    }
                    found
                }
            };
            if let Some(id) = found {
                let Some(d) = distinct.get_mut(id) else { break };
                let idx = names.seen.len();
                d.last = idx;
                // "spokesman John Kirby": a role noun just before the run,
                // or the last role word inside it ("Defense Minister").
                // (Rarely either: asked without building a list of them.)
                if role_before || inner.is_some() {
                    let role = start.checked_sub(1).filter(|_| role_before);
                    for r in role.into_iter().chain(inner) {
                        names
                            .roles
                            .entry(key(r))
                            .or_default()
                            .push((t.span.start, d.name.clone()));
                    }
                }
                // The run is kept for the name's gender evidence
                // ([`Names::votes_of`]) unless it can have none: no title
                // in it, and its sentence ends after it before any word,
                // where the walk for a pronoun stops with nothing
                // (dialogue's “Yes.”, “No,” and “said Bo.”; punctuation
                // has no flags). The token that ended the run tells most
                // often.
                let ends = match toks.get(end) {
                    Some(n) if n.is_word() => false,
                    Some(n) if ends_sentence(n) => true,
                    Some(_) => sentence_ends(toks.get(end + 1..).unwrap_or_default()),
                    None => true,
                };
                let titled = run_flags.has(Flags::MALE_TITLE | Flags::FEMALE_TITLE);
                let votes = !ends || titled;
                while quoted.get(qi).is_some_and(|q| q.end <= t.span.start) {
                    qi += 1;
                }
                let in_quote = quoted.get(qi).is_some_and(|q| q.start <= t.span.start);
                if votes {
                    names.runs.push(Run {
                        start,
                        end,
                        before: d.last_run,
                    });
                    d.last_run = Some(names.runs.len() - 1);
                }
                d.count += 1;
                d.outside |= !in_quote;
                if !in_quote {
                    names.narrated.push(idx);
                }
                names.seen.push(Seen {
                    at: t.span.start,
                    end: prev.span.end,
                    distinct: u32::try_from(id).unwrap_or(u32::MAX),
                });
            }
            i = end.max(i + 1);
        }
        names.index(distinct, fresh.slot_of);
        names
    }

    /// The lookups built from the walk of [`Names::collect`]: where the
    /// narrated mentions of one name start, each word's mentions and its
    /// fullest name, and the per-name figures.
    ///
    /// A function of its own, not inlined: run once per text, and the
    /// walk before it is the largest function of the module. Together
    /// they were one 12.7 KB function of the wasm, whose optimizing
    /// compile in V8 took 9 MB of compiler memory, the largest share of
    /// `analyze()`'s peak memory on 1 MB (BENCHMARKS.md, "Memory").
    #[inline(never)]
    fn index(&mut self, distinct: Vec<Distinct>, slot_of: HashMap<&'h str, usize>) {
        let names = self;
        let vocab = names.vocab;
        // (A name's text and its distinct id go together: the ids are
        // compared, not the text.)
        let mut prev: Option<u32> = None;
        let mut start = 0;
        names.run_start = Vec::with_capacity(names.narrated.len());
        for (p, &i) in names.narrated.iter().enumerate() {
            let n = names.seen.get(i).map(|s| s.distinct);
            if n != prev {
                start = p;
                prev = n;
            }
            names.run_start.push(start);
        }
        names.name_words = vec![Cell::new(None); vocab.len()];
        // Each slot's list of mentions (indexes into `seen`), a range of
        // one flat list, sized from its names' counts and filled by a
        // counting sort: one list per slot, each pushed to, cost about
        // 40 instructions a mention (on dialogue, most of the names'
        // post-pass), and lists grown step by step cost more.
        let slots = slot_of.len();
        // First each slot's size, then (summed) where its list starts,
        // then the next free place in it as it is filled.
        let mut next = vec![0usize; slots];
        for d in &distinct {
            for &s in &d.slots {
                if let Some(n) = next.get_mut(s) {
                    *n += d.count;
                }
            }
        }
        let mut total = 0usize;
        for n in &mut next {
            let size = *n;
            *n = total;
            total += size;
        }
        let starts = next.clone();
        let mut flat = vec![0usize; total];
        for (idx, s) in names.seen.iter().enumerate() {
            let d = distinct.get(usize::try_from(s.distinct).unwrap_or(usize::MAX));
            for &s in d.map_or(&[][..], |d| &d.slots) {
                if let Some(at) = next.get_mut(s) {
                    if let Some(to) = flat.get_mut(*at) {
                        *to = idx;
                    }
                    *at += 1;
                }
            }
        }
        // Each slot's key (the words of a name by their slots).
        let mut slot_keys = vec![""; slots];
        for (&k, &s) in &slot_of {
            if let Some(slot) = slot_keys.get_mut(s) {
                *slot = k;
            }
        }
        // The fullest name holding each word (the latest of the longest),
        // found among the distinct names holding it by their last
        // mentions, not among all their mentions.
        let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; slots];
        for (k, d) in distinct.iter().enumerate() {
            let at = names.seen.get(d.last).map_or(0, |s| s.at);
            for &s in &d.slots {
                if let Some(b) = best.get_mut(s) {
                    if b.is_none_or(|(words, last, _)| (d.words, at) > (words, last)) {
                        *b = Some((d.words, at, k));
                    }
                }
            }
        }
        names.by_word.reserve(slot_of.len());
        for (w, s) in slot_of {
            let (Some(&from), Some(&to)) = (starts.get(s), next.get(s)) else {
                continue;
            };
            let list = from..to;
            let best = best.get(s).copied().flatten();
            if let Some((words, _, d)) = best {
                let Some(fullest) = distinct.get(d).map(|d| d.name.clone()) else {
                    continue;
                };
                names.by_word.insert(
                    w,
                    Holders {
                        seen: list,
                        fullest,
                        words,
                    },
                );
            }
        }
        names.slot_seen = flat;
        // Per distinct name: its count, gender evidence and words.
        names.per_name.reserve(distinct.len());
        for (k, d) in distinct.iter().enumerate() {
            names.per_name.insert(d.name.0.clone(), (d.count, k));
            if d.outside {
                names
                    .outside
                    .extend(d.slots.iter().filter_map(|&s| slot_keys.get(s).copied()));
            }
        }
        names.forms = distinct
            .into_iter()
            .map(|d| Form {
                name: d.name,
                words: d.words,
                last_run: d.last_run,
                votes: Cell::new(None),
                traits: Cell::new(None),
            })
            .collect();
    }

    /// The text of the name seen as `s`.
    fn name_of(&self, s: &Seen) -> &str {
        self.form(s).map_or("", |f| f.name.as_str())
    }

    /// How many words the name seen as `s` has.
    fn words_of(&self, s: &Seen) -> usize {
        self.form(s).map_or(0, |f| f.words)
    }

    fn form(&self, s: &Seen) -> Option<&Form> {
        self.forms.get(usize::try_from(s.distinct).ok()?)
    }

    /// The [`Traits`] of the name `s`, found the first time.
    fn traits(&self, s: &Seen) -> Traits {
        let slot = self.form(s).map(|f| &f.traits);
        if let Some(known) = slot.and_then(Cell::get) {
            return known;
        }
        let t = Traits {
            place: self.names_place(self.name_of(s)),
            gender: self.gender(self.name_of(s)),
        };
        if let Some(slot) = slot {
            slot.set(Some(t));
        }
        t
    }

    /// The words of a capitalised run as a cleaned name: titles, roles and
    /// leading stop words dropped ("British Defense Minister Grant Shapps"
    /// → "Grant Shapps"; "Mr. Burr" → "Burr"). The text's words are
    /// described already; any other is described now.
    #[inline(never)]
    pub(crate) fn clean(&self, hay: &'h str, toks: &[Tok]) -> Vec<&'h str> {
        let mut out = Vec::new();
        let mut scratch = self.clean_scratch.take();
        // A token of the whole text is described by its id, without
        // hashing its text (dialogue cleans a name on every line);
        // resolving needs no keys.
        let info = |k: usize, w: &str| {
            let known = toks
                .get(k)
                .filter(|t| t.id() != NO_ID)
                .and_then(|t| self.vocab.word(t.id()));
            (known.map_or_else(|| self.flags(w), |d| d.flags), "")
        };
        clean_into(hay, toks, info, &mut scratch, &mut out, &mut Vec::new());
        self.clean_scratch.replace(scratch);
        out
    }

    /// What word `w` (as written) is: from the text's vocabulary, or
    /// described now for a word the text does not have.
    pub(crate) fn flags(&self, w: &str) -> Flags {
        self.vocab
            .flags_of(w)
            .unwrap_or_else(|| vocab::describe(w).1)
    }

    /// The form of a name the text uses: a full name given once, whose
    /// surname never stands alone, yields to the first name ("Brenda Rex"
    /// → "Brenda").
    pub(crate) fn usual(&self, name: &str) -> String {
        let count = |n: &str| self.occurrences(n);
        match name.split_once(' ') {
            Some((first, rest)) if count(name) <= 1 && count(first) >= 3 && count(rest) == 0 => {
                first.to_owned()
            }
            _ => name.to_owned(),
        }
    }

    /// The nearest fuller name ending in the single name `word` whose
    /// other words are names too: "Wren Bird" for "Bird", never "Little
    /// Bird" (the text writes "little" in lower case). Looks at a bounded
    /// stretch around `at`: the most frequent such name, the nearest
    /// before `at` among equals.
    pub(crate) fn fullest_proper(&self, word: &str, at: usize) -> Option<&str> {
        let idxs = self.mentions(self.by_word.get(words::lower(word).as_str())?);
        let k = idxs.partition_point(|&i| self.seen.get(i).is_some_and(|s| s.at < at));
        let proper = |&&i: &&usize| {
            self.seen.get(i).filter(|s| {
                self.words_of(s) > 1
                    && self
                        .name_of(s)
                        .strip_suffix(word)
                        .and_then(|h| h.strip_suffix(' '))
                        .is_some_and(|h| h.split(' ').all(|w| !self.is_common(w)))
            })
        };
        let before = idxs.get(k.saturating_sub(FULLEST_REACH)..k).unwrap_or(&[]);
        let after = idxs
            .get(k..(k + FULLEST_REACH).min(idxs.len()))
            .unwrap_or(&[]);
        // The most frequent of them ("Wren Bird", not a "Brave Bird"
        // said once), the nearest among equals.
        let mut best: Option<(&Seen, usize)> = None;
        for s in before
            .iter()
            .rev()
            .chain(after.iter())
            .filter_map(|i| proper(&i))
        {
            let n = self.occurrences(self.name_of(s));
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((s, n));
            }
        }
        best.map(|(s, _)| self.name_of(s))
    }

    /// Whether the text also writes `word` in lower case (a common noun
    /// or adjective: "bird", "little").
    pub(crate) fn is_common(&self, word: &str) -> bool {
        self.vocab.written_lower(words::lower(word).as_str())
    }

    /// How often `name` occurs outside quotations.
    pub(crate) fn occurrences(&self, name: &str) -> usize {
        self.per_name.get(name).map_or(0, |&(count, _)| count)
    }

    /// [`is_abbrev`] of token `t`, from the description of its word: by
    /// its id, else one hash look-up of the word as written (no
    /// lower-casing).
    pub(crate) fn is_abbrev(&self, hay: &str, t: &Tok) -> bool {
        let word = t.span.text(hay);
        self.id_of(word, t)
            .and_then(|id| self.vocab.word(id))
            .map_or_else(|| is_abbrev(word), |w| w.flags.has(Flags::ABBREV))
    }

    /// The id of token `t` (word `word`) in the text's vocabulary: its
    /// own, given by the lexer, else found by its text (a token lexed
    /// on its own).
    fn id_of(&self, word: &str, t: &Tok) -> Option<Id> {
        if t.id() != NO_ID {
            Some(t.id())
        } else {
            self.vocab.id(word)
        }
    }

    /// Whether a capitalised word is a name of the text: part of a name
    /// run and never written in lower case.
    pub(crate) fn is_name_word(&self, hay: &str, t: &Tok) -> bool {
        // The token's text is sliced only when it is needed (no id of its
        // own, or a cache miss): the slice's char-boundary checks cost
        // more than the cache look-up on a hit.
        let id = if t.id() != NO_ID {
            Some(t.id())
        } else {
            self.vocab.id(t.span.text(hay))
        };
        let cached = id
            // The last id may be shared (past `NO_ID` words): not cached.
            .filter(|&id| id != NO_ID)
            .and_then(|id| self.name_words.get(usize::try_from(id).ok()?));
        if let Some(known) = cached.and_then(Cell::get) {
            return known;
        }
        let is = self.find_name_word(t.span.text(hay));
        if let Some(cell) = cached {
            cell.set(Some(is));
        }
        is
    }

    /// [`Names::is_name_word`], decided.
    fn find_name_word(&self, word: &str) -> bool {
        let k = words::lower(word);
        let k = k.as_str();
        self.outside.contains(k)
            && !self.vocab.written_lower(k)
            && !is_title_word(k)
            && !is_stop(k)
            && !k.starts_with("i'")
            && !k.starts_with("i’")
            && !has(&["ah", "dear", "no", "oh", "well", "yes"], k)
    }

    /// The fullest name holding `word` (a surname, or a first name in
    /// fiction), preferring names seen before `at`, the latest of them.
    pub(crate) fn fullest(&self, word: &str, at: usize) -> Option<&str> {
        let holders = self.by_word.get(words::lower(word).as_str())?;
        self.fullest_of(holders, at)
    }

    /// The mentions of the names holding one word: indexes into `seen`,
    /// in text order.
    fn mentions(&self, holders: &Holders) -> &[usize] {
        self.slot_seen.get(holders.seen.clone()).unwrap_or_default()
    }

    /// [`Names::fullest`] among the names holding one word.
    fn fullest_of<'s>(&'s self, holders: &'s Holders, at: usize) -> Option<&'s str> {
        let idxs = self.mentions(holders);
        // Occurrences are in text order: look at a bounded stretch on
        // each side of `at` (linear time on long texts).
        let k = idxs.partition_point(|&i| self.seen.get(i).is_some_and(|s| s.at < at));
        let near = idxs
            .get(k.saturating_sub(FULLEST_REACH)..(k + FULLEST_REACH).min(idxs.len()))
            .unwrap_or(&[]);
        let (before, after) = near.split_at(k.min(FULLEST_REACH).min(near.len()));
        let seen = |&i: &usize| self.seen.get(i);
        // The longest names are often near (always, when a text uses one
        // form): the first of them found walking away from `at` is the
        // answer, without looking at the rest of the stretch.
        // The fullest name of the whole text has the most words.
        let longest = Some(holders.words);
        let latest_before = || {
            before
                .iter()
                .rev()
                .filter_map(seen)
                .find(|s| Some(self.words_of(s)) == longest)
                .or_else(|| {
                    before
                        .iter()
                        .filter_map(seen)
                        .max_by_key(|s| (self.words_of(s), s.at))
                })
        };
        let first_after = || {
            after
                .iter()
                .filter_map(seen)
                .find(|s| Some(self.words_of(s)) == longest)
                .or_else(|| {
                    after
                        .iter()
                        .filter_map(seen)
                        .max_by_key(|s| (self.words_of(s), usize::MAX - s.at))
                })
        };
        latest_before()
            .or_else(first_after)
            .map(|s| self.name_of(s))
    }

    /// Extends a cleaned name to the fullest form seen: ["Kirby"] →
    /// "John Kirby", ["Kim"] → "Kim Jong Un".
    pub(crate) fn canonical(&self, cleaned: &[&str], at: usize) -> Option<String> {
        let last = cleaned.last()?;
        let joined = match cleaned {
            [one] => (*one).to_owned(),
            _ => cleaned.join(" "),
        };
        // Only a name with more words can be fuller: when none holds the
        // last word (dialogue repeats the same short names), the one
        // nearest `at` need not be looked for.
        let holders = self
            .by_word
            .get(words::lower(last).as_str())
            .filter(|h| h.words > cleaned.len());
        match holders.and_then(|h| self.fullest_of(h, at)) {
            Some(full)
                if full.split(' ').count() > cleaned.len()
                    && full.contains(joined.as_str())
                    && !self.common_tail(full, &joined) =>
            {
                Some(full.to_owned())
            }
            _ => Some(joined),
        }
    }

    /// Whether [`Names::canonical`] of `cleaned` is the same wherever it
    /// is asked: no name of the text holding its last word has more
    /// words, so it is the words joined (or none, for no words). The
    /// resolver then keeps its answer for the mention's text.
    pub(crate) fn canonical_anywhere(&self, cleaned: &[&str]) -> bool {
        cleaned.last().is_none_or(|last| {
            self.by_word
                .get(words::lower(last).as_str())
                .is_none_or(|h| h.words <= cleaned.len())
        })
    }

    /// Whether `full` only adds words after `name` that the text also
    /// writes in lower case: "Pooh Bear", "Tony Last" are not the
    /// fuller forms of "Pooh" and "Tony" but a name and a common noun.
    fn common_tail(&self, full: &str, name: &str) -> bool {
        full.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|tail| {
                // Particles are lower case in names too ("Regierung von
                // Tarland").
                tail.split(' ')
                    .filter(|w| !has(PARTICLES, w))
                    .any(|w| self.vocab.written_lower(words::lower(w).as_str()))
            })
    }

    /// The person introduced with role noun `role` most recently before
    /// `at` (or else first after it).
    pub(crate) fn by_role(&self, role: &str, at: usize) -> Option<&str> {
        let list = self.roles.get(role)?;
        list.iter()
            .rev()
            .find(|(p, _)| *p < at)
            .or_else(|| list.first())
            .map(|(_, n)| n.as_str())
    }

    /// The gender the text gives `name` (or any longer name holding its
    /// last word), if the evidence leans one way.
    pub(crate) fn gender(&self, name: &str) -> Option<Gender> {
        let mut votes = self.votes(name);
        if let Some(full) = name
            .split(' ')
            .next_back()
            .and_then(|w| self.by_word.get(words::lower(w).as_str()))
            .map(|h| h.fullest.as_str())
        {
            // A fuller name only speaks for one with no evidence of its
            // own (not "Edgar Pell" for "Marian Pell").
            if full != name && votes == (0, 0) {
                let v = self.votes(full);
                votes.0 += v.0;
                votes.1 += v.1;
            }
        }
        // A full name with no evidence takes its first name's ("Brenda
        // Rex" from "Brenda … she").
        if votes == (0, 0) {
            if let Some((first, _)) = name.split_once(' ') {
                votes = self.votes(first);
            }
        }
        match votes {
            (m, f) if m > f => Some(Gender::Male),
            (m, f) if f > m => Some(Gender::Female),
            _ => None,
        }
    }

    /// The (masculine, feminine) evidence for exactly `name`: titles in
    /// its runs and pronouns after them.
    fn votes(&self, name: &str) -> (u32, u32) {
        self.per_name
            .get(name)
            .map(|&(_, d)| self.votes_of(d))
            .unwrap_or_default()
    }

    /// The (masculine, feminine) evidence of distinct name `d`, summed
    /// over its runs the first time.
    fn votes_of(&self, d: usize) -> (u32, u32) {
        let Some(form) = self.forms.get(d) else {
            return (0, 0);
        };
        if let Some(known) = form.votes.get() {
            return known;
        }
        let (vocab, toks) = (self.vocab, self.toks);
        let flags = |i: usize| {
            toks.get(i)
                .and_then(|t| vocab.word_of(t))
                .map_or(Flags::NONE, |w| w.flags)
        };
        let mut votes = (0u32, 0u32);
        // (Each run is walked once: the sum is kept.)
        let mut next = form.last_run;
        while let Some(run) = next.and_then(|r| self.runs.get(r)) {
            let v = gender_vote(self.hay, toks, run.start..run.end, flags);
            votes.0 += v.0;
            votes.1 += v.1;
            next = run.before;
        }
        form.votes.set(Some(votes));
        votes
    }

    /// The names seen before `at` outside quotations, nearest first (the
    /// candidates for a speaker; callers bound how far they look).
    fn narrated_before(&self, at: usize) -> impl Iterator<Item = &Seen> + Clone + use<'_, 'h> {
        let k = self.narrated_end(at);
        self.narrated
            .get(..k)
            .unwrap_or(&[])
            .iter()
            .rev()
            .filter_map(|&i| self.seen.get(i))
    }

    /// How many of the names outside quotations are seen before `at`.
    fn narrated_end(&self, at: usize) -> usize {
        // Whether narrated name k is before `at` (the predicate is true
        // on a prefix of `narrated`, which is in text order).
        let before = |k: usize| {
            self.narrated
                .get(k)
                .and_then(|&i| self.seen.get(i))
                .is_some_and(|s| s.at < at)
        };
        // The answer is h exactly when name h-1 is before `at` and name
        // h is not: tried at the last answer and the next few (asked in
        // text order), else found by the binary search. (Each name is
        // asked once: past the hint, the first not before `at`.)
        let hint = self.narrated_hint.get();
        let near = (hint == 0 || before(hint - 1))
            .then(|| (hint..hint.saturating_add(4)).find(|&h| !before(h)))
            .flatten();
        let end = near.unwrap_or_else(|| {
            self.narrated
                .partition_point(|&i| self.seen.get(i).is_some_and(|s| s.at < at))
        });
        self.narrated_hint.set(end);
        end
    }

    /// The nearest name before `at` whose gender fits (for "he said" in
    /// fiction, where the pronoun points at the character just named).
    pub(crate) fn nearest_of_gender(
        &self,
        at: usize,
        gender: Gender,
        skip: &[&str],
        known: &dyn Fn(&str) -> bool,
    ) -> Option<&str> {
        let recent = self
            .narrated_before(at)
            .take(40)
            // A name in capitals only is a heading ("THE THEFT").
            .filter(|s| self.name_of(s).chars().any(char::is_lowercase))
            .filter(|s| !skip.contains(&self.name_of(s)) && self.traits(s).gender == Some(gender))
            .map(|s| self.name_of(s));
        // A character who has spoken before, else the nearest name.
        recent
            .clone()
            .take(KNOWN_REACH)
            .find(|n| known(n))
            .or_else(|| recent.clone().next())
    }

    /// The nearest name before `at` that looks like a person (a known
    /// gender, or a speaker already, and not an organisation), other than
    /// `skip`.
    pub(crate) fn person_named_before(
        &self,
        at: usize,
        skip: &[&str],
        known: &dyn Fn(&str) -> bool,
    ) -> Option<(&str, Span)> {
        let fits = |s: &Seen| {
            let n = self.name_of(s);
            !skip.contains(&n) && !skip.iter().any(|k| k.ends_with(n) || n.ends_with(k)) && {
                let t = self.traits(s);
                !t.place && (t.gender.is_some() || known(n))
            }
        };
        // Characters who have spoken before come first, unless a name
        // the story keeps coming back to is nearer (a character who has
        // not spoken yet, not a place named once); else the nearest name
        // that fits. The first such found walking back is the answer.
        let recurs = |n: &str| self.occurrences(n) >= RECURRING;
        // A name recurs (dialogue names the same two people over and
        // over): the last few answers are kept, found by the shared
        // name's number (one per distinct name) instead of comparing
        // text. A run of one name is looked at once, at its nearest
        // mention: the rest of it would answer the same.
        let mut memo: [Option<(u32, bool)>; 4] = [None; 4];
        let mut slot = 0usize;
        let mut first: Option<&Seen> = None;
        let end = self.narrated_end(at);
        let stop = end.saturating_sub(40);
        let mut j = end;
        while j > stop {
            let p = j - 1;
            let Some(s) = self.narrated.get(p).and_then(|&i| self.seen.get(i)) else {
                break;
            };
            j = self.run_start.get(p).copied().unwrap_or(p);
            let n = self.name_of(s);
            let ok = match memo.iter().flatten().find(|&&(m, _)| m == s.distinct) {
                Some(&(_, ok)) => ok,
                None => {
                    let ok = fits(s);
                    if let Some(m) = memo.get_mut(slot % 4) {
                        *m = Some((s.distinct, ok));
                    }
                    slot += 1;
                    ok
                }
            };
            if !ok {
                continue;
            }
            if known(n) || recurs(n) {
                return Some((n, Span::new(s.at, s.end)));
            }
            first.get_or_insert(s);
        }
        first.map(|s| (self.name_of(s), Span::new(s.at, s.end)))
    }

    /// Whether a name is an organisation or a place, or one word of one
    /// ("Hetton" of "Hetton Abbey").
    fn names_place(&self, name: &str) -> bool {
        is_org(name)
            || !name.contains(' ')
                && self
                    .by_word
                    .get(words::lower(name).as_str())
                    .is_some_and(|h| is_org(&h.fullest))
    }

    /// The name seen last before `at`, outside quotations (the antecedent
    /// of a relative pronoun).
    #[inline(never)]
    pub(crate) fn any_before(&self, at: usize) -> Option<&str> {
        self.narrated_before(at).next().map(|s| self.name_of(s))
    }

    /// The nearest person name seen before `at` (for a pronoun with no
    /// speaker before it).
    #[inline(never)]
    pub(crate) fn person_before(&self, at: usize) -> Option<&str> {
        self.narrated_before(at)
            .take(8)
            .find(|s| {
                let n = self.name_of(s);
                n.contains(' ') && !is_org(n)
            })
            .map(|s| self.name_of(s))
    }
}

/// Whether a word followed by "." is an abbreviation inside a name
/// ("Mr." "Dr." "Sen." "U.S." "J.").
pub(crate) fn is_abbrev(word: &str) -> bool {
    // Asked of every word before a dot: the checks that need no key
    // first (a '.' byte is always the char '.' in UTF-8).
    if is_abbrev_by_shape(word) {
        return true;
    }
    let k = words::lower(word);
    let k = k.as_str();
    // Titles and US states, from one table look-up.
    super::vocab::is_listed_abbrev(k) || matches!(k, "jr" | "sr" | "st" | "mt")
}

/// [`is_abbrev`]'s checks that need no word list: a word with a dot, or
/// a single capital.
pub(crate) fn is_abbrev_by_shape(word: &str) -> bool {
    if word.as_bytes().contains(&b'.') {
        return true;
    }
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// US state abbreviations in datelines and party tags ("Cambridge,
/// Mass.", "R-Tenn.").
pub(crate) static US_STATES: &WordList = &word_list!(&[
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ill", "kan", "mass", "mich", "minn",
    "nev", "okla", "ore", "tenn", "wis", "wyo",
]);

#[cfg(test)]
mod tests {
    use super::*;

    /// Role endings by their tail = the walk over all of them, for every
    /// ending, with letters before it, cut short, or changed at its end.
    #[test]
    fn role_endings_by_tail_are_the_walk() {
        let walk = |k: &str| lexicon::DE_ROLE_ENDINGS.any_suffix_of(k);
        let mut tried = 0;
        for e in lexicon::DE_ROLE_ENDINGS.iter() {
            let cut = e.get(1..).unwrap_or_default();
            let short = e.get(..e.len() - 1).unwrap_or_default();
            for k in [
                e.to_string(),
                format!("bundes{e}"),
                format!("x{cut}"),
                cut.to_string(),
                format!("{short}x"),
                format!("{e}s"),
            ] {
                assert_eq!(has_role_ending(&k), walk(&k), "{k}");
                tried += usize::from(walk(&k));
            }
        }
        assert!(tried > 60, "{tried}");
        for k in [
            "",
            "er",
            "ter",
            "leader",
            "minister",
            "other",
            "chef",
            "ministerium",
        ] {
            assert_eq!(has_role_ending(k), walk(k), "{k}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// [`role_endings_by_tail_are_the_walk`] on arbitrary words.
        #[test]
        fn role_endings_on_arbitrary_words(k in "([a-zäü]|in|er|ter|rin|chef|leiter|sprecher){0,8}") {
            proptest::prop_assert_eq!(has_role_ending(&k), lexicon::DE_ROLE_ENDINGS.any_suffix_of(&k));
        }
    }

    #[test]
    fn lists_sorted() {
        for list in [
            STOP,
            PARTICLES,
            ORG_WORDS,
            MALE_TITLES,
            FEMALE_TITLES,
            AFTER_OBJECT,
            US_STATES,
        ] {
            // Order and uniqueness are checked by the build (word_list!).
            let words: Vec<&str> = list.iter().collect();
            assert_eq!(words.len(), list.len());
            assert!(words.iter().all(|w| has(list, w)));
        }
    }

    #[test]
    fn role_compounds_by_their_endings() {
        assert!(lexicon::DE_ROLE_ENDINGS.iter().all(|e| e.len() >= 3));
        // Few words pass the filter of the last three bytes.
        assert!(ROLE_TAILS.count_ones() <= 40, "{}", ROLE_TAILS.count_ones());
        let slow = |k: &str| k.len() > 4 && lexicon::DE_ROLE_ENDINGS.iter().any(|e| k.ends_with(e));
        let mut words = vec![
            "",
            "chef",
            "xchef",
            "minister",
            "bundeskanzlerin",
            "ärztin",
            "tin",
            "rt",
        ];
        for e in lexicon::DE_ROLE_ENDINGS.iter() {
            words.push(e);
            for cut in 1..3 {
                words.push(e.get(cut..).unwrap_or_default());
                words.push(e.get(..e.len() - cut).unwrap_or_default());
            }
        }
        let prefixed: Vec<String> = words.iter().map(|w| format!("innen{w}")).collect();
        for w in words
            .iter()
            .copied()
            .chain(prefixed.iter().map(String::as_str))
        {
            assert_eq!(is_role_compound(w), slow(w), "{w}");
        }
    }

    /// What [`Names::collect`] remembers per distinct run and per name
    /// is what it would find at each mention: every mention's name is
    /// its run cleaned afresh ([`Names::clean`], joined), and each name's
    /// votes, summed when first asked over the runs kept, are
    /// [`gender_vote`] summed over all its mentions.
    /// Returns how many names have any evidence.
    fn check_names_per_mention(hay: &str) -> usize {
        let doc = Lexed::new(hay);
        let toks = doc.all();
        let names = Names::collect(hay, &doc, &[]);
        let flags = |i: usize| {
            toks.get(i)
                .and_then(|t| doc.vocab().word_of(t))
                .map_or(Flags::NONE, |w| w.flags)
        };
        let mut eager = vec![(0u32, 0u32); names.forms.len()];
        for s in &names.seen {
            let start = toks.iter().position(|t| t.span.start == s.at);
            let end = toks.iter().position(|t| t.span.end == s.end);
            let (Some(start), Some(end)) = (start, end) else {
                panic!("a mention not on token bounds in {hay:?}");
            };
            let run = &toks[start..=end];
            assert_eq!(names.clean(hay, run).join(" "), names.name_of(s), "{hay:?}");
            let v = gender_vote(hay, toks, start..end + 1, flags);
            let d = &mut eager[s.distinct as usize];
            d.0 += v.0;
            d.1 += v.1;
        }
        for (d, &want) in eager.iter().enumerate() {
            assert_eq!(names.votes_of(d), want, "{hay:?}");
        }
        eager.iter().filter(|&&v| v != (0, 0)).count()
    }

    #[test]
    fn names_per_mention_are_the_runs() {
        let voted = check_names_per_mention(
            "Mr Abel Finch came in. Finch said he was tired. “No,” said Finch. \
             Lucy Vale shook her head. Lucy, she said, was late. Mrs Dora Vale! \
             Vale looked at him. Prime Minister Abel Finch. Prime Minister Abel \
             Finch said she would. Sir Abel Finch of Kent, he wrote.\n\n“Yes.”\n\n\
             “No,” said Bo.\n\n“Yes.”\n\n“No,” said Bo. He left.",
        );
        assert!(voted >= 3, "{voted}");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// [`names_per_mention_are_the_runs`] on arbitrary texts of
        /// names, titles, pronouns and punctuation.
        #[test]
        fn names_per_mention_on_arbitrary_texts(
            words in proptest::collection::vec(
                "(Abel|Finch|Lucy|Vale|Mr|Mrs|Sir|Prime|Minister|of|the|said|he|she|her|him|head|up|\\.|,|!|“|”|\n\n)",
                0..60,
            )
        ) {
            check_names_per_mention(&words.join(" "));
        }
    }

    #[test]
    fn fullest_names() {
        let hay = "Defense Minister Grant Shapps spoke. Later Mr Shapps left. \
                   Spokesman John Kirby agreed. Kim Jong Un wrote.";
        let doc = Lexed::new(hay);
        let names = Names::collect(hay, &doc, &[]);
        assert_eq!(names.fullest("Shapps", hay.len()), Some("Grant Shapps"));
        assert_eq!(names.fullest("Kim", hay.len()), Some("Kim Jong Un"));
        // A role word inside the run introduces the person too.
        assert_eq!(names.by_role("spokesman", hay.len()), Some("John Kirby"));
        assert_eq!(names.by_role("minister", hay.len()), Some("Grant Shapps"));
        let hay = "US spokesman John Kirby said so.";
        let doc = Lexed::new(hay);
        let names = Names::collect(hay, &doc, &[]);
        assert_eq!(names.by_role("spokesman", hay.len()), Some("John Kirby"));
    }

    /// [`Names::narrated_end`] with its remembered answer = the binary
    /// search, asked forwards (as the resolver does), backwards and
    /// jumping about, at every byte of a text that names people outside
    /// and inside quotations.
    #[test]
    fn narrated_end_is_the_search() {
        let hay = "Ann met Bo. \"Cy,\" Ann said. Bo left.\n\nDee and Ed came. \
                   \"Fay?\" asked Gus. Ann smiled. Bo, Cy and Dee sat.";
        let doc = Lexed::new(hay);
        let names = Names::collect(hay, &doc, &[Span::new(13, 15), Span::new(56, 59)]);
        assert!(names.narrated.len() >= 8, "{}", names.narrated.len());
        let search = |at: usize| {
            names
                .narrated
                .partition_point(|&i| names.seen.get(i).is_some_and(|s| s.at < at))
        };
        let n = hay.len() + 2;
        let ats = (0..n)
            .chain((0..n).rev())
            .chain((0..n).map(|k| k * 37 % n))
            .chain((0..n).step_by(5));
        for at in ats {
            assert_eq!(names.narrated_end(at), search(at), "at {at}");
        }
    }
}
