//! `highlightElement()`: the quotations of a live DOM element, highlighted
//! in place.
//!
//! The element's visible text nodes are read in document order into one
//! string, with a blank line for every block boundary (`<p>`, `<li>`,
//! headings, `<br>`, anything the page lays out as a block) and nothing
//! between inline elements, so a quotation that runs across a link, an
//! emphasis or two paragraphs is one quotation. White space collapses as
//! the page shows it; the text is kept as runs copied unit for unit from
//! one node, so an analysis offset (UTF-16) maps back to a (text node,
//! offset) pair by a binary search over the runs: no re-scan per quotation.
//!
//! ```js
//! import init, { highlightElement } from "quotelens";
//! await init();
//! const h = highlightElement(document.querySelector("article"), { kinds: ["speech"] });
//! h.analysis.quotes[0].speaker; // who said the first quotation
//! h.ranges[0].toString();       // the quotation as the page shows it
//! h.clear();
//! ```
//!
//! Marking goes one of two ways:
//! - **highlight**: a `Range` per quotation in a `Highlight` of the CSS
//!   Custom Highlight API (`CSS.highlights`), named `quote-lens-speaker-N`,
//!   `quote-lens-speech` or `quote-lens-other`. The DOM is not touched.
//! - **mark**: where that API is missing, text nodes are split at the
//!   quotations' edges and the pieces wrapped in
//!   `<mark data-quote-lens="speaker-N">` elements. Nothing else moves: the
//!   host's elements, their listeners and the user's selection stay.
//!
//! The result's `clear()` undoes either, rejoining the split text nodes.
//! Styling belongs to the caller (`::highlight(quote-lens-speaker-0)`,
//! `mark[data-quote-lens="speaker-0"]`); the `<quote-lens>` element brings
//! its own.

mod highlights;
mod marks;
mod text;

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Range};

use crate::{QuoteReport, Report};
use highlights::{highlight_api, highlight_named, HighlightRegistry, JsHighlight};
use marks::{mark, unmark, Marked};
use text::{read, Layout};

#[wasm_bindgen(typescript_custom_section)]
const TS_HIGHLIGHT_TYPES: &'static str = r#"
/** Options for `highlightElement()`. */
export interface HighlightOptions extends AnalyzeOptions {
  /** Which quotations to mark (default both). */
  kinds?: ("speech" | "other")[];
  /** "highlight" (CSS Custom Highlight API), "mark" (wrap text in
   * `<mark>` elements) or "auto" (the API where the browser has it). */
  mode?: "auto" | "highlight" | "mark";
  /** How many speaker colours (`speaker-0` … `speaker-{colors-1}`), 1–64,
   * default 8; speakers beyond them reuse them in turn. */
  colors?: number;
}

/** What `highlightElement()` returns. */
export interface Highlighting {
  /** The Analysis JSON of the element's text (offsets into `text`). */
  readonly analysis: Analysis;
  /** The text analyzed: the element's visible text, a blank line at each block boundary. */
  readonly text: string;
  /** How the quotations are shown: CSS Custom Highlight API or `<mark>`
   * elements; "none" once cleared. */
  readonly mode: "highlight" | "mark" | "none";
  /** One entry per quotation of `analysis.quotes`: a live `Range` over it,
   * or `null` for a quotation of a kind not marked (empty once cleared).
   * In mark mode they are made on first use: live ranges slow down every
   * later change of the page's DOM. */
  readonly ranges: (Range | null)[];
  /** Removes the highlights or unwraps the marks, joining the text nodes
   * split for them and keeping the user's selection; again does nothing. */
  clear(): void;
}
"#;

/// The attribute on the `<mark>` elements of the fallback; its value is the
/// colour name (`speaker-0`, `speech`, `other`).
pub const MARK_ATTRIBUTE: &str = "data-quote-lens";
/// The attribute on each `<mark>` holding the index of its quotation in
/// `analysis.quotes`.
pub const MARK_QUOTE_ATTRIBUTE: &str = "data-quote-lens-quote";

/// The options of `highlightElement()` besides `lang`.
struct MarkOptions {
    speech: bool,
    other: bool,
    mode: Mode,
    colors: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Auto,
    Highlight,
    Mark,
}

fn parse_mark_options(options: Option<&Object>) -> Result<MarkOptions, JsError> {
    let mut out = MarkOptions {
        speech: true,
        other: true,
        mode: Mode::Auto,
        colors: 8,
    };
    let Some(options) = options else {
        return Ok(out);
    };
    let field = |key: &str| Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let kinds = field("kinds");
    if !kinds.is_undefined() && !kinds.is_null() {
        if !Array::is_array(&kinds) {
            return Err(JsError::new(
                "options.kinds must be an array of \"speech\" and \"other\"",
            ));
        }
        out.speech = false;
        out.other = false;
        for k in Array::from(&kinds).iter() {
            match k.as_string().as_deref() {
                Some("speech") => out.speech = true,
                Some("other") => out.other = true,
                _ => {
                    return Err(JsError::new(&format!(
                        "unknown quotation kind in options.kinds: {k:?}"
                    )))
                }
            }
        }
    }
    let mode = field("mode");
    if !mode.is_undefined() && !mode.is_null() {
        out.mode = match mode.as_string().as_deref() {
            Some("auto") => Mode::Auto,
            Some("highlight") => Mode::Highlight,
            Some("mark") => Mode::Mark,
            _ => {
                return Err(JsError::new(
                    "options.mode must be \"auto\", \"highlight\" or \"mark\"",
                ))
            }
        };
    }
    let colors = field("colors");
    if !colors.is_undefined() && !colors.is_null() {
        match colors.as_f64() {
            Some(n) if (1.0..=64.0).contains(&n) && n.fract() == 0.0 => out.colors = n as usize,
            _ => {
                return Err(JsError::new(
                    "options.colors must be a whole number from 1 to 64",
                ))
            }
        }
    }
    Ok(out)
}

/// The colour name of a quotation: `speaker-N` by the speaker's place in
/// `report.speakers`, else `speech` or `other`.
fn colour(report: &Report, quote: &QuoteReport, colors: usize) -> String {
    if quote.kind != "speech" {
        return "other".to_owned();
    }
    let name = quote.speaker.as_ref().and_then(|s| s.name.as_deref());
    match name.and_then(|n| report.speakers.iter().position(|s| s.name == n)) {
        Some(i) => format!("speaker-{}", i % colors.max(1)),
        None => "speech".to_owned(),
    }
}

/// What `clear()` and the `ranges` and `mode` getters of a
/// `highlightElement()` result work on.
struct Highlighting {
    /// Made on first use in mark mode (see `ranges`).
    ranges: OnceCell<Array>,
    mode: Mode,
    /// Highlight mode: the registry and each (highlight name, range).
    registry: Option<HighlightRegistry>,
    highlighted: Vec<(String, Range)>,
    /// Mark mode: what was marked, in which document, under which root.
    marked: Option<(Document, Element, Marked)>,
}

impl Highlighting {
    fn mode(&self) -> &'static str {
        match self.mode {
            Mode::Highlight => "highlight",
            Mode::Mark => "mark",
            Mode::Auto => "none",
        }
    }

    /// One entry per quotation of `analysis.quotes`: a live `Range` over
    /// it, or `null` for a quotation of a kind not marked. In mark mode
    /// they are made on first use: every live range slows down each later
    /// change of the page's DOM, so none are made unless asked for.
    fn ranges(&self) -> Array {
        self.ranges
            .get_or_init(|| {
                let Some((doc, _, marked)) = &self.marked else {
                    return Array::new();
                };
                marked
                    .points
                    .iter()
                    .map(|p| {
                        p.as_ref()
                            .and_then(|(sn, so, en, eo)| {
                                let r = doc.create_range().ok()?;
                                r.set_start(sn, *so).ok()?;
                                r.set_end(en, *eo).ok()?;
                                Some(JsValue::from(r))
                            })
                            .unwrap_or(JsValue::NULL)
                    })
                    .collect()
            })
            .clone()
    }

    /// Removes the highlights or unwraps the `<mark>` elements, joining
    /// the text nodes split for them (keeping the user's selection).
    /// Calling it again does nothing.
    fn clear(&mut self) {
        if let Some(registry) = self.registry.take() {
            for (name, range) in self.highlighted.drain(..) {
                let found = registry.get_highlight(&name);
                if found.is_undefined() {
                    continue;
                }
                let h: JsHighlight = found.unchecked_into();
                h.delete(&range);
                if h.size() == 0 {
                    registry.delete_highlight(&name);
                }
            }
        }
        if let Some((doc, root, marked)) = self.marked.take() {
            unmark(&doc, &root, marked);
        }
        self.ranges = OnceCell::from(Array::new());
        self.mode = Mode::Auto;
    }
}

/// The result of `highlightElement()` as a plain object (see
/// `Highlighting` in the TypeScript types). A plain object, not an
/// exported class: nothing to `free()`, and the types need no
/// `Symbol.dispose`. Its functions share the state; none holds the object,
/// so the garbage collector frees it all once the object is unreachable.
fn to_object(state: Highlighting, analysis: &JsValue, text: &str) -> Result<JsValue, JsValue> {
    let obj = Object::new();
    Reflect::set(&obj, &"analysis".into(), analysis)?;
    Reflect::set(&obj, &"text".into(), &JsValue::from_str(text))?;
    let state = Rc::new(RefCell::new(state));
    let s = Rc::clone(&state);
    let mode = Closure::<dyn Fn() -> JsValue>::new(move || {
        s.try_borrow()
            .map_or(JsValue::UNDEFINED, |s| s.mode().into())
    });
    let s = Rc::clone(&state);
    let ranges = Closure::<dyn Fn() -> JsValue>::new(move || {
        s.try_borrow()
            .map_or(JsValue::UNDEFINED, |s| s.ranges().into())
    });
    let clear = Closure::<dyn Fn()>::new(move || {
        if let Ok(mut s) = state.try_borrow_mut() {
            s.clear();
        }
    });
    for (name, getter) in [
        ("mode", mode.into_js_value()),
        ("ranges", ranges.into_js_value()),
    ] {
        let descriptor = Object::new();
        Reflect::set(&descriptor, &"get".into(), &getter)?;
        Reflect::set(&descriptor, &"enumerable".into(), &JsValue::TRUE)?;
        Object::define_property(&obj, &name.into(), &descriptor);
    }
    Reflect::set(&obj, &"clear".into(), &clear.into_js_value())?;
    Ok(obj.into())
}

/// Analyzes the visible text of `element` and marks each quotation in place
/// (see the module docs). Returns the analysis, the ranges and `clear()`.
///
/// `<mark data-quote-lens>` elements already in the element that no
/// highlighting owns (markup copied with `innerHTML` while marked, say) are
/// unwrapped first, so nothing is ever wrapped twice.
///
/// Throws on bad options (an unknown `lang`, `kinds`, `mode` or `colors`),
/// or for `mode: "highlight"` where the browser lacks the API.
#[wasm_bindgen(js_name = highlightElement, unchecked_return_type = "Highlighting")]
pub fn highlight_element(
    element: &Element,
    #[wasm_bindgen(unchecked_optional_param_type = "HighlightOptions")] options: Option<Object>,
) -> Result<JsValue, JsError> {
    let state = highlight(element, options)?;
    to_object(state.0, &state.1, &state.2)
        .map_err(|e| JsError::new(&format!("cannot build the result: {e:?}")))
}

/// The work of [`highlight_element`]: the state, the analysis as a JS
/// object and the analyzed text.
fn highlight(
    element: &Element,
    options: Option<Object>,
) -> Result<(Highlighting, JsValue, String), JsError> {
    let marks = parse_mark_options(options.as_ref())?;
    let lang = super::parse_options(options)?;
    let doc = element.owner_document();
    let view = doc.as_ref().and_then(Document::default_view);
    if let Some(doc) = &doc {
        marks::unwrap_stale(doc, element);
    }
    let layout = read(element, view);
    let report = super::report(&layout.text, lang);
    let analysis_js = super::report_to_js(&report)?;

    let api = match marks.mode {
        Mode::Mark => None,
        Mode::Auto => highlight_api(),
        Mode::Highlight => Some(
            highlight_api()
                .ok_or_else(|| JsError::new("this browser has no CSS Custom Highlight API"))?,
        ),
    };
    let wanted: Vec<Option<String>> = report
        .quotes
        .iter()
        .map(|q| {
            let on = if q.kind == "speech" {
                marks.speech
            } else {
                marks.other
            };
            on.then(|| colour(&report, q, marks.colors))
        })
        .collect();
    let mut out = Highlighting {
        ranges: OnceCell::new(),
        mode: Mode::Auto,
        registry: None,
        highlighted: Vec::new(),
        marked: None,
    };
    let Some(doc) = doc else {
        return Ok((out, analysis_js, layout.text));
    };
    if let Some((registry, ctor)) = api {
        out.mode = Mode::Highlight;
        let ranges = Array::new();
        for (q, name) in report.quotes.iter().zip(&wanted) {
            let range = match name {
                Some(name) => range_over(&doc, &layout, q)
                    .map(|r| {
                        let name = format!("quote-lens-{name}");
                        highlight_named(&registry, &ctor, &name).map(|h| {
                            h.add(&r);
                            out.highlighted.push((name, r.clone()));
                            r
                        })
                    })
                    .transpose()
                    .map_err(|e| JsError::new(&format!("cannot highlight: {e:?}")))?,
                None => None,
            };
            ranges.push(&range.map_or(JsValue::NULL, JsValue::from));
        }
        out.ranges = OnceCell::from(ranges);
        out.registry = Some(registry);
    } else {
        out.mode = Mode::Mark;
        let marked = mark(&doc, element, &layout, &report, &wanted)
            .map_err(|e| JsError::new(&format!("cannot mark: {e:?}")))?;
        out.marked = Some((doc, element.clone(), marked));
    }
    Ok((out, analysis_js, layout.text))
}

/// A `Range` over a quotation, or `None` if it covers no text node.
fn range_over(doc: &Document, layout: &Layout, q: &QuoteReport) -> Option<Range> {
    let (start, end) = (to_u32(q.start), to_u32(q.end));
    let (a, ao) = layout.start_point(start)?;
    let (b, bo) = layout.end_point(end)?;
    if (a, ao) >= (b, bo) {
        return None;
    }
    let range = doc.create_range().ok()?;
    range.set_start(&layout.nodes.get(a)?.0, ao).ok()?;
    range.set_end(&layout.nodes.get(b)?.0, bo).ok()?;
    Some(range)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
