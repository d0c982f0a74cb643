//! Noun phrases: the speaker's words around a cue.
//!
//! [`np_forward`] reads a phrase right after a cue (`said the
//! spokesman`), up to a comma or a preposition; [`np_backward`] one ending
//! right before it (`a Foreign Office statement said`): a pronoun, a name
//! with its titles or a determiner-led phrase. [`plausible_mention`] turns
//! away lone dates and sentence adverbs that stand where a subject could.

use super::vocab::Flags;
use super::*;
use crate::wordlist::{word_list, WordList};

/// A speaker phrase ending right before the cue (`toks` is everything
/// before it in the sentence): a pronoun, a capitalised name with its
/// titles, or a determiner-led noun phrase ("the spokesman", "a Foreign
/// Office statement").
pub(super) fn np_backward(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let mut end = without_parenthesis(toks).len();
    // Skip adverbs and auxiliaries: "also said", "has repeatedly said".
    while end > 0
        && toks
            .get(end - 1)
            .is_some_and(|t| t.is_word() && is_bridge(hay, t))
    {
        end -= 1;
    }
    let last = toks.get(end.checked_sub(1)?)?;
    if last.punct() == Some(',') {
        // "Mr. Frum, a former speechwriter, wrote": skip a short
        // appositive between commas and take the name before it.
        let inner = toks.get(..end - 1)?;
        let open = inner.iter().rposition(|t| t.punct() == Some(','))?;
        if end - 1 - open > MAX_NP {
            return None;
        }
        let np = np_backward(hay, toks.get(..open)?)?;
        let first_cap = toks.get(..open)?.iter().rfind(|t| {
            t.span.start >= np.start && t.is_word() && words::is_capitalized(t.span.text(hay))
        });
        return first_cap.map(|_| np);
    }
    if !last.is_word() {
        return None;
    }
    if is_pronoun(hay, last) {
        return Some(last.span);
    }
    // A relative pronoun after a comma: "Mike Lee, who declared".
    if key(hay, last) == "who"
        && end
            .checked_sub(2)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.punct() == Some(','))
    {
        return Some(last.span);
    }
    let mut start = end - 1;
    let mut words = 0usize;
    let mut capitals = 0usize;
    while let Some(t) = toks.get(start) {
        let ok = match t.kind() {
            Kind::Word if is_stop_tok(hay, t) && !is_determiner(hay, t) => false,
            Kind::Word => {
                if is_capitalized_tok(hay, t) {
                    capitals += 1;
                }
                words += 1;
                true
            }
            // "Mr." "U.S." inside a name.
            Kind::Punct('.') => start
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.is_word() && names::is_abbrev(p.span.text(hay))),
            Kind::Punct(_) => false,
        };
        if !ok || words > MAX_NP {
            start += 1;
            break;
        }
        if is_determiner(hay, t) {
            // A determiner opens the phrase: stop here, inclusive.
            break;
        }
        if start == 0 {
            break;
        }
        start -= 1;
    }
    let mut phrase = toks.get(start..end)?;
    // Without a capital or determiner the phrase is a bare noun: accept
    // one or two words ("officials", "police sources"), else it is a
    // clause, not a speaker ("the bill would change what he said").
    let first = phrase.first()?;
    let det = is_determiner(hay, first);
    if capitals == 0 && !det {
        if phrase.len() > 2 {
            return None;
        }
        phrase = phrase.get(phrase.len().saturating_sub(2)..)?;
        // After a pronoun or a name the word is a verb: "she began saying".
        let before = phrase
            .first()
            .and_then(|f| toks.iter().rfind(|p| p.span.end <= f.span.start));
        // After "that" it is the subject of a reported clause ("said that
        // voters would say"), not the source.
        if before.is_some_and(|p| {
            p.is_word()
                && (is_pronoun(hay, p)
                    || words::is_capitalized(p.span.text(hay))
                    || key(hay, p) == "that")
        }) {
            return None;
        }
    }
    // A long lower-case phrase with a capital only at its start is a
    // sentence, not a name: keep the capitalised tail.
    let first = phrase.first()?;
    let last = phrase.last()?;
    // Not the object of a preposition ("at the time said") nor a date
    // ("on Friday described").
    let before = toks.iter().rfind(|p| p.span.end <= first.span.start);
    if is_determiner(hay, first)
        && before.is_some_and(|p| {
            let k = key(hay, p);
            // German too: "durch ihren Doktorvater verwiesen".
            p.is_word()
                && (has(PREPOSITIONS, &k)
                    || has(lexicon::DE_PREPOSITIONS, &k)
                        && has(lexicon::DE_ARTICLES, &key(hay, first)))
        })
        || phrase.len() == 1 && has(DATES, &key(hay, first))
    {
        return None;
    }
    Some(Span::new(first.span.start, last.span.end))
}

/// Prepositions whose object is never a speaker before a cue.
pub(super) static PREPOSITIONS: &WordList = &word_list!(&[
    "about", "after", "at", "before", "by", "during", "for", "from", "in", "into", "of", "on",
    "to", "with",
]);

/// Whether a mention can name a speaker: not a lone date word (“said
/// Juni”, a month read as a subject) nor a lone sentence adverb (Damit,
/// Ursprünglich), which German word order puts where a subject could be.
pub(super) fn plausible_mention(hay: &Hay<'_>, m: Span) -> bool {
    let text = m.text(hay);
    // A space between two ASCII ends makes two words ("Mr. Kirby"): most
    // mentions are answered by bytes, not a walk over their chars.
    let b = text.as_bytes();
    if b.first().is_some_and(u8::is_ascii_graphic)
        && b.last().is_some_and(u8::is_ascii_graphic)
        && b.contains(&b' ')
    {
        return true;
    }
    // One word of ASCII letters and signs is itself (most of the rest).
    let only = if !b.is_empty() && b.iter().all(u8::is_ascii_graphic) {
        text
    } else {
        let mut words = text.split_whitespace();
        let (Some(only), None) = (words.next(), words.next()) else {
            return true;
        };
        only
    };
    // Asked twice of every mention: one hash look-up, not two searches.
    static NOT_SPEAKERS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| DATES.iter().chain(lexicon::DE_ADVERBS.iter()).collect());
    !NOT_SPEAKERS.contains(words::lower(only).as_str())
}

/// Weekdays and months (English and German), capitalised but no speakers.
pub(super) static DATES: &WordList = &word_list!(&[
    "afternoon",
    "april",
    "august",
    "december",
    "dezember",
    "dienstag",
    "donnerstag",
    "evening",
    "februar",
    "february",
    "freitag",
    "friday",
    "januar",
    "january",
    "juli",
    "july",
    "june",
    "juni",
    "mai",
    "march",
    "mittwoch",
    "monday",
    "montag",
    "month",
    "morning",
    "märz",
    "night",
    "november",
    "october",
    "oktober",
    "samstag",
    "saturday",
    "september",
    "sonntag",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
    "week",
    "weekend",
    "year",
]);

/// A speaker phrase right after a cue: a pronoun, a determiner-led phrase
/// or a capitalised name, up to a comma or a preposition.
pub(super) fn np_forward(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    // A quoted name: schrieb „Die Zeit“.
    if let (Some(open), Some(next)) = (toks.first(), toks.get(1)) {
        if matches!(open.punct(), Some('„' | '“' | '»' | '«'))
            && next.is_word()
            && is_capitalized_tok(hay, next)
        {
            let close = toks.iter().take(8).position(|t| {
                matches!(t.punct(), Some('“' | '”' | '«' | '»')) && t.span.start > open.span.start
            })?;
            let end = toks.get(close)?;
            return Some(Span::new(open.span.start, end.span.end));
        }
    }
    let first = toks.first()?;
    if !first.is_word() {
        return None;
    }
    // The first word's bits, looked up once for the questions below.
    let listed = hay.listed(first);
    if listed.has(Listed::PRONOUN) {
        return Some(first.span);
    }
    let det = listed.has(Listed::OPENS);
    let first_cap = is_capitalized_tok(hay, first);
    if !det && !first_cap {
        // A lower-case role before the name: "said engineer Nadia
        // Volkova" (looked for only here: a determiner or a capital
        // opens the phrase itself).
        let k = toks
            .iter()
            .take(3)
            .skip(1)
            .position(|t| t.is_word() && is_capitalized_tok(hay, t))
            .map(|k| k + 1)
            .filter(|&k| {
                toks.get(..k)
                    .is_some_and(|l| l.iter().all(|t| t.is_word() && !is_stop_tok(hay, t)))
            })?;
        return np_forward(hay, toks.get(k..)?).map(|np| Span::new(first.span.start, np.end));
    }
    let mut end = 1usize;
    while let Some(t) = toks.get(end) {
        let ok = match t.kind() {
            Kind::Word => {
                let f = flags_of(hay, t);
                !f.has(Flags::STOP)
                    && !hay.listed(t).has(Listed::CUE_WORD)
                    && !f.has(Flags::DETERMINER)
                    && (det || f.has(Flags::CAPITALIZED) || f.has(Flags::ROLE))
            }
            // A capital after the dot asked first: it needs no look-up.
            Kind::Punct('.') => {
                toks.get(end + 1)
                    .is_some_and(|n| n.is_word() && is_capitalized_tok(hay, n))
                    && toks
                        .get(end - 1)
                        .is_some_and(|p| p.is_word() && names::is_abbrev(p.span.text(hay)))
            }
            // A quoted name: die „Computerwoche“.
            Kind::Punct('„' | '»' | '«') => toks
                .get(end + 1)
                .is_some_and(|n| n.is_word() && is_capitalized_tok(hay, n)),
            Kind::Punct('“' | '”') => toks
                .get(..end)
                .is_some_and(|b| b.iter().any(|p| matches!(p.punct(), Some('„' | '»' | '«')))),
            Kind::Punct(_) => false,
        };
        if !ok || end >= MAX_NP {
            break;
        }
        end += 1;
    }
    let last = toks.get(end - 1)?;
    if det && end == 1 {
        return None;
    }
    Some(Span::new(first.span.start, last.span.end))
}
