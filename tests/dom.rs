//! `highlightElement()` on real DOM trees, in headless Chromium only
//! (`make test-wasm-chrome` runs it; Node has no DOM). The widget's
//! end-to-end behaviour is in e2e/widget.spec.mjs; here the text walk and
//! the UTF-16 → (text node, offset) mapping are checked node by node.
#![cfg(all(target_arch = "wasm32", feature = "dom"))]

use js_sys::{Array, JsString, Object, Reflect};
use quotelens::wasm::highlight_element;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element, Node, Range};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `<div>` with `html` inside, attached to the page (so it has computed
/// styles).
fn fixture(html: &str) -> Element {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    div.set_inner_html(html);
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// A `highlightElement()` result, read as JavaScript would.
struct Highlighting(JsValue);

impl Highlighting {
    fn get(&self, key: &str) -> JsValue {
        Reflect::get(&self.0, &key.into()).unwrap()
    }
    fn text(&self) -> String {
        self.get("text").as_string().unwrap()
    }
    fn mode(&self) -> String {
        self.get("mode").as_string().unwrap()
    }
    fn analysis(&self) -> JsValue {
        self.get("analysis")
    }
    fn ranges(&self) -> Array {
        self.get("ranges").dyn_into().unwrap()
    }
    fn clear(&mut self) {
        let f: js_sys::Function = self.get("clear").dyn_into().unwrap();
        f.call0(&self.0).unwrap();
    }
}

fn highlight(root: &Element, options: Object) -> Highlighting {
    Highlighting(highlight_element(root, Some(options)).unwrap())
}

fn options(mode: &str) -> Object {
    let o = Object::new();
    Reflect::set(&o, &"mode".into(), &mode.into()).unwrap();
    Reflect::set(&o, &"lang".into(), &"en".into()).unwrap();
    o
}

/// The text of each marked quotation (`Range.toString()`), `None` for an
/// unmarked one.
fn range_texts(h: &Highlighting) -> Vec<Option<String>> {
    h.ranges()
        .iter()
        .map(|r| {
            r.dyn_into::<Range>()
                .ok()
                .map(|r| String::from(r.to_string()))
        })
        .collect()
}

fn quote_count(h: &Highlighting) -> u32 {
    let quotes: Array = Reflect::get(&h.analysis(), &"quotes".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    quotes.length()
}

/// The marks' text per quotation, pieces joined in document order (an
/// outer quotation's marks hold the inner one's).
fn mark_texts(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("mark[data-quote-lens]").unwrap();
    let mut out: Vec<(String, String)> = Vec::new();
    for i in 0..list.length() {
        let m: Element = list.item(i).unwrap().dyn_into().unwrap();
        let q = m.get_attribute("data-quote-lens-quote").unwrap();
        let text = m.text_content().unwrap();
        match out.iter_mut().find(|(k, _)| *k == q) {
            Some((_, t)) => t.push_str(&text),
            None => out.push((q, text)),
        }
    }
    out.into_iter().map(|(_, t)| t).collect()
}

#[wasm_bindgen_test]
fn text_has_blank_lines_at_blocks_and_collapses_white_space() {
    let root = fixture(
        "<h1>Title</h1>\n  <p>One <em>two</em>\n     three</p>\
         <ul><li>a</li> <li>b</li></ul><p>x<br>y</p>\
         <script>var z = 1;</script><style>p{}</style><p hidden>hidden</p>\
         <p style=\"display:none\">none</p><span style=\"display:block\">blk</span>\
         <pre>l1\n  l2</pre><p>tail&nbsp; end</p>",
    );
    let h = highlight(&root, options("highlight"));
    assert_eq!(
        h.text(),
        "Title\n\nOne two three\n\na\n\nb\n\nx\n\ny\n\nblk\n\nl1\n  l2\n\ntail\u{a0} end"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn detached_elements_go_by_tag() {
    let div = document().create_element("div").unwrap();
    div.set_inner_html("<p>a</p><p>b <b>c</b></p><div>d</div>");
    let h = highlight(&div, options("mark"));
    assert_eq!(h.text(), "a\n\nb c\n\nd");
}

#[wasm_bindgen_test]
fn highlight_ranges_are_the_quotations_after_emoji_and_markup() {
    let root = fixture(
        "<p>😀 The <a href=\"#\">port</a> 🇺🇦 opened.\n   “We <em>will</em> stay,” said Ann Lee.</p>\
         <p>“It <b>rains</b>.</p><p>“Then it stops,” she said.</p>",
    );
    let h = highlight(&root, options("highlight"));
    assert_eq!(h.mode(), "highlight");
    let texts = range_texts(&h);
    assert_eq!(texts.len() as u32, quote_count(&h));
    assert_eq!(texts[0].as_deref(), Some("“We will stay,”"));
    // Across two paragraphs; Range.toString() joins the text nodes.
    assert_eq!(texts[1].as_deref(), Some("“It rains.“Then it stops,”"));
    let mut h = h;
    h.clear();
    assert_eq!(range_texts(&h), Vec::<Option<String>>::new());
    root.remove();
}

#[wasm_bindgen_test]
fn lone_surrogates_in_the_dom_keep_offsets() {
    let root = fixture("<p></p>");
    let p = root.first_element_child().unwrap();
    let mut units: Vec<u16> = vec![0xD800, 0x20];
    units.extend("“Yes,” said Ann Lee. \u{1F600} “No,” he said.".encode_utf16());
    let text = JsString::from_char_code(&units);
    p.set_text_content(Some(&String::from(text.clone())));
    // set_text_content goes through Rust (U+FFFD); set the raw JS string.
    let node: Node = p.first_child().unwrap();
    Reflect::set(&node, &"data".into(), &text).unwrap();
    let h = highlight(&root, options("highlight"));
    let texts = range_texts(&h);
    assert_eq!(
        texts,
        vec![Some("“Yes,”".to_owned()), Some("“No,”".to_owned())]
    );
    root.remove();
}

#[wasm_bindgen_test]
fn marks_wrap_exactly_the_quotation_and_clear_restores_the_dom() {
    let html =
        "<p>Intro. “A visitor spoke of ‘the <i>mills</i> at home’ and cried,” said Ann Lee.</p>\
                <p>“Two <a href=\"#x\">links</a>.</p><p>“And more,” she added.</p>";
    let root = fixture(html);
    let first_text = root.first_element_child().unwrap().first_child().unwrap();
    let h = highlight(&root, options("mark"));
    assert_eq!(h.mode(), "mark");
    let marks = mark_texts(&root);
    let texts: Vec<&str> = marks.iter().map(String::as_str).collect();
    assert_eq!(
        texts,
        [
            "“A visitor spoke of ‘the mills at home’ and cried,”",
            "‘the mills at home’",
            "“Two links.“And more,”",
        ]
    );
    // Nested quotation, nested marks: the inner one inside the outer one,
    // one mark per text node ("‘the ", "mills", " at home’").
    assert_eq!(
        root.query_selector_all("mark[data-quote-lens=\"other\"]")
            .unwrap()
            .length(),
        3
    );
    assert!(root
        .query_selector("mark[data-quote-lens] > mark[data-quote-lens=\"other\"]")
        .unwrap()
        .is_some());
    // The ranges agree with the marks.
    let ranges = range_texts(&h);
    assert_eq!(ranges[0].as_deref(), Some(texts[0]));
    assert_eq!(ranges[2].as_deref(), Some(texts[2]));
    let mut h = h;
    h.clear();
    assert_eq!(h.mode(), "none");
    assert_eq!(root.inner_html(), html);
    // The host's own text node is back in place, joined, not replaced.
    let again = root.first_element_child().unwrap().first_child().unwrap();
    assert!(again.is_same_node(Some(&first_text)));
    assert_eq!(
        again.text_content().unwrap(),
        "Intro. “A visitor spoke of ‘the "
    );
    h.clear();
    assert_eq!(root.inner_html(), html);
    root.remove();
}

#[wasm_bindgen_test]
fn marks_copied_by_the_host_are_not_wrapped_again() {
    let root = fixture("<p>“One <b>two</b>,” said Ann Lee. The “plan” was late.</p>");
    let _first = highlight(&root, options("mark"));
    let marked = root.inner_html();
    // The host copies its markup with our marks in it: they are new
    // elements no highlighting owns.
    root.set_inner_html(&marked);
    let mut second = highlight(&root, options("mark"));
    assert_eq!(mark_texts(&root), ["“One two,”", "“plan”"]);
    assert_eq!(root.inner_html(), marked);
    second.clear();
    assert_eq!(
        root.query_selector_all("mark").unwrap().length(),
        0,
        "{}",
        root.inner_html()
    );
    root.remove();
}

#[wasm_bindgen_test]
fn marking_and_clearing_keep_the_selection() {
    let root = fixture("<p>Before “one two three four,” said Ann Lee, after.</p>");
    let text = root.first_element_child().unwrap().first_child().unwrap();
    let sel = document().get_selection().unwrap().unwrap();
    // From inside "two" to inside "after".
    sel.set_base_and_extent(&text, 13, &text, 45).unwrap();
    let before = String::from(sel.to_string());
    assert_eq!(before, "wo three four,” said Ann Lee, af");
    let mut h = highlight(&root, options("mark"));
    assert_eq!(mark_texts(&root).len(), 1);
    assert_eq!(String::from(sel.to_string()), before);
    h.clear();
    assert_eq!(String::from(sel.to_string()), before);
    assert!(sel.anchor_node().unwrap().is_same_node(Some(&text)));
    assert_eq!(sel.anchor_offset(), 13);
    sel.remove_all_ranges().unwrap();
    root.remove();
}

#[wasm_bindgen_test]
fn kinds_choose_what_is_marked_and_highlights_are_shared() {
    let root = fixture("<p>“Go,” said Ann Lee. The “plan” was late.</p>");
    let o = options("highlight");
    Reflect::set(&o, &"kinds".into(), &Array::of1(&"speech".into())).unwrap();
    let mut a = highlight(&root, o);
    assert_eq!(range_texts(&a), vec![Some("“Go,”".to_owned()), None]);
    // A second highlighting of the same names adds to the same Highlight.
    let mut b = highlight(&root, options("highlight"));
    let registry = Reflect::get(
        &Reflect::get(&js_sys::global(), &"CSS".into()).unwrap(),
        &"highlights".into(),
    )
    .unwrap();
    let get = |name: &str| {
        let f: js_sys::Function = Reflect::get(&registry, &"get".into())
            .unwrap()
            .dyn_into()
            .unwrap();
        f.call1(&registry, &name.into()).unwrap()
    };
    let size = |name: &str| {
        let h = get(name);
        if h.is_undefined() {
            return 0.0;
        }
        Reflect::get(&h, &"size".into()).unwrap().as_f64().unwrap()
    };
    // Other tests may have left highlights of their own: count ours.
    let base = size("quote-lens-speaker-0");
    assert!(base >= 2.0);
    a.clear();
    assert_eq!(size("quote-lens-speaker-0"), base - 1.0);
    let other = size("quote-lens-other");
    b.clear();
    assert_eq!(size("quote-lens-speaker-0"), base - 2.0);
    assert_eq!(size("quote-lens-other"), other - 1.0);
    root.remove();
}

#[wasm_bindgen_test]
fn bad_options_are_errors() {
    let root = fixture("<p>x</p>");
    for (key, value) in [
        ("kinds", JsValue::from(Array::of1(&"quips".into()))),
        ("kinds", JsValue::from("speech")),
        ("mode", JsValue::from("paint")),
        ("colors", JsValue::from(0.0)),
        ("colors", JsValue::from(2.5)),
        ("lang", JsValue::from("not a tag")),
    ] {
        let o = Object::new();
        Reflect::set(&o, &key.into(), &value).unwrap();
        assert!(highlight_element(&root, Some(o)).is_err(), "{key}");
    }
    root.remove();
}

#[wasm_bindgen_test]
fn deep_nesting_does_not_exhaust_the_stack() {
    let depth = 20_000;
    let html = format!(
        "{}“Deep,” said Ann Lee.{}",
        "<span>".repeat(depth),
        "</span>".repeat(depth)
    );
    let div = document().create_element("div").unwrap();
    div.set_inner_html(&html);
    let mut h = highlight(&div, options("highlight"));
    assert_eq!(range_texts(&h), vec![Some("“Deep,”".to_owned())]);
    h.clear();
}
