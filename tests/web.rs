//! The wasm bindings as JavaScript sees them, run by wasm-bindgen-test in
//! Node (`wasm-pack test --node`) and in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`).
//! `make test` runs both.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use js_sys::{Array, JsString, Object, Reflect, Uint32Array};
use quotelens::wasm::{
    analyze, highlight_html, max_input_bytes, quotes, token_kind_name, tokenize, version, TokenKind,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap() as u32
}

/// A JS string, as the exports take their text.
fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// `text.slice(start, end)` in JS terms.
fn slice(units: &[u16], start: u32, end: u32) -> String {
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

fn sentences(analysis: &JsValue) -> Vec<(u32, u32, String)> {
    let arr: Array = get(analysis, "sentences").dyn_into().unwrap();
    arr.iter()
        .map(|s| {
            (
                num(&s, "start"),
                num(&s, "end"),
                get(&s, "text").as_string().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn analyze_has_the_contract_shape() {
    let a = analyze(&js("One. Two."), None).unwrap();
    for key in ["quotes", "sentences", "paragraphs", "speakers"] {
        assert!(Array::is_array(&get(&a, key)), "{key} is not an array");
    }
    let stats = get(&a, "stats");
    for key in [
        "words",
        "sentences",
        "paragraphs",
        "readingMinutes",
        "quotedWords",
        "quotedShare",
    ] {
        assert!(get(&stats, key).as_f64().is_some(), "stats.{key}");
    }
    // json_compatible: plain objects, not Maps.
    assert!(stats.is_instance_of::<Object>());
    assert!(!stats.is_instance_of::<js_sys::Map>());
    assert_eq!(num(&stats, "sentences"), 2);
}

#[wasm_bindgen_test]
fn sentence_offsets_are_utf16_after_an_emoji() {
    let text = "😀 Tea is hot. Milk is cold.";
    let units = utf16(text);
    let a = analyze(&js(text), None).unwrap();
    let ss = sentences(&a);
    assert_eq!(ss.len(), 2);
    for (start, end, t) in &ss {
        assert_eq!(&slice(&units, *start, *end), t);
    }
    // "😀 Tea is hot. " is 15 UTF-16 units (the emoji is two), 18 bytes.
    assert_eq!(ss[0].0, 0);
    assert_eq!((ss[1].0, ss[1].1), (15, 28));
    assert_eq!(ss[1].2, "Milk is cold.");
    assert_eq!(ss[1].1 as usize, units.len());
}

#[wasm_bindgen_test]
fn analyze_options_lang() {
    let opts = Object::new();
    Reflect::set(&opts, &"lang".into(), &"de-CH".into()).unwrap();
    assert!(analyze(&js("Ja. Nein."), Some(opts)).is_ok());
    let bad = Object::new();
    Reflect::set(&bad, &"lang".into(), &"not a tag".into()).unwrap();
    assert!(analyze(&js("Ja."), Some(bad)).is_err());
    let wrong_type = Object::new();
    Reflect::set(&wrong_type, &"lang".into(), &JsValue::from_f64(3.0)).unwrap();
    assert!(analyze(&js("Ja."), Some(wrong_type)).is_err());
    assert!(analyze(&js("Ja."), Some(Object::new())).is_ok());
}

#[wasm_bindgen_test]
fn tokenize_returns_utf16_triples() {
    let text = "Hi 😀 there 東京";
    let units = utf16(text);
    let flat = tokenize(&js(text)).unwrap();
    // Through JS: a Uint32Array of the same numbers.
    let arr = Uint32Array::from(flat.as_slice());
    assert_eq!(arr.length() as usize, flat.len());
    assert_eq!(flat.len() % 3, 0);
    assert!(!flat.is_empty());
    let mut prev_end = 0;
    for t in flat.chunks_exact(3) {
        let (start, end, kind) = (t[0], t[1], t[2]);
        assert!(prev_end <= start && start < end, "{t:?}");
        assert!(end as usize <= units.len());
        assert!(token_kind_name(kind).is_some(), "kind {kind}");
        // Tokens cover no whitespace at their edges.
        let s = slice(&units, start, end);
        assert_eq!(s.trim(), s);
        prev_end = end;
    }
    let covered: String = flat
        .chunks_exact(3)
        .map(|t| slice(&units, t[0], t[1]))
        .collect();
    assert_eq!(covered, "Hi😀there東京");
    assert_eq!(flat[flat.len() - 2] as usize, units.len());
}

#[wasm_bindgen_test]
fn lone_surrogate_from_js_keeps_offsets() {
    // "a\uD800b. Next." as a JS string: the lone surrogate crosses the
    // boundary as U+FFFD, still one UTF-16 unit.
    let mut units: Vec<u16> = vec![0x61, 0xD800, 0x62];
    units.extend(". Next.".encode_utf16());
    let lone = JsString::from_char_code(&units);
    assert_eq!(lone.length() as usize, units.len());
    // The JS string itself goes in, lone surrogate and all.
    let ss = sentences(&analyze(lone.as_ref(), None).unwrap());
    assert_eq!(ss.len(), 2);
    assert_eq!(ss[0].2, "a\u{FFFD}b.");
    assert_eq!((ss[1].0, ss[1].1), (5, 10));
    assert_eq!(slice(&units, ss[1].0, ss[1].1), "Next.");
}

/// `analyze()` and `quotes()` build their objects themselves
/// (src/wasm/objects.rs); they must be the Analysis JSON of the contract,
/// the `Report` the CLI prints, key for key and in the same order, and
/// `quotes()` its `quotes` filtered by kind. Needs `Serialize` on the
/// Report (feature `serde`: `make test-wasm-node` and the Chromium run,
/// whose `dom` feature has it, turn it on; the main module does not).
#[cfg(feature = "serde")]
#[wasm_bindgen_test]
fn analyze_and_quotes_objects_are_the_reports_json() {
    let texts = [
        "",
        "One. Two.",
        "“We will fight on,” said Jane Roe, the minister. “Never,” she added.\n\nThe \"plan\" failed.",
        "😀 “Yes,” she said. «  Oui  », dit-il.\n\n„Wir schaffen das“, sagte die Kanzlerin.",
        "He said: “It was ‘fine’ then. And it goes on\n\n“Unclosed at the end",
        "According to police, “nothing happened.” Tom said “no,” and Tom said “yes.”",
        // Nested three deep, kinds mixed, so that filtering re-points
        // `parent` and `depth` past a left-out level.
        "“I read ‘the “new” plan’ twice,” said Ana Ruiz. Then “a ‘so-called’ fix” came. \
         Ruiz added: “They said ‘“never”’ to me.”",
    ];
    let filters: [Option<&[&str]>; 5] = [
        None,
        Some(&[]),
        Some(&["speech"]),
        Some(&["other"]),
        Some(&["other", "speech"]),
    ];
    let stringify = |v: &JsValue| String::from(js_sys::JSON::stringify(v).unwrap());
    for hay in texts {
        for lang in [None, Some("de")] {
            let lang_only = lang.map(|l| {
                let o = Object::new();
                Reflect::set(&o, &js("lang"), &js(l)).unwrap();
                o
            });
            let ours = analyze(&js(hay), lang_only.clone()).unwrap();
            let mut o = quotelens::Options::default();
            o.lang = lang.map_or(quotelens::Lang::Auto, |l| {
                quotelens::Lang::from_tag(l).unwrap()
            });
            let analysis = quotelens::Analyzer::with_options(o).analyze(hay);
            let report = serde_json::to_string(&quotelens::Report::new(hay, &analysis)).unwrap();
            let want = js_sys::JSON::parse(&report).unwrap();
            assert_eq!(stringify(&ours), stringify(&want), "{hay:?} {lang:?}");

            for filter in filters {
                // Parsed afresh: expected_quotes changes the objects.
                let all: Array = get(&js_sys::JSON::parse(&report).unwrap(), "quotes")
                    .dyn_into()
                    .unwrap();
                let options = match filter {
                    None => lang_only.clone(),
                    Some(list) => {
                        let o = kinds(list);
                        if let Some(l) = lang {
                            Reflect::set(&o, &js("lang"), &js(l)).unwrap();
                        }
                        Some(o)
                    }
                };
                let got = quotes(&js(hay), options).unwrap();
                let want = expected_quotes(&all, filter.unwrap_or(&["speech", "other"]));
                assert_eq!(
                    stringify(&got),
                    stringify(&want),
                    "{hay:?} {lang:?} {filter:?}"
                );
            }
        }
    }
}

/// What `quotes()` must return for the kinds `keep`, from the Report's
/// `quotes` (parsed JSON): the kept ones, each with `parent` the index of
/// its nearest kept enclosing quotation and `depth` the number of kept
/// enclosing ones. Found by walking up the parents, not by objects.rs's
/// one pass.
#[cfg(feature = "serde")]
fn expected_quotes(all: &Array, keep: &[&str]) -> Array {
    let kind: Vec<String> = all
        .iter()
        .map(|q| get(&q, "kind").as_string().unwrap())
        .collect();
    let parent: Vec<Option<usize>> = all
        .iter()
        .map(|q| get(&q, "parent").as_f64().map(|p| p as usize))
        .collect();
    let kept: Vec<usize> = (0..kind.len())
        .filter(|&i| keep.contains(&kind[i].as_str()))
        .collect();
    let out = Array::new();
    for &i in &kept {
        let mut enclosing = Vec::new();
        let mut p = parent[i];
        while let Some(j) = p {
            if kept.contains(&j) {
                enclosing.push(j);
            }
            p = parent[j];
        }
        let new_parent = enclosing.first().map_or(JsValue::NULL, |j| {
            JsValue::from_f64(kept.iter().position(|k| k == j).unwrap() as f64)
        });
        let q = all.get(i as u32);
        Reflect::set(&q, &js("parent"), &new_parent).unwrap();
        Reflect::set(&q, &js("depth"), &JsValue::from_f64(enclosing.len() as f64)).unwrap();
        out.push(&q);
    }
    out
}

#[wasm_bindgen_test]
fn token_kind_values_match_the_rust_enum() {
    use quotelens::TokenKind as K;
    let pairs = [
        (K::Word, TokenKind::Word),
        (K::Number, TokenKind::Number),
        (K::Punctuation, TokenKind::Punctuation),
        (K::QuoteMark, TokenKind::QuoteMark),
        (K::Url, TokenKind::Url),
        (K::Email, TokenKind::Email),
        (K::Mention, TokenKind::Mention),
        (K::Hashtag, TokenKind::Hashtag),
        (K::Emoji, TokenKind::Emoji),
        (K::Abbreviation, TokenKind::Abbreviation),
        (K::Symbol, TokenKind::Symbol),
        (K::Ideograph, TokenKind::Ideograph),
        (K::LineBreak, TokenKind::LineBreak),
    ];
    for (rust, js) in pairs {
        assert_eq!(rust as u8 as u32, js as u32, "{rust:?}");
        assert_eq!(TokenKind::from(rust), js);
        assert_eq!(token_kind_name(js as u32).as_deref(), Some(rust.name()));
    }
    assert_eq!(token_kind_name(13), None);
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn quotations_and_speakers_with_utf16_offsets() {
    let text = "🇺🇦 Port Minister Ada Lind spoke. “We reopen on Monday,” Ms Lind said. \
                The “plan” was late.";
    let units = utf16(text);
    let a = analyze(&js(text), None).unwrap();
    let quotes: Array = get(&a, "quotes").dyn_into().unwrap();
    assert_eq!(quotes.length(), 2);
    let q = quotes.get(0);
    assert_eq!(
        slice(&units, num(&q, "start"), num(&q, "end")),
        "“We reopen on Monday,”"
    );
    assert_eq!(get(&q, "kind").as_string().unwrap(), "speech");
    let speaker = get(&q, "speaker");
    assert_eq!(get(&speaker, "name").as_string().unwrap(), "Ada Lind");
    let mention = get(&speaker, "mention");
    assert_eq!(
        slice(&units, num(&mention, "start"), num(&mention, "end")),
        "Ms Lind"
    );
    let other = quotes.get(1);
    assert_eq!(get(&other, "kind").as_string().unwrap(), "other");
    assert!(get(&other, "speaker").is_null());
}

/// `{ kinds: [...] }` as a JS options object.
fn kinds(list: &[&str]) -> Object {
    let o = Object::new();
    let arr: Array = list.iter().map(|k| JsValue::from_str(k)).collect();
    Reflect::set(&o, &"kinds".into(), &arr).unwrap();
    o
}

#[wasm_bindgen_test]
fn quotes_and_highlight_html_filter_by_kind() {
    let text = "“They call it ‘a quick fix’,” said Tom Ruiz. A <b>bold</b> “plan”.";
    let all: Array = quotes(&js(text), None).unwrap().dyn_into().unwrap();
    assert_eq!(all.length(), 3);
    let other: Array = quotes(&js(text), Some(kinds(&["other"])))
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(other.length(), 2);
    // The nested scare quote lost its (speech) parent: top level now.
    assert!(get(&other.get(0), "parent").is_null());
    assert_eq!(num(&other.get(0), "depth"), 0);
    assert!(quotes(&js(text), Some(kinds(&["song"]))).is_err());

    let html = highlight_html(&js(text), Some(kinds(&["speech"]))).unwrap();
    assert_eq!(html.matches("<mark").count(), 1);
    assert!(html.contains("data-speaker=\"Tom Ruiz\""));
    assert!(html.contains("&lt;b&gt;bold&lt;/b&gt; “plan”"));
}

#[wasm_bindgen_test]
fn text_must_be_a_string_within_the_limit() {
    assert!(analyze(&JsValue::from_f64(1.0), None).is_err());
    assert!(tokenize(&JsValue::NULL).is_err());
    assert_eq!(max_input_bytes() as usize, quotelens::MAX_INPUT_BYTES);
    let long = JsString::from("a").repeat(max_input_bytes() as i32 + 1);
    assert!(highlight_html(long.as_ref(), None).is_err());
}
