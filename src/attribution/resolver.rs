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
    pub(super) hay: &'h Hay<'h>,
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
    /// Dialogue: how many of the paragraphs before each may open with a
    /// subject ([`narrative_heads`]); empty elsewhere.
    pub(super) narrative_heads: Vec<usize>,
    /// The index in `quoted` asked last.
    pub(super) vocative_at: Cell<usize>,
    /// Where the tokens of the content [`find_vocative`] read last start
    /// among the text's tokens: the next line's are found from there.
    pub(super) vocative_tok: Cell<usize>,
    /// What [`Resolver::resolve`] made of a proper name whose answer
    /// does not depend on where it stands ([`same_anywhere`] and
    /// [`Names::canonical_anywhere`]), by its text: the speaker and
    /// whether it is a group, or none, packed by [`Kept`]. Dialogue
    /// resolves the same few names on every line, each through its
    /// words' cleaning, the fullest-name search and a new `String`. (The
    /// map has the type of `index`: no second copy of the hash table's
    /// code in the wasm.)
    pub(super) by_text: HashMap<String, usize>,
    /// The [`Resolver::by_text`] entry used last (where its text stands,
    /// and the answer): a line of dialogue tagged with the name the line
    /// before was, compared by its bytes without hashing it. (An entry
    /// never changes once made, so the copy cannot go stale.)
    by_text_last: Option<(Span, usize)>,
}

/// A [`Resolver::by_text`] answer in one number: none, or a speaker and
/// whether it is a group.
struct Kept;

impl Kept {
    const NONE: usize = usize::MAX;

    fn pack(answer: Option<(usize, bool)>) -> usize {
        match answer {
            // A speaker index is far below `usize::MAX / 2`.
            Some((i, org)) => i.saturating_mul(2).saturating_add(usize::from(org)),
            None => Kept::NONE,
        }
    }

    fn unpack(kept: usize) -> Option<(usize, bool)> {
        (kept != Kept::NONE).then_some((kept / 2, kept % 2 == 1))
    }
}

/// Whether a mention's text is lexed into the same tokens wherever it
/// stands, and never goes the apposition way of [`Resolver::resolve`]:
/// no comma, and no dot with a letter or digit right after it (the only
/// place the lexer reads the text around a word, [`words`]' sentence
/// seam "Merkel.Als"). A dot at the end or before a space is punctuation
/// or an abbreviation's, decided by the mention's own chars.
pub(super) fn same_anywhere(text: &str) -> bool {
    let b = text.as_bytes();
    !b.contains(&b',')
        && !b
            .windows(2)
            .any(|w| matches!(w, [b'.', n] if n.is_ascii_alphanumeric() || !n.is_ascii()))
}

impl<'h> Resolver<'h> {
    /// A resolver for the text `hay` lexed as `doc`, whose top-level
    /// quotations have the contents `quoted` (in text order), in a text
    /// of `paragraphs` paragraphs that is `dialogue` or not.
    ///
    /// Not inlined, as [`Lexed::new`](words::Lexed::new) is not: once per
    /// text, and out of `attribute`'s optimizing compile.
    #[inline(never)]
    pub(super) fn new(
        hay: &'h Hay<'h>,
        doc: &'h words::Lexed<'h>,
        quoted: Vec<Span>,
        dialogue: bool,
        paragraphs: usize,
    ) -> Resolver<'h> {
        Resolver {
            hay,
            doc,
            names: Names::collect(hay, doc, &quoted),
            speakers: Vec::new(),
            index: HashMap::default(),
            last_person: None,
            last_group: None,
            participants: Vec::new(),
            you: None,
            hyphen_tails: HashMap::default(),
            given_names: HashMap::default(),
            groups: HashMap::default(),
            dialogue,
            vocatives: RefCell::new(vec![None; quoted.len()]),
            vocative_at: Cell::new(0),
            vocative_tok: Cell::new(0),
            // Only dialogue asks (elsewhere nothing is kept).
            head_subjects: if dialogue {
                vec![None; paragraphs]
            } else {
                Vec::new()
            },
            narrative_heads: Vec::new(),
            quoted,
            by_text: HashMap::default(),
            by_text_last: None,
        }
    }

    /// Resolves a mention to a speaker index (creating the speaker), or
    /// `None` for a mention naming nobody in particular.
    pub(super) fn resolve(&mut self, mention: Span) -> Option<usize> {
        let hay = self.hay;
        // The name resolved last again (dialogue tags line after line
        // with it): its answer, without the rest's frame. (A kept text
        // is [`same_anywhere`], and so is the same text here.)
        match self.by_text_last {
            Some((s, known))
                if hay.as_bytes().get(s.start..s.end)
                    == hay.as_bytes().get(mention.start..mention.end) =>
            {
                self.by_text_last = Some((mention, known));
                Kept::unpack(known).map(|(i, org)| self.settle(i, org))
            }
            _ => self.resolve_afresh(mention),
        }
    }

    /// [`Resolver::resolve`] of a mention other than the last one kept.
    #[inline(never)]
    fn resolve_afresh(&mut self, mention: Span) -> Option<usize> {
        let hay = self.hay;
        let text = mention.text(hay);
        // The same name again: the answer kept for its text.
        let fixed = same_anywhere(text);
        if let Some(known) = fixed.then(|| self.by_text.get(text).copied()).flatten() {
            self.by_text_last = Some((mention, known));
            return Kept::unpack(known).map(|(i, org)| self.settle(i, org));
        }
        let mut keep = false;
        // The mention's tokens, read only where asked: a pronoun (most
        // mentions) needs its text alone. A comma token is the byte ','
        // itself, so a mention without one has no apposition.
        let mut toks = None;
        // "die Sprecherin der Fraktion, Ute Berg (FDP)": the name in
        // apposition names the person.
        if let Some(c) = text
            .contains(',')
            .then(|| toks.insert(self.doc.window(hay, mention)))
            .and_then(|toks| toks.iter().rposition(|t| t.punct() == Some(',')))
        {
            let toks = toks.as_deref().unwrap_or_default();
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
        // Only a pronoun's text is matched: each has at most five chars,
        // and a char lower-cased is at least one, so a longer mention
        // (most names and nouns) is not lower-cased for it.
        let short = text.len() <= 5 || !text.is_ascii() && text.chars().nth(5).is_none();
        let lower = if short {
            words::lower(text)
        } else {
            words::Key::Same("")
        };
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
                let toks = toks.unwrap_or_else(|| self.doc.window(hay, mention));
                let cleaned = self.names.clean(hay, &toks);
                let capital = cleaned.iter().any(|w| words::is_capitalized(w));
                if capital {
                    // Kept only when the fullest name is the words
                    // themselves everywhere (`proper_name` then looks
                    // nowhere else).
                    keep = fixed && self.names.canonical_anywhere(&cleaned);
                    self.proper_name(&toks, &cleaned, mention)
                } else {
                    self.common_noun_name(&toks, mention)
                }
            }
        };
        let Some(name) = name else {
            if keep {
                self.by_text.insert(text.to_owned(), Kept::pack(None));
                self.by_text_last = Some((mention, Kept::pack(None)));
            }
            return None;
        };
        let org = self.is_org(&name);
        let i = self.intern(name);
        if keep {
            let kept = Kept::pack(Some((i, org)));
            self.by_text.insert(text.to_owned(), kept);
            self.by_text_last = Some((mention, kept));
        }
        Some(self.settle(i, org))
    }

    /// Records speaker `i` (a group if `org`) as the last group or person
    /// named, for the pronouns after it.
    fn settle(&mut self, i: usize, org: bool) -> usize {
        if org {
            self.last_group = Some(i);
        } else {
            self.last_person = Some(i);
        }
        i
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
            .find(|t| t.is_word() && flags_of(hay, t).has(Flags::ROLE))
            .and_then(|r| self.names.by_role(&key(hay, r), at).map(str::to_owned))
            .or_else(|| {
                // Fiction: "the old man", "the girl" is a
                // character of that sex named nearby who has
                // spoken.
                if !self.dialogue {
                    return None;
                }
                let k = toks.first().map(|t| key(hay, t))?;
                let noun = toks.last().map(|t| key(hay, t))?;
                let gender = noun_gender(&noun)?;
                if k != "the" {
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
                has(lexicon::HOUSEHOLD_NAMES, &key(hay, w)).then(|| title_case(text))
            })
            .or_else(|| {
                // Fiction: "the barman" is a character of its own.
                if !self.dialogue {
                    return None;
                }
                let k = toks.first().map(|t| key(hay, t))?;
                let noun = toks.last().map(|t| key(hay, t))?;
                // A title names a person too ("the sergeant"),
                // unless it is an adjective ("the former").
                let person = has(lexicon::ROLES, &noun)
                    || has(lexicon::TITLES, &noun) && !has(NOT_PERSON_TITLES, &noun)
                    || ["man", "woman", "er", "or", "girl", "boy", "lady", "child"]
                        .iter()
                        .any(|s| noun.ends_with(s));
                // "an old military man broke in" too.
                let article = matches!(k.as_str(), "the" | "a" | "an");
                (article && person && (2..=4).contains(&toks.len())).then(|| title_case(text))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every mention (each word, and each run of two or three tokens) of
    /// texts where the same short name means different people in
    /// different places ("Kirby" near "Ann Kirby", then near "John
    /// Kirby"), resolved in text order with the answers kept by text and
    /// without them: the same speakers, the same last person and group.
    #[test]
    fn kept_answers_agree_with_resolving_afresh() {
        let texts = [
            "Ann Kirby came in. “Tea?” said Kirby. “No,” said Bo. “Yes,” said Kirby.\n\n\
             John Kirby was late. “Sorry,” said Kirby. “Fine,” said Bo, and the Ministry \
             of Fish said, “Ok.” Mr. Kirby, the Ministry and Bo Ames left. “Go,” said Bo. \
             x.Yz and ab.Cd, U.S. Navy; he said: “Hm,” she said, Pooh said, Winnie-the-Pooh.",
            "Kim said no. Kim Jong Un said yes. “A,” said Kim. Kim Lee smiled. “B,” Kim said. \
             “C,” said Kim. The Office said. Lee.Kim spoke, Lee. Kim spoke.",
        ];
        let mut kept = 0;
        for hay in texts {
            let doc = words::Lexed::new(hay);
            let hay = &Hay::new(hay, &doc);
            for dialogue in [false, true] {
                let mut fast = Resolver::new(hay, &doc, Vec::new(), dialogue, 1);
                let mut slow = Resolver::new(hay, &doc, Vec::new(), dialogue, 1);
                let toks = doc.all();
                for (i, a) in toks.iter().enumerate() {
                    for b in toks.iter().skip(i).take(3) {
                        let m = Span::new(a.span.start, b.span.end);
                        slow.by_text.clear();
                        slow.by_text_last = None;
                        let want = slow.resolve(m);
                        let got = fast.resolve(m);
                        assert_eq!(got, want, "{:?} in {:?}", m.text(hay), hay.text);
                        assert_eq!(
                            (fast.last_person, fast.last_group),
                            (slow.last_person, slow.last_group)
                        );
                    }
                }
                let names = |r: &Resolver| {
                    r.speakers
                        .iter()
                        .map(|s| s.name.clone())
                        .collect::<Vec<_>>()
                };
                assert_eq!(names(&fast), names(&slow));
                kept += fast.by_text.len();
            }
        }
        assert!(kept > 10, "{kept} answers kept");
    }

    /// A text for which [`same_anywhere`] holds lexes into the same tokens
    /// wherever it stands, whatever surrounds it.
    #[test]
    fn same_anywhere_texts_lex_alike_everywhere() {
        let parts = [
            "a", "B", "ab", "Cd", ".", ",", " ", "’", "-", "é", "1", "'s",
        ];
        let around = [
            "", "a", "ab", "Ab.", ".", "x.", "Cd", "cd", "de.Fg", " ", "é",
        ];
        let mut checked = 0;
        // Every text of up to three parts.
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| parts.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        texts.sort();
        texts.dedup();
        for t in texts.iter().filter(|t| same_anywhere(t)) {
            let alone: Vec<(Span, words::Kind)> = words::lex(t, Span::new(0, t.len()))
                .iter()
                .map(|k| (k.span, k.kind()))
                .collect();
            for pre in around {
                for post in around {
                    let hay = format!("{pre}{t}{post}");
                    let span = Span::new(pre.len(), pre.len() + t.len());
                    let doc = words::Lexed::new(&hay);
                    let here: Vec<(Span, words::Kind)> = doc
                        .window(&hay, span)
                        .iter()
                        .map(|k| {
                            (
                                Span::new(k.span.start - pre.len(), k.span.end - pre.len()),
                                k.kind(),
                            )
                        })
                        .collect();
                    assert_eq!(here, alone, "{t:?} in {hay:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 50_000, "{checked}");
        // And the lexer does read around a dot before a letter.
        assert!(!same_anywhere("ab.Cd") && !same_anywhere("Ann, Bo"));
        assert!(same_anywhere("Mr. Kirby") && same_anywhere("Bo.") && !same_anywhere("U.S."));
    }
}
