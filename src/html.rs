//! Escaped HTML rendering with a `<mark>` per quotation.

use crate::{Analysis, Quote, QuoteKind};

/// Escapes `&`, `<`, `>`, `"` and `'` into `out`.
pub fn escape_into(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => continue,
        };
        out.push_str(text.get(last..i).unwrap_or(""));
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(text.get(last..).unwrap_or(""));
}

/// What happens at a position; the order is the order of emission when
/// several happen at the same position (close before open).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    CloseMark,
    CloseParagraph,
    OpenParagraph,
    OpenMark(usize),
}

/// Renders `hay` as HTML: every character escaped, paragraphs as `<p>`,
/// each top-level quotation wrapped in
/// `<mark class="q q-speech" data-speaker="…">` (or `q q-other`). A
/// quotation over several paragraphs gets one `<mark>` per paragraph, so
/// the markup stays well nested. User text is only ever text here.
///
/// # Example
/// ```
/// let hay = "<b>“Hi,”</b> Ann said.";
/// let html = quotelens::render_html(hay, &quotelens::analyze(hay));
/// assert!(html.starts_with("<p>&lt;b&gt;"));
/// assert!(!html.contains("<b>"));
/// ```
pub fn render_html(hay: &str, analysis: &Analysis) -> String {
    render_html_marking(hay, analysis, |_| true)
}

/// [`render_html`] marking only the quotations for which `wanted` holds:
/// each wanted quotation with no wanted quotation around it gets the
/// `<mark>` (so a speech quotation inside an unwanted scare quote is still
/// marked). Marks never nest, so the markup stays well formed.
pub(crate) fn render_html_marking(
    hay: &str,
    analysis: &Analysis,
    wanted: impl Fn(&Quote) -> bool,
) -> String {
    // Parents come before their children, so one pass knows for each
    // quotation whether a marked one encloses it.
    let mut marked_or_inside: Vec<bool> = Vec::with_capacity(analysis.quotes.len());
    let mut marked: Vec<bool> = Vec::with_capacity(analysis.quotes.len());
    for q in &analysis.quotes {
        let enclosed = q
            .parent
            .and_then(|p| marked_or_inside.get(p).copied())
            .unwrap_or(false);
        let mark = !enclosed && wanted(q);
        marked.push(mark);
        marked_or_inside.push(enclosed || mark);
    }
    let mut events: Vec<(usize, Event)> = Vec::new();
    for p in &analysis.paragraphs {
        events.push((p.start, Event::OpenParagraph));
        events.push((p.end, Event::CloseParagraph));
    }
    // Marked quotations are disjoint and sorted, so one forward walk over
    // the paragraphs cuts each at paragraph edges.
    let mut pi = 0usize;
    for (qi, q) in analysis.quotes.iter().enumerate() {
        if !marked.get(qi).copied().unwrap_or(false) {
            continue;
        }
        while analysis
            .paragraphs
            .get(pi)
            .is_some_and(|p| p.end <= q.span.start)
        {
            pi += 1;
        }
        let mut k = pi;
        while let Some(p) = analysis.paragraphs.get(k) {
            if p.start >= q.span.end {
                break;
            }
            let s = p.start.max(q.span.start);
            let e = p.end.min(q.span.end);
            if s < e {
                events.push((s, Event::OpenMark(qi)));
                events.push((e, Event::CloseMark));
            }
            k += 1;
        }
    }
    // A heap sort rather than `sort_unstable`: the quicksort's instance
    // for these pairs was 3 KB of the WebAssembly module; the order is
    // total, so the result is the same.
    let events = std::collections::BinaryHeap::from(events).into_sorted_vec();
    let mut out = String::with_capacity(hay.len() + hay.len() / 4 + 64);
    let mut pos = 0usize;
    for (at, ev) in events {
        if at > pos {
            escape_into(&mut out, hay.get(pos..at).unwrap_or(""));
            pos = at;
        }
        match ev {
            Event::CloseMark => out.push_str("</mark>"),
            Event::CloseParagraph => out.push_str("</p>"),
            Event::OpenParagraph => out.push_str("<p>"),
            Event::OpenMark(qi) => {
                let Some(q) = analysis.quotes.get(qi) else {
                    continue;
                };
                out.push_str(match q.kind {
                    QuoteKind::Speech => "<mark class=\"q q-speech\"",
                    QuoteKind::Other => "<mark class=\"q q-other\"",
                });
                if let Some(s) = q
                    .attribution
                    .and_then(|a| a.speaker)
                    .and_then(|i| analysis.speakers.get(i))
                {
                    out.push_str(" data-speaker=\"");
                    escape_into(&mut out, &s.name);
                    out.push('"');
                }
                out.push('>');
            }
        }
    }
    escape_into(&mut out, hay.get(pos..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NESTED: &str = "“They call it ‘a quick fix’,” said Tom Ruiz. The “plan” stands.";

    fn marks(html: &str) -> usize {
        html.matches("<mark").count()
    }

    #[test]
    fn marks_the_outermost_wanted_quotation_only() {
        let analysis = crate::analyze(NESTED);
        assert_eq!(analysis.quotes.len(), 3);
        let all = render_html(NESTED, &analysis);
        assert_eq!(marks(&all), 2, "{all}");
        assert!(all.contains("<mark class=\"q q-speech\" data-speaker=\"Tom Ruiz\">“They call it ‘a quick fix’,”</mark>"));
        // The nested scare quote is marked once its speech parent is not.
        let other = render_html_marking(NESTED, &analysis, |q| q.kind == QuoteKind::Other);
        assert_eq!(marks(&other), 2, "{other}");
        assert!(other.contains("“They call it <mark class=\"q q-other\">‘a quick fix’</mark>,”"));
        let none = render_html_marking(NESTED, &analysis, |_| false);
        assert_eq!(marks(&none), 0);
        assert_eq!(none, format!("<p>{}</p>", NESTED));
    }
}
