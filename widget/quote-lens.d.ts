// Types for quote-lens.js: the <quote-lens> custom element.
import type { Analysis, Quote, Speaker } from "./quotelens.js";

/** `detail` of the `quote-lens:analyzed` event. */
export interface QuoteLensAnalyzedDetail {
  /** Every quotation found (also those of kinds not highlighted). */
  quotes: Quote[];
  /** The speakers, in order of their colours (`speaker-0`, …). */
  speakers: Speaker[];
  /** The whole Analysis JSON; offsets are into `text`. */
  analysis: Analysis;
  /** The text analyzed: the content's visible text, a blank line at each block. */
  text: string;
  /** How the quotations are shown: CSS Custom Highlight API or `<mark>` elements. */
  mode: "highlight" | "mark";
}

/**
 * `<quote-lens>`: highlights who said what in its own content.
 * Attributes: `lang`, `legend`, `kinds` ("speech other"), `speaker-colors`.
 */
export declare class QuoteLensElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Shows a legend of the speakers (attribute `legend`). */
  legend: boolean;
  /** The kinds of quotation highlighted (attribute `kinds`); both by default. */
  kinds: ("speech" | "other")[];
  /** Speaker colours in order (attribute `speaker-colors`, CSS colours separated by spaces). */
  speakerColors: string[];
  /** An element to analyze instead of this element's content (the embed script sets it). */
  target: Element | null;
  /** The latest analysis, or null before the first. */
  readonly analysis: Analysis | null;
  /** Analyzes and highlights now; resolves with the analysis (null if disconnected). */
  refresh(): Promise<Analysis | null>;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string): void;
}

/** Initialises the wasm module once for every widget on the page. */
export declare function ready(): Promise<void>;

/** Splits a `speaker-colors` value into colours (spaces or commas outside parentheses). */
export declare function parseColors(value: string | null | undefined): string[];

declare global {
  interface HTMLElementTagNameMap {
    "quote-lens": QuoteLensElement;
  }
  interface HTMLElementEventMap {
    "quote-lens:analyzed": CustomEvent<QuoteLensAnalyzedDetail>;
  }
}
