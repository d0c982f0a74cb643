// A typed consumer of the installed package, checked with
// `tsc --noEmit --strict` (js-tests/consumer.test.mjs): the exports map
// leads TypeScript to index.d.ts, and every export is typed precisely.
import init, {
  analyze,
  highlightHtml,
  initSync,
  maxInputBytes,
  quotes,
  tokenize,
  tokenKindName,
  version,
  Analyzer,
  TokenKind,
  type Analysis,
  type AnalyzeOptions,
  type InitOutput,
  type Marks,
  type Paragraph,
  type Quote,
  type QuoteKind,
  type QuoteOptions,
  type Sentence,
  type Speaker,
  type SpeakerRef,
  type Stats,
  type TextSpan,
} from "quotelens";

export async function main(): Promise<string> {
  const out: InitOutput = await init();
  const memory: WebAssembly.Memory = out.memory;
  void initSync;

  const text = "“We will rebuild it,” said Ines Okoro.";
  const options: AnalyzeOptions = { lang: "en" };
  const a: Analysis = analyze(text, options);
  const s: Sentence = a.sentences[0];
  const p: Paragraph = a.paragraphs[0];
  const span: TextSpan = s;
  const stats: Stats = a.stats;
  const share: number = stats.quotedShare + span.start + p.end;

  const q: Quote | undefined = a.quotes[0];
  if (q) {
    const kind: QuoteKind = q.kind;
    const who: SpeakerRef | null = q.speaker;
    const name: string | null | undefined = who?.name;
    const marks: Marks = q.marks;
    const parent: number | null = q.parent;
    void [kind, name, marks.open, marks.close, parent, q.cue?.text, q.rule, q.depth];
  }
  const speaker: Speaker | undefined = a.speakers[0];
  const mentions: string[] = speaker ? speaker.mentions : [];

  const speechOnly: QuoteOptions = { kinds: ["speech"] };
  const list: Quote[] = quotes(text, speechOnly);
  const html: string = highlightHtml(text, { lang: "en", kinds: ["other", "speech"] });

  const toks: Uint32Array = tokenize(text);
  const kind: TokenKind = TokenKind.QuoteMark;
  const kindName: string | undefined = tokenKindName(toks[2] ?? kind);

  const analyzer = new Analyzer({ lang: "de", kinds: ["speech"] });
  const again: Analysis = analyzer.analyze(text);
  const fromAnalyzer: Quote[] = analyzer.quotes(text);
  const lang: string | undefined = analyzer.options.lang;
  const max: number = maxInputBytes();
  const v: string = version();
  void [memory, share, mentions, list, toks, kindName, again, fromAnalyzer, lang, max];

  // @ts-expect-error: unknown fields are errors, not `any`.
  void a.nonexistent;
  // @ts-expect-error: the text is a string.
  analyze(42);
  // @ts-expect-error: only "speech" and "other" are kinds.
  quotes(text, { kinds: ["song"] });
  // @ts-expect-error: analyze() reports every kind; it takes no `kinds`.
  analyze(text, { kinds: ["speech"] });
  // @ts-expect-error: an Analyzer's options are read-only.
  analyzer.options.lang = "en";
  // @ts-expect-error: lang is a string.
  new Analyzer({ lang: 3 });

  return `${html} ${v}`;
}
