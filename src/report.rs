//! The Analysis JSON of the contract: the same data as [`Analysis`], with
//! UTF-16 offsets and the covered text spelled out.
//!
//! This is what the CLI prints with `analyze --json` and what the wasm
//! package's `analyze()` returns, so both go through [`Report::new`].
//! Field names are a contract: fields may be added, never renamed.

use crate::attribution::Attribution;
use crate::{Analysis, Span, Utf16Map};

#[cfg(feature = "serde")]
use serde::Serialize;

/// The Analysis JSON.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Report {
    /// Every quotation.
    pub quotes: Vec<QuoteReport>,
    /// Every sentence.
    pub sentences: Vec<TextSpan>,
    /// Every paragraph.
    pub paragraphs: Vec<TextSpan>,
    /// Every speaker with figures.
    pub speakers: Vec<SpeakerReport>,
    /// Figures for the whole text.
    pub stats: StatsReport,
}

/// A UTF-16 range and the text it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct TextSpan {
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
    /// The text between them.
    pub text: String,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct QuoteReport {
    /// Start of the whole quotation, marks included (UTF-16).
    pub start: usize,
    /// End of the whole quotation, marks included (UTF-16).
    pub end: usize,
    /// The content without the outer marks.
    pub text: String,
    /// `"speech"` or `"other"`.
    pub kind: &'static str,
    /// Who said it, or `null`.
    pub speaker: Option<SpeakerRef>,
    /// The speech cue, or `null`.
    pub cue: Option<TextSpan>,
    /// The attribution rule's name, or `null`.
    pub rule: Option<&'static str>,
    /// The opening and closing marks as written (`close` is `""` for a
    /// quotation closed by its paragraph's end).
    pub marks: Marks,
    /// Nesting depth, 0 at top level.
    pub depth: u32,
    /// Index of the enclosing quotation, or `null`.
    pub parent: Option<usize>,
}

/// The marks of a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Marks {
    /// The opening mark.
    pub open: String,
    /// The closing mark, `""` if none.
    pub close: String,
}

/// The speaker of one quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct SpeakerRef {
    /// Canonical name, or `null` for an unresolved mention.
    pub name: Option<String>,
    /// The words that name the speaker here.
    pub mention: TextSpan,
}

/// A speaker with figures.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct SpeakerReport {
    /// Canonical name.
    pub name: String,
    /// Speech quotations attributed to them.
    pub quotes: usize,
    /// Words in those quotations.
    pub words: usize,
    /// The distinct ways the text refers to them, first use first.
    pub mentions: Vec<String>,
}

/// Figures for the whole text.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct StatsReport {
    /// Words.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Reading time in minutes.
    pub reading_minutes: usize,
    /// Words inside speech quotations.
    pub quoted_words: usize,
    /// Quoted words over words.
    pub quoted_share: f64,
}

impl Report {
    /// Builds the report of `analysis`, which must come from `hay`.
    ///
    /// # Example
    /// ```
    /// use quotelens::{analyze, Report};
    /// let hay = "😀 “Yes,” she said.";
    /// let report = Report::new(hay, &analysis(hay));
    /// # fn analysis(h: &str) -> quotelens::Analysis { analyze(h) }
    /// let s = &report.sentences[0];
    /// assert_eq!(s.start, 0); // UTF-16: the emoji is two units
    /// assert_eq!(s.end, hay.encode_utf16().count());
    /// ```
    pub fn new(hay: &str, analysis: &Analysis) -> Report {
        let map = Utf16Map::new(hay);
        let span = |s: Span| TextSpan {
            start: map.to_utf16(s.start),
            end: map.to_utf16(s.end),
            text: s.text(hay).to_owned(),
        };
        let quotes = analysis
            .quotes
            .iter()
            .map(|q| {
                let attr: Option<&Attribution> = q.attribution.as_ref();
                QuoteReport {
                    start: map.to_utf16(q.span.start),
                    end: map.to_utf16(q.span.end),
                    text: q.content.text(hay).to_owned(),
                    kind: q.kind.name(),
                    speaker: attr.and_then(|a| {
                        Some(SpeakerRef {
                            name: a
                                .speaker
                                .and_then(|i| analysis.speakers.get(i))
                                .map(|s| s.name.clone()),
                            mention: span(a.mention?),
                        })
                    }),
                    cue: attr.and_then(|a| a.cue).map(span),
                    rule: attr.map(|a| a.rule.name()),
                    marks: Marks {
                        open: q.open.text(hay).to_owned(),
                        close: q.close.map(|c| c.text(hay)).unwrap_or("").to_owned(),
                    },
                    depth: q.depth,
                    parent: q.parent,
                }
            })
            .collect();
        let speakers = analysis
            .speakers
            .iter()
            .map(|s| {
                let mut mentions: Vec<String> = Vec::new();
                for m in &s.mentions {
                    let t = m.text(hay);
                    if !mentions.iter().any(|x| x == t) {
                        mentions.push(t.to_owned());
                    }
                }
                SpeakerReport {
                    name: s.name.clone(),
                    quotes: s.quotes,
                    words: s.words,
                    mentions,
                }
            })
            .collect();
        let st = &analysis.stats;
        Report {
            quotes,
            sentences: analysis.sentences.iter().map(|&s| span(s)).collect(),
            paragraphs: analysis.paragraphs.iter().map(|&s| span(s)).collect(),
            speakers,
            stats: StatsReport {
                words: st.words,
                sentences: st.sentences,
                paragraphs: st.paragraphs,
                reading_minutes: st.reading_minutes,
                quoted_words: st.quoted_words,
                quoted_share: st.quoted_share,
            },
        }
    }
}
