// analyze()'s and quotes()'s objects, which js/objects.js builds from the
// numbers src/wasm/objects.rs lays out, checked field by field against
// offsets this test finds itself (String.prototype.indexOf, in UTF-16
// units like the contract), with the exact keys in their order and the
// `null`s of absent fields. Texts written for this test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, quotes } from "../pkg/node.js";
import { wellFormed } from "../js/objects.js";

const QUOTE_KEYS = ["start", "end", "text", "kind", "speaker", "cue", "rule", "marks", "depth", "parent"];
const SPAN_KEYS = ["start", "end", "text"];

// An emoji (two UTF-16 units) before the first quotation and one inside a
// sentence, so that byte, code point and UTF-16 offsets all differ; a
// named speaker, one named by a pronoun, a mention that names nobody
// ("officials": `name` null), a nested scare quote, and an unclosed
// quotation. Attribution patterns as plain as the rules get, so that the
// expected speakers stay right while the rules improve.
const TEXT = [
  "😀 “We are ready,” said Ann Lee, the 🚀 director.",
  "“No comment,” officials said.",
  "“It ‘works’ fine,” Lee added. She said: “Come now.”",
  "The meeting ended at noon.",
  "“Unclosed to the paragraph end",
].join("\n\n");

/** The UTF-16 range of the `nth` (0-based) `needle` in `hay`, found by indexOf. */
function find(hay, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = hay.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `${needle} #${nth} is in the text`);
  }
  return { start: at, end: at + needle.length };
}

/** What a quotation `open + inner + close` at `hay`'s `nth` one should be. */
function quoteAt(hay, open, inner, close, nth = 0) {
  const whole = find(hay, open + inner + close, nth);
  return { start: whole.start, end: whole.end, text: inner, marks: { open, close } };
}

function assertSpan(actual, hay, needle, nth = 0) {
  assert.deepEqual(Object.keys(actual), SPAN_KEYS);
  const { start, end } = find(hay, needle, nth);
  assert.equal(actual.start, start);
  assert.equal(actual.end, end);
  assert.equal(actual.text, needle);
  assert.equal(hay.slice(actual.start, actual.end), actual.text);
}

function assertQuote(q, hay, expected) {
  assert.deepEqual(Object.keys(q), QUOTE_KEYS);
  assert.equal(q.start, expected.start);
  assert.equal(q.end, expected.end);
  assert.equal(q.text, expected.text);
  assert.deepEqual(Object.keys(q.marks), ["open", "close"]);
  assert.deepEqual(q.marks, expected.marks);
  assert.equal(q.kind, expected.kind);
  assert.equal(q.depth, expected.depth);
  assert.equal(q.parent, expected.parent);
  assert.equal(q.rule, expected.rule);
  if (expected.speaker === null) {
    assert.equal(q.speaker, null);
  } else {
    assert.deepEqual(Object.keys(q.speaker), ["name", "mention"]);
    assert.equal(q.speaker.name, expected.speaker.name);
    assertSpan(q.speaker.mention, hay, expected.speaker.mention, expected.speaker.nth ?? 0);
  }
  if (expected.cue === null) assert.equal(q.cue, null);
  else assertSpan(q.cue, hay, expected.cue, expected.cueNth ?? 0);
}

/** The quotations TEXT holds, with the fields this test expects. */
function expectedQuotes(hay) {
  return [
    {
      ...quoteAt(hay, "“", "We are ready,", "”"),
      kind: "speech", speaker: { name: "Ann Lee", mention: "Ann Lee" }, cue: "said",
      rule: "quote-cue-speaker", depth: 0, parent: null,
    },
    {
      ...quoteAt(hay, "“", "No comment,", "”"),
      kind: "speech", speaker: { name: null, mention: "officials" }, cue: "said", cueNth: 1,
      rule: "quote-speaker-cue", depth: 0, parent: null,
    },
    {
      ...quoteAt(hay, "“", "It ‘works’ fine,", "”"),
      kind: "speech", speaker: { name: "Ann Lee", mention: "Lee", nth: 1 }, cue: "added",
      rule: "quote-speaker-cue", depth: 0, parent: null,
    },
    {
      ...quoteAt(hay, "‘", "works", "’"),
      kind: "other", speaker: null, cue: null, rule: null, depth: 1, parent: 2,
    },
    {
      ...quoteAt(hay, "“", "Come now.", "”"),
      kind: "speech", speaker: { name: "Ann Lee", mention: "She" }, cue: "said", cueNth: 2,
      rule: "speaker-cue-quote", depth: 0, parent: null,
    },
    {
      ...quoteAt(hay, "“", "Unclosed to the paragraph end", ""),
      kind: "speech", speaker: null, cue: null, rule: null, depth: 0, parent: null,
    },
  ];
}

test("analyze(): every field of every object, in contract order", () => {
  const a = analyze(TEXT);
  assert.deepEqual(Object.keys(a), ["quotes", "sentences", "paragraphs", "speakers", "stats"]);
  const expected = expectedQuotes(TEXT);
  assert.equal(a.quotes.length, expected.length);
  a.quotes.forEach((q, i) => assertQuote(q, TEXT, expected[i]));

  const sentences = [
    "😀 “We are ready,” said Ann Lee, the 🚀 director.",
    "“No comment,” officials said.",
    "“It ‘works’ fine,” Lee added.",
    "She said: “Come now.”",
    "The meeting ended at noon.",
    "“Unclosed to the paragraph end",
  ];
  assert.equal(a.sentences.length, sentences.length);
  a.sentences.forEach((s, i) => assertSpan(s, TEXT, sentences[i]));
  const paragraphs = TEXT.split("\n\n");
  assert.equal(a.paragraphs.length, paragraphs.length);
  a.paragraphs.forEach((p, i) => assertSpan(p, TEXT, paragraphs[i]));

  assert.equal(a.speakers.length, 1);
  assert.deepEqual(Object.keys(a.speakers[0]), ["name", "quotes", "words", "mentions"]);
  assert.equal(a.speakers[0].name, "Ann Lee");
  assert.equal(a.speakers[0].quotes, 3);
  // Words of the three quotations: "We are ready", "It works fine", "Come now".
  assert.equal(a.speakers[0].words, 8);
  assert.deepEqual(a.speakers[0].mentions, ["Ann Lee", "Lee", "She"]);

  assert.deepEqual(Object.keys(a.stats), ["words", "sentences", "paragraphs", "readingMinutes", "quotedWords", "quotedShare"]);
  assert.equal(a.stats.sentences, sentences.length);
  assert.equal(a.stats.paragraphs, paragraphs.length);
  assert.equal(a.stats.readingMinutes, 1);
  assert.equal(a.stats.quotedShare, a.stats.quotedWords / a.stats.words);
});

test("quotes(): the kept quotations, parent and depth in the returned list", () => {
  const all = expectedQuotes(TEXT);
  const list = quotes(TEXT);
  assert.equal(list.length, all.length);
  list.forEach((q, i) => assertQuote(q, TEXT, all[i]));
  assert.deepEqual(JSON.parse(JSON.stringify(list)), JSON.parse(JSON.stringify(analyze(TEXT).quotes)));

  const others = quotes(TEXT, { kinds: ["other"] });
  assert.equal(others.length, 1);
  // Its enclosing quotation was left out: no parent, top level.
  assertQuote(others[0], TEXT, { ...all[3], depth: 0, parent: null });

  const speech = quotes(TEXT, { kinds: ["speech"] });
  assert.equal(speech.length, 5);
  speech.forEach((q, i) => assertQuote(q, TEXT, all.filter((e) => e.kind === "speech")[i]));
  assert.deepEqual(quotes(TEXT, { kinds: [] }), []);
});

test("a lone surrogate: offsets unchanged, texts say U+FFFD", () => {
  // The same text with a lone high surrogate in the first quotation and a
  // lone low one in the last paragraph: one UTF-16 unit each, as U+FFFD is.
  // The same text with a lone high surrogate before the quotations and a
  // lone low one between them: one UTF-16 unit each, as U+FFFD is, so
  // the offsets are those of the text with U+FFFD in their place.
  const broken = TEXT.replace("the 🚀", "the \uD800").replace("at noon", "at \uDC00");
  const fixed = broken.replace("\uD800", "\uFFFD").replace("\uDC00", "\uFFFD");
  assert.equal(broken.length, fixed.length);
  const a = analyze(broken);
  const expected = expectedQuotes(fixed);
  assert.equal(a.quotes.length, expected.length);
  a.quotes.forEach((q, i) => assertQuote(q, fixed, expected[i]));
  assertSpan(a.sentences[0], fixed, "😀 “We are ready,” said Ann Lee, the \uFFFD director.");
  assertSpan(a.paragraphs[3], fixed, "The meeting ended at \uFFFD.");
  assert.deepEqual(quotes(broken), a.quotes);
  // Inside a quotation's text too.
  const inner = "“Yes \uDBFF,” said Ann Lee.";
  assert.equal(analyze(inner).quotes[0].text, "Yes \uFFFD,");
});

test("texts without quotations, or without anything", () => {
  const empty = analyze("");
  assert.deepEqual(empty, {
    quotes: [], sentences: [], paragraphs: [], speakers: [],
    stats: { words: 0, sentences: 0, paragraphs: 0, readingMinutes: 0, quotedWords: 0, quotedShare: 0 },
  });
  assert.deepEqual(quotes(""), []);
  // Only combining marks and an emoji: one sentence and paragraph, no quotation.
  const marks = "\u0301\u0301 👍🏽";
  const a = analyze(marks);
  assert.deepEqual(a.quotes, []);
  assert.deepEqual(a.speakers, []);
  assert.equal(a.paragraphs.length, 1);
  assertSpan(a.paragraphs[0], marks, marks);
});

test("the fallback for engines without isWellFormed replaces what toWellFormed does", () => {
  const samples = ["", "plain", "😀", "\uD800", "\uDC00", "a\uD800", "\uDC00b", "\uDBFF\uDFFF", "\uDC00\uD800", "x\uD83D\uDE00\uD83Dy\uDE00"];
  for (const s of samples) {
    // A String object whose isWellFormed is hidden takes the other path.
    const old = Object.assign(new String(s), { isWellFormed: undefined });
    assert.equal(wellFormed(old), s.toWellFormed(), JSON.stringify(s));
    assert.equal(wellFormed(s), s.toWellFormed(), JSON.stringify(s));
  }
});

test("marks of one and of two units, in any order, are the text's own", () => {
  // The builder keeps one string per one-unit mark across calls (MARKS in
  // js/objects.js): a two-unit mark that starts with the same unit, or a
  // one-unit mark met after it, must still come out as written.
  const texts = [
    "``Yes,'' she said. ''No,'' he said. \"Fine,\" said Al. “Good,” said Bo.",
    "“Good,” said Bo. ''Maybe,'' said Cy. 'Right,' said Di. «Sure», said Ed.",
  ];
  for (const hay of [...texts, ...texts.reverse()]) {
    const qs = analyze(hay).quotes;
    assert.ok(qs.length >= 3, `quotations found in ${hay}`);
    for (const q of qs) {
      const { open, close } = q.marks;
      // The open mark is what lies between the quotation's start and its text.
      const textStart = q.end - close.length - q.text.length;
      assert.equal(open, hay.slice(q.start, textStart), hay);
      assert.equal(close, hay.slice(q.end - close.length, q.end), hay);
      assert.equal(q.text, hay.slice(textStart, q.end - close.length), hay);
      assert.ok(open.length > 0, hay);
    }
    assert.ok(qs.some((q) => q.marks.open.length === 2), `a two-unit mark in ${hay}`);
  }
});
