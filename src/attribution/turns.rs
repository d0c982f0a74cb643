//! Dialogue turns counted back from the next tagged line.
//!
//! A run of untagged lines in a conversation ("“When?”" / "“In May.”")
//! is first attributed forward: each line answers the one before, so
//! speakers alternate from the last tagged line. When the run ends in a
//! tagged line (“…,” said Ann), that tag fixes the parity too: the line
//! just before it is not Ann's, the one before that is. Forward counting
//! drifts when someone speaks twice or a third voice joins, so each
//! untagged line takes the count from whichever tagged line is nearer,
//! and lines before the second voice was ever named get theirs.

use super::{Attribution, Rule};
use crate::quote::{Quote, QuoteKind};
use crate::Span;

/// One dialogue line: a speech quotation opening its paragraph.
#[derive(Clone, Copy)]
struct Line {
    /// Index in the quotations.
    qi: usize,
    /// Index of its paragraph.
    pi: usize,
    /// Index among the top-level quotations.
    top: usize,
}

/// The speaker a line calls by name (never its own speaker), given its
/// quotation and [`Line::top`]: asked only where the recount needs it
/// (finding an address reads the line's words).
pub(crate) type Addressed<'a> = dyn FnMut(&Quote, usize) -> Option<usize> + 'a;

/// Recounts the turn-taking lines of every conversation from the nearer
/// tagged line. `addressed` tells whom a line calls by name. Linear in
/// the number of quotations.
#[inline(never)]
pub(crate) fn count_back(
    hay: &str,
    paragraphs: &[Span],
    quotes: &mut [Quote],
    addressed: &mut Addressed<'_>,
) {
    let lines = dialogue_lines(hay, paragraphs, quotes);
    // Runs of lines in consecutive paragraphs: one conversation each.
    let mut start = 0;
    for end in 1..=lines.len() {
        let breaks = match (lines.get(end - 1), lines.get(end)) {
            (Some(a), Some(b)) => b.pi != a.pi + 1,
            _ => true,
        };
        if breaks {
            if let Some(run) = lines.get(start..end) {
                recount(run, quotes, addressed);
            }
            start = end;
        }
    }
}

/// The first speech quotation of each paragraph that opens it.
fn dialogue_lines(hay: &str, paragraphs: &[Span], quotes: &[Quote]) -> Vec<Line> {
    // At most a line per quotation, and in dialogue most are lines: room
    // for all at once, not copied on growing.
    let mut out: Vec<Line> = Vec::with_capacity(quotes.len());
    let mut pi = 0;
    let mut top = 0;
    for (qi, q) in quotes.iter().enumerate() {
        if q.depth > 0 {
            continue;
        }
        top += 1;
        if q.kind != QuoteKind::Speech {
            continue;
        }
        while paragraphs.get(pi).is_some_and(|p| p.end < q.span.start) {
            pi += 1;
        }
        let Some(p) = paragraphs.get(pi) else { break };
        let opens = crate::paragraph::opens(hay, *p, q.span.start);
        if opens && out.last().is_none_or(|l| l.pi != pi) {
            out.push(Line {
                qi,
                pi,
                top: top - 1,
            });
        }
    }
    out
}

/// Whether a line's speaker comes from its own tag or address, not from
/// counting turns.
fn is_anchor(a: &Attribution) -> bool {
    a.speaker.is_some()
        && !matches!(
            a.rule,
            Rule::TurnTaking | Rule::Continuation | Rule::SameParagraph | Rule::PreviousSentence
        )
}

fn recount(run: &[Line], quotes: &mut [Quote], addressed: &mut Addressed<'_>) {
    // The next tagged line at `k` or after it: found by walking on from
    // the last one, so the run is read once (lines after the line being
    // recounted are still as counted forward).
    let anchor_from = |quotes: &[Quote], k: usize| {
        run.get(k..)
            .unwrap_or_default()
            .iter()
            .position(|l| attr(quotes, l).is_some_and(is_anchor))
            .map(|i| k + i)
    };
    let mut next = anchor_from(quotes, 0);
    let mut prev: Option<usize> = None;
    // The forward count of the lines recounted among the last few, kept
    // as it was: recounted lines must not feed the recount of their
    // neighbours (no copy of the whole run's).
    let mut back: Back = [None; BACK];
    for (j, line) in run.iter().enumerate() {
        while let Some(n) = next.filter(|&n| n <= j) {
            prev = Some(n);
            next = anchor_from(quotes, n + 1);
        }
        let Some(n) = next else { break };
        let counted = Counted {
            run,
            quotes,
            back: &back,
            j,
        };
        let Some(new) = recounted(&counted, line, prev, n, addressed) else {
            continue;
        };
        if let Some(q) = quotes.get_mut(line.qi) {
            if let Some(slot) = back.get_mut(j % BACK) {
                *slot = q.attribution.map(|a| (j, a));
            }
            q.attribution = Some(new);
        }
    }
}

/// How many lines before the one recounted [`other_voice`] looks at.
const BACK: usize = 4;

/// The forward count of recounted lines among the last [`BACK`], each
/// with its index in the run, at that index modulo [`BACK`].
type Back = [Option<(usize, Attribution)>; BACK];

/// The attribution of a line's quotation.
fn attr<'q>(quotes: &'q [Quote], l: &Line) -> Option<&'q Attribution> {
    quotes.get(l.qi).and_then(|q| q.attribution.as_ref())
}

/// The forward count of a run while line `j` is recounted: the lines
/// before it as they were, the others as they are (not recounted yet).
struct Counted<'a> {
    run: &'a [Line],
    quotes: &'a [Quote],
    back: &'a Back,
    j: usize,
}

impl<'a> Counted<'a> {
    /// Line `k`'s forward count (of a line before `j`, only the last
    /// [`BACK`] are asked).
    fn at(&self, k: usize) -> Option<&'a Attribution> {
        let line = self.run.get(k)?;
        match self.back.get(k % BACK) {
            // Recounted: as it was.
            Some(Some((i, a))) if *i == k && k < self.j => Some(a),
            _ => attr(self.quotes, line),
        }
    }
}

/// The recount of line `j` of a run (`line`) between the tagged lines
/// `prev` and `n`; `None` leaves it as it is.
fn recounted(
    counted: &Counted<'_>,
    line: &Line,
    prev: Option<usize>,
    n: usize,
    addressed: &mut Addressed<'_>,
) -> Option<Attribution> {
    let j = counted.j;
    // Lines counted forward, and lines nothing attributed yet.
    let forward = attr(counted.quotes, line);
    if forward.is_some_and(|a| a.rule != Rule::TurnTaking) {
        return None;
    }
    // Nearer the previous tagged line: the forward count stands.
    if forward.is_some() && prev.is_some_and(|p| j - p < n - j) {
        return None;
    }
    let tagged = counted.at(n)?;
    // Whether the tagged line only answers a call ([`called`]), once
    // asked.
    let mut memo = None;
    let from = if (n - j) % 2 == 0 {
        Some(tagged)
    } else {
        other_voice(counted, n, tagged.speaker, &mut || {
            called(counted, n, addressed, &mut memo)
        })
    };
    // "Tut, Miss Lucy!" is not Lucy's line: the count is off there,
    // and the other party speaks. (Only a speaker can be the one
    // addressed: the address is found for no other line.)
    let from = match from {
        Some(f) if f.speaker.is_some() => {
            let addressee = counted
                .quotes
                .get(line.qi)
                .and_then(|q| addressed(q, line.top));
            if f.speaker == addressee {
                other_voice(counted, n, addressee, &mut || {
                    called(counted, n, addressed, &mut memo)
                })
            } else {
                Some(f)
            }
        }
        f => f,
    };
    from.map(|from| Attribution {
        rule: Rule::TurnTaking,
        cue: None,
        ..*from
    })
}

/// "“Thank you, Sam,” said Jack. / “At once.”": whether the tagged line
/// `n` only answers a call (Sam's, calling Jack: the count before the
/// call is not his), kept in `memo` once asked.
fn called(
    counted: &Counted<'_>,
    n: usize,
    addressed: &mut Addressed<'_>,
    memo: &mut Option<bool>,
) -> bool {
    *memo.get_or_insert_with(|| {
        counted
            .run
            .get(n)
            .and_then(|l| addressed(counted.quotes.get(l.qi)?, l.top))
            .is_some_and(|a| counted.at(n + 1).and_then(|c| c.speaker) == Some(a))
    })
}

/// The other party of the conversation around lines `j..=n` (`j` the
/// line recounted, from the forward count `counted`): the speaker of the
/// line after the tagged one (unless that line only answers a call,
/// `called`, asked only then), or of the nearest line before `j`, or
/// else after it, who is not `not`.
fn other_voice<'a>(
    counted: &Counted<'a>,
    n: usize,
    not: Option<usize>,
    called: &mut dyn FnMut() -> bool,
) -> Option<&'a Attribution> {
    let j = counted.j;
    let at = |k: usize| {
        counted
            .at(k)
            .filter(|a| a.speaker.is_some() && a.speaker != not)
    };
    at(n + 1)
        .filter(|_| !called())
        .or_else(|| (0..j).rev().take(BACK).find_map(at))
        .or_else(|| (j + 1..n).take(4).find_map(at))
}
