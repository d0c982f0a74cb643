// The benchmark texts, built exactly as benches/common/mod.rs builds them
// for the native benchmarks, so every figure is on the same bytes:
// - news(bytes): the invented articles of benches/texts/news/ (name
//   order, a blank line apart) repeated to at least `bytes` UTF-8 bytes;
// - article(): benches/texts/article-3k.txt;
// - adversarial(kind, bytes): a unit repeated to at least `bytes` bytes.
// Works in Node (reads the files) and in a browser (fromArticles()).

/** Adversarial kinds and their repeated units (see benches/common/mod.rs). */
export const ADVERSARIAL = {
  "unbalanced-marks": "“ „ « ' \" ‘ word » ” ",
  "one-token": "x",
  "deep-nesting": "“a ‘b « c „d ‹e ",
  "names-and-cues": "Mr Ann Lee said “yes,” he said. ",
  "dialogue-lines": "\n\n“Yes.”\n\n“No,” said Bo.",
};

export const utf8Length = (s) => new TextEncoder().encode(s).length;

/** `unit` repeated to at least `bytes` UTF-8 bytes. */
export function adversarial(kind, bytes) {
  const unit = ADVERSARIAL[kind] ?? "";
  if (!unit) return "";
  return unit.repeat(Math.floor(bytes / utf8Length(unit)) + 1);
}

/** A corpus builder over already-read articles (trailing space trimmed). */
export function fromArticles(articles, article3k) {
  const arts = articles.map((a) => a.trimEnd());
  const sizes = arts.map(utf8Length);
  return {
    articles: arts,
    article: () => article3k,
    news(bytes) {
      if (!arts.length) return "";
      const parts = [];
      let len = 0;
      while (len < bytes) {
        arts.forEach((a, i) => {
          if (parts.length) {
            parts.push("\n\n");
            len += 2;
          }
          parts.push(a);
          len += sizes[i];
        });
      }
      return parts.join("");
    },
    adversarial,
  };
}

/** Reads benches/texts/ from disk (Node only). */
export async function load() {
  const { readdirSync, readFileSync } = await import("node:fs");
  const dir = new URL("texts/news/", import.meta.url);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort();
  const articles = names.map((n) => readFileSync(new URL(n, dir), "utf8"));
  const article3k = readFileSync(new URL("texts/article-3k.txt", import.meta.url), "utf8");
  return fromArticles(articles, article3k);
}
