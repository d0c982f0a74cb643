//! The whole analysis of one text: sentences, paragraphs, quotations,
//! speakers and figures, all as byte spans.

use crate::attribution::{self, Speaker};
use crate::quote::{self, Quote};
use crate::stats::{self, Stats};
use crate::{paragraph, scan, sentence, Lang, Span};

/// Options for an [`Analyzer`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Language hint; [`Lang::Auto`] by default.
    pub lang: Lang,
}

/// Analyzes texts with fixed options. Build it once, call
/// [`Analyzer::analyze`] as often as needed; it holds no state between
/// calls, so results never depend on earlier texts.
///
/// # Example
/// ```
/// use quotelens::{Analyzer, QuoteKind};
/// let hay = "“We will fight on,” she said. Then she left.";
/// let analysis = Analyzer::new().analyze(hay);
/// assert_eq!(analysis.sentences.len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    options: Options,
}

impl Analyzer {
    /// An analyzer with default options.
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// An analyzer with the given options.
    pub fn with_options(options: Options) -> Analyzer {
        Analyzer { options }
    }

    /// Its options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Analyzes `hay`. Total: any `&str` gives a result, in time linear in
    /// its length.
    pub fn analyze(&self, hay: &str) -> Analysis {
        let lang = self.options.lang;
        let (paragraphs, wrapped) = paragraph::paragraphs_wrapped(hay);
        // Sentences and quotations stop at bytes found by one scan.
        let stops = scan::stops(hay);
        let sentences = sentence::in_paragraphs(hay, &paragraphs, lang, &stops);
        let mut quotes = quote::find(hay, &paragraphs, lang, &stops);
        // Freed before attribution, which needs memory of its own.
        drop(stops);
        // Word order and articles differ by language: without a hint,
        // guess it once for attribution and speech-vs-other alike.
        let guessed = if lang == Lang::Auto {
            Lang::guess(hay)
        } else {
            lang
        };
        let speakers = attribution::attribute(hay, &paragraphs, wrapped, &mut quotes, guessed);
        // Each quotation's words are counted once, by the first to ask.
        let mut quote_words = quote::kind::classify(hay, &mut quotes, guessed);
        // The figures before the tally (which changes no kind): they count
        // the speech quotations' words that the tally adds up.
        let stats = stats::compute(hay, &sentences, &paragraphs, &quotes, &mut quote_words);
        let speakers = attribution::tally(hay, &mut quotes, speakers, &mut quote_words);
        Analysis {
            quotes,
            sentences,
            paragraphs,
            speakers,
            stats,
        }
    }
}

/// Analyzes `hay` with default options (see [`Analyzer`]).
pub fn analyze(hay: &str) -> Analysis {
    Analyzer::new().analyze(hay)
}

/// What [`Analyzer::analyze`] finds, as byte spans into the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Every quotation, in order of its opening mark (a nested quotation
    /// follows the one that holds it).
    pub quotes: Vec<Quote>,
    /// Sentences, trimmed, in order.
    pub sentences: Vec<Span>,
    /// Paragraphs, trimmed, in order.
    pub paragraphs: Vec<Span>,
    /// Speakers, in order of their first attributed quotation;
    /// [`crate::Attribution::speaker`] indexes this list.
    pub speakers: Vec<Speaker>,
    /// Counts and shares.
    pub stats: Stats,
}
