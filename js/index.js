// The main entry of the npm package `quotelens` for browsers, bundlers and
// Web Workers (node.js is the Node one). It re-exports the wasm-bindgen
// glue (quotelens.js) with two additions, both thin:
//
// - a call before init() throws an Error that says so, instead of the
//   glue's "Cannot read properties of undefined";
// - `Analyzer`, a JS class that holds checked options for repeated calls.
//   It is JS on purpose: it owns no wasm memory, so it needs no free() and
//   stays valid when the module re-instantiates itself after a panic (see
//   src/wasm/panic.rs).
import init, {
  initSync,
  analyze as rawAnalyze,
  tokenize as rawTokenize,
  quotes as rawQuotes,
  highlightHtml as rawHighlightHtml,
  tokenKindName as rawTokenKindName,
  maxInputBytes as rawMaxInputBytes,
  version as rawVersion,
  TokenKind,
} from "./quotelens.js";

export { init as default, initSync, TokenKind };

/** True when the wasm module is not instantiated yet. */
function notReady() {
  try {
    rawMaxInputBytes();
    return false;
  } catch {
    return true;
  }
}

function tooEarly(what, cause) {
  return new Error(`quotelens: ${what} was called before the WebAssembly module was loaded; await init() (or call initSync()) first`, { cause });
}

/** `fn` with a clear error when called before init(). Costs nothing else. */
function needsInit(fn, name) {
  return function (...args) {
    try {
      return fn(...args);
    } catch (err) {
      if (err instanceof TypeError && notReady()) throw tooEarly(`${name}()`, err);
      throw err;
    }
  };
}

export const analyze = needsInit(rawAnalyze, "analyze");
export const tokenize = needsInit(rawTokenize, "tokenize");
export const quotes = needsInit(rawQuotes, "quotes");
export const highlightHtml = needsInit(rawHighlightHtml, "highlightHtml");
export const tokenKindName = needsInit(rawTokenKindName, "tokenKindName");
export const maxInputBytes = needsInit(rawMaxInputBytes, "maxInputBytes");
export const version = needsInit(rawVersion, "version");

/** Analyzes many texts with the same options; see index.d.ts. */
export class Analyzer {
  #options;

  constructor(options = {}) {
    if (notReady()) throw tooEarly("new Analyzer()");
    if (options === null || typeof options !== "object") {
      throw new TypeError("quotelens: Analyzer options must be an object");
    }
    const { lang, kinds } = options;
    this.#options = Object.freeze({
      ...(lang === undefined ? {} : { lang }),
      ...(kinds === undefined ? {} : { kinds: Object.freeze(Array.isArray(kinds) ? [...kinds] : kinds) }),
    });
    // Checked now, by the same code that will use them, so a bad option
    // fails here rather than at the first text (an empty text costs nothing).
    quotes("", this.#options);
  }

  /** The options, frozen. */
  get options() {
    return this.#options;
  }

  analyze(text) {
    return analyze(text, this.#options);
  }

  quotes(text) {
    return quotes(text, this.#options);
  }

  highlightHtml(text) {
    return highlightHtml(text, this.#options);
  }

  tokenize(text) {
    return tokenize(text);
  }
}
