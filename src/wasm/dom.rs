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

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Range, Text, Window};

use crate::{QuoteReport, Report};

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

/// Node types of the DOM (`Node.nodeType`).
const ELEMENT_NODE: u16 = 1;
const TEXT_NODE: u16 = 3;
const CDATA_SECTION_NODE: u16 = 4;

/// Elements whose content is not article text.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "textarea", "select", "svg", "math", "iframe",
    "object", "canvas", "video", "audio", "head", "title", "meta", "link", "button", "input",
];

/// Elements that are blocks by default, for an element that has no
/// computed style (not in a rendered document).
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// The attribute on the `<mark>` elements of the fallback; its value is the
/// colour name (`speaker-0`, `speech`, `other`).
pub const MARK_ATTRIBUTE: &str = "data-quote-lens";
/// The attribute on each `<mark>` holding the index of its quotation in
/// `analysis.quotes`.
pub const MARK_QUOTE_ATTRIBUTE: &str = "data-quote-lens-quote";

/// The text of an element as analyzed, and where each text node sits in it.
#[derive(Default)]
struct Layout {
    text: String,
    /// UTF-16 length of `text`.
    len: u32,
    /// The text nodes read, in document order, with their UTF-16 lengths.
    nodes: Vec<(Text, u32)>,
    /// Stretches of `text` copied unit for unit from one node, ascending
    /// and none empty. Collapsed white space falls between two of them.
    runs: Vec<Run>,
    /// A block boundary was passed since the last text.
    pending_break: bool,
    /// The text so far ends in white space (or a break, or is empty), so
    /// white space that follows collapses away.
    after_space: bool,
}

/// `text[text..text + len]` is `nodes[node]`'s data from `node_at` on.
#[derive(Clone, Copy)]
struct Run {
    text: u32,
    node_at: u32,
    len: u32,
    node: usize,
}

/// White space that HTML collapses (not U+00A0).
fn collapsible(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\r' | '\t' | '\u{c}')
}

impl Layout {
    /// A block boundary: the next text starts a new paragraph. A blank
    /// line (not a single line break) separates them, so that the
    /// paragraph rules never mistake a run of short blocks for wrapped
    /// lines.
    fn push_break(&mut self) {
        if !self.text.is_empty() {
            self.pending_break = true;
        }
    }

    /// Appends a text node's data as the page renders it: outside
    /// preformatted text a run of white space is one space, and none at
    /// the start of a paragraph or after another space.
    fn push_text(&mut self, node: Text, data: &str, pre: bool) {
        let index = self.nodes.len();
        let mut at = 0u32; // UTF-16 offset in the node
        let mut run: Option<Run> = None;
        for c in data.chars() {
            let units = c.len_utf16() as u32;
            let space = collapsible(c);
            if space && !pre && (self.after_space || self.pending_break || self.text.is_empty()) {
                // Skipped: close the run; the next starts after this char.
                if let Some(r) = run.take() {
                    self.runs.push(r);
                }
                at = at.saturating_add(units);
                continue;
            }
            if self.pending_break {
                if let Some(r) = run.take() {
                    self.runs.push(r);
                }
                self.text.push_str("\n\n");
                self.len = self.len.saturating_add(2);
                self.pending_break = false;
            }
            let r = run.get_or_insert(Run {
                text: self.len,
                node_at: at,
                len: 0,
                node: index,
            });
            r.len = r.len.saturating_add(units);
            self.text.push(if space && !pre { ' ' } else { c });
            self.len = self.len.saturating_add(units);
            self.after_space = space;
            at = at.saturating_add(units);
        }
        if let Some(r) = run {
            self.runs.push(r);
        }
        if at > 0 {
            self.nodes.push((node, at));
        }
    }

    /// The node and offset where a range starting at `at` starts: in the
    /// first run ending after `at` (at its start if `at` falls before it).
    fn start_point(&self, at: u32) -> Option<(usize, u32)> {
        let i = self.runs.partition_point(|r| r.text + r.len <= at);
        let r = self.runs.get(i)?;
        Some((r.node, r.node_at + at.saturating_sub(r.text)))
    }

    /// The node and offset where a range ending at `at` ends: in the last
    /// run starting before `at` (at its end if `at` falls after it).
    fn end_point(&self, at: u32) -> Option<(usize, u32)> {
        let i = self.runs.partition_point(|r| r.text < at).checked_sub(1)?;
        let r = self.runs.get(i)?;
        Some((r.node, r.node_at + at.min(r.text + r.len) - r.text))
    }

    /// The pieces of `[start, end)` in each node: `(node, from, to)` in
    /// node offsets, in order, none empty.
    fn segments(&self, start: u32, end: u32) -> Vec<(usize, u32, u32)> {
        let first = self.runs.partition_point(|r| r.text + r.len <= start);
        let last = self.runs.partition_point(|r| r.text < end);
        let mut out: Vec<(usize, u32, u32)> = Vec::new();
        for r in self.runs.get(first..last).unwrap_or_default() {
            let from = r.node_at + start.max(r.text).saturating_sub(r.text);
            let to = r.node_at + end.min(r.text + r.len).saturating_sub(r.text);
            if from >= to {
                continue;
            }
            match out.last_mut() {
                // Runs of one node are joined with the space skipped between them.
                Some(seg) if seg.0 == r.node => seg.2 = to,
                _ => out.push((r.node, from, to)),
            }
        }
        out
    }
}

/// How an element takes part in the text.
#[derive(Clone, Copy)]
struct Flow {
    /// Its text nodes are shown.
    visible: bool,
    /// Line breaks in its text are kept.
    pre: bool,
    /// It is a block: a paragraph boundary before and after.
    block: bool,
}

/// What to do with an element: skip its subtree, treat it as a line break,
/// or enter it.
enum Step {
    Skip,
    Break,
    Enter(Flow),
}

/// Reads computed styles. The property names cross into JavaScript once,
/// not once per element.
struct Styles {
    view: Option<Window>,
    /// `display`, `visibility`, `whiteSpaceCollapse`, `whiteSpace`, `hidden`.
    keys: [JsValue; 5],
}

impl Styles {
    fn new(view: Option<Window>) -> Styles {
        let keys = [
            "display",
            "visibility",
            "whiteSpaceCollapse",
            "whiteSpace",
            "hidden",
        ];
        Styles {
            view,
            keys: keys.map(JsValue::from_str),
        }
    }

    fn get(target: &JsValue, key: &JsValue) -> String {
        Reflect::get(target, key)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }
}

fn classify(el: &Element, parent: Flow, styles: &Styles) -> Step {
    let [display_key, visibility_key, collapse_key, white_space_key, hidden_key] = &styles.keys;
    let tag = el.local_name().to_ascii_lowercase();
    let hidden = Reflect::get(el, hidden_key).is_ok_and(|v| v.is_truthy());
    if SKIPPED.contains(&tag.as_str()) || hidden {
        return Step::Skip;
    }
    if tag == "br" {
        return Step::Break;
    }
    let style: JsValue = match styles
        .view
        .as_ref()
        .and_then(|v| v.get_computed_style(el).ok().flatten())
    {
        Some(s) => s.into(),
        None => JsValue::UNDEFINED,
    };
    let display = Styles::get(&style, display_key);
    if display == "none" {
        return Step::Skip;
    }
    if display.is_empty() {
        // No computed style (a detached element): go by the tag.
        return Step::Enter(Flow {
            visible: parent.visible,
            pre: parent.pre || tag == "pre",
            block: BLOCKS.contains(&tag.as_str()),
        });
    }
    let block =
        !(display.starts_with("inline") || display == "contents" || display.starts_with("ruby"));
    let visibility = Styles::get(&style, visibility_key);
    let collapse = match Styles::get(&style, collapse_key) {
        s if s.is_empty() => Styles::get(&style, white_space_key),
        s => s,
    };
    Step::Enter(Flow {
        visible: visibility != "hidden" && visibility != "collapse",
        pre: matches!(
            collapse.as_str(),
            "preserve" | "preserve-breaks" | "break-spaces" | "pre" | "pre-wrap" | "pre-line"
        ),
        block,
    })
}

/// Reads the visible text of `root` (see the module docs). Iterative, so a
/// deeply nested tree cannot exhaust the stack.
fn read(root: &Element, view: Option<Window>) -> Layout {
    let styles = Styles::new(view);
    let mut layout = Layout::default();
    let root_flow = match classify(
        root,
        Flow {
            visible: true,
            pre: false,
            block: true,
        },
        &styles,
    ) {
        Step::Enter(f) => f,
        // The root is read even when it would be skipped as a descendant.
        Step::Skip | Step::Break => Flow {
            visible: true,
            pre: false,
            block: true,
        },
    };
    let mut open: Vec<(Node, Flow)> = Vec::new();
    let mut flow = root_flow;
    let mut next = root.first_child();
    loop {
        let Some(node) = next else {
            let Some((el, f)) = open.pop() else { break };
            if f.block {
                layout.push_break();
            }
            flow = open.last().map_or(root_flow, |(_, f)| *f);
            next = el.next_sibling();
            continue;
        };
        match node.node_type() {
            TEXT_NODE | CDATA_SECTION_NODE => {
                if flow.visible {
                    let text: Text = node.clone().unchecked_into();
                    let data = text.data();
                    layout.push_text(text, &data, flow.pre);
                }
                next = node.next_sibling();
            }
            ELEMENT_NODE => {
                let el: &Element = node.unchecked_ref();
                match classify(el, flow, &styles) {
                    Step::Skip => next = node.next_sibling(),
                    Step::Break => {
                        layout.push_break();
                        next = node.next_sibling();
                    }
                    Step::Enter(f) => {
                        if f.block {
                            layout.push_break();
                        }
                        flow = f;
                        next = node.first_child();
                        open.push((node, f));
                    }
                }
            }
            _ => next = node.next_sibling(),
        }
    }
    layout
}

#[wasm_bindgen]
extern "C" {
    /// `Highlight` of the CSS Custom Highlight API (not in web-sys).
    type JsHighlight;
    #[wasm_bindgen(method)]
    fn add(this: &JsHighlight, range: &Range);
    #[wasm_bindgen(method)]
    fn delete(this: &JsHighlight, range: &Range) -> bool;
    #[wasm_bindgen(method, getter)]
    fn size(this: &JsHighlight) -> u32;

    /// `CSS.highlights`.
    type HighlightRegistry;
    #[wasm_bindgen(method, js_name = get)]
    fn get_highlight(this: &HighlightRegistry, name: &str) -> JsValue;
    #[wasm_bindgen(method, js_name = set)]
    fn set_highlight(this: &HighlightRegistry, name: &str, highlight: &JsHighlight);
    #[wasm_bindgen(method, js_name = delete)]
    fn delete_highlight(this: &HighlightRegistry, name: &str) -> bool;
}

/// The highlight registry and the `Highlight` constructor, if the browser
/// has the CSS Custom Highlight API.
fn highlight_api() -> Option<(HighlightRegistry, js_sys::Function)> {
    let global = js_sys::global();
    let css = Reflect::get(&global, &"CSS".into()).ok()?;
    if css.is_undefined() || css.is_null() {
        return None;
    }
    let registry = Reflect::get(&css, &"highlights".into()).ok()?;
    let ctor = Reflect::get(&global, &"Highlight".into()).ok()?;
    if registry.is_undefined() || registry.is_null() || !ctor.is_function() {
        return None;
    }
    Some((registry.unchecked_into(), ctor.unchecked_into()))
}

/// The registry's highlight called `name`, created if missing. Highlights
/// are shared: every widget on the page adds its ranges to the same ones.
fn highlight_named(
    registry: &HighlightRegistry,
    ctor: &js_sys::Function,
    name: &str,
) -> Result<JsHighlight, JsValue> {
    let found = registry.get_highlight(name);
    if !found.is_undefined() {
        return Ok(found.unchecked_into());
    }
    let created: JsHighlight = Reflect::construct(ctor, &Array::new())?.unchecked_into();
    // Scare quotes nest inside speech; paint them on top.
    let priority = if name.ends_with("-other") { 1.0 } else { 0.0 };
    Reflect::set(&created, &"priority".into(), &priority.into())?;
    registry.set_highlight(name, &created);
    Ok(created)
}

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

/// A point of the user's selection, kept across moves of its text node.
type Point = (Node, u32);

/// The selection's anchor and focus, if either lies inside `root`.
fn save_selection(doc: &Document, root: &Element) -> Option<(web_sys::Selection, Point, Point)> {
    // Not rangeCount: in Chromium that forces a layout of the page.
    let sel = doc.get_selection().ok().flatten()?;
    let anchor = sel.anchor_node()?;
    let focus = sel.focus_node()?;
    if !root.contains(Some(&anchor)) && !root.contains(Some(&focus)) {
        return None;
    }
    let (ao, fo) = (sel.anchor_offset(), sel.focus_offset());
    Some((sel, (anchor, ao), (focus, fo)))
}

fn restore_selection(saved: Option<(web_sys::Selection, Point, Point)>) {
    if let Some((sel, (an, ao), (fnode, fo))) = saved {
        // Best effort: a point the host moved meanwhile is simply not restored.
        let _ = sel.set_base_and_extent(&an, ao, &fnode, fo);
    }
}

/// One highlighted quotation in mark mode: the text nodes it was split
/// into, for `clear()`.
struct Split {
    /// The original node first, then the pieces split off it, in order.
    pieces: Vec<Text>,
}

/// Start node and offset, end node and offset.
type RangePoints = (Text, u32, Text, u32);

/// What `clear()` and the `ranges` and `mode` getters of a
/// `highlightElement()` result work on.
struct Highlighting {
    /// Made on first use in mark mode (see `ranges`).
    ranges: OnceCell<Array>,
    /// Mark mode: where each quotation starts and ends.
    points: Vec<Option<RangePoints>>,
    mode: Mode,
    /// Highlight mode: the registry and each (highlight name, range).
    registry: Option<HighlightRegistry>,
    highlighted: Vec<(String, Range)>,
    /// Mark mode: the `<mark>` elements and the split text nodes.
    document: Option<Document>,
    root: Element,
    marks: Vec<Element>,
    splits: Vec<Split>,
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
                let doc = self.document.as_ref();
                self.points
                    .iter()
                    .map(|p| {
                        p.as_ref()
                            .zip(doc)
                            .and_then(|((sn, so, en, eo), doc)| {
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
        if let Some(doc) = self.document.take() {
            let mut saved = save_selection(&doc, &self.root);
            for mark in self.marks.drain(..) {
                let Some(parent) = mark.parent_node() else {
                    continue;
                };
                while let Some(child) = mark.first_child() {
                    let _ = parent.insert_before(&child, Some(&mark));
                }
                let _ = parent.remove_child(&mark);
            }
            for split in self.splits.drain(..) {
                join(&split.pieces, &mut saved);
            }
            restore_selection(saved);
        }
        self.ranges = OnceCell::from(Array::new());
        self.points.clear();
        self.mode = Mode::Auto;
    }
}

/// Joins text nodes split off one original back into it, as long as they
/// are still next to each other; moves selection points along.
fn join(pieces: &[Text], saved: &mut Option<(web_sys::Selection, Point, Point)>) {
    let mut iter = pieces.iter();
    let Some(mut head) = iter.next().cloned() else {
        return;
    };
    for piece in iter {
        let adjacent = piece
            .previous_sibling()
            .is_some_and(|p| JsValue::from(p) == JsValue::from(head.clone()));
        if !adjacent {
            head = piece.clone();
            continue;
        }
        let shift = head.length();
        if let Some((_, a, f)) = saved.as_mut() {
            for point in [a, f] {
                if JsValue::from(point.0.clone()) == JsValue::from(piece.clone()) {
                    *point = (head.clone().into(), shift.saturating_add(point.1));
                }
            }
        }
        let _ = head.append_data(&piece.data());
        if let Some(parent) = piece.parent_node() {
            let _ = parent.remove_child(piece);
        }
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
        points: Vec::new(),
        mode: Mode::Auto,
        registry: None,
        highlighted: Vec::new(),
        document: None,
        root: element.clone(),
        marks: Vec::new(),
        splits: Vec::new(),
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
        mark(&doc, element, &layout, &report, &wanted, &mut out)
            .map_err(|e| JsError::new(&format!("cannot mark: {e:?}")))?;
        out.document = Some(doc);
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

/// An edge of a quotation within one text node: `open` before `close` at
/// the same offset sorts after it (a quotation ending where the next
/// starts), and among opens the longer (outer) quotation comes first.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    at: u32,
    open: bool,
    /// For opens, the end negated (outer first); for closes, the start
    /// negated (inner first).
    order: i64,
    quote: usize,
}

/// The fallback: splits text nodes at the quotations' edges and wraps
/// each piece in a `<mark>` per quotation covering it (nested quotations
/// give nested marks).
fn mark(
    doc: &Document,
    root: &Element,
    layout: &Layout,
    report: &Report,
    wanted: &[Option<String>],
    out: &mut Highlighting,
) -> Result<(), JsValue> {
    // Edges per text node.
    let mut per_node: Vec<(usize, Vec<Edge>)> = Vec::new();
    let mut quote_segments: Vec<Vec<(usize, u32, u32)>> = Vec::with_capacity(report.quotes.len());
    for (i, q) in report.quotes.iter().enumerate() {
        if wanted.get(i).is_none_or(Option::is_none) {
            quote_segments.push(Vec::new());
            continue;
        }
        let segs = layout.segments(to_u32(q.start), to_u32(q.end));
        for &(node, from, to) in &segs {
            let edges = match per_node.binary_search_by_key(&node, |(n, _)| *n) {
                Ok(k) => per_node.get_mut(k),
                Err(k) => {
                    per_node.insert(k, (node, Vec::new()));
                    per_node.get_mut(k)
                }
            };
            if let Some((_, edges)) = edges {
                let span = i64::from(to) - i64::from(from);
                edges.push(Edge {
                    at: from,
                    open: true,
                    order: -span,
                    quote: i,
                });
                edges.push(Edge {
                    at: to,
                    open: false,
                    order: span,
                    quote: i,
                });
            }
        }
        quote_segments.push(segs);
    }
    // The selection is read before any change: reading it after one would
    // force a layout of the page.
    let mut saved = save_selection(doc, root);
    // Split every node at its edges, moving selection points along.
    // pieces: per node, (start offset, text node) in order.
    let mut pieces: Vec<(usize, Vec<(u32, Text)>)> = Vec::with_capacity(per_node.len());
    for (node, edges) in &mut per_node {
        edges.sort_unstable();
        let Some((text, len)) = layout.nodes.get(*node) else {
            continue;
        };
        let len = *len;
        let mut list = vec![(0u32, text.clone())];
        let mut cuts: Vec<u32> = edges
            .iter()
            .map(|e| e.at)
            .filter(|&a| a > 0 && a < len)
            .collect();
        cuts.dedup();
        let mut current = text.clone();
        let mut consumed = 0u32;
        for cut in cuts {
            current = current.split_text(cut - consumed)?;
            consumed = cut;
            list.push((cut, current.clone()));
        }
        if let Some((_, a, f)) = saved.as_mut() {
            for point in [a, f] {
                if JsValue::from(point.0.clone()) != JsValue::from(text.clone()) {
                    continue;
                }
                let k = list
                    .partition_point(|(s, _)| *s <= point.1)
                    .saturating_sub(1);
                if let Some((s, t)) = list.get(k) {
                    *point = (t.clone().into(), point.1 - s);
                }
            }
        }
        pieces.push((*node, list));
    }
    // One <mark> per marked quotation to clone (fewer strings to cross).
    let templates = wanted
        .iter()
        .enumerate()
        .map(|(q, name)| {
            let Some(name) = name else { return Ok(None) };
            let m = doc.create_element("mark")?;
            m.set_attribute(MARK_ATTRIBUTE, name)?;
            m.set_attribute(MARK_QUOTE_ATTRIBUTE, &q.to_string())?;
            Ok(Some(m))
        })
        .collect::<Result<Vec<Option<Element>>, JsValue>>()?;
    // Wrap: sweep each node's edges, keeping the stack of open quotations.
    for ((_, edges), (_, list)) in per_node.iter().zip(&pieces) {
        let mut open: Vec<usize> = Vec::new();
        let mut e = 0usize;
        for (start, text) in list {
            while let Some(edge) = edges.get(e).filter(|x| x.at <= *start) {
                if edge.open {
                    open.push(edge.quote);
                } else if let Some(p) = open.iter().rposition(|&q| q == edge.quote) {
                    open.remove(p);
                }
                e += 1;
            }
            if open.is_empty() {
                continue;
            }
            let Some(parent) = text.parent_node() else {
                continue;
            };
            let mut outer: Option<Element> = None;
            let mut inner: Option<Element> = None;
            for &q in &open {
                let m: Element = match templates.get(q) {
                    Some(Some(t)) => t.clone_node()?.unchecked_into(),
                    _ => continue,
                };
                match &inner {
                    Some(i) => {
                        i.append_child(&m)?;
                    }
                    None => outer = Some(m.clone()),
                }
                out.marks.push(m.clone());
                inner = Some(m);
            }
            if let (Some(outer), Some(inner)) = (outer, inner) {
                parent.insert_before(&outer, Some(text))?;
                inner.append_child(text)?;
            }
        }
    }
    restore_selection(saved);
    // Where each quotation's range starts and ends, in the pieces.
    let piece_at = |node: usize, at: u32, end: bool| -> Option<(Text, u32)> {
        let list = match pieces.binary_search_by_key(&node, |(n, _)| *n) {
            Ok(k) => &pieces.get(k)?.1,
            Err(_) => return Some((layout.nodes.get(node)?.0.clone(), at)),
        };
        let k = if end {
            list.partition_point(|(s, _)| *s < at).checked_sub(1)?
        } else {
            list.partition_point(|(s, _)| *s <= at).checked_sub(1)?
        };
        let (s, t) = list.get(k)?;
        Some((t.clone(), at - s))
    };
    for segs in &quote_segments {
        let points = match (segs.first(), segs.last()) {
            (Some(&(a, from, _)), Some(&(b, _, to))) => {
                match (piece_at(a, from, false), piece_at(b, to, true)) {
                    (Some((sn, so)), Some((en, eo))) => Some((sn, so, en, eo)),
                    _ => None,
                }
            }
            _ => None,
        };
        out.points.push(points);
    }
    out.splits = pieces
        .into_iter()
        .map(|(_, list)| Split {
            pieces: list.into_iter().map(|(_, t)| t).collect(),
        })
        .collect();
    Ok(())
}
