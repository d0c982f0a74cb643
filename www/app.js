// The quotelens page: analyzes the text area in a Web Worker as the user
// types and shows the article with its quotations highlighted.
//
// The user's text reaches the DOM through textContent / text nodes only,
// never innerHTML. Pasted or dropped HTML is parsed with DOMParser into an
// inert document and reduced to text. Offsets from the worker are UTF-16
// code units, so String.prototype.slice uses them directly.

import { QF, PALETTE, walkNested } from "./core.js";
import { worker } from "./boot.js";

const DEBOUNCE_MS = 150;
/** Time budget per slice when building the article DOM. */
const SLICE_MS = 8;
/** Top-level text per article chunk (chunks use content-visibility: auto). */
const CHUNK_CHARS = 2500;
/** aria-labels keep this many characters of a quotation. */
const LABEL_CHARS = 240;
const SVG = "http://www.w3.org/2000/svg";
/**
 * Texts longer than this are kept out of the text box: Chromium lays out a
 * multi-megabyte textarea for seconds on the main thread. The page analyzes
 * and shows them all; the box offers to take them on request.
 */
const LARGE = 300_000;
/**
 * The largest text the page analyzes, in UTF-8 bytes: 20 MiB, the same
 * limit as `quotelens::MAX_INPUT_BYTES` of the CLI and the npm package. A
 * longer text is refused with a message and the current one is kept.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

const SAMPLE = `Harbour town votes to keep its lighthouse lit

PORT ELLIS — The council of Port Ellis voted 7–2 on Tuesday to keep the old lighthouse running until 2027, at a cost of £48,500 a year 🌊.

“It is not just a light, it is the town’s front door,” said councillor Maya Okafor, who led the campaign. “Fishermen still steer by it.”

Her opponent, Leon Hart, said: "Nobody has been lost at sea here since radar. This is a very expensive night-light."

A visitor from Osaka left a note in the guest book, 灯台は町の宝です, and the harbour master, Rosa Quint, said she framed it.

“People write to us from all over,” Rosa Quint said. “One letter simply said ‘keep it burning’, nothing else.”

For two summers it was the “battle of the beam” of the parish newsletter.

“We will review the costs in two years,” Maya Okafor said. “If the town wants it dark then, so be it.

“But not this winter.”`;

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

const els = {
  text: /** @type {HTMLTextAreaElement} */ ($("text")),
  big: $("big"),
  bigText: $("big-text"),
  lang: /** @type {HTMLSelectElement} */ ($("lang")),
  drop: $("drop"),
  file: /** @type {HTMLInputElement} */ ($("file")),
  status: $("status"),
  statusText: $("status-text"),
  progress: /** @type {HTMLProgressElement} */ ($("progress")),
  article: $("article"),
  legend: $("legend"),
  tip: $("tip"),
  filterBar: $("filter-bar"),
  filterText: $("filter-text"),
  speakers: /** @type {HTMLTableElement} */ ($("speakers")),
  noSpeakers: $("no-speakers"),
  chart: $("chart"),
  tokens: $("tokens"),
  kinds: $("kinds"),
  version: $("version"),
  exports: { json: $("export-json"), csv: $("export-csv"), html: $("export-html") },
  counts: {
    words: $("count-words"),
    sentences: $("count-sentences"),
    paragraphs: $("count-paragraphs"),
    reading: $("count-reading"),
    quotes: $("count-quotes"),
    share: $("count-share"),
    tokens: $("count-tokens"),
  },
};

/**
 * An integer with thousands separators, as `n.toLocaleString("en")` writes
 * it, but without Intl: the first toLocaleString() call in a page loads
 * ICU's locale data, 15–30 ms on the main thread just when the first
 * analysis is to be shown (BENCHMARKS.md, "Page load").
 */
const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const root = document.documentElement;

// --- the text being analyzed ---------------------------------------------------

/** A text too large for the text box, or null when the box holds the text. */
let bigText = null;

function sourceText() {
  return bigText ?? els.text.value;
}

/** The UTF-8 length of `text` (a lone surrogate counts 3, as U+FFFD), without encoding it. */
export function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const mib = (bytes) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** Says that a text of `bytes` bytes is over the limit; the current text stays. */
function refuse(what, bytes) {
  setStatus(
    `${what} is too long: ${mib(bytes)} of text, and quotelens analyzes at most ${MAX_INPUT_BYTES / (1024 * 1024)} MiB. Split it into parts; the current text is kept.`,
    "error",
  );
  root.dataset.refused = String(bytes);
}

/** Whether `text` is within the limit; if not, says so and returns false. */
function withinLimit(text, what) {
  // A UTF-16 unit is at most 3 UTF-8 bytes: most texts need no count.
  if (text.length * 3 <= MAX_INPUT_BYTES) return true;
  const bytes = utf8Length(text);
  if (bytes <= MAX_INPUT_BYTES) return true;
  refuse(what, bytes);
  return false;
}

/** Replaces the whole text (from a file, a drop, a large paste, a button). */
function setSource(text, what = "The text") {
  if (!withinLimit(text, what)) return;
  if (text.length > LARGE) {
    bigText = text;
    els.text.value = "";
    els.text.hidden = true;
    els.big.hidden = false;
    els.bigText.textContent = `A long text is loaded: ${fmt(text.length)} characters. It is analyzed and shown in full below; the text box would be slow with it.`;
  } else {
    bigText = null;
    els.text.hidden = false;
    els.big.hidden = true;
    els.text.value = text;
  }
  request();
}

// --- the worker ---------------------------------------------------------------

// boot.js has created the worker and handed it the compiled wasm module
// long before this script runs; the first text is sent at once (see the
// end of this file), and the worker analyzes it as soon as it is ready.
let kinds = {}; // token kind number → {name, css}
let seq = 0; // id of the latest request sent
let inFlight = null; // {id, text, started} of the analysis running in the worker
let pending = false; // the text changed while an analysis was running
const exportWaiters = new Map(); // id → resolve

worker.onmessage = (event) => {
  const m = event.data;
  if (m.type === "ready") {
    kinds = m.kinds;
    els.version.textContent = m.version;
    renderKinds();
    root.dataset.ready = "true";
    // The first text went before the worker was ready (the end of this
    // file); anything typed meanwhile is pending behind it.
    if (!inFlight) request();
  } else if (m.type === "result") {
    const sent = inFlight;
    inFlight = null;
    if (!sent || sent.id !== m.id) return;
    if (pending || sent.text !== sourceText() || sent.lang !== els.lang.value) {
      // Already out of date: analyze the current text instead.
      pending = false;
      request();
      return;
    }
    show(m, sent.text);
  } else if (m.type === "export") {
    exportWaiters.get(m.id)?.resolve(m.data);
    exportWaiters.delete(m.id);
  } else if (m.type === "error") {
    const waiter = exportWaiters.get(m.id);
    if (waiter) {
      waiter.reject(new Error(m.message));
      exportWaiters.delete(m.id);
      return;
    }
    if (inFlight && inFlight.id === m.id) inFlight = null;
    stopBusy();
    setStatus(`Error: ${m.message}`, "error");
    if (pending) {
      pending = false;
      request();
    }
  }
};
worker.onerror = (event) => {
  stopBusy();
  setStatus(`The analysis worker failed: ${event.message ?? "unknown error"}`, "error");
};

/** Sends the current text to the worker, or marks it pending if one is running. */
function request() {
  delete root.dataset.refused;
  if (inFlight) {
    pending = true;
    return;
  }
  const text = sourceText();
  const lang = els.lang.value;
  inFlight = { id: ++seq, text, lang, started: performance.now() };
  worker.postMessage({ type: "analyze", id: seq, text, lang });
  // Before "ready" the status keeps saying that the module is loading.
  if (root.dataset.ready) startBusy(`Analyzing ${fmt(text.length)} characters`);
}

let debounce = 0;
function schedule() {
  clearTimeout(debounce);
  debounce = setTimeout(request, DEBOUNCE_MS);
}

// --- status --------------------------------------------------------------------

let busyTimer = 0;
let busyLabel = "";
let busyStart = 0;

function setStatus(text, kind = "") {
  els.statusText.textContent = text;
  els.status.className = `status ${kind}`;
}

function startBusy(label) {
  busyLabel = label;
  busyStart = performance.now();
  root.dataset.busy = "analyzing";
  setStatus(`${label}…`, "busy");
  clearInterval(busyTimer);
  busyTimer = setInterval(() => {
    const s = (performance.now() - busyStart) / 1000;
    if (s > 0.3) setStatus(`${busyLabel}… ${s.toFixed(1)} s`, "busy");
  }, 100);
}

function stopBusy() {
  clearInterval(busyTimer);
  delete root.dataset.busy;
  els.progress.hidden = true;
}

// --- showing a result -------------------------------------------------------

/** The result on screen: the worker's message plus the text it is about. */
let current = null;
let filter = -1; // speaker index shown alone, or -1
let renderRun = 0;

function show(r, text) {
  const quotes = r.quotes;
  const n = quotes.length / QF;
  current = { ...r, text, count: n };
  filter = -1;
  const { stats } = r;
  els.counts.words.textContent = fmt(stats.words);
  els.counts.sentences.textContent = fmt(stats.sentences);
  els.counts.paragraphs.textContent = fmt(stats.paragraphs);
  els.counts.reading.textContent = readingTime(stats.readingMinutes);
  els.counts.quotes.textContent = fmt(n);
  els.counts.share.textContent = `${Math.round(stats.quotedShare * 100)}%`;
  els.counts.tokens.textContent = fmt(r.tokenCount);
  renderSpeakers(r);
  renderLegend(r);
  for (const b of Object.values(els.exports)) b.disabled = false;
  renderArticle(r, text, r.ms);
}

function readingTime(minutes) {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return `${fmt(h)} h ${minutes % 60} m`;
}

function speakerClass(idx) {
  return idx < 0 ? "sp-none" : `sp-${idx % PALETTE}`;
}

function renderLegend(r) {
  const frag = document.createDocumentFragment();
  const item = (cls, label) => {
    const li = document.createElement("li");
    const sw = document.createElement("mark");
    sw.className = `q swatch ${cls}`;
    sw.textContent = label;
    li.append(sw);
    frag.append(li);
  };
  r.names.forEach((name, i) => item(`q-speech ${speakerClass(i)}`, name));
  item("q-speech sp-none", "speaker unknown");
  item("q-other", "term, title or scare quote");
  els.legend.replaceChildren(frag);
}

/** The speakers table (a filter button per speaker) and the SVG bar chart. */
function renderSpeakers(r) {
  const body = els.speakers.tBodies[0];
  const rows = document.createDocumentFragment();
  r.speakers.forEach((s, i) => {
    const tr = document.createElement("tr");
    const name = document.createElement("th");
    name.scope = "row";
    const b = document.createElement("button");
    b.type = "button";
    b.className = "speaker";
    b.dataset.speaker = String(i);
    b.setAttribute("aria-pressed", "false");
    const sw = document.createElement("span");
    sw.className = `dot ${speakerClass(i)}`;
    sw.setAttribute("aria-hidden", "true");
    b.append(sw, s.name);
    name.append(b);
    const q = document.createElement("td");
    q.className = "num";
    q.textContent = fmt(s.quotes);
    const w = document.createElement("td");
    w.className = "num";
    w.textContent = fmt(s.words);
    tr.append(name, q, w);
    rows.append(tr);
  });
  body.replaceChildren(rows);
  els.speakers.hidden = r.speakers.length === 0;
  els.noSpeakers.hidden = r.speakers.length > 0;

  // Bar chart of words per speaker, built with DOM APIs.
  const shown = r.speakers.slice(0, 12);
  const rowH = 22;
  const width = 300;
  const labelW = 110;
  const max = Math.max(1, ...shown.map((s) => s.words));
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${Math.max(1, shown.length) * rowH}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", shown.map((s) => `${s.name}: ${s.words} words`).join("; ") || "No speakers");
  shown.forEach((s, i) => {
    const y = i * rowH;
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", String(labelW - 6));
    label.setAttribute("y", String(y + rowH / 2));
    label.setAttribute("class", "label");
    label.textContent = s.name.length > 16 ? `${s.name.slice(0, 15)}…` : s.name;
    const bar = document.createElementNS(SVG, "rect");
    const w = Math.max(2, ((width - labelW - 60) * s.words) / max);
    bar.setAttribute("x", String(labelW));
    bar.setAttribute("y", String(y + 4));
    bar.setAttribute("width", w.toFixed(1));
    bar.setAttribute("height", String(rowH - 8));
    bar.setAttribute("rx", "3");
    bar.setAttribute("class", `bar ${speakerClass(i)}`);
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${s.name}: ${s.words} words in ${s.quotes} quotations`;
    bar.append(title);
    const value = document.createElementNS(SVG, "text");
    value.setAttribute("x", String(labelW + w + 4));
    value.setAttribute("y", String(y + rowH / 2));
    value.setAttribute("class", "value");
    value.textContent = fmt(s.words);
    svg.append(label, bar, value);
  });
  els.chart.replaceChildren(svg);
  els.chart.parentElement.hidden = shown.length === 0;
}

/** What the page needs of quotation i, from the packed array. */
function quoteInfo(i) {
  const { quotes: q, names, rules, text } = current;
  const o = i * QF;
  const speaker = q[o + 3];
  return {
    start: q[o],
    end: q[o + 1],
    kind: q[o + 2] === 0 ? "speech" : "other",
    speakerIndex: speaker,
    speaker: speaker >= 0 ? names[speaker] : "",
    cue: q[o + 6] >= 0 ? text.slice(q[o + 6], q[o + 7]) : "",
    rule: q[o + 8] >= 0 ? rules[q[o + 8]] : "",
    content: text.slice(q[o] + q[o + 11], q[o + 1] - q[o + 12]),
  };
}

function ariaLabel(info) {
  let content = info.content.replace(/\s+/g, " ").trim();
  if (content.length > LABEL_CHARS) content = `${content.slice(0, LABEL_CHARS)}…`;
  if (info.kind === "other") return `Quoted term: ${content}`;
  return info.speaker ? `Quotation by ${info.speaker}: ${content}` : `Quotation, speaker unknown: ${content}`;
}

const nextTask = () =>
  new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });

/**
 * Builds the highlighted article in time slices, so a 5 MB text with tens
 * of thousands of quotations never blocks the page for long. Text goes in
 * chunks of content-visibility: auto, split at line breaks between
 * quotations; each quotation is a focusable <mark>.
 */
async function renderArticle(r, text, analyzeMs) {
  const run = ++renderRun;
  hideTip();
  // Separate tasks for the tokens view, the nesting pass and each slice of
  // the article, so frames keep coming between them.
  const big = r.quotes.length / QF > 5000 || text.length > LARGE;
  if (big) {
    await nextTask();
    if (run !== renderRun) return;
  }
  renderTokens(text, r.tokens, r.tokenCount, r.sentences);
  if (big) {
    await nextTask();
    if (run !== renderRun) return;
  }
  const n = r.quotes.length / QF;
  const spans = new Array(n);
  for (let i = 0; i < n; i++) spans[i] = { start: r.quotes[i * QF], end: r.quotes[i * QF + 1] };
  const ops = [];
  walkNested(text.length, spans, {
    onText: (s, e) => ops.push(0, s, e),
    onOpen: (i) => ops.push(1, i, 0),
    onClose: (i) => ops.push(2, i, 0),
  });

  const body = document.createElement("div");
  body.className = "article-body";
  els.article.replaceChildren(body);
  els.article.classList.remove("filtering");
  els.filterBar.hidden = true;
  let chunk = null;
  let chunkLen = 0;
  const newChunk = () => {
    chunk = document.createElement("div");
    chunk.className = "chunk";
    body.append(chunk);
    chunkLen = 0;
  };
  newChunk();
  const stack = [];
  const marks = [];
  if (big) {
    await nextTask();
    if (run !== renderRun) return;
    root.dataset.busy = "rendering";
    clearInterval(busyTimer);
    els.progress.hidden = false;
    els.progress.value = 0;
    setStatus(`Rendering ${fmt(n)} quotations…`, "busy");
  }
  const t0 = performance.now();
  let k = 0;
  while (k < ops.length) {
    const deadline = performance.now() + SLICE_MS;
    do {
      for (let step = 0; step < 256 && k < ops.length; step++, k += 3) {
        const op = ops[k];
        if (op === 0) {
          let s = ops[k + 1];
          const e = ops[k + 2];
          if (!stack.length && chunkLen + (e - s) > CHUNK_CHARS) {
            // Split at the last line break, outside any quotation.
            const nl = text.lastIndexOf("\n", e - 1);
            if (nl >= s) {
              chunk.append(text.slice(s, nl + 1));
              s = nl + 1;
              newChunk();
            }
          }
          (stack.length ? stack[stack.length - 1] : chunk).append(text.slice(s, e));
          chunkLen += e - s;
        } else if (op === 1) {
          const i = ops[k + 1];
          const info = quoteInfo(i);
          const m = document.createElement("mark");
          m.className = `q q-${info.kind} ${info.kind === "speech" ? speakerClass(info.speakerIndex) : ""}`;
          m.tabIndex = 0;
          m.dataset.i = String(i);
          m.dataset.speaker = String(info.speakerIndex);
          m.setAttribute("aria-label", ariaLabel(info));
          (stack.length ? stack[stack.length - 1] : chunk).append(m);
          stack.push(m);
          marks.push(m);
        } else {
          stack.pop();
        }
      }
    } while (k < ops.length && performance.now() < deadline);
    if (k < ops.length) {
      els.progress.value = k / ops.length;
      const s = (performance.now() - t0) / 1000;
      setStatus(`Rendering ${fmt(n)} quotations… ${Math.round((100 * k) / ops.length)}% · ${s.toFixed(1)} s`, "busy");
      await nextTask();
      if (run !== renderRun) return;
    }
  }
  current.marks = marks;
  stopBusy();
  setStatus(
    `Analyzed ${fmt(text.length)} characters in ${analyzeMs.toFixed(0)} ms` +
      (big ? ` · shown in ${((performance.now() - t0) / 1000).toFixed(1)} s` : ""),
  );
  root.dataset.rendered = String(r.id);
}

// --- filtering, tooltip and keyboard ---------------------------------------------

function setFilter(idx) {
  if (!current?.marks) return;
  filter = filter === idx ? -1 : idx;
  const on = filter >= 0;
  els.article.classList.toggle("filtering", on);
  for (const m of current.marks) {
    const mine = m.dataset.speaker === String(filter) && m.classList.contains("q-speech");
    m.classList.toggle("sel", on && mine);
    m.tabIndex = !on || mine ? 0 : -1;
  }
  for (const b of els.speakers.querySelectorAll("button.speaker")) {
    b.setAttribute("aria-pressed", String(on && b.dataset.speaker === String(filter)));
  }
  els.filterBar.hidden = !on;
  if (on) {
    const count = current.marks.filter((m) => m.classList.contains("sel")).length;
    els.filterText.textContent = `Showing the ${fmt(count)} quotation${count === 1 ? "" : "s"} by ${current.names[filter]}`;
    // On a phone the article is below the panel: bring the filter into view.
    const bar = els.filterBar.getBoundingClientRect();
    if (bar.top > window.innerHeight || bar.bottom < 0) els.filterBar.scrollIntoView({ block: "start", behavior: "smooth" });
  }
}

function showTip(mark) {
  const info = quoteInfo(Number(mark.dataset.i));
  const lines = [];
  if (info.kind === "other") lines.push(["Kind", "term, title or scare quote"]);
  lines.push(["Speaker", info.speaker || "unknown"]);
  if (info.cue) lines.push(["Cue", info.cue]);
  if (info.rule) lines.push(["Rule", info.rule]);
  const dl = document.createElement("dl");
  for (const [k, v] of lines) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = v;
    dl.append(dt, dd);
  }
  els.tip.replaceChildren(dl);
  els.tip.dataset.for = mark.dataset.i;
  els.tip.hidden = false;
  mark.setAttribute("aria-describedby", "tip");
  const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  const tipRect = els.tip.getBoundingClientRect();
  const x = Math.min(Math.max(8, rect.left), window.innerWidth - tipRect.width - 8);
  let y = rect.bottom + 6;
  if (y + tipRect.height > window.innerHeight - 8) y = rect.top - tipRect.height - 6;
  els.tip.style.setProperty("left", `${Math.round(x)}px`);
  els.tip.style.setProperty("top", `${Math.round(Math.max(8, y))}px`);
}

function hideTip() {
  els.tip.hidden = true;
  els.tip.removeAttribute("data-for");
}

const quoteOf = (target) => (target instanceof Element ? target.closest("mark.q") : null);

els.article.addEventListener("mouseover", (e) => {
  const m = quoteOf(e.target);
  if (m) showTip(m);
});
els.article.addEventListener("mouseout", (e) => {
  const m = quoteOf(e.target);
  if (m && !m.contains(/** @type {Node} */ (e.relatedTarget)) && document.activeElement !== m) hideTip();
});
els.article.addEventListener("focusin", (e) => {
  const m = quoteOf(e.target);
  if (m) showTip(m);
});
els.article.addEventListener("focusout", (e) => {
  quoteOf(e.target)?.removeAttribute("aria-describedby");
  hideTip();
});
// Scrolling moves a tooltip with its focused quotation, or hides it.
let scrollFrame = 0;
window.addEventListener(
  "scroll",
  () => {
    if (els.tip.hidden || scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const focused = quoteOf(document.activeElement);
      if (focused && els.article.contains(focused)) showTip(focused);
      else hideTip();
    });
  },
  { passive: true },
);

els.article.addEventListener("keydown", (e) => {
  const m = quoteOf(e.target);
  if (!m || !current?.marks) return;
  if (e.key === "Escape") {
    hideTip();
    return;
  }
  const keys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: "first", End: "last" };
  const step = keys[e.key];
  if (step === undefined) return;
  const focusable = current.marks.filter((x) => x.tabIndex === 0);
  let at = focusable.indexOf(m);
  if (step === "first") at = 0;
  else if (step === "last") at = focusable.length - 1;
  else at = Math.min(focusable.length - 1, Math.max(0, at + step));
  e.preventDefault();
  focusable[at]?.focus();
  focusable[at]?.scrollIntoView({ block: "nearest" });
});

els.speakers.addEventListener("click", (e) => {
  const b = e.target instanceof Element ? e.target.closest("button.speaker") : null;
  if (b) setFilter(Number(b.dataset.speaker));
});
$("filter-clear").addEventListener("click", () => setFilter(filter));

// --- tokens view -------------------------------------------------------------------

function kindClass(kind) {
  return `k-${kinds[kind]?.css ?? "unknown"}`;
}

function renderKinds() {
  const frag = document.createDocumentFragment();
  for (const [value, { name }] of Object.entries(kinds)) {
    const li = document.createElement("li");
    li.className = `tok ${kindClass(Number(value))}`;
    li.textContent = name;
    frag.append(li);
  }
  els.kinds.replaceChildren(frag);
}

/**
 * Tokens coloured by kind, with a numbered mark where each sentence starts.
 * Whitespace between tokens stays as text nodes (the box is pre-wrap).
 * Only the first tokens are sent by the worker; the rest is shown plain.
 * @param {string} text
 * @param {Uint32Array} toks [start, end, kind] triples
 * @param {number} total tokens in the whole text
 * @param {Uint32Array} sentences [start, end] pairs
 */
function renderTokens(text, toks, total, sentences) {
  const frag = document.createDocumentFragment();
  const count = toks.length / 3;
  const nSent = sentences.length / 2;
  let pos = 0;
  let si = 0;
  let current = -1;
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
    while (si < nSent && sentences[2 * si] < end) {
      mark(si);
      current = si;
      si++;
    }
    const span = document.createElement("span");
    span.className = `tok ${kindClass(kind)} ${current % 2 === 0 ? "s-even" : "s-odd"}`;
    span.title = kinds[kind]?.css ?? String(kind);
    span.textContent = text.slice(start, end);
    frag.append(span);
    pos = end;
  }
  if (pos < text.length) {
    if (count < total) {
      // Plain text is cheap, but 5 MB of it in one box is not: cap it too.
      const more = document.createElement("span");
      more.className = "truncated";
      const rest = text.length - pos;
      more.textContent = rest > 20000 ? `${text.slice(pos, pos + 20000)}…` : text.slice(pos);
      frag.append(more);
      const note = document.createElement("p");
      note.className = "note";
      note.textContent = `Showing the first ${fmt(count)} of ${fmt(total)} tokens.`;
      frag.append(note);
    } else {
      frag.append(text.slice(pos));
    }
  }
  els.tokens.replaceChildren(frag);
}

// --- input: paste, drop, files -------------------------------------------------------

const BLOCKS = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIELDSET FIGCAPTION FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL".split(" "),
);
const DROP = "script,style,noscript,template,iframe,object,embed,svg,canvas,video,audio,nav,aside,form,button,select,figure,[hidden],[aria-hidden=true]";

/**
 * Drops <script>/<style> elements and event-handler and style attributes
 * before parsing. Nothing in a DOMParser document runs anyway, but Chromium
 * still checks them against the page's CSP and reports violations. Text
 * between tags is untouched.
 */
function defuse(html) {
  return html
    .replace(/<(script|style)\b[^]*?<\/\1\s*>/gi, "")
    .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\s(?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ""));
}

/**
 * Reduces an HTML document to its article's text, one paragraph per block,
 * paragraphs separated by a blank line. DOMParser builds an inert document:
 * nothing in it runs or loads, and none of it enters the live page.
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(defuse(html), "text/html");
  const scope = doc.querySelector("article") ?? doc.querySelector("main, [role=main]") ?? doc.body;
  if (!scope) return "";
  for (const el of scope.querySelectorAll(DROP)) el.remove();
  if (scope === doc.body) for (const el of scope.querySelectorAll("body > header, body > footer")) el.remove();
  const paras = [];
  let line = "";
  const flush = () => {
    const t = line.replace(/[ \t\f\r]+/g, " ").replace(/ *\n */g, "\n").trim();
    if (t) paras.push(t);
    line = "";
  };
  const walk = (node, pre) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.TEXT_NODE) {
        line += pre ? c.data : c.data.replace(/\s+/g, " ");
      } else if (c.nodeType === Node.ELEMENT_NODE) {
        const tag = /** @type {Element} */ (c).tagName;
        if (tag === "BR") line += "\n";
        else if (BLOCKS.has(tag)) {
          flush();
          walk(c, pre || tag === "PRE");
          flush();
        } else walk(c, pre);
      }
    }
  };
  walk(scope, false);
  flush();
  return paras.join("\n\n");
}

function replaceSelection(text) {
  const ta = els.text;
  ta.setRangeText(text, ta.selectionStart, ta.selectionEnd, "end");
  schedule();
}

els.text.addEventListener("input", schedule);
els.lang.addEventListener("change", request);

// Pasted web pages arrive as text/html: keep their article text only.
// Plain text is pasted as is (markup in it stays text).
els.text.addEventListener("paste", (e) => {
  const data = e.clipboardData;
  if (!data) return;
  const html = data.getData("text/html");
  let text = html ? htmlToText(html) : "";
  if (!text) {
    text = data.getData("text/plain");
    // Small plain pastes are left to the browser (undo keeps working).
    if (els.text.value.length + text.length <= LARGE) return;
  }
  e.preventDefault();
  const ta = els.text;
  if (ta.value.length + text.length > LARGE) {
    setSource(ta.value.slice(0, ta.selectionStart) + text + ta.value.slice(ta.selectionEnd), "The pasted text");
  } else {
    replaceSelection(text);
  }
});

const isHtmlFile = (f) => /\.html?$/i.test(f.name) || f.type === "text/html";
const isTextFile = (f) => /\.(txt|md|markdown)$/i.test(f.name) || f.type === "text/plain" || f.type === "text/markdown";

async function loadFile(file) {
  if (!isHtmlFile(file) && !isTextFile(file)) {
    setStatus(`Cannot read ${file.name}: drop a .txt, .md or .html file`, "error");
    return;
  }
  // Refused unread: a text file over the limit. An HTML file is judged
  // by the text it reduces to, since markup often outweighs the article;
  // only one over five times the limit is refused unread.
  const readable = isHtmlFile(file) ? 5 * MAX_INPUT_BYTES : MAX_INPUT_BYTES;
  if (file.size > readable) {
    refuse(file.name, file.size);
    return;
  }
  const raw = await file.text();
  setSource(isHtmlFile(file) ? htmlToText(raw) : raw, file.name);
}

els.drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  els.drop.classList.add("dragging");
});
els.drop.addEventListener("dragleave", () => els.drop.classList.remove("dragging"));
els.drop.addEventListener("drop", (e) => {
  e.preventDefault();
  els.drop.classList.remove("dragging");
  const dt = e.dataTransfer;
  if (!dt) return;
  if (dt.files.length) {
    loadFile(dt.files[0]);
    return;
  }
  const html = dt.getData("text/html");
  const text = html ? htmlToText(html) : dt.getData("text/plain");
  if (text) setSource(text, "The dropped text");
});
$("open").addEventListener("click", () => els.file.click());
els.file.addEventListener("change", () => {
  if (els.file.files?.length) loadFile(els.file.files[0]);
  els.file.value = "";
});

$("sample").addEventListener("click", () => setSource(SAMPLE));
$("clear").addEventListener("click", () => {
  setSource("");
  els.text.focus();
});
$("big-edit").addEventListener("click", () => {
  const text = bigText ?? "";
  bigText = null;
  els.big.hidden = true;
  els.text.hidden = false;
  els.text.value = text;
  els.text.focus();
});

// --- export ------------------------------------------------------------------------------

let exportSeq = 0;
function fromWorker(format, title) {
  const id = `x${++exportSeq}`;
  return new Promise((resolve, reject) => {
    exportWaiters.set(id, { resolve, reject });
    worker.postMessage({ type: "export", id, format, title });
  });
}

function download(data, type, name) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function articleTitle() {
  const first = (current?.text ?? "").trim().split("\n", 1)[0].trim();
  return first ? (first.length > 100 ? `${first.slice(0, 100)}…` : first) : "quotelens article";
}

const EXPORTS = {
  json: ["application/json", "quotelens-analysis.json"],
  csv: ["text/csv;charset=utf-8", "quotelens-quotations.csv"],
  html: ["text/html;charset=utf-8", "quotelens-article.html"],
};
for (const [format, [type, name]] of Object.entries(EXPORTS)) {
  els.exports[format].addEventListener("click", async () => {
    try {
      download(await fromWorker(format, articleTitle()), type, name);
    } catch (err) {
      setStatus(`Export failed: ${err instanceof Error ? err.message : String(err)}`, "error");
    }
  });
}

// --- start ----------------------------------------------------------------------------------

if (!els.text.value) els.text.value = SAMPLE;
// The worker queues this until its module is ready: no round trip through
// its "ready" message before the first analysis starts.
request();
