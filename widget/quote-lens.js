// <quote-lens>: who said what, highlighted in place in a page's own article.
//
//   <script type="module" src="/quotelens/quote-lens.js"></script>
//   <quote-lens legend><article>…</article></quote-lens>
//
// The work is done in Rust (highlightElement() of the package's second
// wasm module, quotelens_dom_bg.wasm, which only the widget loads: text
// walk, analysis, UTF-16 → DOM mapping, highlights or <mark>s). This
// element only schedules it, follows edits, and draws its own UI (speaker
// popover, legend) in a shadow root. It styles nothing of the host page:
// the only rules it adds outside its shadow root style its own highlight
// names (::highlight(quote-lens-…)) and its own <mark data-quote-lens>.
import init, { highlightElement } from "./quotelens_dom.js";

/** Default speaker colours; `--quote-lens-speaker-N` overrides each. */
const PALETTE = ["#fde68a", "#bfdbfe", "#bbf7d0", "#fbcfe8", "#ddd6fe", "#fed7aa", "#a5f3fc", "#e9d5ff"];
/** Highest number of speaker colours (highlightElement's limit). */
const MAX_COLORS = 64;
/** Quiet time after the last edit of the content before re-highlighting. */
const DEBOUNCE_MS = 150;
const EVENT = "quote-lens:analyzed";

let wasmReady;
/**
 * Initialises the wasm module once for every widget on the page (fetching
 * quotelens_dom_bg.wasm next to this file). Safe to call many times.
 * @returns {Promise<void>}
 */
export function ready() {
  wasmReady ??= init().then(() => undefined);
  return wasmReady;
}

/** The rules for the highlight names and marks, added once per tree. */
function contentRules() {
  const rules = [];
  const colour = (name, i) => `var(--quote-lens-${name}, ${PALETTE[i % PALETTE.length]})`;
  for (let i = 0; i < MAX_COLORS; i++) {
    const bg = colour(`speaker-${i}`, i);
    rules.push(`::highlight(quote-lens-speaker-${i}) { background-color: ${bg}; }`);
    rules.push(`mark[data-quote-lens="speaker-${i}"] { background-color: ${bg}; }`);
  }
  const speech = "var(--quote-lens-speech, #e5e7eb)";
  const other = "var(--quote-lens-other, transparent)";
  const underline = "var(--quote-lens-other-line, #9ca3af)";
  rules.unshift("mark[data-quote-lens] { all: unset; }");
  rules.push(
    `::highlight(quote-lens-speech) { background-color: ${speech}; }`,
    `mark[data-quote-lens="speech"] { background-color: ${speech}; }`,
    `::highlight(quote-lens-other) { background-color: ${other}; text-decoration: underline dotted ${underline}; }`,
    `mark[data-quote-lens="other"] { background-color: ${other}; text-decoration: underline dotted ${underline}; }`,
    `::highlight(quote-lens-current) { text-decoration: underline 2px var(--quote-lens-current, currentColor); }`,
    `mark[data-quote-lens-current] { text-decoration: underline 2px var(--quote-lens-current, currentColor); }`,
  );
  return rules.join("\n");
}

const withSheet = new WeakSet();
let contentSheet;
/**
 * Adds the highlight and mark rules to the document or shadow root holding
 * the content (the ::highlight() and <mark> rules must live where the
 * content lives). A constructed stylesheet: no <style> element, so it
 * passes a CSP without 'unsafe-inline'.
 */
function adoptContentRules(root) {
  if (withSheet.has(root) || !("adoptedStyleSheets" in root)) return;
  contentSheet ??= sheet(contentRules());
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, contentSheet];
  withSheet.add(root);
}

function sheet(text) {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
}

const SHADOW_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
[part="legend"] {
  display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0 0 .75rem; padding: 0;
  list-style: none; font: inherit; font-size: .875em;
}
[part="legend"] li { display: flex; align-items: center; gap: .35rem; }
[part="swatch"] { display: inline-block; width: .9em; height: .9em; border-radius: .2em; }
[part="popover"] {
  position: fixed; inset: auto; margin: 0; z-index: 2147483647; max-width: min(22rem, 90vw);
  padding: .4rem .6rem; border: 1px solid var(--quote-lens-popover-border, #d1d5db); border-radius: .4rem;
  background: var(--quote-lens-popover-background, #fff); color: var(--quote-lens-popover-color, #111827);
  font: 14px/1.35 system-ui, sans-serif; box-shadow: 0 4px 14px rgb(0 0 0 / .15); pointer-events: none;
}
[part="popover-speaker"] { display: block; font-weight: 600; }
[part="popover-detail"] { display: block; opacity: .8; }
${Array.from({ length: MAX_COLORS }, (_, i) => `.s${i} { background: var(--quote-lens-speaker-${i}, ${PALETTE[i % PALETTE.length]}); }`).join("\n")}
`;
let shadowSheet;

/** Splits `speaker-colors` at spaces or commas outside parentheses. */
export function parseColors(value) {
  const out = [];
  let depth = 0;
  let cur = "";
  for (const ch of value ?? "") {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === "," || /\s/.test(ch))) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out.slice(0, MAX_COLORS);
}

function parseKinds(value) {
  if (value == null) return ["speech", "other"];
  return value.split(/[\s,]+/).filter((k) => k === "speech" || k === "other");
}

const MARK = "mark[data-quote-lens-quote]";

/** The quotation index of a fallback <mark>, or -1. */
function markQuote(mark) {
  const i = Number(mark?.getAttribute("data-quote-lens-quote") ?? -1);
  return Number.isInteger(i) ? i : -1;
}

/** The speaker colour slot of a quotation, as highlightElement() assigns it. */
function colorSlot(analysis, quote, colors) {
  const name = quote.speaker?.name;
  if (quote.kind !== "speech" || name == null) return null;
  const i = analysis.speakers.findIndex((s) => s.name === name);
  return i < 0 ? null : i % colors;
}

export class QuoteLensElement extends HTMLElement {
  static observedAttributes = ["lang", "legend", "kinds", "speaker-colors"];

  #target = null;
  #observer = new MutationObserver(() => this.#schedule());
  #timer = 0;
  #highlighting = null;
  #analysis = null;
  #signature = null;
  #watched = null;
  #current = -1;
  #frame = 0;
  #ui = null;
  #listeners = {
    pointermove: (e) => this.#onPointer(e),
    pointerleave: () => this.#hide(),
    focusin: (e) => this.#onFocus(e),
    focusout: () => this.#hide(),
  };

  /** Show a legend of the speakers above the content. */
  get legend() {
    return this.hasAttribute("legend");
  }
  set legend(on) {
    this.toggleAttribute("legend", Boolean(on));
  }

  /** Which quotations to highlight: "speech", "other" or both (default). */
  get kinds() {
    return parseKinds(this.getAttribute("kinds"));
  }
  set kinds(list) {
    if (list == null) this.removeAttribute("kinds");
    else this.setAttribute("kinds", [...list].join(" "));
  }

  /** Speaker colours in order (any CSS colours); empty for the defaults. */
  get speakerColors() {
    return parseColors(this.getAttribute("speaker-colors"));
  }
  set speakerColors(list) {
    if (list == null) this.removeAttribute("speaker-colors");
    else this.setAttribute("speaker-colors", [...list].join(" "));
  }

  /**
   * The element to analyze instead of this element's own content (the
   * embed script sets it); null for the content.
   */
  get target() {
    return this.#target;
  }
  set target(el) {
    this.#target = el ?? null;
    if (this.isConnected) this.#watch();
  }

  /** The latest analysis, or null before the first one. */
  get analysis() {
    return this.#analysis;
  }

  /**
   * Analyzes and highlights the content now.
   * @returns {Promise<object|null>} the analysis
   */
  async refresh() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    await ready();
    if (!this.isConnected) return null;
    this.#run();
    return this.#analysis;
  }

  connectedCallback() {
    this.#renderShadow();
    this.#watch();
  }

  disconnectedCallback() {
    this.#unwatch();
    clearTimeout(this.#timer);
    this.#highlighting?.clear();
    this.#highlighting = null;
    this.#hide();
  }

  attributeChangedCallback(name) {
    if (name === "speaker-colors") this.#applyColors();
    if (name === "legend") this.#renderLegend();
    if (this.#watched) this.#schedule();
  }

  #content() {
    return this.#target ?? this;
  }

  #watch() {
    this.#unwatch();
    const content = this.#content();
    this.#watched = content;
    adoptContentRules(content.getRootNode());
    this.#observer.observe(content, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["hidden"] });
    for (const [type, fn] of Object.entries(this.#listeners)) content.addEventListener(type, fn);
    this.#applyColors();
    this.refresh().catch((e) => console.error("quote-lens:", e));
  }

  #unwatch() {
    if (!this.#watched) return;
    this.#observer.disconnect();
    for (const [type, fn] of Object.entries(this.#listeners)) this.#watched.removeEventListener(type, fn);
    this.#watched = null;
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.refresh().catch((e) => console.error("quote-lens:", e)), DEBOUNCE_MS);
  }

  #options() {
    const colors = this.speakerColors.length || PALETTE.length;
    const lang = (this.getAttribute("lang") ?? this.closest("[lang]")?.getAttribute("lang")) || undefined;
    return { lang, kinds: this.kinds, colors };
  }

  /** One analysis: clear the old marks, mark anew, drop our own mutations. */
  #run() {
    const content = this.#content();
    this.#setCurrent(-1);
    this.#highlighting?.clear();
    this.#highlighting = null;
    const options = this.#options();
    let h;
    try {
      h = highlightElement(content, options);
    } catch (e) {
      // An unknown lang tag: analyze without the hint.
      if (!options.lang) throw e;
      h = highlightElement(content, { ...options, lang: undefined });
    }
    this.#observer.takeRecords();
    this.#highlighting = h;
    // Marks are found from the event target; ranges only for highlights
    // (live ranges slow down every later DOM change of the page).
    this.#ranges = h.mode === "highlight" ? h.ranges : [];
    this.#analysis = h.analysis;
    this.#colors = options.colors;
    this.#renderLegend();
    const { quotes, speakers } = this.#analysis;
    const signature = JSON.stringify([quotes, speakers]);
    if (signature !== this.#signature) {
      this.#signature = signature;
      this.dispatchEvent(
        new CustomEvent(EVENT, {
          bubbles: true,
          composed: true,
          detail: { quotes, speakers, analysis: this.#analysis, text: h.text, mode: h.mode },
        }),
      );
    }
  }

  #ranges = [];
  #colors = PALETTE.length;

  /**
   * `speaker-colors` as custom properties on this element (for the legend)
   * and, with a `target`, on it too (the highlights inherit them from the
   * content). Only these custom properties are ever set.
   */
  #applyColors() {
    const colors = this.speakerColors;
    const elements = this.#target ? [this, this.#target] : [this];
    for (const el of elements) {
      for (let i = 0; i < MAX_COLORS; i++) {
        const prop = `--quote-lens-speaker-${i}`;
        if (i < colors.length) el.style.setProperty(prop, colors[i]);
        else if (el.style.getPropertyValue(prop)) el.style.removeProperty(prop);
      }
    }
  }

  // --- shadow UI -----------------------------------------------------------

  #renderShadow() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    shadowSheet ??= sheet(SHADOW_CSS);
    root.adoptedStyleSheets = [shadowSheet];
    const legend = document.createElement("ul");
    legend.setAttribute("part", "legend");
    legend.setAttribute("aria-label", "Speakers");
    legend.hidden = true;
    const popover = document.createElement("div");
    popover.setAttribute("part", "popover");
    popover.setAttribute("role", "tooltip");
    popover.setAttribute("aria-live", "polite");
    // In the top layer where the browser has popovers: above the page's
    // stacking contexts, not clipped by an ancestor's overflow.
    if (typeof popover.showPopover === "function") popover.setAttribute("popover", "manual");
    popover.hidden = true;
    const speaker = document.createElement("span");
    speaker.setAttribute("part", "popover-speaker");
    const detail = document.createElement("span");
    detail.setAttribute("part", "popover-detail");
    popover.append(speaker, detail);
    root.append(legend, document.createElement("slot"), popover);
    this.#ui = { legend, popover, speaker, detail };
  }

  #renderLegend() {
    if (!this.#ui) return;
    const { legend } = this.#ui;
    const speakers = this.#analysis?.speakers ?? [];
    legend.hidden = !this.legend || speakers.length === 0;
    legend.replaceChildren(
      ...speakers.map((s, i) => {
        const li = document.createElement("li");
        li.setAttribute("part", "legend-item");
        const swatch = document.createElement("span");
        swatch.setAttribute("part", "swatch");
        swatch.className = `s${i % this.#colors}`;
        const label = document.createElement("span");
        label.textContent = `${s.name} (${s.quotes})`;
        li.append(swatch, label);
        return li;
      }),
    );
  }

  /** The innermost marked quotation whose text is under (x, y) near `el`. */
  #quoteAt(x, y, el) {
    if (this.#highlighting?.mode === "mark") return markQuote(el?.closest?.(MARK));
    let best = -1;
    this.#ranges.forEach((range, i) => {
      if (!range || (el && !range.intersectsNode(el))) return;
      for (const r of range.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
          if (best < 0 || this.#analysis.quotes[i].depth >= this.#analysis.quotes[best].depth) best = i;
          return;
        }
      }
    });
    return best;
  }

  #onPointer(e) {
    const { clientX: x, clientY: y } = e;
    const target = e.composedPath()[0];
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      const i = this.#quoteAt(x, y, target instanceof Node ? target : null);
      if (i < 0) this.#hide();
      else this.#show(i, { left: x, right: x, top: y, bottom: y + 8 });
    });
  }

  #onFocus(e) {
    const el = e.composedPath()[0];
    if (!(el instanceof Element)) return;
    let best = -1;
    if (this.#highlighting?.mode === "mark") {
      // A mark around the focused element, or the first one inside it.
      best = markQuote(el.closest(MARK) ?? el.querySelector(MARK));
    }
    this.#ranges.forEach((range, i) => {
      if (range && range.isPointInRange(el, 0)) {
        if (best < 0 || this.#analysis.quotes[i].depth >= this.#analysis.quotes[best].depth) best = i;
      }
    });
    if (best < 0) this.#hide();
    else this.#show(best, el.getBoundingClientRect());
  }

  /** Shows the speaker of quotation `i` next to `rect`. */
  #show(i, rect) {
    const q = this.#analysis?.quotes[i];
    if (!q || !this.#ui) return;
    const { popover, speaker, detail } = this.#ui;
    if (q.kind !== "speech") {
      speaker.textContent = "Quoted term";
      detail.textContent = "Scare quote, title or term: no speaker";
    } else {
      speaker.textContent = q.speaker?.name ?? q.speaker?.mention?.text ?? "Speaker unknown";
      detail.textContent = q.cue ? `cue: ${q.cue.text}` : "";
    }
    popover.dataset.quote = String(i);
    const slot = colorSlot(this.#analysis, q, this.#colors);
    popover.dataset.speaker = slot == null ? "" : String(slot);
    popover.hidden = false;
    if (popover.hasAttribute("popover") && !popover.matches(":popover-open")) popover.showPopover();
    this.#setCurrent(i);
    const w = popover.offsetWidth;
    const h = popover.offsetHeight;
    const left = Math.max(4, Math.min(rect.left, innerWidth - w - 4));
    const below = rect.bottom + 6;
    const top = below + h > innerHeight - 4 ? Math.max(4, rect.top - h - 6) : below;
    popover.style.left = `${left}px`;
    popover.style.top = `${top}px`;
  }

  #hide() {
    cancelAnimationFrame(this.#frame);
    if (this.#ui) {
      const { popover } = this.#ui;
      if (popover.hasAttribute("popover") && popover.matches(":popover-open")) popover.hidePopover();
      popover.hidden = true;
    }
    this.#setCurrent(-1);
  }

  /** Underlines quotation `i` (-1: none) as the one the popover is about. */
  #setCurrent(i) {
    if (i === this.#current) return;
    const old = this.#ranges[this.#current];
    this.#current = i;
    const range = this.#ranges[i];
    if (this.#highlighting?.mode === "highlight" && globalThis.CSS?.highlights) {
      let h = CSS.highlights.get("quote-lens-current");
      if (!h) {
        h = new Highlight();
        h.priority = 2;
        CSS.highlights.set("quote-lens-current", h);
      }
      if (old) h.delete(old);
      if (range) h.add(range);
    } else {
      // Only our own marks change; the observer ignores these attributes.
      const content = this.#content();
      for (const m of content.querySelectorAll("mark[data-quote-lens-current]")) m.removeAttribute("data-quote-lens-current");
      if (i >= 0) {
        for (const m of content.querySelectorAll(`mark[data-quote-lens-quote="${i}"]`)) m.setAttribute("data-quote-lens-current", "");
      }
    }
  }
}

if (!customElements.get("quote-lens")) customElements.define("quote-lens", QuoteLensElement);
