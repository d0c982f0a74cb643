//! `analyze()`'s and `quotes()`'s results, built as JS objects straight
//! from the [`Analysis`]: the same objects as the [`Report`](crate::Report)
//! through `serde-wasm-bindgen` (same keys, same order, `null` for absent
//! fields), for less time and memory, and so that the main module ships
//! without serde (the widget's module still has it, for
//! `highlightElement()`).
//!
//! Why not the `Report`: every text in it (each sentence, paragraph,
//! quotation, mention, cue) is a Rust `String` copied out of the input,
//! then decoded again into a new JS string, about three copies of the
//! input in all. Here each text is `text.slice(start, end)` of the JS
//! string itself, which V8 keeps as a view into it (no copy, no UTF-8
//! decoding); the fixed strings (kinds, rule names, speaker names) cross
//! once per call, and each key is a setter of its own (`Plain` below). On
//! 1 MB of news this about halved both the time spent past the core (70 →
//! 38 ms per MB, under load) and the result's heap (6.3 → 3.1 MB);
//! BENCHMARKS.md, "The boundary" and "Peak memory".
//!
//! A JS string with a lone surrogate reaches Rust with U+FFFD in its
//! place (one UTF-16 unit too, so offsets agree); the texts must say
//! U+FFFD as well, so such a string is sliced from a copy decoded from
//! Rust's text instead.

use js_sys::{Array, JsString, Object};
use wasm_bindgen::prelude::*;

use crate::attribution::Attribution;
use crate::{Analysis, Quote, QuoteKind, Span, Utf16Map};

#[wasm_bindgen]
extern "C" {
    /// A plain object (`new Object()`), written to by one setter per key:
    /// each compiles to its own `o.key = value` in the glue, a store that
    /// V8 sees with the same key (and mostly the same object shape) every
    /// time. One shared `o[key] = value` for every key made V8's store
    /// megamorphic: half as many instructions again for the objects of
    /// the 3 KB article (0.52 M against 0.34 M, callgrind; BENCHMARKS.md).
    /// Numbers cross as `f64` (no JS value made for them first, which
    /// would be a call of its own). Setting a data property on a fresh
    /// object cannot throw.
    #[wasm_bindgen(extends = Object)]
    type Plain;

    #[wasm_bindgen(method, setter = start)]
    fn set_start(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = end)]
    fn set_end(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = text)]
    fn set_text(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = kind)]
    fn set_kind(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = speaker)]
    fn set_speaker(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = name)]
    fn set_name(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = mention)]
    fn set_mention(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = cue)]
    fn set_cue(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = rule)]
    fn set_rule(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = marks)]
    fn set_marks(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = open)]
    fn set_open(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = close)]
    fn set_close(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = depth)]
    fn set_depth(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = parent)]
    fn set_parent(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = parent)]
    fn set_parent_null(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = quotes)]
    fn set_quotes(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = quotes)]
    fn set_quote_count(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = sentences)]
    fn set_sentences(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = sentences)]
    fn set_sentence_count(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = paragraphs)]
    fn set_paragraphs(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = paragraphs)]
    fn set_paragraph_count(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = speakers)]
    fn set_speakers(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = stats)]
    fn set_stats(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = words)]
    fn set_words(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = mentions)]
    fn set_mentions(this: &Plain, value: &JsValue);
    #[wasm_bindgen(method, setter = readingMinutes)]
    fn set_reading_minutes(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = quotedWords)]
    fn set_quoted_words(this: &Plain, value: f64);
    #[wasm_bindgen(method, setter = quotedShare)]
    fn set_quoted_share(this: &Plain, value: f64);

    /// A JS string, for the method below.
    #[wasm_bindgen(extends = JsString)]
    type Str;
    /// `String.prototype.isWellFormed` (Node 20, browsers since 2023);
    /// throws where it is missing, which reads as "not known to be".
    #[wasm_bindgen(method, catch, js_name = isWellFormed)]
    fn well_formed(this: &Str) -> Result<bool, JsValue>;
}

thread_local! {
    /// `""`, the `close` of a quotation closed by its paragraph's end.
    static EMPTY: JsValue = JsValue::from_str("");
    /// Rule and kind names: a handful of `&'static str`, each made into a
    /// JS string the first time it is used.
    static NAMES: std::cell::RefCell<Vec<(&'static str, JsValue)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The Analysis JSON of `analysis` (which came from `hay`, Rust's copy of
/// the JS string `js`) as plain JS objects.
pub(super) fn analysis_to_js(js: &JsString, hay: &str, analysis: &Analysis) -> JsValue {
    Builder::new(js, hay).analysis(analysis)
}

/// `quotes()`'s result: the quotations of `analysis` whose kind `keep`
/// accepts, as in [`analysis_to_js`] but with `parent` and `depth`
/// referring to the returned list (see `Builder::quotes`).
pub(super) fn quotes_to_js(
    js: &JsString,
    hay: &str,
    analysis: &Analysis,
    keep: impl Fn(QuoteKind) -> bool,
) -> JsValue {
    Builder::new(js, hay)
        .quotes(analysis, &speaker_names(analysis), keep)
        .into()
}

/// The speakers' canonical names as JS strings, in speaker order (what a
/// quotation's `speaker.name` is taken from).
fn speaker_names(a: &Analysis) -> Vec<JsValue> {
    a.speakers
        .iter()
        .map(|s| JsValue::from_str(&s.name))
        .collect()
}

struct Builder<'a> {
    /// The string every text is sliced from.
    source: JsString,
    hay: &'a str,
    map: Utf16Map,
}

impl<'a> Builder<'a> {
    fn new(js: &JsString, hay: &'a str) -> Builder<'a> {
        let source = match js.unchecked_ref::<Str>().well_formed() {
            Ok(true) => js.clone(),
            _ => JsString::from(hay),
        };
        Builder {
            source,
            hay,
            map: Utf16Map::new(hay),
        }
    }

    fn analysis(&self, a: &Analysis) -> JsValue {
        let names = speaker_names(a);
        let o = plain();
        o.set_quotes(&self.quotes(a, &names, |_| true));
        o.set_sentences(&self.spans(&a.sentences));
        o.set_paragraphs(&self.spans(&a.paragraphs));
        o.set_speakers(&self.speakers(a, &names));
        let st = &a.stats;
        let s = plain();
        s.set_words(num(st.words));
        s.set_sentence_count(num(st.sentences));
        s.set_paragraph_count(num(st.paragraphs));
        s.set_reading_minutes(num(st.reading_minutes));
        s.set_quoted_words(num(st.quoted_words));
        s.set_quoted_share(st.quoted_share);
        o.set_stats(&s);
        o.into()
    }

    /// The quotations whose kind `keep` accepts. `parent` and `depth`
    /// refer to the returned list: a quotation whose enclosing one was
    /// left out gets the nearest enclosing one that was kept. With every
    /// quotation kept they are the analysis' own (its depth is the number
    /// of enclosing quotations). One pass: a parent comes before its
    /// children.
    fn quotes(&self, a: &Analysis, names: &[JsValue], keep: impl Fn(QuoteKind) -> bool) -> Array {
        // Made at its length, as for the other lists (no growing).
        let kept = a.quotes.iter().filter(|q| keep(q.kind)).count();
        let out = Array::new_with_length(to_u32(kept));
        // For each quotation: its index in `out` if kept, else that of its
        // nearest kept ancestor.
        let mut kept_as: Vec<Option<usize>> = Vec::with_capacity(a.quotes.len());
        // The depth of each quotation in `out`.
        let mut depths: Vec<u32> = Vec::new();
        for q in &a.quotes {
            let ancestor = q.parent.and_then(|p| kept_as.get(p).copied().flatten());
            if !keep(q.kind) {
                kept_as.push(ancestor);
                continue;
            }
            let depth = ancestor
                .and_then(|i| depths.get(i))
                .map_or(0, |d| d.saturating_add(1));
            let index = depths.len();
            kept_as.push(Some(index));
            depths.push(depth);
            out.set(to_u32(index), self.quote(q, names, ancestor, depth).into());
        }
        out
    }

    /// One quotation, with `parent` and `depth` as given.
    fn quote(&self, q: &Quote, names: &[JsValue], parent: Option<usize>, depth: u32) -> Plain {
        let attr: Option<&Attribution> = q.attribution.as_ref();
        let o = plain();
        o.set_start(self.at(q.span.start));
        o.set_end(self.at(q.span.end));
        o.set_text(&self.slice(q.content));
        o.set_kind(&fixed(q.kind.name()));
        let speaker = attr.and_then(|a| Some((a.speaker, a.mention?)));
        o.set_speaker(&match speaker {
            Some((who, mention)) => {
                let s = plain();
                let name = who.and_then(|i| names.get(i));
                s.set_name(name.unwrap_or(&JsValue::NULL));
                s.set_mention(&self.span(mention));
                s.into()
            }
            None => JsValue::NULL,
        });
        let cue = attr.and_then(|a| a.cue);
        o.set_cue(&cue.map_or(JsValue::NULL, |c| self.span(c).into()));
        let rule = attr.map(|a| fixed(a.rule.name()));
        o.set_rule(rule.as_ref().unwrap_or(&JsValue::NULL));
        let marks = plain();
        marks.set_open(&self.slice(q.open));
        marks.set_close(
            &q.close
                .map_or_else(|| EMPTY.with(JsValue::clone), |c| self.slice(c)),
        );
        o.set_marks(&marks);
        o.set_depth(f64::from(depth));
        match parent {
            Some(p) => o.set_parent(num(p)),
            None => o.set_parent_null(&JsValue::NULL),
        }
        o
    }

    fn speakers(&self, a: &Analysis, names: &[JsValue]) -> Array {
        let out = Array::new_with_length(to_u32(a.speakers.len()));
        for (i, s) in a.speakers.iter().enumerate() {
            let o = plain();
            o.set_name(names.get(i).unwrap_or(&JsValue::NULL));
            o.set_quote_count(num(s.quotes));
            o.set_words(num(s.words));
            // The distinct ways, first use first (as `Report` lists them).
            let mentions = Array::new();
            let mut seen: Vec<&str> = Vec::new();
            for &m in &s.mentions {
                let t = m.text(self.hay);
                if !seen.contains(&t) {
                    seen.push(t);
                    mentions.push(&self.slice(m));
                }
            }
            o.set_mentions(&mentions);
            out.set(to_u32(i), o.into());
        }
        out
    }

    fn spans(&self, spans: &[Span]) -> Array {
        let out = Array::new_with_length(to_u32(spans.len()));
        for (i, &s) in spans.iter().enumerate() {
            out.set(to_u32(i), self.span(s).into());
        }
        out
    }

    /// `{start, end, text}` in UTF-16.
    fn span(&self, s: Span) -> Plain {
        let (start, end) = (self.map.to_utf16(s.start), self.map.to_utf16(s.end));
        let o = plain();
        o.set_start(num(start));
        o.set_end(num(end));
        o.set_text(&self.source.slice(to_u32(start), to_u32(end)));
        o
    }

    fn slice(&self, s: Span) -> JsValue {
        let (start, end) = (self.map.to_utf16(s.start), self.map.to_utf16(s.end));
        self.source.slice(to_u32(start), to_u32(end)).into()
    }

    fn at(&self, byte: usize) -> f64 {
        num(self.map.to_utf16(byte))
    }
}

fn plain() -> Plain {
    Object::new().unchecked_into()
}

/// A count or offset as a JS number (exact: all are below 2^53).
fn num(n: usize) -> f64 {
    // Wasm32 has 32-bit usize, so this is exact; elsewhere, counts of a
    // text under 20 MiB fit in u32 too.
    f64::from(to_u32(n))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The JS string of a fixed name (a kind or rule), made once.
fn fixed(name: &'static str) -> JsValue {
    NAMES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, v)) = cache.iter().find(|(n, _)| *n == name) {
            return v.clone();
        }
        let v = JsValue::from_str(name);
        cache.push((name, v.clone()));
        v
    })
}
