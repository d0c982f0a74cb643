// Compile-only check of pkg/quotelens.d.ts (`tsc -p js-tests`): the
// exports are typed precisely enough for strict TypeScript users.
import init, {
  analyze,
  highlightHtml,
  maxInputBytes,
  quotes,
  tokenize,
  tokenKindName,
  TokenKind,
  version,
  type Analysis,
  type AnalyzeOptions,
  type Paragraph,
  type Quote,
  type QuoteKind,
  type QuoteOptions,
  type Sentence,
  type Speaker,
  type Stats,
  type TextSpan,
} from "../pkg/quotelens.js";

export async function check(): Promise<void> {
  await init();
  const options: AnalyzeOptions = { lang: "en" };
  const a: Analysis = analyze("“Yes,” she said.", options);
  const b: Analysis = analyze("No options.");
  const s: Sentence = a.sentences[0];
  const p: Paragraph = a.paragraphs[0];
  const span: TextSpan = s;
  const start: number = span.start + p.end;
  const stats: Stats = b.stats;
  const share: number = stats.quotedShare + stats.readingMinutes;
  const q: Quote | undefined = a.quotes[0];
  if (q) {
    const kind: "speech" | "other" = q.kind;
    const name: string | null | undefined = q.speaker?.name;
    const parent: number | null = q.parent;
    void [kind, name, parent, q.marks.open, q.cue?.text];
  }
  const who: Speaker | undefined = a.speakers[0];
  const mentions: string[] = who ? who.mentions : [];
  const toks: Uint32Array = tokenize("Hi there");
  const k: TokenKind = TokenKind.QuoteMark;
  const kindName: string | undefined = tokenKindName(toks[2] ?? k);
  const v: string = version();
  const qo: QuoteOptions = { lang: "en", kinds: ["speech"] };
  const qs: Quote[] = quotes("“Yes,” she said.", qo);
  const kinds: QuoteKind[] = qs.map((x) => x.kind);
  const html: string = highlightHtml("“Yes,” she said.", { kinds: ["other"] });
  const max: number = maxInputBytes();
  void [start, share, mentions, kindName, v, kinds, html, max];

  // @ts-expect-error: unknown fields are type errors, not `any`.
  void a.nonexistent;
  // @ts-expect-error: lang is a string.
  analyze("x", { lang: 3 });
  // @ts-expect-error: kinds are "speech" and "other".
  quotes("x", { kinds: ["song"] });
}
