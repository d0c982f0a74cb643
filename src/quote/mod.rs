//! Quotation detection: marks, pairing, and speech versus other.

use crate::attribution::Attribution;
use crate::{Lang, Span};

pub(crate) mod kind;
mod marks;
mod pairing;

pub(crate) use pairing::may_start_mark;

/// Whether a quotation is someone's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Someone's words: a quotation with a speech cue or speaker nearby,
    /// one standing as a sentence of its own, or an attributed fragment.
    Speech,
    /// A scare quote, title, nickname or word used as a word.
    Other,
}

impl QuoteKind {
    /// `"speech"` or `"other"`, as in the Analysis JSON.
    pub const fn name(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Other => "other",
        }
    }
}

/// One quotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The whole quotation, marks included.
    pub span: Span,
    /// The content without the outer marks. For a quotation over several
    /// paragraphs it holds the paragraph breaks and re-opening marks.
    pub content: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, `None` when the quotation was closed by the end
    /// of its paragraph (or text) without one.
    pub close: Option<Span>,
    /// Speech or other.
    pub kind: QuoteKind,
    /// 0 for a top-level quotation, 1 inside another, and so on.
    pub depth: u32,
    /// Index in [`crate::Analysis::quotes`] of the quotation holding this one.
    pub parent: Option<usize>,
    /// Who said it, when known.
    pub attribution: Option<Attribution>,
}

/// Finds the quotations of `hay`, sorted by start, with depth and parent
/// set. Kinds are provisional ([`kind::classify`] decides them once the
/// speakers are known): title marks give `Other`, the rest `Speech`.
/// `stops` are the [`crate::scan::stops`] of `hay`.
pub(crate) fn find(hay: &str, paragraphs: &[Span], lang: Lang, stops: &[usize]) -> Vec<Quote> {
    let _ = lang;
    let pairs = pairing::pair(hay, paragraphs, stops);
    // Outer quotations first at equal starts. The pairs come as their
    // quotations close (inner ones first); they are put in order by a
    // sort of small keys whose last part, the pair's index, makes every
    // key distinct: the order of a stable sort, without moving the pairs
    // or the larger quotations made from them.
    let mut order: Vec<(usize, std::cmp::Reverse<usize>, usize)> = pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let end = p.close.map_or(p.content_end, |c| c.end);
            (p.open.start, std::cmp::Reverse(end), i)
        })
        .collect();
    order.sort_unstable();
    let mut quotes: Vec<Quote> = Vec::with_capacity(order.len());
    quotes.extend(
        order
            .iter()
            .filter_map(|&(.., i)| pairs.get(i))
            .filter_map(|p| {
                // The content without the spaces French and Spanish typography
                // put inside the marks (« Oui »).
                let raw = Span::new(p.open.end, p.content_end);
                let text = raw.text(hay);
                let lead = text.len() - text.trim_start().len();
                let content = Span::new(raw.start + lead, raw.start + text.trim_end().len());
                // An empty pair (“”) quotes nothing, nor do marks around
                // marks (three apostrophes in a row).
                if content.text(hay).chars().all(marks::is_mark_char) {
                    return None;
                }
                let end = p.close.map_or(p.content_end, |c| c.end);
                Some(Quote {
                    span: Span::new(p.open.start, end),
                    content,
                    open: p.open,
                    close: p.close,
                    kind: if marks::is_title_mark(p.open_mark) {
                        QuoteKind::Other
                    } else {
                        QuoteKind::Speech
                    },
                    depth: 0,
                    parent: None,
                    attribution: None,
                })
            }),
    );
    // One sweep with a stack of enclosing quotations gives depth and
    // parent.
    let mut open: Vec<(usize, usize)> = Vec::new(); // (index, end)
    for (i, q) in quotes.iter_mut().enumerate() {
        while open.last().is_some_and(|&(_, end)| end <= q.span.start) {
            open.pop();
        }
        q.parent = open.last().map(|&(p, _)| p);
        q.depth = u32::try_from(open.len()).unwrap_or(u32::MAX);
        open.push((i, q.span.end));
    }
    quotes
}
