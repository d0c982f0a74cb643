// The analysis worker: loads the wasm module once and analyzes texts off the
// main thread, so the page stays responsive even on a multi-megabyte paste.
//
// Messages in:   {type: "module", module}   (the compiled wasm module; requests
//                 sent before it wait for it)
//                {type: "analyze", id, text, lang}
//                {type: "export", id, format: "json" | "csv" | "html", title}
// Messages out:  {type: "ready", version, kinds}
//                {type: "result", id, ms, ...compact analysis (see pack())}
//                {type: "export", id, format, data}   (a string)
//                {type: "error", id, message}
//
// A structured clone of a big Analysis object costs the receiving thread
// hundreds of milliseconds (70 000 quotations for 5 MB), so results travel
// as transferable typed arrays plus small string tables; the full object
// stays here and the exports are built here from it.

import init, { analyze, tokenize, tokenKindName, TokenKind, version } from "/pkg/quotelens.js";
import { QF, toCsv, toHtmlDocument } from "./core.js";

/** Tokens beyond this many are not sent: the page shows the first ones. */
const MAX_TOKENS = 6000;

// QF (fields per quotation) lives in core.js, shared with the page.

let last = null; // {text, analysis} of the latest analysis

// The page (boot.js) sends the compiled module ({type: "module", module},
// null if it could not compile it: then init() fetches it from beside the
// glue). The first text may arrive before it: handle() waits for `ready`.
let gotModule;
const compiled = new Promise((resolve) => {
  gotModule = resolve;
});
const ready = compiled.then((module) => init(module ? { module_or_path: module } : undefined)).then(() => {
  const kinds = {};
  for (const [name, value] of Object.entries(TokenKind)) {
    if (typeof value === "number") kinds[value] = { name, css: tokenKindName(value) };
  }
  postMessage({ type: "ready", version: version(), kinds });
});
const loadError = (err) => `could not load the WebAssembly module: ${msg(err)}`;
ready.catch((err) => postMessage({ type: "error", id: 0, message: loadError(err) }));

function msg(err) {
  return err instanceof Error ? err.message : String(err);
}

/** Ranges as a flat Uint32Array of [start, end] pairs. */
function ranges(list) {
  const out = new Uint32Array(list.length * 2);
  for (let i = 0; i < list.length; i++) {
    out[2 * i] = list[i].start;
    out[2 * i + 1] = list[i].end;
  }
  return out;
}

/**
 * Quotations as Int32Array rows of QF fields:
 * start, end, kind (0 speech, 1 other), speaker (index into `names`, -1 none),
 * mentionStart, mentionEnd, cueStart, cueEnd, rule (index into `rules`, -1),
 * depth, parent, open mark length, close mark length. Missing values are -1.
 */
function pack(analysis) {
  const names = analysis.speakers.map((s) => s.name);
  const nameIndex = new Map(names.map((n, i) => [n, i]));
  const rules = [];
  const ruleIndex = new Map();
  const q = new Int32Array(analysis.quotes.length * QF);
  analysis.quotes.forEach((quote, i) => {
    const o = i * QF;
    q[o] = quote.start;
    q[o + 1] = quote.end;
    q[o + 2] = quote.kind === "speech" ? 0 : 1;
    let speaker = -1;
    if (quote.speaker) {
      // A mention that names nobody ("officials") gets its own entry, shown
      // with its own words.
      const label = quote.speaker.name ?? quote.speaker.mention.text;
      if (!nameIndex.has(label)) {
        nameIndex.set(label, names.length);
        names.push(label);
      }
      speaker = nameIndex.get(label);
    }
    q[o + 3] = speaker;
    q[o + 4] = quote.speaker ? quote.speaker.mention.start : -1;
    q[o + 5] = quote.speaker ? quote.speaker.mention.end : -1;
    q[o + 6] = quote.cue ? quote.cue.start : -1;
    q[o + 7] = quote.cue ? quote.cue.end : -1;
    let rule = -1;
    if (quote.rule) {
      if (!ruleIndex.has(quote.rule)) {
        ruleIndex.set(quote.rule, rules.length);
        rules.push(quote.rule);
      }
      rule = ruleIndex.get(quote.rule);
    }
    q[o + 8] = rule;
    q[o + 9] = quote.depth ?? 0;
    q[o + 10] = quote.parent ?? -1;
    q[o + 11] = quote.marks?.open?.length ?? 0;
    q[o + 12] = quote.marks?.close?.length ?? 0;
  });
  return { quotes: q, names, rules };
}

async function handle(data) {
  // A request can come before the module (the page's first text does), so
  // a module that failed to load fails it with the same message.
  await ready.catch((err) => {
    throw new Error(loadError(err));
  });
  if (data.type === "analyze") {
    const t0 = performance.now();
    const analysis = analyze(data.text, { lang: data.lang });
    const toks = tokenize(data.text);
    const ms = performance.now() - t0;
    last = { text: data.text, analysis };
    const tokenCount = toks.length / 3;
    const tokens = tokenCount > MAX_TOKENS ? toks.slice(0, MAX_TOKENS * 3) : toks;
    const { quotes, names, rules } = pack(analysis);
    const sentences = ranges(analysis.sentences);
    const paragraphs = ranges(analysis.paragraphs);
    postMessage(
      {
        type: "result",
        id: data.id,
        ms,
        length: data.text.length,
        stats: analysis.stats,
        speakers: analysis.speakers,
        quotes,
        names,
        rules,
        sentences,
        paragraphs,
        tokens,
        tokenCount,
      },
      [quotes.buffer, sentences.buffer, paragraphs.buffer, tokens.buffer],
    );
  } else if (data.type === "export") {
    if (!last) throw new Error("nothing analyzed yet");
    let out;
    if (data.format === "json") out = JSON.stringify(last.analysis, null, 2);
    else if (data.format === "csv") out = toCsv(last.analysis.quotes);
    else if (data.format === "html") out = toHtmlDocument(last.text, last.analysis, data.title ?? "quotelens");
    else throw new Error(`unknown export format ${data.format}`);
    postMessage({ type: "export", id: data.id, format: data.format, data: out });
  }
}

onmessage = (event) => {
  if (event.data?.type === "module") {
    gotModule(event.data.module);
    return;
  }
  handle(event.data).catch((err) => postMessage({ type: "error", id: event.data?.id ?? 0, message: msg(err) }));
};
