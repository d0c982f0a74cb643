//! The text of an element as the page shows it, and the way back from an
//! offset in it to a (text node, offset) pair.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Text, Window};

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

/// The text of an element as analyzed, and where each text node sits in it.
#[derive(Default)]
pub(super) struct Layout {
    pub(super) text: String,
    /// UTF-16 length of `text`.
    len: u32,
    /// The text nodes read, in document order, with their UTF-16 lengths.
    pub(super) nodes: Vec<(Text, u32)>,
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
    pub(super) fn start_point(&self, at: u32) -> Option<(usize, u32)> {
        let i = self.runs.partition_point(|r| r.text + r.len <= at);
        let r = self.runs.get(i)?;
        Some((r.node, r.node_at + at.saturating_sub(r.text)))
    }

    /// The node and offset where a range ending at `at` ends: in the last
    /// run starting before `at` (at its end if `at` falls after it).
    pub(super) fn end_point(&self, at: u32) -> Option<(usize, u32)> {
        let i = self.runs.partition_point(|r| r.text < at).checked_sub(1)?;
        let r = self.runs.get(i)?;
        Some((r.node, r.node_at + at.min(r.text + r.len) - r.text))
    }

    /// The pieces of `[start, end)` in each node: `(node, from, to)` in
    /// node offsets, in order, none empty.
    pub(super) fn segments(&self, start: u32, end: u32) -> Vec<(usize, u32, u32)> {
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
pub(super) fn read(root: &Element, view: Option<Window>) -> Layout {
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
