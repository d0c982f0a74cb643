// The quotelens embed: highlights who said what in every element matching a
// selector, without the page adding <quote-lens> itself.
//
//   <script type="module" src="/quotelens/embed.js" data-selector="article"
//           data-legend data-kinds="speech" data-speaker-colors="gold skyblue"></script>
//
// For each match it inserts a <quote-lens> right before it, pointed at it
// (`target`), so the host's element stays where it is, with its markup and
// listeners; the inserted element holds only the popover and the legend
// (when data-legend is given), in its shadow root.
import { QuoteLensElement } from "./quote-lens.js";

export { QuoteLensElement };

/** Elements already enhanced, so that a second run adds nothing. */
const enhanced = new WeakMap();

/**
 * The <script> element that loaded this module (module scripts have no
 * document.currentScript), or null when imported from another module.
 */
function ownScript() {
  for (const s of document.querySelectorAll("script[src]")) {
    if (s.src === import.meta.url) return s;
  }
  return null;
}

/**
 * Enhances every element matching `selector` that is not enhanced yet and
 * not already inside a <quote-lens>.
 * @param {string} [selector="article"]
 * @param {{legend?: boolean, kinds?: string, lang?: string, speakerColors?: string}} [options]
 * @returns {QuoteLensElement[]} the widgets added
 */
export function enhance(selector = "article", options = {}) {
  const added = [];
  for (const el of document.querySelectorAll(selector)) {
    if (enhanced.has(el) || el.closest("quote-lens")) continue;
    const widget = document.createElement("quote-lens");
    if (options.legend) widget.setAttribute("legend", "");
    if (options.kinds) widget.setAttribute("kinds", options.kinds);
    if (options.lang) widget.setAttribute("lang", options.lang);
    if (options.speakerColors) widget.setAttribute("speaker-colors", options.speakerColors);
    widget.target = el;
    el.before(widget);
    enhanced.set(el, widget);
    added.push(widget);
  }
  return added;
}

const script = ownScript();
if (script) {
  const d = script.dataset;
  enhance(d.selector || "article", {
    legend: "legend" in d,
    kinds: d.kinds,
    lang: d.lang,
    speakerColors: d.speakerColors,
  });
}
