//! Tokenizer tests: hand-written cases from `testdata/tokens.json`, then
//! properties (order, coverage, char boundaries, no panic) on generated
//! text, then pathological inputs that would expose non-linear time.

#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use proptest::prelude::*;
use quotelens::{tokenize, Token, TokenKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    /// Expected tokens as `[text, kind name]`.
    tokens: Vec<(String, String)>,
}

fn pairs(hay: &str) -> Vec<(String, String)> {
    tokenize(hay)
        .map(|t| (t.span.text(hay).to_owned(), t.kind.name().to_owned()))
        .collect()
}

#[test]
fn data_file_cases() {
    let raw = include_str!("../testdata/tokens.json");
    let cases: Vec<Case> = serde_json::from_str(raw).expect("testdata/tokens.json parses");
    assert!(cases.len() >= 50, "expected the full case file");
    let mut failed = Vec::new();
    for c in &cases {
        let got = pairs(&c.text);
        if got != c.tokens {
            failed.push(format!(
                "case {:?}: {:?}\n  want {:?}\n  got  {:?}",
                c.name, c.text, c.tokens, got
            ));
        }
        check_invariants(&c.text);
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Every property a token stream must have, for any input.
fn check_invariants(hay: &str) {
    let toks: Vec<Token> = tokenize(hay).collect();
    let mut covered = vec![false; hay.len()];
    let mut last_end = 0;
    for t in &toks {
        let s = t.span;
        assert!(s.start < s.end, "empty token {s:?} in {hay:?}");
        assert!(
            s.start >= last_end,
            "out of order / overlap at {s:?} in {hay:?}"
        );
        let text = s
            .get(hay)
            .unwrap_or_else(|| panic!("{s:?} not on char boundaries"));
        if t.kind == TokenKind::LineBreak {
            assert!(
                matches!(
                    text,
                    "\n" | "\r\n" | "\r" | "\u{0B}" | "\u{0C}" | "\u{85}" | "\u{2028}" | "\u{2029}"
                ),
                "bad line break {text:?}"
            );
        } else {
            assert!(
                !text.chars().any(char::is_whitespace),
                "whitespace inside token {text:?} ({:?}) in {hay:?}",
                t.kind
            );
        }
        covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        last_end = s.end;
    }
    for (i, c) in hay.char_indices() {
        let line_break = matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if !c.is_whitespace() || line_break {
            assert!(covered[i], "char {c:?} at {i} not in any token of {hay:?}");
        }
    }
    // The iterator is a pure function of its position: a clone taken
    // halfway gives the same rest.
    let mut it = tokenize(hay);
    let half = toks.len() / 2;
    for _ in 0..half {
        it.next();
    }
    let rest: Vec<Token> = it.clone().collect();
    assert_eq!(rest, toks[half..].to_vec());
    assert_eq!(it.count(), toks.len() - half);
}

/// Characters that exercise every rule, and the ones that break scanners:
/// astral characters, joiners, regional indicators, combining marks, bidi
/// controls, NUL, CR/LF, Prepend.
const POOL: &[&str] = &[
    "a",
    "Z",
    "s",
    "n",
    "e",
    "U",
    "7",
    "0",
    " ",
    " ",
    "\n",
    "\r",
    "\r\n",
    "\t",
    ".",
    ",",
    ":",
    "-",
    "'",
    "’",
    "‘",
    "“",
    "”",
    "\"",
    "`",
    "«",
    "»",
    "@",
    "#",
    "$",
    "£",
    "%",
    "&",
    "_",
    "/",
    "(",
    ")",
    "?",
    "!",
    "…",
    "—",
    "‐",
    "·",
    "é",
    "ß",
    "ё",
    "א",
    "\"",
    "ل",
    "東",
    "か",
    "カ",
    "ー",
    "한",
    "😀",
    "👍",
    "🏽",
    "\u{200D}",
    "\u{FE0F}",
    "\u{20E3}",
    "🇬",
    "🇧",
    "\u{0301}",
    "\u{0308}",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{AD}",
    "\u{200B}",
    "\u{0}",
    "\u{7F}",
    "\u{85}",
    "\u{2028}",
    "\u{A0}",
    "\u{3000}",
    "\u{0600}",
    "\u{094D}",
    "ि",
    "\u{E0041}",
    "𝔘",
    "\u{10FFFF}",
    "\u{FFFD}",
    "http://",
    "https://x.",
    "www.",
    ".com",
    ".uk",
    "Mr",
    "Dr.",
    "U.S.",
    "e.g",
    "’90s",
    "'n'",
    "1,000",
    "3rd",
    "$4.5bn",
    "@x",
    "#y",
    "a@b.co",
];

fn pooled() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn invariants_on_pooled_text(s in pooled()) {
        check_invariants(&s);
    }

    #[test]
    fn invariants_on_any_string(s in any::<String>()) {
        check_invariants(&s);
    }

    #[test]
    fn invariants_on_ascii(s in "[ -~\\n]{0,80}") {
        check_invariants(&s);
    }
}

/// Tokenizes a hostile input to the end. No timed assertion here (timing
/// belongs in benchmarks): quadratic behaviour on 1 MB would hang the
/// suite for hours, linear takes milliseconds. `QUOTELENS_TIMINGS=1`
/// prints the times.
fn run(name: &str, hay: &str) {
    let t = Instant::now();
    let n = tokenize(hay).count();
    assert!(n > 0 || hay.trim().is_empty());
    if std::env::var_os("QUOTELENS_TIMINGS").is_some() {
        eprintln!("{name:<30} {:>9} bytes {:>12.2?}", hay.len(), t.elapsed());
    }
}

#[test]
fn pathological_inputs_finish() {
    const MB: usize = 1 << 20;
    let word = "a".repeat(MB);
    run("1 MB word", &word);
    let toks: Vec<Token> = tokenize(&word).collect();
    assert_eq!(toks.len(), 1);
    assert_eq!(toks[0].kind, TokenKind::Word);

    let cases: Vec<(&str, String)> = vec![
        ("100k apostrophes", "'".repeat(100_000)),
        ("100k curly apostrophes", "’".repeat(100_000)),
        ("apostrophes between letters", "a’".repeat(MB / 4)),
        ("dotted initials", "a.".repeat(MB / 2)),
        ("dotted labels", format!("{}x", "ab.".repeat(MB / 3))),
        ("e-mail local part", format!("{}@", "a.b".repeat(MB / 3))),
        ("domain after @", format!("a@{}", "b.".repeat(MB / 2))),
        ("hyphens", "a-".repeat(MB / 2)),
        ("digits and commas", "1,".repeat(MB / 2)),
        ("url", format!("https://{}", "a/".repeat(MB / 2))),
        (
            "url trailing dots",
            format!("https://x.org{}", ".".repeat(MB)),
        ),
        ("mentions", "@".repeat(MB)),
        ("hashtag digits", format!("#{}", "1".repeat(MB))),
        ("hashtags", "#a".repeat(MB / 2)),
        ("currency", "$".repeat(MB)),
        ("currency digits", format!("${}", "1".repeat(MB))),
        ("signs", "-1".repeat(MB / 2)),
        ("1 MB accented word", "é".repeat(MB / 2)),
        ("combining marks", format!("a{}", "\u{0301}".repeat(MB / 2))),
        ("orphan marks", "\u{0301}".repeat(MB / 2)),
        ("zwj chain", "👍\u{200D}".repeat(MB / 8)),
        ("regional indicators", "🇬".repeat(MB / 4)),
        ("format chars", "\u{200F}".repeat(MB / 3)),
        ("prepend", "\u{0600}".repeat(MB / 2)),
        ("kana", "か".repeat(MB / 3)),
        ("han", "東".repeat(MB / 3)),
        ("line breaks", "\r\n".repeat(MB / 2)),
        ("spaces", " ".repeat(MB)),
        ("abbreviations", "Mr ".repeat(MB / 3)),
        ("possessives", "Smiths’ ".repeat(MB / 8)),
    ];
    for (name, hay) in &cases {
        run(name, hay);
        // The inputs repeat one pattern: the invariants are as well tested
        // on a prefix, at a fraction of the (unoptimised) cost.
        let mut cut = hay.len().min(1 << 16);
        while !hay.is_char_boundary(cut) {
            cut -= 1;
        }
        check_invariants(&hay[..cut]);
    }
}

#[test]
fn ten_megabyte_paste() {
    let para = "“It’s fine,” said Dr. Lee (U.S.), who paid $4.5bn — 50% more — \
                for 1,000 units on Jan. 5; see https://example.com/a. 😀\n";
    let hay = para.repeat((10 << 20) / para.len());
    run("10 MB paste", &hay);
}

#[test]
fn raw_word_bounds_join_to_the_text() {
    let hay = "Dr. O’Brien’s 1,000.50 — 👨‍👩‍👧 東京";
    let joined: String = quotelens::word_bounds(hay).map(|s| s.text(hay)).collect();
    assert_eq!(joined, hay);
}
