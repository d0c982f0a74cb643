// The built npm package (pkg/, `wasm-pack build --target web`) as a Node
// user sees it. Run with `node --test js-tests/` after `make build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import init, { analyze, tokenize, tokenKindName, TokenKind, version } from "../pkg/quotelens.js";

const pkgDir = new URL("../pkg/", import.meta.url);
await init({ module_or_path: readFileSync(new URL("quotelens_bg.wasm", pkgDir)) });

// Texts with astral characters (two UTF-16 units), CJK and combining marks,
// so byte, code point and UTF-16 offsets all differ.
const TEXTS = [
  "😀 Tea is hot. Milk is cold.",
  "The mayor 👩🏽‍⚖️ spoke first. “We will open the bridge in May,” she said.\n\nCrowds cheered 🎉🎉.",
  "東京で会議が開かれた。参加者は約300人。 Then the English summary followed.",
  "Zoë Brontë’s café reopened. Prices rose by 5%; nobody minded.",
  "Line one 𝒜𝒷𝒸.\nLine two, with a flag 🇺🇦 and e\u0301.\n\n\nA last paragraph",
  "",
  "   ",
];

/** Checks that every {start, end, text} span indexes `text` in UTF-16. */
function assertSpan(text, span, what) {
  assert.equal(typeof span.start, "number", `${what}.start`);
  assert.equal(typeof span.end, "number", `${what}.end`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what} in range`);
  assert.equal(text.slice(span.start, span.end), span.text, `${what} text`);
}

test("package metadata", () => {
  const meta = JSON.parse(readFileSync(new URL("package.json", pkgDir), "utf8"));
  assert.equal(meta.name, "quotelens");
  assert.equal(meta.version, version());
  assert.equal(meta.type, "module");
});

test("the DOM highlighter is only in the widget's module", async () => {
  // A page or app that calls analyze() loads quotelens_bg.wasm: it must not
  // carry highlightElement() and its web-sys glue (scripts/package.mjs).
  const core = await import("../pkg/quotelens.js");
  const dom = await import("../pkg/quotelens_dom.js");
  assert.equal(core.highlightElement, undefined);
  assert.equal(typeof dom.highlightElement, "function");
  assert.equal(typeof dom.analyze, "function");
  const widget = readFileSync(new URL("quote-lens.js", pkgDir), "utf8");
  assert.match(widget, /from "\.\/quotelens_dom\.js"/);
  const size = (name) => readFileSync(new URL(name, pkgDir)).length;
  assert.ok(size("quotelens_bg.wasm") < size("quotelens_dom_bg.wasm"), "the main module is the smaller one");
});

test("the .d.ts types every export precisely (no any)", () => {
  const dts = readFileSync(new URL("quotelens.d.ts", pkgDir), "utf8");
  // The public API; the raw wasm exports after InitInput type DOM handles
  // (externref) as `any`, and nobody calls them directly.
  const api = dts.slice(0, dts.indexOf("export type InitInput"));
  assert.ok(api.length > 0);
  assert.doesNotMatch(api, /\bany\b/);
  assert.match(dts, /export function analyze\(text: string, options\?: AnalyzeOptions\): Analysis;/);
  assert.match(dts, /export function tokenize\(text: string\): Uint32Array;/);
  for (const name of ["Analysis", "Quote", "Sentence", "Paragraph", "Speaker", "Stats", "TextSpan", "AnalyzeOptions"]) {
    assert.match(dts, new RegExp(`export interface ${name}\\b`), name);
  }
  assert.match(dts, /export enum TokenKind/);
});

test("analyze returns the Analysis JSON shape as plain objects", () => {
  const a = analyze("One. Two.\n\nThree.");
  assert.deepEqual(Object.keys(a).sort(), ["paragraphs", "quotes", "sentences", "speakers", "stats"]);
  for (const key of ["quotes", "sentences", "paragraphs", "speakers"]) {
    assert.ok(Array.isArray(a[key]), key);
  }
  assert.equal(Object.getPrototypeOf(a.stats), Object.prototype);
  for (const key of ["words", "sentences", "paragraphs", "readingMinutes", "quotedWords", "quotedShare"]) {
    assert.equal(typeof a.stats[key], "number", `stats.${key}`);
  }
  assert.equal(a.stats.sentences, a.sentences.length);
  assert.equal(a.stats.paragraphs, a.paragraphs.length);
  assert.equal(a.paragraphs.length, 2);
  // JSON-compatible: survives a JSON round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
});

test("analyze offsets index the JS string (emoji, CJK, combining marks)", () => {
  for (const text of TEXTS) {
    const a = analyze(text);
    a.sentences.forEach((s, i) => assertSpan(text, s, `sentences[${i}]`));
    a.paragraphs.forEach((p, i) => assertSpan(text, p, `paragraphs[${i}]`));
    for (const [i, q] of a.quotes.entries()) {
      assert.ok(0 <= q.start && q.start < q.end && q.end <= text.length, `quotes[${i}] in range`);
      const whole = text.slice(q.start, q.end);
      assert.ok(whole.startsWith(q.marks.open), `quotes[${i}] starts with its mark`);
      assert.ok(whole.endsWith(q.marks.close), `quotes[${i}] ends with its mark`);
      assert.ok(["speech", "other"].includes(q.kind));
      if (q.speaker) assertSpan(text, q.speaker.mention, `quotes[${i}].speaker.mention`);
      if (q.cue) assertSpan(text, q.cue, `quotes[${i}].cue`);
    }
    // Sentences are trimmed and in order.
    let prev = 0;
    for (const s of a.sentences) {
      assert.ok(s.start >= prev);
      assert.equal(s.text, s.text.trim());
      prev = s.end;
    }
  }
});

test("sentence offsets after an emoji are UTF-16 units", () => {
  const text = "😀 Tea is hot. Milk is cold.";
  const { sentences } = analyze(text);
  assert.equal(sentences.length, 2);
  assert.equal(sentences[0].start, 0);
  assert.deepEqual([sentences[1].start, sentences[1].end], [15, 28]);
  assert.equal(sentences[1].text, "Milk is cold.");
});

test("a lone surrogate becomes U+FFFD and offsets still index the JS string", () => {
  const text = "a\uD800b. Next one.";
  const { sentences } = analyze(text);
  assert.equal(sentences.length, 2);
  assert.equal(sentences[0].text, "a\uFFFDb.");
  assert.equal(sentences[0].end, 4);
  assert.equal(text.slice(sentences[1].start, sentences[1].end), "Next one.");
  assert.equal(sentences[1].end, text.length);
  const toks = tokenize(text);
  assert.equal(toks.at(-2), text.length);
});

test("analyze options", () => {
  assert.doesNotThrow(() => analyze("Ja. Nein.", { lang: "de-CH" }));
  assert.doesNotThrow(() => analyze("Oui.", { lang: "auto" }));
  assert.doesNotThrow(() => analyze("Hi.", {}));
  assert.doesNotThrow(() => analyze("Hi.", undefined));
  assert.doesNotThrow(() => analyze("Hi.", null));
  assert.throws(() => analyze("Hi.", { lang: "not a tag" }), /unknown language tag/);
  assert.throws(() => analyze("Hi.", { lang: 7 }), /must be a string/);
});

test("tokenize returns [start, end, kind] triples in UTF-16 units", () => {
  for (const text of TEXTS) {
    const toks = tokenize(text);
    assert.ok(toks instanceof Uint32Array);
    assert.equal(toks.length % 3, 0);
    let pos = 0;
    let covered = "";
    for (let i = 0; i < toks.length; i += 3) {
      const [start, end, kind] = toks.subarray(i, i + 3);
      assert.ok(pos <= start && start < end && end <= text.length, `token ${i / 3} of ${JSON.stringify(text)}`);
      assert.equal(typeof tokenKindName(kind), "string", `kind ${kind}`);
      assert.equal(TokenKind[TokenKind[kind]], kind);
      // Only whitespace between tokens.
      assert.match(text.slice(pos, start), /^\s*$/u);
      covered += text.slice(start, end);
      pos = end;
    }
    assert.match(text.slice(pos), /^\s*$/u);
    // Every non-whitespace character is in a token (line breaks may be
    // tokens of their own too).
    assert.equal(covered.replace(/\s+/gu, ""), text.replace(/\s+/gu, ""));
  }
});

test("TokenKind values are fixed", () => {
  const expected = {
    Word: 0, Number: 1, Punctuation: 2, QuoteMark: 3, Url: 4, Email: 5, Mention: 6,
    Hashtag: 7, Emoji: 8, Abbreviation: 9, Symbol: 10, Ideograph: 11, LineBreak: 12,
  };
  for (const [name, value] of Object.entries(expected)) {
    assert.equal(TokenKind[name], value, name);
    assert.equal(TokenKind[value], name);
    assert.equal(tokenKindName(value), name[0].toLowerCase() + name.slice(1));
  }
  assert.equal(tokenKindName(99), undefined);
});

test("a long text is analyzed quickly", () => {
  const para = "“We are ready,” said Ann Lee, the mayor 😀. The vote is on 3 May.\n\n";
  const text = para.repeat(4000); // ~300k UTF-16 units
  const t0 = performance.now();
  const a = analyze(text);
  const toks = tokenize(text);
  const ms = performance.now() - t0;
  assert.equal(a.paragraphs.length, 4000);
  assert.ok(toks.length > 0);
  assert.ok(ms < 10000, `took ${ms} ms`);
  const last = a.sentences.at(-1);
  assert.equal(text.slice(last.start, last.end), last.text);
});

test("quotations and speakers cross the boundary with UTF-16 offsets", () => {
  const text =
    "🌊🌊 Harbour Minister Ines Okoro visited the quay. “We will rebuild it by spring,” Ms Okoro said.\n\n" +
    "She added: “Nobody will lose a mooring.”\n\nThe “reform” passed without debate.";
  const a = analyze(text);
  const speech = a.quotes.filter((q) => q.kind === "speech");
  assert.deepEqual(speech.map((q) => q.text), ["We will rebuild it by spring,", "Nobody will lose a mooring."]);
  for (const q of speech) {
    assert.equal(q.speaker.name, "Ines Okoro");
    assertSpan(text, q.speaker.mention, "mention");
    assert.equal(text.slice(q.start, q.end), `“${q.text}”`);
    assert.equal(typeof q.rule, "string");
  }
  assert.deepEqual(speech.map((q) => q.speaker.mention.text), ["Ms Okoro", "She"]);
  const other = a.quotes.find((q) => q.text === "reform");
  assert.equal(other.kind, "other");
  assert.equal(other.speaker, null);
  assert.deepEqual(a.speakers.map((s) => [s.name, s.quotes]), [["Ines Okoro", 2]]);
  assert.ok(a.stats.quotedWords >= 11);
});
