//! The fallback without the Highlight API: text nodes split at the
//! quotations' edges and the pieces wrapped in `<mark>` elements, keeping
//! the user's selection; and the way back.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, Text};

use super::text::Layout;
use super::{to_u32, MARK_ATTRIBUTE, MARK_QUOTE_ATTRIBUTE};
use crate::Report;

/// A point of the user's selection, kept across moves of its text node.
type Point = (Node, u32);

/// The selection's anchor and focus, if either lies inside `root`.
pub(super) fn save_selection(
    doc: &Document,
    root: &Element,
) -> Option<(web_sys::Selection, Point, Point)> {
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

pub(super) fn restore_selection(saved: Option<(web_sys::Selection, Point, Point)>) {
    if let Some((sel, (an, ao), (fnode, fo))) = saved {
        // Best effort: a point the host moved meanwhile is simply not restored.
        let _ = sel.set_base_and_extent(&an, ao, &fnode, fo);
    }
}

/// One text node split in mark mode: its pieces, for `unmark()`.
pub(super) struct Split {
    /// The original node first, then the pieces split off it, in order.
    pieces: Vec<Text>,
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

/// Start node and offset, end node and offset.
pub(super) type RangePoints = (Text, u32, Text, u32);

/// What `mark()` did, for the ranges and for `unmark()`.
pub(super) struct Marked {
    /// The `<mark>` elements made.
    marks: Vec<Element>,
    /// Where each quotation starts and ends (`None` for one not marked).
    pub(super) points: Vec<Option<RangePoints>>,
    /// The text nodes split.
    splits: Vec<Split>,
}

/// An edge of a quotation within one text node: `open` before `close` at
/// the same offset sorts after it (a quotation ending where the next
/// starts), and among opens the longer (outer) quotation comes first.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    at: u32,
    open: bool,
    /// For opens, minus the quotation's length in this node (outer
    /// first); for closes, the length (inner first).
    order: i64,
    quote: usize,
}

/// The fallback: splits text nodes at the quotations' edges and wraps
/// each piece in a `<mark>` per quotation covering it (nested quotations
/// give nested marks).
pub(super) fn mark(
    doc: &Document,
    root: &Element,
    layout: &Layout,
    report: &Report,
    wanted: &[Option<String>],
) -> Result<Marked, JsValue> {
    let mut out = Marked {
        marks: Vec::new(),
        points: Vec::new(),
        splits: Vec::new(),
    };
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
    Ok(out)
}

/// Unwraps `<mark>`s of ours that no highlighting owns any more, e.g. in
/// markup the host copied with `innerHTML` while they were in place, so
/// that nothing is wrapped twice. Their text nodes stay split.
pub(super) fn unwrap_stale(doc: &Document, root: &Element) {
    let Ok(list) = root.query_selector_all(&format!("mark[{MARK_ATTRIBUTE}]")) else {
        return;
    };
    if list.length() == 0 {
        return;
    }
    let marks = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect();
    let stale = Marked {
        marks,
        points: Vec::new(),
        splits: Vec::new(),
    };
    unmark(doc, root, stale);
}

/// Unwraps the marks and joins the split text nodes, keeping the selection.
pub(super) fn unmark(doc: &Document, root: &Element, marked: Marked) {
    let mut saved = save_selection(doc, root);
    for mark in marked.marks {
        let Some(parent) = mark.parent_node() else {
            continue;
        };
        while let Some(child) = mark.first_child() {
            let _ = parent.insert_before(&child, Some(&mark));
        }
        let _ = parent.remove_child(&mark);
    }
    for split in &marked.splits {
        join(&split.pieces, &mut saved);
    }
    restore_selection(saved);
}
