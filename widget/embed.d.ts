// Types for embed.js: enhances elements matching a selector with <quote-lens>.
import { QuoteLensElement } from "./quote-lens.js";

export { QuoteLensElement };

/** Options of `enhance()`, as the embed script's data-* attributes give them. */
export interface EnhanceOptions {
  /** Show each widget's legend (`data-legend`). */
  legend?: boolean;
  /** "speech", "other" or both (`data-kinds`). */
  kinds?: string;
  /** A BCP 47 language hint (`data-lang`). */
  lang?: string;
  /** Speaker colours (`data-speaker-colors`). */
  speakerColors?: string;
}

/**
 * Inserts a `<quote-lens>` before every element matching `selector` (default
 * "article") not enhanced yet, pointed at it; returns the widgets added.
 */
export declare function enhance(selector?: string, options?: EnhanceOptions): QuoteLensElement[];
