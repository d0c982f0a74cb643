// The documented input limit (quotelens::MAX_INPUT_BYTES, 20 MiB): a text of
// exactly that size analyzes in Node, in one call, without running out of
// memory, and the offsets at its far end are still right. (The refusals of
// longer texts are in the shared suite, shared/suite.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, maxInputBytes } from "../pkg/node.js";

const MAX = 20 * 1024 * 1024;

// Paragraphs written for this test: quotations with speakers, a scare
// quote, an emoji (two UTF-16 units), CJK (three UTF-8 bytes a character).
const PARAGRAPHS = [
  "“We will reopen the ferry in May,” said harbour master Ann Lee on Tuesday. 😀",
  "The “fast ferry” takes an hour. Tom Ruiz, a councillor, said: “The money is there.”",
  "東京の記者も取材した。 The vote is on 3 May.",
];

/** Exactly `bytes` of UTF-8: whole paragraphs, then ASCII padding. */
function textOf(bytes) {
  const block = PARAGRAPHS.join("\n\n") + "\n\n";
  const blockBytes = Buffer.byteLength(block);
  const copies = Math.floor(bytes / blockBytes);
  const text = block.repeat(copies) + "x".repeat(bytes - copies * blockBytes);
  return { text, copies };
}

test("a 20 MiB text analyzes, with right offsets at its end", () => {
  assert.equal(maxInputBytes(), MAX);
  const { text, copies } = textOf(MAX);
  assert.equal(Buffer.byteLength(text), MAX);
  const a = analyze(text);
  // Each block: three paragraphs, two speech quotations and a scare quote;
  // the padding is one more paragraph.
  assert.equal(a.paragraphs.length, 3 * copies + 1);
  assert.equal(a.quotes.filter((q) => q.kind === "speech").length, 2 * copies);
  assert.equal(a.quotes.filter((q) => q.kind === "other").length, copies);
  const names = a.speakers.map((s) => s.name).sort();
  assert.deepEqual(names, ["Ann Lee", "Tom Ruiz"]);
  for (const span of [a.sentences.at(-2), a.paragraphs.at(-2), a.paragraphs.at(-1)]) {
    assert.equal(text.slice(span.start, span.end), span.text);
  }
  assert.equal(a.paragraphs.at(-1).end, text.length);
  const last = a.quotes.at(-1);
  assert.equal(text.slice(last.start, last.end), "“The money is there.”");
  assert.ok(a.stats.words > 3_000_000);
});
