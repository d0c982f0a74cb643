//! Speech versus other: is a quotation someone's words, or a scare quote,
//! a title, a nickname, a word used as a word?

mod english;
pub(crate) use english::{governs_fragment, is_statement_noun};

use std::borrow::Cow;

use super::{Quote, QuoteKind};
use crate::attribution::Rule;
use crate::stats::QuoteWords;
use crate::wordlist::{word_list, WordList};
use crate::Lang;

/// Words right before a quotation that make it a name, not speech:
/// the so-called “Squad”, a film titled “Heat”, nicknamed “the Hammer”.
static NAMING_WORDS: WordList = word_list!(&[
    "appelé",
    "appelée",
    "begriff",
    "bezeichnung",
    "denominada",
    "denominado",
    "deutsch",
    "dit",
    "dite",
    "dubbed",
    "englisch",
    "entitled",
    "genannt",
    "genannte",
    "genannten",
    "intitulé",
    "intitulée",
    "labeled",
    "labelled",
    "llamada",
    "llamado",
    "motto",
    "namens",
    "nicknamed",
    "phrase",
    "slogan",
    "so-called",
    "sogenannte",
    "sogenannten",
    "sogenannter",
    "stichwort",
    "term",
    "termed",
    "titel",
    "titled",
    "titulada",
    "titulado",
    "word",
    "words",
    "übersetzt",
]);

/// Decides each quotation's kind. Called after attribution, since a
/// speaker or cue makes a quotation speech whatever its length.
///
/// `lang` is the text's language, already guessed if no hint was given.
/// Returns the quotations' word counts that the rules counted, for the
/// speakers' figures and the text's to use again.
pub(crate) fn classify(hay: &str, quotes: &mut [Quote], lang: Lang) -> QuoteWords {
    let mut weak = Vec::with_capacity(quotes.len());
    let mut quote_words = QuoteWords::new(quotes.len());
    let headline = colon_headline(hay);
    // Whether the text has quoted in double marks (“…”, "…", ''…'')
    // before the quotation at hand: then single marks standing alone as a
    // paragraph are a subheading. Only quotations before count, so that
    // text added after never changes an earlier kind.
    let mut double_marks = false;
    for (i, q) in quotes.iter_mut().enumerate() {
        let subhead = double_marks && q.depth == 0 && is_single_mark_subhead(hay, q);
        double_marks |= lang == Lang::En && q.depth == 0 && is_double_mark(q.open.text(hay));
        if subhead {
            q.kind = QuoteKind::Other;
            weak.push(false);
            continue;
        }
        let in_headline =
            headline.is_some_and(|(colon, end)| q.span.start > colon && q.span.end <= end);
        if in_headline && q.depth == 0 && q.kind == QuoteKind::Speech {
            weak.push(false);
            continue;
        }
        let words = WordCount::new(hay, q.content);
        let (kind, by_default) = decide(hay, q, lang, &words);
        if let Some(n) = words.counted() {
            quote_words.record(i, n);
        }
        q.kind = kind;
        weak.push(by_default);
    }
    follow_listed_names(hay, quotes, &weak, lang);
    quote_words
}

/// The line holding `span` when it reads as a headline: at most
/// [`HEADLINE_MAX`] bytes, four words or more, and every word of four
/// letters or more capitalised.
fn headline_around(hay: &str, span: crate::Span) -> Option<&str> {
    let from = span.start.saturating_sub(HEADLINE_MAX);
    let head = hay.get(from..span.start)?;
    let start = match head.rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return None,
    };
    // Bounded: a line longer than a headline is no headline, so the end
    // is looked for in the next HEADLINE_MAX bytes only.
    let rest = hay.get(span.start..)?;
    let window = prefix(rest, HEADLINE_MAX);
    let end = span.start
        + match window.find('\n') {
            Some(i) => i,
            None if window.len() == rest.len() => rest.len(),
            None => return None,
        };
    if end - start > HEADLINE_MAX {
        return None;
    }
    let line = hay.get(start..end)?;
    let mut words = line
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic));
    let mut count = 0;
    let capitalised = words.all(|w| {
        count += 1;
        w.chars().count() <= 3 || w.starts_with(char::is_uppercase)
    });
    (capitalised && count >= 4).then_some(line)
}

/// Whether an opening mark is a double one: “, ", „, « or two
/// apostrophes ('' as some papers set a double mark).
fn is_double_mark(open: &str) -> bool {
    matches!(open, "“" | "\"" | "„" | "«" | "''" | "”")
}

/// Whether `q` is a paragraph of its own in single marks (‘…’ or '…'),
/// with nothing around it but dashes and a closing stop: a subheading
/// ("'A tough decision'."), which papers that quote speech in double
/// marks set in single ones, not anyone's words in the text.
fn is_single_mark_subhead(hay: &str, q: &Quote) -> bool {
    if !matches!(q.open.text(hay), "‘" | "'") {
        return false;
    }
    let before = hay.get(..q.span.start).unwrap_or("");
    let lead = before.trim_end_matches([' ', '\t', '–', '—', '-']);
    if !(lead.is_empty() || lead.ends_with('\n')) {
        return false;
    }
    let after = hay.get(q.span.end..).unwrap_or("");
    let rest = after.trim_start_matches([' ', '\t', '–', '—', '-', '.', ':']);
    rest.is_empty() || rest.starts_with(['\n', '\r'])
}

/// Longest first line read as a headline, in bytes.
const HEADLINE_MAX: usize = 250;

/// The headline of a news text when it names a speaker before a colon
/// ("Senator Reyes: Budget ‘Dead on Arrival’"): the byte offsets of the
/// colon and of the line's end. The quotations after such a colon are
/// the named speaker's words, however title-cased a headline is.
/// Bounded: only the first [`HEADLINE_MAX`] bytes are read.
fn colon_headline(hay: &str) -> Option<(usize, usize)> {
    let window = prefix(hay, HEADLINE_MAX);
    let end = match window.find('\n') {
        Some(i) => i,
        None if window.len() == hay.len() => window.len(),
        None => return None,
    };
    let line = window.get(..end)?;
    let colon = line.find(": ")?;
    let speaker = line.get(..colon)?;
    let words = speaker.split_whitespace().count();
    let plain = !speaker.contains(|c: char| super::marks::is_mark_char(c) || ".!?,;".contains(c));
    ((1..=5).contains(&words) && plain && speaker.starts_with(char::is_uppercase))
        .then_some((colon, end))
}

/// Speech on weak evidence alone (the default for fragments inside a
/// sentence, [`MIN_FRAGMENT_WORDS`], or a speaker somewhere in the
/// paragraph with no cue) gives way to a neighbour in a list that a
/// name rule made other: in „Nachtzug“, „Die Brücke am Fluss“ oder „Als
/// der Regen kam“ the titles around the last one show it is a title too.
/// A comma inside marks a sentence, which stays speech; a neighbour
/// that is other only for being short, or has a single capital ("We'll
/// see" or "That's asking"), names no list. Quotations joined by a
/// comma, „und“, „oder“ (and, or) and nothing else are one list. One
/// pass each way.
#[inline(never)]
fn follow_listed_names(hay: &str, quotes: &mut [Quote], weak: &[bool], lang: Lang) {
    let n = quotes.len();
    let joined = |a: &Quote, b: &Quote| {
        a.depth == 0
            && b.depth == 0
            && a.span.end <= b.span.start
            && hay.get(a.span.end..b.span.start).is_some_and(is_list_joint)
    };
    for i in 1..n {
        let (Some(prev), Some(cur)) = (quotes.get(i - 1), quotes.get(i)) else {
            continue;
        };
        if weak.get(i) == Some(&true)
            && cur.kind == QuoteKind::Speech
            && !cur.content.text(hay).contains(',')
            && prev.kind == QuoteKind::Other
            && weak.get(i - 1) == Some(&false)
            && is_capitalised_name(prev.content.text(hay), lang)
            && joined(prev, cur)
        {
            if let Some(q) = quotes.get_mut(i) {
                q.kind = QuoteKind::Other;
            }
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        let (Some(cur), Some(next)) = (quotes.get(i), quotes.get(i + 1)) else {
            continue;
        };
        if weak.get(i) == Some(&true)
            && cur.kind == QuoteKind::Speech
            && !cur.content.text(hay).contains(',')
            && next.kind == QuoteKind::Other
            && weak.get(i + 1) == Some(&false)
            && is_capitalised_name(next.content.text(hay), lang)
            && joined(cur, next)
        {
            if let Some(q) = quotes.get_mut(i) {
                q.kind = QuoteKind::Other;
            }
        }
    }
}

/// Whether `text` has two capitalised words or more, as a name or title
/// of a list has ("We'll see", one capital and short words, is not one).
/// German capitalises every noun, so there one capitalised word (a
/// one-noun name) is enough.
fn is_capitalised_name(text: &str, lang: Lang) -> bool {
    let need = if lang == Lang::De { 1 } else { 2 };
    text.split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .nth(need - 1)
        .is_some()
}

/// Whether the text between two quotations joins them as items of one
/// list: a comma, and, or (English and German), with spaces.
fn is_list_joint(between: &str) -> bool {
    if between.len() > 8 || between.contains('\n') {
        return false;
    }
    let t = between.trim();
    let t = t.strip_prefix(',').unwrap_or(t).trim();
    matches!(t, "" | "und" | "oder" | "sowie" | "and" | "or")
}

/// German articles, possessives and preposition-article contractions: a
/// quotation right after one is a noun in the sentence (a name, a title,
/// a term: „mit seiner „Gardan“", „des „Gesetzes über …“"), not speech,
/// unless a speech cue claims it.
const GERMAN_ARTICLES: &[&str] = &[
    "beim", "das", "dem", "den", "der", "des", "die", "ein", "eine", "einem", "einen", "einer",
    "eines", "ihre", "ihrem", "ihren", "ihrer", "im", "ins", "seine", "seinem", "seinen", "seiner",
    "vom", "zum", "zur",
];

/// The kind of one quotation, and whether only a default decided it
/// (weak evidence: a list of names around may overrule weak speech, and
/// weak other, a short phrase, names no list: [`follow_listed_names`]).
/// `words` counts the quotation's content when a rule asks.
#[inline(never)]
fn decide(hay: &str, q: &Quote, lang: Lang, words: &WordCount) -> (QuoteKind, bool) {
    // Title marks decided it already. A quotation inside a quotation is
    // the speaker quoting someone: part of the outer speech, not a
    // speech of the article's own.
    if q.kind == QuoteKind::Other || q.depth > 0 {
        return (QuoteKind::Other, false);
    }
    // Counted once, and only if a rule asks: the shape rules and the
    // evidence below both weigh the content by its words, counting them
    // reads every byte, and most rules are settled before (a line of
    // dialogue ends with a stop or a comma).
    let content = trim_end(q.content.text(hay));
    let asked = Asked::new(hay, q, lang, content);
    if let Some(kind) = decide_kind(hay, q, lang, &asked, content, words) {
        return (kind, false);
    }
    let punct_end = ends_with_punct(content);
    // Attributed, or a speech cue in its sentence: someone said it
    // (“strongly condemns” after “Britain said it” is speech however
    // short). A speaker found only somewhere in the paragraph, with no
    // cue, is weaker evidence than a list of titles around.
    if let Some(a) = q.attribution.filter(|a| a.rule.is_evidence()) {
        let weak = a.cue.is_none()
            && matches!(
                a.rule,
                Rule::SameParagraph | Rule::PreviousSentence | Rule::Continuation
            );
        return (QuoteKind::Speech, weak && !punct_end);
    }
    // Standing as a sentence of its own, or long and sentence-like: a
    // scare quote, a title or a name is a few words inside a sentence.
    let before = hay.get(..q.span.start).unwrap_or("");
    let prev = trim_end(before).chars().next_back();
    let opens_sentence = prev
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '—' | '–' | '(' | '…'))
        || before.ends_with('\n');
    if opens_sentence && (punct_end || words.get() >= 4) {
        return (QuoteKind::Speech, false);
    }
    // Inside a sentence: news quotes fragments of what people said far
    // more often than it uses scare quotes, but a name or title is
    // capitalised throughout and a scare quote is a word or two.
    if words.get() >= MIN_FRAGMENT_WORDS && !asked.title_case() {
        return (QuoteKind::Speech, true);
    }
    // English: a word or two in a clause that reports or characterises
    // what someone said ("she vowed to end “tampon taxes”", "he dismissed
    // it as “absurd”") is that someone's words, not a scare quote.
    if asked.named() && english::reports(sentence_head(hay, q.span)) {
        return (QuoteKind::Speech, true);
    }
    // English: PolNeAR's attribution is a source, a cue and a content,
    // and every quotation inside the content is speech. A word or two in
    // a sentence with a cue anywhere, before or after it ("the county
    // found “significant” gaps", "the levy is a “stealth” tax, according
    // to critics"), is in the content of that cue; a scare quote in the
    // narrator's own sentence, with no cue at all, stays other. A subject
    // that names no one in particular makes a nickname, not words.
    if lang == Lang::En && !asked.title_case() && !generic_subject(hay, q) {
        let (head, tail) = head_and_tail(hay, q);
        if english::reports_around(head, tail) {
            return (QuoteKind::Speech, true);
        }
    }
    (QuoteKind::Other, true)
}

/// The kind a quotation's shape and place decide (marks, depth, naming
/// words, title case, the German rules), or `None` when only the
/// evidence of [`decide`] (a speaker, a sentence of its own, length) can.
/// `asked`: the answers several rules ask ([`Asked`]); `content`: the quotation's
/// text trimmed at its end (as [`decide`] has it); `words`: its
/// [`WordCount`]. Asked only of top-level quotations in marks that
/// are not title marks ([`decide`] settles the others).
#[inline(never)]
fn decide_kind(
    hay: &str,
    q: &Quote,
    lang: Lang,
    asked: &Asked,
    content: &str,
    words: &WordCount,
) -> Option<QuoteKind> {
    let before = hay.get(..q.span.start).unwrap_or("");
    // An attribute value in markup pasted with the article:
    // <tweet author="@x" datetime="2016-06-29">, <a href="…">.
    if before.ends_with('=') {
        return Some(QuoteKind::Other);
    }
    // Trimmed once: the word before and the possessive and apposition
    // rules below all read the text up to its last word.
    let trimmed = trim_end(before);
    let prev_word = lower_word(trailing_word(trimmed));
    // No word right before (a line of dialogue opening its paragraph, a
    // quotation after a comma): none of the word lists can match, and
    // each lookup is a bisection.
    let has_prev = !prev_word.is_empty();
    // English: a name given by a naming act (dubbed, labelled, titled) is
    // the words of whoever gave it; a word named as a word (so-called,
    // the word) is not, and stays other below.
    if has_prev && english::is_naming_verb(&prev_word) && asked.named() {
        return Some(QuoteKind::Speech);
    }
    // English: a wording named as a wording ("the phrase “X”", "the
    // slogan “Y”") is still someone's words when its sentence reports
    // someone saying or using it, or the wording has an owner ("refused to
    // say the words", "using the term", "Romney's phrase", a slogan): the
    // quotation is then the content of that report. A term named in the
    // narrator's own sentence ("the phrase “X” rates well") stays other.
    if lang == Lang::En && has_prev && english::is_wording_noun(&prev_word) {
        let (head, tail) = head_and_tail(hay, q);
        let noun_at = trimmed.len().saturating_sub(prev_word.len());
        let owned = before.get(..noun_at).is_some_and(after_possessive);
        // A slogan or a motto is always someone's words: its bearer's.
        let slogan = matches!(&*prev_word, "slogan" | "motto");
        if slogan || owned || english::wording_in_use(head, tail) {
            return Some(QuoteKind::Speech);
        }
    }
    if has_prev && NAMING_WORDS.contains(&prev_word) {
        return Some(QuoteKind::Other);
    }
    // English: a name something is known, billed or described as, or
    // one someone goes by, is the words of those who use it ("a town
    // known as “the Crossroads”", "a rally billed as “Hard Hats for
    // Hillary”"): PolNeAR takes them for an attribution whose source is
    // left implicit.
    //
    // Both rules read the words before the quotation: with no word right
    // before it (and no comma, which the verb of saying may precede),
    // neither holds.
    if lang == Lang::En && has_prev && english::named_as(before) {
        return Some(QuoteKind::Speech);
    }
    // English: the object of a verb of saying, chanting or inscribing is
    // what was said, chanted or written, title case or not: "he said
    // “The Hispanics”", "chants of “Lock Her Up”", "a sign that read
    // “Hands Off”". (Told and called take an addressee or give a name:
    // "told “Good Morning America”", "a show called “Billions”".)
    if lang == Lang::En && (has_prev || trimmed.ends_with(',')) && english::says_object(before) {
        return Some(QuoteKind::Speech);
    }
    // Glued to a following word: the „Roude Léiw“-Befürworter, "Hamas"'s.
    let after = hay.get(q.span.end..).unwrap_or("");
    let mut next = after.chars();
    if matches!(next.next(), Some('-' | '‐')) && next.next().is_some_and(char::is_alphanumeric) {
        return Some(QuoteKind::Other);
    }
    let punct_end = ends_with_punct(content);
    // English: a title with its byline ("“Why the Mill Closed,” by Ana
    // Ruiz") names an article or a book; its author wrote it, but no one
    // says it in the text. A clause that reports speech before it ("she
    // said the “dreadful mess,” by the council") keeps it speech.
    if lang == Lang::En
        && english::has_byline(content, after)
        && !english::reports(sentence_head(hay, q.span))
    {
        return Some(QuoteKind::Other);
    }
    // A code or a figure is no one's words: a model „T4“, the class „40+“.
    if is_code(content) {
        return Some(QuoteKind::Other);
    }
    // A sentence of its own with no word right before it (a line of
    // dialogue, a quotation after a stop), in any language but German:
    // every rule below asks for a word before, a comma before, content
    // without sentence punctuation (title case, a host name, the fragment
    // rules) or German, so none holds.
    if lang != Lang::De && punct_end && !has_prev && !trimmed.ends_with(',') {
        return None;
    }
    if lang == Lang::De {
        let at = Around {
            sentence: sentence_around(hay, q.span),
            head: sentence_head(hay, q.span),
            before,
            after: prefix(after, NEAR_BYTES),
            content,
            words: words.get(),
            punct_end,
        };
        if let Some(kind) = german_shape(&at) {
            return Some(kind);
        }
    }
    // „Das nennt man einen „Split““, „es nennt sich „Expo““: naming, no
    // one's words.
    if lang == Lang::De && !punct_end && words.get() <= 6 && is_german_naming(hay, q.span) {
        return Some(QuoteKind::Other);
    }
    // „bezeichnete den Plan als „Wortbruch““, „sprach von einer „Gefahr““:
    // the German way of quoting a few of someone's words.
    if lang == Lang::De
        && !looks_like_domain(content)
        && !is_foreign_phrase(content)
        && adjacent_word(before)
            .is_some_and(|w| PARTIAL_QUOTE_LEADS.contains(&crate::case::to_lowercase(w).as_str()))
        && sentence_around(hay, q.span)
            .split(|c: char| !c.is_alphabetic())
            .any(|w| CALLING_VERBS.contains(w))
    {
        return Some(QuoteKind::Speech);
    }
    // Title case is no sign of a name after an indefinite article in
    // German reported speech: es sei ein „Opfer des Terrors“, habe ihm
    // einen „Ruck“ gegeben.
    if lang == Lang::De
        && adjacent_word(before).is_some_and(|w| INDEFINITE.contains(&w))
        && !is_foreign_phrase(content)
        && in_reported_speech(hay, q.span)
    {
        return Some(QuoteKind::Speech);
    }
    // A short run of capitalised words without sentence punctuation is a
    // name or a title (newspapers, films, slogans), even in a sentence
    // with a cue: sagte dem „Hamburger Abendblatt“.
    // A German clause with its verb („Vielfalt ist Programm“) is a
    // sentence, however its nouns are capitalised.
    if !punct_end && lang == Lang::En && words.get() <= 6 && asked.named() {
        // A fragment after "as" in a clause that calls or casts someone
        // as something ("refers to him as", "dismissed it as", "known
        // as") is how the clause's subject put it.
        if prev_word == "as" {
            return Some(QuoteKind::Speech);
        }
        // Capitalised or not, a few words a clause is said to call,
        // brand or hail something are the words of its subject: "called
        // him “Little Marco”", "hailed the deal as a “Breakthrough”".
        // The word before first: a title's preposition or work noun
        // settles it without the head's words being split.
        if !leads_title(&prev_word) && head_characterizes(hay, q.span) {
            return Some(QuoteKind::Speech);
        }
    }
    // English: capitalised or not, a few words in a sentence that
    // mentions, cites, finds or fears them ("there was no mention of
    // “Crooked Hillary”", "the board finds he is a “Natural Born
    // Citizen”"), or that names its source ("according to the survey"),
    // are the content of that report, PolNeAR's attribution (source, cue,
    // content), unless a preposition, a work noun or a possessive leads
    // them as a title ("told ABC's “This Week”"). The plain speech cues
    // (said, told) are no such sign here: a title in a sentence that
    // says something is as often where it was said ("said on the show
    // “Hardball”") as what was said.
    if lang == Lang::En
        && !punct_end
        && words.get() <= 6
        && asked.title_case()
        && !ends_possessive(trimmed)
        && !leads_title(&prev_word)
        && !apposed_to_work(trimmed)
        && !generic_subject(hay, q)
    {
        let (head, tail) = head_and_tail(hay, q);
        if english::stance_around(head, tail) || english::cites_around(head, tail) {
            return Some(QuoteKind::Speech);
        }
    }
    // English: in a headline, where every word is capitalised, title
    // case tells nothing about a quotation; a cue in the headline makes it
    // the content of a report ("Mayor Says Plan Is ‘Dead On Arrival’").
    if lang == Lang::En && !punct_end && words.get() <= 6 && asked.title_case() {
        if let Some(line) = headline_around(hay, q.span) {
            if english::headline_reports(line) {
                return Some(QuoteKind::Speech);
            }
        }
    }
    let german_clause = lang == Lang::De
        && content
            .split(' ')
            .any(|w| matches!(w, "ist" | "hat" | "war"));
    if !punct_end && words.get() <= 6 && asked.title_case() && !german_clause {
        return Some(QuoteKind::Other);
    }
    // German names keep their prepositions in lower case: „Ärzte ohne
    // Grenzen“, „Freiheit statt Angst“, „Gesetz über den Verfassungsschutz“.
    if lang == Lang::De
        && !punct_end
        && !german_clause
        && words.get() <= 6
        && content.starts_with(char::is_uppercase)
        && title_case(lang, &without_german_prepositions(content))
    {
        return Some(QuoteKind::Other);
    }
    // A title after a possessive is the work or show of its owner, even
    // with American punctuation inside the marks: on CBS's “Face the
    // Nation,” in HBO's “Real Time.”
    // A title after a preposition or a noun for a work names the work,
    // whoever is quoted around it: said on “Meet the Press,”, the author
    // of “Empire,”, the movie “Heat.”
    // A title in apposition to a work noun is the work too: his memoir,
    // “Hard Roads,”.
    let title_lead = || lang == Lang::En && (leads_title(&prev_word) || apposed_to_work(trimmed));
    if (ends_possessive(trimmed) || title_lead())
        && words.get() <= 6
        && is_title_case(content.trim_end_matches(['.', ',']))
    {
        return Some(QuoteKind::Other);
    }
    // A web address: laut „tagesschau.de“.
    if looks_like_domain(content) {
        return Some(QuoteKind::Other);
    }
    if lang == Lang::De {
        let reported = !asked.title_case() && in_reported_speech(hay, q.span);
        if german_name(q, before, &prev_word, content, words.get(), reported) {
            return Some(QuoteKind::Other);
        }
        // „Der Rücktritt sei ein „natürlicher Vorgang““: a fragment in a
        // sentence of reported speech (the subjunctive) is the reported
        // speaker's own words, however short. Names stay out: they are
        // capitalised throughout (die „Reporter ohne Grenzen“ is caught
        // by its kind noun above).
        if reported {
            return Some(QuoteKind::Speech);
        }
    }
    None
}

/// Answers about one quotation that several rules ask, each worked out
/// the first time one asks and kept: title case was worked out up to six
/// times per quotation, and whether attribution named someone before it
/// for every quotation, where few rules ask.
struct Asked<'a> {
    /// The text.
    hay: &'a str,
    /// The quotation.
    q: &'a Quote,
    /// The text's language.
    lang: Lang,
    /// The quotation's content, trimmed at its end.
    content: &'a str,
    /// [`Asked::named`], once asked.
    named: std::cell::Cell<Option<bool>>,
    /// [`Asked::title_case`], once asked.
    title: std::cell::Cell<Option<bool>>,
}

impl<'a> Asked<'a> {
    fn new(hay: &'a str, q: &'a Quote, lang: Lang, content: &'a str) -> Self {
        Asked {
            hay,
            q,
            lang,
            content,
            named: std::cell::Cell::new(None),
            title: std::cell::Cell::new(None),
        }
    }

    /// English, and attribution named someone earlier in the quotation's
    /// sentence ([`names_in_head`]): the English rules make a fragment
    /// the words of the clause's subject, so they ask that attribution
    /// found someone to name there.
    fn named(&self) -> bool {
        if let Some(named) = self.named.get() {
            return named;
        }
        let named = self.lang == Lang::En && names_in_head(self.hay, self.q);
        self.named.set(Some(named));
        named
    }

    /// [`title_case`] of the content.
    fn title_case(&self) -> bool {
        if let Some(title) = self.title.get() {
            return title;
        }
        let title = title_case(self.lang, self.content);
        self.title.set(Some(title));
        title
    }
}

/// Whether attribution found a mention of the speaker in the sentence
/// of `q` before it: the subject of the clause that leads to the
/// quotation ("Mayor Ode hailed the “fresh start”"), where the English
/// rules look for the verb that makes the fragment someone's words. A
/// subject that names no one ("locals call it …") does not count.
#[inline(never)]
fn names_in_head(hay: &str, q: &Quote) -> bool {
    // The mention first: most quotations in text dense with marks have
    // none before them, and then the sentence need not be looked for.
    q.attribution.and_then(|a| a.mention).is_some_and(|m| {
        m.end <= q.span.start
            && in_sentence_head(hay, m.start, q.span)
            && !english::is_generic_group(m.text(hay))
    })
}

/// Whether `at` (at most `span.start`) is in the sentence holding `span`
/// ([`sentence_start`] is at or before it): `at` is in the window that
/// [`sentence_start`] reads and no sentence ends between it and the
/// quotation. Read forwards from `at`, where [`sentence_start`] reads
/// the whole window back from the quotation: a speaker's mention is
/// mostly a few words before it.
fn in_sentence_head(hay: &str, at: usize, span: crate::Span) -> bool {
    at >= window_start(hay, span)
        && !hay
            .as_bytes()
            .get(at..span.start)
            .unwrap_or_default()
            .iter()
            .any(is_sentence_end_byte)
}

/// Whether attribution found, as the quotation's source, a subject that
/// names no one in particular ("locals call it the “long arm”"): a
/// name in common use, not anyone's words ([`english::is_generic_group`]).
fn generic_subject(hay: &str, q: &Quote) -> bool {
    q.attribution
        .and_then(|a| a.mention)
        .is_some_and(|m| english::is_generic_group(m.text(hay)))
}

/// A quotation and the text around it, for the German rules.
struct Around<'a> {
    /// The sentence holding the quotation ([`sentence_around`]).
    sentence: &'a str,
    /// That sentence up to the quotation ([`sentence_head`]).
    head: &'a str,
    /// The text before the opening mark.
    before: &'a str,
    /// The text after the closing mark, its first [`NEAR_BYTES`] only
    /// (what follows further is another sentence, and a bound keeps the
    /// rules linear on any input).
    after: &'a str,
    /// The content, trimmed at its end.
    content: &'a str,
    /// Words in the content ([`WordCount`]).
    words: usize,
    /// Whether the content ends with sentence punctuation or a comma.
    punct_end: bool,
}

/// How far after a quotation the German rules read, in bytes.
const NEAR_BYTES: usize = 300;

/// The first `max` bytes of `text` (fewer, to end on a character).
fn prefix(text: &str, max: usize) -> &str {
    let mut cut = max.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.get(..cut).unwrap_or("")
}

/// Most words a German name or title after its kind noun or led by a
/// kind noun can have: das Buch „…“ may have a long subtitle.
const GERMAN_NAME_MAX_WORDS: usize = 15;

/// German quotations whose shape in the sentence tells their kind
/// before title case is asked (German capitalises every noun, so title
/// case says little about one or two words). `None`: no such shape.
#[inline(never)]
fn german_shape(at: &Around) -> Option<QuoteKind> {
    let prev = adjacent_word(at.before);
    // A title opens with a capital; a longer phrase in lower case after
    // a kind noun is someone's words (er bekam den Preis „for his work
    // on …“).
    let short_name = !at.punct_end
        && (at.words <= 6
            || at.words <= GERMAN_NAME_MAX_WORDS && at.content.starts_with(char::is_uppercase));
    // die Studie „Gewalt in der Stadt 2001 bis 2005“, das Buch „…“: a
    // kind noun right before names the thing, however long its title.
    if short_name && prev.is_some_and(is_german_kind_noun) {
        return Some(QuoteKind::Other);
    }
    // „Gesetz zur Stärkung der Ehrenämter“, der „Preis der Stadt Kiel“,
    // die „Aktion Saubere Flüsse“: a name led by its kind noun.
    if short_name && starts_with_name_head(at.content) {
        return Some(QuoteKind::Other);
    }
    // der als „Nordwind“ bezeichnet wird, „der Lange“ genannt: naming
    // in the passive, with no one as its agent.
    if at.words <= 6 && !at.punct_end && is_passive_naming(at) {
        return Some(QuoteKind::Other);
    }
    // Wie „hafenpost.de“ berichtet, Wie die „Stadtwerke Ost“ mitteilten:
    // the quotation is the source of a report, a name.
    if at.words <= 6 && !at.punct_end && is_report_source(at) {
        return Some(QuoteKind::Other);
    }
    // skandierten „Hände weg vom Park“, rief „Freiheit jetzt“: a chanted
    // slogan is the crowd's words, capitalised or not.
    if is_chant(at)
        && !prev.is_some_and(|w| GERMAN_ARTICLES.contains(&crate::case::to_lowercase(w).as_str()))
    {
        return Some(QuoteKind::Speech);
    }
    // die „Woche der offenen Tür“ (Open Doors Week), die Partei Xy
    // („Bund der Freien“): a name given with its translation.
    if at.words <= 8 && !at.punct_end && is_glossed(at) {
        return Some(QuoteKind::Other);
    }
    // Right after an article the quotation is a noun of the sentence, a
    // name as often as not (sagte, die „Tagesschau“ habe …; warf der
    // „Bild“ vor): the clues below leave it to the name rules. So is a
    // phrase that opens with its own article and is capitalised
    // throughout: „Die Räuber“, „Der Spiegel“.
    let after_article =
        prev.is_some_and(|w| GERMAN_ARTICLES.contains(&crate::case::to_lowercase(w).as_str()));
    let own_article = matches!(leading_word(at.content), "Der" | "Die" | "Das")
        && title_case(Lang::De, at.content);
    if after_article
        || own_article
        || is_foreign_phrase(at.content)
        || looks_like_domain(at.content)
    {
        return None;
    }
    // Er sagte, „Sperrzonen“ dürfe es nicht geben: the quotation stands
    // in the clause of what someone said.
    if after_cue_and_comma(at) {
        return Some(QuoteKind::Speech);
    }
    // warfen der Regierung „Wortbruch“ vor: an accusation in the
    // accuser's words.
    if is_reproach(at) {
        return Some(QuoteKind::Speech);
    }
    // sei „Pfusch am Bau“, so ein Sprecher: the sentence is someone's.
    if has_so_tag(at) {
        return Some(QuoteKind::Speech);
    }
    None
}

/// Whether `text` holds no letters (a figure: „40+“, „2:1“) or is one
/// short token of letters and digits (a code: „T4“, „B737“).
fn is_code(text: &str) -> bool {
    if !text.chars().any(char::is_alphabetic) {
        return !text.is_empty();
    }
    // The cheap tests first (six chars are at most 24 bytes; an ASCII
    // digit is a byte): most quotations are long, and have no digit.
    text.len() <= 24
        && text.bytes().any(|b| b.is_ascii_digit())
        && !text.contains(char::is_whitespace)
        && text.chars().count() <= 6
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
}

/// German nouns that lead names of laws, prizes, campaigns and other
/// named things (lower case, sorted; matched as the end of the first
/// word, with its genitive -s or -es).
const GERMAN_NAME_HEADS: &[&str] = &[
    "aktion",
    "bewegung",
    "bündnis",
    "festival",
    "gesetz",
    "initiative",
    "kampagne",
    "konferenz",
    "preis",
    "roadmap",
    "stiftung",
    "verein",
    "woche",
];

/// Whether the first word of `content` is a name head
/// ([`GERMAN_NAME_HEADS`]), and more words follow: a head alone
/// („Gesetz ist Gesetz“ aside) is a plain noun.
fn starts_with_name_head(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if words.next().is_none() || !first.starts_with(char::is_uppercase) {
        return false;
    }
    let w = crate::case::to_lowercase(first);
    // The word as it is, or without a genitive ending (Preises, Gesetzes).
    let is_head = |form: &str| GERMAN_NAME_HEADS.iter().any(|h| form.ends_with(h));
    is_head(&w)
        || w.strip_suffix("es").is_some_and(is_head)
        || w.strip_suffix('s').is_some_and(is_head)
}

/// German auxiliaries of the passive voice.
const GERMAN_PASSIVE: &[&str] = &["werden", "wird", "worden", "wurde", "wurden"];
/// German forms of `haben`, the auxiliary of the perfect tense.
const GERMAN_HABEN: &[&str] = &["habe", "haben", "hat", "hatte", "hatten"];

/// Whether a German quotation is a name given in the passive: „…“
/// genannt (and no perfect tense: „hat ihn „Lügner“ genannt“ is
/// someone's words), or als „…“ bezeichnet wird with no agent (von …),
/// for „wird von der Ministerin als „…“ bezeichnet“ quotes the minister.
#[inline(never)]
fn is_passive_naming(at: &Around) -> bool {
    let next = leading_word(at.after);
    let sentence = at.sentence;
    let words = || sentence.split(|c: char| !c.is_alphabetic());
    if matches!(next, "genannt" | "getauft") {
        return !words().any(|w| GERMAN_HABEN.contains(&w));
    }
    if next != "bezeichnet" || !at.before.trim_end().ends_with("als") {
        return false;
    }
    let rest = at
        .after
        .trim_start()
        .get("bezeichnet".len()..)
        .unwrap_or("");
    // The agent stands in the clause of the quotation: „der von der
    // Küste kommt und als „…“ bezeichnet wird“ has none.
    let head = at.head;
    let clause = head
        .rsplit([',', ';'])
        .next()
        .unwrap_or(head)
        .rsplit(" und ")
        .next()
        .unwrap_or(head);
    GERMAN_PASSIVE.contains(&leading_word(rest))
        && title_case(Lang::De, at.content)
        && !clause
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w == "von")
}

/// Whether a German quotation is the subject of a report verb in a
/// clause led by `Wie` (as): „Wie „X“ berichtet“, „Wie die „X“
/// mitteilte“, with at most three words between it and the verb.
#[inline(never)]
fn is_report_source(at: &Around) -> bool {
    let t = at.before.trim_end();
    let t = GERMAN_ARTICLES
        .iter()
        .find_map(|a| {
            t.strip_suffix(a)
                .filter(|r| r.ends_with(char::is_whitespace))
        })
        .unwrap_or(t)
        .trim_end();
    let lead = trailing_word(t);
    if !lead.eq_ignore_ascii_case("wie") {
        return false;
    }
    let clause = at
        .after
        .split([',', '.', ';', ':', '\n'])
        .next()
        .unwrap_or("");
    clause
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(4)
        .any(|w| crate::attribution::is_speech_cue(&crate::case::to_lowercase(w)))
}

/// Whether a quotation comes with a short gloss in parentheses: „…“
/// (Open Doors Week) after it, or it is itself the whole parenthesis
/// after a name: Xy („Bund der Freien“).
fn is_glossed(at: &Around) -> bool {
    if let Some(rest) = at.after.strip_prefix(" (") {
        let gloss = rest.split(')').next().unwrap_or("");
        return gloss.len() < rest.len()
            && !gloss.is_empty()
            && crate::count_words(gloss) <= 5
            && gloss.starts_with(char::is_alphabetic)
            && !gloss.contains(['.', ',', ':', '„', '“', '"']);
    }
    let Some(t) = at.before.strip_suffix('(') else {
        return false;
    };
    at.after.starts_with(')')
        && trailing_word(t.trim_end()).starts_with(char::is_uppercase)
        && t.ends_with(char::is_whitespace)
}

/// Whether a German quotation follows a speech cue and a comma in its
/// sentence: Er sagte, „…“ dürfe …; behauptete, die Pläne kämen durch
/// „…“ zustande.
fn after_cue_and_comma(at: &Around) -> bool {
    at.head.split(',').rev().skip(1).take(3).any(|part| {
        let part = part.trim_end();
        let mut w = trailing_word(part);
        // A separable prefix after the verb: prangerte an, wies darauf hin.
        if matches!(
            w,
            "an" | "ab" | "aus" | "ein" | "hin" | "vor" | "zu" | "fest"
        ) {
            w = trailing_word(part.get(..part.len() - w.len()).unwrap_or("").trim_end());
        }
        crate::attribution::is_speech_cue(&crate::case::to_lowercase(w))
    })
}

/// Whether the sentence of a German quotation chants or shouts it:
/// skandieren in any form, or rief/riefen not as aufrufen (call on:
/// „rief zu Spenden auf“).
fn is_chant(at: &Around) -> bool {
    let sentence = at.sentence;
    let mut words = sentence.split(|c: char| !c.is_alphabetic());
    let shouted = words.clone().any(|w| matches!(w, "rief" | "riefen"));
    words.any(|w| w.starts_with("skandier"))
        || shouted
            && !sentence
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w == "auf")
}

/// Whether a German quotation is what someone is reproached with:
/// between a form of `vorwerfen` and its particle („warf ihm „…“ vor“).
fn is_reproach(at: &Around) -> bool {
    let verb = at
        .sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "warf" | "warfen" | "wirft" | "werfen" | "werfe"));
    verb && leading_word(at.after) == "vor"
}

/// Whether the sentence of a German quotation goes on with „, so“ and
/// a source: „…“, so ein Sprecher; sei „…“, so die Behörde.
fn has_so_tag(at: &Around) -> bool {
    let clause = at.after.split(['.', '!', '?', '\n']).next().unwrap_or("");
    clause.match_indices(", so ").any(|(i, m)| {
        let rest = clause.get(i + m.len()..).unwrap_or("");
        let w = leading_word(rest);
        matches!(w, "der" | "die" | "das" | "ein" | "eine")
            || (w.starts_with(char::is_uppercase) && w.chars().count() > 2)
    })
}

/// The first word of `text` after spaces ("" if none).
fn leading_word(text: &str) -> &str {
    let t = text.trim_start();
    let end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
        .map_or(t.len(), |(i, _)| i);
    t.get(..end).unwrap_or("")
}

/// Title case as [`is_title_case`] asks it, but in German a phrase that
/// opens with a small word in lower case („zur Kenntnis“, „den Bestand
/// des Staates“) is cut from running text: names open with a capital.
fn title_case(lang: Lang, text: &str) -> bool {
    if lang == Lang::De && text.starts_with(char::is_lowercase) {
        let first = leading_word(text);
        if first.chars().count() <= 3 || GERMAN_TITLE_PREPOSITIONS.contains(first) {
            return false;
        }
    }
    is_title_case(text)
}

/// German names and titles that title case cannot tell (German
/// capitalises every noun): a quotation is a name when it is in another
/// language (die CD „Have a nice day“), follows a kind noun (die
/// Organisation „Reporter ohne Grenzen“, die ARD-Serie „…“), or is a
/// short noun phrase after an article that no speech cue claims (mit
/// seiner „Gardan“).
fn german_name(
    q: &Quote,
    before: &str,
    prev_word: &str,
    content: &str,
    words: usize,
    reported: bool,
) -> bool {
    let punct_end = content.ends_with(['.', '!', '?', ',', '…']);
    if !punct_end && words <= 8 && is_foreign_phrase(content) {
        return true;
    }
    if !punct_end && words <= 6 && adjacent_word(before).is_some_and(is_german_kind_noun) {
        return true;
    }
    !reported
        && !content.ends_with(['.', '!', '?'])
        && (words <= 2 || title_case(Lang::De, content))
        && GERMAN_ARTICLES.binary_search(&prev_word).is_ok()
        && q.attribution.is_none_or(|a| a.cue.is_none())
}

/// Fewest words for an unattributed fragment inside a sentence to count
/// as speech. Two words with no cue near (“night mode”, “soft side”) are
/// mostly a term or a scare quote; counted as speech they would gain a
/// few partial quotations of news copy and mislabel every term.
const MIN_FRAGMENT_WORDS: usize = 3;

/// German nouns for kinds of named things (lower case, matched as the
/// end of a compound: „Fernsehserie“ ends with „serie“), sorted.
const GERMAN_KIND_NOUNS: &[&str] = &[
    "agentur",
    "album",
    "auszeichnung",
    "band",
    "bereich",
    "blatt",
    "buch",
    "bündnis",
    "club",
    "codename",
    "codenamen",
    "enzyklika",
    "festival",
    "film",
    "firma",
    "gruppe",
    "hotel",
    "hurrikan",
    "hurrikans",
    "initiative",
    "kampagne",
    "kategorie",
    "kolumne",
    "konferenz",
    "krimireihe",
    "lied",
    "lokal",
    "magazin",
    "magazines",
    "magazins",
    "marke",
    "mission",
    "modell",
    "modul",
    "motto",
    "musical",
    "name",
    "namen",
    "oper",
    "operation",
    "organisation",
    "partei",
    "plattform",
    "portal",
    "preis",
    "programm",
    "projekt",
    "prädikat",
    "raumfähre",
    "reihe",
    "restaurant",
    "roman",
    "rubrik",
    "schiff",
    "sender",
    "sendung",
    "serie",
    "show",
    "song",
    "sorte",
    "spiel",
    "stiftung",
    "studie",
    "titel",
    "typ",
    "typen",
    "typs",
    "verein",
    "version",
    "video",
    "website",
    "zeitschrift",
    "zeitung",
    "überschrift",
];

/// Whether a German word is (a compound ending in) a kind noun.
fn is_german_kind_noun(word: &str) -> bool {
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let w = crate::case::to_lowercase(word);
    // „Beispiel“ (example) ends like „Spiel“ (game) but names no kind:
    // Parolen wie zum Beispiel „…“.
    w != "beispiel" && GERMAN_KIND_NOUNS.iter().any(|k| w.ends_with(k))
}

/// Words right before a German partial quotation: als „…“, einen „…“,
/// von einer „…“.
const PARTIAL_QUOTE_LEADS: &[&str] = &[
    "als", "den", "ein", "eine", "einen", "einer", "eines", "von", "vor", "zu", "zur",
];

/// German indefinite articles.
const INDEFINITE: &[&str] = &["ein", "eine", "einem", "einen", "einer", "eines"];

/// German verbs of calling and judging that take a quoted word or phrase
/// (lower case, sorted).
static CALLING_VERBS: WordList = word_list!(&[
    "beschrieb",
    "bezeichnet",
    "bezeichnete",
    "bezeichneten",
    "eingestuft",
    "gesprochen",
    "kritisierte",
    "lobte",
    "nannte",
    "nannten",
    "nennt",
    "rechtfertigte",
    "riet",
    "sieht",
    "sprach",
    "sprachen",
    "sprechen",
    "spricht",
    "warnte",
    "warnten",
    "wertete",
    "wies",
    "zurückgewiesen",
]);

/// Whether the sentence around a German quotation names something: a
/// calling verb with the impersonal `man` or the reflexive `sich` ("nennt
/// man", "nennt sich").
#[inline(never)]
fn is_german_naming(hay: &str, span: crate::Span) -> bool {
    let sentence = sentence_around(hay, span);
    // The last two words, so that „nennt sie sich“ counts like „nennt sich“.
    let (mut prev, mut prev2) = ("", "");
    for w in sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let calling = |p: &str| matches!(p, "nennt" | "nannte" | "nennen" | "nannten");
        if matches!(w, "man" | "sich") && (calling(prev) || calling(prev2)) {
            return true;
        }
        prev2 = prev;
        prev = w;
    }
    // „Der Name lautet „…““, „Den Titel gab der Sender bekannt: „…““: the
    // sentence announces a name.
    let head = sentence_head(hay, span);
    let names_a_name = head
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "Name" | "Namen" | "Titel"));
    names_a_name
        && (head.trim_end().ends_with(':')
            || head
                .split(|c: char| !c.is_alphabetic())
                .any(|w| matches!(w, "lautet" | "lautete")))
}

/// Whether the sentence around a German quotation is reported speech:
/// it holds a verb in the subjunctive of indirect speech (sei, habe,
/// komme, würde …), which a news report uses only for what someone said.
fn in_reported_speech(hay: &str, span: crate::Span) -> bool {
    let sentence = sentence_around(hay, span);
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(crate::attribution::is_de_subjunctive)
}

/// The sentence holding `span`, cut at 300 bytes either side.
fn sentence_around(hay: &str, span: crate::Span) -> &str {
    let (start, end) = sentence_bounds(hay, span);
    hay.get(start..end).unwrap_or("")
}

/// The part of the sentence holding `span` before it.
fn sentence_head(hay: &str, span: crate::Span) -> &str {
    hay.get(sentence_start(hay, span)..span.start).unwrap_or("")
}

/// The sentence around a quotation, before it and after it (up to the
/// sentence's end, [`sentence_bounds`]). A quotation that ends with a
/// full stop, question or exclamation mark ends its sentence: what
/// follows is the next one, and the tail is empty.
fn head_and_tail<'a>(hay: &'a str, q: &Quote) -> (&'a str, &'a str) {
    let (start, end) = sentence_bounds(hay, q.span);
    let head = hay.get(start..q.span.start).unwrap_or("");
    let closed = q.content.text(hay).trim_end().ends_with(['.', '!', '?']);
    let tail = if closed {
        ""
    } else {
        hay.get(q.span.end..end).unwrap_or("")
    };
    (head, tail)
}

/// [`english::leads_title`], where no word leads nothing (no bisection
/// of the lists for the empty word).
fn leads_title(word: &str) -> bool {
    !word.is_empty() && english::leads_title(word)
}

/// Whether `trimmed` (the text before a quotation, trimmed at its end)
/// ends with a noun for a work and a comma: a title in apposition to it
/// is the work ("his memoir, “Hard Roads,”").
fn apposed_to_work(trimmed: &str) -> bool {
    trimmed
        .strip_suffix(',')
        .is_some_and(|t| english::is_work_noun(&last_word(t)))
}

/// Whether the sentence holding `span`, up to it ([`sentence_head`]),
/// holds a characterising verb or a naming participle
/// ([`english::is_characterizing`]): the words read back from the
/// quotation, in the pass that looks for the sentence's start, where
/// finding the start and then splitting the head read it twice (and
/// split it through a general iterator). A word is a run of letters and
/// hyphens, as [`crate::text::words_by`] splits; a word cut by the
/// window's start is cut as [`sentence_head`] cuts it. Out of line:
/// asked of few quotations.
#[inline(never)]
fn head_characterizes(hay: &str, span: crate::Span) -> bool {
    let from = window_start(hay, span);
    let Some(head) = hay.get(from..span.start) else {
        return false;
    };
    let bytes = head.as_bytes();
    let word = |start: usize, end: usize| {
        start < end && head.get(start..end).is_some_and(english::is_characterizing)
    };
    // The current word ends at `end`; `i` is where reading stopped.
    let mut end = bytes.len();
    let mut i = bytes.len();
    while let Some(&b) = i.checked_sub(1).and_then(|k| bytes.get(k)) {
        if b.is_ascii() {
            if b.is_ascii_alphabetic() || b == b'-' {
                i -= 1;
                continue;
            }
            if word(i, end) {
                return true;
            }
            if is_sentence_end_byte(&b) {
                return false;
            }
            i -= 1;
            end = i;
        } else {
            // A wide char: back to its first byte (`head` starts on one).
            let mut s = i - 1;
            while s > 0 && bytes.get(s).is_some_and(|&b| b & 0xC0 == 0x80) {
                s -= 1;
            }
            let c = head.get(s..i).and_then(|t| t.chars().next());
            if c.is_some_and(crate::text::is_alphabetic) {
                i = s;
                continue;
            }
            if word(i, end) {
                return true;
            }
            i = s;
            end = s;
        }
    }
    word(0, end)
}

/// Where the sentence holding `span` starts ([`sentence_bounds`], without
/// looking for its end).
fn sentence_start(hay: &str, span: crate::Span) -> usize {
    let from = window_start(hay, span);
    let before = hay.as_bytes().get(from..span.start).unwrap_or_default();
    before
        .iter()
        .rposition(is_sentence_end_byte)
        .map_or(from, |i| from + i + 1)
}

/// How far back [`sentence_start`] looks for the start of the sentence
/// holding `span`: 300 bytes (less, to start on a char).
fn window_start(hay: &str, span: crate::Span) -> usize {
    let mut from = span.start.saturating_sub(300);
    while !hay.is_char_boundary(from) {
        from -= 1;
    }
    from
}

/// A byte that ends a sentence for [`sentence_bounds`]. The ends are
/// ASCII, so a byte scan finds them (an ASCII byte is always a whole
/// character in UTF-8); `str::rfind` with a set of chars decodes every
/// character, which made the scan a fifth of the analysis on text dense
/// with quotation marks.
fn is_sentence_end_byte(b: &u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n')
}

/// Byte bounds of the sentence holding `span` ([`sentence_around`]).
fn sentence_bounds(hay: &str, span: crate::Span) -> (usize, usize) {
    let mut to = span.end.saturating_add(300).min(hay.len());
    while !hay.is_char_boundary(to) {
        to += 1;
    }
    let after = hay.as_bytes().get(span.end..to).unwrap_or_default();
    let end = after
        .iter()
        .position(is_sentence_end_byte)
        .map_or(to, |i| span.end + i);
    (sentence_start(hay, span), end)
}

/// German prepositions of four letters or more, which titles and names
/// keep in lower case (shorter ones [`is_title_case`] skips anyway).
static GERMAN_TITLE_PREPOSITIONS: WordList = word_list!(&[
    "durch", "gegen", "hinter", "nach", "neben", "ohne", "statt", "unter", "wider", "zwischen",
    "über",
]);

/// `text` without its German prepositions, for [`is_title_case`].
fn without_german_prepositions(text: &str) -> String {
    text.split(' ')
        .filter(|w| !GERMAN_TITLE_PREPOSITIONS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Longest text [`looks_like_domain`] searches byte by byte.
const SHORT_SEARCH: usize = 64;

/// Whether `text` is one word shaped like a host name: news.bbc.co.uk.
fn looks_like_domain(text: &str) -> bool {
    // The dot and the ending are ASCII, so bytes find and check them (a
    // byte of a wider char is never ASCII): `rsplit_once` searched with a
    // char searcher, a tenth of the kind decision in dialogue. A long
    // content is searched with `rfind` (`memrchr` underneath, fast on a
    // long run of text, slower to start on a line of dialogue).
    let bytes = text.as_bytes();
    // A host name ends with its ending's lower-case letters: most
    // quotations end with a stop, a comma or a capital, and need no
    // search for a dot.
    if !bytes.last().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let dot = if bytes.len() <= SHORT_SEARCH {
        bytes.iter().rposition(|&b| b == b'.')
    } else {
        text.rfind('.')
    };
    let Some(dot) = dot else {
        return false;
    };
    let tld = bytes.get(dot + 1..).unwrap_or_default();
    // The checks on the ending first: most quotations fail them at once.
    (2..=6).contains(&tld.len())
        && dot > 0
        && tld.iter().all(u8::is_ascii_lowercase)
        && !text.contains(char::is_whitespace)
        && text.get(..dot).is_some_and(|host| {
            host.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        })
}

/// Function words of English, French, Italian and Latin (cum, et,
/// sine) that German
/// does not use, and German ones: a phrase with the first and none of
/// the second is in another language.
static FOREIGN_WORDS: WordList = word_list!(&[
    "a", "and", "cum", "della", "dello", "est", "et", "for", "is", "it", "la", "le", "les", "of",
    "on", "or", "pour", "sine", "the", "to", "with", "you",
]);
static GERMAN_WORDS: WordList = word_list!(&[
    "auf", "das", "dem", "den", "der", "des", "die", "ein", "eine", "für", "im", "ist", "mit",
    "nicht", "und", "von", "zu", "zum", "zur",
]);

fn is_foreign_phrase(text: &str) -> bool {
    let mut foreign = false;
    for w in text.split(|c: char| !c.is_alphabetic()) {
        let w = crate::case::to_lowercase(w);
        if GERMAN_WORDS.contains(w.as_str()) {
            return false;
        }
        foreign |= FOREIGN_WORDS.contains(w.as_str());
    }
    foreign
}

/// The word right before the opening mark, with only spaces between.
fn adjacent_word(before: &str) -> Option<&str> {
    let t = before.strip_suffix(char::is_whitespace)?.trim_end();
    if t.len() + 3 < before.len() {
        return None; // more than a space or two: a line break, a gap
    }
    Some(trailing_word(t)).filter(|w| !w.is_empty())
}

/// The run of letters, digits and hyphens that ends `t` ("" if none).
fn trailing_word(t: &str) -> &str {
    // Most text before a quotation ends with a stop, a mark or a dash:
    // ASCII in no word, or a char of U+2000 to U+203F (quotes, dashes,
    // spaces: none is a letter or digit), known from its bytes.
    match t.as_bytes() {
        [.., b] if b.is_ascii() && !(b.is_ascii_alphanumeric() || *b == b'-') => return "",
        [.., 0xE2, 0x80, _] => return "",
        _ => {}
    }
    let start = t
        .char_indices()
        .rev()
        // The crate's shortcut: a curly quote ends most words before a
        // quotation, and std asks its Unicode tables about it.
        .find(|&(_, c)| !(crate::text::is_alphanumeric(c) || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    t.get(start..).unwrap_or("")
}

/// Whether `before` ends with a possessive: CBS's, NBC’s.
fn after_possessive(before: &str) -> bool {
    ends_possessive(before.trim_end())
}

/// [`after_possessive`] of text already trimmed at its end. The letter
/// first: most words end otherwise, and then no apostrophe is compared.
fn ends_possessive(trimmed: &str) -> bool {
    let Some(head) = trimmed.strip_suffix(['s', 'S']) else {
        return false;
    };
    head.ends_with(['\'', '’'])
}

/// Whether `content` ends with sentence punctuation or a comma (. ! ? , …),
/// read from its last byte where that is ASCII.
fn ends_with_punct(content: &str) -> bool {
    match content.as_bytes().last() {
        Some(b'.' | b'!' | b'?' | b',') => true,
        Some(b) if b.is_ascii() => false,
        _ => content.ends_with('…'),
    }
}

/// `text.trim_end()`, with the spaces and line breaks of ASCII at its end
/// (before most quotations) trimmed byte by byte: `str::trim_end` decodes
/// every char backwards and asks whether it is white space.
fn trim_end(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    // The ASCII chars of White_Space: tab, line feed, vertical tab, form
    // feed, carriage return, space.
    while let Some(b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') =
        end.checked_sub(1).and_then(|i| bytes.get(i))
    {
        end -= 1;
    }
    let t = text.get(..end).unwrap_or("");
    match t.as_bytes() {
        // A char of U+2000 to U+203F last (a closing quote, a dash): only
        // U+2000-U+200A, U+2028, U+2029 and U+202F are spaces.
        [.., 0xE2, 0x80, b] if !matches!(b, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => t,
        // Another wide char last may be a space too (no-break, ideographic …).
        [.., b] if !b.is_ascii() => t.trim_end(),
        _ => t,
    }
}

/// The weight of a quotation's content, its words where CJK text (no
/// spaces between words) counts a word for every two characters,
/// counted the first time a rule asks for it. Its [`crate::count_words`]
/// is kept for the speakers' figures and the text's
/// ([`WordCount::counted`]): trailing spaces, which the rules trim, start
/// no word.
struct WordCount<'a> {
    /// The text, read in place ([`crate::stats::count_words_in`]).
    hay: &'a str,
    /// The quotation's content in it.
    content: crate::Span,
    /// The words, and the weight, once counted.
    count: std::cell::Cell<Option<(usize, usize)>>,
}

impl<'a> WordCount<'a> {
    fn new(hay: &'a str, content: crate::Span) -> WordCount<'a> {
        WordCount {
            hay,
            content,
            count: std::cell::Cell::new(None),
        }
    }

    /// The weight, counted now if no rule asked before. Inlined: most
    /// asks find it counted.
    #[inline]
    fn get(&self) -> usize {
        match self.count.get() {
            Some((_, weight)) => weight,
            None => self.count_now(),
        }
    }

    /// [`WordCount::get`] the first time.
    #[inline(never)]
    fn count_now(&self) -> usize {
        let words = crate::stats::count_words_in(self.hay, self.content);
        let weight = words + cjk_chars(self.content.text(self.hay)) / 2;
        self.count.set(Some((words, weight)));
        weight
    }

    /// The [`crate::count_words`] of the text, if a rule counted it.
    fn counted(&self) -> Option<usize> {
        self.count.get().map(|(words, _)| words)
    }
}

/// Chars of CJK scripts in `text`.
fn cjk_chars(text: &str) -> usize {
    // Most quotations are ASCII: no CJK char to count.
    if text.is_ascii() {
        return 0;
    }
    text.chars()
        .filter(|&c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}'))
        .count()
}

/// Whether every word that is not a short function word starts with a
/// capital: "The Art of the Deal", "Girl Power".
fn is_title_case(text: &str) -> bool {
    let mut any = false;
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let Some(first) = w.chars().next() else {
            continue;
        };
        if w.chars().count() <= 3 && first.is_lowercase() || first.is_numeric() {
            continue; // of, the, and, a, zur, des; numbers (GY-80, 1.1)
        }
        if !first.is_uppercase() {
            return false;
        }
        any = true;
    }
    any
}

/// The last word before `at`, lower-cased ("" if none).
fn last_word(before: &str) -> Cow<'_, str> {
    lower_word(trailing_word(before.trim_end()))
}

/// `word` lower-cased, borrowed when it is ASCII without a capital (most
/// words before a quotation, and the empty word): `to_lowercase` built a
/// `String` for every quotation. Anything else goes through
/// `crate::case::to_lowercase`, so the result is the same.
fn lower_word(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(crate::case::to_lowercase(word))
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lists_sorted() {
        for list in [
            super::GERMAN_ARTICLES,
            super::GERMAN_KIND_NOUNS,
            super::GERMAN_NAME_HEADS,
        ] {
            let mut v = list.to_vec();
            v.sort_unstable();
            assert_eq!(v, list);
        }
    }

    /// [`super::in_sentence_head`] is [`super::sentence_start`] asked
    /// from the other end, for every place before every quotation start,
    /// with sentences near and beyond the window and wide chars at its
    /// edge.
    #[test]
    fn sentence_heads_read_forwards() {
        let long = format!(
            "{}. Wort für Wort {} sagte sie: ",
            "é".repeat(40),
            "ü ".repeat(150)
        );
        for hay in [
            "He said. Then the mayor called it a “mess”.",
            "No stop at all before the “mark”",
            long.as_str(),
        ] {
            for start in (0..=hay.len()).filter(|&i| hay.is_char_boundary(i)) {
                let span = crate::Span::new(start, hay.len());
                let from = super::sentence_start(hay, span);
                for at in (0..=start).filter(|&i| hay.is_char_boundary(i)) {
                    assert_eq!(
                        super::in_sentence_head(hay, at, span),
                        at >= from,
                        "{start} {at}"
                    );
                }
            }
        }
    }

    /// [`super::head_characterizes`] answers as the plain split of the
    /// sentence head does, for every quotation start in texts with
    /// listed words in every case, cut by the window, by stops and by
    /// wide chars (letters, dashes, the Kelvin sign that lowers to k).
    #[test]
    fn heads_characterize_as_split() {
        let long = format!("{} dubbed {}", "x".repeat(290), "ü ".repeat(140));
        let hays = [
            "He said. Then the mayor called it a “mess”.",
            "She DUBBED—it; é-Labeled it, nic\u{212a}named x. Hailed—",
            "no-dubbed dubbed-no -titled- so. termedé étermed termed",
            "Vow: he Characterized it—touted… “x” branded\nbrand",
            long.as_str(),
        ];
        for hay in hays {
            for start in (0..=hay.len()).filter(|&i| hay.is_char_boundary(i)) {
                let span = crate::Span::new(start, hay.len());
                assert_eq!(
                    super::head_characterizes(hay, span),
                    super::english::characterizes(super::sentence_head(hay, span)),
                    "{hay:?} {start}"
                );
            }
        }
    }

    /// The byte shortcuts of `trim_end`, `trailing_word` and
    /// `ends_with_punct` agree with the char-by-char rules they stand
    /// for, on every string of up to three chars from spaces (ASCII and
    /// wide), letters, stops, marks and dashes.
    #[test]
    fn byte_shortcuts_agree_with_chars() {
        let alphabet = [
            " ", "\n", "\t", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "\u{2003}", "\u{3000}",
            "\u{200a}", "\u{200b}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{2030}", "\u{205f}",
            "a", "Z", "é", "7", "-", ".", ",", "!", "…", "”", "—", "\u{2010}", "s", "\'", "’",
        ];
        let all = crate::text::every_string(&alphabet, 3);
        for t in &all {
            assert_eq!(super::trim_end(t), t.trim_end(), "{t:?}");
            let slow = t
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            assert_eq!(super::trailing_word(t), &t[slow..], "{t:?}");
            assert_eq!(
                super::ends_with_punct(t),
                t.ends_with(['.', '!', '?', ',', '…']),
                "{t:?}"
            );
        }
    }

    #[test]
    fn domains() {
        assert!(super::looks_like_domain("news.bbc.co.uk"));
        assert!(super::looks_like_domain("tagesschau.de"));
        assert!(!super::looks_like_domain("Yes."));
        assert!(!super::looks_like_domain("a.b c"));
        assert!(!super::looks_like_domain("3.5"));
    }

    #[test]
    fn name_heads() {
        assert!(super::starts_with_name_head(
            "Gesetz zur Stärkung der Ehrenämter"
        ));
        assert!(super::starts_with_name_head("Sacharow-Preises für Mut"));
        assert!(super::starts_with_name_head("Aktion Saubere Flüsse"));
        // A head alone, or not first, or in lower case, is no name.
        assert!(!super::starts_with_name_head("Gesetz"));
        assert!(!super::starts_with_name_head("Das Gesetz ist hart"));
        assert!(!super::starts_with_name_head("aktion jetzt"));
    }

    #[test]
    fn codes() {
        assert!(super::is_code("T4"));
        assert!(super::is_code("c5"));
        assert!(super::is_code("40+"));
        assert!(super::is_code("2:1"));
        assert!(!super::is_code("Ja"));
        assert!(!super::is_code("G8 Gipfel"));
        assert!(!super::is_code(""));
    }

    #[test]
    fn colon_headlines() {
        let hay = "Senator Reyes: Budget ‘Dead’\n\nText.";
        let (colon, end) = super::colon_headline(hay).unwrap();
        assert_eq!(&hay[colon..colon + 1], ":");
        assert_eq!(&hay[end..end + 1], "\n");
        // A sentence, not a name, before the colon.
        assert!(super::colon_headline("He said it was late, and then: ‘No’\n").is_none());
        // No line break within reach: no headline.
        assert!(super::colon_headline(&"Aa: b ".repeat(100)).is_none());
        assert!(super::colon_headline("").is_none());
    }

    #[test]
    fn list_joints() {
        assert!(super::is_list_joint(", "));
        assert!(super::is_list_joint(" oder "));
        assert!(super::is_list_joint(" and "));
        assert!(!super::is_list_joint(" sagte "));
        assert!(!super::is_list_joint(",\n"));
    }

    #[test]
    fn german_title_case() {
        use crate::Lang;
        assert!(super::title_case(Lang::De, "Hafen der Stille"));
        assert!(!super::title_case(Lang::De, "zur Kenntnis"));
        assert!(!super::title_case(Lang::De, "den Bestand des Staates"));
        assert!(super::title_case(Lang::En, "the Art of the Deal"));
    }

    /// Every packed word is found again (the build checks the order).
    #[test]
    fn word_lists_hold_their_words() {
        for list in [
            &super::NAMING_WORDS,
            &super::FOREIGN_WORDS,
            &super::GERMAN_WORDS,
            &super::CALLING_VERBS,
            &super::GERMAN_TITLE_PREPOSITIONS,
        ] {
            assert!(list.len() > 0);
            assert!(list.iter().all(|w| list.contains(w)));
        }
    }
}
