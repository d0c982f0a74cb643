// Builds the result objects of analyze() and quotes() from the numbers that
// src/wasm/objects.rs lays out. Not an entry of the package: wasm-bindgen
// imports it into the glue (`#[wasm_bindgen(module = "/js/objects.js")]`)
// and wasm-pack writes it to pkg/snippets/quotelens-<hash>/js/objects.js,
// so the raw glue's analyze() (quotelens.js) returns the objects itself.
//
// Why here and not in Rust: setting each property from Rust is one
// wasm-to-JS call per key; here the whole result is built by object
// literals of one fixed shape each, from a Uint32Array view of wasm
// memory (no copy) and one string of names, in a single call.
//
// Layout (u32 each; NONE = 0xFFFFFFFF stands for `null`), written by
// `Layout` in src/wasm/objects.rs, which documents it field by field:
//   analysis: [nQuotes, nSentences, nParagraphs, nSpeakers, nNames,
//              words, sentences, paragraphs, readingMinutes, quotedWords,
//              ...quotes (QUOTE_LEN each), ...sentences (start, end),
//              ...paragraphs (start, end), ...speakers (name, quotes,
//              words, nMentions, ...(start, end)), ...name lengths]
//   quotes:   [nQuotes, nNames, ...quotes, ...name lengths]
//   one quotation: start, end, textStart, textEnd, kind, mentionStart,
//              mentionEnd, speakerName, cueStart, cueEnd, rule, openStart,
//              openEnd, closeStart, closeEnd, depth, parent
// Offsets are UTF-16 units into the text; kind, rule and names index the
// names, which arrive concatenated in one string.
//
// Also the other way: encodeText() copies each text argument into wasm
// memory for src/wasm/input.rs.

const NONE = 0xffffffff;

/** Numbers per quotation (`QUOTE_LEN` in objects.rs). */
export const QUOTE_LEN = 17;

const encoder = new TextEncoder();

/**
 * Writes `text` from UTF-16 unit `from` on as UTF-8 into `into` (a view of
 * wasm memory, src/wasm/input.rs), up to the first character that does
 * not fit; returns the number of bytes written. One `encodeInto` of the
 * whole string, where wasm-bindgen's own conversion first copies the
 * ASCII prefix a character at a time in JS.
 */
export function encodeText(text, from, into) {
  return encoder.encodeInto(from === 0 ? text : text.slice(from), into).written;
}

/**
 * The string the texts are sliced from: `text` itself, unless it holds a
 * lone surrogate. Rust saw U+FFFD in its place (wasm-bindgen's encoding),
 * one UTF-16 unit as well, so the offsets agree; the texts must say U+FFFD
 * too. Without `isWellFormed` (engines before 2023) a regular expression
 * does what `toWellFormed` does. Exported for js-tests/objects.test.mjs.
 */
export function wellFormed(text) {
  if (typeof text.isWellFormed === "function") {
    return text.isWellFormed() ? text : text.toWellFormed();
  }
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** The names, split from `joined` by the last `count` numbers. */
function splitNames(nums, count, joined) {
  const at = nums.length - count;
  const out = new Array(count);
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const len = nums[at + i];
    out[i] = joined.slice(pos, pos + len);
    pos += len;
  }
  return out;
}

/**
 * The marks of one quotation, each sliced at most once per code unit:
 * a one-unit mark (“ ” ‘ ’ „ and the like, nearly all of them) comes from
 * `MARKS`, keyed by that unit. V8 keeps the strings of one Latin-1 unit
 * itself, but allocates a new one for every slice of a curly quote (two
 * bytes a unit): two strings per quotation, 13,500 a MB of news, all
 * alive until the result is dropped, which the scavenger then copies.
 * A string is immutable, so sharing one changes no value. The map holds
 * at most one string per UTF-16 unit (in practice a dozen).
 */
const MARKS = new Map();

function mark(src, start, end) {
  if (end - start !== 1) return src.slice(start, end);
  const unit = src.charCodeAt(start);
  let s = MARKS.get(unit);
  if (s === undefined) {
    s = src.slice(start, end);
    MARKS.set(unit, s);
  }
  return s;
}

function span(src, start, end) {
  return { start, end, text: src.slice(start, end) };
}

/** `count` quotations from `nums[at…]`. */
function quoteList(src, nums, at, count, names) {
  const out = new Array(count);
  for (let i = 0; i < count; i++, at += QUOTE_LEN) {
    const mentionStart = nums[at + 5];
    const speakerName = nums[at + 7];
    const cueStart = nums[at + 8];
    const rule = nums[at + 10];
    const closeStart = nums[at + 13];
    const parent = nums[at + 16];
    out[i] = {
      start: nums[at],
      end: nums[at + 1],
      text: src.slice(nums[at + 2], nums[at + 3]),
      kind: names[nums[at + 4]],
      speaker:
        mentionStart === NONE
          ? null
          : {
              name: speakerName === NONE ? null : names[speakerName],
              mention: span(src, mentionStart, nums[at + 6]),
            },
      cue: cueStart === NONE ? null : span(src, cueStart, nums[at + 9]),
      rule: rule === NONE ? null : names[rule],
      marks: {
        open: mark(src, nums[at + 11], nums[at + 12]),
        close: closeStart === NONE ? "" : mark(src, closeStart, nums[at + 14]),
      },
      depth: nums[at + 15],
      parent: parent === NONE ? null : parent,
    };
  }
  return out;
}

function spanList(src, nums, at, count) {
  const out = new Array(count);
  for (let i = 0; i < count; i++, at += 2) out[i] = span(src, nums[at], nums[at + 1]);
  return out;
}

/** analyze()'s result: the Analysis JSON of `text` as plain objects. */
export function buildAnalysis(text, replaced, nums, joined, quotedShare) {
  const src = replaced ? wellFormed(text) : text;
  const [nQuotes, nSentences, nParagraphs, nSpeakers, nNames] = nums;
  const names = splitNames(nums, nNames, joined);
  let at = 10;
  const quotes = quoteList(src, nums, at, nQuotes, names);
  at += nQuotes * QUOTE_LEN;
  const sentences = spanList(src, nums, at, nSentences);
  at += 2 * nSentences;
  const paragraphs = spanList(src, nums, at, nParagraphs);
  at += 2 * nParagraphs;
  const speakers = new Array(nSpeakers);
  for (let i = 0; i < nSpeakers; i++) {
    const nMentions = nums[at + 3];
    const mentions = new Array(nMentions);
    for (let m = 0; m < nMentions; m++) {
      mentions[m] = src.slice(nums[at + 4 + 2 * m], nums[at + 5 + 2 * m]);
    }
    speakers[i] = { name: names[nums[at]], quotes: nums[at + 1], words: nums[at + 2], mentions };
    at += 4 + 2 * nMentions;
  }
  return {
    quotes,
    sentences,
    paragraphs,
    speakers,
    stats: {
      words: nums[5],
      sentences: nums[6],
      paragraphs: nums[7],
      readingMinutes: nums[8],
      quotedWords: nums[9],
      quotedShare,
    },
  };
}

/** quotes()'s result: the kept quotations as plain objects. */
export function buildQuotes(text, replaced, nums, joined) {
  const [nQuotes, nNames] = nums;
  const names = splitNames(nums, nNames, joined);
  return quoteList(replaced ? wellFormed(text) : text, nums, 2, nQuotes, names);
}
