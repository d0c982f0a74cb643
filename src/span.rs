//! Byte ranges into the text being analyzed.

use core::ops::Range;

/// A half-open byte range `start..end` into the `&str` it came from.
///
/// Every span the library returns lies on `char` boundaries of that text,
/// so `&hay[span.range()]` never panics; [`Span::get`] is the
/// panic-free accessor for spans of unknown origin.
///
/// # Example
/// ```
/// use quotelens::Span;
/// let hay = "Mr Kirby said";
/// let span = Span::new(3, 8);
/// assert_eq!(span.get(hay), Some("Kirby"));
/// assert_eq!(span.len(), 5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes (0 for an inverted span).
    #[inline]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no byte.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies entirely inside this span.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `hay`, or `None` if it is out of
    /// bounds or not on `char` boundaries.
    #[inline]
    pub fn get<'h>(&self, hay: &'h str) -> Option<&'h str> {
        hay.get(self.range())
    }

    /// Like [`Span::get`], with `""` in place of `None`.
    #[inline]
    pub fn text<'h>(&self, hay: &'h str) -> &'h str {
        self.get(hay).unwrap_or("")
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}
