//! Tag patterns: where a quotation's speaker and cue sit in its sentence.
//!
//! `“Q,” said X` and `„Q“, so X` after it ([`after_pattern`]); `X said:
//! “Q”` and `X said that “Q”` before it ([`before_pattern`]); a colon after
//! a short name (`Philip Bump: “Q”`); `according to X` anywhere in the
//! sentence ([`according_to`]); a tag that closes the sentence after more
//! words (`fired “multiple” missiles, he added.`, [`sentence_tag`]). Each
//! returns a [`Found`]: the mention, the cue and the [`Rule`] that matched.

use super::*;
use crate::wordlist::{word_list, WordList};

/// `“Q,” said X` / `“Q,” X said` / `„Q“, so X`.
pub(super) fn after_pattern(hay: &Hay<'_>, toks: &[Tok], lang: Lang) -> Option<Found> {
    // Skip the punctuation between the closing mark and the tag.
    let start = toks.iter().position(Tok::is_word)?;
    if toks.get(..start)?.iter().any(|t| {
        !matches!(
            t.punct(),
            Some(',' | '—' | '–' | '-' | ':' | ')' | '(' | '\'' | '’' | '”' | '"')
        )
    }) {
        return None;
    }
    let first = toks.get(start)?;
    let first_key = key(hay, first);
    // German „…“, mit diesen Worten meldete sich X: the verb, then X.
    if lang == Lang::De
        && first_key == "mit"
        && toks
            .get(start + 2)
            .is_some_and(|w| matches!(key(hay, w).as_str(), "worten" | "sätzen"))
    {
        let verb = toks.get(start + 3).filter(|v| {
            v.is_word() && !words::is_capitalized(v.span.text(hay)) && !is_pronoun(hay, v)
        })?;
        let np = np_forward(hay, toks.get(start + 4..)?)?;
        return Some(Found {
            mention: Some(np),
            cue: Some(Span::new(first.span.start, verb.span.end)),
            rule: Rule::QuoteCueSpeaker,
        });
    }
    // „Q“, so X — German only (English "so" after a quote is a conjunction).
    let is_so = first_key == "so"
        && matches!(lang, Lang::De | Lang::Auto)
        && toks.get(..start)?.iter().any(|t| t.punct() == Some(','));
    // German „…“, wird X zitiert / hat X gesagt: the auxiliary, the
    // speaker, then the participle; „…“, gab X bekannt / ließ X
    // verlauten: a verb, the speaker, then the rest of the cue.
    let first_cue = is_cue(hay, first);
    // (Asked only of German: a dozen look-ups per quotation.)
    let finite = || {
        !is_capitalized_tok(hay, first)
            && !first_cue
            && !is_pronoun(hay, first)
            && !is_determiner(hay, first)
            && !is_stop_tok(hay, first)
            && !has(lexicon::DE_ADVERBS, &first_key)
            && !has(lexicon::DE_SUBORDINATORS, &first_key)
    };
    if lang == Lang::De && (has(lexicon::DE_AUX, &first_key) || finite() && !is_so) {
        if let Some(np) = toks.get(start + 1..).and_then(|r| np_forward(hay, r)) {
            // "wird Ann Ames, Sprecherin der Firma, zitiert": past an
            // appositive between commas.
            let rest: Vec<&Tok> = toks.iter().filter(|t| t.span.start >= np.end).collect();
            let skip = match rest.first().and_then(|t| t.punct()) {
                Some(',') => rest
                    .iter()
                    .skip(1)
                    .take(APPOSITIVE_WINDOW)
                    .position(|t| t.punct() == Some(','))
                    .map_or(0, |c| c + 2),
                _ => 0,
            };
            // „…?“, wollen die Bauern seit Wochen wissen: "wissen wollen"
            // asks, with the infinitive at the clause's end.
            let asks = matches!(first_key.as_str(), "will" | "wollen" | "wollte" | "wollten");
            let reach = if asks { MAX_NP } else { 4 };
            if let Some(verb) = rest
                .iter()
                .skip(skip)
                .take(reach)
                .take_while(|t| !asks || !matches!(t.punct(), Some('.' | ',' | ';' | ':')))
                .find(|t| is_cue(hay, t) || asks && key(hay, t) == "wissen")
            {
                return Some(Found {
                    mention: Some(np),
                    cue: Some(Span::new(first.span.start, verb.span.end)),
                    rule: Rule::QuoteCueSpeaker,
                });
            }
        }
    }
    // A compound tense with the auxiliary first: « … », a déclaré X;
    // „…“, hat X gesagt; "…," has said X.
    if matches!(first_key.as_str(), "a" | "ha" | "hat" | "has" | "had") {
        if let Some(verb) = toks.get(start + 1).filter(|t| is_cue(hay, t)) {
            let np = np_forward(hay, toks.get(start + 2..)?)?;
            return Some(Found {
                mention: Some(np),
                cue: Some(Span::new(first.span.start, verb.span.end)),
                rule: Rule::QuoteCueSpeaker,
            });
        }
    }
    if first_cue && first_key.ends_with("ing") {
        // “Q,” saying …: a participle; its subject is before the quotation.
        return None;
    }
    if first_cue || is_so {
        // Cue first: the speaker follows ("said Mr. Burr"); German "heißt
        // es in der Erklärung" names the source after a preposition.
        // „…“, so heißt es in der Erklärung.
        let from = start
            + 1
            + usize::from(
                is_so
                    && toks
                        .get(start + 1)
                        .is_some_and(|t| matches!(key(hay, t).as_str(), "heißt" | "hieß")),
            );
        let np = np_forward(hay, toks.get(from..)?)
            .or_else(|| {
                (lang == Lang::De)
                    .then(|| german_attributed_np(hay, toks.get(from..)?))
                    .flatten()
            })
            .or_else(|| impersonal_source(hay, toks.get(from..)?))
            .or_else(|| household_name(hay, toks.get(from..)?))?;
        return Some(Found {
            mention: Some(np),
            cue: Some(first.span),
            rule: Rule::QuoteCueSpeaker,
        });
    }
    // Speaker first: find the cue within a few words; the speaker phrase
    // is everything from the tag's start to the cue ("Jeff Weaver, the
    // campaign manager, said"), less adverbs before the cue.
    // German puts the verb first after a quotation („…“, sagte er); a
    // name-first tag there is the next sentence.
    if lang == Lang::De {
        return None;
    }
    let cue_at = toks
        .iter()
        .enumerate()
        .skip(start)
        .take(APPOSITIVE_WINDOW)
        .find(|(_, t)| is_cue(hay, t))
        .map(|(i, _)| i)?;
    // "He said:" introduces what follows, not this quotation.
    if toks.get(cue_at + 1).and_then(Tok::punct) == Some(':') {
        return None;
    }
    let np = tag_phrase(hay, toks.get(start..cue_at)?)?;
    Some(Found {
        mention: Some(np),
        cue: toks.get(cue_at).map(|t| t.span),
        rule: Rule::QuoteSpeakerCue,
    })
}

/// A household word standing as a name after a cue: `"…," said nanny.`
/// (the word alone, then the end of the clause).
pub(super) fn household_name(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let w = toks.first().filter(|t| t.is_word())?;
    let ends = toks
        .get(1)
        .is_none_or(|t| matches!(t.punct(), Some('.' | ',' | ';' | '!' | '?' | ')')));
    (ends && has(lexicon::HOUSEHOLD_NAMES, &key(hay, w))).then_some(w.span)
}

/// The speaker phrase of a tag, `toks` running from the tag's start to
/// the cue: it must open with a name, a pronoun or a determiner and hold
/// no sentence punctuation.
pub(super) fn tag_phrase(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let mut end = without_parenthesis(toks).len();
    while end > 0
        && toks
            .get(end - 1)
            .is_some_and(|t| t.punct() == Some(',') || t.is_word() && is_bridge(hay, t))
    {
        end -= 1;
    }
    let mut phrase = toks.get(..end)?;
    // "Ann Ames, a columnist for the Tribune, wrote": the name before
    // the appositive.
    if let Some(comma) = phrase.iter().position(|t| t.punct() == Some(',')) {
        let head = phrase.get(..comma)?;
        let named = head.len() <= 6
            && head.iter().all(|t| {
                t.punct() == Some('.') || t.is_word() && words::is_capitalized(t.span.text(hay))
            });
        if named && !head.is_empty() {
            phrase = head;
        }
    }
    let first = phrase.first()?;
    let last = phrase.last()?;
    // Right after a closing mark and before a cue, any short phrase is
    // the speaker ("warm-and-fuzzy Trump", "critics of the plan"), but
    // not one opening with a conjunction or preposition ("and then").
    let first_key = key(hay, first);
    let lower_start = first.is_word() && !words::is_capitalized(first.span.text(hay));
    let opens = first.is_word()
        && (!is_stop_tok(hay, first) || is_pronoun(hay, first) || is_determiner(hay, first))
        // A participle or preposition opens a clause, not a speaker
        // ("…,” giving states more power, …").
        && !(lower_start
            && (first_key.ends_with("ing")
                || has(CLAUSE_PREPOSITIONS, &first_key)));
    let words = phrase.iter().filter(|t| t.is_word()).count();
    // A lower-case phrase with no determiner is a bare noun ("critics",
    // "party officials") or ends in a name ("warm-and-fuzzy Trump");
    // anything longer is a clause.
    let any_capital = phrase
        .iter()
        .any(|t| t.is_word() && words::is_capitalized(t.span.text(hay)));
    if lower_start
        && !is_determiner(hay, first)
        && !is_pronoun(hay, first)
        && !any_capital
        && words > 3
    {
        return None;
    }
    let clean = phrase.iter().all(|t| {
        !matches!(
            t.punct(),
            Some('.' | '!' | '?' | ';' | ':' | '“' | '”' | '"' | '„')
        ) || t.punct() == Some('.')
    });
    if !opens || words > MAX_NP || !clean || !last.is_word() {
        return None;
    }
    // A pronoun stands alone: "he said", never "he then said".
    if is_pronoun(hay, first) && words > 1 {
        return Some(first.span);
    }
    Some(Span::new(first.span.start, last.span.end))
}

/// Prepositions that open a clause after a quotation, not a speaker
/// ([`tag_phrase`]). A packed list: most first words asked are turned
/// away by their sign bit, where a slice was a bisection each (every
/// "he said" tag asks it).
static CLAUSE_PREPOSITIONS: &WordList = &word_list!(&[
    "about",
    "across",
    "against",
    "among",
    "out",
    "over",
    "regarding",
    "toward",
    "towards",
    "under",
]);

/// Whether the cue of a tag goes on with a complement ("said the deal
/// …", "said that …") rather than ending it ("said.", "said Tuesday",
/// "said in a statement").
#[inline(never)]
pub(super) fn takes_complement(hay: &Hay<'_>, toks: &[Tok], cue: Option<Span>) -> bool {
    let Some(cue) = cue else { return false };
    let Some(next) = toks.iter().find(|t| t.span.start >= cue.end) else {
        return false;
    };
    if !next.is_word() {
        return false;
    }
    let k = key(hay, next);
    let adjunct = has(
        &[
            "about",
            "after",
            "at",
            "before",
            "during",
            "earlier",
            "friday",
            "from",
            "in",
            "later",
            "monday",
            "of",
            "on",
            "saturday",
            "sunday",
            "thursday",
            "to",
            "today",
            "tuesday",
            "wednesday",
            "when",
            "while",
            "with",
            "yesterday",
        ],
        &k,
    ) || k.ends_with("ly");
    !adjunct
}

/// A short quoted name ("Die Zeit", "Computerwoche"): up to four
/// words, the first capitalised, no sentence punctuation.
#[inline(never)]
pub(super) fn is_quoted_name(content: &str) -> bool {
    let content = content.trim();
    // At most four words: a fifth is not looked for past (quotations
    // are long, and most are asked).
    content.split_whitespace().nth(4).is_none()
        && content.chars().next().is_some_and(char::is_uppercase)
        && !content.contains(['.', '!', '?', ',', ':'])
}

/// `toks` less a closing parenthesis group: "Sen. Ann Ames (D-Ore.)"
/// before "said" ends at the name.
pub(super) fn without_parenthesis(toks: &[Tok]) -> &[Tok] {
    if toks.last().and_then(Tok::punct) != Some(')') {
        return toks;
    }
    let open = toks
        .iter()
        .rev()
        .take(8)
        .position(|t| t.punct() == Some('('));
    match open {
        Some(k) => toks.get(..toks.len() - 1 - k).unwrap_or(toks),
        None => toks,
    }
}

/// A tag closing the quotation's sentence after more words: `fired
/// “multiple” missiles on Tuesday, he added.`
#[inline(never)]
pub(super) fn sentence_tag(hay: &Hay<'_>, toks: &[Tok], lang: Lang) -> Option<Found> {
    // Try each comma from the last back (at most a few): the tag may
    // carry an appositive after the name ("…, said David Ames, a former
    // aide.") or an adjunct after the cue ("…, Ms Ruiz said at a rally").
    let commas = toks
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| t.punct() == Some(','))
        .map(|(i, _)| i)
        .take(3);
    for comma in commas {
        let Some(tail) = toks.get(comma..) else {
            continue;
        };
        if tail.len() > 2 * MAX_NP {
            break;
        }
        let Some(found) = after_pattern(hay, tail, lang) else {
            continue;
        };
        let Some(cue) = found.cue else { continue };
        // The cue must come early in the tag: it ends the sentence, give
        // or take an adjunct or an appositive.
        let before_cue = tail.iter().filter(|t| t.span.start < cue.start).count();
        if before_cue <= MAX_NP {
            return Some(found);
        }
    }
    None
}

/// Any speech cue in the quotation's sentence, nearest first.
#[inline(never)]
pub(super) fn cue_in_sentence(hay: &Hay<'_>, before: &[Tok], after: &[Tok]) -> Option<Span> {
    before
        .iter()
        .rev()
        .chain(after.iter())
        .find(|t| is_cue(hay, t))
        .map(|t| t.span)
}

/// "you" right before or after the cue `cue` in the quotation's sentence
/// (`“Look!” you cried`, `said you`): a story told to its listener.
#[inline(never)]
pub(super) fn second_person(
    hay: &Hay<'_>,
    before: &[Tok],
    after: &[Tok],
    cue: Span,
) -> Option<Span> {
    [before, after].into_iter().find_map(|toks| {
        let k = toks.iter().position(|t| t.span == cue)?;
        let near = [k.checked_sub(1).and_then(|p| toks.get(p)), toks.get(k + 1)];
        near.into_iter()
            .flatten()
            .find(|t| key(hay, t) == "you")
            .map(|t| t.span)
    })
}

/// `X said: “Q”` / `X said that “Q”` / `X declared his support for “Q”`;
/// when no phrase stands right before the cue, the subject that opens the
/// sentence (`Cornyn (R-Texas) told a reporter that he “…”`, `X did Y,
/// saying “…”`).
pub(super) fn before_pattern(hay: &Hay<'_>, toks: &[Tok], lang: Lang) -> Option<Found> {
    // German capitalises an adverb only where a sentence starts: a heading
    // run into the text ("Rückblick Bereits 2005 hatte X erklärt:") ends
    // before it.
    let toks = match (lang == Lang::De)
        .then(|| {
            (1..toks.len()).rev().find(|&j| {
                toks.get(j).is_some_and(|t| {
                    let k = key(hay, t);
                    t.is_word()
                        && words::is_capitalized(t.span.text(hay))
                        && has(lexicon::DE_ADVERBS, &k)
                        && !has(lexicon::DE_PREPOSITIONS, &k)
                        && !has(lexicon::DE_SUBORDINATORS, &k)
                }) && toks.get(j - 1).is_some_and(Tok::is_word)
            })
        })
        .flatten()
    {
        Some(j) => toks.get(j..)?,
        None => toks,
    };
    // "Said Dorothy Poynter, who …, “Q”": the cue opens the sentence.
    if let Some(first) = toks.first().filter(|t| is_cue_or_capital_cue(hay, t)) {
        if words::is_capitalized(first.span.text(hay)) {
            let np = np_forward(hay, toks.get(1..)?)?;
            return Some(Found {
                mention: Some(np),
                cue: Some(first.span),
                rule: Rule::QuoteCueSpeaker,
            });
        }
    }
    let last_cue = toks.iter().rposition(|t| is_cue(hay, t));
    // German splits a separable verb: "führt das Gericht aus, …", "rief
    // er vor der Menge aus:"; the finite half is the cue.
    let split = (lang == Lang::De)
        .then(|| german_split_cue(hay, toks))
        .flatten();
    let Some(last_cue) = last_cue.max(split) else {
        return colon_pattern(hay, toks);
    };
    // German puts the verb second: "Dazu sagte Merkel: „…“", "2008
    // erklärte er: „…“", "Stoiber hatte … betont: „…“".
    if lang == Lang::De {
        if let Some(f) = german_clause(hay, toks, last_cue) {
            return Some(f);
        }
    }
    // The nearest cue with a speaker phrase right before it: "Nefzi said,
    // adding, “Q”" goes back past "adding" to "Nefzi said".
    for (i, t) in toks.iter().enumerate().take(last_cue + 1).rev() {
        if !is_cue(hay, t) {
            continue;
        }
        // "She issued a statement saying": the participle's phrase is
        // an object unless it opens the clause ("…, with McCain calling
        // it …" opens one too).
        let participle = key(hay, t).ends_with("ing");
        if let Some(np) = np_backward(hay, toks.get(..i)?).filter(|np| {
            !participle
                || toks
                    .iter()
                    .rfind(|p| p.span.end <= np.start)
                    .is_none_or(|p| !p.is_word() || key(hay, p) == "with")
        }) {
            return Some(Found {
                mention: Some(np),
                cue: Some(t.span),
                rule: Rule::SpeakerCueQuote,
            });
        }
    }
    let np = sentence_subject(hay, toks.get(..last_cue)?)?;
    Some(Found {
        mention: Some(np),
        cue: toks.get(last_cue).map(|t| t.span),
        rule: Rule::SentenceSubject,
    })
}

/// `Philip Bump: “Q”`: a short name phrase and a colon right before the
/// quotation.
#[inline(never)]
pub(super) fn colon_pattern(hay: &Hay<'_>, toks: &[Tok]) -> Option<Found> {
    let (last, rest) = toks.split_last()?;
    if last.punct() != Some(':') {
        return None;
    }
    let start = rest
        .iter()
        .rposition(|t| matches!(t.punct(), Some('-' | '—' | '–' | '(' | '\n')))
        .map_or(0, |i| i + 1);
    let phrase = rest.get(start..)?;
    let first = phrase.first()?;
    let all_caps = phrase.iter().all(|t| {
        !t.is_word() || words::is_capitalized(t.span.text(hay)) || has(&["of", "the"], &key(hay, t))
    });
    if phrase.len() > 5 || !all_caps || !first.is_word() || is_stop_tok(hay, first) {
        return None;
    }
    let np = tag_phrase(hay, phrase)?;
    Some(Found {
        mention: Some(np),
        cue: None,
        rule: Rule::SpeakerColonQuote,
    })
}

/// The noun phrase opening a sentence, after any introductory phrases
/// closed by commas ("In a statement, the ministry …", "Outside the
/// hall, protesters …", "Horrified at the result, Ann …", "Two years
/// ago, she …") and a dateline ("BERLIN (AP) — The ministry …").
pub(super) fn sentence_subject(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let mut from = dateline_end(hay, toks);
    // A few introductory phrases at most.
    for _ in 0..4 {
        let rest = toks.get(from..)?;
        let next_comma = || {
            rest.iter()
                .position(|t| t.punct() == Some(','))
                .map(|c| from + c + 1)
        };
        if introduces(hay, rest) {
            match next_comma() {
                Some(c) => from = c,
                // No comma: a conjunction or adverb or two before the
                // subject ("But Ann would not …", "When he later …").
                None => return after_conjunction(hay, rest),
            }
            continue;
        }
        let np = np_forward(hay, rest)?;
        let end = rest.iter().position(|t| t.span.start >= np.end);
        let follower = end.and_then(|e| rest.get(e));
        let last = rest.iter().rfind(|t| t.span.end <= np.end);
        // "Two years ago, …", "Last week, …": a time, not a subject.
        let time = last
            .is_some_and(|t| has(DATES, &key(hay, t)) || has(TIME_PLURALS, &key(hay, t)))
            && !follower.is_some_and(|t| t.is_word() && is_cue(hay, t));
        // "In Ames, Iowa, on Sunday, …": a lone name between commas
        // after a capitalised word is a place's state or country, still
        // in the introductory phrase.
        let single = rest.first().is_some_and(|t| t.span == np)
            || rest
                .get(1)
                .is_some_and(|t| t.span.end == np.end && t.punct() == Some('.'));
        let place = from > 0
            && single
            && follower.is_some_and(|t| t.punct() == Some(','))
            && from
                .checked_sub(2)
                .and_then(|p| toks.get(p))
                .is_some_and(|t| t.is_word() && words::is_capitalized(t.span.text(hay)));
        if time || place {
            from = end.map(|e| from + e)?;
            let rest = toks.get(from..)?;
            from += rest.iter().position(|t| t.punct() == Some(','))? + 1;
            continue;
        }
        return Some(np);
    }
    None
}

/// The subject after a word or two of function words that open a clause
/// with no comma ("But Ann would not …", "And he is …"): a pronoun or a
/// capitalised name only, not a lower-case word that may be a verb.
fn after_conjunction(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let skip = toks
        .iter()
        .take(2)
        .take_while(|t| {
            t.is_word() && is_stop_tok(hay, t) && !is_pronoun(hay, t) && !is_determiner(hay, t)
        })
        .count();
    let rest = toks.get(skip..)?;
    let first = rest.first().filter(|t| t.is_word() && skip > 0)?;
    let w = first.span.text(hay);
    // Not "it": "Usually it ended …" is about a thing.
    let person = is_pronoun(hay, first) && key(hay, first) != "it";
    if !(person || words::is_capitalized(w) && !is_stop_tok(hay, first)) {
        return None;
    }
    np_forward(hay, rest)
}

/// Plural time nouns that close a time adverbial ("Two years ago").
static TIME_PLURALS: &WordList =
    &word_list!(&["days", "decades", "hours", "months", "weeks", "years"]);

/// English words that open an introductory phrase rather than a subject
/// (prepositions and adverbs the stop list leaves out): "Outside the
/// arena, …", "Back in 1999, …", "Given his record, …". Sorted.
static INTRO_WORDS: &WordList = &word_list!(&[
    "across",
    "against",
    "ago",
    "along",
    "amid",
    "among",
    "around",
    "back",
    "behind",
    "beyond",
    "despite",
    "even",
    "following",
    "given",
    "inside",
    "just",
    "near",
    "outside",
    "throughout",
    "under",
    "unless",
    "unlike",
    "until",
    "upon",
    "within",
    "without",
]);

/// Whether `toks` (a clause from its start) opens with an introductory
/// phrase, to be closed by a comma: a participle ("Speaking in Ohio, Trump …",
/// "Asked about it, she …", "Horrified at the news, Ann …"), a
/// preposition or adverb ("In a statement, the ministry …").
fn introduces(hay: &Hay<'_>, toks: &[Tok]) -> bool {
    let Some(first) = toks.first().filter(|t| t.is_word()) else {
        return false;
    };
    let k = key(hay, first);
    let participle = k.ends_with("ing") && k.len() > 4
        // A past participle leading a phrase: "Led by …", "Based on …".
        || k.ends_with("ed")
            && toks
                .get(1)
                .is_some_and(|n| n.is_word() && has(PREPOSITIONS, &key(hay, n)));
    participle
        || is_stop_tok(hay, first) && !is_pronoun(hay, first) && !is_determiner(hay, first)
        || has(INTRO_WORDS, &k)
}

/// Where a dateline ends: "WASHINGTON (AP) — …", "PARIS, July 25 (UPI)
/// — …": a capital-letters word opening the text and a dash within a
/// few tokens. 0 when there is none.
fn dateline_end(hay: &Hay<'_>, toks: &[Tok]) -> usize {
    let Some(first) = toks.first().filter(|t| t.is_word()) else {
        return 0;
    };
    let w = first.span.text(hay);
    let caps = w.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && w.chars().all(|c| !c.is_lowercase());
    // "Washington (AFP) –": a place, then the agency in parentheses.
    let agency = toks.get(1).and_then(Tok::punct) == Some('(');
    if !caps && !agency {
        return 0;
    }
    toks.iter()
        .take(12)
        .position(|t| matches!(t.punct(), Some('—' | '–')))
        .map_or(0, |d| d + 1)
}

/// `according to X` (also German "laut X", Spanish "según X", French
/// "selon X").
#[inline(never)]
pub(super) fn according_to(hay: &Hay<'_>, toks: &[Tok]) -> Option<Found> {
    for (i, t) in toks.iter().enumerate() {
        // Every cue below is a word: punctuation (all of a run of
        // unpaired marks) is passed without lower-casing its text.
        if !t.is_word() {
            continue;
        }
        let k = key(hay, t);
        let (cue_end, np_from) = match k.as_str() {
            "according" => match toks.get(i + 1) {
                Some(n) if key(hay, n) == "to" => (n.span.end, i + 2),
                _ => continue,
            },
            "laut" | "según" | "selon" => (t.span.end, i + 1),
            // "nach Angaben des Ministeriums", "nach Schäubles Ansicht".
            "nach" => {
                let (Some(a), b) = (toks.get(i + 1), toks.get(i + 2)) else {
                    continue;
                };
                // "nach den Worten der Ministerin": an article first.
                let (a, b, i) = match (toks.get(i + 2), toks.get(i + 3)) {
                    (Some(a2), b2)
                        if matches!(key(hay, a).as_str(), "den" | "der" | "dem")
                            && has(lexicon::DE_SOURCE_NOUNS, &key(hay, a2)) =>
                    {
                        (a2, b2, i + 1)
                    }
                    _ => (a, b, i),
                };
                let ka = key(hay, a);
                if has(lexicon::DE_SOURCE_NOUNS, &ka) {
                    let from = i + 2 + usize::from(b.is_some_and(|b| key(hay, b) == "von"));
                    let Some(np) = toks.get(from..).and_then(|r| np_forward(hay, r)) else {
                        continue;
                    };
                    // The source itself is the mention ("der Polizei"),
                    // the noun before it part of the cue.
                    return Some(Found {
                        mention: Some(np),
                        cue: Some(Span::new(t.span.start, a.span.end)),
                        rule: Rule::AccordingTo,
                    });
                }
                match b {
                    Some(b)
                        if words::is_capitalized(a.span.text(hay))
                            && a.span.text(hay).ends_with('s')
                            && has(lexicon::DE_SOURCE_NOUNS, &key(hay, b)) =>
                    {
                        return Some(Found {
                            mention: Some(Span::new(a.span.start, b.span.end)),
                            cue: Some(t.span),
                            rule: Rule::AccordingTo,
                        });
                    }
                    _ => continue,
                }
            }
            // "dem Bericht zufolge".
            "zufolge" => {
                let Some(np) = toks.get(..i).and_then(|b| np_backward(hay, b)) else {
                    continue;
                };
                return Some(Found {
                    mention: Some(np),
                    cue: Some(t.span),
                    rule: Rule::AccordingTo,
                });
            }
            // German ", so Gamkrelids, …": "so" between commas.
            "so" if i
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.punct() == Some(',')) =>
            {
                (t.span.end, i + 1)
            }
            _ => continue,
        };
        if let Some(np) = toks.get(np_from..).and_then(|rest| np_forward(hay, rest)) {
            return Some(Found {
                mention: Some(np),
                cue: Some(Span::new(t.span.start, cue_end)),
                rule: Rule::AccordingTo,
            });
        }
    }
    None
}

/// [`according_to`] in the words before a quotation, the source nearest
/// to it first: "nach Angaben des Amtes soll …, die nach Bewertung der
/// Polizei „…“" is the police's. A few candidates only, so a sentence
/// full of "nach" stays linear.
#[inline(never)]
pub(super) fn according_to_nearest(hay: &Hay<'_>, toks: &[Tok]) -> Option<Found> {
    let candidates = (0..toks.len()).rev().filter(|&i| {
        toks.get(i).is_some_and(|t| {
            t.is_word()
                && matches!(
                    key(hay, t).as_str(),
                    "according" | "laut" | "según" | "selon" | "nach" | "zufolge" | "so"
                )
        })
    });
    for i in candidates.take(4) {
        // "seiner Meinung nach": a possessive and a source noun before.
        let noun = i.checked_sub(1).and_then(|k| toks.get(k));
        let owner = i.checked_sub(2).and_then(|k| toks.get(k));
        if let (Some(noun), Some(owner)) = (noun, owner) {
            if toks.get(i).is_some_and(|t| key(hay, t) == "nach")
                && has(lexicon::DE_SOURCE_NOUNS, &key(hay, noun))
                && matches!(
                    key(hay, owner).as_str(),
                    "seiner" | "ihrer" | "deren" | "dessen"
                )
            {
                return Some(Found {
                    mention: Some(Span::new(owner.span.start, noun.span.end)),
                    cue: toks.get(i).map(|t| t.span),
                    rule: Rule::AccordingTo,
                });
            }
        }
        let found = match toks.get(i).map(|t| key(hay, t)).as_deref() {
            Some("zufolge") => according_to(hay, toks.get(..=i)?),
            // ", so X": the comma before "so" is part of the pattern.
            Some("so") => according_to(hay, toks.get(i.saturating_sub(1)..)?),
            _ => according_to(hay, toks.get(i..)?),
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Possessive determiners: the owner of a statement noun ("her claim").
static POSSESSIVES: &WordList = &word_list!(&["her", "his", "its", "my", "our", "their", "your"]);

/// Auxiliaries and negation between a subject and its verb ("is
/// praising", "will not call", "do believe"), skipped like the bridges.
static AUXILIARIES: &WordList = &word_list!(&[
    "am", "are", "be", "been", "being", "can", "could", "do", "does", "is", "may", "might", "must",
    "not", "shall", "should", "was", "were",
]);

/// The speaker of a fragment governed by a characterising verb, a naming
/// participle or a word of belief or statement
/// ([`crate::quote::kind::governs_fragment`]): "Trump dismissed the plan
/// as “absurd”", "what one critic has dubbed “…”", "her claim that
/// she “…”". These verbs are not speech cues, but the fragment they
/// govern is the words of whoever does the characterising: the verb's
/// grammatical subject, the noun phrase right before it (auxiliaries
/// and adverbs skipped, as for a cue), not whatever opens the sentence
/// ("Outside the arena, protesters chanted “…”"). A statement noun
/// belongs to its possessor ("his call for “…”", "Ann's pledge to
/// “…”"). `toks` is the quotation's sentence up to it. The nearest verb
/// counts, else the nearest owned noun; `None` when the verb's subject
/// is elsewhere (a participle after a comma: "…, calling it “…”"), for
/// the sentence's subject to answer.
#[inline(never)]
pub(super) fn governor_subject(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    // Only the quotation's own clause: a governing word before a
    // semicolon or colon belongs to another.
    let from = toks
        .iter()
        .rposition(|t| matches!(t.punct(), Some(';' | ':')))
        .map_or(0, |p| p + 1);
    let clause = toks.get(from..)?;
    let mut owner = None;
    // A few governing words at most, so a long sentence stays linear.
    let governing = (0..clause.len())
        .rev()
        .filter(|&i| {
            clause.get(i).is_some_and(|t| {
                t.is_word()
                    && !words::is_capitalized(t.span.text(hay))
                    && crate::quote::kind::governs_fragment(&key(hay, t))
            })
        })
        .take(4);
    for at in governing {
        let head = clause.get(..at)?;
        let k = key(hay, clause.get(at)?);
        let verb_form = k.ends_with("ed") || k.ends_with("ing");
        match statement_owner(hay, head, verb_form) {
            Some(o) => {
                owner = owner.or(Some(o));
                continue;
            }
            None if crate::quote::kind::is_statement_noun(&k)
                || head.last().is_some_and(|t| is_determiner(hay, t)) =>
            {
                continue
            }
            None => {}
        }
        return verb_subject(hay, head, &k).or(owner);
    }
    owner
}

/// The possessor right before a statement noun ("her claim", "Ann's
/// vow", "his own admission"), past an adjective or two. A person or
/// body between them is the subject of a verb ("Ann's spokesman
/// called", "his supporters dismissed"): only adjectives may stand
/// there, and a past or -ing form (`verb_form`) is a verb, no noun.
fn statement_owner(hay: &Hay<'_>, head: &[Tok], verb_form: bool) -> Option<Span> {
    let adjective = |w: &str| !w.ends_with('s') || w.ends_with("ous");
    for (between, t) in head.iter().rev().take(3).enumerate() {
        let w = t.span.text(hay);
        let k = key(hay, t);
        if !t.is_word() {
            return None;
        }
        if has(POSSESSIVES, &k) || w.ends_with("'s") || w.ends_with("’s") {
            return Some(t.span);
        }
        if between == 2
            || verb_form
            || !adjective(w)
            || words::is_capitalized(w)
            || is_stop_tok(hay, t)
            || has(lexicon::ROLES, &k)
            || has(names::ORG_WORDS, &k)
        {
            return None;
        }
    }
    None
}

/// The subject right before a governing verb `verb` (its key), `head`
/// the clause before it: auxiliaries, negation and adverbs skipped ("is
/// praising", "has repeatedly dubbed", "do believe").
fn verb_subject(hay: &Hay<'_>, head: &[Tok], verb: &str) -> Option<Span> {
    let skip = |end: usize| {
        let mut end = end;
        while end > 0
            && head.get(end - 1).is_some_and(|t| {
                t.is_word() && (is_bridge(hay, t) || has(AUXILIARIES, &key(hay, t)))
            })
        {
            end -= 1;
        }
        end
    };
    let mut end = skip(head.len());
    // "started to portray", "vowed to denounce": the infinitive's
    // subject is the finite verb's (a past form, so that a noun before
    // "to" is not taken for a verb: "journalists to describe").
    let catenative = end >= 2
        && head.get(end - 1).is_some_and(|t| key(hay, t) == "to")
        && head.get(end - 2).is_some_and(|t| {
            let k = key(hay, t);
            t.is_word()
                && !words::is_capitalized(t.span.text(hay))
                && !is_stop_tok(hay, t)
                && k.ends_with("ed")
        });
    if catenative {
        end = skip(end - 2);
    }
    let head = head.get(..end)?;
    let np = np_backward(hay, head)?;
    let first = head.iter().find(|t| t.span.start == np.start)?;
    // A lone function word is no subject ("a", "not").
    if np == first.span && is_stop_tok(hay, first) && !is_pronoun(hay, first) {
        return None;
    }
    let before = head.iter().rfind(|t| t.span.end <= np.start);
    let after_word = before.is_some_and(|p| p.is_word() && !is_stop_tok(hay, p));
    // A participle's phrase is its subject only where it opens the
    // clause or follows "with" ("with crowds chanting “…”"); after a
    // verb it is an object ("issued a statement condemning “…”", "ran
    // an ad titled “…”"), and the subject is the sentence's.
    if (verb.ends_with("ing") || verb.ends_with("ed")) && after_word {
        let with = before.is_some_and(|p| key(hay, p) == "with");
        if !with {
            return None;
        }
    }
    Some(np)
}

/// The antecedent of a pronoun `np` opening a relative clause ("Cruz
/// railed against what he calls the “cartel”", "the plan, which she
/// called “…”"): the subject of the sentence before it, in `toks` (the
/// sentence up to the quotation). The pronoun stays the mention (the
/// words naming the speaker there); the antecedent says who it is.
#[inline(never)]
pub(super) fn relative_antecedent(hay: &Hay<'_>, toks: &[Tok], np: Span) -> Option<Span> {
    let at = toks.iter().position(|t| t.span == np)?;
    let pronoun = toks.get(at).is_some_and(|t| is_pronoun(hay, t));
    let relative = at
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| has(&["what", "which", "whom"], &key(hay, p)));
    if !(pronoun && relative) {
        return None;
    }
    sentence_subject(hay, toks.get(..at)?).filter(|s| s.end <= np.start)
}
