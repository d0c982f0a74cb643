//! The invariants every result must keep, whatever the input: shared by
//! the property tests (`tests/properties.rs`), the HTML safety test and
//! the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs` include this file by
//! path), so a fuzzer finding and a failing property are the same check.
//!
//! Each check panics with the offending input on a violation.

#![allow(dead_code)]

use quotelens::{tokenize, Analysis, Report, Span, TokenKind};

/// The UTF-16 units of `hay` between `start` and `end`, as a `String`.
fn utf16_slice(units: &[u16], start: usize, end: usize) -> String {
    assert!(
        start <= end && end <= units.len(),
        "UTF-16 range {start}..{end} out of 0..{}",
        units.len()
    );
    String::from_utf16(&units[start..end]).expect("UTF-16 offsets on scalar boundaries")
}

/// The characters that can be quotation marks (as `quote::marks` has it).
fn is_mark_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '\u{ab}' | '\u{bb}' | '\u{b4}' | '\u{2018}'..='\u{201f}'
        | '\u{2032}'..='\u{2037}' | '\u{2039}' | '\u{203a}' | '\u{2e42}' | '\u{3008}'..='\u{300f}'
        | '\u{301d}'..='\u{301f}' | '\u{ff02}' | '\u{ff07}')
}

/// `span` is a non-inverted range of `hay` on `char` boundaries.
fn check_span(hay: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && hay.get(span.range()).is_some(),
        "{what} {span:?} is not a char-boundary range of a {}-byte text: {hay:?}",
        hay.len()
    );
}

/// The line breaks the tokenizer makes [`TokenKind::LineBreak`] tokens of.
const LINE_BREAKS: [char; 7] = [
    '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
];

/// Tokens come in order, never overlap, are non-empty, lie on `char`
/// boundaries, and every character they leave out is whitespace that is
/// not a line break (line breaks are tokens, and only line breaks are in
/// line-break tokens).
pub fn check_tokens(hay: &str) {
    let mut pos = 0usize;
    for t in tokenize(hay) {
        check_span(hay, t.span, "token");
        assert!(
            t.span.start >= pos && t.span.start < t.span.end,
            "token {t:?} empty or before {pos} in {hay:?}"
        );
        let gap = &hay[pos..t.span.start];
        assert!(
            gap.chars()
                .all(|c| c.is_whitespace() && !LINE_BREAKS.contains(&c)),
            "{gap:?} left out of every token before {t:?} in {hay:?}"
        );
        let text = t.span.text(hay);
        if t.kind == TokenKind::LineBreak {
            assert!(
                text == "\r\n" || (text.chars().count() == 1 && text.contains(LINE_BREAKS)),
                "{t:?} is not one line break in {hay:?}"
            );
        } else {
            assert!(
                !text.contains(LINE_BREAKS),
                "line break inside {t:?} in {hay:?}"
            );
        }
        pos = t.span.end;
    }
    let rest = &hay[pos..];
    assert!(
        rest.chars()
            .all(|c| c.is_whitespace() && !LINE_BREAKS.contains(&c)),
        "non-space tail {rest:?} left out of every token in {hay:?}"
    );
}

/// The structure of an analysis: every span inside the text on `char`
/// boundaries; sentences and paragraphs in order, disjoint, non-empty and
/// trimmed;
/// quotations sorted, nested or disjoint (never crossing), each inside
/// its parent, content and marks inside the quotation; a speaker mention
/// outside its quotation; indices in range.
pub fn check_analysis(hay: &str, a: &Analysis) {
    for (list, what) in [(&a.sentences, "sentence"), (&a.paragraphs, "paragraph")] {
        let mut end = 0usize;
        for &s in list.iter() {
            check_span(hay, s, what);
            assert!(
                s.start >= end && !s.is_empty(),
                "{what} {s:?} empty or overlapping the previous one in {hay:?}"
            );
            let t = s.text(hay);
            assert_eq!(t, t.trim(), "{what} {s:?} not trimmed in {hay:?}");
            end = s.end;
        }
    }
    let mut last_start = 0usize;
    for (i, q) in a.quotes.iter().enumerate() {
        check_span(hay, q.span, "quotation");
        check_span(hay, q.content, "content");
        check_span(hay, q.open, "opening mark");
        assert!(
            q.span.start >= last_start,
            "quotations out of order in {hay:?}"
        );
        last_start = q.span.start;
        assert!(
            q.span.contains(q.content) && q.span.contains(q.open),
            "content or mark outside {q:?} in {hay:?}"
        );
        assert_eq!(q.open.start, q.span.start, "{q:?} in {hay:?}");
        assert!(q.open.end <= q.content.start, "{q:?} in {hay:?}");
        if let Some(c) = q.close {
            check_span(hay, c, "closing mark");
            assert_eq!(c.end, q.span.end, "{q:?} in {hay:?}");
            assert!(q.content.end <= c.start, "{q:?} in {hay:?}");
        }
        for p in &a.quotes[..i] {
            let disjoint = p.span.end <= q.span.start || q.span.end <= p.span.start;
            let nested = p.span.contains(q.span) || q.span.contains(p.span);
            assert!(
                disjoint || nested,
                "crossing quotations {p:?} and {q:?} in {hay:?}"
            );
        }
        // A quotation goes on past its paragraph only where the next
        // paragraph opens with a mark (news-style continuation), so an
        // unmatched mark never swallows the paragraphs after it.
        for p in a
            .paragraphs
            .iter()
            .filter(|p| q.span.start < p.start && p.start < q.span.end)
        {
            let first = p.text(hay).chars().next().unwrap_or(' ');
            assert!(
                is_mark_char(first),
                "{q:?} runs into paragraph {p:?}, which opens with no mark, in {hay:?}"
            );
        }
        match q.parent {
            Some(parent) => {
                assert!(parent < i, "parent after child in {hay:?}");
                let p = &a.quotes[parent];
                assert!(
                    p.span.contains(q.span),
                    "{q:?} outside its parent in {hay:?}"
                );
                assert_eq!(q.depth, p.depth + 1, "{q:?} in {hay:?}");
            }
            None => assert_eq!(q.depth, 0, "{q:?} in {hay:?}"),
        }
        if let Some(at) = q.attribution {
            if let Some(m) = at.mention {
                check_span(hay, m, "mention");
                assert!(
                    !q.span.overlaps(m),
                    "mention {m:?} inside its quotation {q:?} in {hay:?}"
                );
            }
            if let Some(c) = at.cue {
                check_span(hay, c, "cue");
            }
            if let Some(s) = at.speaker {
                assert!(
                    s < a.speakers.len(),
                    "speaker index out of range in {hay:?}"
                );
            }
        }
    }
    for s in &a.speakers {
        assert!(!s.name.is_empty(), "a speaker without a name in {hay:?}");
        for &m in &s.mentions {
            check_span(hay, m, "speaker mention");
        }
    }
    let st = &a.stats;
    assert!(
        (0.0..=1.0).contains(&st.quoted_share) && st.quoted_words <= st.words,
        "stats {st:?} for {hay:?}"
    );
    assert_eq!(st.sentences, a.sentences.len(), "{hay:?}");
    assert_eq!(st.paragraphs, a.paragraphs.len(), "{hay:?}");
}

/// The report (UTF-16 offsets) slices the same text as the byte spans,
/// and every quotation's `text` is its content's slice.
pub fn check_report(hay: &str, a: &Analysis) {
    let r = Report::new(hay, a);
    let units: Vec<u16> = hay.encode_utf16().collect();
    assert_eq!(r.quotes.len(), a.quotes.len());
    for (q, rq) in a.quotes.iter().zip(&r.quotes) {
        assert_eq!(
            utf16_slice(&units, rq.start, rq.end),
            q.span.text(hay),
            "{hay:?}"
        );
        assert_eq!(rq.text, q.content.text(hay), "{hay:?}");
        assert_eq!(rq.marks.open, q.open.text(hay), "{hay:?}");
        if let Some(sp) = &rq.speaker {
            let m = &sp.mention;
            assert_eq!(utf16_slice(&units, m.start, m.end), m.text, "{hay:?}");
        }
        if let Some(c) = &rq.cue {
            assert_eq!(utf16_slice(&units, c.start, c.end), c.text, "{hay:?}");
        }
    }
    for (list, spans) in [(&r.sentences, &a.sentences), (&r.paragraphs, &a.paragraphs)] {
        assert_eq!(list.len(), spans.len());
        for (t, s) in list.iter().zip(spans.iter()) {
            assert_eq!(utf16_slice(&units, t.start, t.end), t.text, "{hay:?}");
            assert_eq!(t.text, s.text(hay), "{hay:?}");
        }
    }
}

/// The tags `render_html` emits, and nothing else.
const TAGS: [&str; 5] = [
    "<p>",
    "</p>",
    "</mark>",
    "<mark class=\"q q-speech\"",
    "<mark class=\"q q-other\"",
];

/// Decodes the five entities `escape_into` writes; any other `&` is a
/// failure.
fn unescape_into(out: &mut String, text: &str, html: &str) {
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (c, n) = [
            ('&', "&amp;"),
            ('<', "&lt;"),
            ('>', "&gt;"),
            ('"', "&quot;"),
            ('\'', "&#39;"),
        ]
        .into_iter()
        .find(|(_, e)| tail.starts_with(e))
        .map(|(c, e)| (c, e.len()))
        .unwrap_or_else(|| panic!("bare '&' at {tail:?} in {html:?}"));
        out.push(c);
        rest = &tail[n..];
    }
    out.push_str(rest);
}

/// The HTML of `render_html(hay, a)`: every `<` starts a tag we emit
/// (`<p>`, `<mark class="q q-…" data-speaker="…">` and their ends), marks
/// sit inside paragraphs and never nest, every `&` starts one of our five
/// entities, no `>` `"` `'` appears in text, and the text with tags
/// removed and entities decoded is `hay` again. Returns the number of
/// `<mark>`s.
pub fn check_html(hay: &str, html: &str) -> usize {
    let mut text = String::with_capacity(hay.len());
    let mut rest = html;
    let (mut in_p, mut in_mark, mut marks) = (false, false, 0usize);
    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        let chunk = &rest[..lt];
        assert!(
            !chunk.contains(['>', '"', '\'']),
            "unescaped '>', '\"' or \"'\" in text {chunk:?} of {html:?}"
        );
        unescape_into(&mut text, chunk, html);
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let tag = TAGS
            .iter()
            .find(|t| rest.starts_with(**t))
            .unwrap_or_else(|| panic!("foreign markup at {rest:?} in {html:?}"));
        rest = &rest[tag.len()..];
        match *tag {
            "<p>" => {
                assert!(!in_p, "nested <p> in {html:?}");
                in_p = true;
            }
            "</p>" => {
                assert!(in_p && !in_mark, "misnested </p> in {html:?}");
                in_p = false;
            }
            "</mark>" => {
                assert!(in_mark, "stray </mark> in {html:?}");
                in_mark = false;
            }
            _ => {
                assert!(in_p && !in_mark, "<mark> outside <p> or nested in {html:?}");
                in_mark = true;
                marks += 1;
                if let Some(r) = rest.strip_prefix(" data-speaker=\"") {
                    let end = r
                        .find('"')
                        .unwrap_or_else(|| panic!("unterminated attribute in {html:?}"));
                    let value = &r[..end];
                    assert!(
                        !value.contains(['<', '>', '\'']),
                        "unescaped attribute {value:?} in {html:?}"
                    );
                    let mut name = String::new();
                    unescape_into(&mut name, value, html);
                    assert!(!name.is_empty(), "empty data-speaker in {html:?}");
                    rest = &r[end + 1..];
                }
                rest = rest
                    .strip_prefix('>')
                    .unwrap_or_else(|| panic!("unterminated <mark at {rest:?} in {html:?}"));
            }
        }
    }
    assert!(!in_p && !in_mark, "unclosed element in {html:?}");
    assert_eq!(text, hay, "the text of the HTML is not the input");
    marks
}

/// Every check on one text: tokens, analysis, report, HTML, and that a
/// second analysis gives the same result.
pub fn check_all(hay: &str) {
    check_tokens(hay);
    let a = quotelens::analyze(hay);
    check_analysis(hay, &a);
    check_report(hay, &a);
    let html = quotelens::render_html(hay, &a);
    check_html(hay, &html);
    assert!(a == quotelens::analyze(hay), "not deterministic on {hay:?}");
}
