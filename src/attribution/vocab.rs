//! The distinct words of a text, each described once.
//!
//! Finding names looks at every word of an article: is it capitalised, a
//! stop word, a title, a role, part of an organisation's name? Asked per
//! occurrence, those questions (lower-casing, then a binary search in a
//! dozen word lists) were most of the whole analysis. Articles repeat
//! their words — a megabyte of news holds about 200,000 words but some
//! 15,000 distinct ones — so [`Vocab`] describes each distinct spelling
//! once ([`Word::describe`]) and every later occurrence costs one hash
//! look-up.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::lexicon::{self, has};
use super::names;
use super::words;

/// What a word is, as far as name finding cares: a set of bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags(u32);

impl Flags {
    /// Nothing (punctuation).
    pub(crate) const NONE: Flags = Flags(0);
    /// Starts with an upper-case letter.
    pub(crate) const CAPITALIZED: Flags = Flags(1);
    /// Never starts or continues a name ([`names::is_stop`]).
    pub(crate) const STOP: Flags = Flags(1 << 1);
    /// A title or role word ([`names::is_title_word`]).
    pub(crate) const TITLE: Flags = Flags(1 << 2);
    /// A role noun ([`lexicon::ROLES`]): "spokesman".
    pub(crate) const ROLE: Flags = Flags(1 << 3);
    /// Marks an organisation ("Office", "Ministry").
    pub(crate) const ORG: Flags = Flags(1 << 4);
    /// A determiner ([`lexicon::DETERMINERS`]).
    pub(crate) const DETERMINER: Flags = Flags(1 << 5);
    /// A word for a document ([`lexicon::ISSUES`]): "statement".
    pub(crate) const ISSUE: Flags = Flags(1 << 6);
    /// A particle inside names, as written ("van", "bin").
    pub(crate) const PARTICLE: Flags = Flags(1 << 7);
    /// An abbreviation that a dot may follow ([`names::is_abbrev`]).
    pub(crate) const ABBREV: Flags = Flags(1 << 8);
    /// A masculine title ("Mr", "Sir").
    pub(crate) const MALE_TITLE: Flags = Flags(1 << 9);
    /// A feminine title ("Mrs", "Queen").
    pub(crate) const FEMALE_TITLE: Flags = Flags(1 << 10);
    /// Ends in a possessive 's.
    pub(crate) const POSSESSIVE: Flags = Flags(1 << 11);
    /// A preposition of place before a name ("at", "from").
    pub(crate) const PLACE: Flags = Flags(1 << 12);
    /// he, his, himself.
    pub(crate) const HE: Flags = Flags(1 << 13);
    /// she, hers, herself.
    pub(crate) const SHE: Flags = Flags(1 << 14);
    /// him, her: an object pronoun.
    pub(crate) const OBJECT: Flags = Flags(1 << 15);

    /// Whether any bit of `f` is set.
    pub(crate) fn has(self, f: Flags) -> bool {
        self.0 & f.0 != 0
    }

    fn set(&mut self, f: Flags, on: bool) {
        if on {
            self.0 |= f.0;
        }
    }
}

/// One distinct spelling of a word.
#[derive(Clone, Debug)]
pub(crate) struct Word<'a> {
    /// Its look-up key ([`words::key`]): lower case, possessive dropped.
    pub(crate) key: Cow<'a, str>,
    /// What it is.
    pub(crate) flags: Flags,
}

impl<'a> Word<'a> {
    /// Describes `w` (a word as written).
    pub(crate) fn describe(w: &'a str) -> Word<'a> {
        let key: Cow<'a, str> = match words::key(w) {
            words::Key::Same(s) => Cow::Borrowed(s),
            k => Cow::Owned(k.as_str().to_owned()),
        };
        let k = key.as_ref();
        let mut f = Flags::NONE;
        f.set(Flags::CAPITALIZED, words::is_capitalized(w));
        f.set(Flags::STOP, names::is_stop(k));
        f.set(Flags::TITLE, names::is_title_word(k));
        f.set(Flags::ROLE, has(lexicon::ROLES, k));
        f.set(Flags::ORG, names::is_org_word(k));
        f.set(Flags::DETERMINER, has(lexicon::DETERMINERS, k));
        f.set(Flags::ISSUE, has(lexicon::ISSUES, k));
        f.set(Flags::PARTICLE, names::is_particle(w));
        f.set(Flags::ABBREV, names::is_abbrev(w));
        f.set(Flags::MALE_TITLE, names::is_male_title(k));
        f.set(Flags::FEMALE_TITLE, names::is_female_title(k));
        f.set(Flags::POSSESSIVE, w.ends_with("'s") || w.ends_with("’s"));
        f.set(
            Flags::PLACE,
            matches!(k, "at" | "from" | "in" | "into" | "near"),
        );
        f.set(Flags::HE, matches!(k, "he" | "his" | "himself"));
        f.set(Flags::SHE, matches!(k, "she" | "hers" | "herself"));
        f.set(Flags::OBJECT, matches!(k, "him" | "her"));
        Word { key, flags: f }
    }
}

/// Id of a word in a [`Vocab`].
pub(crate) type Id = u32;

/// The distinct words seen so far, with their descriptions.
#[derive(Debug, Default)]
pub(crate) struct Vocab<'a> {
    ids: FxHashMap<&'a str, Id>,
    words: Vec<Word<'a>>,
}

impl<'a> Vocab<'a> {
    /// The id of `w`, describing it the first time it is seen.
    pub(crate) fn intern(&mut self, w: &'a str) -> Id {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        // A text of at most 4 GiB has fewer distinct words than `Id::MAX`;
        // past that every new word shares the last id (never a panic).
        let id = Id::try_from(self.words.len()).unwrap_or(Id::MAX);
        self.words.push(Word::describe(w));
        self.ids.insert(w, id);
        id
    }

    /// The word with id `id`.
    pub(crate) fn word(&self, id: Id) -> Option<&Word<'a>> {
        self.words.get(usize::try_from(id).ok()?)
    }

    /// The flags of `w`: from the table if seen, else described now.
    pub(crate) fn flags(&self, w: &str) -> Flags {
        match self.ids.get(w).and_then(|&id| self.word(id)) {
            Some(word) => word.flags,
            None => Word::describe(w).flags,
        }
    }

    /// Every distinct word, in order of first occurrence.
    pub(crate) fn words(&self) -> impl Iterator<Item = &Word<'a>> {
        self.words.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_each_spelling_once() {
        let mut v = Vocab::default();
        let a = v.intern("Minister");
        let b = v.intern("said");
        assert_eq!(v.intern("Minister"), a);
        assert_ne!(a, b);
        assert_eq!(v.words().count(), 2);
        let m = v.word(a).map(|w| (w.key.to_string(), w.flags));
        assert_eq!(
            m.as_ref().map(|(k, _)| k.as_str()),
            Some("minister"),
            "{m:?}"
        );
        let f = v.flags("Minister");
        assert!(f.has(Flags::CAPITALIZED) && f.has(Flags::TITLE));
        assert!(!f.has(Flags::STOP));
        // Unseen words are described on the spot.
        assert!(v.flags("Ms").has(Flags::FEMALE_TITLE));
        assert!(v.flags("Office").has(Flags::ORG));
        assert!(v.flags("Kirby's").has(Flags::POSSESSIVE));
        assert!(v.flags("himself").has(Flags::HE));
        assert_eq!(v.flags(","), Flags::NONE);
    }
}
