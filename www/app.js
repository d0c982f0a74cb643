// The quotelens page: analyze the text area as the user types.
//
// Everything the user typed reaches the DOM through textContent / text
// nodes only, never innerHTML. Offsets from the wasm module are UTF-16
// code units, so String.prototype.slice uses them directly.

import init, { analyze, tokenize, tokenKindName, TokenKind, version } from "/pkg/quotelens.js";

const DEBOUNCE_MS = 150;
// Beyond this many tokens the rest of the text is shown plain, to keep
// typing responsive on very long inputs.
const MAX_RENDERED_TOKENS = 20000;

const SAMPLE = `Harbour town votes to keep its lighthouse lit

PORT ELLIS — The council of Port Ellis voted 7–2 on Tuesday to keep the old lighthouse running until 2027, at a cost of £48,500 a year.

“It is not just a light, it is the town’s front door,” said councillor Maya Okafor, who led the campaign. Her opponent, Dr. Leon Hart, called the plan “a very expensive night-light”.

Residents followed the vote online with #KeepItLit 🌊, and a visitor from Osaka left a note in the guest book: 「灯台は町の宝です」. The minutes are at https://example.org/port-ellis/minutes.`;

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

const els = {
  text: /** @type {HTMLTextAreaElement} */ ($("text")),
  lang: /** @type {HTMLSelectElement} */ ($("lang")),
  status: $("status"),
  tokens: $("tokens"),
  legend: $("legend"),
  quotes: $("quotes"),
  noQuotes: $("no-quotes"),
  version: $("version"),
  counts: {
    words: $("count-words"),
    sentences: $("count-sentences"),
    paragraphs: $("count-paragraphs"),
    tokens: $("count-tokens"),
    quotes: $("count-quotes"),
    reading: $("count-reading"),
  },
};

/** Token kind number → CSS class, e.g. 3 → "k-quoteMark". */
function kindClass(kind) {
  return `k-${tokenKindName(kind) ?? "unknown"}`;
}

function renderLegend() {
  const frag = document.createDocumentFragment();
  for (const [name, value] of Object.entries(TokenKind)) {
    if (typeof value !== "number") continue; // skip the reverse mapping
    const li = document.createElement("li");
    li.className = `tok ${kindClass(value)}`;
    li.textContent = name;
    frag.append(li);
  }
  els.legend.replaceChildren(frag);
}

/**
 * Tokens coloured by kind, with a numbered mark where each sentence starts.
 * Whitespace between tokens stays as text nodes (the box is pre-wrap).
 * @param {string} text
 * @param {Uint32Array} toks [start, end, kind] triples
 * @param {{start: number, end: number}[]} sentences
 */
function renderTokens(text, toks, sentences) {
  const frag = document.createDocumentFragment();
  const count = Math.min(toks.length / 3, MAX_RENDERED_TOKENS);
  let pos = 0;
  let si = 0; // next sentence whose start has not been marked
  let current = -1; // sentence holding the current token
  const mark = (n) => {
    const m = document.createElement("span");
    m.className = "sb";
    m.dataset.n = String(n + 1);
    m.setAttribute("aria-hidden", "true");
    frag.append(m);
  };
  for (let i = 0; i < count; i++) {
    const start = toks[3 * i];
    const end = toks[3 * i + 1];
    const kind = toks[3 * i + 2];
    if (start > pos) frag.append(text.slice(pos, start));
    // Mark every sentence that starts before this token ends.
    while (si < sentences.length && sentences[si].start < end) {
      mark(si);
      current = si;
      si++;
    }
    const span = document.createElement("span");
    span.className = `tok ${kindClass(kind)} ${current % 2 === 0 ? "s-even" : "s-odd"}`;
    span.title = tokenKindName(kind) ?? String(kind);
    span.textContent = text.slice(start, end);
    frag.append(span);
    pos = end;
  }
  if (pos < text.length) {
    const rest = text.slice(pos);
    if (count < toks.length / 3) {
      const more = document.createElement("span");
      more.className = "truncated";
      more.textContent = rest;
      frag.append(more);
    } else {
      frag.append(rest);
    }
  }
  els.tokens.replaceChildren(frag);
}

/** @param {import("../pkg/quotelens.js").Quote[]} quotes */
function renderQuotes(quotes) {
  const frag = document.createDocumentFragment();
  for (const q of quotes) {
    const li = document.createElement("li");
    li.className = `quote q-${q.kind}`;
    const body = document.createElement("q");
    body.textContent = q.text;
    const meta = document.createElement("span");
    meta.className = "meta";
    const who = q.speaker ? q.speaker.name ?? q.speaker.mention.text : "unattributed";
    meta.textContent = `${q.kind} · ${who}`;
    li.append(body, " ", meta);
    frag.append(li);
  }
  els.quotes.replaceChildren(frag);
  els.noQuotes.hidden = quotes.length > 0;
}

function setCount(el, value) {
  el.textContent = value.toLocaleString("en");
}

function run() {
  const text = els.text.value;
  const t0 = performance.now();
  let analysis;
  let toks;
  try {
    analysis = analyze(text, { lang: els.lang.value });
    toks = tokenize(text);
  } catch (err) {
    els.status.textContent = `Error: ${err instanceof Error ? err.message : String(err)}`;
    els.status.classList.add("error");
    return;
  }
  const ms = performance.now() - t0;
  els.status.classList.remove("error");
  els.status.textContent = `Analyzed ${text.length.toLocaleString("en")} characters in ${ms.toFixed(1)} ms`;

  const { stats } = analysis;
  setCount(els.counts.words, stats.words);
  setCount(els.counts.sentences, stats.sentences);
  setCount(els.counts.paragraphs, stats.paragraphs);
  setCount(els.counts.tokens, toks.length / 3);
  setCount(els.counts.quotes, analysis.quotes.length);
  els.counts.reading.textContent = `${stats.readingMinutes} min`;

  renderTokens(text, toks, analysis.sentences);
  renderQuotes(analysis.quotes);
}

let timer = 0;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
}

async function main() {
  try {
    await init();
  } catch (err) {
    els.status.textContent = `Could not load the WebAssembly module: ${err instanceof Error ? err.message : String(err)}`;
    els.status.classList.add("error");
    return;
  }
  els.version.textContent = version();
  renderLegend();
  if (!els.text.value) els.text.value = SAMPLE;
  els.text.addEventListener("input", schedule);
  els.lang.addEventListener("change", run);
  $("sample").addEventListener("click", () => {
    els.text.value = SAMPLE;
    run();
  });
  $("clear").addEventListener("click", () => {
    els.text.value = "";
    run();
    els.text.focus();
  });
  run();
  document.documentElement.dataset.ready = "true";
}

main();
