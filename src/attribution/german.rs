//! German clause rules.
//!
//! German puts the finite verb second in a main clause and last in a
//! subordinate one, so the speaker is found by clause shape rather than by
//! the English "X said" order: a cue split from its particle ("führt … aus"),
//! verb-second subjects after a fronted object or adverb, relative clauses
//! that speak for their antecedent, passive agents ("von X als „…“
//! bezeichnet"), written sources ("Auf dem Plakat war „…“ zu lesen") and
//! reported speech in the subjunctive ("Er sei „…“"). [`super::attribute`]
//! asks these rules only when the text is German.

use super::*;
use crate::wordlist::{word_list, WordList};

/// Particles that close a German clause and belong to its finite verb
/// ("führt … aus", "wies … hin"), sorted for [`has`].
pub(super) static DE_SPLIT_PARTICLES: &WordList = &word_list!(&[
    "an", "aus", "bekannt", "ein", "fest", "hin", "hinzu", "mit", "vor", "zu", "zurück",
]);

/// The finite half of a German separable speech verb whose particle closes
/// the clause: "Dazu führt das Gericht aus, …" (ausführen), "rief er vor
/// der Menge aus:" (ausrufen). The particle and the verb joined must be a
/// cue ("ausführt"), so "führt die Liste an" is none. Each particle looks
/// back a bounded stretch of its own clause.
pub(super) fn german_split_cue(hay: &Hay<'_>, toks: &[Tok]) -> Option<usize> {
    let closes = |i: usize| {
        toks.get(i + 1)
            .is_none_or(|t| matches!(t.punct(), Some(',' | ':' | '.' | ';')))
    };
    (0..toks.len()).rev().find_map(|p| {
        let particle = toks.get(p)?;
        let pk = key(hay, particle);
        if !particle.is_word()
            || words::is_capitalized(particle.span.text(hay))
            || !has(DE_SPLIT_PARTICLES, &pk)
            || !closes(p)
        {
            return None;
        }
        (p.saturating_sub(2 * MAX_NP)..p)
            .rev()
            .take_while(|&j| toks.get(j).is_some_and(Tok::is_word))
            .find(|&j| {
                toks.get(j).is_some_and(|v| {
                    !words::is_capitalized(v.span.text(hay))
                        && lexicon::is_cue_word(&format!("{}{}", pk.as_str(), key(hay, v).as_str()))
                })
            })
    })
}

/// The speaker of a German clause holding a cue: the phrase before the
/// finite verb (the cue, or an auxiliary before a final cue) when it is
/// nominal, else the phrase right after the verb ("Weiter sagte Larson",
/// "Dazu wird Musk wie folgt zitiert", "Als er kam, sagte er").
pub(super) fn german_clause(hay: &Hay<'_>, toks: &[Tok], cue: usize) -> Option<Found> {
    let cue_span = toks.get(cue)?.span;
    // A leading subordinate clause ends at the last comma before the cue.
    let lead = toks.iter().position(Tok::is_word)?;
    // "Auf der Homepage heißt es: „…“", "In dem Antrag heißt es
    // wörtlich", "In der Erklärung hatte es geheißen": the place it is
    // written.
    if let Some(h) = toks
        .get(..=cue)?
        .iter()
        .rposition(|t| matches!(key(hay, t).as_str(), "heißt" | "hieß" | "geheißen"))
    {
        let prep = toks.get(lead)?;
        if matches!(
            key(hay, prep).as_str(),
            "in" | "im" | "auf" | "bei" | "beim" | "aus" | "laut"
        ) {
            if let Some(np) = toks.get(lead + 1..h).and_then(|r| np_forward(hay, r)) {
                return Some(Found {
                    mention: Some(Span::new(prep.span.start, np.end)),
                    cue: toks.get(h).map(|t| t.span),
                    rule: Rule::SpeakerCueQuote,
                });
            }
        }
    }
    if let Some(np) = german_verb_last(hay, toks, cue) {
        return Some(Found {
            mention: Some(np),
            cue: Some(cue_span),
            rule: Rule::SpeakerCueQuote,
        });
    }
    let adverbial = |t: &Tok| {
        let k = key(hay, t);
        t.is_word()
            && (is_stop_tok(hay, t) || has(lexicon::DE_ADVERBS, &k))
            && !is_pronoun(hay, t)
            && !has(lexicon::DE_ARTICLES, &k)
    };
    let from = match toks.get(lead) {
        Some(f) if adverbial(f) => toks
            .get(..cue)?
            .iter()
            .rposition(|t| t.punct() == Some(','))
            .map_or(lead, |c| c + 1),
        _ => lead,
    };
    let clause = toks.get(from..=cue)?;
    // "Der Minister lobte den Plan und nannte ihn „…“": a second verb
    // shares the subject of the first.
    if cue > from + 1 && toks.get(cue - 1).is_some_and(|t| key(hay, t) == "und") {
        if let Some(np) = german_subject(hay, toks.get(from..cue - 1)?) {
            return Some(Found {
                mention: Some(np),
                cue: Some(cue_span),
                rule: Rule::SpeakerCueQuote,
            });
        }
    }
    // A cue closing the clause is a participle or infinitive: the finite
    // verb is the auxiliary before it ("hat … betont", "lässt … erklären").
    // "soll X zu Y gesagt haben": an auxiliary after the cue closes too.
    let closes = toks.get(cue + 1..).is_none_or(|rest| {
        rest.first()
            .is_none_or(|t| !t.is_word() || has(lexicon::DE_AUX, &key(hay, t)))
    });
    let fin = if closes {
        clause
            .iter()
            .position(|t| t.is_word() && has(lexicon::DE_AUX, &key(hay, t)))
            .unwrap_or(clause.len() - 1)
    } else {
        clause.len() - 1
    };
    let pre = clause.get(..fin)?;
    // "Auch die Ministerin äußerte …": a focus particle before the
    // subject fills no slot of its own.
    let particles = pre
        .iter()
        .take_while(|t| has(lexicon::DE_FOCUS_PARTICLES, &key(hay, t)))
        .count();
    let pre = match pre.get(particles..) {
        Some(rest) if !rest.is_empty() => rest,
        _ => pre,
    };
    // "…, und der Verleger rief aus:": a conjunction joining two main
    // clauses stands before the first slot.
    let pre = match pre.split_first() {
        Some((c, rest))
            if !rest.is_empty() && matches!(key(hay, c).as_str(), "und" | "aber" | "oder") =>
        {
            rest
        }
        _ => pre,
    };
    let nominal = pre.first().is_some_and(|f| {
        let k = key(hay, f);
        f.is_word()
            && !has(lexicon::DE_ADVERBS, &k)
            && !matches!(
                k.as_str(),
                "den" | "dem" | "des" | "einem" | "einen" | "eines"
            )
            && !f.span.text(hay).starts_with(|c: char| c.is_ascii_digit())
            && (is_pronoun(hay, f)
                || is_determiner(hay, f)
                || has(lexicon::DE_ARTICLES, &k)
                || words::is_capitalized(f.span.text(hay)) && !is_stop_tok(hay, f))
    });
    // "Ein Sender zitierte Papandreou mit den Worten": the one quoted.
    let quoting = !closes && matches!(key(hay, toks.get(cue)?).as_str(), "zitierte" | "zitiert");
    if nominal && quoting {
        if let Some(np) = toks.get(cue + 1..).and_then(|r| np_forward(hay, r)) {
            return Some(Found {
                mention: Some(np),
                cue: Some(cue_span),
                rule: Rule::SpeakerCueQuote,
            });
        }
    }
    // "Die Arbeit … lobte er mit den Worten": a nominative pronoun right
    // after the finite verb is the subject, the phrase before it the
    // object (German puts either first).
    let inverted = toks
        .get(from + fin + 1)
        .filter(|t| matches!(key(hay, t).as_str(), "er" | "ich" | "wir"));
    if let (true, Some(p)) = (nominal, inverted) {
        return Some(Found {
            mention: Some(p.span),
            cue: Some(cue_span),
            rule: Rule::SpeakerCueQuote,
        });
    }
    // "Die Ministerin wies das zurück, die Sprecherin der Fraktion, Ute
    // Berg, erklärte: „…“": a second main clause after a comma, its subject
    // (with an appositive) right before the cue and no verb of its own.
    if nominal {
        // Only commas near the cue: the segment is bounded, so this stays
        // linear however long the clause.
        let near = pre.len().saturating_sub(2 * MAX_NP + 1);
        let second = pre.iter().enumerate().skip(near).rev().find_map(|(c, t)| {
            if t.punct() != Some(',') || c == 0 {
                return None;
            }
            let seg = pre.get(c + 1..)?;
            let art = seg.first()?;
            let verbless = seg.iter().all(|w| {
                let k = key(hay, w);
                !w.is_word()
                    || words::is_capitalized(w.span.text(hay))
                    || !(is_de_verb(hay, w)
                        || has(lexicon::DE_STRONG_PAST, &k)
                        || k.ends_with('t')
                        || k.ends_with("te")
                        || k.ends_with("ten"))
            });
            (matches!(art.span.text(hay), "der" | "die" | "das" | "ein" | "eine")
                && seg.len() <= 2 * MAX_NP
                && verbless
                && seg
                    .get(1)
                    .is_some_and(|w| w.is_word() && !is_determiner(hay, w)))
            .then_some(seg)
        });
        if let Some(seg) = second {
            let last = seg.iter().rfind(|t| t.punct() != Some(','))?;
            return Some(Found {
                mention: Some(Span::new(seg.first()?.span.start, last.span.end)),
                cue: Some(cue_span),
                rule: Rule::SpeakerCueQuote,
            });
        }
    }
    // "Die tibetischen Mönche … beschrieb die Agentur als „…“": a plural
    // phrase first and a singular verb; the verb agrees with the phrase
    // after it, the subject.
    if nominal {
        let verb = clause.get(fin).map(|t| key(hay, t));
        let singular_verb = verb.is_some_and(|v| !v.ends_with("en"));
        let plural_first = matches!(
            (pre.first(), pre.get(1)),
            (Some(a), Some(adj))
                if key(hay, a) == "die"
                    && adj.is_word()
                    && !words::is_capitalized(adj.span.text(hay))
                    && key(hay, adj).ends_with("en")
        );
        let subject = toks
            .get(from + fin + 1..)
            .filter(|r| {
                r.first().is_some_and(|t| {
                    matches!(key(hay, t).as_str(), "der" | "die" | "das" | "ein" | "eine")
                })
            })
            .and_then(|r| np_forward(hay, r));
        if let (true, true, Some(np)) = (singular_verb, plural_first, subject) {
            return Some(Found {
                mention: Some(np),
                cue: Some(cue_span),
                rule: Rule::SpeakerCueQuote,
            });
        }
    }
    let np = if nominal {
        match np_forward(hay, pre) {
            // "Die Universität hatte …": the phrase ends before the verb.
            Some(np) => match pre
                .iter()
                .find(|t| t.span.start > np.start && t.span.end <= np.end && is_de_verb(hay, t))
                .and_then(|v| pre.iter().rfind(|t| t.span.end <= v.span.start))
            {
                Some(last) => Span::new(np.start, last.span.end),
                None => np,
            },
            None => german_extended_np(hay, pre)?,
        }
    } else {
        let rest = toks.get(from + fin + 1..)?;
        let skip = rest
            .iter()
            .take(2)
            .take_while(|t| adverbial(t) && !is_determiner(hay, t))
            .count();
        // "rief vor den Anhängern aus": the phrase a preposition governs
        // is no subject (but "heißt es in der Meldung" names the source).
        let impersonal = matches!(
            key(hay, toks.get(cue)?).as_str(),
            "heißt" | "hieß" | "geheißen"
        );
        let governed = !impersonal
            && skip > 0
            && rest
                .get(skip - 1)
                .is_some_and(|p| has(lexicon::DE_PREPOSITIONS, &key(hay, p)))
            && rest.get(skip).is_some_and(|t| is_determiner(hay, t));
        if governed {
            return None;
        }
        let rest = rest.get(skip..)?;
        np_forward(hay, rest).or_else(|| impersonal_source(hay, rest))?
    };
    // The cue itself is no speaker ("Weiter sagte:").
    (np.start != cue_span.start).then_some(Found {
        mention: Some(np),
        cue: Some(cue_span),
        rule: Rule::SpeakerCueQuote,
    })
}

/// German relative pronouns that can be a clause's subject.
pub(super) static DE_RELATIVES: &WordList =
    &word_list!(&["das", "der", "die", "welche", "welcher", "welches"]);

/// German relative pronouns after a preposition ("auf dem", "in der").
pub(super) static DE_RELATIVES_GOVERNED: &WordList = &word_list!(&[
    "das", "dem", "den", "denen", "der", "die", "welche", "welchem", "welchen", "welcher",
]);

/// A German quotation in a relative clause that speaks for its antecedent:
/// "Kritik kam vom Verband ABC, der den Plan als „…“ sieht", "ein
/// Kommentar, der ihn „…“ nannte", "ein Schild, auf dem „…“ stand". The
/// clause runs from the last comma before the quotation; its pronoun must
/// be the subject (no "er", "sie", … after it; after a preposition, no
/// other phrase at all), and the clause must hold a cue, end in "als" or a
/// colon, or be closed by a cue after the quotation. Returns where the
/// clause starts and the antecedent as the mention.
#[inline(never)]
pub(super) fn german_relative(
    hay: &Hay<'_>,
    before: &[Tok],
    after: &[Tok],
) -> Option<(usize, Found)> {
    let comma = before.iter().rposition(|t| t.punct() == Some(','))?;
    let rel = before.get(comma + 1..)?;
    if rel.len() > 2 * MAX_NP {
        return None;
    }
    let prep = rel
        .first()
        .is_some_and(|t| has(lexicon::DE_PREPOSITIONS, &key(hay, t)));
    let pron = rel.get(usize::from(prep))?;
    let relative = if prep {
        DE_RELATIVES_GOVERNED
    } else {
        DE_RELATIVES
    };
    if !pron.is_word()
        || words::is_capitalized(pron.span.text(hay))
        || !has(relative, &key(hay, pron))
    {
        return None;
    }
    let body = rel.get(usize::from(prep) + 1..)?;
    let subject_after = |t: &Tok| {
        t.is_word()
            && (is_pronoun(hay, t)
                || matches!(
                    key(hay, t).as_str(),
                    "er" | "sie" | "es" | "ich" | "wir" | "ihr" | "man"
                ))
    };
    // After "die" or "das" (subject or object), a name or a phrase
    // opened by a nominative article is the clause's own subject: "die
    // Anna Berg als „…“ bezeichnet hatte", "die der Minister …".
    let own_subject = if prep {
        // Any phrase not governed by a preposition ("in roter Schrift").
        body.iter().enumerate().any(|(i, t)| {
            let governed = (1..=2).any(|back| {
                i.checked_sub(back)
                    .and_then(|k| body.get(k))
                    .is_some_and(|p| has(lexicon::DE_PREPOSITIONS, &key(hay, p)))
            });
            subject_after(t) || t.is_word() && words::is_capitalized(t.span.text(hay)) && !governed
        })
    } else {
        body.first().is_some_and(|t| {
            subject_after(t)
                || matches!(key(hay, t).as_str(), "der" | "ein")
                || t.is_word() && words::is_capitalized(t.span.text(hay))
        })
    };
    // A finite verb with a noun after it makes a verb-second clause, not
    // a relative one: "die Behauptung, die neue Sorte werde nie …".
    let verb_second = body
        .iter()
        .position(|t| {
            t.is_word()
                && (has(lexicon::DE_AUX, &key(hay, t))
                    || has(lexicon::DE_SUBJUNCTIVE, &key(hay, t)))
        })
        .and_then(|v| body.get(v + 1..))
        .is_some_and(|rest| {
            rest.iter()
                .any(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))
        });
    if own_subject || verb_second {
        return None;
    }
    let inner_cue = body
        .iter()
        .rposition(|t| is_cue(hay, t))
        .or_else(|| german_split_cue(hay, body));
    let closing_cue = after
        .iter()
        .take_while(|t| !matches!(t.punct(), Some(',' | '.' | ';' | '!' | '?')))
        .take(MAX_NP)
        .find(|t| is_cue(hay, t));
    let cue = inner_cue
        .and_then(|i| body.get(i))
        .or(closing_cue)
        .map(|t| t.span);
    let opens = body
        .last()
        .is_some_and(|t| t.punct() == Some(':') || key(hay, t) == "als");
    if cue.is_none() && !opens {
        return None;
    }
    // The antecedent ends the clause before the comma, less a verb or
    // two closing that clause ("ein Schild hängen, auf dem …").
    let head = before.get(..comma)?;
    let verbs = head
        .iter()
        .rev()
        .take(2)
        .take_while(|t| t.is_word() && !words::is_capitalized(t.span.text(hay)))
        .count();
    let head = head.get(..head.len() - verbs)?;
    let np = np_backward(hay, head)?;
    let noun = head.iter().rfind(|t| t.span.end <= np.end)?;
    if !words::is_capitalized(noun.span.text(hay)) {
        return None;
    }
    Some((
        rel.first()?.span.start,
        Found {
            mention: Some(np),
            cue,
            rule: if cue.is_some() {
                Rule::SentenceSubject
            } else {
                Rule::SubjectNoCue
            },
        },
    ))
}

/// A German subject phrase filling the first slot whole when an
/// attribute stands between its article and its noun ("der als Kritiker
/// bekannte Verleger Hans Meier"): the article, then anything up to a
/// capitalised last word, no comma, bounded.
pub(super) fn german_extended_np(hay: &Hay<'_>, pre: &[Tok]) -> Option<Span> {
    let (first, last) = (pre.first()?, pre.last()?);
    let article = matches!(
        key(hay, first).as_str(),
        "der" | "die" | "das" | "ein" | "eine"
    );
    (article
        && (3..=2 * MAX_NP).contains(&pre.len())
        && pre.iter().all(Tok::is_word)
        && words::is_capitalized(last.span.text(hay)))
    .then(|| Span::new(first.span.start, last.span.end))
}

/// German "es … in der Erklärung" after "heißt": the source named by a
/// prepositional phrase.
pub(super) fn impersonal_source(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let mut k = 0;
    if toks.first().is_some_and(|t| key(hay, t) == "es") {
        k += 1;
    }
    while toks
        .get(k)
        .is_some_and(|t| t.is_word() && has(lexicon::DE_ADVERBS, &key(hay, t)) && k < 3)
    {
        let kk = toks.get(k).map(|t| key(hay, t)).unwrap_or_default();
        if matches!(
            kk.as_str(),
            "in" | "im" | "auf" | "aus" | "bei" | "von" | "vom" | "beim"
        ) {
            break;
        }
        k += 1;
    }
    let prep = toks.get(k).filter(|t| {
        matches!(
            key(hay, t).as_str(),
            "in" | "im" | "auf" | "aus" | "bei" | "von" | "vom" | "beim"
        )
    })?;
    let rest = toks.get(k + 1..)?;
    let np = np_forward(hay, rest).or_else(|| german_attributed_np(hay, rest))?;
    Some(Span::new(
        if matches!(key(hay, prep).as_str(), "im" | "vom" | "beim") {
            prep.span.start
        } else {
            np.start
        },
        np.end,
    ))
}

/// The speaker of a German cue that closes its clause (`toks` ends with
/// the cue): the agent of a passive ("wird von Kritikern als „…“
/// bezeichnet", "wie Ames von der „Post“ zitiert wird") or the subject of
/// a subordinate clause ("Wie der Minister erklärte, …", "weil die
/// Regierung ihn als „…“ bezeichnet hat").
pub(super) fn german_verb_last(hay: &Hay<'_>, toks: &[Tok], cue: usize) -> Option<Span> {
    // The clause holding the cue starts after the last comma before it.
    let start = toks
        .get(..cue)?
        .iter()
        .rposition(|t| t.punct() == Some(','))
        .map_or(0, |c| c + 1);
    let body = toks.get(start..cue)?;
    let is_passive = |t: &Tok| t.is_word() && has(lexicon::DE_PASSIVE, &key(hay, t));
    // The auxiliary comes before the agent ("wird von X … zitiert") or
    // right after the participle ("…, wie X von Y zitiert wird").
    let aux_after = toks.get(cue + 1).is_some_and(is_passive);
    let von = body
        .iter()
        .rposition(|t| matches!(key(hay, t).as_str(), "von" | "vom"));
    // "die Seite von Borussia Dortmund": a noun's complement, not an agent.
    let complement = |v: usize| {
        let noun = v.checked_sub(1).and_then(|i| body.get(i));
        let det = v.checked_sub(2).and_then(|i| body.get(i));
        noun.is_some_and(|n| n.is_word() && words::is_capitalized(n.span.text(hay)))
            && det.is_some_and(|d| {
                let k = key(hay, d);
                has(lexicon::DE_ARTICLES, &k)
                    || !words::is_capitalized(d.span.text(hay)) && k.ends_with("en")
            })
    };
    if let Some(v) = von.filter(|&v| !complement(v)) {
        let aux_before = body.get(..v).is_some_and(|b| b.iter().any(is_passive));
        if aux_before || aux_after {
            if let Some(np) = body.get(v + 1..).and_then(|r| np_forward(hay, r)) {
                return Some(np);
            }
        }
    }
    let first = body.first().filter(|t| t.is_word())?;
    // The verb closes a subordinate clause ("Wie X erklärte, …"); "Als
    // Antwort sagte ein Sprecher" is a main clause.
    let closes = toks
        .get(cue + 1)
        .is_none_or(|t| !t.is_word() || has(lexicon::DE_AUX, &key(hay, t)));
    if !closes
        || words::is_capitalized(first.span.text(hay)) && start > 0
        || !has(lexicon::DE_SUBORDINATORS, &key(hay, first))
    {
        return None;
    }
    german_subject(hay, body.get(1..)?)
}

/// The person a German sentence is about: the verb-second subject of the
/// last sentence in `window`, when it is a person ([`german_person`]).
pub(super) fn german_previous_subject(
    hay: &Hay<'_>,
    doc: &words::Lexed,
    names: &Names,
    window: Span,
) -> Option<Found> {
    let sentence = last_sentence(hay, doc, window);
    let np = german_v2_subject(hay, &sentence).filter(|&np| german_person(hay, doc, names, np))?;
    Some(Found {
        mention: Some(np),
        cue: None,
        rule: Rule::PreviousSentence,
    })
}

/// Whether a German phrase names a person or a body that speaks: `er` or
/// `sie`, a role or title ("die Ministerin", "der Sprecher"), or a name —
/// two capitalised words with no article (German nouns take one; names
/// do not), or one word of a full name of the text.
pub(super) fn german_person(hay: &Hay<'_>, doc: &words::Lexed, names: &Names, np: Span) -> bool {
    let toks = doc.window(hay, np);
    let words: Vec<&Tok> = toks.iter().filter(|t| t.is_word()).collect();
    let Some(first) = words.first() else {
        return false;
    };
    let k = key(hay, first);
    if words.len() == 1 && matches!(k.as_str(), "er" | "sie") {
        return true;
    }
    let role = words.iter().any(|t| {
        let k = key(hay, t);
        has(lexicon::TITLES, &k) || has(lexicon::ROLES, &k) || lexicon::is_de_speaker_noun(&k)
    });
    // "Der Bruder des Papstes, Georg Ratzinger,": a name in apposition.
    let appositive = toks
        .iter()
        .position(|t| t.punct() == Some(','))
        .and_then(|c| toks.get(c + 1..))
        .is_some_and(|rest| {
            let named: Vec<&Tok> = rest.iter().take_while(|t| t.is_word()).collect();
            named.len() >= 2
                && named
                    .iter()
                    .all(|t| words::is_capitalized(t.span.text(hay)) && !is_stop_tok(hay, t))
        });
    if appositive {
        return true;
    }
    let article = has(lexicon::DE_ARTICLES, &k);
    let caps = words
        .iter()
        .filter(|t| words::is_capitalized(t.span.text(hay)))
        .count();
    role || !article
        && words::is_capitalized(first.span.text(hay))
        && !is_stop_tok(hay, first)
        && !has(lexicon::DE_ADVERBS, &k)
        && (caps >= 2
            || words.len() == 1
                && names
                    .fullest(first.span.text(hay), np.start)
                    .is_some_and(|n| n.contains(' ')))
}

/// German "„Q.“ Das sagte der Minister." / "Dies musste X einräumen.": a
/// sentence after the quotation whose object `das` points back at it,
/// with the speaker after the verb.
#[inline(never)]
pub(super) fn german_das_tag(hay: &Hay<'_>, after: &[Tok]) -> Option<Found> {
    let (first, rest) = after.split_first()?;
    if !matches!(key(hay, first).as_str(), "das" | "dies") {
        return None;
    }
    let verb = rest.first().filter(|t| {
        t.is_word() && !words::is_capitalized(t.span.text(hay)) && !is_stop_tok(hay, t)
    })?;
    let rest = rest.get(1..)?;
    let skip = rest
        .iter()
        .take(2)
        .take_while(|t| t.is_word() && has(lexicon::DE_ADVERBS, &key(hay, t)))
        .count();
    let np = np_forward(hay, rest.get(skip..)?)?;
    // The cue is the verb itself or closes the sentence ("einräumen").
    let cue = if is_cue(hay, verb) {
        verb.span
    } else {
        rest.iter()
            .take_while(|t| !matches!(t.punct(), Some('.' | '!' | '?' | ',' | ':')))
            .filter(|t| t.span.start >= np.end)
            .take(MAX_NP)
            .find(|t| is_cue(hay, t))?
            .span
    };
    Some(Found {
        mention: Some(np),
        cue: Some(cue),
        rule: Rule::QuoteCueSpeaker,
    })
}

/// A German article with an extended attribute before its noun: "die in
/// Bonn geborene Sängerin Anna Berg", "einer gestern verbreiteten
/// Erklärung". The attribute ends in an inflected adjective or
/// participle right before the capitalised noun.
pub(super) fn german_attributed_np(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let first = toks.first()?;
    if !has(lexicon::DE_ARTICLES, &key(hay, first)) {
        return None;
    }
    let noun = (2..8).find(|&i| {
        let (Some(adj), Some(n)) = (toks.get(i - 1), toks.get(i)) else {
            return false;
        };
        let k = key(hay, adj);
        adj.is_word()
            && !words::is_capitalized(adj.span.text(hay))
            && ["e", "en", "er", "es", "em"].iter().any(|e| k.ends_with(e))
            && n.is_word()
            && words::is_capitalized(n.span.text(hay))
    })?;
    // Only words between the article and the noun: no clause break.
    if toks.get(1..noun)?.iter().any(|t| !t.is_word()) {
        return None;
    }
    let np = np_forward(hay, toks.get(noun..)?)?;
    Some(Span::new(first.span.start, np.end))
}

/// A German phrase with the person it belongs to: "Das Fazit von Sandra
/// Boser", "Zitat von Schröder" (the words are that person's).
pub(super) fn german_np_von(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let np = np_forward(hay, toks)?;
    let Some(j) = toks.iter().position(|t| t.span.start >= np.end) else {
        return Some(np);
    };
    let owner = toks
        .get(j)
        .filter(|t| key(hay, t) == "von")
        .and_then(|_| toks.get(j + 1..))
        .filter(|r| {
            r.first()
                .is_some_and(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))
        })
        .and_then(|r| np_forward(hay, r));
    Some(owner.map_or(np, |o| Span::new(np.start, o.end)))
}

/// The first phrase of a German clause that can be its subject: `er` or
/// `sie`, a phrase opened by a nominative article, or a capitalised name
/// after a verb — never one governed by a preposition ("In einer Rede")
/// nor a genitive after a noun ("die Sprecherin der Partei").
pub(super) fn german_subject(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    for (i, t) in toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        let w = t.span.text(hay);
        let k = key(hay, t);
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        if prev.is_some_and(|p| has(lexicon::DE_PREPOSITIONS, &key(hay, p))) {
            continue;
        }
        let after_noun =
            prev.is_some_and(|p| p.is_word() && words::is_capitalized(p.span.text(hay))) && i > 1;
        let after_word = prev.is_some_and(|p| {
            p.is_word()
                && !words::is_capitalized(p.span.text(hay))
                && !has(lexicon::DE_ARTICLES, &key(hay, p))
        });
        match k.as_str() {
            "er" | "sie" if !words::is_capitalized(w) || i == 0 => return Some(t.span),
            "der" | "die" | "das" | "ein" | "eine" if !after_noun => {
                return np_forward(hay, toks.get(i..)?);
            }
            _ if (after_word || i == 0)
                && words::is_capitalized(w)
                && !is_stop_tok(hay, t)
                && !has(lexicon::DE_ADVERBS, &k)
                && !is_determiner(hay, t) =>
            {
                return np_forward(hay, toks.get(i..)?);
            }
            _ => {}
        }
    }
    None
}

/// A German quotation without a cue in its sentence: reported speech in
/// the subjunctive goes on from the speaker of the sentence before or
/// the last quotation (`Er sei „…“`); before a colon, the subject of a
/// verb-second clause (`Hier sparte der Präsident nicht mit Kritik: „…“`).
#[inline(never)]
pub(super) fn german_no_cue(
    res: &mut Resolver,
    before: &[Tok],
    after: &[Tok],
    window: Span,
    last: Option<Attribution>,
    colon: bool,
) -> Option<Attribution> {
    let hay = res.hay;
    if let Some(np) = german_written_source(hay, before, after) {
        return Some(Attribution {
            speaker: res.resolve(np),
            mention: Some(np),
            cue: None,
            rule: Rule::SubjectNoCue,
        });
    }
    // "Für den Theologen X sei der Schritt „…“", "Für Senatorin Eva Ott
    // ist der Bau ein „Gewinn“": whose view it is, in any mood.
    if let Some(np) = german_view_of(hay, before).filter(|&np| {
        // A role, or a noun with a name after it ("den Theologen Hans Berg").
        let toks = res.doc.window(hay, np);
        let named = toks.len() >= 3
            && toks
                .iter()
                .rev()
                .take(3)
                .all(|t| words::is_capitalized(t.span.text(hay)));
        named || german_person(hay, res.doc, &res.names, np)
    }) {
        return Some(Attribution {
            speaker: res.resolve(np),
            mention: Some(np),
            cue: None,
            rule: Rule::ReportedSpeech,
        });
    }
    let subjunctive = before
        .iter()
        .chain(after.iter())
        .any(|t| t.is_word() && has(lexicon::DE_SUBJUNCTIVE, &key(hay, t)));
    if subjunctive {
        // The sentence before, when it holds a cue: "Künast sagte, … . Es
        // drohe „…“".
        let toks = res.doc.window(hay, window);
        let ends: Vec<usize> = (0..toks.len())
            .filter(|&i| is_terminator(hay, &toks, i))
            .collect();
        let prev = match ends.as_slice() {
            [.., a, b] => toks.get(a + 1..*b),
            [b] => toks.get(..*b),
            [] => None,
        };
        if let Some(prev) = prev {
            if let Some(c) = prev.iter().rposition(|t| is_cue(hay, t)) {
                if let Some(f) = german_clause(hay, prev, c) {
                    let m = f.mention?;
                    return Some(Attribution {
                        speaker: res.resolve(m),
                        mention: Some(m),
                        cue: f.cue,
                        rule: Rule::ReportedSpeech,
                    });
                }
            }
        }
        // "… sieht Osterloh einen „…“, es stehe …": a person subject of
        // the quotation's own clause.
        if let Some(np) =
            german_v2_subject(hay, before).filter(|&np| german_person(hay, res.doc, &res.names, np))
        {
            return Some(Attribution {
                speaker: res.resolve(np),
                mention: Some(np),
                cue: None,
                rule: Rule::ReportedSpeech,
            });
        }
        // "Dazu nahm auch die Ministerin Stellung. Jeder könne „…“": a
        // person the sentence before was about, with no cue of its own;
        // that sentence told (indicative), not reported, and named them
        // (a pronoun goes on with the last speaker below).
        if let Some(np) = prev
            .filter(|p| {
                !p.iter()
                    .any(|t| t.is_word() && has(lexicon::DE_SUBJUNCTIVE, &key(hay, t)))
            })
            .and_then(|p| german_v2_subject(hay, p))
            .filter(|&np| {
                !res.doc
                    .lex(hay, np)
                    .first()
                    .is_some_and(|t| is_pronoun(hay, t))
                    && german_person(hay, res.doc, &res.names, np)
            })
        {
            return Some(Attribution {
                speaker: res.resolve(np),
                mention: Some(np),
                cue: None,
                rule: Rule::ReportedSpeech,
            });
        }
        if let Some(a) = last {
            return Some(Attribution {
                rule: Rule::ReportedSpeech,
                cue: None,
                ..a
            });
        }
    }
    if !colon {
        return None;
    }
    let body = before.get(..before.len().checked_sub(1)?)?;
    let np = german_v2_subject(hay, body)?;
    let np = german_object_first(hay, res.doc, &res.names, body, np).unwrap_or(np);
    Some(Attribution {
        speaker: res.resolve(np),
        mention: Some(np),
        cue: None,
        rule: Rule::SubjectNoCue,
    })
}

/// The person whose view a German clause gives: "Für den Theologen Hans
/// Berg sei der Schritt …", "Für die Ministerin ist das …" (the phrase
/// after a clause-opening "für", a copula right after it).
#[inline(never)]
pub(super) fn german_view_of(hay: &Hay<'_>, before: &[Tok]) -> Option<Span> {
    let lead = before.iter().position(Tok::is_word)?;
    if key(hay, before.get(lead)?) != "für" {
        return None;
    }
    let rest = before.get(lead + 1..)?;
    let verb = rest.iter().take(MAX_NP).position(|t| {
        matches!(
            key(hay, t).as_str(),
            "sei"
                | "seien"
                | "ist"
                | "sind"
                | "war"
                | "waren"
                | "wäre"
                | "bleibt"
                | "bleibe"
                | "blieb"
        )
    })?;
    let phrase = rest.get(..verb)?;
    // A party or place in brackets after the name ("Eva Ott (SPD)") is
    // not part of the phrase.
    let phrase = match phrase.iter().position(|t| t.punct() == Some('(')) {
        Some(open) if phrase.last().and_then(Tok::punct) == Some(')') => phrase.get(..open)?,
        _ => phrase,
    };
    let (first, last) = (phrase.first()?, phrase.last()?);
    // An article ("für den Theologen …") or a title before a name, all
    // capitalised ("für Senatorin Eva Ott").
    let titled = || {
        phrase.len() >= 2
            && {
                let k = key(hay, first);
                has(lexicon::TITLES, &k) || lexicon::is_de_speaker_noun(&k)
            }
            && phrase
                .iter()
                .all(|t| words::is_capitalized(t.span.text(hay)))
    };
    ((is_determiner(hay, first) || titled())
        && phrase.iter().all(Tok::is_word)
        && words::is_capitalized(last.span.text(hay)))
    .then(|| Span::new(first.span.start, last.span.end))
}

/// A German sentence that names a document or a place as the quotation's
/// source rather than a speaker: "Auf dem Plakat war „…“ zu lesen", "In
/// dem Brief war von „…“ die Rede", "Im Bericht fand sich „…“", "Darauf
/// stand: „…“". The phrase after the leading preposition (or the adverb
/// itself) is the source. Looks at a bounded prefix of the sentence only.
#[inline(never)]
pub(super) fn german_written_source(hay: &Hay<'_>, before: &[Tok], after: &[Tok]) -> Option<Span> {
    const REACH: usize = 10;
    let lead = before.iter().position(Tok::is_word)?;
    let first = before.get(lead)?;
    let head = key(hay, first);
    let verb_at = |t: &Tok| {
        t.is_word()
            && matches!(
                key(hay, t).as_str(),
                "war"
                    | "waren"
                    | "ist"
                    | "sind"
                    | "stand"
                    | "standen"
                    | "steht"
                    | "stehen"
                    | "fand"
                    | "fanden"
                    | "findet"
                    | "finden"
            )
    };
    let rel = before
        .get(lead + 1..)?
        .iter()
        .take(REACH)
        .take_while(|t| !matches!(t.punct(), Some(',' | ';' | '(' | '–' | '—')))
        .position(verb_at)?;
    let v = lead + 1 + rel;
    let verb = key(hay, before.get(v)?);
    // What follows the verb must make it a reading: "zu lesen", "die
    // Rede", "fand sich", or a verb of writing ("stand").
    let tail = || {
        before
            .get(v + 1..)
            .into_iter()
            .flatten()
            .chain(after.iter())
    };
    let finds = verb.as_str().starts_with('f');
    let mut prev = "";
    let confirmed = matches!(verb.as_str(), "stand" | "standen" | "steht" | "stehen")
        || tail().any(|t| {
            let k = key(hay, t);
            let k = k.as_str();
            let hit = (k == "lesen" && prev == "zu")
                || (k == "rede" && prev == "die")
                || (k == "sich" && finds);
            prev = match k {
                "zu" => "zu",
                "die" => "die",
                _ => "",
            };
            hit
        });
    if !confirmed {
        return None;
    }
    (matches!(head.as_str(), "in" | "im" | "auf") && rel > 0)
        .then(|| impersonal_source(hay, before.get(lead..v)?))
        .flatten()
}

/// "Jede Schuld weist Hartmann von sich: „…“": a German clause with its
/// object first. When the phrase before the finite verb (`np`) is no
/// person but the one right after the verb is ("er", a known name, a
/// role), the latter is the subject.
#[inline(never)]
pub(super) fn german_object_first(
    hay: &Hay<'_>,
    doc: &words::Lexed,
    names: &Names,
    body: &[Tok],
    np: Span,
) -> Option<Span> {
    // German capitalises every noun, so two capitals ("Jede Schuld") do
    // not make a person here: a role, "er"/"sie" or a name known in a
    // fuller form elsewhere (the phrase itself is among the names seen).
    let toks = doc.window(hay, np);
    // A name written out ("Angela Merkel begrüßte sie:") is the subject:
    // two or more capitalised words and nothing else, the first no
    // article or quantifier (an object placed first opens with one:
    // "Jede Verantwortung", "Den Vorschlag").
    let written_name = toks.len() >= 2
        && toks
            .iter()
            .all(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))
        && toks.first().is_some_and(|t| {
            let k = key(hay, t);
            !has(lexicon::DE_ARTICLES, &k)
                && !has(lexicon::DETERMINERS, &k)
                && ![
                    "all", "beid", "einig", "jed", "jeglich", "manch", "mehrer", "solch", "viel",
                    "welch",
                ]
                .iter()
                .any(|stem| k.starts_with(stem))
        });
    let person = written_name
        || toks.iter().filter(|t| t.is_word()).any(|t| {
            let k = key(hay, t);
            matches!(k.as_str(), "er" | "sie")
                || has(lexicon::TITLES, &k)
                || has(lexicon::ROLES, &k)
                || lexicon::is_de_speaker_noun(&k)
                || names
                    .fullest(t.span.text(hay), np.start)
                    .is_some_and(|n| n.contains(' ') && !np.text(hay).contains(n))
        });
    if person {
        return None;
    }
    let lead = body.iter().position(Tok::is_word)?;
    let verb = german_v2_verb(hay, body, lead)?;
    if body.get(verb)?.span.start < np.end {
        return None;
    }
    let rest = body.get(verb + 1..)?;
    let w = rest.first().filter(|t| t.is_word())?;
    let known = names
        .fullest(w.span.text(hay), w.span.start)
        .is_some_and(|n| {
            n.contains(' ') && !hay.get(w.span.start..).is_some_and(|r| r.starts_with(n))
        });
    if matches!(key(hay, w).as_str(), "er" | "sie") || known {
        return Some(w.span);
    }
    np_forward(hay, rest).filter(|m| m.start == w.span.start && german_person(hay, doc, names, *m))
}

/// The finite verb of a German verb-second clause whose first word is at
/// `lead`: the first lower-case word after it that can be a finite verb.
pub(super) fn german_v2_verb(hay: &Hay<'_>, toks: &[Tok], lead: usize) -> Option<usize> {
    (lead + 1..toks.len()).find(|&i| {
        let Some(t) = toks.get(i) else { return false };
        let w = t.span.text(hay);
        let k = key(hay, t);
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        let after_det = prev.is_some_and(|p| is_determiner(hay, p));
        // "… behandeln zu lassen, lehnt er …": an infinitive, not finite.
        let after_zu = prev.is_some_and(|p| key(hay, p) == "zu");
        t.is_word()
            && !words::is_capitalized(w)
            && !after_det
            && !after_zu
            && !is_stop_tok(hay, t)
            && !has(lexicon::DE_ADVERBS, &k)
            && !is_determiner(hay, t)
            && !is_pronoun(hay, t)
            && (has(lexicon::DE_AUX, &k)
                || k.ends_with('t')
                || k.ends_with("te")
                || has(lexicon::DE_STRONG_PAST, &k))
    })
}

/// The subject of a German verb-second clause without a cue: the phrase
/// before the finite verb when nominal, else the one after it.
#[inline(never)]
pub(super) fn german_v2_subject(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let lead = toks.iter().position(Tok::is_word)?;
    let verb = german_v2_verb(hay, toks, lead)?;
    let pre = toks.get(lead..verb)?;
    let first = pre.first()?;
    let k = key(hay, first);
    // "Den Unmut brachte die Sprecherin … zum Ausdruck": an object first.
    let nominal = !has(lexicon::DE_ADVERBS, &k)
        && !matches!(
            k.as_str(),
            "den" | "dem" | "des" | "einem" | "einen" | "eines"
        )
        && (is_pronoun(hay, first)
            || is_determiner(hay, first)
            || words::is_capitalized(first.span.text(hay)) && !is_stop_tok(hay, first));
    // "Der Leiter der Studie, Paul Sand, sieht …": an appositive closes
    // with a comma right before the verb.
    let appositive = pre.last().and_then(Tok::punct) == Some(',')
        && pre.iter().filter(|t| t.punct() == Some(',')).count() == 2;
    if nominal && appositive {
        // The phrase and its appositive name, less the closing comma.
        let last = pre.get(pre.len().checked_sub(2)?)?;
        return Some(Span::new(first.span.start, last.span.end));
    }
    if nominal && !pre.iter().any(|t| t.punct() == Some(',')) {
        return german_np_von(hay, pre);
    }
    let rest = toks.get(verb + 1..)?;
    let skip = rest
        .iter()
        .take(2)
        .take_while(|t| {
            let k = key(hay, t);
            t.is_word()
                && (is_stop_tok(hay, t) || has(lexicon::DE_ADVERBS, &k))
                && !is_pronoun(hay, t)
                && !is_determiner(hay, t)
        })
        .count();
    np_forward(hay, rest.get(skip..)?)
}

/// A German auxiliary or cue verb.
pub(super) fn is_de_verb(hay: &Hay<'_>, t: &Tok) -> bool {
    t.is_word() && (has(lexicon::DE_AUX, &key(hay, t)) || is_cue(hay, t))
}
