//! The names an article uses, for resolving mentions to the fullest name:
//! "Mr Shapps" and "Shapps" to "Grant Shapps", "the spokesman" to the
//! person introduced as "spokesman John Kirby".

use std::collections::{HashMap, HashSet};

use super::lexicon::{self, has};
use super::words::{self, Kind, Tok};
use crate::Span;

/// Capitalised words that begin sentences or clauses but are not names.
const STOP: &[&str] = &[
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
];

/// Lower-case particles inside names (Ludwig van Beethoven, Osama bin Laden).
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "di", "du", "van", "von",
];

/// Capitalised words that mark an organisation, not a person.
const ORG_WORDS: &[&str] = &[
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
];

/// Whether `w` (lower-case key) never starts or continues a name:
/// function words, and adverbs ("Immediately", "Earlier").
pub(crate) fn is_stop(w: &str) -> bool {
    has(STOP, w) || w.len() > 4 && w.ends_with("ly") && !is_ly_name(w)
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

/// A name seen in the article.
#[derive(Clone, Debug)]
struct Seen {
    at: usize,
    /// The run's end (after its last word).
    end: usize,
    name: String,
    /// How many words `name` has (compared often when looking for the
    /// fullest name, so counted once).
    words: usize,
    /// Named inside a quotation: an addressee or someone talked about,
    /// not a candidate speaker.
    quoted: bool,
}

/// Every capitalised name run of the article, cleaned of titles, with
/// role introductions.
#[derive(Debug, Default)]
pub(crate) struct Names {
    seen: Vec<Seen>,
    /// Lower-case word → indexes into `seen` of names holding it.
    by_word: HashMap<String, Vec<usize>>,
    /// Role noun → (position, name) introductions, in text order.
    roles: HashMap<String, Vec<(usize, String)>>,
    /// Name → (masculine, feminine) evidence: titles in its runs and the
    /// first personal pronoun after its mentions.
    gender: HashMap<String, (u32, u32)>,
    /// Words the text also writes in lower case.
    lower: HashSet<String>,
    /// Words of names seen outside quotations.
    outside: HashSet<String>,
    /// Lower-case word → the fullest name holding it anywhere (the
    /// latest of the longest), computed once.
    fullest_all: HashMap<String, String>,
    /// Name → how often it occurs.
    counts: HashMap<String, usize>,
}

/// How many occurrences of a word on each side of a mention are looked
/// at for its fullest name.
const FULLEST_REACH: usize = 64;

/// How many fitting names back a known speaker is preferred to the
/// nearest name.
const KNOWN_REACH: usize = 3;

/// Grammatical gender of a person, as far as the text tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

const MALE_TITLES: &[&str] = &[
    "father", "herr", "king", "lord", "mr", "prince", "sir", "uncle",
];
const FEMALE_TITLES: &[&str] = &[
    "aunt", "frau", "lady", "madam", "miss", "mme", "mrs", "ms", "princess", "queen",
];

/// The words of a capitalised run as a cleaned name: titles, roles and
/// leading stop words dropped ("British Defense Minister Grant Shapps" →
/// "Grant Shapps"; "Mr. Burr" → "Burr").
pub(crate) fn clean(hay: &str, toks: &[Tok]) -> Vec<String> {
    // Each word with its key, lower-cased once (looked up in five lists).
    let words: Vec<(&str, words::Key)> = toks
        .iter()
        .filter(|t| t.is_word())
        .map(|t| {
            let w = t.span.text(hay);
            (w, words::key(w))
        })
        .collect();
    // Keep what follows the last title or role word, unless the run names
    // an organisation ("Foreign Office", "Defense Department").
    let org = words.iter().any(|(_, k)| has(ORG_WORDS, k));
    let after_title = if org {
        0
    } else {
        words
            .iter()
            .rposition(|(_, k)| is_title_word(k))
            .map_or(0, |i| i + 1)
    };
    let rest: Vec<&str> = words
        .iter()
        .skip(after_title)
        .skip_while(|(_, k)| is_stop(k) || has(lexicon::DETERMINERS, k))
        .filter(|(_, k)| !has(lexicon::ISSUES, k))
        .map(|&(w, _)| w)
        .collect();
    // The name is the first run of capitalised words: "the harbour
    // master, Ingrid Holm" → "Ingrid Holm", "Jeb Bush of Florida" → "Jeb
    // Bush". A phrase without capitals ("officials") stays as it is.
    let name: Vec<&str> = match rest.iter().position(|w| words::is_capitalized(w)) {
        Some(first) => {
            let mut run = Vec::new();
            for (k, w) in rest.iter().enumerate().skip(first) {
                let particle =
                    has(PARTICLES, w) && rest.get(k + 1).is_some_and(|n| words::is_capitalized(n));
                if !(words::is_capitalized(w) || particle) {
                    break;
                }
                run.push(*w);
            }
            run
        }
        None => rest,
    };
    name.iter()
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
                .to_string()
        })
        .collect()
}

/// German role compounds: Bundeskanzlerin, Innenminister, Bürgermeister.
const ROLE_SUFFIXES: &[&str] = &[
    "abgeordnete",
    "abgeordneter",
    "chef",
    "chefin",
    "direktor",
    "direktorin",
    "kanzler",
    "kanzlerin",
    "leiter",
    "leiterin",
    "meister",
    "meisterin",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "sekretär",
    "sekretärin",
    "sprecher",
    "sprecherin",
    "trainer",
    "trainerin",
    "vorsitzende",
    "vorsitzender",
];

/// Whether a (lower-case) word is a title or role, not part of a name.
pub(crate) fn is_title_word(k: &str) -> bool {
    has(lexicon::TITLES, k)
        || has(lexicon::ROLES, k)
        || ROLE_SUFFIXES.iter().any(|s| k.len() > 4 && k.ends_with(s))
}

impl Names {
    /// Collects the names of `hay` in one pass.
    ///
    /// `quoted` are the contents of the top-level quotations, sorted:
    /// names there are recorded but never offered as speakers.
    pub(crate) fn collect(hay: &str, toks: &[Tok], quoted: &[Span]) -> Names {
        let mut names = Names::default();
        // Words the text also writes in lower case: capitalised at a
        // sentence start they are ordinary words ("Give Tony …"), not
        // names.
        let mut lower: HashSet<String> = HashSet::new();
        for t in toks {
            let w = t.span.text(hay);
            if t.is_word() && !words::is_capitalized(w) {
                let k = words::key(w);
                // Allocates once per distinct word, not per occurrence.
                if !lower.contains(k.as_str()) {
                    lower.insert(k.as_str().to_owned());
                }
            }
        }
        let mut qi = 0usize;
        let mut i = 0;
        while i < toks.len() {
            let Some(t) = toks.get(i) else { break };
            let w = t.span.text(hay);
            if !(t.is_word() && words::is_capitalized(w)) || is_stop(&words::key(w)) {
                i += 1;
                continue;
            }
            let sentence_start = i.checked_sub(1).and_then(|p| toks.get(p)).is_none_or(|p| {
                hay.get(p.span.end..t.span.start)
                    .is_some_and(|g| g.matches('\n').count() > 1)
                    || matches!(
                        p.punct(),
                        Some('.' | '!' | '?' | '"' | '“' | '”' | '‘' | '\n' | ':' | '—')
                    ) && !(p.punct() == Some('.')
                        && i.checked_sub(2)
                            .and_then(|q| toks.get(q))
                            .is_some_and(|q| is_abbrev(q.span.text(hay))))
            });
            let k = words::key(w);
            if sentence_start && lower.contains(k.as_str()) && !is_title_word(&k) {
                i += 1;
                continue;
            }
            // A run of capitalised words, abbreviation dots after titles,
            // and particles.
            let start = i;
            let mut end = i + 1;
            while let Some(n) = toks.get(end) {
                let nw = n.span.text(hay);
                let ok = match n.kind {
                    Kind::Word => {
                        (words::is_capitalized(nw) && !is_stop(&words::key(nw)))
                            || has(PARTICLES, nw)
                    }
                    Kind::Punct('.') => toks
                        .get(end - 1)
                        .is_some_and(|p| is_abbrev(p.span.text(hay))),
                    Kind::Punct(_) => false,
                };
                // A blank line ends a name; a single line break may be a
                // hard wrap ("Newland\nArcher"). A possessive ends it too
                // ("Brenda's Guinevere" is two names).
                let prev = toks.get(end - 1);
                let gap = hay.get(prev.map_or(0, |p| p.span.end)..n.span.start);
                let possessive = prev.is_some_and(|p| {
                    let t = p.span.text(hay);
                    t.ends_with("'s") || t.ends_with("’s")
                });
                if !ok || possessive || gap.is_some_and(|g| g.matches('\n').count() > 1) {
                    break;
                }
                end += 1;
            }
            let run = toks.get(start..end).unwrap_or(&[]);
            let cleaned = clean(hay, run);
            if !cleaned.is_empty() {
                let name = cleaned.join(" ");
                let idx = names.seen.len();
                for w in &cleaned {
                    let k = words::lower(w);
                    match names.by_word.get_mut(k.as_str()) {
                        Some(v) => v.push(idx),
                        None => {
                            names.by_word.insert(k.as_str().to_owned(), vec![idx]);
                        }
                    }
                }
                // "spokesman John Kirby": a role noun just before the run,
                // or the last role word inside it ("Defense Minister").
                let role = start
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .filter(|p| p.is_word())
                    .map(|p| words::key(p.span.text(hay)))
                    .filter(|k| has(lexicon::ROLES, k));
                let inner = run
                    .iter()
                    .map(|t| words::key(t.span.text(hay)))
                    .rfind(|k| has(lexicon::ROLES, k));
                for r in [role, inner].into_iter().flatten() {
                    names
                        .roles
                        .entry(r.as_str().to_owned())
                        .or_default()
                        .push((t.span.start, name.clone()));
                }
                // Gender evidence: a title in the run, or the first
                // personal pronoun after it in its sentence.
                let mut vote = (0u32, 0u32);
                for w in run.iter().filter(|t| t.is_word()) {
                    let k = words::key(w.span.text(hay));
                    if has(MALE_TITLES, &k) {
                        vote.0 += 3;
                    } else if has(FEMALE_TITLES, &k) {
                        vote.1 += 3;
                    }
                }
                // Not after a preposition: "back at Green Gables he …"
                // names a place.
                let place = start
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|p| {
                        has(
                            &["at", "from", "in", "into", "near"],
                            &words::key(p.span.text(hay)),
                        )
                    });
                for n in toks.iter().skip(end).take(if place { 0 } else { 12 }) {
                    if matches!(n.punct(), Some('.' | '!' | '?' | '"' | '“' | '”')) {
                        break;
                    }
                    match words::key(n.span.text(hay)).as_str() {
                        "he" | "his" | "himself" => {
                            vote.0 += 1;
                            break;
                        }
                        "she" | "hers" | "herself" => {
                            vote.1 += 1;
                            break;
                        }
                        // "Lucy looked at him": an object is someone else.
                        "him" | "her" => break,
                        _ => {}
                    }
                }
                // Look up before inserting: most runs repeat a known name,
                // and a new key costs a copy of the name.
                match names.gender.get_mut(&name) {
                    Some(g) => {
                        g.0 += vote.0;
                        g.1 += vote.1;
                    }
                    None => {
                        names.gender.insert(name.clone(), vote);
                    }
                }
                while quoted.get(qi).is_some_and(|q| q.end <= t.span.start) {
                    qi += 1;
                }
                let in_quote = quoted.get(qi).is_some_and(|q| q.start <= t.span.start);
                names.seen.push(Seen {
                    at: t.span.start,
                    end: run.last().map_or(t.span.end, |l| l.span.end),
                    words: name.split(' ').count(),
                    name,
                    quoted: in_quote,
                });
            }
            i = end.max(i + 1);
        }
        names.lower = lower;
        for (w, idxs) in &names.by_word {
            let best = idxs
                .iter()
                .filter_map(|&i| names.seen.get(i))
                .max_by_key(|s| (s.words, s.at));
            if let Some(b) = best {
                names.fullest_all.insert(w.clone(), b.name.clone());
            }
        }
        for seen in &names.seen {
            match names.counts.get_mut(&seen.name) {
                Some(n) => *n += 1,
                None => {
                    names.counts.insert(seen.name.clone(), 1);
                }
            }
            if !seen.quoted {
                for w in seen.name.split(' ') {
                    let k = words::lower(w);
                    if !names.outside.contains(k.as_str()) {
                        names.outside.insert(k.as_str().to_owned());
                    }
                }
            }
        }
        names
    }

    /// The form of a name the text uses: a full name given once, whose
    /// surname never stands alone, yields to the first name ("Brenda Rex"
    /// → "Brenda").
    pub(crate) fn usual(&self, name: &str) -> String {
        let count = |n: &str| self.counts.get(n).copied().unwrap_or(0);
        match name.split_once(' ') {
            Some((first, rest)) if count(name) <= 1 && count(first) >= 3 && count(rest) == 0 => {
                first.to_owned()
            }
            _ => name.to_owned(),
        }
    }

    /// Whether a capitalised word is a name of the text: part of a name
    /// run and never written in lower case.
    pub(crate) fn is_name_word(&self, word: &str) -> bool {
        let k = words::lower(word);
        self.outside.contains(k.as_str())
            && !self.lower.contains(k.as_str())
            && !is_title_word(&k)
            && !is_stop(&k)
            && !k.starts_with("i'")
            && !k.starts_with("i’")
            && !has(&["ah", "dear", "no", "oh", "well", "yes"], &k)
    }

    /// The fullest name holding `word` (a surname, or a first name in
    /// fiction), preferring names seen before `at`, the latest of them.
    pub(crate) fn fullest(&self, word: &str, at: usize) -> Option<&str> {
        let idxs = self.by_word.get(words::lower(word).as_str())?;
        // Occurrences are in text order: look at a bounded stretch on
        // each side of `at` (linear time on long texts).
        let k = idxs.partition_point(|&i| self.seen.get(i).is_some_and(|s| s.at < at));
        let near = idxs
            .get(k.saturating_sub(FULLEST_REACH)..(k + FULLEST_REACH).min(idxs.len()))
            .unwrap_or(&[]);
        let pick = |before: bool| {
            near.iter()
                .filter_map(|&i| self.seen.get(i))
                .filter(|s| (s.at < at) == before)
                .max_by_key(|s| (s.words, if before { s.at } else { usize::MAX - s.at }))
        };
        pick(true).or_else(|| pick(false)).map(|s| s.name.as_str())
    }

    /// Extends a cleaned name to the fullest form seen: ["Kirby"] →
    /// "John Kirby", ["Kim"] → "Kim Jong Un".
    pub(crate) fn canonical(&self, cleaned: &[String], at: usize) -> Option<String> {
        let last = cleaned.last()?;
        let joined = cleaned.join(" ");
        match self.fullest(last, at) {
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

    /// Whether `full` only adds words after `name` that the text also
    /// writes in lower case: "Pooh Bear", "Tony Last" are not the
    /// fuller forms of "Pooh" and "Tony" but a name and a common noun.
    fn common_tail(&self, full: &str, name: &str) -> bool {
        full.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|tail| {
                tail.split(' ')
                    .any(|w| self.lower.contains(words::lower(w).as_str()))
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
        let mut votes = self.gender.get(name).copied().unwrap_or_default();
        if let Some(full) = name
            .split(' ')
            .next_back()
            .and_then(|w| self.fullest_all.get(words::lower(w).as_str()))
        {
            // A fuller name only speaks for one with no evidence of its
            // own (not "Edgar Pell" for "Marian Pell").
            if full.as_str() != name && votes == (0, 0) {
                let v = self.gender.get(full).copied().unwrap_or_default();
                votes.0 += v.0;
                votes.1 += v.1;
            }
        }
        match votes {
            (m, f) if m > f => Some(Gender::Male),
            (m, f) if f > m => Some(Gender::Female),
            _ => None,
        }
    }

    /// The names seen before `at` outside quotations, nearest first (the
    /// candidates for a speaker; callers bound how far they look).
    fn narrated_before(&self, at: usize) -> impl Iterator<Item = &Seen> + Clone {
        let k = self.seen.partition_point(|s| s.at < at);
        self.seen
            .get(..k)
            .unwrap_or(&[])
            .iter()
            .rev()
            .filter(|s| !s.quoted)
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
            .map(|s| s.name.as_str())
            // A name in capitals only is a heading ("THE THEFT").
            .filter(|n| n.chars().any(char::is_lowercase))
            .filter(|n| !skip.contains(n) && self.gender(n) == Some(gender));
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
        let recent = self.narrated_before(at).take(40);
        let fits = |s: &&Seen| {
            let n = s.name.as_str();
            !skip.contains(&n)
                && !skip.iter().any(|s| s.ends_with(n) || n.ends_with(s))
                && !self.names_place(n)
                && (self.gender(n).is_some() || known(n))
        };
        // Characters who have spoken before come first.
        recent
            .clone()
            .filter(fits)
            .find(|s| known(&s.name))
            .or_else(|| recent.clone().find(fits))
            .map(|s| (s.name.as_str(), Span::new(s.at, s.end)))
    }

    /// Whether a name is an organisation or a place, or one word of one
    /// ("Hetton" of "Hetton Abbey").
    fn names_place(&self, name: &str) -> bool {
        is_org(name)
            || !name.contains(' ')
                && self
                    .fullest_all
                    .get(words::lower(name).as_str())
                    .is_some_and(|f| is_org(f))
    }

    /// The name seen last before `at`, outside quotations (the antecedent
    /// of a relative pronoun).
    pub(crate) fn any_before(&self, at: usize) -> Option<&str> {
        self.narrated_before(at).next().map(|s| s.name.as_str())
    }

    /// The nearest person name seen before `at` (for a pronoun with no
    /// speaker before it).
    pub(crate) fn person_before(&self, at: usize) -> Option<&str> {
        self.narrated_before(at)
            .take(8)
            .find(|s| s.name.contains(' ') && !is_org(&s.name))
            .map(|s| s.name.as_str())
    }
}

/// Whether a word followed by "." is an abbreviation inside a name
/// ("Mr." "Dr." "Sen." "U.S." "J.").
pub(crate) fn is_abbrev(word: &str) -> bool {
    let k = words::lower(word);
    has(lexicon::TITLES, &k)
        || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
        || word.contains('.')
        || matches!(k.as_str(), "jr" | "sr" | "st" | "mt")
        || has(US_STATES, &k)
}

/// US state abbreviations in datelines and party tags ("Cambridge,
/// Mass.", "R-Tenn.").
const US_STATES: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ill", "kan", "mass", "mich", "minn",
    "nev", "okla", "ore", "tenn", "wis", "wyo",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_sorted() {
        for list in [
            STOP,
            PARTICLES,
            ORG_WORDS,
            MALE_TITLES,
            FEMALE_TITLES,
            ROLE_SUFFIXES,
            US_STATES,
        ] {
            let mut v = list.to_vec();
            v.sort_unstable();
            v.dedup();
            assert_eq!(v, list);
        }
    }

    #[test]
    fn fullest_names() {
        let hay = "Defense Minister Grant Shapps spoke. Later Mr Shapps left. \
                   Spokesman John Kirby agreed. Kim Jong Un wrote.";
        let names = Names::collect(hay, words::Lexed::new(hay).all(), &[]);
        assert_eq!(names.fullest("Shapps", hay.len()), Some("Grant Shapps"));
        assert_eq!(names.fullest("Kim", hay.len()), Some("Kim Jong Un"));
        // A role word inside the run introduces the person too.
        assert_eq!(names.by_role("spokesman", hay.len()), Some("John Kirby"));
        assert_eq!(names.by_role("minister", hay.len()), Some("Grant Shapps"));
        let hay = "US spokesman John Kirby said so.";
        let names = Names::collect(hay, words::Lexed::new(hay).all(), &[]);
        assert_eq!(names.by_role("spokesman", hay.len()), Some("John Kirby"));
    }
}
