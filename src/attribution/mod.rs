//! Speaker attribution: who said each quotation.
//!
//! For each top-level quotation, in order:
//! 1. the words after it, up to the end of the sentence: `“Q,” said X`,
//!    `“Q,” X said`, `„Q“, so X`, `„Q“, heißt es in X`;
//! 2. the words before it in the same sentence: `X said: “Q”`,
//!    `X said that “Q”`, `Britain said it “strongly condemns”`; German
//!    clauses by verb-second order (`Weiter sagte X:`, `X hatte … betont:`);
//! 3. `according to X` anywhere in its sentence (`laut X`, `nach Angaben
//!    des X`, `X zufolge`); a paragraph ending in `… said:` before it;
//! 4. else a cue elsewhere in the sentence (its subject speaks), German
//!    subjunctive reported speech (the speaker of the sentence before),
//!    the speaker of an earlier quotation in the same paragraph (split
//!    quotations), of the previous paragraph when the quotation opens its
//!    own (news continuation), or of a sentence with a cue right before;
//! 5. in dialogue (fiction, interviews), an untagged line goes to the
//!    subject of a narrative sentence in its paragraph, to the addressee
//!    of the line before (vocative, "Now, granny"), to a character the
//!    narration brought in since the other party last spoke ("Ann sat by
//!    the window." / "The inspector stood at the gate."), to the speaker before
//!    the last (turn taking; someone called by name who answered once
//!    gives the turn back) or to a character named nearby. A scene break
//!    or chapter heading ends a conversation; "you said" in a story told
//!    to "you" is the one the line before called, the same all through.
//!
//! Mentions resolve to the fullest name in the article ([`names`]):
//! titles are dropped, surnames extended, role nouns ("the spokesman")
//! map to the person introduced with them, and he/she to the last person
//! quoted (in fiction: the party of the conversation of that gender, or
//! the nearest character of that gender). Each attribution records its
//! [`Rule`].
//!
//! Where things are: this module walks the quotations and tallies the
//! speakers; [`patterns`] holds the tag patterns (steps 1–4), [`german`]
//! the German clause rules, [`dialogue`] and [`turns`] step 5, [`phrases`]
//! the speaker noun phrases, [`resolver`] and [`names`] the way from a
//! mention to a speaker; [`words`] lexes the text once for all of them,
//! from the word lists in [`lexicon`] described once each in [`vocab`].
//! The rules get the text as a [`Hay`], which carries that vocabulary:
//! what they ask of a word (its key, is it a cue?) is read by its id.
//!
//! The helpers [`attribute`] calls once per quotation (or once per text)
//! are `#[inline(never)]`, and its own work per quotation is split into
//! functions ([`Here`]): inlined, they made `attribute` one 105 KB wasm
//! function, whose optimized compile in V8 took 14.5 MB of memory while
//! the first big text was being analyzed (BENCHMARKS.md, "Peak memory").
//! A call per quotation costs nothing measurable.

mod dialogue;
mod german;
mod lexicon;
mod names;
mod patterns;
mod phrases;
mod resolver;
mod turns;
mod vocab;
mod words;

use crate::quote::{Quote, QuoteKind};
use crate::{Lang, Span};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::sync::LazyLock;

use crate::wordlist::{word_list, WordList};
use dialogue::*;
use german::*;
use lexicon::has;
use names::Names;
use patterns::*;
use phrases::*;
use resolver::*;
use words::{Kind, Tok};

/// Which pattern attributed a quotation (shown to users as the reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// `“Q,” said X.`
    QuoteCueSpeaker,
    /// `“Q,” X said.`
    QuoteSpeakerCue,
    /// `X said: “Q”`, `X said that “Q”`, `X declared his “Q”`.
    SpeakerCueQuote,
    /// `“Q”, according to X.`
    AccordingTo,
    /// `X did this, saying “Q”`: the subject of the quotation's sentence.
    SentenceSubject,
    /// `X: “Q”`.
    SpeakerColonQuote,
    /// An untagged line of dialogue: the speaker before the last one.
    TurnTaking,
    /// No cue at all, but the quotation stands inside a sentence whose
    /// subject is the likeliest speaker (`Der Bundespräsident konstatierte
    /// eine „Kluft …“`). Weak: it does not make a quotation speech.
    SubjectNoCue,
    /// A later part of a split quotation: `“Q1,” X said. “Q2”`.
    SameParagraph,
    /// A paragraph opening with a quotation that goes on from the
    /// previous paragraph's speaker.
    Continuation,
    /// A speech cue in the quotation's sentence, but no speaker phrase
    /// next to it (`…, saying she was “appalled”`): speech, speaker unknown.
    CueInSentence,
    /// Dialogue: an untagged line whose paragraph goes on with a narrative
    /// sentence about the speaker (`"Not yet." Ann looked up.`), or that
    /// follows a narrative paragraph bringing a new character in.
    NarrativeSubject,
    /// Dialogue: an untagged line answering a line that named its
    /// addressee (`"Thank you, Ann."` → Ann speaks next).
    Vocative,
    /// A quotation without a cue of its own after a sentence with one:
    /// `Ann Ames said the plan was late. “We need time.”`
    PreviousSentence,
    /// German reported speech in the subjunctive, no cue of its own: the
    /// speaker of the sentence before, or of the last quotation (`Künast
    /// sagte, … . Es drohe „…“`).
    ReportedSpeech,
}

impl Rule {
    /// Whether the rule is evidence that the quotation is speech (all but
    /// [`Rule::SubjectNoCue`], which only guesses who).
    pub const fn is_evidence(self) -> bool {
        !matches!(self, Rule::SubjectNoCue)
    }

    /// A stable kebab-case name for JSON and display.
    pub const fn name(self) -> &'static str {
        match self {
            Rule::QuoteCueSpeaker => "quote-cue-speaker",
            Rule::QuoteSpeakerCue => "quote-speaker-cue",
            Rule::SpeakerCueQuote => "speaker-cue-quote",
            Rule::AccordingTo => "according-to",
            Rule::SentenceSubject => "sentence-subject",
            Rule::SpeakerColonQuote => "speaker-colon-quote",
            Rule::SubjectNoCue => "subject-no-cue",
            Rule::TurnTaking => "turn-taking",
            Rule::SameParagraph => "same-paragraph",
            Rule::Continuation => "continuation",
            Rule::CueInSentence => "cue-in-sentence",
            Rule::NarrativeSubject => "narrative-subject",
            Rule::Vocative => "vocative",
            Rule::ReportedSpeech => "reported-speech",
            Rule::PreviousSentence => "previous-sentence",
        }
    }
}

/// Who said a quotation, and how we know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Index into [`crate::Analysis::speakers`], `None` for a mention that
    /// names nobody in particular ("officials", "a source", "I").
    pub speaker: Option<usize>,
    /// The words naming the speaker here ("Mr Kirby", "he"); `None` when
    /// only a cue was found (`saying she was “appalled”`).
    pub mention: Option<Span>,
    /// The speech cue ("said", "wrote"), if any.
    pub cue: Option<Span>,
    /// The pattern that made the attribution.
    pub rule: Rule,
}

/// A speaker of one or more quotations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Speaker {
    /// The canonical name: the fullest form seen, without titles.
    pub name: String,
    /// Every mention that refers to this speaker, in text order.
    pub mentions: Vec<Span>,
    /// Speech quotations attributed to them.
    pub quotes: usize,
    /// Words in those quotations.
    pub words: usize,
}

/// A speaker mention found by a pattern.
#[derive(Clone, Copy, Debug)]
struct Found {
    mention: Option<Span>,
    cue: Option<Span>,
    rule: Rule,
}

/// Maximum words between a quotation and its cue, or in a speaker
/// phrase: attribution is local, never a guess from far away.
const MAX_NP: usize = 10;

/// Tokens from a tag's start to its cue when a name comes with an
/// appositive ("Ann Ames, a columnist for the Tribune, wrote").
const APPOSITIVE_WINDOW: usize = 24;

/// Attributes the top-level quotations in place and returns the speakers
/// (figures are filled in by [`tally`] once kinds are known). `lang` is
/// the text's language, already guessed if no hint was given; `wrapped`
/// whether the text is hard-wrapped ([`crate::paragraph::paragraphs_wrapped`]).
pub(crate) fn attribute(
    text: &str,
    paragraphs: &[Span],
    wrapped: bool,
    quotes: &mut [Quote],
    lang: Lang,
) -> Vec<Speaker> {
    let quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.content)
        .collect();
    let doc = words::Lexed::new(text);
    let hay = &Hay::new(text, &doc);
    let dialogue = is_dialogue(hay, paragraphs, wrapped);
    let mut res = Resolver::new(hay, &doc, quoted, dialogue, paragraphs.len());
    if dialogue {
        res.narrative_heads = narrative_heads(hay, paragraphs);
    }
    // (paragraph index, attribution) of the last attributed quotation.
    let mut last: Option<(usize, Attribution)> = None;
    // Attributions whose speaker differs from the one before: the turns
    // of a conversation.
    let mut turns: Vec<(usize, Attribution)> = Vec::new();
    // The paragraph after the last scene break: a new conversation.
    let mut scene_start = 0usize;
    let mut pi = 0usize;
    // [`plausible_once`]'s memo, shared by the pattern's filter and the
    // final check.
    let plausible_memo: Cell<Option<(Span, bool)>> = Cell::new(None);
    let tops: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes.get(i).is_some_and(|q| q.depth == 0))
        .collect();
    for (ti, &qi) in tops.iter().enumerate() {
        let Some(q) = quotes.get(qi) else { continue };
        if q.kind == QuoteKind::Other {
            continue;
        }
        while let Some(p) = paragraphs.get(pi).filter(|p| p.end < q.span.start) {
            // A scene break or chapter heading ends the conversation.
            if res.dialogue && is_scene_break(p.text(hay)) {
                scene_start = pi + 1;
                last = None;
            }
            pi += 1;
        }
        let para = paragraphs
            .get(pi)
            .copied()
            .unwrap_or(Span::new(0, hay.len()));
        let prev_end = ti
            .checked_sub(1)
            .and_then(|k| tops.get(k))
            .and_then(|&k| quotes.get(k))
            .map_or(0, |p| p.span.end);
        let next_start = tops
            .get(ti + 1)
            .and_then(|&k| quotes.get(k))
            .map_or(hay.len(), |n| n.span.start);
        // A quoted name in the tag belongs to it: „…“, schreibt die
        // „Zeit“. The tag then runs on to the quotation after it.
        let next_start = match tops.get(ti + 1).and_then(|&k| quotes.get(k)) {
            // The short gap first: it rules most quotations out before
            // their words are read.
            Some(n)
                if hay
                    .get(q.span.end..n.span.start)
                    .is_some_and(|g| g.len() < 40 && !g.contains(['.', '!', '?', '\n']))
                    && is_quoted_name(n.content.text(hay)) =>
            {
                tops.get(ti + 2)
                    .and_then(|&k| quotes.get(k))
                    .map_or(hay.len(), |m| m.span.start)
            }
            _ => next_start,
        };
        let before_span = Span::new(prev_end.max(para.start).min(q.span.start), q.span.start);
        // The quotation's own end paragraph bounds what follows it.
        let end_para = paragraphs
            .get(pi..)
            .and_then(|ps| ps.iter().find(|p| p.end >= q.span.end))
            .copied()
            .unwrap_or(para);
        let after_span = Span::new(q.span.end, next_start.min(end_para.end).max(q.span.end));
        let (before, cut) = window_sentence_tail(hay, &doc, before_span);
        // The previous quotation ends in this quotation's sentence.
        // German „… Ende.“ Der Minister …: the previous quotation closed
        // its own sentence when a capital follows it.
        let prev_closed = lang == Lang::De
            && ti
                .checked_sub(1)
                .and_then(|k| tops.get(k))
                .and_then(|&k| quotes.get(k))
                .is_some_and(|p| p.content.text(hay).trim_end().ends_with(['.', '!', '?']))
            && before
                .first()
                .is_some_and(|t| t.is_word() && words::is_capitalized(t.span.text(hay)));
        // … and a new sentence about a person leads to this one with a
        // colon ("… in Frage:"), so it is theirs, not the last speaker's.
        let new_speaker = prev_closed && german_new_speaker(hay, &doc, &res.names, &before);
        let same_sentence = ti > 0 && !cut && !new_speaker && prev_end >= para.start;
        let mut after = sentence_head(hay, &doc, doc.window(hay, after_span));
        // (Trimmed already: quotations are found with their content's
        // space trimmed, [`crate::quote`].)
        let content = q.content.text(hay);
        // German: „Q.“ Der Chef fragte … is the next sentence (a tag there
        // starts with a comma and the verb).
        let mut das_tag = None;
        if lang == Lang::De
            && content.ends_with(['.', '!', '?'])
            && after
                .first()
                .is_some_and(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))
        {
            das_tag = german_das_tag(hay, &after);
            after = Cow::Borrowed(&[]);
        } else if lang == Lang::De && after.is_empty() {
            // „Q“. Das sagte …: the full stop outside the marks.
            let next = doc.window(hay, after_span);
            if next.first().and_then(Tok::punct) == Some('.') {
                das_tag = next.get(1..).and_then(|n| german_das_tag(hay, n));
            }
        }
        // A quotation ending in a comma or dash, or followed by one, is
        // tagged after it (“Q,” he said); otherwise look before it first.
        let tag_after = content.ends_with([',', '—', '–', '-', '?', '!'])
            || after
                .first()
                .and_then(Tok::punct)
                .is_some_and(|c| matches!(c, ',' | '—' | '–'));
        let opens_para = crate::paragraph::opens(hay, para, q.span.start);
        let last_here = last.filter(|&(lp, _)| lp == pi).map(|(_, a)| a);
        let here = Here {
            hay,
            doc: &doc,
            lang,
            paragraphs,
            quotes: &*quotes,
            tops: &tops,
            ti,
            q,
            pi,
            para,
            prev_end,
            opens_para,
            content,
            same_sentence,
            before: &before,
            after: &after,
            last: &last,
            last_here: &last_here,
            turns: &turns,
            scene_start,
            plausible_memo: &plausible_memo,
        };
        let found = tag_of(&res.names, &here, tag_after, das_tag);
        let opens_sentence = before.is_empty()
            || before
                .last()
                .and_then(Tok::punct)
                .is_some_and(|c| matches!(c, ':' | '—' | '–'));
        if res.dialogue {
            // Refilled in place: no allocation per line.
            res.participants.clear();
            res.participants.extend(
                turns
                    .iter()
                    .rev()
                    .take(TURN_REACH)
                    .take_while(|(tp, _)| tp + TURN_WINDOW >= pi)
                    .filter_map(|(_, t)| t.speaker)
                    .take(2),
            );
        }
        let attribution = attribution_of(&mut res, &here, found, opens_sentence);
        // A mention never lies inside its own quotation (a copied one
        // could, after stray marks).
        let attribution = attribution.filter(|a| a.mention.is_none_or(|m| !q.span.overlaps(m)));
        // Nor is a lone date or adverb a speaker, whichever rule found it:
        // keep the cue, drop the mention (and the quotation's speaker).
        let attribution = attribution.map(|a| match a.mention {
            Some(m) if !plausible_once(hay, &plausible_memo, m) => Attribution {
                speaker: None,
                mention: None,
                ..a
            },
            _ => a,
        });
        if let Some(a) = attribution.filter(|a| a.mention.is_some()) {
            // Remember which paragraph the quotation ends in.
            let end_pi = paragraphs
                .get(pi..)
                .and_then(|ps| ps.iter().position(|p| p.end >= q.span.end))
                .map_or(pi, |k| pi + k);
            last = Some((end_pi, a));
            if turns.last().is_none_or(|t| t.1.speaker != a.speaker) {
                turns.push((end_pi, a));
            } else if let Some(t) = turns.last_mut() {
                t.0 = end_pi;
            }
        }
        if let Some(q) = quotes.get_mut(qi) {
            q.attribution = attribution;
        }
    }
    if res.dialogue {
        end_dialogue(&mut res, hay, paragraphs, quotes);
    }
    let speakers = std::mem::take(&mut res.speakers);
    discard(res);
    discard(doc);
    speakers
}

/// Drops `value` in a function of its own. The drop code of the
/// resolver and the lexed text (every table and list they hold) made up
/// a fifth of [`attribute`] in the wasm, which V8's optimizing compiler
/// compiles as one unit whose memory is `analyze()`'s peak on a long text
/// (BENCHMARKS.md, "Memory"); it runs once per text.
#[inline(never)]
fn discard<T>(value: T) {
    drop(value);
}

/// [`plausible_mention`] of `m`, remembered for the last mention asked
/// about (`memo`): each quotation asks it of the mention found twice (the
/// pattern's filter, then the final check), and the answer depends on the
/// text alone, so a mention of the same words elsewhere has it too
/// (dialogue names the same speaker line after line).
fn plausible_once(hay: &Hay<'_>, memo: &Cell<Option<(Span, bool)>>, m: Span) -> bool {
    match memo.get() {
        // (The bytes compared: no char boundaries to check.)
        Some((s, ok))
            if s == m
                || hay.as_bytes().get(s.start..s.end) == hay.as_bytes().get(m.start..m.end) =>
        {
            ok
        }
        _ => {
            let ok = plausible_mention(hay, m);
            memo.set(Some((m, ok)));
            ok
        }
    }
}

/// Dialogue, once every quotation is attributed: a character called by
/// name who answered once gives the turn back ([`turns::count_back`]),
/// and fiction calls characters by their usual name ("Brenda", not a
/// maiden name given once).
#[inline(never)]
fn end_dialogue(res: &mut Resolver<'_>, hay: &Hay<'_>, paragraphs: &[Span], quotes: &mut [Quote]) {
    // Whom a line calls by name (bounded work per quotation), asked of
    // the few lines the recount needs it for. (`line` is the quotation's
    // index among the top-level ones: in `res.quoted`. A name resolved
    // here and nowhere before is a speaker of no quotation: no other
    // line's answer, nor the analysis, depends on whether it is.)
    let mut addressed =
        |q: &Quote, line: usize| vocative_at(res, line, q.content).and_then(|v| res.resolve(v));
    turns::count_back(hay, paragraphs, quotes, &mut addressed);
    for s in res.speakers.iter_mut() {
        s.name = res.names.usual(&s.name);
    }
}

/// The tag a pattern finds for the quotation: a source in its own
/// clause (German), the words after or before it (`tag_after`: after
/// first), a German tag in the next sentence (`das_tag`), "according
/// to", a lead-in closing the paragraph before; then the German
/// relative-clause and "laut X" rules and "the voice of X".
#[inline(never)]
fn tag_of(
    names: &Names<'_>,
    here: &Here<'_>,
    tag_after: bool,
    das_tag: Option<Found>,
) -> Option<Found> {
    // A line alone in its sentence (most of dialogue) has no words for
    // the patterns: outside German (whose rules below ask the words and
    // `das_tag`), only a lead-in closing the paragraph before can name its
    // speaker. Answered before the fields below are read.
    if here.lang != Lang::De && here.before.is_empty() && here.after.is_empty() {
        return lead_in_before(here).map(|f| with_voice(here, f));
    }
    let Here {
        hay,
        doc,
        lang,
        q,
        content,
        before,
        after,
        plausible_memo,
        ..
    } = *here;
    let plausible = |f: &Found| {
        f.mention
            .is_none_or(|m| plausible_once(hay, plausible_memo, m))
    };
    // German „laut Zeugen „…““, „nach Angaben der Polizei „…““: a source
    // in the quotation's own clause, right before it, is nearer than
    // the sentence's subject and its verb.
    let clause_source = (lang == Lang::De && !tag_after)
        .then(|| {
            let from = before
                .iter()
                .rposition(|t| t.punct().is_some())
                .map_or(0, |p| p + 1);
            according_to_nearest(hay, before.get(from..)?)
        })
        .flatten()
        .filter(plausible);
    // A line alone in its sentence (most of dialogue) has no words for
    // the patterns: only the tag of the next sentence or the paragraph
    // before can name its speaker.
    let words_around = !(before.is_empty() && after.is_empty());
    let found = if !words_around {
        None
    } else if let Some(f) = clause_source {
        Some(f)
    } else if tag_after {
        after_pattern(hay, after, lang)
            .filter(plausible)
            .or_else(|| before_pattern(hay, before, lang).filter(plausible))
    } else {
        before_pattern(hay, before, lang)
            .filter(plausible)
            .or_else(|| {
                after_pattern(hay, after, lang)
                    .filter(plausible)
                    .filter(|f| {
                        // “Q.” Trump said the deal …: a new sentence, not a tag.
                        !(content.ends_with('.')
                            && f.rule == Rule::QuoteSpeakerCue
                            && takes_complement(hay, after, f.cue))
                    })
            })
    }
    .or_else(|| {
        words_around
            .then(|| sentence_tag(hay, after, lang).filter(plausible))
            .flatten()
    })
    .or_else(|| das_tag.filter(plausible))
    .or_else(|| {
        words_around
            .then(|| according_to(hay, after).or_else(|| according_to_nearest(hay, before)))
            .flatten()
    })
    .or_else(|| {
        // "… and then she said:" closing the paragraph before.
        lead_in_before(here)
    });
    // German: a quotation inside a relative clause whose pronoun is
    // its subject ("der Verband, der den Plan als „…“ sieht") is the
    // antecedent's, unless a phrase before the clause was found.
    let found = match (lang == Lang::De)
        .then(|| german_relative(hay, before, after))
        .flatten()
    {
        Some((rel, r))
            if found.is_none_or(|f| {
                f.mention
                    .is_none_or(|m| m.start >= rel && m.end <= q.span.start)
            }) =>
        {
            Some(r)
        }
        _ => found,
    };
    // German: "laut X", "X zufolge" in the quotation's own clause names
    // its source ahead of a phrase earlier in the sentence ("Wie die
    // Zeitung berichtete, soll laut der Studie jeder „…“").
    let found = match (lang == Lang::De)
        .then(|| {
            let from = before
                .iter()
                .rposition(|t| t.punct() == Some(','))
                .map_or(0, |c| c + 1);
            let clause = before.get(from..)?;
            Some((
                clause.first()?.span.start,
                according_to_nearest(hay, clause)?,
            ))
        })
        .flatten()
    {
        // Unless the phrase found is a person in the same clause ("Sie
        // wandte sich gegen die ihrer Meinung nach …").
        Some((from, acc))
            if found.is_none_or(|f| {
                f.mention.is_none_or(|m| {
                    acc.mention.is_some_and(|a| m.end <= a.start)
                        && (m.start < from || !german_person(hay, doc, names, m))
                })
            }) =>
        {
            Some(acc)
        }
        _ => found,
    };
    found.map(|f| with_voice(here, f))
}

/// The tag of a paragraph before the quotation that ends in "… and then
/// she said:", when the quotation opens its own.
fn lead_in_before(here: &Here<'_>) -> Option<Found> {
    let prev = here.paragraphs.get(here.pi.checked_sub(1)?)?;
    here.opens_para
        .then(|| lead_in(here.hay, here.doc, *prev, here.lang))
        .flatten()
}

/// `f` with the person for "the voice of" a person ("exclaimed the voice
/// of old Mr. Emerson": the person, not the voice).
fn with_voice(here: &Here<'_>, f: Found) -> Found {
    // (At least the five bytes of "voice", asked without a call.)
    match f
        .mention
        .filter(|m| m.len() >= 5)
        .and_then(|m| voice_of(here.hay, here.doc, m))
    {
        Some(m) => Found {
            mention: Some(m),
            ..f
        },
        None => f,
    }
}

/// The attribution of a quotation from the tag found (`found`), else
/// from a cue or the subject of its sentence, the dialogue rules, or
/// the speaker before it (`opens_sentence`: nothing or a colon or dash
/// before it in its sentence).
#[inline(never)]
fn attribution_of(
    res: &mut Resolver<'_>,
    here: &Here<'_>,
    found: Option<Found>,
    opens_sentence: bool,
) -> Option<Attribution> {
    // A tag found: before the fields below are read (half of dialogue,
    // most of news, need none of them).
    if let Some(f) = found {
        let speaker = found_speaker(res, here, f);
        return Some(Attribution {
            speaker,
            mention: f.mention,
            cue: f.cue,
            rule: f.rule,
        });
    }
    let Here {
        hay,
        doc,
        lang,
        paragraphs,
        quotes,
        tops,
        ti,
        q,
        pi,
        para,
        prev_end,
        opens_para,
        content,
        same_sentence,
        before,
        after,
        last: &last,
        last_here: &last_here,
        turns,
        scene_start,
        ..
    } = *here;
    if let (Some(a), true) = (last_here, same_sentence) {
        // “Q1,” she said, calling it “Q2”: the same speaker.
        Some(Attribution {
            rule: Rule::SameParagraph,
            cue: None,
            ..a
        })
    } else if let Some(cue) = cue_in_sentence(
        hay,
        before,
        if content.ends_with(['.', '!', '?'])
            && after
                .first()
                .is_some_and(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))
        {
            &[]
        } else {
            after
        },
    ) {
        cue_attribution(res, here, cue)
    } else if let Some(a) = (lang == Lang::De)
        .then(|| {
            let colon = before.last().and_then(Tok::punct) == Some(':');
            german_no_cue(
                res,
                before,
                after,
                Span::new(
                    floor_boundary(hay, q.span.start.saturating_sub(SENTENCE_WINDOW))
                        .max(para.start)
                        .min(q.span.start),
                    q.span.start,
                ),
                last.filter(|&(lp, _)| lp + 1 >= pi).map(|(_, a)| a),
                colon,
            )
        })
        .flatten()
    {
        Some(a)
    } else if !opens_sentence || before.last().and_then(Tok::punct) == Some(':') {
        // No cue: the subject of the quotation's sentence is the
        // likeliest speaker ("X delivered a retort: “Q”").
        let sent = here.sentence();
        let subject = if lang == Lang::De && sent.first().is_some_and(|t| !is_stop_tok(hay, t)) {
            german_np_von(hay, &sent)
        } else {
            // English: the subject of a verb that characterises the
            // fragment ("protesters chanted", "critics dismissed it
            // as"), nearer than whatever opens the sentence.
            (lang == Lang::En)
                .then(|| governor_subject(hay, &sent))
                .flatten()
                .filter(|&m| plausible_mention(hay, m))
                .or_else(|| sentence_subject(hay, &sent))
        };
        subject.map(|np| Attribution {
            speaker: res.resolve(np),
            mention: Some(np),
            cue: None,
            rule: Rule::SubjectNoCue,
        })
    } else if res.dialogue && opens_para {
        let prev_quote = ti
            .checked_sub(1)
            .and_then(|k| tops.get(k))
            .and_then(|&k| quotes.get(k))
            .map(|p| (p.span, p.content));
        dialogue_line(
            res,
            &DialogueCtx {
                at: q.span.start,
                pi,
                after,
                content,
                own: q.content,
                line: ti,
                prev_para: pi.checked_sub(1).and_then(|k| paragraphs.get(k)).copied(),
                prev_quote,
                last,
                turns,
                paragraphs,
                scene_start,
            },
        )
    } else if let Some(a) = (res.dialogue && !opens_para && last_here.is_none())
        .then(|| {
            // "Brenda sat up. “…”": the narrative sentence before.
            let np = last_sentence_subject(
                hay,
                doc,
                Span::new(prev_end.max(para.start).min(q.span.start), q.span.start),
            )?;
            Some(Attribution {
                speaker: Some(res.resolve(np)?),
                mention: Some(np),
                cue: None,
                rule: Rule::NarrativeSubject,
            })
        })
        .flatten()
    {
        Some(a)
    } else {
        carried_over(res, here)
    }
}

/// German: the words `before` a quotation, after the previous quotation
/// closed its sentence, are a new sentence about a person that leads to
/// this one with a colon ("… in Frage:"), so the quotation is theirs, not
/// the last speaker's.
#[inline(never)]
fn german_new_speaker(
    hay: &Hay<'_>,
    doc: &words::Lexed,
    names: &Names<'_>,
    before: &[Tok],
) -> bool {
    before.last().and_then(Tok::punct) == Some(':')
        && before
            .get(..before.len() - 1)
            .and_then(|body| {
                let np = german_v2_subject(hay, body)?;
                Some(german_object_first(hay, doc, names, body, np).unwrap_or(np))
            })
            .is_some_and(|np| german_person(hay, doc, names, np))
}

/// What the rules look at for one quotation, gathered by [`attribute`]
/// for the functions it hands the work to: [`tag_of`] finds the tag,
/// [`attribution_of`] decides, with [`found_speaker`], [`cue_attribution`]
/// and [`carried_over`] for its larger cases. They are functions of their
/// own so that no wasm function is large: V8 compiles a hot wasm function
/// whole with its optimizing compiler, on a background thread during the
/// first big analysis, and the memory that takes grows with the function
/// (`attribute` in one piece, 27 KB of wasm, took 12 MB to compile;
/// BENCHMARKS.md, "Peak memory").
struct Here<'a> {
    hay: &'a Hay<'a>,
    doc: &'a words::Lexed<'a>,
    lang: Lang,
    paragraphs: &'a [Span],
    quotes: &'a [Quote],
    /// The indices of the top-level quotations; this one is `tops[ti]`.
    tops: &'a [usize],
    ti: usize,
    q: &'a Quote,
    /// Its paragraph (index and span).
    pi: usize,
    para: Span,
    /// Where the top-level quotation before it ends (0 if none).
    prev_end: usize,
    /// Nothing but space between the paragraph's start and the quotation.
    opens_para: bool,
    /// Its text, trailing space trimmed.
    content: &'a str,
    /// The quotation before it is in the same sentence.
    same_sentence: bool,
    /// The tokens of its sentence before and after it.
    before: &'a [Tok],
    after: &'a [Tok],
    /// The last attribution with a mention (and the paragraph it ends
    /// in), and that attribution if it is in this paragraph.
    last: &'a Option<(usize, Attribution)>,
    last_here: &'a Option<Attribution>,
    /// Attributions whose speaker differs from the one before.
    turns: &'a [(usize, Attribution)],
    /// The paragraph after the last scene break.
    scene_start: usize,
    /// [`plausible_once`]'s memo.
    plausible_memo: &'a Cell<Option<(Span, bool)>>,
}

impl Here<'_> {
    /// The whole sentence before the quotation, earlier quotations
    /// included, for its subject (bounded, so long paragraphs stay
    /// linear).
    fn sentence(&self) -> Cow<'_, [Tok]> {
        let Here {
            hay, doc, q, para, ..
        } = *self;

        let from =
            floor_boundary(hay, q.span.start.saturating_sub(SENTENCE_WINDOW)).max(para.start);
        window_sentence_tail(hay, doc, Span::new(from.min(q.span.start), q.span.start)).0
    }
}

/// The speaker of a quotation whose tag a pattern found (`f`): the
/// mention resolved, or in dialogue the character a pronoun or "the
/// other" stands for.
#[inline(never)]
fn found_speaker(res: &mut Resolver<'_>, here: &Here<'_>, f: Found) -> Option<usize> {
    let Here {
        hay,
        ti,
        q,
        pi,
        before,
        last: &last,
        turns,
        ..
    } = *here;
    let other = res.dialogue
        && f.mention
            .is_some_and(|m| m.text(hay).eq_ignore_ascii_case("the other"));
    if other {
        // "said the other": the party of the conversation who did
        // not speak last.
        let last_speaker = last.and_then(|(_, a)| a.speaker);
        turns
            .iter()
            .rev()
            .take(TURN_REACH)
            .take_while(|(tp, _)| tp + TURN_WINDOW >= pi)
            .find(|(_, t)| t.speaker.is_some() && t.speaker != last_speaker)
            .and_then(|(_, t)| t.speaker)
    } else {
        // In dialogue the narration tells who he or she is.
        let narrated = f
            .mention
            .filter(|m| res.dialogue && pronoun_gender(m.text(hay)).is_some())
            .and_then(|m| narrated_speaker(res, here, m));
        // "what he calls": he is the sentence's subject.
        let antecedent = f
            .mention
            .filter(|_| !res.dialogue)
            .and_then(|m| relative_antecedent(hay, before, m));
        let speaker = narrated.or_else(|| {
            antecedent
                .and_then(|a| res.resolve(a))
                .or_else(|| f.mention.and_then(|m| res.resolve(m)))
        });
        // "“Good morning, Ann,” he said": he is not Ann.
        let addressee = res
            .dialogue
            .then(|| vocative_at(res, ti, q.content))
            .flatten()
            .and_then(|v| res.resolve(v));
        match (speaker, f.mention) {
            (Some(i), Some(m)) if Some(i) == addressee => res.resolve_other(m, i).or(Some(i)),
            _ => speaker,
        }
    }
}

/// Dialogue: the character a he/she tag (its mention `m`) stands
/// for, from the narration around it. Only he or she is asked: each way
/// here needs the pronoun's gender first, so any other mention would
/// read the sentence windows for nothing.
#[inline(never)]
fn narrated_speaker(res: &mut Resolver<'_>, here: &Here<'_>, m: Span) -> Option<usize> {
    let Here {
        hay,
        doc,
        paragraphs,
        q,
        pi,
        para,
        prev_end,
        opens_para,
        last_here: &last_here,
        ..
    } = *here;
    // "The stationmaster whistled. ¶ “Q,” he said.": he is the subject
    // of the narrative paragraph just before.
    let prev = pi.checked_sub(1).and_then(|k| paragraphs.get(k)).copied();
    let narrated = match prev {
        Some(prev) if opens_para && prev_end <= prev.start => narrated_antecedent(res, m, prev),
        _ => None,
    };
    // "Then Miss Lavish stopped, and she cried: “Q”": the subject of the
    // pronoun's own sentence.
    let narrated = narrated.or_else(|| {
        // Narration only: after this quotation when the tag follows
        // it, else after the one before.
        let after_quote = if m.start >= q.span.end {
            q.span.end
        } else {
            prev_end
        };
        // The tag may close the paragraph before ("… and she cried:").
        let own_para = if m.start < para.start {
            prev.map_or(para.start, |p| p.start)
        } else {
            para.start
        };
        let from = floor_boundary(hay, m.start.saturating_sub(SENTENCE_WINDOW))
            .max(own_para)
            .max(after_quote)
            .min(m.start);
        let (sent, _) = window_sentence_tail(hay, doc, Span::new(from, m.start));
        // After an adverb or two ("Then Nell went …").
        (0..3).find_map(|k| {
            let np = narrative_subject(hay, sent.get(k..)?)?;
            subject_antecedent(res, m, np)
        })
    });
    // "Jim Hale came in. “Q,” he said.": the subject of the narration
    // just before the quotation, in its paragraph.
    let narrated = narrated.or_else(|| {
        if m.start < q.span.end {
            return None;
        }
        let from = prev_end.max(para.start).min(q.span.start);
        let np = last_sentence_subject(hay, doc, Span::new(from, q.span.start))?;
        subject_antecedent(res, m, np)
    });
    // "“Q1,” said Jim. “Q2,” he said.": a paragraph of dialogue is one
    // speaker's, unless the sex says otherwise.
    narrated.or_else(|| {
        let gender = pronoun_gender(m.text(hay))?;
        let i = last_here?.speaker?;
        let name = &res.speakers.get(i)?.name;
        res.names
            .gender(name)
            .is_none_or(|g| g == gender)
            .then_some(i)
    })
}

/// A speech cue in the quotation's sentence but no speaker phrase next
/// to it (`cue`): the sentence's subject speaks, or in a story told to
/// "you", the one "you" stands for.
#[inline(never)]
fn cue_attribution(res: &mut Resolver<'_>, here: &Here<'_>, cue: Span) -> Option<Attribution> {
    let Here {
        hay,
        doc,
        lang,
        quotes,
        tops,
        ti,
        q,
        pi,
        para,
        before,
        after,
        last: &last,
        turns,
        scene_start,
        ..
    } = *here;
    // A cue but no phrase next to it: "X did this, saying “Q”";
    // in fiction after an adverb too ("Again he hesitated, and
    // then said: …").
    let sent = here.sentence();
    // German ends a subordinate or passive clause with its cue:
    // "weil die Regierung ihn als „…“ bezeichnet hat".
    let verb_last = (lang == Lang::De)
        .then(|| {
            let clause: Vec<Tok> = before.iter().chain(after.iter()).copied().collect();
            let at = clause.iter().rposition(|t| t.span == cue)?;
            german_verb_last(hay, &clause, at)
        })
        .flatten();
    let np = verb_last
        .or_else(|| sentence_subject(hay, &sent))
        .or_else(|| {
            res.dialogue
                .then(|| {
                    // "At the door John said, …": a short phrase first.
                    (0..4).find_map(|k| sent.get(k..).and_then(|rest| narrative_subject(hay, rest)))
                })
                .flatten()
        })
        .or_else(|| {
            // "Brenda read. “…” And asked, “Q”": the subject of the
            // narrative sentence before, quotations between skipped.
            let first = sent
                .iter()
                .find(|t| t.is_word())
                .filter(|t| key(hay, t) == "and")?;
            let prev_start = ti
                .checked_sub(1)
                .and_then(|k| tops.get(k))
                .and_then(|&k| quotes.get(k))
                .map(|p| p.span.start)
                .filter(|&s| s >= para.start)
                .unwrap_or(first.span.start)
                .min(first.span.start);
            res.dialogue
                .then(|| last_sentence_subject(hay, doc, Span::new(para.start, prev_start)))
                .flatten()
        });
    // A story told to "you" ("“Look!” you cried"): you are
    // the one the last line spoke to, else the other party.
    // "you" right at the cue wins over a word taken for the
    // sentence's subject ("So, you cried, …").
    let you = res
        .dialogue
        .then(|| second_person(hay, before, after, cue))
        .flatten();
    let np = you.or(np);
    let speaker = if let (Some(_), Some(i)) = (you, res.you) {
        // "You" is one character all through the story.
        Some(i)
    } else if you.is_some() {
        let last_speaker = last.and_then(|(_, a)| a.speaker);
        let called = ti
            .checked_sub(1)
            .and_then(|k| tops.get(k))
            .and_then(|&k| quotes.get(k))
            .filter(|p| p.span.end + PARAGRAPH_REACH >= q.span.start)
            .and_then(|p| vocative_at(res, ti - 1, p.content))
            .and_then(|v| res.resolve(v))
            .filter(|&i| Some(i) != last_speaker);
        called.or_else(|| {
            turns
                .iter()
                .rev()
                .take(TURN_REACH)
                .take_while(|(tp, _)| tp + TURN_WINDOW >= pi && *tp >= scene_start)
                .find(|(_, t)| t.speaker.is_some() && t.speaker != last_speaker)
                .and_then(|(_, t)| t.speaker)
        })
    } else {
        np.and_then(|m| res.resolve(m))
    };
    if you.is_some() {
        res.you = res.you.or(speaker);
    }
    Some(Attribution {
        speaker,
        mention: np,
        cue: Some(cue),
        rule: if np.is_some() {
            Rule::SentenceSubject
        } else {
            Rule::CueInSentence
        },
    })
}

/// No tag, cue or subject for the quotation: the speaker carried over
/// from before it (a split quotation, a news continuation, the
/// sentence before; in German news a sentence about someone else hands
/// the word to them).
#[inline(never)]
fn carried_over(res: &mut Resolver<'_>, here: &Here<'_>) -> Option<Attribution> {
    let Here {
        hay,
        doc,
        lang,
        paragraphs,
        q,
        pi,
        para,
        prev_end,
        opens_para,
        same_sentence,
        last: &last,
        last_here: &last_here,
        ..
    } = *here;
    // German news: a whole sentence about another person between
    // the last quotation and this one hands the word to them
    // ("…“, sagte A. Der Bruder, B, war eingeweiht. „Q“").
    let between = Span::new(prev_end.max(para.start).min(q.span.start), q.span.start);
    let handed = (lang == Lang::De && !res.dialogue && last_here.is_some() && !same_sentence)
        .then(|| german_previous_subject(hay, doc, &res.names, between))
        .flatten()
        .and_then(|f| {
            let m = f.mention?;
            let speaker = res.resolve(m);
            (speaker.is_some() && speaker != last_here.and_then(|a| a.speaker)).then_some(
                Attribution {
                    speaker,
                    mention: Some(m),
                    cue: None,
                    rule: Rule::PreviousSentence,
                },
            )
        });
    // Split quotation or news continuation: the same speaker.
    match last {
        _ if handed.is_some() => handed,
        Some((lp, a)) if lp == pi => Some(Attribution {
            rule: Rule::SameParagraph,
            cue: None,
            ..a
        }),
        // Dialogue: an untagged line answers the previous one, so
        // it is the speaker before the last, or else the character
        // named last who is not the last speaker.
        Some((lp, a)) if lp + 1 == pi && opens_para => Some(Attribution {
            rule: Rule::Continuation,
            cue: None,
            ..a
        }),
        // "Ann Ames said the plan was late. “We need time.”": the
        // speaker of the sentence before, in this paragraph or
        // closing the one before.
        _ => {
            let from = if opens_para {
                pi.checked_sub(1)
                    .and_then(|k| paragraphs.get(k))
                    .map_or(para.start, |p| p.start)
            } else {
                para.start
            };
            let window = Span::new(
                floor_boundary(hay, q.span.start.saturating_sub(SENTENCE_WINDOW))
                    .max(from)
                    .max(prev_end)
                    .min(q.span.start),
                q.span.start,
            );
            previous_sentence(hay, doc, window, lang)
                .or_else(|| {
                    // German news goes on quoting the person the
                    // sentence before was about: "Um Zeit zu
                    // gewinnen, will Oettinger … straffen. „…“"
                    (lang == Lang::De)
                        .then(|| german_previous_subject(hay, doc, &res.names, window))
                        .flatten()
                })
                .map(|f| Attribution {
                    speaker: f.mention.and_then(|m| res.resolve(m)),
                    mention: f.mention,
                    cue: f.cue,
                    rule: Rule::PreviousSentence,
                })
        }
    }
}

/// Title words that are not persons on their own after "the" ("the
/// former", "the state"), sorted for [`has`].
static NOT_PERSON_TITLES: &WordList = &word_list!(&[
    "defence",
    "defense",
    "foreign",
    "former",
    "harbour",
    "presidential",
    "prime",
    "state",
]);

/// "the barman" → "The Barman".
fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| {
                    std::iter::once(upper_initial(f))
                        .chain(cs)
                        .collect::<String>()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The capital of a noun's first letter, for the Latin, Greek and Cyrillic
/// letters whose capital is one char; any other char stays as it is.
/// `char::to_uppercase` would do every script but links a 12 KB table
/// into the wasm for this one display nicety.
fn upper_initial(c: char) -> char {
    let u = c as u32;
    let up = match u {
        0x61..=0x7a | 0xe0..=0xf6 | 0xf8..=0xfe | 0x3b1..=0x3c1 | 0x3c3..=0x3c9 => u - 0x20,
        0x430..=0x44f => u - 0x20,
        0x450..=0x45f => u - 0x50,
        // Latin Extended-A: pairs of capital then small letter; from Ĺ
        // to Ň the pairs shift by one (ı, ĸ, ŉ and ſ have no such pair).
        0x101..=0x12f | 0x133..=0x137 | 0x14b..=0x177 if u % 2 == 1 => u - 1,
        0x13a..=0x148 | 0x17a..=0x17e if u % 2 == 0 => u - 1,
        _ => u,
    };
    char::from_u32(up).unwrap_or(c)
}

/// Whether the clause before a comma is a noun phrase opened by a
/// possessive or article ("His boy, Joe, shaved me"): the name after the
/// comma is in apposition to it, not someone addressed. `toks` end just
/// before the comma; only the last three words are looked at.
fn after_noun_phrase(hay: &Hay<'_>, toks: &[Tok]) -> bool {
    // Bounded: only the last four tokens matter.
    let toks = toks.get(toks.len().saturating_sub(4)..).unwrap_or(&[]);
    let clause = toks
        .iter()
        .rposition(|t| !t.is_word())
        .map_or(toks, |p| toks.get(p + 1..).unwrap_or(&[]));
    (2..=3).contains(&clause.len())
        && clause.first().is_some_and(|t| {
            has(
                &["a", "an", "her", "his", "my", "our", "the", "their", "your"],
                &key(hay, t),
            )
        })
        && clause
            .last()
            .is_some_and(|t| !words::is_capitalized(t.span.text(hay)))
}

/// Whether a lower-case word is a speech cue (`sagte`, `berichtet` …):
/// quotation kinds ask it of the words around German quotations.
pub(crate) fn is_speech_cue(word: &str) -> bool {
    lexicon::is_cue_word(word)
}

/// Whether a lower-case German word is a subjunctive of reported speech
/// (`sei`, `habe`, `werde` …): quotation kinds ask it too.
pub(crate) fn is_de_subjunctive(word: &str) -> bool {
    has(lexicon::DE_SUBJUNCTIVE, word)
}

/// Fills in each speaker's figures from the final kinds, drops
/// attributions of quotations that turned out not to be speech, drops
/// speakers left with none, and re-indexes. `words` keeps the
/// quotations' word counts (each counted once for the whole analysis).
pub(crate) fn tally(
    hay: &str,
    quotes: &mut [Quote],
    speakers: Vec<Speaker>,
    words: &mut crate::stats::QuoteWords,
) -> Vec<Speaker> {
    let mut speakers = speakers;
    for s in speakers.iter_mut() {
        s.quotes = 0;
        s.words = 0;
        s.mentions.clear();
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        if q.kind != QuoteKind::Speech {
            q.attribution = None;
            continue;
        }
        let Some(a) = q.attribution else { continue };
        if let Some(s) = a.speaker.and_then(|i| speakers.get_mut(i)) {
            s.quotes += 1;
            s.words += words.get(i, hay, q.content);
            if let Some(m) = a.mention {
                s.mentions.push(m);
            }
        }
    }
    // Re-index without speakers that kept no quotation, in order of
    // their first quotation.
    let mut order: Vec<usize> = Vec::new();
    let mut map: Vec<Option<usize>> = vec![None; speakers.len()];
    for q in quotes.iter() {
        if let Some(i) = q.attribution.and_then(|a| a.speaker) {
            if let Some(slot) = map.get_mut(i) {
                if slot.is_none() {
                    *slot = Some(order.len());
                    order.push(i);
                }
            }
        }
    }
    for q in quotes.iter_mut() {
        if let Some(a) = q.attribution.as_mut() {
            a.speaker = a.speaker.and_then(|i| map.get(i).copied().flatten());
        }
    }
    let mut out = Vec::with_capacity(order.len());
    for i in order {
        if let Some(s) = speakers.get_mut(i) {
            // A heap sort rather than `sort_unstable`: the quicksort's
            // instance for spans was about 8 KB of the WebAssembly module.
            // Spans are totally ordered, so the result is the same; most
            // lists come in text order already and skip the sort.
            let mut m = std::mem::take(&mut s.mentions);
            if !m.is_sorted() {
                m = std::collections::BinaryHeap::from(m).into_sorted_vec();
            }
            m.dedup();
            out.push(Speaker {
                name: std::mem::take(&mut s.name),
                mentions: m,
                quotes: s.quotes,
                words: s.words,
            });
        }
    }
    out
}

/// Whether a "." token ends a sentence (not after "Mr", "U.S", "J").
fn is_terminator(hay: &str, toks: &[Tok], i: usize) -> bool {
    terminates(hay, None, toks, i)
}

/// [`is_terminator`] of a window of `doc`'s tokens: whether the word
/// before a dot is an abbreviation is read from its description in the
/// text's vocabulary ([`is_abbrev_tok`]), not looked up by its text.
///
/// Asked of every token of a window walked for its sentence end: the
/// char is tested here, inlined in the walk, so that words and other
/// punctuation cost no call.
#[inline]
fn ends_sentence(hay: &str, doc: &words::Lexed<'_>, toks: &[Tok], i: usize) -> bool {
    matches!(
        toks.get(i).and_then(Tok::punct),
        Some('!' | '?' | ';' | '.')
    ) && terminates(hay, Some(doc), toks, i)
}

/// [`is_terminator`], asking `doc`'s vocabulary (if any) whether a word
/// before a dot is an abbreviation. (One function for both: a generic
/// one was two copies in the wasm.)
fn terminates(hay: &str, doc: Option<&words::Lexed<'_>>, toks: &[Tok], i: usize) -> bool {
    match toks.get(i).and_then(Tok::punct) {
        Some('!' | '?' | ';') => true,
        // Not after "Mr" or "U.S", nor inside brackets: "(D-Ore.)".
        Some('.') => {
            let prev = i.checked_sub(1).and_then(|p| toks.get(p));
            let abbrev = |p: &Tok| match doc {
                Some(doc) => is_abbrev_tok(hay, doc, p),
                None => names::is_abbrev(p.span.text(hay)),
            };
            // The token after first: it needs no look-up.
            !matches!(toks.get(i + 1).and_then(Tok::punct), Some(')' | ','))
                && !prev.is_some_and(|p| p.is_word() && abbrev(p))
                && !prev.is_some_and(|p| is_ordinal(hay, toks, i, p))
        }
        _ => false,
    }
}

/// [`names::is_abbrev`] of word token `t`: from its description in
/// `doc`'s vocabulary when it has an id there (every token of the text's
/// own lexing), else by its text.
fn is_abbrev_tok(hay: &str, doc: &words::Lexed<'_>, t: &Tok) -> bool {
    match doc.vocab().word_of(t) {
        Some(w) => w.flags.has(vocab::Flags::ABBREV),
        None => names::is_abbrev(t.span.text(hay)),
    }
}

/// Whether the dot after `p` (at `dot`) marks an ordinal rather than a
/// sentence end: a regnal number before a lower-case word ("Benedikt
/// XVI. „ist …“", "Elisabeth II. bat"), or a day before a month or a
/// lower-case word ("am 20. Juli", "der 3. Platz" stays a sentence end
/// only when a capital that is no month follows).
///
/// Inlined: most words before a dot open with neither a Roman numeral's
/// letter nor a digit, and one byte answers for them without a call.
#[inline(always)]
fn is_ordinal(hay: &str, toks: &[Tok], dot: usize, p: &Tok) -> bool {
    p.span
        .text(hay)
        .as_bytes()
        .first()
        .is_none_or(|b| matches!(b, b'I' | b'V' | b'X' | b'0'..=b'9'))
        && is_ordinal_rest(hay, toks, dot, p)
}

/// [`is_ordinal`] of a word that may be a numeral.
#[inline(never)]
fn is_ordinal_rest(hay: &str, toks: &[Tok], dot: usize, p: &Tok) -> bool {
    let w = p.span.text(hay);
    let regnal = w.len() <= 5
        && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && dot
            .checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|n| n.is_word() && words::is_capitalized(n.span.text(hay)));
    let day = w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
    // Asked of every dot: most follow neither a numeral nor a number, and
    // then the word after the dot (a copy) need not be read.
    if !(regnal || day) {
        return false;
    }
    // The next word from the text itself: a window may end at the dot.
    let Some(end) = toks.get(dot).map(|t| t.span.end) else {
        return false;
    };
    let after = hay.get(end..).unwrap_or_default();
    let from = after
        .char_indices()
        .take(8)
        .find(|&(_, c)| !c.is_whitespace() && !matches!(c, '„' | '“' | '"' | '»' | '«'))
        .map_or(after.len(), |(i, _)| i);
    let next: String = after
        .get(from..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .collect();
    if next.is_empty() {
        return false;
    }
    !words::is_capitalized(&next) || day && has(DATES, &crate::case::to_lowercase(&next))
}

/// The last sentence of `window` ending at its end, trailing
/// punctuation dropped.
fn last_sentence<'d>(hay: &str, doc: &'d words::Lexed, window: Span) -> Cow<'d, [Tok]> {
    let toks = doc.window(hay, window);
    let end = toks.iter().rposition(Tok::is_word).map_or(0, |i| i + 1);
    sentence_tail(hay, doc, keep(toks, 0..end)).0
}

/// The tokens of `toks` (a window of `doc`) after its last sentence end,
/// and whether there was one.
fn sentence_tail<'d>(
    hay: &str,
    doc: &words::Lexed<'_>,
    toks: Cow<'d, [Tok]>,
) -> (Cow<'d, [Tok]>, bool) {
    let cut = (0..toks.len())
        .rev()
        .find(|&i| ends_sentence(hay, doc, &toks, i));
    match cut {
        Some(c) => (keep(toks, c + 1..usize::MAX), true),
        None => (toks, false),
    }
}

/// `sentence_tail(hay, doc.window(hay, span))`, the same answer found in
/// fewer steps: in a long window borrowed from the text's tokens only the
/// tokens that may end a sentence are asked ([`words::Lexed::stops_in`]),
/// so 600 bytes without a sentence end (text dense with quotation marks)
/// cost a few steps, not a question per token for every quotation in
/// them. [`is_terminator`] is asked of the same window either way, and is
/// false for every other token.
///
/// Inlined: a quotation opening its paragraph (all of dialogue) has
/// nothing before it, answered without a call.
#[inline]
fn window_sentence_tail<'d>(
    hay: &str,
    doc: &'d words::Lexed<'_>,
    span: Span,
) -> (Cow<'d, [Tok]>, bool) {
    if span.start >= span.end {
        return (Cow::Borrowed(&[]), false);
    }
    window_sentence_tail_of(hay, doc, span)
}

/// [`window_sentence_tail`] of a window that is not empty.
#[inline(never)]
fn window_sentence_tail_of<'d>(
    hay: &str,
    doc: &'d words::Lexed<'_>,
    span: Span,
) -> (Cow<'d, [Tok]>, bool) {
    let (toks, lo) = doc.window_at(hay, span);
    let ends = |&i: &usize| ends_sentence(hay, doc, &toks, i);
    let indexed = lo
        .filter(|_| toks.len() > LONG_WINDOW)
        .and_then(|lo| Some((lo, doc.stops_in(lo..lo + toks.len())?)));
    let cut = match indexed {
        Some((lo, mut stops)) => stops.find_map(|k| Some(k.saturating_sub(lo)).filter(ends)),
        None => (0..toks.len()).rev().find(ends),
    };
    match cut {
        Some(c) => (keep(toks, c + 1..usize::MAX), true),
        None => (toks, false),
    }
}

/// Windows of more tokens than this find their sentence end by the stop
/// index; a shorter walk costs less than its bisection.
const LONG_WINDOW: usize = 150;

/// `toks[range]` (clamped to its length), still borrowed if `toks` is:
/// windows are mostly slices of the shared tokens ([`words::Lexed::window`]),
/// and cutting one at a sentence end need not copy it.
fn keep(toks: Cow<'_, [Tok]>, range: std::ops::Range<usize>) -> Cow<'_, [Tok]> {
    let end = range.end.min(toks.len());
    let start = range.start.min(end);
    match toks {
        Cow::Borrowed(s) => Cow::Borrowed(s.get(start..end).unwrap_or_default()),
        Cow::Owned(mut v) => {
            v.truncate(end);
            v.drain(..start);
            Cow::Owned(v)
        }
    }
}

/// How far back (bytes) to look for the start of a quotation's sentence.
const SENTENCE_WINDOW: usize = 600;

/// The largest char boundary at or before `i`.
fn floor_boundary(hay: &str, mut i: usize) -> usize {
    i = i.min(hay.len());
    while i > 0 && !hay.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The tokens of `toks` (a window of `doc`) up to its first sentence end.
fn sentence_head<'d>(hay: &str, doc: &words::Lexed<'_>, toks: Cow<'d, [Tok]>) -> Cow<'d, [Tok]> {
    // A leading "." or "!" right after the closing mark ends the
    // quotation's own sentence (“Stop.” He left.), not a tag.
    match (0..toks.len()).find(|&i| ends_sentence(hay, doc, &toks, i)) {
        Some(c) => keep(toks, 0..c),
        None => toks,
    }
}

/// The text under attribution with its vocabulary: what the rules are
/// given instead of the bare text, so that a word lexed with the whole
/// text ([`words::Lexed`]) reads its key and word-list bits by its id
/// ([`Tok::id`]), described once per distinct word, instead of
/// lower-casing its text and searching the lists again at every question
/// (some 100,000 questions per megabyte of news, [`key`] and [`is_cue`]
/// a tenth of the analysis). A word without an id (one a window's edge
/// cut, lexed on its own) is asked by its text, with the same answer
/// (`words::keys_by_id_are_the_texts_keys`).
///
/// It dereferences to the text, so spans read from it as from a `&str`.
pub(super) struct Hay<'a> {
    text: &'a str,
    vocab: Option<&'a vocab::Vocab<'a>>,
    /// Per word id, the [`Listed`] bits of its key once asked (with
    /// [`Listed::KNOWN`]), else 0: most words are never asked, and a word
    /// asked is mostly asked again (a text repeats its "said").
    listed: Vec<Cell<u8>>,
}

impl<'a> Hay<'a> {
    /// `text` with the vocabulary of its words (`doc`, lexed from it).
    fn new(text: &'a str, doc: &'a words::Lexed<'a>) -> Hay<'a> {
        let vocab = doc.vocab();
        Hay {
            text,
            vocab: Some(vocab),
            listed: vec![Cell::new(0); vocab.len()],
        }
    }

    /// `text` alone: every word is asked by its text.
    #[cfg(test)]
    fn plain(text: &'a str) -> Hay<'a> {
        Hay {
            text,
            vocab: None,
            listed: Vec::new(),
        }
    }

    /// The vocabulary's entry of token `t`, if it is a word with an id.
    fn word(&self, t: &Tok) -> Option<&'a vocab::Word<'a>> {
        let vocab = self.vocab?;
        vocab.word_of(t)
    }

    /// The [`Listed`] bits of token `t`'s key: kept per id after the first
    /// question.
    fn listed(&self, t: &Tok) -> Listed {
        let cell = usize::try_from(t.id())
            .ok()
            .and_then(|i| self.listed.get(i))
            .filter(|_| t.id() != words::NO_ID);
        match cell {
            Some(c) if c.get() & Listed::KNOWN != 0 => Listed(c.get()),
            _ => self.listed_first(t, cell),
        }
    }

    /// [`Hay::listed`] of a word asked for the first time (kept in
    /// `cell`), or without an id. Not inlined: the kept answer, nearly
    /// every question, then saves no registers for this path.
    #[inline(never)]
    fn listed_first(&self, t: &Tok, cell: Option<&Cell<u8>>) -> Listed {
        let l = Listed::of(&key(self, t), t.span.text(self.text));
        if let Some(c) = cell {
            c.set(l.0 | Listed::KNOWN);
        }
        l
    }
}

impl std::ops::Deref for Hay<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.text
    }
}

/// Whether a key is in the word lists the rules ask most, as bits:
/// one look-up per distinct word ([`Hay::listed`]).
#[derive(Clone, Copy)]
struct Listed(u8);

impl Listed {
    /// A cue word, not "so" (which only joins clauses): [`is_cue`].
    const CUE: u8 = 1;
    /// A cue word or "so" ([`lexicon::is_cue_word`]).
    const CUE_WORD: u8 = 1 << 4;
    /// A pronoun ([`lexicon::PRONOUNS`]).
    const PRONOUN: u8 = 1 << 1;
    /// An adverb or auxiliary between speaker and cue ([`lexicon::BRIDGES`]).
    const BRIDGE: u8 = 1 << 2;
    /// A determiner ([`lexicon::DETERMINERS`]) that opens a phrase as
    /// written: [`is_determiner`]'s answer (capitalised, only the
    /// articles). Kept per word like the rest: it was a key, a capital
    /// test and a dozen string compares per token asked, and the
    /// noun-phrase walks ask every token they pass.
    const OPENS: u8 = 1 << 3;
    /// A lower-case "-ly" adverb of over four letters: [`is_bridge`]
    /// without the list (kept per word for the same reason).
    const LY: u8 = 1 << 5;
    /// The bits are known (kept in [`Hay::listed`]).
    const KNOWN: u8 = 1 << 7;

    /// The bits of key `k` of the word `w` (as written).
    fn of(k: &str, w: &str) -> Listed {
        let (pronoun, determiner) = vocab::is_listed_pronoun_determiner(k);
        let cue_word = lexicon::is_cue_word(k);
        let bits = [
            (cue_word && k != "so", Listed::CUE),
            (cue_word, Listed::CUE_WORD),
            (pronoun, Listed::PRONOUN),
            (vocab::is_listed_bridge(k), Listed::BRIDGE),
            (listed_determiner_word(determiner, w, k), Listed::OPENS),
            (
                k.len() > 4 && k.ends_with("ly") && !words::is_capitalized(w),
                Listed::LY,
            ),
        ];
        Listed(
            bits.iter()
                .filter(|(on, _)| *on)
                .fold(0, |acc, (_, bit)| acc | bit),
        )
    }

    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// The look-up key of token `t` ([`words::key`] of its text): read from
/// the vocabulary when it has an id there.
fn key<'a>(hay: &Hay<'a>, t: &Tok) -> words::Key<'a> {
    match (hay.vocab, hay.word(t)) {
        (Some(vocab), Some(w)) => words::Key::Same(vocab.key_of(w)),
        _ => words::key(t.span.text(hay.text)),
    }
}

/// Whether token `t` is a word starting with a capital letter.
/// Inlined: a flag read, asked of most tokens a phrase walk passes.
#[inline]
fn is_capitalized_tok(hay: &Hay<'_>, t: &Tok) -> bool {
    match hay.word(t) {
        Some(w) => w.flags.has(vocab::Flags::CAPITALIZED),
        None => words::is_capitalized(t.span.text(hay.text)),
    }
}

/// The vocabulary's flags of word token `t`: by its id, else (no id)
/// as [`vocab::describe`] describes its text.
fn flags_of(hay: &Hay<'_>, t: &Tok) -> vocab::Flags {
    match hay.word(t) {
        Some(w) => w.flags,
        None => vocab::describe(t.span.text(hay.text)).1,
    }
}

/// [`names::is_stop`] of token `t`'s key.
fn is_stop_tok(hay: &Hay<'_>, t: &Tok) -> bool {
    match hay.word(t) {
        Some(w) => w.flags.has(vocab::Flags::STOP),
        None => names::is_stop(&key(hay, t)),
    }
}

/// Whether a token is a speech cue. Verbs are lower-case inside a
/// sentence ("the United States" holds no cue); a capitalised cue counts
/// only where it opens the sentence ("Said Ms. Poynter, …").
fn is_cue(hay: &Hay<'_>, t: &Tok) -> bool {
    t.is_word() && hay.listed(t).has(Listed::CUE) && !is_capitalized_tok(hay, t)
}

fn is_cue_or_capital_cue(hay: &Hay<'_>, t: &Tok) -> bool {
    t.is_word() && hay.listed(t).has(Listed::CUE)
}

/// Whether a word is a determiner opening a phrase. Only the English and
/// German articles count when capitalised (sentence-initial "The"); "Un"
/// in "Kim Jong Un" is a name, not French "un".
fn is_determiner(hay: &Hay<'_>, t: &Tok) -> bool {
    t.is_word() && hay.listed(t).has(Listed::OPENS)
}

/// Whether word `w` with key `k` is a determiner ([`is_determiner`]),
/// when whether `k` is listed is known (`listed`).
fn listed_determiner_word(listed: bool, w: &str, k: &str) -> bool {
    listed
        && (!words::is_capitalized(w)
            || matches!(
                k,
                "the"
                    | "a"
                    | "an"
                    | "der"
                    | "die"
                    | "das"
                    | "ein"
                    | "eine"
                    | "den"
                    | "dem"
                    | "des"
                    | "einem"
                    | "einen"
                    | "eines"
            ))
}

/// Adverbs and auxiliaries between a speaker and the cue.
fn is_bridge(hay: &Hay<'_>, t: &Tok) -> bool {
    hay.listed(t).has(Listed::BRIDGE | Listed::LY)
}

fn is_pronoun(hay: &Hay<'_>, t: &Tok) -> bool {
    // (A word without an id asks its one list, not all of [`Listed`].)
    t.is_word()
        && match hay.word(t) {
            Some(_) => hay.listed(t).has(Listed::PRONOUN),
            None => vocab::is_listed_pronoun(&key(hay, t)),
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stop index gives the sentence start that walking every token
    /// gives, for windows long enough to use it, whatever cuts them: dots
    /// after abbreviations, before ")" or ",", after ordinals and regnal
    /// numbers, at a window's edges, and runs of marks with no end.
    #[test]
    fn stop_index_finds_the_walked_sentence_start() {
        let unit = "Mr. Ames said “no” (D-Ore.), then: ‘why’? Elisabeth II. bat \
                    am 20. Juli; U.S. men “ “ ” ” “ left! ";
        let hay = unit.repeat(40);
        let doc = words::Lexed::new(&hay);
        let bounds: Vec<usize> = (0..=hay.len())
            .filter(|&i| hay.is_char_boundary(i))
            .collect();
        let mut long = 0;
        for &a in bounds.iter().step_by(13) {
            for &b in bounds.iter().skip_while(|&&b| b < a).step_by(11).take(120) {
                let span = Span::new(a, b);
                let window = doc.window(&hay, span);
                long += usize::from(window.len() > LONG_WINDOW);
                let want = sentence_tail(&hay, &doc, window);
                let got = window_sentence_tail(&hay, &doc, span);
                assert_eq!(got.1, want.1, "{a}..{b}");
                assert_eq!(
                    got.0.iter().map(|t| t.span).collect::<Vec<_>>(),
                    want.0.iter().map(|t| t.span).collect::<Vec<_>>(),
                    "{a}..{b}"
                );
            }
        }
        assert!(long > 1000, "{long} long windows");
    }

    /// A dot's sentence end read from the words' descriptions agrees with
    /// the look-up by text, in windows borrowed from the text's tokens
    /// and in windows cut inside a word (re-lexed, without ids).
    #[test]
    fn abbreviations_by_id_agree_with_the_text() {
        let hay = "Mr. Ames said “no” (D-Ore.), Sen. Bo, J. Doe and the U.S. team. \
                   Elisabeth II. bat am 20. Juli; Calif. Jr. St. Mt. Mrs. Bo’s. x.Yz. Ann.";
        let doc = words::Lexed::new(hay);
        let bounds: Vec<usize> = (0..=hay.len())
            .filter(|&i| hay.is_char_boundary(i))
            .collect();
        let (mut dots, mut abbrevs) = (0, 0);
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let w = doc.window(hay, Span::new(a, b));
                for i in 0..w.len() {
                    let want = is_terminator(hay, &w, i);
                    assert_eq!(ends_sentence(hay, &doc, &w, i), want, "{a}..{b} at {i}");
                    if w.get(i).and_then(Tok::punct) == Some('.') {
                        dots += 1;
                        abbrevs += usize::from(!want);
                    }
                }
            }
        }
        assert!(
            dots > 10_000 && abbrevs > 5_000,
            "{dots} dots, {abbrevs} not ends"
        );
    }

    /// What the rules ask of a token ([`key`], [`is_cue`], [`is_pronoun`],
    /// [`is_bridge`], [`is_determiner`], ...) is the same read by its id
    /// (kept per id after the first question) as asked of its text, for
    /// every token of the text and of windows cut anywhere in it (whose
    /// cut words have no id), asked in any order.
    #[test]
    fn answers_by_id_are_the_texts_answers() {
        let hay = "“No,” said Ann's aide. Said Bo: “So.” So he SAID, she told the \
                   reporters, and SHE quietly replied; The spokesman’s His Her it's \
                   Die Ärztin sagte, der Minister betonte laut EINER Studie: „Ja“. \
                   Warily, Kelly says, the U.S. Navy wrote; A an THE Un dem.";
        let doc = words::Lexed::new(hay);
        let by_id = Hay::new(hay, &doc);
        let by_text = Hay::plain(hay);
        let answers = |h: &Hay<'_>, t: &Tok| {
            (
                key(h, t).to_string(),
                is_capitalized_tok(h, t),
                is_cue(h, t),
                is_cue_or_capital_cue(h, t),
                is_pronoun(h, t),
                is_bridge(h, t),
                is_determiner(h, t),
            )
        };
        let bounds: Vec<usize> = (0..=hay.len())
            .filter(|&i| hay.is_char_boundary(i))
            .collect();
        let (mut with_id, mut cues) = (0, 0);
        // Backwards first: a word's bits are kept the first time asked.
        for t in doc.all().iter().rev() {
            assert_eq!(answers(&by_id, t), answers(&by_text, t), "{t:?}");
        }
        for &a in bounds.iter().step_by(3) {
            for &b in bounds.iter().filter(|&&b| b > a).step_by(5) {
                for t in doc.window(hay, Span::new(a, b)).iter() {
                    let want = answers(&by_text, t);
                    assert_eq!(answers(&by_id, t), want, "{a}..{b}: {t:?}");
                    with_id += usize::from(t.id() != words::NO_ID);
                    cues += usize::from(want.2);
                }
            }
        }
        assert!(
            with_id > 10_000 && cues > 1_000,
            "{with_id} with ids, {cues} cues"
        );
        // Each question has its yeses: the cues said … wrote (not "So",
        // "SAID"), the bridge "quietly" (not "Warily", "Kelly"), the
        // determiners with the capitalised articles (not "EINER", "Un").
        let all = |f: fn(&Hay<'_>, &Tok) -> bool| doc.all().iter().filter(|t| f(&by_id, t)).count();
        assert_eq!(
            [
                all(is_cue),
                all(is_pronoun),
                all(is_bridge),
                all(is_determiner)
            ],
            [7, 4, 1, 9]
        );
    }

    /// Every lower-case letter it capitalises gets std's capital, and
    /// every other char is left alone or is one std capitalises otherwise.
    #[test]
    fn upper_initial_agrees_with_std() {
        let mut changed = 0;
        for c in (0..0x600).filter_map(char::from_u32) {
            let ours = super::upper_initial(c);
            let std: Vec<char> = c.to_uppercase().collect();
            if ours != c {
                changed += 1;
                assert_eq!(vec![ours], std, "{c:?}");
            }
        }
        // a–z, Latin-1, Latin Extended-A, Greek and Cyrillic.
        assert_eq!(changed, 189);
        assert_eq!(super::title_case("the  ärztin über"), "The Ärztin Über");
    }

    #[test]
    fn scene_breaks_and_headings() {
        assert!(super::is_scene_break("*   *   *"));
        assert!(super::is_scene_break("CHAPTER IV\nTHE RIVER"));
        assert!(!super::is_scene_break("“STOP!”"));
        assert!(!super::is_scene_break("Ann sat down."));
        assert!(!super::is_scene_break("  "));
    }

    /// `B A C A`: C was called once and answered; B, who spoke with A
    /// before, answers A next. A tagged third voice keeps the turn.
    #[test]
    fn a_caller_gives_the_turn_back() {
        use super::{Attribution, Rule};
        let t = |s: usize, rule: Rule| Attribution {
            speaker: Some(s),
            mention: None,
            cue: None,
            rule,
        };
        let (a, b, c) = (0, 1, 2);
        // Latest first, the last speaker (A) left out.
        let called = [
            t(c, Rule::Vocative),
            t(a, Rule::QuoteCueSpeaker),
            t(b, Rule::TurnTaking),
            t(a, Rule::TurnTaking),
            t(b, Rule::QuoteCueSpeaker),
        ];
        let got = super::interrupted_partner(&called, Some(a)).and_then(|x| x.speaker);
        assert_eq!(got, Some(b));
        let tagged = [
            t(c, Rule::QuoteCueSpeaker),
            t(a, Rule::TurnTaking),
            t(b, Rule::TurnTaking),
            t(a, Rule::TurnTaking),
            t(b, Rule::QuoteCueSpeaker),
        ];
        let got = super::interrupted_partner(&tagged, Some(a)).and_then(|x| x.speaker);
        assert_eq!(got, Some(c));
        assert!(super::interrupted_partner(&[], Some(a)).is_none());
    }
}
