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
//! decoding); the fixed strings (kinds, rule names, speaker names, keys)
//! cross once per call. On 1 MB of news this about halved both the time
//! spent past the core (70 → 38 ms per MB, under load) and the result's
//! heap (6.3 → 3.1 MB); BENCHMARKS.md, "The boundary" and "Peak memory".
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
    /// A plain object, written to with `o[key] = value` (no `Reflect`, no
    /// try/catch: setting a data property on a fresh object cannot throw).
    #[wasm_bindgen(extends = Object)]
    type Plain;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Plain, key: &JsValue, value: &JsValue);
    /// The same for a number, which crosses as an `f64` (no JS value
    /// made for it first, which would be a call of its own).
    #[wasm_bindgen(method, indexing_setter)]
    fn set_num(this: &Plain, key: &JsValue, value: f64);

    /// A JS string, for the method below.
    #[wasm_bindgen(extends = JsString)]
    type Str;
    /// `String.prototype.isWellFormed` (Node 20, browsers since 2023);
    /// throws where it is missing, which reads as "not known to be".
    #[wasm_bindgen(method, catch, js_name = isWellFormed)]
    fn well_formed(this: &Str) -> Result<bool, JsValue>;
}

/// The property names and fixed values, made into JS strings once per
/// module instance.
macro_rules! keys {
    ($($field:ident = $js:literal),* $(,)?) => {
        struct Keys { $($field: JsValue),* }
        impl Keys {
            fn new() -> Keys {
                Keys { $($field: JsValue::from_str($js)),* }
            }
        }
    };
}

keys! {
    quotes = "quotes", sentences = "sentences", paragraphs = "paragraphs",
    speakers = "speakers", stats = "stats", start = "start", end = "end",
    text = "text", kind = "kind", speaker = "speaker", name = "name",
    mention = "mention", cue = "cue", rule = "rule", marks = "marks",
    open = "open", close = "close", depth = "depth", parent = "parent",
    words = "words", mentions = "mentions", reading_minutes = "readingMinutes",
    quoted_words = "quotedWords", quoted_share = "quotedShare", empty = "",
}

thread_local! {
    static KEYS: Keys = Keys::new();
    /// Rule and kind names: a handful of `&'static str`, each made into a
    /// JS string the first time it is used.
    static NAMES: std::cell::RefCell<Vec<(&'static str, JsValue)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The Analysis JSON of `analysis` (which came from `hay`, Rust's copy of
/// the JS string `js`) as plain JS objects.
pub(super) fn analysis_to_js(js: &JsString, hay: &str, analysis: &Analysis) -> JsValue {
    KEYS.with(|k| Builder::new(k, js, hay).analysis(analysis))
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
    KEYS.with(|k| {
        let b = Builder::new(k, js, hay);
        b.quotes(analysis, &speaker_names(analysis), keep).into()
    })
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
    k: &'a Keys,
    /// The string every text is sliced from.
    source: JsString,
    hay: &'a str,
    map: Utf16Map,
}

impl<'a> Builder<'a> {
    fn new(k: &'a Keys, js: &JsString, hay: &'a str) -> Builder<'a> {
        let source = match js.unchecked_ref::<Str>().well_formed() {
            Ok(true) => js.clone(),
            _ => JsString::from(hay),
        };
        Builder {
            k,
            source,
            hay,
            map: Utf16Map::new(hay),
        }
    }

    fn analysis(&self, a: &Analysis) -> JsValue {
        let k = self.k;
        let names = speaker_names(a);
        let o = plain();
        o.set(&k.quotes, &self.quotes(a, &names, |_| true));
        o.set(&k.sentences, &self.spans(&a.sentences));
        o.set(&k.paragraphs, &self.spans(&a.paragraphs));
        o.set(&k.speakers, &self.speakers(a, &names));
        let st = &a.stats;
        let s = plain();
        s.set_num(&k.words, num(st.words));
        s.set_num(&k.sentences, num(st.sentences));
        s.set_num(&k.paragraphs, num(st.paragraphs));
        s.set_num(&k.reading_minutes, num(st.reading_minutes));
        s.set_num(&k.quoted_words, num(st.quoted_words));
        s.set_num(&k.quoted_share, st.quoted_share);
        o.set(&k.stats, &s);
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
        let k = self.k;
        let attr: Option<&Attribution> = q.attribution.as_ref();
        let o = plain();
        o.set_num(&k.start, self.at(q.span.start));
        o.set_num(&k.end, self.at(q.span.end));
        o.set(&k.text, &self.slice(q.content));
        o.set(&k.kind, &fixed(q.kind.name()));
        let speaker = attr.and_then(|a| Some((a.speaker, a.mention?)));
        o.set(
            &k.speaker,
            &match speaker {
                Some((who, mention)) => {
                    let s = plain();
                    let name = who.and_then(|i| names.get(i));
                    s.set(&k.name, name.unwrap_or(&JsValue::NULL));
                    s.set(&k.mention, &self.span(mention));
                    s.into()
                }
                None => JsValue::NULL,
            },
        );
        let cue = attr.and_then(|a| a.cue);
        o.set(&k.cue, &cue.map_or(JsValue::NULL, |c| self.span(c).into()));
        let rule = attr.map(|a| fixed(a.rule.name()));
        o.set(&k.rule, rule.as_ref().unwrap_or(&JsValue::NULL));
        let marks = plain();
        marks.set(&k.open, &self.slice(q.open));
        marks.set(
            &k.close,
            &q.close.map_or(k.empty.clone(), |c| self.slice(c)),
        );
        o.set(&k.marks, &marks);
        o.set_num(&k.depth, f64::from(depth));
        match parent {
            Some(p) => o.set_num(&k.parent, num(p)),
            None => o.set(&k.parent, &JsValue::NULL),
        }
        o
    }

    fn speakers(&self, a: &Analysis, names: &[JsValue]) -> Array {
        let k = self.k;
        let out = Array::new_with_length(to_u32(a.speakers.len()));
        for (i, s) in a.speakers.iter().enumerate() {
            let o = plain();
            o.set(&k.name, names.get(i).unwrap_or(&JsValue::NULL));
            o.set_num(&k.quotes, num(s.quotes));
            o.set_num(&k.words, num(s.words));
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
            o.set(&k.mentions, &mentions);
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
        let k = self.k;
        let (start, end) = (self.map.to_utf16(s.start), self.map.to_utf16(s.end));
        let o = plain();
        o.set_num(&k.start, num(start));
        o.set_num(&k.end, num(end));
        o.set(&k.text, &self.source.slice(to_u32(start), to_u32(end)));
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
