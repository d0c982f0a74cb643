//! Byte offsets to UTF-16 code units, in one pass.
//!
//! Rust speaks byte offsets; JavaScript's `String.prototype.slice`, DOM
//! `Range` offsets and the CSS Custom Highlight API speak UTF-16 code units.
//! Everything that leaves the crate through JSON or wasm is converted here.
//!
//! A JS string may hold lone surrogates; wasm-bindgen turns each into
//! U+FFFD, which is one UTF-16 unit too, so offsets computed on the Rust
//! copy still index the original JS string.

/// Maps byte offsets of one text to UTF-16 offsets.
///
/// Build it once per text (one linear pass), then look offsets up in
/// O(log n) each; the table stores one entry per non-ASCII `char` only,
/// so pure ASCII text costs nothing beyond the scan.
///
/// # Example
/// ```
/// use quotelens::Utf16Map;
/// let hay = "“Hi,” said 😀 Ann";
/// let map = Utf16Map::new(hay);
/// let ann = hay.find("Ann").unwrap();
/// assert_eq!(map.to_utf16(ann), "“Hi,” said 😀 ".encode_utf16().count());
/// ```
#[derive(Clone, Debug)]
pub struct Utf16Map {
    /// `(byte offset just after a non-ASCII char, cumulative shrink)`:
    /// bytes minus UTF-16 units up to that offset.
    steps: Vec<(usize, usize)>,
    len: usize,
}

impl Utf16Map {
    /// Scans `hay` once.
    pub fn new(hay: &str) -> Utf16Map {
        let mut steps = Vec::new();
        let mut shrink = 0usize;
        let bytes = hay.as_bytes();
        let mut i = 0usize;
        loop {
            // Skip ASCII runs sixteen bytes at a time; only multi-byte
            // chars change the shift.
            i = next_non_ascii(bytes, i);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            let (width, units) = if b >= 0xF0 {
                (4, 2)
            } else if b >= 0xE0 {
                (3, 1)
            } else {
                (2, 1)
            };
            shrink += width - units;
            i += width;
            steps.push((i, shrink));
        }
        Utf16Map {
            steps,
            len: hay.len(),
        }
    }

    /// The UTF-16 offset of byte offset `byte` (which should be on a
    /// `char` boundary; offsets past the end are clamped to the end).
    pub fn to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let idx = self.steps.partition_point(|&(at, _)| at <= byte);
        let shrink = match idx.checked_sub(1).and_then(|k| self.steps.get(k)) {
            Some(&(_, s)) => s,
            None => 0,
        };
        byte - shrink
    }

    /// As [`to_utf16`](Self::to_utf16), for lookups that mostly land near
    /// the one before: the search starts at `hint` (where the last lookup
    /// ended; start with 0) and gallops out from there, so it costs
    /// O(log d) for d non-ASCII characters between the two offsets
    /// instead of O(log n) over the whole text. Any order of offsets
    /// gives the same answers as `to_utf16`.
    ///
    /// ```
    /// use quotelens::Utf16Map;
    /// let hay = "“Hi,” said 😀 Ann. “Bye.”";
    /// let map = Utf16Map::new(hay);
    /// let mut hint = 0;
    /// for byte in [hay.find("Ann").unwrap(), 3, hay.len()] {
    ///     assert_eq!(map.to_utf16_near(byte, &mut hint), map.to_utf16(byte));
    /// }
    /// ```
    pub fn to_utf16_near(&self, byte: usize, hint: &mut usize) -> usize {
        let byte = byte.min(self.len);
        let len = self.steps.len();
        let before = |k: usize| self.steps.get(k).is_some_and(|&(at, _)| at <= byte);
        let h = (*hint).min(len);
        // The answer `idx` (the number of steps at or before `byte`) lies
        // in `lo..=hi`; found by doubling the distance from `h`.
        let (lo, hi) = if h == 0 || before(h - 1) {
            let (mut lo, mut step) = (h, 1usize);
            let hi = loop {
                let k = lo.saturating_add(step - 1);
                if k >= len {
                    break len;
                }
                if !before(k) {
                    break k;
                }
                lo = k + 1;
                step = step.saturating_mul(2);
            };
            (lo, hi)
        } else {
            let (mut hi, mut step) = (h - 1, 1usize);
            let lo = loop {
                match hi.checked_sub(step) {
                    None => break 0,
                    Some(k) if before(k) => break k + 1,
                    Some(k) => {
                        hi = k;
                        step = step.saturating_mul(2);
                    }
                }
            };
            (lo, hi)
        };
        let within = self.steps.get(lo..hi).unwrap_or_default();
        let idx = lo + within.partition_point(|&(at, _)| at <= byte);
        *hint = idx;
        let shrink = match idx.checked_sub(1).and_then(|k| self.steps.get(k)) {
            Some(&(_, s)) => s,
            None => 0,
        };
        byte - shrink
    }

    /// Converts a sorted or unsorted batch of byte offsets in place.
    pub fn convert_all(&self, offsets: &mut [usize]) {
        for o in offsets {
            *o = self.to_utf16(*o);
        }
    }
}

/// A forward cursor from byte offsets to UTF-16 offsets: feed it
/// ascending byte offsets and it counts the units in between, so a whole
/// token stream converts in one pass with no table.
///
/// Only non-ASCII bytes make the two counts differ, so the cursor keeps
/// where the next one is (found sixteen bytes at a time) and answers any
/// offset before it with one addition: in running text, most tokens sit
/// in ASCII stretches and cost no counting at all. Each byte is looked at
/// once over the whole pass.
///
/// # Example
/// ```
/// use quotelens::Utf16Cursor;
/// let hay = "😀 “Hi”";
/// let mut cursor = Utf16Cursor::new(hay);
/// assert_eq!(cursor.to_utf16(4), 2);
/// assert_eq!(cursor.to_utf16(hay.len()), 7);
/// ```
#[derive(Clone, Debug)]
pub struct Utf16Cursor<'h> {
    bytes: &'h [u8],
    /// Bytes before `pos` are counted ...
    pos: usize,
    /// ... and make this many UTF-16 units.
    units: usize,
    /// The first non-ASCII byte at or after `pos` (or the length): every
    /// byte in `pos..next` is ASCII, one unit each.
    next: usize,
}

impl<'h> Utf16Cursor<'h> {
    /// A cursor at the start of `hay`.
    pub fn new(hay: &'h str) -> Utf16Cursor<'h> {
        let bytes = hay.as_bytes();
        Utf16Cursor {
            bytes,
            pos: 0,
            units: 0,
            next: next_non_ascii(bytes, 0),
        }
    }

    /// The UTF-16 offset of byte offset `byte` (on a `char` boundary;
    /// clamped to the end). Going back before an earlier offset may
    /// restart the count from the start, so keep offsets ascending for
    /// one pass.
    #[inline]
    pub fn to_utf16(&mut self, byte: usize) -> usize {
        let target = byte.min(self.bytes.len());
        if target < self.pos {
            *self = Utf16Cursor {
                bytes: self.bytes,
                pos: 0,
                units: 0,
                next: next_non_ascii(self.bytes, 0),
            };
        }
        while self.next < target {
            self.step(target);
        }
        self.units + (target - self.pos)
    }

    /// [`Utf16Cursor::to_utf16`] of `start` and `end`, with one test when
    /// both lie in the ASCII stretch the cursor is in (most tokens).
    #[inline]
    pub(crate) fn span_to_utf16(&mut self, start: usize, end: usize) -> (usize, usize) {
        if self.pos <= start && start <= end && end <= self.next {
            (
                self.units + (start - self.pos),
                self.units + (end - self.pos),
            )
        } else {
            (self.to_utf16(start), self.to_utf16(end))
        }
    }

    /// Counts up to and over the run of non-ASCII bytes at `next`, up to
    /// `target` at most: a byte that starts a `char` is one unit, a 4-byte
    /// one (a surrogate pair) two.
    #[cold]
    fn step(&mut self, target: usize) {
        let mut units = self.units + (self.next - self.pos);
        let mut j = self.next;
        while let Some(&b) = self.bytes.get(j).filter(|&&b| b >= 0x80 && j < target) {
            units += usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0);
            j += 1;
        }
        self.units = units;
        self.pos = j;
        self.next = next_non_ascii(self.bytes, j);
    }
}

/// The first byte at or after `from` with the high bit set (a byte of a
/// non-ASCII `char`), or the length: sixteen bytes at a time.
#[inline]
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16) {
        let Ok(arr) = <[u8; 16]>::try_from(chunk) else {
            break;
        };
        let high = u128::from_le_bytes(arr) & HIGH;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 16;
    }
    while bytes.get(i).is_some_and(|&b| b < 0x80) {
        i += 1;
    }
    i.min(bytes.len())
}

/// Converts byte offsets that are sorted ascending in place, in one
/// forward pass (see [`Utf16Cursor`]).
///
/// # Example
/// ```
/// let hay = "😀 “Hi”";
/// let mut offsets = [0, 4, 5, hay.len()];
/// quotelens::convert_sorted(hay, &mut offsets);
/// assert_eq!(offsets, [0, 2, 3, 7]);
/// ```
pub fn convert_sorted(hay: &str, offsets: &mut [usize]) {
    let mut cursor = Utf16Cursor::new(hay);
    for o in offsets.iter_mut() {
        *o = cursor.to_utf16(*o);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(hay: &str, byte: usize) -> usize {
        hay[..byte].encode_utf16().count()
    }

    /// The cursor against counting every byte before the offset, for
    /// offsets in any order, on or off `char` boundaries.
    #[test]
    fn cursor_matches_counting() {
        let count = |hay: &str, byte: usize| {
            hay.as_bytes()[..byte.min(hay.len())]
                .iter()
                .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                .sum::<usize>()
        };
        let hay = "ab “c” 😀😀 defghijklmnopqrstuvw ß€\u{FFFD}xyz 0123456789 😀”“a";
        let mut cursor = Utf16Cursor::new(hay);
        for b in 0..=hay.len() + 2 {
            assert_eq!(cursor.to_utf16(b), count(hay, b), "ascending, byte {b}");
        }
        for b in (0..=hay.len()).rev().step_by(3) {
            assert_eq!(cursor.to_utf16(b), count(hay, b), "descending, byte {b}");
        }
        let mut cursor = Utf16Cursor::new(hay);
        for (a, b) in [
            (0, 1),
            (3, 6),
            (6, 7),
            (2, 30),
            (40, 41),
            (5, 5),
            (9, 4),
            (0, 99),
        ] {
            let want = (count(hay, a), count(hay, b));
            assert_eq!(cursor.span_to_utf16(a, b), want, "span {a}..{b}");
        }
        for s in ["", "a", "😀", "“", "abcdefghijklmnop“"] {
            let mut c = Utf16Cursor::new(s);
            assert_eq!(c.to_utf16(s.len()), count(s, s.len()), "{s:?}");
        }
    }

    #[test]
    fn matches_naive() {
        let hay = "a“b”😀c\u{FFFD}ß€ x";
        let map = Utf16Map::new(hay);
        let mut all: Vec<usize> = hay
            .char_indices()
            .map(|(i, _)| i)
            .chain([hay.len()])
            .collect();
        let want: Vec<usize> = all.iter().map(|&b| naive(hay, b)).collect();
        for (&b, &w) in all.iter().zip(&want) {
            assert_eq!(map.to_utf16(b), w, "byte {b}");
        }
        convert_sorted(hay, &mut all);
        assert_eq!(all, want);
    }

    /// The galloping lookup against the plain one, for offsets in every
    /// order and hints left by any earlier lookup (or out of range).
    #[test]
    fn near_matches_plain() {
        let hay = "ab “c” 😀😀 defghijklmnopqrstuvw ß€\u{FFFD}xyz 0123456789 😀”“a é";
        let map = Utf16Map::new(hay);
        let bounds: Vec<usize> = hay
            .char_indices()
            .map(|(i, _)| i)
            .chain([hay.len(), hay.len() + 5])
            .collect();
        for &start in &bounds {
            for &hint_from in &[0, 3, 7, 1000] {
                let mut hint = hint_from;
                map.to_utf16_near(start, &mut hint);
                for &b in bounds.iter().rev().chain(&bounds) {
                    assert_eq!(map.to_utf16_near(b, &mut hint), map.to_utf16(b), "byte {b}");
                }
            }
        }
        let mut hint = 0;
        assert_eq!(Utf16Map::new("").to_utf16_near(3, &mut hint), 0);
    }
}

// Property tests run natively only: proptest does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::Utf16Cursor;
    use proptest::prelude::*;

    proptest! {
        /// Any offsets, in any order, on or off `char` boundaries: the
        /// cursor (and its span shortcut) agrees with counting the units
        /// of the bytes before each offset.
        #[test]
        fn cursor_counts_units(
            hay in "[a-c “”é😀\u{301}\n]{0,40}",
            offsets in prop::collection::vec((0usize..50, 0usize..50), 0..20),
        ) {
            let count = |byte: usize| {
                hay.as_bytes()[..byte.min(hay.len())]
                    .iter()
                    .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                    .sum::<usize>()
            };
            let mut cursor = Utf16Cursor::new(&hay);
            for (a, b) in offsets {
                prop_assert_eq!(cursor.to_utf16(a), count(a));
                prop_assert_eq!(cursor.span_to_utf16(a, b), (count(a), count(b)));
            }
        }
    }
}
