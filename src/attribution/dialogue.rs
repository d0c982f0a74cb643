//! Dialogue: fiction and interviews, where most lines carry no tag.
//!
//! A text is dialogue when many of its paragraphs open with a quotation
//! ([`is_dialogue`]). There an untagged line goes, in order, to the subject
//! of a narrative sentence in its paragraph, to the one the line before
//! called by name ([`vocative`]), to a character the narration brought in
//! since the other party last spoke, or to the speaker before the last
//! (turn taking; see also [`super::turns`]). Scene breaks and chapter
//! headings end a conversation ([`is_scene_break`]).

use super::*;

/// Whether a paragraph is a scene break ("* * *") or a heading
/// ("CHAPTER II"): short, with no lower-case letter and no quotation
/// mark (a shouted line is not a heading).
#[inline(never)]
pub(super) fn is_scene_break(para: &str) -> bool {
    // A line of dialogue opens with a quotation mark: its first bytes
    // tell, before any scan.
    if matches!(
        para.as_bytes(),
        [b'"', ..] | [0xE2, 0x80, 0x9C..=0x9E, ..] | [0xC2, 0xAB | 0xBB, ..]
    ) {
        return false;
    }
    // An ASCII lower-case letter rules most paragraphs out at once (dialogue
    // asks this of every line), before the trim and the char classes.
    if para.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let t = para.trim();
    !t.is_empty()
        && t.len() < 80
        && !t.chars().any(char::is_lowercase)
        && !t.contains(['"', '“', '”', '„', '«', '»'])
}

/// Whether the text is dialogue-heavy prose (a novel, an interview):
/// hard-wrapped like a printed book (`wrapped`, found with the
/// paragraphs), or most paragraphs short and opening with a quotation
/// mark. There he/she point at the character just named and untagged
/// lines take turns.
#[inline(never)]
pub(super) fn is_dialogue(hay: &Hay<'_>, paragraphs: &[Span], wrapped: bool) -> bool {
    if wrapped {
        return true;
    }
    // One char of each paragraph, by its first bytes (paragraphs are
    // whole chars).
    let lines = paragraphs
        .iter()
        .filter(|p| {
            p.len() < 300 && opens_with_mark(hay.as_bytes().get(p.start..p.end).unwrap_or_default())
        })
        .count();
    paragraphs.len() >= 12 && lines * 2 >= paragraphs.len()
}

/// Whether `text` opens with a quotation mark that may open a line of
/// dialogue (`"`, `“`, `„`, `«`, `»`, `‘`, `'`), by its first bytes: no
/// char is decoded.
fn opens_with_mark(text: &[u8]) -> bool {
    matches!(
        text,
        [b'"' | b'\'', ..] | [0xE2, 0x80, 0x98 | 0x9C | 0x9E, ..] | [0xC2, 0xAB | 0xBB, ..]
    )
}

/// What [`dialogue_line`] knows about an untagged line of dialogue.
pub(super) struct DialogueCtx<'a> {
    /// Where the line starts.
    pub(super) at: usize,
    /// Its paragraph index.
    pub(super) pi: usize,
    /// The words after it, to the end of the sentence that follows.
    pub(super) after: &'a [Tok],
    /// Its content, trimmed at the end.
    pub(super) content: &'a str,
    /// Its content span.
    pub(super) own: Span,
    /// Its index among the top-level quotations ([`Resolver::quoted`]).
    pub(super) line: usize,
    /// The previous paragraph.
    pub(super) prev_para: Option<Span>,
    /// The previous top-level quotation (whole span, content).
    pub(super) prev_quote: Option<(Span, Span)>,
    /// The last attributed quotation (paragraph index, attribution).
    pub(super) last: Option<(usize, Attribution)>,
    /// The turns of the conversation (paragraph index, attribution).
    pub(super) turns: &'a [(usize, Attribution)],
    /// The text's paragraphs.
    pub(super) paragraphs: &'a [Span],
    /// The first paragraph of the scene: turns before it are another
    /// conversation.
    pub(super) scene_start: usize,
}

/// How many paragraphs back a conversation's turns still count.
pub(super) const TURN_WINDOW: usize = 8;

/// How far (bytes) before a line the line it answers may end.
pub(super) const PARAGRAPH_REACH: usize = 400;

/// How many turns back are looked at (bounded work per quotation).
pub(super) const TURN_REACH: usize = 12;

/// Who speaks an untagged line opening its paragraph in dialogue: the
/// subject of a narrative sentence in the same paragraph, else the
/// addressee of the line before, else the speaker before the last (turn
/// taking), else a character a narrative paragraph just brought in.
#[inline(never)]
pub(super) fn dialogue_line(res: &mut Resolver, c: &DialogueCtx) -> Option<Attribution> {
    let guess = dialogue_guess(res, c)?;
    // A line never addresses its own speaker: "Thank you, Ann" is not Ann's.
    let addressee = vocative_at(res, c.line, c.own).and_then(|v| res.resolve(v));
    if addressee.is_none() || guess.speaker != addressee {
        return Some(guess);
    }
    // "“What is it, Francis?” he asked": he is someone else.
    if let Some(i) = guess
        .mention
        .zip(addressee)
        .and_then(|(m, not)| res.resolve_other(m, not))
    {
        return Some(Attribution {
            speaker: Some(i),
            ..guess
        });
    }
    // The last speaker, else the last one before the scene break.
    let last = c
        .last
        .map(|(_, a)| a)
        .or_else(|| c.turns.last().map(|&(_, a)| a));
    last.filter(|a| a.speaker != addressee)
        .map(|a| Attribution {
            rule: Rule::TurnTaking,
            cue: None,
            ..a
        })
}

#[inline(never)]
pub(super) fn dialogue_guess(res: &mut Resolver, c: &DialogueCtx) -> Option<Attribution> {
    let hay = res.hay;
    let line = |speaker: usize, mention: Span, rule: Rule| Attribution {
        speaker: Some(speaker),
        mention: Some(mention),
        cue: None,
        rule,
    };
    // "Not yet." Ann looked up.
    if c.content.ends_with(['.', '!', '?', '…']) {
        if let Some(np) = narrative_subject(hay, c.after) {
            if let Some(i) = res.resolve(np) {
                return Some(line(i, np, Rule::NarrativeSubject));
            }
        }
    }
    let last_speaker = c.last.and_then(|(_, a)| a.speaker);
    let recent = |k: usize| c.last.is_some_and(|(lp, _)| lp + k >= c.pi);
    // The speaker before the last one, in a recent conversation.
    let alternate = || {
        let recent: Vec<Attribution> = c
            .turns
            .iter()
            .rev()
            .skip(1)
            .take(TURN_REACH)
            .take_while(|(tp, _)| tp + TURN_WINDOW >= c.pi && *tp >= c.scene_start)
            .map(|&(_, t)| t)
            .collect();
        interrupted_partner(&recent, last_speaker).map(|t| Attribution {
            rule: Rule::TurnTaking,
            cue: None,
            ..t
        })
    };
    let prev_para = c.prev_para?;
    let answers = c
        .prev_quote
        .is_some_and(|(span, _)| span.end > prev_para.start && span.end <= prev_para.end);
    if answers && recent(1) {
        let prev = c.line.checked_sub(1);
        if let Some(v) = c
            .prev_quote
            .zip(prev)
            .and_then(|((_, content), k)| vocative_at(res, k, content))
        {
            if let Some(i) = res.resolve(v).filter(|&i| Some(i) != last_speaker) {
                return Some(line(i, v, Rule::Vocative));
            }
        }
        // "Well?" said Tom, after narration about Ann: the one the
        // narration brought in since the other party last spoke.
        let alt = alternate();
        let from = match alt {
            Some(a) => c
                .turns
                .iter()
                .rev()
                .take(TURN_REACH + 1)
                .find(|(_, t)| t.speaker == a.speaker)
                .map_or(c.pi, |&(tp, _)| tp + 1),
            None => c.scene_start,
        };
        let last_pi = c.last.map_or(0, |(lp, _)| lp);
        if let Some((i, np)) = narrated_newcomer(res, c.paragraphs, from, last_pi)
            .filter(|&(i, _)| Some(i) != last_speaker && alt.is_none_or(|a| Some(i) != a.speaker))
        {
            return Some(line(i, np, Rule::NarrativeSubject));
        }
        if alt.is_some() {
            return alt;
        }
    } else if !answers {
        let subject = last_sentence_subject(hay, res.doc, prev_para)
            .and_then(|np| Some((res.resolve(np)?, np)))
            .filter(|&(i, _)| !res.is_group(i));
        let alt = if recent(2) { alternate() } else { None };
        match (subject, alt) {
            (Some((i, _)), Some(a)) if Some(i) == a.speaker || Some(i) == last_speaker => {
                return Some(a)
            }
            (Some((i, np)), _) => return Some(line(i, np, Rule::NarrativeSubject)),
            (None, Some(a)) => return Some(a),
            (None, None) => {}
        }
    }
    if !recent(3) && answers {
        return None;
    }
    let (i, span) = res.other_character(c.at, last_speaker)?;
    Some(line(i, span, Rule::TurnTaking))
}

/// The party who answers `last` (the speaker of the line before), from
/// the turns before that line, latest first: the latest other speaker,
/// unless that one only cut in once (`B A C A`) while someone else spoke
/// with `last` more than once; then the conversation goes back to that
/// one (`B`).
#[inline(never)]
pub(super) fn interrupted_partner(
    recent: &[Attribution],
    last: Option<usize>,
) -> Option<Attribution> {
    let others = || {
        recent
            .iter()
            .filter(move |t| t.speaker.is_some() && t.speaker != last)
    };
    let first = *others().next()?;
    let count = |s: Option<usize>| others().filter(|t| t.speaker == s).count();
    // The turn before the cut-in went to `last` too.
    let at = recent.iter().position(|t| t.speaker == first.speaker)?;
    // Only someone called by name who answered once cuts in ("Thank
    // you, Sam." / "At once."); a tagged third voice may well be
    // taking over, and a counted turn may be the count's own mistake.
    let cut_in = count(first.speaker) == 1
        && first.rule == Rule::Vocative
        && recent.get(at + 1).is_some_and(|t| t.speaker == last);
    if !cut_in {
        return Some(first);
    }
    Some(
        others()
            .find(|t| t.speaker != first.speaker && count(t.speaker) >= 2)
            .copied()
            .unwrap_or(first),
    )
}

/// The character named first in the last of the narrative paragraphs
/// `from..to` ("Ann sat by the window."): someone the narration brought
/// in since the other party last spoke. Looks at a few paragraphs only.
#[inline]
pub(super) fn narrated_newcomer(
    res: &mut Resolver,
    paragraphs: &[Span],
    from: usize,
    to: usize,
) -> Option<(usize, Span)> {
    let lo = from.max(to.saturating_sub(NEWCOMER_REACH));
    // No paragraph in reach opens with a word (a run of dialogue lines):
    // none has a subject to find. (Asked in the caller: most lines stop
    // here.)
    let heads = |k: usize| res.narrative_heads.get(k).copied();
    if let (Some(a), Some(b)) = (heads(lo), heads(to)) {
        if a == b {
            return None;
        }
    }
    newcomer_in(res, paragraphs, lo, to)
}

/// [`narrated_newcomer`] in paragraphs `lo..to`, looked for.
#[inline(never)]
fn newcomer_in(
    res: &mut Resolver,
    paragraphs: &[Span],
    lo: usize,
    to: usize,
) -> Option<(usize, Span)> {
    let hay = res.hay;
    (lo..to).rev().find_map(|k| {
        let (np, first) = head_subject(res, paragraphs, k)?;
        let first = &first;
        if key(hay, first) == "the" {
            // "The inspector stood at the gate": a person noun.
            let noun = res.doc.window(hay, np).last().map(|t| key(hay, t))?;
            let person = is_person_noun(&noun) || has(lexicon::PERSON_NOUNS, &noun);
            return person.then(|| Some((res.resolve(np)?, np))).flatten();
        }
        if is_pronoun(hay, first) || !res.names.is_name_word(hay, first) {
            return None;
        }
        // A person: a name with a sex that recurs ("Further up the
        // passage he …" is not one). Checked before resolving, which
        // would make it a known name.
        let text = np.text(hay);
        let person = res.names.gender(text).is_some() && res.names.occurrences(text) > 1;
        person.then(|| Some((res.resolve(np)?, np))).flatten()
    })
}

/// The narrative subject opening paragraph `k` ([`narrative_subject`]
/// of its first 80 bytes) with the paragraph's first token. Each untagged
/// line looks a few paragraphs back, so each paragraph is asked several
/// times: it is found once (it depends on the text alone).
fn head_subject(res: &mut Resolver, paragraphs: &[Span], k: usize) -> Option<(Span, Tok)> {
    if let Some(&Some(found)) = res.head_subjects.get(k) {
        return found;
    }
    let hay = res.hay;
    let find = || {
        let p = paragraphs.get(k)?;
        let head = paragraph_head(hay, *p);
        if !may_open_with_subject(hay, head) {
            return None;
        }
        let toks = res.doc.window(hay, head);
        let np = narrative_subject(hay, &toks)?;
        Some((np, *toks.first()?))
    };
    let found = find();
    if let Some(slot) = res.head_subjects.get_mut(k) {
        *slot = Some(found);
    }
    found
}

/// The first 80 bytes of paragraph `p`, where [`head_subject`] looks.
fn paragraph_head(hay: &Hay<'_>, p: Span) -> Span {
    Span::new(p.start, floor_boundary(hay, (p.start + 80).min(p.end)))
}

/// Whether a paragraph's `head` may open with a subject. One opening
/// with a quotation mark (each line of dialogue) has none: its first
/// token is punctuation and no capital, as its first char tells, without
/// lexing the head.
fn may_open_with_subject(hay: &Hay<'_>, head: Span) -> bool {
    // Most heads open with a quotation mark or an ASCII letter: the first
    // bytes tell, with no char decoded. (Other ASCII chars but blanks
    // are neither letters nor capitals.)
    let bytes = hay.as_bytes().get(head.start..head.end).unwrap_or_default();
    if opens_with_mark(bytes) {
        return false;
    }
    if let Some(&b) = bytes.first().filter(|b| b.is_ascii_graphic()) {
        return b.is_ascii_alphanumeric();
    }
    let Some(c) = head.text(hay).chars().find(|c| !c.is_whitespace()) else {
        return false;
    };
    // (The marks first: they need no char table.)
    !(matches!(c, '“' | '"' | '„' | '«' | '»' | '‘' | '\'')
        || !crate::text::is_alphanumeric(c) && !c.is_uppercase())
}

/// For each paragraph index `k`, how many paragraphs before it may open
/// with a subject ([`may_open_with_subject`]); one more entry for the
/// end. [`narrated_newcomer`] asks it whether any paragraph in its reach
/// can have a subject: in a run of dialogue lines none can, and each
/// untagged line would look through the same few paragraphs again.
pub(super) fn narrative_heads(hay: &Hay<'_>, paragraphs: &[Span]) -> Vec<usize> {
    let mut counts = Vec::with_capacity(paragraphs.len() + 1);
    let mut n = 0;
    counts.push(n);
    for p in paragraphs {
        n += usize::from(may_open_with_subject(hay, paragraph_head(hay, *p)));
        counts.push(n);
    }
    counts
}

/// How many narrative paragraphs back [`narrated_newcomer`] looks.
pub(super) const NEWCOMER_REACH: usize = 4;

/// A paragraph ending in a speech cue and a colon introduces the
/// quotation opening the next one: `Then he said:` / `Sie erklärte:`.
#[inline(never)]
pub(super) fn lead_in(hay: &Hay<'_>, doc: &words::Lexed, para: Span, lang: Lang) -> Option<Found> {
    // Asked of the paragraph before each line: one ending in a printable
    // ASCII char or a closing mark (a line of dialogue) ends in no colon,
    // as its last bytes tell.
    let tail = hay.as_bytes().get(para.start..para.end).unwrap_or_default();
    if matches!(tail, [.., b] if b.is_ascii_graphic() && *b != b':')
        || tail.ends_with("”".as_bytes())
    {
        return None;
    }
    let from = floor_boundary(hay, para.end.saturating_sub(SENTENCE_WINDOW)).max(para.start);
    let window = Span::new(from.min(para.end), para.end);
    // The last token is a colon when the last char is (a colon never
    // joins a word): most paragraphs end otherwise, and are not lexed.
    if !window.text(hay).trim_end().ends_with(':') {
        return None;
    }
    let toks = doc.window(hay, window);
    if toks.last()?.punct() != Some(':') {
        return None;
    }
    let (sentence, _) = sentence_tail(hay, doc, toks);
    let body = sentence.get(..sentence.len().checked_sub(1)?)?;
    let cue = body.iter().rposition(|t| is_cue(hay, t)).or_else(|| {
        body.first()
            .filter(|t| is_cue_or_capital_cue(hay, t))
            .map(|_| 0)
    })?;
    if let Some(f) = before_pattern(hay, &sentence, lang).filter(|f| f.mention.is_some()) {
        return Some(f);
    }
    // "So he put it back, and said:": the sentence's subject.
    for (k, t) in body.iter().enumerate().take(3) {
        if !t.is_word() {
            return None;
        }
        if let Some(np) = narrative_subject(hay, body.get(k..)?) {
            return Some(Found {
                mention: Some(np),
                cue: body.get(cue).map(|t| t.span),
                rule: Rule::SentenceSubject,
            });
        }
    }
    None
}

/// The speaker of the sentence that ends `window` when it holds a cue
/// ("Ann Ames said the plan was late.").
#[inline(never)]
pub(super) fn previous_sentence(
    hay: &Hay<'_>,
    doc: &words::Lexed,
    window: Span,
    lang: Lang,
) -> Option<Found> {
    let sentence = last_sentence(hay, doc, window);
    let first = sentence.first()?;
    if !(sentence.iter().any(|t| is_cue(hay, t)) || is_cue_or_capital_cue(hay, first)) {
        return None;
    }
    before_pattern(hay, &sentence, lang).filter(|f| f.mention.is_some())
}

/// `Ann looked up`: a name or he/she opening the sentence, then a
/// lower-case word.
pub(super) fn narrative_subject(hay: &Hay<'_>, toks: &[Tok]) -> Option<Span> {
    let first = toks.first()?;
    let capital = words::is_capitalized(first.span.text(hay));
    // Asked of every line's head: most open with a quotation mark, which
    // is no subject (nor "the"), known before lower-casing anything.
    if !first.is_word() && !capital {
        return None;
    }
    let k = key(hay, first);
    let opens = if is_pronoun(hay, first) {
        matches!(k.as_str(), "he" | "she")
    } else {
        capital && !is_stop_tok(hay, first) || matches!(k.as_str(), "the")
    };
    if !opens {
        return None;
    }
    let np = if k == "the" {
        // "The barman came in": the article and one noun, or an
        // adjective and a noun for a person ("The younger man hesitated").
        let noun = toks.get(1).filter(|t| t.is_word())?;
        let person = toks
            .get(2)
            .filter(|t| t.is_word() && is_person_noun(key(hay, t).as_str()));
        Span::new(first.span.start, person.unwrap_or(noun).span.end)
    } else {
        np_forward(hay, toks)?
    };
    let next = toks.iter().find(|t| t.span.start >= np.end)?;
    // "At the gate he stopped": the pronoun is the subject, not the gate.
    let verb =
        next.is_word() && !words::is_capitalized(next.span.text(hay)) && !is_pronoun(hay, next);
    verb.then_some(np)
}

/// The sex a (lower-case) person noun gives: "man", "girl"; none for
/// other words.
pub(super) fn noun_gender(k: &str) -> Option<names::Gender> {
    if has(lexicon::MALE_NOUNS, k) {
        Some(names::Gender::Male)
    } else if has(lexicon::FEMALE_NOUNS, k) {
        Some(names::Gender::Female)
    } else {
        None
    }
}

/// The gender of "he" or "she" (any case); none for other words.
#[inline(never)]
pub(super) fn pronoun_gender(word: &str) -> Option<names::Gender> {
    if word.eq_ignore_ascii_case("he") {
        Some(names::Gender::Male)
    } else if word.eq_ignore_ascii_case("she") {
        Some(names::Gender::Female)
    } else {
        None
    }
}

/// The speaker `he`/`she` (the mention `pronoun`) points at when the
/// paragraph before is narration: the subject of its last sentence, if
/// that is a person of the pronoun's gender or a role ("the detective").
#[inline(never)]
pub(super) fn narrated_antecedent(res: &mut Resolver, pronoun: Span, prev: Span) -> Option<usize> {
    let hay = res.hay;
    let gender = pronoun_gender(pronoun.text(hay))?;
    let np = last_sentence_subject(hay, res.doc, prev)?;
    let toks = res.doc.window(hay, np);
    let first = key(hay, toks.first()?);
    if is_pronoun(hay, toks.first()?) {
        return None;
    }
    if first == "the" {
        // A noun of the wrong sex is someone else; a role fits anyone.
        let noun = key(hay, toks.last()?);
        // "the other held out her hand": not a person named by a noun.
        if toks.len() < 2 || has(&["one", "other", "others", "rest"], &noun) {
            return None;
        }
        if noun_gender(&noun).is_some_and(|s| s != gender) {
            return None;
        }
        return res.resolve(np);
    }
    let i = res.resolve(np)?;
    let name = res.speakers.get(i)?.name.clone();
    (res.names.gender(&name) == Some(gender)).then_some(i)
}

/// The speaker `he`/`she` (the mention `pronoun`) points at when the
/// sentence opens with the name `np` of a person of that gender ("Then
/// Miss Lavish stopped, and she cried").
pub(super) fn subject_antecedent(res: &mut Resolver, pronoun: Span, np: Span) -> Option<usize> {
    let hay = res.hay;
    let gender = pronoun_gender(pronoun.text(hay))?;
    let first = *res.doc.window(hay, np).first()?;
    if np.start >= pronoun.start || is_pronoun(hay, &first) || key(hay, &first) == "the" {
        return None;
    }
    let i = res.resolve(np)?;
    let name = res.speakers.get(i)?.name.clone();
    (res.names.gender(&name) == Some(gender)).then_some(i)
}

/// The name after "the voice of" when mention `m` is "the voice" or "a
/// voice": the speaker is the person whose voice it is.
#[inline(never)]
pub(super) fn voice_of(hay: &Hay<'_>, doc: &words::Lexed, m: Span) -> Option<Span> {
    // The last word, after the last space, is "voice" in any case: five
    // ASCII letters (no other char lower-cases to one of them), so a
    // byte comparison, not a split and a lower-cased copy of every
    // mention.
    let text = m.text(hay).as_bytes();
    let voice = text.len().checked_sub(5).is_some_and(|k| {
        text.get(k..)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"voice"))
            && k.checked_sub(1).is_none_or(|p| text.get(p) == Some(&b' '))
    });
    if !voice {
        return None;
    }
    let rest = hay.get(m.end..)?;
    let of = rest.strip_prefix(" of ")?;
    let from = m.end + (rest.len() - of.len());
    let toks = doc.window(
        hay,
        Span::new(from, floor_boundary(hay, (from + 60).min(hay.len()))),
    );
    // "of old Mr. Emerson": an adjective or two before the name.
    let k = toks
        .iter()
        .take(3)
        .position(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))?;
    np_forward(hay, toks.get(k..)?)
}

/// Whether a (lower-case) noun names a person by sex or kinship: "man",
/// "lady", "uncle".
pub(super) fn is_person_noun(k: &str) -> bool {
    has(lexicon::MALE_NOUNS, k) || has(lexicon::FEMALE_NOUNS, k)
}

/// The subject of a paragraph's last sentence, when it is a person
/// (a name, he/she, or "the barman").
#[inline(never)]
pub(super) fn last_sentence_subject(hay: &Hay<'_>, doc: &words::Lexed, para: Span) -> Option<Span> {
    let from = floor_boundary(hay, para.end.saturating_sub(SENTENCE_WINDOW)).max(para.start);
    let toks = doc.window(hay, Span::new(from.min(para.end), para.end));
    // Trailing punctuation dropped, but not a comma.
    let end = toks
        .iter()
        .rposition(|t| t.is_word() || t.punct() == Some(','))
        .map_or(0, |i| i + 1);
    let (sentence, _) = sentence_tail(hay, doc, keep(toks, 0..end));
    // Skip an adverb or two ("Then he rang the bell").
    for (k, t) in sentence.iter().enumerate().take(3) {
        if !t.is_word() {
            return None;
        }
        if let Some(np) = narrative_subject(hay, sentence.get(k..)?) {
            return Some(np);
        }
    }
    None
}

/// The addressee of a line: a name set off by commas, or closing it
/// (`"Thank you, Mrs Ames."`, `"Ann, come here."`). Found once per
/// quotation: attribution, the dialogue rules and the turn count ask.
pub(super) fn vocative(res: &Resolver, content: Span) -> Option<Span> {
    // Lines are top-level quotations: their contents, sorted, index the
    // cache (anything else is found afresh). Asked in text order mostly,
    // so the last index or a neighbour is tried before a search.
    let last = res.vocative_at.get();
    let at = |k: usize| res.quoted.get(k) == Some(&content);
    let k = if at(last) {
        Some(last)
    } else if at(last + 1) {
        Some(last + 1)
    } else if last.checked_sub(1).is_some_and(at) {
        Some(last - 1)
    } else {
        res.quoted.binary_search(&content).ok()
    };
    let Some(k) = k else {
        return find_vocative(res, content);
    };
    res.vocative_at.set(k);
    if let Some(&Some(v)) = res.vocatives.borrow().get(k) {
        return v;
    }
    let v = find_vocative(res, content);
    if let Some(slot) = res.vocatives.borrow_mut().get_mut(k) {
        *slot = Some(v);
    }
    v
}

/// [`vocative`] of the top-level quotation `k` (in [`Resolver::quoted`])
/// whose content is `content`: where the caller knows the index, no
/// search for it.
pub(super) fn vocative_at(res: &Resolver, k: usize, content: Span) -> Option<Span> {
    if res.quoted.get(k) != Some(&content) {
        return vocative(res, content);
    }
    if let Some(&Some(v)) = res.vocatives.borrow().get(k) {
        return v;
    }
    let v = find_vocative(res, content);
    if let Some(slot) = res.vocatives.borrow_mut().get_mut(k) {
        *slot = Some(v);
    }
    v
}

/// The tokens of `content` for [`find_vocative`]: [`words::Lexed::window`]
/// of it, found by walking on from where the last content's tokens
/// started. The lines are asked in text order mostly, a few tokens
/// apart, where the window's own search starts afresh for each. A
/// content before that place, or one whose edge cuts a token, is left
/// to the window. (Linear: the walk only goes forward from a place the
/// window found, over tokens between two contents asked in turn.)
fn content_tokens<'d>(res: &'d Resolver, content: Span) -> Cow<'d, [Tok]> {
    let hay = res.hay;
    let all = res.doc.all();
    let from = res.vocative_tok.get();
    // Every token before `from` must end where the content starts, or
    // before.
    let ahead = from <= all.len()
        && from
            .checked_sub(1)
            .is_none_or(|p| all.get(p).is_some_and(|t| t.span.end <= content.start));
    if !ahead || content.start >= content.end || content.get(hay).is_none() {
        let (toks, lo) = res.doc.window_at(hay, content);
        if let Some(lo) = lo {
            res.vocative_tok.set(lo);
        }
        return toks;
    }
    // The first token ending after the start, the first ending after the
    // end, and that one too if it starts inside (as the window finds
    // them).
    let mut lo = from;
    while all.get(lo).is_some_and(|t| t.span.end <= content.start) {
        lo += 1;
    }
    let mut j = lo;
    while all.get(j).is_some_and(|t| t.span.end <= content.end) {
        j += 1;
    }
    let hi = (j + usize::from(all.get(j).is_some_and(|t| t.span.start < content.end))).max(lo);
    let cut = |k: usize| {
        all.get(k)
            .is_some_and(|t| t.span.start < content.start || t.span.end > content.end)
    };
    if lo >= hi || !cut(lo) && !cut(hi - 1) {
        res.vocative_tok.set(lo);
        return Cow::Borrowed(all.get(lo..hi).unwrap_or(&[]));
    }
    res.doc.window(hay, content)
}

/// [`vocative`], found.
pub(super) fn find_vocative(res: &Resolver, content: Span) -> Option<Span> {
    let hay = res.hay;
    let toks = content_tokens(res, content);
    let mut found = None;
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        // A mark or a stop: no name starts there (and its text is not
        // sliced).
        if !t.is_word() {
            i += 1;
            continue;
        }
        // Asked once per token.
        let capital = is_capitalized_tok(hay, t);
        if !capital {
            // "Now, granny, sit down.": a household word called out.
            let before = i.checked_sub(1).and_then(|p| toks.get(p)).map(Tok::punct);
            let after = toks.get(i + 1).map(Tok::punct);
            // The commas first: most words stand between others.
            if matches!(before, Some(Some(',')))
                && matches!(after, None | Some(Some(',' | '.' | '!' | '?')))
                && has(lexicon::HOUSEHOLD_NAMES, &key(hay, t))
            {
                found = Some(t.span);
            }
            i += 1;
            continue;
        }
        // The run: titles with their dots, then name words (the first
        // one is this capitalised word).
        let start = i;
        let mut end = i + 1;
        while let Some(n) = toks.get(end) {
            // (Whether its words name someone is asked below, of a run
            // set off only.)
            let capital = n.is_word() && is_capitalized_tok(hay, n);
            // (A word with an id has its flags: no text sliced.)
            let abbrev = |p: &Tok| match hay.word(p) {
                Some(w) => w.flags.has(vocab::Flags::ABBREV),
                None => res.names.is_abbrev(hay, p),
            };
            if !capital
                && (n.punct() != Some('.')
                    || !end
                        .checked_sub(1)
                        .and_then(|p| toks.get(p))
                        .is_some_and(abbrev))
            {
                break;
            }
            end += 1;
        }
        let before = start.checked_sub(1).and_then(|p| toks.get(p));
        let after = toks.get(end).map(|t| t.punct());
        // Whether the run is set off as a call: by commas, alone, or
        // after "dear".
        let set_off = || match before {
            None => matches!(after, None | Some(Some(',' | '!'))),
            // "Tut, tut! Miss Lucy! I hope …": a name called out alone.
            Some(b) if matches!(b.punct(), Some('!' | '?' | '.')) => {
                matches!(after, None | Some(Some('!')))
            }
            // "My dear Miss Lucy, we are lost."
            Some(b) if b.is_word() => {
                key(hay, b) == "dear"
                    && matches!(after, None | Some(Some(',' | '.' | '!' | '?' | '—' | ';')))
            }
            Some(b) => {
                b.punct() == Some(',')
                    && matches!(after, None | Some(Some(',' | '.' | '!' | '?' | '—' | ';')))
                    && !after_noun_phrase(hay, toks.get(..start.saturating_sub(1)).unwrap_or(&[]))
            }
        };
        // Set off first: most runs are a capitalised first word ("Yes.",
        // "No, I …"), and the names are asked of its words only then.
        let named = || {
            toks.get(start..end).is_some_and(|run| {
                run.iter()
                    .any(|n| n.is_word() && res.names.is_name_word(hay, n))
            })
        };
        if set_off() && named() {
            if let (Some(f), Some(l)) = (
                toks.get(start),
                end.checked_sub(1).and_then(|e| toks.get(e)),
            ) {
                found = Some(Span::new(f.span.start, l.span.end));
            }
        }
        i = end.max(i + 1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens found by walking on from the last content are the
    /// window's, whatever order the contents are asked in (forward, back,
    /// cutting a word, empty, off a char boundary).
    #[test]
    fn content_tokens_are_the_windows() {
        let hay = "“Yes.” said Bo.\n\n“No, Mr. Ames,” she said. “Tut! Ann—” Café’s “x”.";
        let doc = words::Lexed::new(hay);
        let with_vocab = Hay::new(hay, &doc);
        let res = Resolver::new(&with_vocab, &doc, Vec::new(), true, 1);
        let mut spans = Vec::new();
        for a in (0..hay.len()).step_by(3) {
            for len in [0, 1, 4, 9, 17] {
                spans.push(Span::new(a, (a + len).min(hay.len())));
            }
        }
        // Forward, then the same again from the end back.
        let back: Vec<Span> = spans.iter().rev().copied().collect();
        for s in spans.iter().chain(back.iter()) {
            let got = content_tokens(&res, *s);
            let want = doc.window(hay, *s);
            assert_eq!(
                got.iter().map(|t| (t.span, t.punct())).collect::<Vec<_>>(),
                want.iter().map(|t| (t.span, t.punct())).collect::<Vec<_>>(),
                "{s:?}"
            );
        }
    }
}
