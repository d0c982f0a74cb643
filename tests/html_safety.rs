//! HTML safety: `render_html` output parsed back by a real HTML5 parser
//! (html5ever, Servo's spec-following parser, with its reference DOM)
//! holds no element or attribute other than the ones we emit, and its
//! text is the input, whatever the input: attribute-breaking quotes,
//! script and style tags, comments, CDATA, entities, NUL, line and
//! paragraph separators, bidi overrides, quotations and speaker names
//! made of markup.

#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use quotelens::{analyze, render_html, Analysis};

/// Inputs written to break out of text or attributes.
const HOSTILE: &[&str] = &[
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "` onmouseover=alert(1) x=`",
    "<script>alert(\"x\")</script>",
    "</mark></p><script>alert(1)</script><p><mark>",
    "<style>*{display:none}</style>",
    "<!-- a comment --> and <!--unclosed",
    "<![CDATA[ <b>cdata</b> ]]>",
    "&amp; &lt; &#x3c;script&#x3e; &#60; &quot; &apos; &nbsp; &NotANamedEntity; &#0; &#xD800;",
    "a\u{0}b NUL and \u{1} \u{7f} \u{85} \u{9f} controls",
    "line\u{2028}separator\u{2029}paragraph",
    "bidi \u{202e}desrever\u{202c} \u{2066}isolate\u{2069} \u{200f}",
    "lone surrogate replaced: \u{fffd} and nonchars \u{fdd0} \u{fffe} \u{10ffff}",
    "<svg><script>alert(1)</script></svg><math><mi>x</mi></math>",
    "<textarea></textarea><title></title><plaintext>",
    "<iframe srcdoc=\"<script>x()</script>\"></iframe>",
    "<a href=\"javascript:alert(1)\">link</a>",
    "<p class=\"q q-speech\" data-speaker=\"fake\">",
    "<mark class=\"q q-other\" data-x='1'>",
    "CR\rLF\nCRLF\r\n\r\nnext",
    "<",
    ">",
    "&",
    "\"",
    "'",
    "&#",
    "<!DOCTYPE html><html><head><base href=//evil></head>",
    "<?php echo 1 ?>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
];

/// Speaker names for the attribute path (set on the analysis by hand,
/// since the attribution rules would rarely make such a name).
const HOSTILE_NAMES: &[&str] = &[
    "\" onmouseover=\"alert(1)",
    "' onmouseover='alert(1)",
    "\"><script>alert(1)</script>",
    "Ann & Lee &amp; &quot;",
    "` x=`",
    "O’Brien <b>",
    "a\u{0}b\u{202e}c",
];

/// The text a browser sees in `hay` as HTML text: CR LF and CR become LF,
/// NUL is dropped from element content.
fn as_parsed(hay: &str) -> String {
    hay.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\u{0}', "")
}

/// The value a browser sees for `value` written in an attribute: CR LF
/// and CR become LF, NUL becomes U+FFFD.
fn as_parsed_attribute(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\u{0}', "\u{fffd}")
}

/// Everything in the parsed `html` that `render_html` does not emit: any
/// element but `<p>` and `<mark>` (a mark only in a paragraph), any
/// attribute but a mark's `class` and `data-speaker`, a class we do not
/// use, a speaker not among `speakers` (as a browser reads them), a comment, doctype or processing
/// instruction, text that differs from `hay`, and any parse error but the
/// ones a NUL in the text or a speaker's name causes (the output is
/// otherwise conforming HTML).
fn foreign(html: &str, hay: &str, speakers: &[&str]) -> Vec<String> {
    let expected = as_parsed(hay);
    let parsed_names: Vec<String> = speakers.iter().map(|s| as_parsed_attribute(s)).collect();
    let parsed_names: Vec<&str> = parsed_names.iter().map(String::as_str).collect();
    let context = QualName::new(None, ns!(html), local_name!("body"));
    let dom: RcDom = parse_fragment(
        RcDom::default(),
        ParseOpts::default(),
        context,
        vec![],
        false,
    )
    .one(html);
    let mut out = Vec::new();
    let nul = hay.contains('\u{0}') || speakers.iter().any(|s| s.contains('\u{0}'));
    for e in dom.errors.borrow().iter() {
        let from_nul = e.contains('\u{0}') || e == "Unexpected token";
        if !(nul && from_nul) {
            out.push(format!("parse error {e:?}"));
        }
    }
    let mut text = String::new();
    // parse_fragment puts the fragment under one <html> element.
    let root = dom.document.children.borrow()[0].clone();
    for child in root.children.borrow().iter() {
        walk(child, "body", &parsed_names, &mut text, &mut out);
    }
    if text != expected {
        out.push(format!("text differs: {text:?} != {expected:?}"));
    }
    out
}

fn walk(node: &Handle, parent: &str, speakers: &[&str], text: &mut String, out: &mut Vec<String>) {
    match &node.data {
        NodeData::Text { contents } => text.push_str(&contents.borrow()),
        NodeData::Element { name, attrs, .. } => {
            let tag = name.local.to_string();
            let ok_place = matches!((tag.as_str(), parent), ("p", "body") | ("mark", "p"));
            if name.ns != ns!(html) || !ok_place {
                out.push(format!("element <{tag}> in <{parent}>"));
            }
            for a in attrs.borrow().iter() {
                let (k, v) = (a.name.local.to_string(), a.value.to_string());
                let ok = tag == "mark"
                    && a.name.ns == ns!()
                    && match k.as_str() {
                        "class" => v == "q q-speech" || v == "q q-other",
                        "data-speaker" => speakers.contains(&v.as_str()),
                        _ => false,
                    };
                if !ok {
                    out.push(format!("attribute {k}={v:?} on <{tag}>"));
                }
            }
            for c in node.children.borrow().iter() {
                walk(c, &tag, speakers, text, out);
            }
        }
        NodeData::Comment { contents } => out.push(format!("comment {contents:?}")),
        NodeData::Doctype { name, .. } => out.push(format!("doctype {name:?}")),
        NodeData::ProcessingInstruction { target, .. } => {
            out.push(format!("processing instruction {target:?}"))
        }
        NodeData::Document => out.push("nested document".into()),
    }
}

/// Renders `hay` with `analysis` and checks the parsed result and the
/// textual invariants; returns the number of marks.
fn check(hay: &str, analysis: &Analysis) -> usize {
    let html = render_html(hay, analysis);
    let names: Vec<&str> = analysis.speakers.iter().map(|s| s.name.as_str()).collect();
    let problems = foreign(&html, hay, &names);
    assert!(problems.is_empty(), "{problems:#?}\nin {html:?}");
    invariants::check_html(hay, &html)
}

/// Each hostile input alone, inside a quotation, around one, and as the
/// text near a speaker.
fn texts() -> Vec<String> {
    let mut out = Vec::new();
    for h in HOSTILE {
        out.push((*h).to_owned());
        out.push(format!("“{h},” said Ann Lee.\n\nShe added: \"{h}\" {h}"));
        out.push(format!("{h} “We will stay,” {h} Tom Ruiz said. ‘{h}’\n{h}"));
        out.push(format!("\"{h}\", said Mr {h}."));
    }
    out.push(HOSTILE.concat());
    out.push(HOSTILE.join("\n\n“"));
    out
}

#[test]
fn hostile_text_stays_text() {
    let mut marks = 0;
    for hay in texts() {
        marks += check(&hay, &analyze(&hay));
    }
    assert!(
        marks > 100,
        "the corpus exercises quotations ({marks} marks)"
    );
}

#[test]
fn hostile_speaker_names_stay_attribute_values() {
    let mut attributed = 0;
    for hay in texts() {
        let a = analyze(&hay);
        if a.speakers.is_empty() {
            continue;
        }
        for name in HOSTILE_NAMES {
            let mut b = a.clone();
            for s in &mut b.speakers {
                s.name = (*name).to_owned();
            }
            let html = render_html(&hay, &b);
            assert!(html.contains(" data-speaker=\""), "{html}");
            check(&hay, &b);
            attributed += 1;
        }
    }
    assert!(attributed > 50);
}

/// The check can fail: markup a renderer let through unescaped, in text
/// or in an attribute value, is caught.
#[test]
fn the_parser_check_catches_unescaped_output() {
    let hay = "“Hi,” said Ann Lee.";
    let mut a = analyze(hay);
    let name = "\" onmouseover=\"alert(1)";
    a.speakers[0].name = name.to_owned();
    let html = render_html(hay, &a);
    let names = [name];
    assert!(foreign(&html, hay, &names).is_empty());
    // The attribute value left unescaped.
    let broken = html.replace("&quot; onmouseover=&quot;alert(1)", name);
    assert_ne!(broken, html);
    let problems = foreign(&broken, hay, &names);
    assert!(
        problems.iter().any(|p| p.contains("onmouseover")),
        "{problems:?}"
    );
    // Text left unescaped.
    let hay = "<img src=x onerror=alert(1)> said Ann.";
    let html = render_html(hay, &analyze(hay))
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let problems = foreign(&html, hay, &[]);
    assert!(problems.iter().any(|p| p.contains("<img>")), "{problems:?}");
}
