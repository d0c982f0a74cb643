//! The resolver: from a mention to a speaker.
//!
//! [`Resolver::resolve`] maps a mention to the fullest name in the article
//! (titles dropped, surnames extended, role nouns to the person introduced
//! with them, he/she to the last fitting person quoted) and creates the
//! speaker the first time; it also caches what several rules ask per
//! quotation (each line's addressee).

use super::vocab::Flags;
use super::*;

/// Turns mentions into speakers: the fullest name, pronouns to the
/// person they point at, one [`Speaker`] per name.
pub(super) struct Resolver<'h> {
    pub(super) hay: &'h str,
    /// The text's tokens, lexed once (windows are sliced from them).
    pub(super) doc: &'h words::Lexed<'h>,
    pub(super) names: Names<'h>,
    pub(super) speakers: Vec<Speaker>,
    pub(super) index: HashMap<String, usize>,
    pub(super) last_person: Option<usize>,
    pub(super) last_group: Option<usize>,
    /// Fiction: the last two speakers of the conversation going on.
    pub(super) participants: Vec<usize>,
    /// The character a story told to "you" calls so ("you said").
    pub(super) you: Option<usize>,
    /// Fiction: the last part of a hyphenated one-word name ("Pooh" of
    /// "Winnie-the-Pooh") → that speaker.
    pub(super) hyphen_tails: HashMap<String, usize>,
    /// Fiction: a pet name ("frank") or the given name of a full name
    /// ("francis" of "Francis Oakley"), as the given name it stands
    /// for, → (speaker, whether it was the pet name).
    pub(super) given_names: HashMap<String, (usize, bool)>,
    /// Whether each name resolved so far is a group ([`Resolver::is_org`]):
    /// dialogue resolves the same few names on every line.
    pub(super) groups: HashMap<String, bool>,
    /// Fiction or an interview: he/she point at the character just
    /// named, and untagged lines alternate between speakers.
    pub(super) dialogue: bool,
    /// The contents of the top-level quotations, in text order.
    pub(super) quoted: Vec<Span>,
    /// Each one's addressee ([`vocative`]) once found.
    pub(super) vocatives: RefCell<Vec<Option<Option<Span>>>>,
    /// Each paragraph's opening subject ([`head_subject`]) once found.
    pub(super) head_subjects: Vec<Option<Option<(Span, Tok)>>>,
    /// The index in `quoted` asked last.
    pub(super) vocative_at: Cell<usize>,
}

impl<'h> Resolver<'h> {
    /// Resolves a mention to a speaker index (creating the speaker), or
    /// `None` for a mention naming nobody in particular.
    pub(super) fn resolve(&mut self, mention: Span) -> Option<usize> {
        let hay = self.hay;
        let text = mention.text(hay);
        let toks = self.doc.window(hay, mention);
        // "die Sprecherin der Fraktion, Ute Berg (FDP)": the name in
        // apposition names the person.
        if let Some(c) = toks.iter().rposition(|t| t.punct() == Some(',')) {
            let named: Vec<&Tok> = toks
                .get(c + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))
                .collect();
            if let (true, Some(f), Some(l)) = (named.len() >= 2, named.first(), named.last()) {
                return self.resolve(Span::new(f.span.start, l.span.end));
            }
        }
        let lower = words::lower(text);
        let at = mention.start;
        let name: Option<String> = match lower.as_str() {
            // Fiction leaves a possessive alone: "her" there is as often
            // an object ("kissed her"), and guessing moves the turns.
            "his" | "her" if self.dialogue => return None,
            // A possessive owner ("his claim", "her vow") is the person
            // as a pronoun subject would be.
            "he" | "she" | "his" | "her" | "er" | "il" | "elle" | "él" | "ella" => {
                let gender = match lower.as_str() {
                    "he" | "his" | "er" | "il" | "él" => names::Gender::Male,
                    _ => names::Gender::Female,
                };
                // Fiction: the nearest character of that gender. News:
                // the last person quoted (never a name merely mentioned
                // in between, such as the subject of the story).
                if self.dialogue {
                    // One party of the conversation has that gender.
                    if let Some(i) = self.sole_participant(gender) {
                        self.last_person = Some(i);
                        return Some(i);
                    }
                    let index = &self.index;
                    let known = |n: &str| index.contains_key(n);
                    if let Some(n) = self.names.nearest_of_gender(at, gender, &[], &known) {
                        let n = n.to_owned();
                        let i = self.intern(n);
                        self.last_person = Some(i);
                        return Some(i);
                    }
                }
                if let Some(i) = self.last_person {
                    return Some(i);
                }
                let n = self.names.person_before(at)?.to_owned();
                let i = self.intern(n);
                self.last_person = Some(i);
                return Some(i);
            }
            "they" | "their" | "it" | "its" | "ils" | "sie" | "wir" | "we" => {
                return self.last_group
            }
            "i" | "ich" => return None,
            // "Mike Lee, who declared …": the name just before.
            "who" | "der" | "die" | "qui" | "quien" => {
                let n = self.names.any_before(at)?.to_owned();
                let i = self.intern(n);
                self.last_person = Some(i);
                return Some(i);
            }
            _ => {
                let cleaned = self.names.clean(hay, &toks);
                let capital = cleaned.iter().any(|w| words::is_capitalized(w));
                if capital {
                    self.proper_name(&toks, &cleaned, mention)
                } else {
                    self.common_noun_name(&toks, mention)
                }
            }
        };
        let name = name?;
        let org = self.is_org(&name);
        let i = self.intern(name);
        if org {
            self.last_group = Some(i);
        } else {
            self.last_person = Some(i);
        }
        Some(i)
    }

    /// [`Resolver::resolve`] of a mention with a capitalised word:
    /// `cleaned` (its words without titles and roles) as the fullest
    /// name the text gives them. (This and [`Resolver::common_noun_name`]
    /// are functions of their own to keep `resolve` a small wasm
    /// function: BENCHMARKS.md, "Peak memory".)
    #[inline(never)]
    fn proper_name(&self, toks: &[Tok], cleaned: &[&str], mention: Span) -> Option<String> {
        let (hay, at) = (self.hay, mention.start);
        let full = self.names.canonical(cleaned, at);
        // Fiction: "said Bird" is not "Little Bird": a fuller
        // form that only puts common words before the name.
        // `canonical` gives the cleaned words joined, or a
        // longer name holding them.
        let joined_len = cleaned
            .iter()
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .saturating_sub(1);
        let full = match full {
            Some(f) if self.dialogue => {
                let joined = || cleaned.join(" ");
                let common_head = f.len() > joined_len
                    && f.strip_suffix(joined().as_str())
                        .and_then(|h| h.strip_suffix(' '))
                        .is_some_and(|h| h.split(' ').any(|w| self.names.is_common(w)));
                Some(if common_head {
                    // "Wren Bird" if the text has it.
                    match cleaned {
                        [w] => self
                            .names
                            .fullest_proper(w, at)
                            .map_or_else(joined, str::to_owned),
                        _ => joined(),
                    }
                } else {
                    f
                })
            }
            f => f,
        };
        // Fiction: "Mrs. Oakley" is not "Frank Oakley", the
        // fuller name of a man: she keeps her title.
        // (The text's words are described already: their
        // flags say what the title lists say of their keys.)
        // Asked only of a fuller name in fiction.
        let titled = || {
            toks.iter().find_map(|t| {
                let f = self.names.flags(t.span.text(hay));
                let g = if f.has(Flags::MALE_TITLE) {
                    names::Gender::Male
                } else if f.has(Flags::FEMALE_TITLE) {
                    names::Gender::Female
                } else {
                    return None;
                };
                Some((t.span.start, g))
            })
        };
        let keeps_title = |f: &str| {
            if !self.dialogue || f.split(' ').count() <= cleaned.len() {
                return None;
            }
            let (from, g) = titled()?;
            self.names
                .gender(f)
                .is_some_and(|fg| fg != g)
                .then_some(from)
        };
        match full {
            Some(f) => match keeps_title(&f) {
                Some(from) => hay.get(from..mention.end).map(str::to_owned),
                None => Some(f),
            },
            None => None,
        }
    }

    /// [`Resolver::resolve`] of a mention without a capitalised word: the
    /// person introduced with its role ("the spokesman"), or in fiction a
    /// character named by a common noun ("the girl", "the barman").
    #[inline(never)]
    fn common_noun_name(&self, toks: &[Tok], mention: Span) -> Option<String> {
        let (hay, at) = (self.hay, mention.start);
        let text = mention.text(hay);
        // "the spokesman": the person introduced with that role.
        toks.iter()
            .rev()
            .map(|t| words::key(t.span.text(hay)))
            .find(|k| has(lexicon::ROLES, k))
            .and_then(|r| self.names.by_role(&r, at).map(str::to_owned))
            .or_else(|| {
                // Fiction: "the old man", "the girl" is a
                // character of that sex named nearby who has
                // spoken.
                let k = toks.first().map(|t| words::key(t.span.text(hay)))?;
                let noun = toks.last().map(|t| words::key(t.span.text(hay)))?;
                let gender = noun_gender(&noun)?;
                if !self.dialogue || k != "the" {
                    return None;
                }
                // One party of the conversation has that sex:
                // "the young girl answered" talking to a man.
                if let Some(i) = self.sole_participant(gender) {
                    return self.speakers.get(i).map(|s| s.name.clone());
                }
                let index = &self.index;
                let known = |n: &str| index.contains_key(n);
                self.names
                    .nearest_of_gender(at, gender, &[], &known)
                    .filter(|n| known(n))
                    .map(str::to_owned)
            })
            .or_else(|| {
                // "said nanny": a household word used as a name.
                let [w] = &*toks else { return None };
                has(lexicon::HOUSEHOLD_NAMES, &words::key(w.span.text(hay)))
                    .then(|| title_case(text))
            })
            .or_else(|| {
                // Fiction: "the barman" is a character of its own.
                let k = toks.first().map(|t| words::key(t.span.text(hay)))?;
                let noun = toks.last().map(|t| words::key(t.span.text(hay)))?;
                // A title names a person too ("the sergeant"),
                // unless it is an adjective ("the former").
                let person = has(lexicon::ROLES, &noun)
                    || has(lexicon::TITLES, &noun) && !has(NOT_PERSON_TITLES, &noun)
                    || ["man", "woman", "er", "or", "girl", "boy", "lady", "child"]
                        .iter()
                        .any(|s| noun.ends_with(s));
                // "an old military man broke in" too.
                let article = matches!(k.as_str(), "the" | "a" | "an");
                (self.dialogue && article && person && (2..=4).contains(&toks.len()))
                    .then(|| title_case(text))
            })
    }

    /// Whether a resolved name stands for a group or organisation: an
    /// organisation's name, or a single word that is no part of a longer
    /// name and has no gender. It depends on the name alone (the names
    /// of the text are fixed), so each is decided once.
    #[inline(never)]
    fn is_org(&mut self, name: &str) -> bool {
        if let Some(&org) = self.groups.get(name) {
            return org;
        }
        let org = names::is_org(name)
            || !name.contains(' ')
                && self
                    .names
                    .fullest(name, usize::MAX)
                    .is_none_or(|f| !f.contains(' '))
                && self.names.gender(name).is_none();
        self.groups.insert(name.to_owned(), org);
        org
    }

    /// Resolves he/she to the nearest character of that gender who is not
    /// `not` (the person the line addresses).
    pub(super) fn resolve_other(&mut self, pronoun: Span, not: usize) -> Option<usize> {
        let gender = pronoun_gender(pronoun.text(self.hay))?;
        // The other party of the conversation, unless of the other sex.
        let party = self.participants.iter().copied().find(|&p| {
            p != not
                && self
                    .speakers
                    .get(p)
                    .is_some_and(|s| self.names.gender(&s.name).is_none_or(|g| g == gender))
        });
        if party.is_some() {
            return party;
        }
        let full = self.speakers.get(not)?.name.clone();
        // The addressee under any of its names ("Francis", "Oakley").
        let skip: Vec<&str> = std::iter::once(full.as_str())
            .chain(full.split(' '))
            .collect();
        let index = &self.index;
        let known = |n: &str| index.contains_key(n);
        let n = self
            .names
            .nearest_of_gender(pronoun.start, gender, &skip, &known)?
            .to_owned();
        let n = self
            .names
            .canonical(&[n.as_str()], pronoun.start)
            .unwrap_or(n);
        let i = self.intern(n);
        (i != not).then_some(i)
    }

    /// The character named last before `at` who is not `not` (the other
    /// party of a conversation).
    pub(super) fn other_character(
        &mut self,
        at: usize,
        not: Option<usize>,
    ) -> Option<(usize, Span)> {
        let (name, span) = self.other_character_name(at, not)?;
        Some((self.intern(name), span))
    }

    /// [`Resolver::other_character`]'s name and mention, not interned.
    #[inline(never)]
    pub(super) fn other_character_name(
        &self,
        at: usize,
        not: Option<usize>,
    ) -> Option<(String, Span)> {
        let not_name = not
            .and_then(|i| self.speakers.get(i))
            .map(|s| s.name.as_str());
        let skip = not_name.as_slice();
        let (index, names) = (&self.index, &self.names);
        // "Brenda" has spoken if "Brenda Rex" has.
        let speaker_of = |n: &str| {
            if index.contains_key(n) {
                return Some(n.to_owned());
            }
            names
                .fullest(n, at)
                .filter(|f| index.contains_key(*f))
                .map(str::to_owned)
        };
        let known = |n: &str| speaker_of(n).is_some();
        let (name, span) = names.person_named_before(at, skip, &known)?;
        let name = speaker_of(name).unwrap_or_else(|| name.to_owned());
        Some((name, span))
    }

    /// The one party of the current conversation of `gender`, if just one
    /// has it.
    pub(super) fn sole_participant(&self, gender: names::Gender) -> Option<usize> {
        let mut fit = self.participants.iter().copied().filter(|&i| {
            self.speakers
                .get(i)
                .is_some_and(|s| self.names.gender(&s.name) == Some(gender))
        });
        let first = fit.next()?;
        fit.next().is_none().then_some(first)
    }

    /// Whether a speaker was resolved as a group or organisation.
    pub(super) fn is_group(&self, i: usize) -> bool {
        self.last_group == Some(i) && self.last_person != Some(i)
    }

    pub(super) fn intern(&mut self, name: String) -> usize {
        if let Some(&i) = self.index.get(&name) {
            return i;
        }
        // Fiction: "Pooh" is "Winnie-the-Pooh", whichever came first.
        if self.dialogue && !name.contains(' ') {
            let tail = name
                .rsplit_once('-')
                .map(|(_, t)| t)
                .filter(|t| words::is_capitalized(t));
            let same = match tail {
                Some(t) => self.index.get(t).copied(),
                None => self.hyphen_tails.get(&name).copied(),
            };
            if let Some(i) = same {
                self.index.insert(name, i);
                return i;
            }
            if let Some(t) = tail {
                let i = self.speakers.len();
                self.hyphen_tails.insert(t.to_owned(), i);
            }
        }
        // Fiction: "Wren Bird" is "Wren", a common noun after the name.
        if self.dialogue {
            let same = name
                .split_once(' ')
                .filter(|(_, tail)| !tail.contains(' ') && self.names.is_common(tail))
                .and_then(|(head, _)| {
                    self.index
                        .get(head)
                        .or_else(|| self.hyphen_tails.get(head))
                        .copied()
                });
            if let Some(i) = same {
                self.index.insert(name, i);
                return i;
            }
        }
        // Fiction: "Frank" is "Francis Oakley", whichever came first.
        if self.dialogue {
            let mut parts = name.split(' ');
            let first = words::lower(parts.next().unwrap_or_default());
            let full = parts.next().is_some();
            let given = if full {
                Some(first.to_string())
            } else {
                lexicon::formal_name(&first).map(str::to_owned)
            };
            if let Some(g) = given {
                // Only a pet name joins a full name, never two full names.
                match self.given_names.get(&g) {
                    Some(&(i, pet)) if pet == full => {
                        self.index.insert(name, i);
                        return i;
                    }
                    Some(_) => {}
                    None => {
                        let i = self.speakers.len();
                        self.given_names.insert(g, (i, !full));
                    }
                }
            }
        }
        let i = self.speakers.len();
        self.index.insert(name.clone(), i);
        self.speakers.push(Speaker {
            name,
            ..Speaker::default()
        });
        i
    }
}
