//! Quotation detection: marks, pairing, and speech versus other.

use crate::attribution::Attribution;
use crate::{Lang, Span};

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

/// Finds the quotations of `hay`.
pub(crate) fn find(hay: &str, paragraphs: &[Span], lang: Lang) -> Vec<Quote> {
    let _ = (hay, paragraphs, lang);
    Vec::new()
}
