//! `analyze()`'s and `quotes()`'s results as plain JS objects: the same
//! objects as the [`Report`](crate::Report) through `serde-wasm-bindgen`
//! (same keys, same order, `null` for absent fields), for less time and
//! memory, and so that the main module ships without serde (the widget's
//! module still has it, for `highlightElement()`).
//!
//! Rust lays the analysis out as numbers (a `Vec<u32>`: UTF-16 offsets,
//! counts, indices into a table of names) plus the names in one string,
//! and hands both to `js/objects.js` in one call; that function builds
//! every object with an object literal of a fixed shape. Setting each
//! key from Rust instead (one wasm-to-JS call per key, as this module did
//! before) took 22-50 % of `analyze()`'s time (BENCHMARKS.md, "The
//! boundary"). The numbers cross as a view of wasm memory (no copy),
//! valid while the builder runs: it only reads them and calls nothing
//! that could grow the memory.
//!
//! Each text is `text.slice(start, end)` of the JS string itself, which
//! V8 keeps as a view into it (no copy, no UTF-8 decoding). A JS string
//! with a lone surrogate reached Rust with U+FFFD in its place (one UTF-16
//! unit too, so offsets agree); the builder slices such a string from its
//! well-formed copy, so that the texts say U+FFFD as well. Rust tells it
//! whether the text holds a U+FFFD at all: without one there was no lone
//! surrogate, and the JS string is used as it is.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use crate::{Analysis, Quote, QuoteKind, Span, Utf16Map};

#[wasm_bindgen(module = "/js/objects.js")]
extern "C" {
    /// The Analysis JSON from the layout of [`analysis_to_js`].
    #[wasm_bindgen(js_name = buildAnalysis)]
    fn build_analysis(
        text: &JsString,
        replaced: bool,
        nums: &[u32],
        names: &str,
        quoted_share: f64,
    ) -> JsValue;
    /// `quotes()`'s list from the layout of [`quotes_to_js`].
    #[wasm_bindgen(js_name = buildQuotes)]
    fn build_quotes(text: &JsString, replaced: bool, nums: &[u32], names: &str) -> JsValue;
}

/// The `null` of an offset or index ("no cue", "no parent", …); every real
/// one is smaller (inputs are at most 20 MiB).
const NONE: u32 = u32::MAX;

/// Numbers per quotation (`QUOTE_LEN` in js/objects.js).
const QUOTE_LEN: usize = 17;

/// The Analysis JSON of `analysis` (which came from `hay`, Rust's copy of
/// the JS string `js`) as plain JS objects.
///
/// Layout: `[quotes, sentences, paragraphs, speakers, names` (counts)`,
/// words, sentences, paragraphs, readingMinutes, quotedWords` (stats)`]`,
/// the quotations (see [`Layout::quote`]), each sentence and paragraph as
/// `start, end`, each speaker as `name, quotes, words, mentions` followed
/// by that many `start, end`, and last the names' lengths.
pub(super) fn analysis_to_js(js: &JsString, hay: &str, analysis: &Analysis) -> JsValue {
    let a = analysis;
    let mut l = Layout::new(hay, a);
    let st = &a.stats;
    l.nums.extend(
        [
            a.quotes.len(),
            a.sentences.len(),
            a.paragraphs.len(),
            a.speakers.len(),
            0, // the number of names, known at the end
            st.words,
            st.sentences,
            st.paragraphs,
            st.reading_minutes,
            st.quoted_words,
        ]
        .map(to_u32),
    );
    l.quotes(a, |_| true);
    for &s in a.sentences.iter().chain(&a.paragraphs) {
        l.span(Some(s));
    }
    for (i, s) in a.speakers.iter().enumerate() {
        // The distinct ways, first use first (as `Report` lists them).
        let mut seen: Vec<&str> = Vec::new();
        let mut distinct: Vec<Span> = Vec::new();
        for &m in &s.mentions {
            let t = m.text(hay);
            if !seen.contains(&t) {
                seen.push(t);
                distinct.push(m);
            }
        }
        l.nums
            .extend([i, s.quotes, s.words, distinct.len()].map(to_u32));
        for m in distinct {
            l.span(Some(m));
        }
    }
    let names = l.finish(4);
    build_analysis(js, l.replaced(hay), &l.nums, &names, st.quoted_share)
}

/// `quotes()`'s result: the quotations of `analysis` whose kind `keep`
/// accepts, as in [`analysis_to_js`] but with `parent` and `depth`
/// referring to the returned list (see [`Layout::quotes`]).
///
/// Layout: `[quotes, names]` (counts), the quotations, the names' lengths.
pub(super) fn quotes_to_js(
    js: &JsString,
    hay: &str,
    analysis: &Analysis,
    keep: impl Fn(QuoteKind) -> bool,
) -> JsValue {
    let mut l = Layout::new(hay, analysis);
    let kept = analysis.quotes.iter().filter(|q| keep(q.kind)).count();
    l.nums.extend([to_u32(kept), 0]);
    l.quotes(analysis, keep);
    let names = l.finish(1);
    build_quotes(js, l.replaced(hay), &l.nums, &names)
}

/// The numbers and names for `js/objects.js`, written in order.
struct Layout {
    nums: Vec<u32>,
    /// The speakers' names (speaker `i` is name `i`), then each kind and
    /// rule name used, once.
    names: Vec<&'static str>,
    speaker_names: Vec<String>,
    map: Utf16Map,
    /// Where the last offset was found in `map`: most lie near the one
    /// before (a quotation's marks, text, cue and mention; one sentence
    /// after another), and a search from there is a few steps where one
    /// over the whole text was a third of the time past the core on
    /// dialogue (65,000 quotations a MB).
    hint: usize,
}

impl Layout {
    fn new(hay: &str, a: &Analysis) -> Layout {
        Layout {
            nums: Vec::new(),
            names: Vec::new(),
            speaker_names: a.speakers.iter().map(|s| s.name.clone()).collect(),
            map: Utf16Map::new(hay),
            hint: 0,
        }
    }

    /// The index of a fixed name (a kind or rule) in the names.
    fn fixed(&mut self, name: &'static str) -> u32 {
        let i = match self.names.iter().position(|n| *n == name) {
            Some(i) => i,
            None => {
                self.names.push(name);
                self.names.len() - 1
            }
        };
        to_u32(self.speaker_names.len() + i)
    }

    /// The quotations whose kind `keep` accepts. `parent` and `depth`
    /// refer to the kept list: a quotation whose enclosing one was left
    /// out gets the nearest enclosing one that was kept. With every
    /// quotation kept they are the analysis' own (its depth is the number
    /// of enclosing quotations). One pass: a parent comes before its
    /// children.
    fn quotes(&mut self, a: &Analysis, keep: impl Fn(QuoteKind) -> bool) {
        // For each quotation: its index in the kept list if kept, else
        // that of its nearest kept ancestor.
        let mut kept_as: Vec<Option<usize>> = Vec::with_capacity(a.quotes.len());
        // The depth of each kept quotation.
        let mut depths: Vec<u32> = Vec::new();
        self.nums.reserve(a.quotes.len() * QUOTE_LEN);
        for q in &a.quotes {
            let ancestor = q.parent.and_then(|p| kept_as.get(p).copied().flatten());
            if !keep(q.kind) {
                kept_as.push(ancestor);
                continue;
            }
            let depth = ancestor
                .and_then(|i| depths.get(i))
                .map_or(0, |d| d.saturating_add(1));
            kept_as.push(Some(depths.len()));
            depths.push(depth);
            self.quote(q, ancestor, depth);
        }
    }

    /// One quotation, [`QUOTE_LEN`] numbers: `start, end` (marks included),
    /// the text's `start, end`, kind (a name), the speaker's mention
    /// `start, end` (`NONE` for no speaker) and name (`NONE` for `null`),
    /// the cue's `start, end` (`NONE` for no cue), rule (a name or
    /// `NONE`), the open and close marks' `start, end` (`NONE` for no
    /// close mark), depth, and parent (`NONE` for none).
    fn quote(&mut self, q: &Quote, parent: Option<usize>, depth: u32) {
        let attr = q.attribution.as_ref();
        self.span(Some(q.span));
        self.span(Some(q.content));
        let kind = self.fixed(q.kind.name());
        self.nums.push(kind);
        let speaker = attr.and_then(|a| Some((a.speaker, a.mention?)));
        self.span(speaker.map(|(_, mention)| mention));
        let name = speaker
            .and_then(|(who, _)| who)
            .filter(|&i| i < self.speaker_names.len());
        self.nums.push(name.map_or(NONE, to_u32));
        self.span(attr.and_then(|a| a.cue));
        let rule = attr.map(|a| self.fixed(a.rule.name()));
        self.nums.push(rule.unwrap_or(NONE));
        self.span(Some(q.open));
        self.span(q.close);
        self.nums.push(depth);
        self.nums.push(parent.map_or(NONE, to_u32));
    }

    /// Whether `hay` holds U+FFFD, which is where a lone surrogate of the
    /// JS string would be: only then must the builder check the JS string
    /// (`wellFormed` in js/objects.js, 10 machine instructions per UTF-16
    /// unit in V8, 2.5 % of `analyze()` on 1 MB of news). Not at all for
    /// an ASCII text (as many UTF-16 units as bytes).
    ///
    /// `matches`, not `contains`: for a char outside ASCII `contains` runs
    /// the two-way substring search (9 instructions a byte in wasm, about
    /// as much as it saves), `matches` a `memchr` for the char's last byte
    /// (about 1).
    fn replaced(&self, hay: &str) -> bool {
        self.map.to_utf16(hay.len()) != hay.len() && hay.matches('\u{FFFD}').next().is_some()
    }

    /// `start, end` in UTF-16, or `NONE, NONE`.
    fn span(&mut self, s: Option<Span>) {
        let pair = s.map_or([NONE, NONE], |s| {
            [s.start, s.end].map(|b| to_u32(self.map.to_utf16_near(b, &mut self.hint)))
        });
        self.nums.extend(pair);
    }

    /// Writes the number of names at `count_at`, appends their UTF-16
    /// lengths (last: the kinds and rules used are known only now), and
    /// returns the names joined.
    fn finish(&mut self, count_at: usize) -> String {
        let all: Vec<&str> = self
            .speaker_names
            .iter()
            .map(String::as_str)
            .chain(self.names.iter().copied())
            .collect();
        if let Some(n) = self.nums.get_mut(count_at) {
            *n = to_u32(all.len());
        }
        self.nums
            .extend(all.iter().map(|s| to_u32(s.encode_utf16().count())));
        all.concat()
    }
}

/// A count or offset as a u32 (exact: wasm32 has a 32-bit `usize`, and
/// elsewhere counts of a text under 20 MiB fit too).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
