// The page's pure helpers (www/core.js) in Node: CSV quoting, HTML
// escaping, nesting of quotation spans, the standalone HTML export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvField, toCsv, escapeHtml, walkNested, toHtmlDocument } from "../www/core.js";

test("CSV fields are quoted per RFC 4180", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField("a,b"), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField("two\nlines"), '"two\nlines"');
  assert.equal(csvField("cr\r"), '"cr\r"');
  assert.equal(csvField(null), "");
  assert.equal(csvField(42), "42");
  assert.equal(csvField(-3), "-3");
  assert.equal(csvField("=HYPERLINK(\"x\")"), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField("+1 more"), "'+1 more");
  assert.equal(csvField("@handle"), "'@handle");
  const quotes = [
    { start: 0, end: 9, text: 'He said "x", then', speaker: { name: "Ann Lee", mention: { start: 0, end: 1, text: "A" } } },
    { start: 10, end: 12, text: "ok", speaker: { name: null, mention: { start: 0, end: 9, text: "officials" } } },
    { start: 13, end: 15, text: "term", speaker: null },
  ];
  assert.equal(
    toCsv(quotes),
    'speaker,quotation,start,end\r\nAnn Lee,"He said ""x"", then",0,9\r\nofficials,ok,10,12\r\n,term,13,15\r\n',
  );
});

test("HTML escaping covers text and attribute values", () => {
  assert.equal(escapeHtml(`<img src=x onerror="a('b')">&`), "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
});

function trace(length, spans) {
  const out = [];
  walkNested(length, spans, {
    onText: (s, e) => out.push(`${s}-${e}`),
    onOpen: (i) => out.push(`<${i}`),
    onClose: (i) => out.push(`${i}>`),
  });
  return out.join(" ");
}

test("quotation spans always nest", () => {
  assert.equal(trace(10, []), "0-10");
  assert.equal(trace(10, [{ start: 2, end: 8 }, { start: 4, end: 6 }]), "0-2 <0 2-4 <1 4-6 1> 6-8 0> 8-10");
  // Out of order input, adjacent spans, a span at the very end.
  assert.equal(trace(6, [{ start: 3, end: 6 }, { start: 0, end: 3 }]), "<1 0-3 1> <0 3-6 0>");
  // A crossing span is clipped to its parent; an empty or out-of-range one is skipped.
  assert.equal(trace(10, [{ start: 0, end: 5 }, { start: 3, end: 8 }, { start: 9, end: 9 }, { start: 8, end: 20 }]), "<0 0-3 <1 3-5 1> 0> 5-10");
});

test("the HTML export is a standalone, escaped document", () => {
  const text = `<b>x</b> “Hi & bye,” said Ann Lee.`;
  const start = text.indexOf("“");
  const end = text.indexOf("”") + 1;
  const analysis = {
    quotes: [{ start, end, text: "Hi & bye,", kind: "speech", speaker: { name: "Ann Lee", mention: null }, cue: { text: "said" }, rule: "quote-cue-speaker" }],
    speakers: [{ name: "Ann Lee", quotes: 1, words: 2 }],
  };
  const html = toHtmlDocument(text, analysis, "<title>");
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<title>&lt;title&gt;<\/title>/);
  assert.match(html, /&lt;b&gt;x&lt;\/b&gt; <mark class="speech sp-0" title="Speaker: Ann Lee · Cue: said · Rule: quote-cue-speaker">“Hi &amp; bye,”<\/mark> said Ann Lee\./);
  assert.doesNotMatch(html, /<b>|<script/);
});
