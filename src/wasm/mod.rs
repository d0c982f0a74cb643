//! WebAssembly bindings (feature `wasm`): conversions only, no logic.
//!
//! These are the functions the npm package `quotelens` exports (built by
//! `wasm-pack build --target web`). Every offset that leaves here is in
//! UTF-16 code units, so `text.slice(start, end)` in JavaScript gives the
//! covered text.
//!
//! ```js
//! import init, { analyze, tokenize, TokenKind } from "quotelens";
//! await init();
//! const a = analyze("“Yes,” she said.", { lang: "en" });
//! const t = tokenize("Hi 😀");        // Uint32Array [start, end, kind, …]
//! ```
//!
//! Every text argument goes through `input.rs` (a string, at most
//! [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES)), and a panic becomes a JS
//! `Error` after which the next call works (`panic.rs`).

mod api;
mod input;
mod objects;
mod panic;

pub use api::{highlight_html, quotes};
#[cfg(feature = "test-panic")]
pub use panic::test_panic;

use js_sys::Object;
use wasm_bindgen::prelude::*;

#[cfg(feature = "dom")]
use crate::Report;
use crate::{Analyzer, Lang, Options};
use input::text_arg;

#[cfg(feature = "dom")]
pub mod dom;
#[cfg(feature = "dom")]
pub use dom::highlight_element;

#[cfg(feature = "bench-boundary")]
mod boundary;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A range of the analyzed string in UTF-16 code units (`start` inclusive,
 * `end` exclusive, so `text.slice(start, end)` is the range) and the text
 * it covers. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** A sentence, trimmed of surrounding whitespace. */
export interface Sentence extends TextSpan {}

/** A paragraph, trimmed of surrounding whitespace. */
export interface Paragraph extends TextSpan {}

/** The opening and closing marks of a quotation as written (`close` is `""`
 * for a quotation closed by the end of its paragraph). */
export interface Marks {
  open: string;
  close: string;
}

/** The speaker of one quotation. */
export interface SpeakerRef {
  /** Canonical name, or `null` for an unresolved mention. */
  name: string | null;
  /** The words that name the speaker at this quotation. */
  mention: TextSpan;
}

/** One quotation. */
export interface Quote {
  /** Start of the whole quotation, marks included (UTF-16). */
  start: number;
  /** End of the whole quotation, marks included (UTF-16). */
  end: number;
  /** The content without the outer marks. */
  text: string;
  /** Someone's words, or a scare quote / title / term. */
  kind: QuoteKind;
  /** Who said it, or `null`. */
  speaker: SpeakerRef | null;
  /** The speech cue ("said", "wrote on X"), or `null`. */
  cue: TextSpan | null;
  /** The name of the attribution rule, or `null`. */
  rule: string | null;
  /** The marks as written. */
  marks: Marks;
  /** Nesting depth, 0 at top level. */
  depth: number;
  /** Index of the enclosing quotation in the same list (`Analysis.quotes`,
   * or what `quotes()` returned), or `null`. */
  parent: number | null;
}

/** A speaker with figures. */
export interface Speaker {
  /** Canonical name. */
  name: string;
  /** Speech quotations attributed to them. */
  quotes: number;
  /** Words in those quotations. */
  words: number;
  /** The distinct ways the text refers to them, first use first. */
  mentions: string[];
}

/** Figures for the whole text. */
export interface Stats {
  words: number;
  sentences: number;
  paragraphs: number;
  readingMinutes: number;
  /** Words inside speech quotations. */
  quotedWords: number;
  /** `quotedWords / words` (0 for an empty text). */
  quotedShare: number;
}

/** The Analysis JSON: what `analyze()` returns and what the CLI prints
 * with `quotelens analyze --json`. */
export interface Analysis {
  quotes: Quote[];
  sentences: Sentence[];
  paragraphs: Paragraph[];
  speakers: Speaker[];
  stats: Stats;
}

/** What a quotation is: `"speech"` (someone's words) or `"other"` (a scare
 * quote, title or term). */
export type QuoteKind = "speech" | "other";

/** Options for `analyze()`. */
export interface AnalyzeOptions {
  /** A BCP 47 language tag ("en", "de-CH", …) as a hint; "auto" or absent
   * for no hint. An unknown tag throws. */
  lang?: string;
}

/** Options for `quotes()`, `highlightHtml()` and `Analyzer`. */
export interface QuoteOptions extends AnalyzeOptions {
  /** The kinds of quotation `quotes()` returns and `highlightHtml()` marks;
   * both when absent. `analyze()` always reports every quotation. */
  kinds?: readonly QuoteKind[];
}
"#;

/// Runs by itself once per instance (installs the panic hook); not for
/// callers, and not exported by the package entries.
#[wasm_bindgen(start)]
fn start() {
    panic::install();
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The largest `text`, in bytes of UTF-8, that the functions accept
/// (20 MiB); a longer one throws. A JS string of `n` UTF-16 units is `n`
/// to `3n` bytes.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> u32 {
    to_u32(crate::MAX_INPUT_BYTES)
}

/// Analyzes `text` and returns the Analysis JSON as a plain object, with
/// UTF-16 offsets into `text`.
///
/// Throws when `text` is not a string or is longer than `maxInputBytes()`,
/// and on an unknown `options.lang`.
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: Option<Object>,
) -> Result<JsValue, JsError> {
    let hay = text_arg(text)?;
    let options = parse_options(options)?;
    let analysis = Analyzer::with_options(options).analyze(&hay);
    // text_arg checked that it is a string.
    Ok(objects::analysis_to_js(
        text.unchecked_ref(),
        &hay,
        &analysis,
    ))
}

/// Converts to plain JS objects, arrays and `null` (JSON-compatible), by
/// serde-wasm-bindgen: only for the widget's `highlightElement()` and the
/// benchmark's exports; the main module builds its objects in `objects.rs`.
#[cfg(any(feature = "dom", feature = "bench-boundary"))]
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The Analysis JSON of `text`, for `highlightElement()`.
#[cfg(feature = "dom")]
#[inline(never)]
fn report(text: &str, options: Options) -> Report {
    let analysis = Analyzer::with_options(options).analyze(text);
    Report::new(text, &analysis)
}

/// The report as a plain JS object (`null` for absent fields).
#[cfg(feature = "dom")]
#[inline(never)]
fn report_to_js(report: &Report) -> Result<JsValue, JsError> {
    to_js(report)
}

fn parse_options(options: Option<Object>) -> Result<Options, JsError> {
    let mut out = Options::default();
    let Some(options) = options else {
        return Ok(out);
    };
    let lang = js_sys::Reflect::get(&options, &JsValue::from_str("lang"))
        .map_err(|_| JsError::new("cannot read options.lang"))?;
    if lang.is_undefined() || lang.is_null() {
        return Ok(out);
    }
    let Some(tag) = lang.as_string() else {
        return Err(JsError::new("options.lang must be a string"));
    };
    out.lang = Lang::from_tag(&tag)
        .ok_or_else(|| JsError::new(&format!("unknown language tag: {}", api::quoted(&lang))))?;
    Ok(out)
}

/// Tokenizes `text` into a flat `Uint32Array` of `[start, end, kind]`
/// triples: `start`/`end` are UTF-16 offsets into `text`, `kind` a
/// `TokenKind` value. Token `i` is at indices `3*i`, `3*i+1`, `3*i+2`.
///
/// Throws when `text` is not a string or is longer than `maxInputBytes()`.
#[wasm_bindgen]
pub fn tokenize(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<Vec<u32>, JsError> {
    let text = text_arg(text)?;
    // The kind values are the core's (`tests/web.rs` checks they agree).
    Ok(crate::token::utf16_triples(&text))
}

/// Wasm32 strings are shorter than 4 GiB, so this never saturates there.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What a token is: the third number of each `tokenize()` triple. The
/// values equal the Rust `quotelens::TokenKind` ones and never change.
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum TokenKind {
    /// A word, including inner apostrophes and hyphens.
    Word = 0,
    /// A number, ordinal, percentage or currency amount.
    Number = 1,
    /// Punctuation other than quotation marks.
    Punctuation = 2,
    /// A quotation mark standing on its own.
    QuoteMark = 3,
    /// A URL.
    Url = 4,
    /// An e-mail address.
    Email = 5,
    /// An @handle.
    Mention = 6,
    /// A #hashtag.
    Hashtag = 7,
    /// An emoji, including ZWJ sequences, flags and skin tones.
    Emoji = 8,
    /// An abbreviation or initials.
    Abbreviation = 9,
    /// A symbol that is not punctuation.
    Symbol = 10,
    /// One CJK ideograph, or a run of kana/hangul.
    Ideograph = 11,
    /// A line break.
    LineBreak = 12,
}

impl From<crate::TokenKind> for TokenKind {
    fn from(kind: crate::TokenKind) -> TokenKind {
        use crate::TokenKind as K;
        match kind {
            K::Word => TokenKind::Word,
            K::Number => TokenKind::Number,
            K::Punctuation => TokenKind::Punctuation,
            K::QuoteMark => TokenKind::QuoteMark,
            K::Url => TokenKind::Url,
            K::Email => TokenKind::Email,
            K::Mention => TokenKind::Mention,
            K::Hashtag => TokenKind::Hashtag,
            K::Emoji => TokenKind::Emoji,
            K::Abbreviation => TokenKind::Abbreviation,
            K::Symbol => TokenKind::Symbol,
            K::Ideograph => TokenKind::Ideograph,
            K::LineBreak => TokenKind::LineBreak,
        }
    }
}

/// The display name of a token kind (`"word"`, `"quoteMark"`, …), the same
/// as the CLI's `tokens --json` prints. `undefined` for an unknown value.
#[wasm_bindgen(js_name = tokenKindName)]
pub fn token_kind_name(kind: u32) -> Option<String> {
    ALL_KINDS
        .iter()
        .find(|k| TokenKind::from(**k) as u32 == kind)
        .map(|k| k.name().to_owned())
}

const ALL_KINDS: [crate::TokenKind; 13] = [
    crate::TokenKind::Word,
    crate::TokenKind::Number,
    crate::TokenKind::Punctuation,
    crate::TokenKind::QuoteMark,
    crate::TokenKind::Url,
    crate::TokenKind::Email,
    crate::TokenKind::Mention,
    crate::TokenKind::Hashtag,
    crate::TokenKind::Emoji,
    crate::TokenKind::Abbreviation,
    crate::TokenKind::Symbol,
    crate::TokenKind::Ideograph,
    crate::TokenKind::LineBreak,
];
