// Pure helpers shared by the page (app.js) and the analysis worker
// (worker.js): no DOM, no wasm. Everything here treats the user's text as
// data: HTML output is escaped, CSV output is quoted.

/** Int32 fields per quotation in the packed array the worker sends. */
export const QF = 13;

/** Speaker colours: the page's CSS has classes sp-0 … sp-(PALETTE-1). */
export const PALETTE = 8;

/** The speaker label of a quotation object from analyze(), or "". */
export function speakerLabel(quote) {
  if (!quote.speaker) return "";
  return quote.speaker.name ?? quote.speaker.mention?.text ?? "";
}

/**
 * Walks `text` with properly nested quotations, calling
 * onText(start, end) for plain runs, onOpen(i) and onClose(i) around
 * quotation i. `spans` is a list of {start, end}; a span that crosses its
 * enclosing one is clipped to it, so the output always nests.
 */
export function walkNested(length, spans, { onText, onOpen, onClose }) {
  const order = spans.map((_, i) => i);
  order.sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end);
  const stack = []; // [index, effective end]
  let pos = 0;
  const closeUntil = (limit) => {
    while (stack.length && stack[stack.length - 1][1] <= limit) {
      const [i, end] = stack.pop();
      if (end > pos) onText(pos, end);
      pos = Math.max(pos, end);
      onClose(i);
    }
  };
  for (const i of order) {
    const { start } = spans[i];
    let { end } = spans[i];
    if (start < pos || end <= start || end > length) continue; // overlapping or empty: skip
    closeUntil(start);
    if (stack.length && end > stack[stack.length - 1][1]) end = stack[stack.length - 1][1];
    if (start > pos) onText(pos, start);
    pos = start;
    onOpen(i);
    stack.push([i, end]);
  }
  closeUntil(Infinity);
  if (pos < length) onText(pos, length);
}

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** One CSV field, RFC 4180: quoted when it holds a comma, quote or line
 * break. Text that a spreadsheet would run as a formula (starting with = + -
 * @, tab or CR) gets a leading apostrophe (OWASP's advice); numbers stay
 * numbers. */
export function csvField(value) {
  let s = value == null ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The quotations as CSV: speaker, quotation, start, end (CRLF line ends). */
export function toCsv(quotes) {
  const rows = [["speaker", "quotation", "start", "end"]];
  for (const q of quotes) rows.push([speakerLabel(q), q.text, q.start, q.end]);
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** A short description of how a quotation was attributed. */
export function describeQuote({ kind, speaker, cue, rule }) {
  const parts = [];
  if (kind === "other") parts.push("Not speech (a term, title or scare quote)");
  else parts.push(speaker ? `Speaker: ${speaker}` : "Speaker: unknown");
  if (cue) parts.push(`Cue: ${cue}`);
  if (rule) parts.push(`Rule: ${rule}`);
  return parts.join(" · ");
}

const EXPORT_COLOURS = ["#c2410c", "#1d4ed8", "#047857", "#a21caf", "#b45309", "#0e7490", "#be123c", "#4d7c0f"];

/**
 * The highlighted article as a standalone HTML document (its own inline
 * stylesheet, no scripts). Every piece of the user's text is escaped.
 */
export function toHtmlDocument(text, analysis, title) {
  const speakers = new Map(analysis.speakers.map((s, i) => [s.name, i]));
  const out = [];
  walkNested(text.length, analysis.quotes, {
    onText: (s, e) => out.push(escapeHtml(text.slice(s, e))),
    onOpen: (i) => {
      const q = analysis.quotes[i];
      const who = speakerLabel(q);
      const idx = speakers.get(q.speaker?.name ?? "");
      const cls = q.kind === "other" ? "other" : idx === undefined ? "speech unknown" : `speech sp-${idx % PALETTE}`;
      const tip = describeQuote({ kind: q.kind, speaker: who, cue: q.cue?.text, rule: q.rule });
      out.push(`<mark class="${cls}" title="${escapeHtml(tip)}">`);
    },
    onClose: () => out.push("</mark>"),
  });
  const legend = analysis.speakers
    .map((s, i) => `<li><mark class="speech sp-${i % PALETTE}">${escapeHtml(s.name)}</mark> ${s.quotes} quotation${s.quotes === 1 ? "" : "s"}, ${s.words} words</li>`)
    .join("\n");
  const colours = EXPORT_COLOURS.map((c, i) => `mark.sp-${i}{background:${c}22;border-bottom-color:${c}}`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="quotelens">
<title>${escapeHtml(title)}</title>
<style>
body{max-width:44em;margin:2em auto;padding:0 1em;font:17px/1.6 Georgia,"Noto Serif",serif;color:#1d1f24;background:#fff}
.article{white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:none;color:inherit;border-bottom:2px solid;padding:0 1px;border-radius:2px}
mark.unknown{background:#8882;border-bottom-style:dashed;border-bottom-color:#777}
mark.other{border-bottom:1px dotted #777;font-style:italic}
${colours}
ul{padding-left:1.2em;font:14px/1.5 system-ui,sans-serif}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<ul class="legend">
${legend}
</ul>
<div class="article">${out.join("")}</div>
</body>
</html>
`;
}
