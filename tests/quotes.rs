//! Quotation detection and attribution: the cases in
//! `testdata/quotes.json` (texts written for these tests), checked
//! through the Rust API and through the UTF-16 report of the contract,
//! plus the structural promises on arbitrary input.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quotelens::{Analysis, Analyzer, Lang, Options, QuoteKind, Report};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    text: String,
    quotes: Vec<Want>,
}

#[derive(Deserialize)]
struct Want {
    text: String,
    kind: String,
    /// Absent: not checked; `null`: no speaker; a string: the name.
    #[serde(default, deserialize_with = "some")]
    speaker: Option<Option<String>>,
    #[serde(default)]
    depth: Option<u32>,
    #[serde(default)]
    rule: Option<String>,
}

fn some<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("../testdata/quotes.json")).expect("quotes.json parses")
}

fn analyze(text: &str, lang: &str) -> Analysis {
    let mut options = Options::default();
    options.lang = Lang::from_tag(lang).expect("known language tag");
    Analyzer::with_options(options).analyze(text)
}

/// Every case, every field; all failures are listed together.
#[test]
fn corpus_cases() {
    let mut failures = Vec::new();
    for case in cases() {
        let a = analyze(&case.text, &case.lang);
        let got: Vec<(String, &str, u32)> = a
            .quotes
            .iter()
            .map(|q| {
                (
                    q.content.text(&case.text).to_owned(),
                    q.kind.name(),
                    q.depth,
                )
            })
            .collect();
        let want: Vec<(String, &str, u32)> = case
            .quotes
            .iter()
            .map(|w| (w.text.clone(), w.kind.as_str(), w.depth.unwrap_or(0)))
            .collect();
        if got != want {
            failures.push(format!(
                "{}: quotes\n  want {want:?}\n  got  {got:?}",
                case.name
            ));
            continue;
        }
        for (q, w) in a.quotes.iter().zip(&case.quotes) {
            let speaker = q
                .attribution
                .and_then(|at| at.speaker)
                .and_then(|i| a.speakers.get(i))
                .map(|s| s.name.clone());
            if let Some(ws) = &w.speaker {
                if &speaker != ws {
                    failures.push(format!(
                        "{}: speaker of {:?}: want {ws:?}, got {speaker:?}",
                        case.name, w.text
                    ));
                }
            }
            if let Some(rule) = &w.rule {
                let got = q.attribution.map(|at| at.rule.name());
                if got != Some(rule.as_str()) {
                    failures.push(format!(
                        "{}: rule of {:?}: want {rule}, got {got:?}",
                        case.name, w.text
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The report's UTF-16 offsets slice the same text as the byte spans.
#[test]
fn report_offsets_are_utf16() {
    for case in cases() {
        let a = analyze(&case.text, &case.lang);
        let report = Report::new(&case.text, &a);
        let units: Vec<u16> = case.text.encode_utf16().collect();
        let slice = |s: usize, e: usize| String::from_utf16(&units[s..e]).unwrap();
        for (q, r) in a.quotes.iter().zip(&report.quotes) {
            assert_eq!(
                slice(r.start, r.end),
                q.span.text(&case.text),
                "{}",
                case.name
            );
            assert_eq!(r.text, q.content.text(&case.text), "{}", case.name);
            if let Some(sp) = &r.speaker {
                assert_eq!(slice(sp.mention.start, sp.mention.end), sp.mention.text);
            }
        }
        for s in &report.sentences {
            assert_eq!(slice(s.start, s.end), s.text, "{}", case.name);
        }
    }
}

/// Quotations are nested or disjoint, never crossing; each lies inside
/// its parent; a speaker mention lies outside its own quotation.
fn check_structure(hay: &str, a: &Analysis) {
    for (i, q) in a.quotes.iter().enumerate() {
        assert!(q.span.start <= q.content.start && q.content.end <= q.span.end);
        assert!(hay.get(q.span.range()).is_some(), "span on char boundaries");
        for p in &a.quotes[..i] {
            let disjoint = p.span.end <= q.span.start || q.span.end <= p.span.start;
            let nested = p.span.contains(q.span) || q.span.contains(p.span);
            assert!(
                disjoint || nested,
                "crossing quotations {p:?} {q:?} in {hay:?}"
            );
        }
        if let Some(parent) = q.parent {
            assert!(a.quotes[parent].span.contains(q.span));
            assert_eq!(q.depth, a.quotes[parent].depth + 1);
        }
        if let Some(m) = q.attribution.and_then(|at| at.mention) {
            assert!(
                !q.span.overlaps(m),
                "mention inside its quotation in {hay:?}"
            );
        }
        if q.kind == QuoteKind::Other {
            assert!(q.attribution.is_none());
        }
    }
}

#[test]
fn structure_of_corpus_cases() {
    for case in cases() {
        let a = analyze(&case.text, &case.lang);
        check_structure(&case.text, &a);
    }
}

/// Hostile input ends in a result, with no quotation swallowing more than
/// its paragraph.
#[test]
fn unmatched_marks_stay_local() {
    let mut hay = String::new();
    for _ in 0..20_000 {
        hay.push_str("“ „ « ' \" ‘ ");
    }
    hay.push_str("\n\n“Done,” she said.");
    let a = quotelens::analyze(&hay);
    check_structure(&hay, &a);
    let last = a.quotes.last().expect("the closed quotation");
    assert_eq!(last.content.text(&hay), "Done,");
}

#[test]
fn appending_a_paragraph_keeps_earlier_quotes() {
    for case in cases() {
        let before = analyze(&case.text, &case.lang);
        let longer = format!("{}\n\nAn unrelated line “with a quote” here.", case.text);
        let after = analyze(&longer, &case.lang);
        let a: Vec<_> = before.quotes.iter().map(|q| (q.span, q.kind)).collect();
        let b: Vec<_> = after
            .quotes
            .iter()
            .take(a.len())
            .map(|q| (q.span, q.kind))
            .collect();
        assert_eq!(a, b, "{}", case.name);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_keeps_structure(s in "(\\PC|[“”‘’\"'«»„‚「」『』\n ]){0,200}") {
        let a = quotelens::analyze(&s);
        check_structure(&s, &a);
        // Deterministic, whatever came before.
        prop_assert_eq!(&a, &quotelens::analyze(&s));
    }

    #[test]
    fn words_and_marks_keep_structure(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("“"), Just("”"), Just("\""), Just("'"), Just("’"), Just("‘"),
                Just("„"), Just("«"), Just("»"), Just("he said"), Just("Ann Lee"),
                Just(", "), Just(". "), Just("\n\n"), Just("word "), Just("said "),
            ],
            0..60,
        )
    ) {
        let s: String = parts.concat();
        let a = quotelens::analyze(&s);
        check_structure(&s, &a);
    }
}

/// No length cap: a 5 MB quotation over one paragraph is one quotation.
#[test]
fn five_megabyte_quotation() {
    let body = "The tide came in and the tide went out, ".repeat((5 << 20) / 40);
    let hay = format!("“{body}” she said.");
    let a = quotelens::analyze(&hay);
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].span.start, 0);
    assert_eq!(a.quotes[0].content.text(&hay), body.trim_end());
}

/// Marks of every kind, alternating, and marks at the very edges.
#[test]
fn alternating_marks_and_edges() {
    let marks = "“”‘’\"'«»‹›„‚「」『』〝〞《》`´";
    let mut hay = String::new();
    for _ in 0..2_000 {
        for m in marks.chars() {
            hay.push(m);
            hay.push_str("x ");
        }
    }
    let a = quotelens::analyze(&hay);
    check_structure(&hay, &a);
    for edge in ["“", "”", "\"", "“”", "”“", "'", "«", "»", "「", "\"\"\""] {
        let a = quotelens::analyze(edge);
        check_structure(edge, &a);
    }
    let hay = "“Start to finish”";
    let a = quotelens::analyze(hay);
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].content.text(hay), "Start to finish");
}
