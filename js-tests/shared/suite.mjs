// The package's JS test suite, shared by every place the package must
// work: Node (js-tests/consumer.test.mjs, against the packed and installed
// tarball) and Chromium (e2e/package.spec.mjs: a page without a bundler, an
// esbuild-bundled app, and Web Workers). It imports nothing from the
// package: each runner passes the module it loaded (`import * as api from
// "quotelens"`) after initialising it, so the same code tests each setup.
//
// Texts are written for these tests.
import * as assert from "./assert.mjs";

const MAX = 20 * 1024 * 1024;

/** `text.slice(span.start, span.end) === span.text`, in range. */
function assertSpan(text, span, what) {
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what} in range`);
  assert.equal(text.slice(span.start, span.end), span.text, `${what} text`);
}

const NEWS =
  "🌊 Harbour Minister Ines Okoro visited the quay. “We will rebuild it by spring,” Ms Okoro said.\n\n" +
  "She added: “Nobody will lose a mooring.”\n\nThe “reform” passed without debate.";

// A scare quote inside a speech quotation.
const NESTED = "“They call it ‘a quick fix’ but it took a year,” said Tom Ruiz.";

/** The suite: a list of [name, fn] for `api`, the loaded package module. */
export function cases(api) {
  const { analyze, tokenize, quotes, highlightHtml, tokenKindName, TokenKind, Analyzer, version, maxInputBytes } = api;
  return [
    ["exports the documented API", () => {
      for (const name of ["default", "initSync", "analyze", "tokenize", "quotes", "highlightHtml", "tokenKindName", "maxInputBytes", "version", "Analyzer"]) {
        assert.equal(typeof api[name], "function", name);
      }
      assert.equal(typeof TokenKind, "object");
      // Nothing internal leaks through the package entry.
      for (const name of ["start", "__testPanic", "__wbg_reset_state"]) {
        assert.equal(api[name], undefined, name);
      }
      assert.match(version(), /^\d+\.\d+\.\d+/);
      assert.equal(maxInputBytes(), MAX);
    }],

    ["analyze returns the Analysis JSON with UTF-16 offsets", () => {
      const a = analyze(NEWS);
      assert.deepEqual(Object.keys(a).sort(), ["paragraphs", "quotes", "sentences", "speakers", "stats"]);
      assert.equal(a.paragraphs.length, 3);
      a.sentences.forEach((s, i) => assertSpan(NEWS, s, `sentences[${i}]`));
      a.paragraphs.forEach((p, i) => assertSpan(NEWS, p, `paragraphs[${i}]`));
      const speech = a.quotes.filter((q) => q.kind === "speech");
      assert.deepEqual(speech.map((q) => q.text), ["We will rebuild it by spring,", "Nobody will lose a mooring."]);
      for (const q of speech) {
        assert.equal(NEWS.slice(q.start, q.end), `“${q.text}”`);
        assert.equal(q.speaker.name, "Ines Okoro");
        assertSpan(NEWS, q.speaker.mention, "mention");
      }
      assert.deepEqual(a.speakers.map((s) => [s.name, s.quotes]), [["Ines Okoro", 2]]);
      assert.deepEqual(JSON.parse(JSON.stringify(a)), a, "plain JSON data");
    }],

    ["a lone surrogate is one unit of U+FFFD and offsets still fit", () => {
      const text = "a\uD800b. Next one.";
      const { sentences } = analyze(text);
      assert.equal(sentences[0].text, "a\uFFFDb.");
      assertSpan(text, sentences[1], "second sentence");
    }],

    ["quotes returns the quotations; kinds filters them", () => {
      const all = quotes(NESTED);
      assert.deepEqual(all, analyze(NESTED).quotes, "same as analyze().quotes");
      assert.deepEqual(all.map((q) => [q.kind, q.depth, q.parent]), [["speech", 0, null], ["other", 1, 0]]);
      const other = quotes(NESTED, { kinds: ["other"] });
      assert.deepEqual(other.map((q) => [q.text, q.depth, q.parent]), [["a quick fix", 0, null]], "re-parented");
      const speech = quotes(NESTED, { kinds: ["speech"] });
      assert.deepEqual(speech.map((q) => q.speaker?.name), ["Tom Ruiz"]);
      assert.deepEqual(quotes(NESTED, { kinds: [] }), []);
      assert.deepEqual(quotes(NEWS, { kinds: ["speech", "other"] }), quotes(NEWS));
    }],

    ["highlightHtml escapes everything and marks each quotation with its speaker", () => {
      const text = "<img src=x onerror=alert(1)> “Keep the <b>bridge</b> & the ferry,” said Ann Lee.\n\nThe “plan” is on hold.";
      const html = highlightHtml(text);
      assert.doesNotMatch(html, /<img|<b>/, "no markup from the text");
      assert.match(html, /^<p>&lt;img src=x onerror=alert\(1\)&gt; /);
      assert.match(html, /<mark class="q q-speech" data-speaker="Ann Lee">“Keep the &lt;b&gt;bridge&lt;\/b&gt; &amp; the ferry,”<\/mark> said Ann Lee\.<\/p>/);
      assert.match(html, /<p>The <mark class="q q-other">“plan”<\/mark> is on hold\.<\/p>$/);
      const speechOnly = highlightHtml(text, { kinds: ["speech"] });
      assert.equal((speechOnly.match(/<mark/g) ?? []).length, 1);
      assert.match(speechOnly, /The “plan” is on hold/);
      // Marks never nest: the scare quote inside the speech stays inside its mark.
      assert.equal((highlightHtml(NESTED).match(/<mark/g) ?? []).length, 1);
      assert.match(highlightHtml(NESTED, { kinds: ["other"] }), /<mark class="q q-other">‘a quick fix’<\/mark>/);
      // A speaker name is escaped inside the attribute too.
      assert.equal(highlightHtml(""), "");
    }],

    ["tokenize returns [start, end, kind] triples in a Uint32Array", () => {
      const text = "Zoë said “hi” 😀 at https://example.org #tag";
      const toks = tokenize(text);
      assert.ok(toks instanceof Uint32Array, "Uint32Array");
      assert.equal(toks.length % 3, 0);
      const seen = [];
      for (let i = 0; i < toks.length; i += 3) {
        const [start, end, kind] = toks.subarray(i, i + 3);
        seen.push([text.slice(start, end), TokenKind[kind], tokenKindName(kind)]);
      }
      assert.deepEqual(seen, [
        ["Zoë", "Word", "word"],
        ["said", "Word", "word"],
        ["“", "QuoteMark", "quoteMark"],
        ["hi", "Word", "word"],
        ["”", "QuoteMark", "quoteMark"],
        ["😀", "Emoji", "emoji"],
        ["at", "Word", "word"],
        ["https://example.org", "Url", "url"],
        ["#tag", "Hashtag", "hashtag"],
      ]);
      assert.equal(TokenKind.LineBreak, 12);
      assert.equal(tokenKindName(99), undefined);
    }],

    ["Analyzer keeps checked options for repeated calls", () => {
      const speech = new Analyzer({ kinds: ["speech"] });
      assert.deepEqual(speech.options, { kinds: ["speech"] });
      assert.ok(Object.isFrozen(speech.options) && Object.isFrozen(speech.options.kinds), "frozen");
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(speech.quotes(NEWS).map((q) => q.kind), ["speech", "speech"]);
      }
      assert.deepEqual(speech.analyze(NEWS), analyze(NEWS), "analyze reports every kind");
      assert.equal(speech.highlightHtml(NEWS), highlightHtml(NEWS, { kinds: ["speech"] }));
      assert.deepEqual(speech.tokenize(NEWS), tokenize(NEWS));
      const de = new Analyzer({ lang: "de" });
      const text = "„Wir bauen die Brücke neu“, sagte Anna Weber.";
      assert.deepEqual(de.analyze(text), analyze(text, { lang: "de" }));
      assert.deepEqual(new Analyzer().quotes(NEWS), quotes(NEWS));
      assert.throws(() => new Analyzer({ lang: "klingon!" }), /unknown language tag/);
      assert.throws(() => new Analyzer({ kinds: ["speech", "song"] }), /unknown quotation kind in options\.kinds: "song"/);
      assert.throws(() => new Analyzer({ kinds: "speech" }), /options\.kinds must be an array/);
      assert.throws(() => new Analyzer("en"), /options must be an object/, TypeError);
    }],

    ["bad arguments throw Errors with clear messages", () => {
      for (const fn of [analyze, tokenize, quotes, highlightHtml]) {
        assert.throws(() => fn(42), /text must be a string, not number/);
        assert.throws(() => fn(undefined), /text must be a string, not undefined/);
        assert.throws(() => fn(null), /text must be a string, not null/);
      }
      assert.throws(() => analyze("Hi.", { lang: "not a tag" }), /unknown language tag: "not a tag"/);
      assert.throws(() => analyze("Hi.", { lang: 7 }), /options\.lang must be a string/);
      assert.throws(() => quotes("Hi.", { kinds: [1] }), /unknown quotation kind/);
      assert.throws(() => highlightHtml("Hi.", { kinds: {} }), /must be an array/);
      // Still fine afterwards.
      assert.equal(analyze("Hi.").sentences.length, 1);
    }],

    ["a text over 20 MiB is refused, naming its size and the limit", () => {
      // Over the limit in UTF-16 units already: refused before any copy.
      const long = "a".repeat(MAX + 1);
      for (const fn of [analyze, tokenize, quotes, highlightHtml]) {
        assert.throws(() => fn(long), new RegExp(`text too long: at least ${MAX + 1} bytes of UTF-8, over the limit of ${MAX} bytes \\(20 MiB\\)`));
      }
      // Under the limit in units, over it in UTF-8 bytes (2 bytes per é).
      const over = "é".repeat(10_500_000);
      assert.throws(() => analyze(over), /text too long: 21000000 bytes of UTF-8, over the limit of 20971520 bytes/);
      // Exactly at the limit: accepted (tokenize: one long word, cheap).
      const atLimit = "é".repeat(MAX / 2);
      assert.deepEqual(tokenize(atLimit), new Uint32Array([0, MAX / 2, TokenKind.Word]));
      assert.equal(analyze("Fine.").sentences.length, 1);
    }],
  ];
}
