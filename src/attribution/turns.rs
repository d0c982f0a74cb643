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
}

/// Recounts the turn-taking lines of every conversation from the nearer
/// tagged line. `addressed[i]` is the speaker quotation `i` calls by name
/// (never its own speaker). Linear in the number of quotations.
#[inline(never)]
pub(crate) fn count_back(
    hay: &str,
    paragraphs: &[Span],
    quotes: &mut [Quote],
    addressed: &[Option<usize>],
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
    for (qi, q) in quotes.iter().enumerate() {
        if q.depth > 0 || q.kind != QuoteKind::Speech {
            continue;
        }
        while paragraphs.get(pi).is_some_and(|p| p.end < q.span.start) {
            pi += 1;
        }
        let Some(p) = paragraphs.get(pi) else { break };
        let opens = crate::paragraph::opens(hay, *p, q.span.start);
        if opens && out.last().is_none_or(|l| l.pi != pi) {
            out.push(Line { qi, pi });
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

fn recount(run: &[Line], quotes: &mut [Quote], addressed: &[Option<usize>]) {
    let attr = |quotes: &[Quote], l: &Line| quotes.get(l.qi).and_then(|q| q.attribution);
    // The forward count, kept as it was: recounted lines must not feed
    // the recount of their neighbours.
    let counted: Vec<Option<Attribution>> = run.iter().map(|l| attr(quotes, l)).collect();
    let anchors: Vec<usize> = (0..run.len())
        .filter(|&j| {
            run.get(j)
                .and_then(|l| attr(quotes, l))
                .is_some_and(|a| is_anchor(&a))
        })
        .collect();
    let mut next = anchors.iter().peekable();
    let mut prev: Option<usize> = None;
    for j in 0..run.len() {
        while next.peek().is_some_and(|&&n| n <= j) {
            prev = next.next().copied();
        }
        let Some(&&n) = next.peek() else { break };
        let Some(line) = run.get(j) else { continue };
        // Lines counted forward, and lines nothing attributed yet.
        let forward = attr(quotes, line);
        if forward.is_some_and(|a| a.rule != Rule::TurnTaking) {
            continue;
        }
        // Nearer the previous tagged line: the forward count stands.
        if forward.is_some() && prev.is_some_and(|p| j - p < n - j) {
            continue;
        }
        let Some(tagged) = run.get(n).and_then(|l| attr(quotes, l)) else {
            continue;
        };
        // "“Thank you, Sam,” said Jack. / “At once.”": Sam only
        // answered a call; the count before the call is not his.
        let called = run
            .get(n)
            .and_then(|l| addressed.get(l.qi).copied().flatten())
            .is_some_and(|a| {
                counted
                    .get(n + 1)
                    .copied()
                    .flatten()
                    .and_then(|c| c.speaker)
                    == Some(a)
            });
        let from = if (n - j) % 2 == 0 {
            Some(tagged)
        } else {
            other_voice(&counted, j, n, tagged.speaker, called)
        };
        // "Tut, Miss Lucy!" is not Lucy's line: the count is off there,
        // and the other party speaks.
        let addressee = addressed.get(line.qi).copied().flatten();
        let from = match from {
            Some(f) if addressee.is_some() && f.speaker == addressee => {
                other_voice(&counted, j, n, addressee, called)
            }
            f => f,
        };
        if let (Some(from), Some(q)) = (from, quotes.get_mut(line.qi)) {
            q.attribution = Some(Attribution {
                rule: Rule::TurnTaking,
                cue: None,
                ..from
            });
        }
    }
}

/// The other party of the conversation around lines `j..=n` (from the
/// forward count `forward`): the speaker of the line after the tagged
/// one (unless that line only answers a call, `called`), or of the
/// nearest line before `j`, or else after it, who is not `not`.
fn other_voice(
    forward: &[Option<Attribution>],
    j: usize,
    n: usize,
    not: Option<usize>,
    called: bool,
) -> Option<Attribution> {
    let at = |k: usize| {
        forward
            .get(k)
            .copied()
            .flatten()
            .filter(|a| a.speaker.is_some() && a.speaker != not)
    };
    (!called)
        .then(|| at(n + 1))
        .flatten()
        .or_else(|| (0..j).rev().take(4).find_map(at))
        .or_else(|| (j + 1..n).take(4).find_map(at))
}
