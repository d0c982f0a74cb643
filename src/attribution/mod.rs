//! Speaker attribution: who said each quotation.

use crate::quote::Quote;
use crate::{Lang, Span};

/// Which pattern attributed a quotation (shown to users as the reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// `“Q,” Speaker said.`
    QuoteSpeakerCue,
}

impl Rule {
    /// A stable kebab-case name for JSON and display.
    pub const fn name(self) -> &'static str {
        match self {
            Rule::QuoteSpeakerCue => "quote-speaker-cue",
        }
    }
}

/// Who said a quotation, and how we know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Index into [`crate::Analysis::speakers`], `None` for an unresolved
    /// mention (an unnamed source).
    pub speaker: Option<usize>,
    /// The words naming the speaker here ("Mr Kirby", "he").
    pub mention: Span,
    /// The speech cue ("said", "wrote on X"), if any.
    pub cue: Option<Span>,
    /// The pattern that made the attribution.
    pub rule: Rule,
}

/// A speaker of one or more quotations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Speaker {
    /// The canonical name: the fullest form seen, without titles.
    pub name: String,
    /// Every mention that refers to this speaker, in text order.
    pub mentions: Vec<Span>,
    /// Speech quotations attributed to them.
    pub quotes: usize,
    /// Words in those quotations.
    pub words: usize,
}

/// Attributes speech quotations in place and returns the speakers.
pub(crate) fn attribute(
    hay: &str,
    sentences: &[Span],
    paragraphs: &[Span],
    quotes: &mut [Quote],
    lang: Lang,
) -> Vec<Speaker> {
    let _ = (hay, sentences, paragraphs, quotes, lang);
    Vec::new()
}
