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
// Out of line: one call per text, and inlined into `Analyzer::analyze`
// its loops shared that large function's registers (more spills).
#[inline(never)]
pub(crate) fn find(hay: &str, paragraphs: &[Span], lang: Lang, stops: &[usize]) -> Vec<Quote> {
    let _ = lang;
    let mut pairs = pairing::pair(hay, paragraphs, stops);
    by_start(&mut pairs);
    let mut quotes: Vec<Quote> = Vec::with_capacity(pairs.len());
    quotes.extend(pairs.iter().filter_map(|p| {
        // The content without the spaces French and Spanish typography
        // put inside the marks (« Oui »).
        let raw = Span::new(p.open.end, p.content_end);
        let text = raw.text(hay);
        // Most content starts and ends with printable ASCII (“Yes.”):
        // no space to trim, and a first char that is no mark, told by
        // its bytes without the Unicode space and mark tests.
        let plain = |b: Option<&u8>| b.copied().filter(|b| (b'!'..=b'~').contains(b));
        let (content, word_first) = match (
            plain(text.as_bytes().first()),
            plain(text.as_bytes().last()),
        ) {
            (Some(first), Some(_)) => (raw, !marks::is_mark_char(char::from(first))),
            _ => {
                let lead = text.len() - text.trim_start().len();
                let content = Span::new(raw.start + lead, raw.start + text.trim_end().len());
                (content, false)
            }
        };
        // An empty pair (“”) quotes nothing, nor do marks around
        // marks (three apostrophes in a row).
        if !word_first && content.text(hay).chars().all(marks::is_mark_char) {
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
    }));
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

/// Puts the pairs in order of their opening marks, outer quotations
/// first at equal starts (no two pairs share an opening mark, so starts
/// are distinct as paired; the order is that of a stable sort all the
/// same).
///
/// The pairs come as their quotations close: in order but for each
/// quotation that holds others, which comes after the ones it holds. An
/// insertion sort moves each pair back past the pairs it holds only: a
/// pair is held by the marks open under it on the pairing stack, at most
/// [`pairing::MAX_DEPTH`], so the moves are at most that many per pair.
/// A general sort of the keys cost a tenth of the quotation work on
/// news; this one costs a comparison per pair. Should the moves ever
/// pass that bound, the rest is left to the standard sort, which keeps
/// the time linear whatever the pairing does.
fn by_start(pairs: &mut [pairing::Pair]) {
    let end = |p: &pairing::Pair| p.close.map_or(p.content_end, |c| c.end);
    // Whether `a` may stay before `b`: the start first (distinct as
    // paired), the end only at equal starts.
    let in_order = |a: &pairing::Pair, b: &pairing::Pair| {
        a.open.start < b.open.start || a.open.start == b.open.start && end(a) >= end(b)
    };
    let mut budget = pairs.len().saturating_mul(pairing::MAX_DEPTH);
    let mut from = 0;
    // Each pair out of place, found by a scan of neighbours: most are in
    // place (a text without nested quotations has none out of place).
    while let Some(k) = pairs.get(from..).and_then(|rest| {
        rest.windows(2)
            .position(|w| matches!(w, [a, b] if !in_order(a, b)))
    }) {
        let mut j = from + k + 1;
        from = j;
        while let (Some(a), Some(b)) = (j.checked_sub(1).and_then(|i| pairs.get(i)), pairs.get(j)) {
            if in_order(a, b) {
                break;
            }
            if budget == 0 {
                pairs.sort_by_key(|p| (p.open.start, std::cmp::Reverse(end(p))));
                return;
            }
            budget -= 1;
            pairs.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pairing::{Pair, MAX_DEPTH};
    use super::{by_start, marks::Mark};
    use crate::Span;

    fn pair(start: usize, end: usize) -> Pair {
        Pair {
            open_mark: Mark::Char('"'),
            open: Span::new(start, start + 1),
            close: Some(Span::new(end - 1, end)),
            content_end: end - 1,
        }
    }

    /// [`by_start`] orders as the stable sort by start and end (outer
    /// first) does: pairs as they close, nested ones first, and an order
    /// far from sorted, past the insertion sort's budget.
    #[test]
    fn pairs_in_order_as_sorted() {
        let nested = vec![
            pair(3, 5),
            pair(6, 8),
            pair(2, 9),
            pair(1, 10),
            pair(11, 12),
        ];
        let reversed: Vec<Pair> = (0..10 * MAX_DEPTH)
            .rev()
            .map(|i| pair(i * 2, i * 2 + 2))
            .collect();
        let same_start = vec![pair(4, 6), pair(4, 9), pair(1, 3), pair(4, 9)];
        for mut pairs in [nested, reversed, same_start] {
            let mut sorted = pairs.clone();
            sorted.sort_by_key(|p| (p.open.start, std::cmp::Reverse(p.close.map(|c| c.end))));
            by_start(&mut pairs);
            assert_eq!(pairs, sorted);
        }
    }
}
