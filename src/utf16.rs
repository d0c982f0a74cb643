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
        while i < bytes.len() {
            // Skip ASCII runs quickly; only multi-byte chars change the shift.
            let b = bytes.get(i).copied().unwrap_or(0);
            if b < 0x80 {
                i += 1;
                continue;
            }
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
/// It counts straight from the bytes (every byte that starts a char is
/// one unit, a 4-byte char two), a loop the compiler vectorises.
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
    byte: usize,
    units: usize,
}

impl<'h> Utf16Cursor<'h> {
    /// A cursor at the start of `hay`.
    pub fn new(hay: &'h str) -> Utf16Cursor<'h> {
        Utf16Cursor {
            bytes: hay.as_bytes(),
            byte: 0,
            units: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (on a `char` boundary;
    /// clamped to the end). Going backwards restarts the count from the
    /// start, so keep offsets ascending for one pass.
    pub fn to_utf16(&mut self, byte: usize) -> usize {
        let target = byte.min(self.bytes.len());
        if target < self.byte {
            self.byte = 0;
            self.units = 0;
        }
        self.units += self
            .bytes
            .get(self.byte..target)
            .unwrap_or(&[])
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum::<usize>();
        self.byte = target;
        self.units
    }
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
}
