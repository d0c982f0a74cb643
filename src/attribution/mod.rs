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

mod dialogue;
mod german;
mod lexicon;
mod names;
mod turns;
mod vocab;
mod words;

use crate::quote::{Quote, QuoteKind};
use crate::{count_words, Lang, Span};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{Cell, RefCell};
use std::sync::LazyLock;

use dialogue::*;
use german::*;
use lexicon::has;
use names::Names;
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
/// the text's language, already guessed if no hint was given.
pub(crate) fn attribute(
    hay: &str,
    paragraphs: &[Span],
    quotes: &mut [Quote],
    lang: Lang,
) -> Vec<Speaker> {
    let quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.content)
        .collect();
    let doc = words::Lexed::new(hay);
    let mut res = Resolver {
        hay,
        doc: &doc,
        names: Names::collect(hay, doc.all(), &quoted),
        speakers: Vec::new(),
        index: HashMap::default(),
        last_person: None,
        last_group: None,
        participants: Vec::new(),
        you: None,
        hyphen_tails: HashMap::default(),
        given_names: HashMap::default(),
        dialogue: is_dialogue(hay, paragraphs),
        vocatives: RefCell::new(vec![None; quoted.len()]),
        vocative_at: Cell::new(0),
        quoted,
    };
    // (paragraph index, attribution) of the last attributed quotation.
    let mut last: Option<(usize, Attribution)> = None;
    // Attributions whose speaker differs from the one before: the turns
    // of a conversation.
    let mut turns: Vec<(usize, Attribution)> = Vec::new();
    // The paragraph after the last scene break: a new conversation.
    let mut scene_start = 0usize;
    let mut pi = 0usize;
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
            Some(n)
                if is_quoted_name(n.content.text(hay))
                    && hay
                        .get(q.span.end..n.span.start)
                        .is_some_and(|g| g.len() < 40 && !g.contains(['.', '!', '?', '\n'])) =>
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
        let (before, cut) = sentence_tail(hay, doc.lex(hay, before_span));
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
        let new_speaker = prev_closed
            && before.last().and_then(Tok::punct) == Some(':')
            && before
                .get(..before.len() - 1)
                .and_then(|body| {
                    let np = german_v2_subject(hay, body)?;
                    Some(german_object_first(hay, &doc, &res.names, body, np).unwrap_or(np))
                })
                .is_some_and(|np| german_person(hay, &doc, &res.names, np));
        let same_sentence = ti > 0 && !cut && !new_speaker && prev_end >= para.start;
        let mut after = sentence_head(hay, doc.lex(hay, after_span));
        let content = q.content.text(hay).trim_end();
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
            after.clear();
        } else if lang == Lang::De && after.is_empty() {
            // „Q“. Das sagte …: the full stop outside the marks.
            let next = doc.lex(hay, after_span);
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
        let opens_para = hay
            .get(para.start..q.span.start)
            .is_some_and(|s| s.trim().is_empty());
        let plausible = |f: &Found| f.mention.is_none_or(|m| plausible_mention(hay, m));
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
        let found = if let Some(f) = clause_source {
            Some(f)
        } else if tag_after {
            after_pattern(hay, &after, lang)
                .filter(plausible)
                .or_else(|| before_pattern(hay, &before, lang).filter(plausible))
        } else {
            before_pattern(hay, &before, lang)
                .filter(plausible)
                .or_else(|| {
                    after_pattern(hay, &after, lang)
                        .filter(plausible)
                        .filter(|f| {
                            // “Q.” Trump said the deal …: a new sentence, not a tag.
                            !(content.ends_with('.')
                                && f.rule == Rule::QuoteSpeakerCue
                                && takes_complement(hay, &after, f.cue))
                        })
                })
        }
        .or_else(|| sentence_tag(hay, &after, lang).filter(plausible))
        .or_else(|| das_tag.filter(plausible))
        .or_else(|| according_to(hay, &after).or_else(|| according_to_nearest(hay, &before)))
        .or_else(|| {
            // "… and then she said:" closing the paragraph before.
            let prev = paragraphs.get(pi.checked_sub(1)?)?;
            opens_para
                .then(|| lead_in(hay, &doc, *prev, lang))
                .flatten()
        });
        // The whole sentence before the quotation, earlier quotations
        // included, for its subject (bounded, so long paragraphs stay
        // linear).
        let sentence = || {
            let from =
                floor_boundary(hay, q.span.start.saturating_sub(SENTENCE_WINDOW)).max(para.start);
            sentence_tail(
                hay,
                doc.lex(hay, Span::new(from.min(q.span.start), q.span.start)),
            )
            .0
        };
        let opens_sentence = before.is_empty()
            || before
                .last()
                .and_then(Tok::punct)
                .is_some_and(|c| matches!(c, ':' | '—' | '–'));
        let last_here = last.filter(|&(lp, _)| lp == pi).map(|(_, a)| a);
        if res.dialogue {
            res.participants = turns
                .iter()
                .rev()
                .take(TURN_REACH)
                .take_while(|(tp, _)| tp + TURN_WINDOW >= pi)
                .filter_map(|(_, t)| t.speaker)
                .take(2)
                .collect();
        }
        // German: a quotation inside a relative clause whose pronoun is
        // its subject ("der Verband, der den Plan als „…“ sieht") is the
        // antecedent's, unless a phrase before the clause was found.
        let found = match (lang == Lang::De)
            .then(|| german_relative(hay, &before, &after))
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
                            && (m.start < from || !german_person(hay, &doc, &res.names, m))
                    })
                }) =>
            {
                Some(acc)
            }
            _ => found,
        };
        // "exclaimed the voice of old Mr. Emerson": the person, not the voice.
        let found = found.map(|f| match f.mention.and_then(|m| voice_of(hay, &doc, m)) {
            Some(m) => Found {
                mention: Some(m),
                ..f
            },
            None => f,
        });
        let attribution = if let Some(f) = found {
            let other = res.dialogue
                && f.mention
                    .is_some_and(|m| m.text(hay).eq_ignore_ascii_case("the other"));
            let speaker = if other {
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
                // "The stationmaster whistled. ¶ “Q,” he said.": he is
                // the subject of the narrative paragraph just before.
                let prev = pi.checked_sub(1).and_then(|k| paragraphs.get(k)).copied();
                let narrated = match (f.mention, prev) {
                    (Some(m), Some(prev))
                        if res.dialogue && opens_para && prev_end <= prev.start =>
                    {
                        narrated_antecedent(&mut res, m, prev)
                    }
                    _ => None,
                };
                // "Then Miss Lavish stopped, and she cried: “Q”": the
                // subject of the pronoun's own sentence.
                let narrated = narrated.or_else(|| {
                    let m = f.mention?;
                    // Narration only: after this quotation when the tag
                    // follows it, else after the one before.
                    let after_quote = if m.start >= q.span.end {
                        q.span.end
                    } else {
                        prev_end
                    };
                    // The tag may close the paragraph before ("… and she
                    // cried:").
                    let own_para = if m.start < para.start {
                        prev.map_or(para.start, |p| p.start)
                    } else {
                        para.start
                    };
                    let from = floor_boundary(hay, m.start.saturating_sub(SENTENCE_WINDOW))
                        .max(own_para)
                        .max(after_quote)
                        .min(m.start);
                    let (sent, _) = sentence_tail(hay, doc.lex(hay, Span::new(from, m.start)));
                    if !res.dialogue {
                        return None;
                    }
                    // After an adverb or two ("Then Nell went …").
                    (0..3).find_map(|k| {
                        let np = narrative_subject(hay, sent.get(k..)?)?;
                        subject_antecedent(&mut res, m, np)
                    })
                });
                // "Jim Hale came in. “Q,” he said.": the subject of
                // the narration just before the quotation, in its
                // paragraph.
                let narrated = narrated.or_else(|| {
                    let m = f
                        .mention
                        .filter(|m| res.dialogue && m.start >= q.span.end)?;
                    let from = prev_end.max(para.start).min(q.span.start);
                    let np = last_sentence_subject(hay, &doc, Span::new(from, q.span.start))?;
                    subject_antecedent(&mut res, m, np)
                });
                // "“Q1,” said Jim. “Q2,” he said.": a paragraph of
                // dialogue is one speaker's, unless the sex says otherwise.
                let narrated = narrated.or_else(|| {
                    let gender = pronoun_gender(f.mention?.text(hay))?;
                    let i = last_here.filter(|_| res.dialogue)?.speaker?;
                    let name = &res.speakers.get(i)?.name;
                    res.names
                        .gender(name)
                        .is_none_or(|g| g == gender)
                        .then_some(i)
                });
                let speaker = narrated.or_else(|| f.mention.and_then(|m| res.resolve(m)));
                // "“Good morning, Ann,” he said": he is not Ann.
                let addressee = res
                    .dialogue
                    .then(|| vocative(&res, q.content))
                    .flatten()
                    .and_then(|v| res.resolve(v));
                match (speaker, f.mention) {
                    (Some(i), Some(m)) if Some(i) == addressee => {
                        res.resolve_other(m, i).or(Some(i))
                    }
                    _ => speaker,
                }
            };
            Some(Attribution {
                speaker,
                mention: f.mention,
                cue: f.cue,
                rule: f.rule,
            })
        } else if let (Some(a), true) = (last_here, same_sentence) {
            // “Q1,” she said, calling it “Q2”: the same speaker.
            Some(Attribution {
                rule: Rule::SameParagraph,
                cue: None,
                ..a
            })
        } else if let Some(cue) = cue_in_sentence(
            hay,
            &before,
            if content.ends_with(['.', '!', '?'])
                && after
                    .first()
                    .is_some_and(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))
            {
                &[]
            } else {
                &after
            },
        ) {
            // A cue but no phrase next to it: "X did this, saying “Q”";
            // in fiction after an adverb too ("Again he hesitated, and
            // then said: …").
            let sent = sentence();
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
                            (0..4).find_map(|k| {
                                sent.get(k..).and_then(|rest| narrative_subject(hay, rest))
                            })
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
                        .then(|| {
                            last_sentence_subject(hay, &doc, Span::new(para.start, prev_start))
                        })
                        .flatten()
                });
            // A story told to "you" ("“Look!” you cried"): you are
            // the one the last line spoke to, else the other party.
            // "you" right at the cue wins over a word taken for the
            // sentence's subject ("So, you cried, …").
            let you = res
                .dialogue
                .then(|| second_person(hay, &before, &after, cue))
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
                    .and_then(|p| vocative(&res, p.content))
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
        } else if let Some(a) = (lang == Lang::De)
            .then(|| {
                let colon = before.last().and_then(Tok::punct) == Some(':');
                german_no_cue(
                    &mut res,
                    &before,
                    &after,
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
            let sent = sentence();
            let subject = if lang == Lang::De
                && sent.first().is_some_and(|t| !names::is_stop(&key(hay, t)))
            {
                german_np_von(hay, &sent)
            } else {
                sentence_subject(hay, &sent)
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
                &mut res,
                &DialogueCtx {
                    at: q.span.start,
                    pi,
                    after: &after,
                    content,
                    own: q.content,
                    prev_para: pi.checked_sub(1).and_then(|k| paragraphs.get(k)).copied(),
                    prev_quote,
                    last,
                    turns: &turns,
                    paragraphs,
                    scene_start,
                },
            )
        } else if let Some(a) = (res.dialogue && !opens_para && last_here.is_none())
            .then(|| {
                // "Brenda sat up. “…”": the narrative sentence before.
                let np = last_sentence_subject(
                    hay,
                    &doc,
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
            // German news: a whole sentence about another person between
            // the last quotation and this one hands the word to them
            // ("…“, sagte A. Der Bruder, B, war eingeweiht. „Q“").
            let between = Span::new(prev_end.max(para.start).min(q.span.start), q.span.start);
            let handed =
                (lang == Lang::De && !res.dialogue && last_here.is_some() && !same_sentence)
                    .then(|| german_previous_subject(hay, &doc, &res.names, between))
                    .flatten()
                    .and_then(|f| {
                        let m = f.mention?;
                        let speaker = res.resolve(m);
                        (speaker.is_some() && speaker != last_here.and_then(|a| a.speaker))
                            .then_some(Attribution {
                                speaker,
                                mention: Some(m),
                                cue: None,
                                rule: Rule::PreviousSentence,
                            })
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
                    previous_sentence(hay, &doc, window, lang)
                        .or_else(|| {
                            // German news goes on quoting the person the
                            // sentence before was about: "Um Zeit zu
                            // gewinnen, will Oettinger … straffen. „…“"
                            (lang == Lang::De)
                                .then(|| german_previous_subject(hay, &doc, &res.names, window))
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
        };
        // A mention never lies inside its own quotation (a copied one
        // could, after stray marks).
        let attribution = attribution.filter(|a| a.mention.is_none_or(|m| !q.span.overlaps(m)));
        // Nor is a lone date or adverb a speaker, whichever rule found it:
        // keep the cue, drop the mention (and the quotation's speaker).
        let attribution = attribution.map(|a| match a.mention {
            Some(m) if !plausible_mention(hay, m) => Attribution {
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
        // Whom each line calls by name (bounded work per quotation).
        let addressed: Vec<Option<usize>> = quotes
            .iter()
            .map(|q| {
                if q.depth > 0 || q.kind != QuoteKind::Speech {
                    return None;
                }
                vocative(&res, q.content).and_then(|v| res.resolve(v))
            })
            .collect();
        turns::count_back(hay, paragraphs, quotes, &addressed);
    }
    if res.dialogue {
        // Fiction calls characters by their usual name: "Brenda", not a
        // maiden name given once.
        for s in res.speakers.iter_mut() {
            s.name = res.names.usual(&s.name);
        }
    }
    res.speakers
}

/// Title words that are not persons on their own after "the" ("the
/// former", "the state"), sorted for [`has`].
const NOT_PERSON_TITLES: &[&str] = &[
    "defence",
    "defense",
    "foreign",
    "former",
    "harbour",
    "presidential",
    "prime",
    "state",
];

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
fn after_noun_phrase(hay: &str, toks: &[Tok]) -> bool {
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
/// speakers left with none, and re-indexes.
pub(crate) fn tally(hay: &str, quotes: &mut [Quote], speakers: Vec<Speaker>) -> Vec<Speaker> {
    let mut speakers = speakers;
    for s in speakers.iter_mut() {
        s.quotes = 0;
        s.words = 0;
        s.mentions.clear();
    }
    for q in quotes.iter_mut() {
        if q.kind != QuoteKind::Speech {
            q.attribution = None;
            continue;
        }
        let Some(a) = q.attribution else { continue };
        if let Some(s) = a.speaker.and_then(|i| speakers.get_mut(i)) {
            s.quotes += 1;
            s.words += count_words(q.content.text(hay));
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
            let mut m = std::mem::take(&mut s.mentions);
            m.sort_unstable();
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
    match toks.get(i).and_then(Tok::punct) {
        Some('!' | '?' | ';') => true,
        // Not after "Mr" or "U.S", nor inside brackets: "(D-Ore.)".
        Some('.') => {
            let prev = i.checked_sub(1).and_then(|p| toks.get(p));
            !prev.is_some_and(|p| p.is_word() && names::is_abbrev(p.span.text(hay)))
                && !matches!(toks.get(i + 1).and_then(Tok::punct), Some(')' | ','))
                && !prev.is_some_and(|p| is_ordinal(hay, toks, i, p))
        }
        _ => false,
    }
}

/// Whether the dot after `p` (at `dot`) marks an ordinal rather than a
/// sentence end: a regnal number before a lower-case word ("Benedikt
/// XVI. „ist …“", "Elisabeth II. bat"), or a day before a month or a
/// lower-case word ("am 20. Juli", "der 3. Platz" stays a sentence end
/// only when a capital that is no month follows).
fn is_ordinal(hay: &str, toks: &[Tok], dot: usize, p: &Tok) -> bool {
    let w = p.span.text(hay);
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
    let lower = !words::is_capitalized(&next);
    let regnal = w.len() <= 5
        && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && dot
            .checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|n| n.is_word() && words::is_capitalized(n.span.text(hay)));
    let day = w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
    (regnal || day) && lower || day && has(DATES, &next.to_lowercase())
}

/// The tokens of `toks` after its last sentence end, and whether there
/// was one.
fn sentence_tail(hay: &str, toks: Vec<Tok>) -> (Vec<Tok>, bool) {
    let cut = (0..toks.len())
        .rev()
        .find(|&i| is_terminator(hay, &toks, i));
    match cut {
        Some(c) => (
            toks.get(c + 1..).map(<[Tok]>::to_vec).unwrap_or_default(),
            true,
        ),
        None => (toks, false),
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

/// The tokens of `toks` up to its first sentence end.
fn sentence_head(hay: &str, mut toks: Vec<Tok>) -> Vec<Tok> {
    // A leading "." or "!" right after the closing mark ends the
    // quotation's own sentence (“Stop.” He left.), not a tag.
    if let Some(c) = (0..toks.len()).find(|&i| is_terminator(hay, &toks, i)) {
        toks.truncate(c);
    }
    toks
}

fn key<'a>(hay: &'a str, t: &Tok) -> words::Key<'a> {
    words::key(t.span.text(hay))
}

/// Whether a token is a speech cue. Verbs are lower-case inside a
/// sentence ("the United States" holds no cue); a capitalised cue counts
/// only where it opens the sentence ("Said Ms. Poynter, …").
fn is_cue(hay: &str, t: &Tok) -> bool {
    t.is_word() && !words::is_capitalized(t.span.text(hay)) && is_cue_key(&key(hay, t))
}

fn is_cue_or_capital_cue(hay: &str, t: &Tok) -> bool {
    t.is_word() && is_cue_key(&key(hay, t))
}

/// Whether a key is a cue word ("so" only joins clauses).
fn is_cue_key(k: &str) -> bool {
    lexicon::is_cue_word(k) && k != "so"
}

/// Whether a word is a determiner opening a phrase. Only the English and
/// German articles count when capitalised (sentence-initial "The"); "Un"
/// in "Kim Jong Un" is a name, not French "un".
fn is_determiner(hay: &str, t: &Tok) -> bool {
    let w = t.span.text(hay);
    let k = words::key(w);
    t.is_word()
        && has(lexicon::DETERMINERS, &k)
        && (!words::is_capitalized(w)
            || matches!(
                k.as_str(),
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
fn is_bridge(hay: &str, t: &Tok) -> bool {
    let k = key(hay, t);
    has(lexicon::BRIDGES, &k)
        || k.len() > 4 && k.ends_with("ly") && !words::is_capitalized(t.span.text(hay))
}

fn is_pronoun(hay: &str, t: &Tok) -> bool {
    t.is_word() && has(lexicon::PRONOUNS, &key(hay, t))
}

/// `“Q,” said X` / `“Q,” X said` / `„Q“, so X`.
fn after_pattern(hay: &str, toks: &[Tok], lang: Lang) -> Option<Found> {
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
        !words::is_capitalized(first.span.text(hay))
            && !first_cue
            && !is_pronoun(hay, first)
            && !is_determiner(hay, first)
            && !names::is_stop(&first_key)
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
fn household_name(hay: &str, toks: &[Tok]) -> Option<Span> {
    let w = toks.first().filter(|t| t.is_word())?;
    let ends = toks
        .get(1)
        .is_none_or(|t| matches!(t.punct(), Some('.' | ',' | ';' | '!' | '?' | ')')));
    (ends && has(lexicon::HOUSEHOLD_NAMES, &key(hay, w))).then_some(w.span)
}

/// The speaker phrase of a tag, `toks` running from the tag's start to
/// the cue: it must open with a name, a pronoun or a determiner and hold
/// no sentence punctuation.
fn tag_phrase(hay: &str, toks: &[Tok]) -> Option<Span> {
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
        && (!names::is_stop(&first_key) || is_pronoun(hay, first) || is_determiner(hay, first))
        // A participle or preposition opens a clause, not a speaker
        // ("…,” giving states more power, …").
        && !(lower_start
            && (first_key.ends_with("ing")
                || has(&["about", "across", "against", "among", "out", "over", "regarding", "toward", "towards", "under"], &first_key)));
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

/// Whether the cue of a tag goes on with a complement ("said the deal
/// …", "said that …") rather than ending it ("said.", "said Tuesday",
/// "said in a statement").
fn takes_complement(hay: &str, toks: &[Tok], cue: Option<Span>) -> bool {
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
fn is_quoted_name(content: &str) -> bool {
    let content = content.trim();
    content.split_whitespace().count() <= 4
        && content.chars().next().is_some_and(char::is_uppercase)
        && !content.contains(['.', '!', '?', ',', ':'])
}

/// `toks` less a closing parenthesis group: "Sen. Ann Ames (D-Ore.)"
/// before "said" ends at the name.
fn without_parenthesis(toks: &[Tok]) -> &[Tok] {
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
fn sentence_tag(hay: &str, toks: &[Tok], lang: Lang) -> Option<Found> {
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
fn cue_in_sentence(hay: &str, before: &[Tok], after: &[Tok]) -> Option<Span> {
    before
        .iter()
        .rev()
        .chain(after.iter())
        .find(|t| is_cue(hay, t))
        .map(|t| t.span)
}

/// "you" right before or after the cue `cue` in the quotation's sentence
/// (`“Look!” you cried`, `said you`): a story told to its listener.
fn second_person(hay: &str, before: &[Tok], after: &[Tok], cue: Span) -> Option<Span> {
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
fn before_pattern(hay: &str, toks: &[Tok], lang: Lang) -> Option<Found> {
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
            // "Cruz railed against what he calls the “cartel”": the
            // sentence's subject, not the pronoun of the relative clause.
            let relative = toks
                .iter()
                .rfind(|p| p.span.end <= np.start)
                .is_some_and(|p| has(&["what", "which", "whom"], &key(hay, p)))
                && toks
                    .iter()
                    .find(|t| t.span.start == np.start)
                    .is_some_and(|t| is_pronoun(hay, t));
            if relative {
                if let Some(subject) = sentence_subject(hay, toks.get(..i)?)
                    .filter(|s| s.start < np.start && s.end <= np.start)
                {
                    return Some(Found {
                        mention: Some(subject),
                        cue: Some(t.span),
                        rule: Rule::SentenceSubject,
                    });
                }
            }
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
fn colon_pattern(hay: &str, toks: &[Tok]) -> Option<Found> {
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
    if phrase.len() > 5 || !all_caps || !first.is_word() || names::is_stop(&key(hay, first)) {
        return None;
    }
    let np = tag_phrase(hay, phrase)?;
    Some(Found {
        mention: Some(np),
        cue: None,
        rule: Rule::SpeakerColonQuote,
    })
}

/// The noun phrase opening a sentence (after an introductory phrase
/// closed by a comma: "In a statement, the ministry …").
fn sentence_subject(hay: &str, toks: &[Tok]) -> Option<Span> {
    let first = toks.first()?;
    let k = key(hay, first);
    // "Speaking in Ohio, Trump …", "Asked about it, she …": a
    // participial clause before the subject.
    let participle = first.is_word() && k.ends_with("ing") && k.len() > 4;
    let from = if participle
        || first.is_word()
            && names::is_stop(&k)
            && !is_pronoun(hay, first)
            && !is_determiner(hay, first)
    {
        toks.iter().position(|t| t.punct() == Some(','))? + 1
    } else {
        0
    };
    np_forward(hay, toks.get(from..)?)
}

/// `according to X` (also German "laut X", Spanish "según X", French
/// "selon X").
fn according_to(hay: &str, toks: &[Tok]) -> Option<Found> {
    for (i, t) in toks.iter().enumerate() {
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
fn according_to_nearest(hay: &str, toks: &[Tok]) -> Option<Found> {
    let candidates = (0..toks.len()).rev().filter(|&i| {
        toks.get(i).is_some_and(|t| {
            matches!(
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

/// A speaker phrase ending right before the cue (`toks` is everything
/// before it in the sentence): a pronoun, a capitalised name with its
/// titles, or a determiner-led noun phrase ("the spokesman", "a Foreign
/// Office statement").
fn np_backward(hay: &str, toks: &[Tok]) -> Option<Span> {
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
        let w = t.span.text(hay);
        let k = words::key(w);
        let ok = match t.kind {
            Kind::Word if names::is_stop(&k) && !is_determiner(hay, t) => false,
            Kind::Word => {
                if words::is_capitalized(w) {
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
const PREPOSITIONS: &[&str] = &[
    "about", "after", "at", "before", "by", "during", "for", "from", "in", "into", "of", "on",
    "to", "with",
];

/// Whether a mention can name a speaker: not a lone date word (“said
/// Juni”, a month read as a subject) nor a lone sentence adverb (Damit,
/// Ursprünglich), which German word order puts where a subject could be.
fn plausible_mention(hay: &str, m: Span) -> bool {
    let text = m.text(hay);
    let mut words = text.split_whitespace();
    let (Some(only), None) = (words.next(), words.next()) else {
        return true;
    };
    // Asked twice of every mention: one hash look-up, not two searches.
    static NOT_SPEAKERS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| DATES.iter().chain(lexicon::DE_ADVERBS).copied().collect());
    !NOT_SPEAKERS.contains(words::lower(only).as_str())
}

/// Weekdays and months (English and German), capitalised but no speakers.
const DATES: &[&str] = &[
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
];

/// A speaker phrase right after a cue: a pronoun, a determiner-led phrase
/// or a capitalised name, up to a comma or a preposition.
fn np_forward(hay: &str, toks: &[Tok]) -> Option<Span> {
    // A quoted name: schrieb „Die Zeit“.
    if let (Some(open), Some(next)) = (toks.first(), toks.get(1)) {
        if matches!(open.punct(), Some('„' | '“' | '»' | '«'))
            && next.is_word()
            && words::is_capitalized(next.span.text(hay))
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
    if is_pronoun(hay, first) {
        return Some(first.span);
    }
    // A lower-case role before the name: "said engineer Nadia Volkova".
    let lead = toks
        .iter()
        .take(3)
        .position(|t| t.is_word() && words::is_capitalized(t.span.text(hay)))
        .filter(|&k| {
            k > 0
                && toks.get(..k).is_some_and(|l| {
                    l.iter()
                        .all(|t| t.is_word() && !names::is_stop(&key(hay, t)))
                })
        });
    if let Some(k) = lead {
        if !is_determiner(hay, first) {
            return np_forward(hay, toks.get(k..)?).map(|np| Span::new(first.span.start, np.end));
        }
    }
    let det = is_determiner(hay, first);
    if !det && !words::is_capitalized(first.span.text(hay)) {
        return None;
    }
    let mut end = 1usize;
    while let Some(t) = toks.get(end) {
        let w = t.span.text(hay);
        let k = words::key(w);
        let ok = match t.kind {
            Kind::Word => {
                !names::is_stop(&k)
                    && !lexicon::is_cue_word(&k)
                    && !has(lexicon::DETERMINERS, &k)
                    && (det || words::is_capitalized(w) || has(lexicon::ROLES, &k))
            }
            Kind::Punct('.') => {
                toks.get(end - 1)
                    .is_some_and(|p| p.is_word() && names::is_abbrev(p.span.text(hay)))
                    && toks
                        .get(end + 1)
                        .is_some_and(|n| n.is_word() && words::is_capitalized(n.span.text(hay)))
            }
            // A quoted name: die „Computerwoche“.
            Kind::Punct('„' | '»' | '«') => toks
                .get(end + 1)
                .is_some_and(|n| n.is_word() && words::is_capitalized(n.span.text(hay))),
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

/// Turns mentions into speakers: the fullest name, pronouns to the
/// person they point at, one [`Speaker`] per name.
struct Resolver<'h> {
    hay: &'h str,
    /// The text's tokens, lexed once (windows are sliced from them).
    doc: &'h words::Lexed,
    names: Names<'h>,
    speakers: Vec<Speaker>,
    index: HashMap<String, usize>,
    last_person: Option<usize>,
    last_group: Option<usize>,
    /// Fiction: the last two speakers of the conversation going on.
    participants: Vec<usize>,
    /// The character a story told to "you" calls so ("you said").
    you: Option<usize>,
    /// Fiction: the last part of a hyphenated one-word name ("Pooh" of
    /// "Winnie-the-Pooh") → that speaker.
    hyphen_tails: HashMap<String, usize>,
    /// Fiction: a pet name ("frank") or the given name of a full name
    /// ("francis" of "Francis Oakley"), as the given name it stands
    /// for, → (speaker, whether it was the pet name).
    given_names: HashMap<String, (usize, bool)>,
    /// Fiction or an interview: he/she point at the character just
    /// named, and untagged lines alternate between speakers.
    dialogue: bool,
    /// The contents of the top-level quotations, in text order.
    quoted: Vec<Span>,
    /// Each one's addressee ([`vocative`]) once found.
    vocatives: RefCell<Vec<Option<Option<Span>>>>,
    /// The index in `quoted` asked last.
    vocative_at: Cell<usize>,
}

impl<'h> Resolver<'h> {
    /// Resolves a mention to a speaker index (creating the speaker), or
    /// `None` for a mention naming nobody in particular.
    fn resolve(&mut self, mention: Span) -> Option<usize> {
        let hay = self.hay;
        let text = mention.text(hay);
        let toks = self.doc.lex(hay, mention);
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
            "he" | "she" | "er" | "il" | "elle" | "él" | "ella" => {
                let gender = match lower.as_str() {
                    "he" | "er" | "il" | "él" => names::Gender::Male,
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
            "they" | "it" | "ils" | "sie" | "wir" | "we" => return self.last_group,
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
                    let full = self.names.canonical(&cleaned, at);
                    // Fiction: "said Bird" is not "Little Bird": a fuller
                    // form that only puts common words before the name.
                    let full = match full {
                        Some(f) if self.dialogue => {
                            let joined = cleaned.join(" ");
                            let common_head = f
                                .strip_suffix(joined.as_str())
                                .and_then(|h| h.strip_suffix(' '))
                                .is_some_and(|h| h.split(' ').any(|w| self.names.is_common(w)));
                            Some(if common_head {
                                // "Wren Bird" if the text has it.
                                match cleaned.as_slice() {
                                    [w] => self
                                        .names
                                        .fullest_proper(w, at)
                                        .map_or(joined, str::to_owned),
                                    _ => joined,
                                }
                            } else {
                                f
                            })
                        }
                        f => f,
                    };
                    // Fiction: "Mrs. Oakley" is not "Frank Oakley", the
                    // fuller name of a man: she keeps her title.
                    let titled = toks.iter().find_map(|t| {
                        let k = words::key(t.span.text(hay));
                        let g = if has(names::MALE_TITLES, &k) {
                            names::Gender::Male
                        } else if has(names::FEMALE_TITLES, &k) {
                            names::Gender::Female
                        } else {
                            return None;
                        };
                        Some((t.span.start, g))
                    });
                    match (full, titled) {
                        (Some(f), Some((from, g)))
                            if self.dialogue
                                && f.split(' ').count() > cleaned.len()
                                && self.names.gender(&f).is_some_and(|fg| fg != g) =>
                        {
                            hay.get(from..mention.end).map(str::to_owned)
                        }
                        (full, _) => full,
                    }
                } else {
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
                            let gender = if has(lexicon::MALE_NOUNS, &noun) {
                                names::Gender::Male
                            } else if has(lexicon::FEMALE_NOUNS, &noun) {
                                names::Gender::Female
                            } else {
                                return None;
                            };
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
                            let [w] = toks.as_slice() else { return None };
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
            }
        };
        let name = name?;
        let org = names::is_org(&name)
            || !name.contains(' ')
                && self
                    .names
                    .fullest(&name, usize::MAX)
                    .is_none_or(|f| !f.contains(' '))
                && self.names.gender(&name).is_none();
        let i = self.intern(name);
        if org {
            self.last_group = Some(i);
        } else {
            self.last_person = Some(i);
        }
        Some(i)
    }

    /// Resolves he/she to the nearest character of that gender who is not
    /// `not` (the person the line addresses).
    fn resolve_other(&mut self, pronoun: Span, not: usize) -> Option<usize> {
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
            .canonical(std::slice::from_ref(&n), pronoun.start)
            .unwrap_or(n);
        let i = self.intern(n);
        (i != not).then_some(i)
    }

    /// The character named last before `at` who is not `not` (the other
    /// party of a conversation).
    fn other_character(&mut self, at: usize, not: Option<usize>) -> Option<(usize, Span)> {
        let (name, span) = self.other_character_name(at, not)?;
        Some((self.intern(name), span))
    }

    /// [`Resolver::other_character`]'s name and mention, not interned.
    fn other_character_name(&self, at: usize, not: Option<usize>) -> Option<(String, Span)> {
        let skip: Vec<&str> = not
            .and_then(|i| self.speakers.get(i))
            .map(|s| s.name.as_str())
            .into_iter()
            .collect();
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
        let (name, span) = names.person_named_before(at, &skip, &known)?;
        let name = speaker_of(name).unwrap_or_else(|| name.to_owned());
        Some((name, span))
    }

    /// The one party of the current conversation of `gender`, if just one
    /// has it.
    fn sole_participant(&self, gender: names::Gender) -> Option<usize> {
        let mut fit = self.participants.iter().copied().filter(|&i| {
            self.speakers
                .get(i)
                .is_some_and(|s| self.names.gender(&s.name) == Some(gender))
        });
        let first = fit.next()?;
        fit.next().is_none().then_some(first)
    }

    /// Whether a speaker was resolved as a group or organisation.
    fn is_group(&self, i: usize) -> bool {
        self.last_group == Some(i) && self.last_person != Some(i)
    }

    fn intern(&mut self, name: String) -> usize {
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
