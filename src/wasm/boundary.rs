//! Measurement-only exports (feature `bench-boundary`, never in the shipped
//! package): the same analysis as [`super::analyze`], handed to JavaScript
//! in other ways, so `benches/wasm.mjs` can tell where the time goes
//! between the core and a JS object:
//!
//! - `analyzeCore`: the analysis alone; only a count crosses.
//! - `analyzeReport`: plus the [`Report`] (UTF-16 offsets, owned strings).
//! - `analyzeJson`: plus `serde_json`; JS then calls `JSON.parse`.
//! - `analyzeSpans`: the offsets as one `Uint32Array`, no strings (JS
//!   would slice the text itself).
//!
//! - `analyzeSerde`: the Report through `serde-wasm-bindgen`, which is
//!   what `analyze` did before it built its objects itself
//!   (`objects.rs`).

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::{parse_options, to_u32};
use crate::{Analyzer, QuoteKind, Report, Utf16Map};

/// The analysis without crossing the boundary: the number of quotations.
#[wasm_bindgen(js_name = analyzeCore)]
pub fn analyze_core(text: &str, options: Option<Object>) -> Result<u32, JsError> {
    let analysis = Analyzer::with_options(parse_options(options)?).analyze(text);
    Ok(to_u32(analysis.quotes.len()))
}

/// The analysis and its Report, not handed over: the number of sentences.
#[wasm_bindgen(js_name = analyzeReport)]
pub fn analyze_report(text: &str, options: Option<Object>) -> Result<u32, JsError> {
    let analysis = Analyzer::with_options(parse_options(options)?).analyze(text);
    Ok(to_u32(Report::new(text, &analysis).sentences.len()))
}

/// `analyze()` as it was: the Report through `serde-wasm-bindgen`.
#[wasm_bindgen(js_name = analyzeSerde)]
pub fn analyze_serde(text: &str, options: Option<Object>) -> Result<JsValue, JsError> {
    let analysis = Analyzer::with_options(parse_options(options)?).analyze(text);
    super::to_js(&Report::new(text, &analysis))
}

/// The Analysis JSON as a string (what `JSON.parse` turns into the same
/// object `analyze()` returns).
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str, options: Option<Object>) -> Result<String, JsError> {
    let analysis = Analyzer::with_options(parse_options(options)?).analyze(text);
    serde_json::to_string(&Report::new(text, &analysis)).map_err(|e| JsError::new(&e.to_string()))
}

/// The analysis as flat UTF-16 offsets: `[nQuotes, (start, end, speech,
/// speaker or 0xFFFFFFFF, depth) × nQuotes, nSentences, (start, end) ×
/// nSentences, nParagraphs, (start, end) × nParagraphs]`.
#[wasm_bindgen(js_name = analyzeSpans)]
pub fn analyze_spans(text: &str, options: Option<Object>) -> Result<Vec<u32>, JsError> {
    let a = Analyzer::with_options(parse_options(options)?).analyze(text);
    let map = Utf16Map::new(text);
    let at = |byte: usize| to_u32(map.to_utf16(byte));
    let mut out =
        Vec::with_capacity(3 + 5 * a.quotes.len() + 2 * (a.sentences.len() + a.paragraphs.len()));
    out.push(to_u32(a.quotes.len()));
    for q in &a.quotes {
        out.push(at(q.span.start));
        out.push(at(q.span.end));
        out.push(u32::from(q.kind == QuoteKind::Speech));
        let speaker = q.attribution.and_then(|x| x.speaker);
        out.push(speaker.map_or(u32::MAX, to_u32));
        out.push(q.depth);
    }
    for spans in [&a.sentences, &a.paragraphs] {
        out.push(to_u32(spans.len()));
        for s in spans {
            out.push(at(s.start));
            out.push(at(s.end));
        }
    }
    Ok(out)
}

/// `tokenize()`'s input alone: the string checked and copied into wasm
/// memory as `tokenize()` does it; its UTF-8 length crosses back.
#[wasm_bindgen(js_name = textIn)]
pub fn text_in(text: &JsValue) -> Result<u32, JsError> {
    Ok(to_u32(super::input::text_arg(text)?.len()))
}

/// `tokenize()` without its result crossing: the input copied in, the
/// triples made; their count crosses back.
#[wasm_bindgen(js_name = tokenizeCore)]
pub fn tokenize_core(text: &JsValue) -> Result<u32, JsError> {
    let text = super::input::text_arg(text)?;
    Ok(to_u32(crate::token::utf16_triples(&text).len()))
}

/// The tokenizer's scan alone (no UTF-16 offsets, no output vector): the
/// number of tokens.
#[wasm_bindgen(js_name = tokenizeScan)]
pub fn tokenize_scan(text: &JsValue) -> Result<u32, JsError> {
    let text = super::input::text_arg(text)?;
    Ok(to_u32(crate::tokenize(&text).count()))
}
