//! `quotes()` and `highlightHtml()`: the quotations alone, and the text as
//! escaped HTML with a `<mark>` per quotation, both filtered by kind.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::input::text_arg;
use super::{objects, parse_options};
use crate::{Analyzer, Options, QuoteKind};

/// Returns the quotations of `text` (the `quotes` of `analyze()`), only
/// those of the kinds in `options.kinds` if given. `parent` and `depth`
/// then refer to the returned list: a quotation whose enclosing one was
/// left out gets the nearest enclosing one that was kept.
///
/// Throws on a bad `options` (see `analyze()`) or an unknown kind.
#[wasm_bindgen(unchecked_return_type = "Quote[]")]
pub fn quotes(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions")] options: Option<Object>,
) -> Result<JsValue, JsError> {
    let hay = text_arg(text)?;
    let (options, kinds) = parse_quote_options(options)?;
    let analysis = Analyzer::with_options(options).analyze(&hay);
    // text_arg checked that it is a string.
    Ok(objects::quotes_to_js(
        text.unchecked_ref(),
        &hay,
        &analysis,
        |kind| kinds.keeps(kind),
    ))
}

/// Renders `text` as HTML: every character escaped, paragraphs as `<p>`,
/// and each outermost quotation of a kind in `options.kinds` wrapped in
/// `<mark class="q q-speech" data-speaker="Name">` (or `q q-other`;
/// `data-speaker` only when the speaker is known). A quotation over
/// several paragraphs gets a `<mark>` in each.
///
/// Throws on a bad `options` (see `quotes()`).
#[wasm_bindgen(js_name = highlightHtml)]
pub fn highlight_html(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions")] options: Option<Object>,
) -> Result<String, JsError> {
    let text = text_arg(text)?;
    let (options, kinds) = parse_quote_options(options)?;
    let analysis = Analyzer::with_options(options).analyze(&text);
    Ok(crate::html::render_html_marking(&text, &analysis, |q| {
        kinds.keeps(q.kind)
    }))
}

/// The quotation kinds to keep; both by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Kinds {
    speech: bool,
    other: bool,
}

impl Kinds {
    const ALL: Kinds = Kinds {
        speech: true,
        other: true,
    };

    fn keeps(self, kind: QuoteKind) -> bool {
        match kind {
            QuoteKind::Speech => self.speech,
            QuoteKind::Other => self.other,
        }
    }
}

/// `analyze()`'s options plus `kinds`.
fn parse_quote_options(options: Option<Object>) -> Result<(Options, Kinds), JsError> {
    let kinds = match &options {
        None => Kinds::ALL,
        Some(o) => parse_kinds(o)?,
    };
    Ok((parse_options(options)?, kinds))
}

fn parse_kinds(options: &Object) -> Result<Kinds, JsError> {
    let value = Reflect::get(options, &JsValue::from_str("kinds"))
        .map_err(|_| JsError::new("cannot read options.kinds"))?;
    if value.is_undefined() || value.is_null() {
        return Ok(Kinds::ALL);
    }
    let Some(list) = value.dyn_ref::<Array>() else {
        return Err(JsError::new(
            "options.kinds must be an array of \"speech\" and \"other\"",
        ));
    };
    let mut kinds = Kinds {
        speech: false,
        other: false,
    };
    for item in list.iter() {
        match item.as_string().as_deref() {
            Some("speech") => kinds.speech = true,
            Some("other") => kinds.other = true,
            _ => {
                return Err(JsError::new(&format!(
                "unknown quotation kind in options.kinds: {} (expected \"speech\" or \"other\")",
                describe(&item)
            )))
            }
        }
    }
    Ok(kinds)
}

/// A short rendering of a JS value for an error message.
fn describe(value: &JsValue) -> String {
    if value.is_string() {
        quoted(value)
    } else {
        format!("{value:?}")
    }
}

/// A JS string in double quotes for an error message: `JSON.stringify` of
/// it, as the glue's `debugString` (behind `JsValue`'s `Debug`) writes it.
/// Not Rust's `format!("{s:?}")`, whose escaping code and Unicode tables
/// nothing else in the module needs (1.1 KB of it, 0.5 KB gzipped).
pub(crate) fn quoted(value: &JsValue) -> String {
    let debug = format!("{value:?}");
    match debug
        .strip_prefix("JsValue(")
        .and_then(|d| d.strip_suffix(')'))
    {
        Some(inner) => inner.to_string(),
        None => debug,
    }
}
