//! Sentence and paragraph splitting: the cases in
//! `testdata/sentences.json` (text → expected sentences, and paragraphs
//! where given), the invariants every split must keep, and property tests
//! on arbitrary input.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quotelens::{paragraphs, sentences, Lang, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    text: String,
    sentences: Vec<String>,
    #[serde(default)]
    paragraphs: Option<Vec<String>>,
}

fn cases() -> Vec<Case> {
    let raw = include_str!("../testdata/sentences.json");
    serde_json::from_str(raw).expect("testdata/sentences.json parses")
}

fn texts<'h>(hay: &'h str, spans: &[Span]) -> Vec<&'h str> {
    spans.iter().map(|s| &hay[s.range()]).collect()
}

/// The invariants of the contract: in order, trimmed, not overlapping, on
/// `char` boundaries, covering every non-whitespace character, and (for
/// sentences) each inside one paragraph.
fn check_invariants(hay: &str, spans: &[Span], what: &str) {
    let mut prev_end = 0;
    for s in spans {
        assert!(s.start < s.end, "{what}: empty span {s:?} in {hay:?}");
        assert!(
            s.start >= prev_end,
            "{what}: overlap or disorder at {s:?} in {hay:?}"
        );
        let t = s
            .get(hay)
            .unwrap_or_else(|| panic!("{what}: {s:?} not on char boundaries in {hay:?}"));
        assert_eq!(t, t.trim(), "{what}: untrimmed {t:?} in {hay:?}");
        // Everything between two spans is whitespace.
        let gap = &hay[prev_end..s.start];
        assert!(
            gap.trim().is_empty(),
            "{what}: uncovered {gap:?} in {hay:?}"
        );
        prev_end = s.end;
    }
    assert!(
        hay[prev_end..].trim().is_empty(),
        "{what}: uncovered tail in {hay:?}"
    );
}

fn check_all(hay: &str, lang: Lang) {
    let paras = paragraphs(hay);
    check_invariants(hay, &paras, "paragraphs");
    let sents = sentences(hay, lang);
    check_invariants(hay, &sents, "sentences");
    for s in &sents {
        assert!(
            paras.iter().any(|p| p.contains(*s)),
            "sentence {s:?} crosses a paragraph break in {hay:?}"
        );
    }
}

#[test]
fn data_file_cases() {
    let cases = cases();
    assert!(cases.len() >= 50, "the data file lost cases");
    let mut failures = Vec::new();
    for case in &cases {
        let lang =
            Lang::from_tag(&case.lang).unwrap_or_else(|| panic!("bad lang in {}", case.name));
        check_all(&case.text, lang);
        let got = texts(&case.text, &sentences(&case.text, lang));
        if got != case.sentences {
            failures.push(format!(
                "{}\n  text: {:?}\n  want: {:?}\n  got:  {:?}",
                case.name, case.text, case.sentences, got
            ));
        }
        if let Some(want) = &case.paragraphs {
            let got = texts(&case.text, &paragraphs(&case.text));
            if &got != want {
                failures.push(format!(
                    "{} (paragraphs)\n  want: {want:?}\n  got:  {got:?}",
                    case.name
                ));
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

#[test]
fn names_are_unique() {
    let cases = cases();
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "duplicate case names");
}

/// Inputs built to hit worst cases: they must finish (the splitter is
/// linear) and keep the invariants.
#[test]
fn pathological_inputs() {
    let n = 200_000;
    let inputs = [
        "x".repeat(n),
        ".".repeat(n),
        ". ".repeat(n / 2),
        "a. ".repeat(n / 3),
        "Mr. ".repeat(n / 4),
        "\"".repeat(n),
        "“".repeat(n / 3),
        "(".repeat(n),
        ")".repeat(n),
        "\"a. B\" ".repeat(n / 7),
        "(a. B) c ".repeat(n / 9),
        "! ".repeat(n / 2),
        "x! - ".repeat(n / 5),
        "1. x ".repeat(n / 5),
        "• ".repeat(n / 4),
        "\n".repeat(n),
        " \n".repeat(n / 2),
        "short line.\n".repeat(n / 12),
        "。".repeat(n / 3),
        "」".repeat(n / 3),
        format!("\"a\"{}b", " ".repeat(n)),
        format!("{}. The", "x".repeat(n)),
    ];
    for hay in &inputs {
        for lang in [Lang::En, Lang::De, Lang::Ja] {
            check_all(hay, lang);
        }
    }
}

/// The sizes the contract names: 1 MB without a space, 100k periods, a
/// 10 MB paste. They must finish quickly (linear time) and stay valid.
#[test]
fn large_inputs() {
    let prose = "“We will not back down,” Dr. Ann Lee said on Jan. 5. The U.S. \
                 plan (worth $4.5 bn.) failed... Why? Nobody knows!\n";
    let paste = prose.repeat(10_000_000 / prose.len() + 1);
    for hay in [
        "x".repeat(1 << 20),
        ".".repeat(100_000),
        ". ".repeat(100_000),
        paste,
    ] {
        let sents = sentences(&hay, Lang::Auto);
        check_invariants(&hay, &sents, "sentences");
    }
}

/// Characters that matter to the splitter, to make random text hit rules.
fn interesting_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        ".", "!", "?", "…", "...", ". . .", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\"", "'", "“",
        "”", "‘", "’", "«", "»", "„", "(", ")", "[", "]", "「", "」", "《", "》", "。", "！", "？",
        "．", "Mr", "Dr", "U.S", "a.m", "e.g", "No", "p", "J", "I", "The", "it", "word", "1", "12",
        "3.5", "a)", "b", "•", "⁃", "--", "—", "-", ":", ",", "Yahoo", "z", "B", "Juni", "é", "Ж",
        "г", "漢", "😀", "\u{200b}", "\u{2028}", "\u{85}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn any_lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_on_punctuation_heavy_text(hay in interesting_text(), lang in any_lang()) {
        check_all(&hay, lang);
    }

    #[test]
    fn invariants_on_arbitrary_text(hay in any::<String>(), lang in any_lang()) {
        check_all(&hay, lang);
    }

    /// Sentences do not depend on text in other paragraphs.
    #[test]
    fn paragraphs_are_independent(a in interesting_text(), b in interesting_text()) {
        let a = a.replace('\n', " ");
        let b = b.replace('\n', " ");
        let joined = format!("{a}\n{b}");
        let whole = texts(&joined, &sentences(&joined, Lang::En));
        let mut parts = texts(&a, &sentences(&a, Lang::En));
        parts.extend(texts(&b, &sentences(&b, Lang::En)));
        prop_assert_eq!(whole, parts);
    }
}
