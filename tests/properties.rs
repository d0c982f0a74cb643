//! Properties of every result, on generated news-like text: quotation
//! marks of all kinds, names, speech cues in several languages,
//! apostrophes, line and paragraph breaks, emoji and other astral
//! characters, and now and then any character at all.
//!
//! The invariants themselves live in `tests/invariants/` and are shared
//! with the fuzz targets (`fuzz/`). `tests/quotes.rs` holds the older
//! structure properties on plain character soup.

#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use proptest::prelude::*;
use proptest::sample::select;
use quotelens::{analyze, paragraphs, render_html, Analysis, Analyzer, Lang, Options, Report};

/// Pieces of news copy that exercise the tokenizer, pairing and
/// attribution paths (and their edge cases) when strung together.
const FRAGMENTS: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "「",
    "」",
    "『",
    "』",
    "`",
    "« ",
    " »",
    "Ann Lee",
    "Mr Kirby",
    "Dr. Ruiz",
    "Anna Schmidt",
    "Marie Dubois",
    "President Okafor",
    "the spokesman",
    "he",
    "She",
    "officials",
    "said",
    "says",
    "told reporters",
    "added",
    "wrote on X",
    "according to",
    "sagte",
    "a dit",
    "dijo",
    "ha detto",
    "asked",
    "don’t",
    "it's",
    "Kyiv’s",
    "’90s",
    "rock ’n’ roll",
    "the Smiths’ house",
    "O’Brien",
    "'tis",
    "we",
    "will",
    "not",
    "back",
    "down",
    "the",
    "vote",
    "was",
    "close",
    "U.S.",
    "$4.5bn",
    "50%",
    "3rd",
    "e.g.",
    "@ann",
    "#tag",
    "https://x.y/z?a=1",
    "a@b.co",
    " ",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    ": ",
    "? ",
    "! ",
    "; ",
    " — ",
    "…",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{2028}",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "😀",
    "👩‍🔬",
    "🇩🇪",
    "𝔘𝔫𝔦",
    "灯台",
    "と言った",
    "\u{0}",
    "<b>",
    "&amp;",
];

/// Fragment soup: mostly the pieces above, sometimes any `char`.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            12 => select(FRAGMENTS).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ],
        0..90,
    )
    .prop_map(|parts| parts.concat())
}

const NAMES: &[&str] = &[
    "Ann Lee",
    "Mr Lee",
    "Tom Ruiz",
    "Dr Priya Nair",
    "Ms Nair",
    "Grant Shapps",
    "the harbour master, Rosa Quint,",
    "a spokesman",
    "he",
    "she",
    "Anna Schmidt",
];
const CUES: &[&str] = &["said", "told reporters", "added", "wrote", "warned", "says"];
const CLAUSES: &[&str] = &[
    "We will not back down",
    "The numbers add up",
    "Nobody saw it coming 😀",
    "It’s the town’s front door",
    "Don't call it a \"deal\"",
    "We said ‘never’ and meant it",
    "I’m not sure",
    "Prices rose 5% in the ’90s",
    "灯台は町の宝です",
];

/// One sentence of news copy from a template.
fn sentence() -> impl Strategy<Value = String> {
    (
        0..9u8,
        select(NAMES),
        select(CUES),
        select(CLAUSES),
        select(CLAUSES),
    )
        .prop_map(|(t, who, cue, a, b)| match t {
            0 => format!("“{a},” {who} {cue}."),
            1 => format!("{who} {cue}: “{a}.”"),
            2 => format!("\"{a},\" {cue} {who}. \"{b}.\""),
            3 => format!(
                "The plan was a “{}” at best.",
                a.split(' ').next().unwrap_or(a)
            ),
            4 => format!("“{a} ‘{b}’ today,” {who} {cue}."),
            5 => format!("„{a}“, sagte {who}."),
            6 => format!("« {a} », a dit {who}."),
            7 => format!("{a}, {who} {cue}."),
            _ => format!("“{a}."), // an opening mark left open
        })
}

/// Paragraphs of templated sentences separated by line breaks.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::collection::vec(sentence(), 1..4),
            select(&["\n", "\n\n", "\r\n\r\n", "\n \n"][..]),
        ),
        1..6,
    )
    .prop_map(|paras| {
        let mut s = String::new();
        for (sentences, sep) in paras {
            s.push_str(&sentences.join(" "));
            s.push_str(sep);
        }
        s
    })
}

/// News-like text: an article, fragment soup, or an article with soup
/// spliced in.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        article(),
        soup(),
        (article(), soup(), any::<prop::sample::Index>()).prop_map(|(a, s, at)| {
            let mut cut = at.index(a.len() + 1);
            while !a.is_char_boundary(cut) {
                cut -= 1;
            }
            format!("{}{s}{}", &a[..cut], &a[cut..])
        }),
    ]
}

/// A paragraph unrelated to what comes before: lowercase words and
/// punctuation only, so it has no quotation mark, name, pronoun or speech
/// cue, and no line longer than 80 characters.
fn unrelated() -> impl Strategy<Value = String> {
    prop::collection::vec(
        select(
            &[
                "the", "ferry", "ran", "late", "on", "monday", "and", "nobody", "minded", "rain",
                "fell",
            ][..],
        ),
        1..12,
    )
    .prop_map(|w| format!("{}.", w.join(" ")))
}

fn with_lang(lang: Lang) -> Analyzer {
    let mut o = Options::default();
    o.lang = lang;
    Analyzer::with_options(o)
}

/// What a quotation is, apart from the speaker index (speakers are
/// numbered per text): spans, kind, nesting, attribution spans and the
/// speaker's name.
fn quote_facts(a: &Analysis, upto: usize) -> Vec<String> {
    a.quotes
        .iter()
        .filter(|q| q.span.start < upto)
        .map(|q| {
            let at = q.attribution.map(|at| {
                (
                    at.mention,
                    at.cue,
                    at.rule,
                    at.speaker
                        .and_then(|i| a.speakers.get(i))
                        .map(|s| s.name.clone()),
                )
            });
            format!(
                "{:?} {:?} {:?} {:?} {:?} {} {:?} {:?}",
                q.span, q.content, q.open, q.close, q.kind, q.depth, q.parent, at
            )
        })
        .collect()
}

/// The structure of the quotations only: where they are and how they nest.
fn quote_spans(a: &Analysis, upto: usize) -> Vec<String> {
    a.quotes
        .iter()
        .filter(|q| q.span.start < upto)
        .map(|q| {
            format!(
                "{:?} {:?} {:?} {:?} {} {:?}",
                q.span, q.content, q.open, q.close, q.depth, q.parent
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Byte and UTF-16 spans agree, every `text` is its slice, quotations
    /// nest or are disjoint, mentions lie outside their quotations, tokens
    /// cover every non-space character once, the HTML is our markup around
    /// the escaped text, and a second analysis gives the same result.
    #[test]
    fn every_invariant_holds(hay in text()) {
        invariants::check_all(&hay);
    }

    /// The same with a language hint, for each language's rules.
    #[test]
    fn every_invariant_holds_with_a_language_hint(
        hay in text(),
        lang in select(&[Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::It, Lang::Nl,
                         Lang::Da, Lang::Pl, Lang::Ru, Lang::Ja, Lang::Zh, Lang::Other][..]),
    ) {
        let a = with_lang(lang).analyze(&hay);
        invariants::check_analysis(&hay, &a);
        invariants::check_report(&hay, &a);
        invariants::check_html(&hay, &render_html(&hay, &a));
    }

    /// Results depend on the text alone: analyzing other texts in between
    /// (with the same analyzer or another) changes nothing, in the
    /// analysis, the report or the HTML.
    #[test]
    fn results_do_not_depend_on_earlier_calls(
        hay in text(),
        others in prop::collection::vec(text(), 1..4),
    ) {
        let analyzer = Analyzer::new();
        let first = analyzer.analyze(&hay);
        let report = Report::new(&hay, &first);
        let html = render_html(&hay, &first);
        for o in &others {
            let _ = analyzer.analyze(o);
            let _ = analyze(o);
            let _ = with_lang(Lang::De).analyze(o);
        }
        let again = analyzer.analyze(&hay);
        prop_assert_eq!(&again, &first);
        prop_assert_eq!(&Report::new(&hay, &again), &report);
        prop_assert_eq!(render_html(&hay, &again), html);
        prop_assert_eq!(&analyze(&hay), &first);
    }

    /// Appending an unrelated paragraph (after a blank line: lowercase
    /// words only, no quotation mark, name, pronoun or cue) never changes
    /// the quotations before it: with a language hint nothing about them
    /// changes (spans, kind, nesting, attribution, speaker name); without
    /// one their spans and nesting stay (the guessed language, and with it
    /// kinds and attribution, is a property of the whole text).
    ///
    /// The precise precondition: the paragraphs of the text before stay
    /// the same. Hard-wrapped text (a Gutenberg novel) is detected on the
    /// whole text, so an appended paragraph can switch that detection on
    /// or off; then the paragraphs, and the quotations with them, change
    /// by design, and the case is skipped.
    #[test]
    fn appending_an_unrelated_paragraph_keeps_earlier_quotations(
        hay in text(),
        extra in unrelated(),
        lang in select(&[Lang::En, Lang::De, Lang::Fr][..]),
    ) {
        let longer = format!("{hay}\n\n{extra}");
        let before_paras = paragraphs(&hay);
        let after_paras = paragraphs(&longer);
        prop_assume!(after_paras.starts_with(&before_paras));
        let end = hay.len();
        let (b, a) = (with_lang(lang).analyze(&hay), with_lang(lang).analyze(&longer));
        prop_assert_eq!(quote_facts(&a, end), quote_facts(&b, end), "{:?}", longer);
        let (b, a) = (analyze(&hay), analyze(&longer));
        prop_assert_eq!(quote_spans(&a, end), quote_spans(&b, end), "{:?}", longer);
        // The sentences before stay the same too.
        let sb: Vec<_> = b.sentences.clone();
        let sa: Vec<_> = a.sentences.iter().copied().filter(|s| s.start < end).collect();
        prop_assert_eq!(sa, sb, "{:?}", longer);
    }
}
