//! Skipping to the next byte a pass stops at.
//!
//! The paragraph, sentence and quotation passes each read every byte of
//! the text but stop at few of them (terminators, marks, brackets, the
//! lead bytes of non-ASCII marks). [`position`] looks for the next such
//! byte eight at a time past the first eight: one table load per byte
//! and one branch per eight, where a plain `iter().position` takes a
//! branch per byte. The sentence and quotation passes stop at nearly the
//! same bytes, so [`stops`] lists them all in one scan of the text and
//! both passes read their paragraph's part of it ([`within`]).

/// A set of bytes, as a table: `true` for the bytes in it.
pub(crate) type ByteSet = [bool; 256];

/// Builds a [`ByteSet`] at compile time from a `const fn(u8) -> bool`.
macro_rules! byte_set {
    ($is:path) => {{
        let mut set = [false; 256];
        let mut i = 0;
        while i < 256 {
            // In a constant: an index out of bounds would stop compilation.
            #[allow(clippy::indexing_slicing)]
            {
                set[i] = $is(i as u8);
            }
            i += 1;
        }
        set
    }};
}
pub(crate) use byte_set;

/// The offset in `bytes` of the first byte in `set`, if any.
///
/// ```text
/// position(b"no stop here. Yes", &STOPS) == Some(12)
/// ```
// Not inlined: one copy for all the passes keeps the wasm module small,
// and the call is made once per stop, not per byte.
#[inline(never)]
pub(crate) fn position(bytes: &[u8], set: &ByteSet) -> Option<usize> {
    let hit = |b: u8| set.get(usize::from(b)).copied().unwrap_or(false);
    // The first eight a byte at a time: where stops are dense (a run of
    // marks, a list of initials) the next one is near, and a chunk that
    // holds it would be read twice.
    let (near, far) = bytes.split_at(bytes.len().min(8));
    if let Some(k) = near.iter().position(|&x| hit(x)) {
        return Some(k);
    }
    let mut chunks = far.chunks_exact(8);
    let mut at = near.len();
    for chunk in &mut chunks {
        if let Ok(&[a, b, c, d, e, f, g, h]) = <&[u8; 8]>::try_from(chunk) {
            // `|`, not `||`: all eight are looked up, then one branch.
            if hit(a) | hit(b) | hit(c) | hit(d) | hit(e) | hit(f) | hit(g) | hit(h) {
                return chunk.iter().position(|&x| hit(x)).map(|k| at + k);
            }
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&x| hit(x))
        .map(|k| at + k)
}

/// Bytes where the sentence splitter or the quotation pairing stops:
/// both passes read one list of them ([`stops`]), made by one scan of
/// the text, where each used to scan every paragraph itself.
const fn any_stop(b: u8) -> bool {
    crate::sentence::interesting_byte(b) || crate::quote::may_start_mark(b)
}

/// [`any_stop`] as a table.
static STOPS: ByteSet = byte_set!(any_stop);

/// The offsets of every byte of `hay` where the sentence splitter or the
/// quotation pairing stops, in order (a superset of what each needs:
/// each skips the others' bytes with one table load). Linear: one scan.
// Out of line: one call per text, and inlined into `Analyzer::analyze`
// its loops shared that large function's registers (more spills).
#[inline(never)]
pub(crate) fn stops(hay: &str) -> Vec<usize> {
    positions(hay.as_bytes(), &STOPS)
}

/// The offsets of the bytes of `bytes` in `set`, in order: eight bytes
/// looked up, one branch for the eight, and the hits among them pushed.
/// Not [`position`] once per hit: where hits are dense (text made of
/// marks) its call and its first eight bytes, read one at a time, cost
/// more than the scan.
fn positions(bytes: &[u8], set: &ByteSet) -> Vec<usize> {
    let hit = |b: u8| set.get(usize::from(b)).copied().unwrap_or(false);
    let mut out = Vec::new();
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        if let Ok(&[a, b, c, d, e, f, g, h]) = <&[u8; 8]>::try_from(chunk) {
            // All eight looked up into one mask, then one branch; the
            // hits are read off the mask, lowest first.
            let bit = |x: u8, k: u32| u32::from(hit(x)) << k;
            let mut mask = bit(a, 0)
                | bit(b, 1)
                | bit(c, 2)
                | bit(d, 3)
                | bit(e, 4)
                | bit(f, 5)
                | bit(g, 6)
                | bit(h, 7);
            while mask != 0 {
                out.push(at + mask.trailing_zeros() as usize);
                mask &= mask - 1;
            }
        }
        at += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        if hit(b) {
            out.push(at + k);
        }
    }
    out
}

/// The part of `stops` (sorted) in `span`, from `*from` on, which it
/// leaves at the first stop past `span`: with spans in order (the
/// paragraphs), one cursor walks the list once in all.
pub(crate) fn within<'s>(stops: &'s [usize], span: crate::Span, from: &mut usize) -> &'s [usize] {
    while stops.get(*from).is_some_and(|&s| s < span.start) {
        *from += 1;
    }
    let first = *from;
    while stops.get(*from).is_some_and(|&s| s < span.end) {
        *from += 1;
    }
    stops.get(first..*from).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn stops_are_every_byte_either_pass_needs() {
        let hay = "He said: “Go (now)!” — it's `done`. Ça «va» 「好」";
        let stops = super::stops(hay);
        let want: Vec<usize> = hay
            .bytes()
            .enumerate()
            .filter(|&(_, b)| {
                crate::sentence::interesting_byte(b) || crate::quote::may_start_mark(b)
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(stops, want);
        assert!(stops.contains(&hay.find('\'').unwrap_or(0)));
        assert!(stops.contains(&hay.find(':').unwrap_or(0)));
        let mut from = 0;
        let a = super::within(&stops, crate::Span::new(0, 9), &mut from).to_vec();
        assert_eq!(a, [7]); // the colon
        let b = super::within(&stops, crate::Span::new(9, hay.len()), &mut from);
        assert_eq!(b.len() + 1, stops.len());
    }

    const fn stop(b: u8) -> bool {
        matches!(b, b'.' | b'!' | 0xE2)
    }
    static STOPS: super::ByteSet = super::byte_set!(stop);

    #[test]
    fn same_as_a_plain_scan() {
        let text = "no stop here, none at all; then one. And “two”! x".as_bytes();
        for from in 0..text.len() {
            for to in from..=text.len() {
                let bytes = &text[from..to];
                assert_eq!(
                    super::position(bytes, &STOPS),
                    bytes.iter().position(|&b| stop(b)),
                    "{from}..{to}"
                );
                let all: Vec<usize> = (0..bytes.len()).filter(|&i| stop(bytes[i])).collect();
                assert_eq!(super::positions(bytes, &STOPS), all, "{from}..{to}");
            }
        }
    }
}
