// End-to-end: the analyzer page in Debian's Chromium, served by
// scripts/serve.py with its strict CSP. Run with `node --test e2e/` after
// `make build-wasm`. Leaves screenshots in e2e/artifacts/ (gitignored).
//
// The expected analysis comes from the same pkg/ in Node, so the page is
// checked against analyze() itself; a few expectations about who said what
// in e2e/fixtures/article.txt (written for these tests) are spelled out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import init, { analyze } from "../pkg/quotelens.js";
import { launchChromium } from "./chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const artifacts = fileURLToPath(new URL("artifacts/", import.meta.url));
const ARTICLE = readFileSync(new URL("fixtures/article.txt", import.meta.url), "utf8");

/** Who said what in the fixture: [quotation as written, speaker or null, kind]. */
const EXPECTED = [
  ["“We rebuilt every paddle by hand,”", "Ann Lee", "speech"],
  ["“Some of the oak came from the old pier.”", "Ann Lee", "speech"],
  ['"The foundations were sound. The wheel was not."', "Tom Ruiz", "speech"],
  ["“A visitor told me it reminded her of ‘the mills at home’ and I nearly cried.”", "Ann Lee", "speech"],
  ["‘the mills at home’", null, "other"],
  ["“vanity wheel”", null, "other"],
  ["“The money could have paved three roads,”", "Priya Nair", "speech"],
  ["“Nobody asked the village.\n\n“We will ask for an audit next month.”", "Priya Nair", "speech"],
  ['"It is open now,"', "Tom Ruiz", "speech"],
  ['"People can judge for themselves."', "Tom Ruiz", "speech"],
];

let server;
let baseUrl;
let browser;

/** Starts scripts/serve.py on a free port; resolves with its URL. */
function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn("python3", ["scripts/serve.py", "0"], {
      cwd: root,
      env: { ...process.env, QUOTELENS_SERVE_QUIET: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`serve.py did not start: ${out}`)), 10000);
    proc.stdout.setEncoding("utf8");
    proc.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.py exited with ${code}: ${out}`));
    });
  });
}

before(async () => {
  await init({ module_or_path: readFileSync(new URL("../pkg/quotelens_bg.wasm", import.meta.url)) });
  ({ proc: server, url: baseUrl } = await startServer());
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/**
 * A page that records console errors, failed requests, CSP violations
 * (window.__csp) and every request made after `page.markLoaded()`.
 */
async function openPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  const lateRequests = [];
  let loaded = false;
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()}`));
  page.on("request", (req) => {
    if (loaded && !req.url().startsWith("blob:") && !req.url().startsWith("data:")) lateRequests.push(req.url());
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.goto(baseUrl);
  assert.ok(response?.ok(), "page loads");
  await page.waitForSelector("html[data-rendered]", { timeout: 20000 });
  loaded = true;
  /** Asserts no CSP violation, console error or request after load happened. */
  const checkClean = async () => {
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violations");
    assert.deepEqual(problems, [], "no console errors or failed requests");
    assert.deepEqual(lateRequests, [], "no requests after load");
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no payload ran");
  };
  return { page, context, checkClean };
}

/** Replaces the text as a paste of plain text would, and waits for the result. */
async function setText(page, text) {
  const before = await page.evaluate(() => document.documentElement.dataset.rendered);
  await page.locator("#text").fill(text);
  await page.waitForFunction(
    ([prev, len]) => {
      const d = document.documentElement.dataset;
      return d.rendered !== prev && !d.busy && document.getElementById("text").value.length === len;
    },
    [before, text.length],
    { timeout: 30000 },
  );
}

async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** A small RFC 4180 parser for the CSV export. */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ",") row.push(field), (field = ""), i++;
    else if (c === "\r" && s[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), (i += 2);
    else (field += c), i++;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

test("the article's quotations, speakers, figures and exports", { timeout: 40000 }, async () => {
  const { page, context, checkClean } = await openPage();
  const response = await page.request.get(baseUrl);
  assert.match(response.headers()["content-security-policy"] ?? "", /script-src 'self' 'wasm-unsafe-eval'/);

  // The sample article is analyzed on load.
  assert.ok((await page.locator("#article mark.q").count()) > 3, "sample quotations shown");
  assert.ok((await page.locator("#kinds li").count()) >= 13, "token kinds listed");

  await setText(page, ARTICLE);
  const expected = analyze(ARTICLE, { lang: "auto" });

  // What analyze() says about the fixture, as written in EXPECTED.
  assert.deepEqual(
    expected.quotes.map((q) => [ARTICLE.slice(q.start, q.end), q.speaker?.name ?? null, q.kind]),
    EXPECTED,
  );

  // The article is shown exactly, with one mark per quotation.
  assert.equal(await page.textContent("#article"), ARTICLE);
  const shown = await page.$$eval("#article mark.q", (ms) =>
    ms.map((m) => ({
      i: Number(m.dataset.i),
      text: m.textContent,
      label: m.getAttribute("aria-label"),
      cls: m.className,
      tab: m.tabIndex,
    })),
  );
  assert.equal(shown.length, EXPECTED.length);
  for (const s of shown) {
    const [quote, speaker, kind] = EXPECTED[s.i];
    assert.equal(s.text, quote, `quotation ${s.i} highlighted exactly`);
    assert.ok(s.cls.includes(`q-${kind}`), `quotation ${s.i} is ${kind}`);
    assert.equal(s.tab, 0, "every quotation is focusable");
    if (speaker) {
      const content = quote.slice(1, -1).replace(/\s+/g, " ");
      assert.equal(s.label, `Quotation by ${speaker}: ${content}`);
    } else assert.match(s.label, /^Quoted term: /);
  }
  // Same speaker, same colour; different speakers, different colours.
  const colour = (i) => shown.find((s) => s.i === i).cls.match(/sp-\d+/)?.[0];
  assert.equal(colour(0), colour(3));
  assert.notEqual(colour(0), colour(2));
  assert.notEqual(colour(2), colour(6));
  assert.equal(await page.locator("#legend li").count(), expected.speakers.length + 2);

  // Figures.
  const fmt = (n) => n.toLocaleString("en");
  const { stats } = expected;
  assert.equal(await page.textContent("#count-words"), fmt(stats.words));
  assert.equal(await page.textContent("#count-sentences"), fmt(stats.sentences));
  assert.equal(await page.textContent("#count-paragraphs"), fmt(stats.paragraphs));
  assert.equal(await page.textContent("#count-reading"), `${stats.readingMinutes} min`);
  assert.equal(await page.textContent("#count-quotes"), String(EXPECTED.length));
  assert.equal(await page.textContent("#count-share"), `${Math.round(stats.quotedShare * 100)}%`);
  const rows = await page.$$eval("#speakers tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(
    rows,
    expected.speakers.map((s) => [s.name, String(s.quotes), String(s.words)]),
  );
  assert.deepEqual(rows.map((r) => r[0]), ["Ann Lee", "Tom Ruiz", "Priya Nair"]);
  assert.equal(await page.locator("#chart svg rect.bar").count(), 3, "one bar per speaker");

  // Hover shows speaker, cue and rule.
  await page.hover("#article mark.q[data-i='0']");
  assert.equal(await page.getAttribute("#tip", "data-for"), "0");
  const tip = await page.textContent("#tip");
  assert.match(tip, /Ann Lee/);
  assert.match(tip, new RegExp(`Cue${expected.quotes[0].cue.text}`));
  assert.match(tip, new RegExp(`Rule${expected.quotes[0].rule}`));

  // Keyboard: Tab from the last control before the article reaches the
  // first quotation; arrows, Home and End move between quotations.
  const active = () => page.evaluate(() => document.activeElement?.dataset?.i ?? document.activeElement?.id);
  await page.focus("#export-html");
  await page.keyboard.press("Tab");
  assert.equal(await active(), "0");
  assert.equal(await page.getAttribute("#tip", "data-for"), "0", "focus shows the tooltip");
  assert.equal(await page.getAttribute("#article mark.q[data-i='0']", "aria-describedby"), "tip");
  await page.keyboard.press("ArrowRight");
  assert.equal(await active(), "1");
  await page.keyboard.press("Tab");
  assert.equal(await active(), "2");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await active(), "1");
  await page.keyboard.press("End");
  assert.equal(await active(), "9");
  await page.keyboard.press("Home");
  assert.equal(await active(), "0");

  // Choosing a speaker shows only their quotations (and only they take focus).
  await page.click("#speakers button.speaker >> text=Tom Ruiz");
  assert.equal(await page.getAttribute("#speakers button.speaker[data-speaker='1']", "aria-pressed"), "true");
  const sel = await page.$$eval("#article mark.sel", (ms) => ms.map((m) => Number(m.dataset.i)));
  assert.deepEqual(sel, [2, 8, 9]);
  assert.equal(await page.locator("#article mark.q[tabindex='0']").count(), 3);
  assert.match(await page.textContent("#filter-text"), /3 quotations by Tom Ruiz/);
  await page.focus("#article mark.q[data-i='2']");
  await page.keyboard.press("ArrowRight");
  assert.equal(await active(), "8");
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}page-filtered.png`, fullPage: true });
  await page.click("#filter-clear");
  assert.equal(await page.locator("#article mark.q[tabindex='0']").count(), EXPECTED.length);

  // Exports.
  const json = await downloadText(page, "#export-json");
  assert.equal(json.name, "quotelens-analysis.json");
  assert.deepEqual(JSON.parse(json.text), expected);
  const csv = await downloadText(page, "#export-csv");
  assert.equal(csv.name, "quotelens-quotations.csv");
  assert.deepEqual(parseCsv(csv.text), [
    ["speaker", "quotation", "start", "end"],
    ...expected.quotes.map((q) => [q.speaker?.name ?? q.speaker?.mention.text ?? "", q.text, String(q.start), String(q.end)]),
  ]);
  assert.match(csv.text, /^Priya Nair,"Nobody asked the village\.\n\n“We will ask for an audit next month\.",\d+,\d+\r$/m);
  assert.match(csv.text, /^Tom Ruiz,"It is open now,",\d+,\d+\r$/m);
  const html = await downloadText(page, "#export-html");
  assert.equal(html.name, "quotelens-article.html");
  assert.match(html.text, /^<!doctype html>/);
  assert.match(html.text, /<mark class="speech sp-0" title="Speaker: Ann Lee · Cue: said · Rule: quote-cue-speaker">“We rebuilt every paddle by hand,”<\/mark>/);
  assert.match(html.text, /&quot;The foundations were sound\. The wheel was not\.&quot;/);
  assert.doesNotMatch(html.text, /<script/i);

  await page.screenshot({ path: `${artifacts}page-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.hover("#article mark.q[data-i='3']");
  await page.screenshot({ path: `${artifacts}page-dark.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${artifacts}page-narrow-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: `${artifacts}page-narrow-light.png`, fullPage: false });
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    "no horizontal scrolling on a phone-sized screen",
  );
  await checkClean();
  await context.close();
});

test("pasted markup stays text; pasted and dropped HTML become the article's text", { timeout: 30000 }, async () => {
  const { page, context, checkClean } = await openPage();

  // Analysis follows typing; the tokens view marks each sentence.
  const typed = "Hello world. 😀 Second sentence here!";
  await page.fill("#text", "");
  await page.locator("#text").pressSequentially(typed, { delay: 5 });
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("東京 is big.");
  const full = `${typed}\n\n東京 is big.`;
  await page.waitForFunction((t) => document.getElementById("tokens")?.textContent === t, full);
  assert.equal(await page.textContent("#count-sentences"), "3");
  assert.equal(await page.textContent("#count-paragraphs"), "2");
  assert.equal(await page.locator("#tokens .sb").count(), 3, "one mark per sentence");
  const tokenTexts = await page.locator("#tokens .tok").allTextContents();
  assert.equal(await page.textContent("#count-tokens"), String(tokenTexts.length));
  assert.equal(tokenTexts.join("").replace(/\s+/gu, ""), full.replace(/\s+/gu, ""));
  assert.equal(await page.textContent("#article"), full);
  assert.equal(await page.textContent("#count-quotes"), "0");

  // A lone surrogate (one UTF-16 unit, U+FFFD in Rust) before a quotation
  // does not shift the highlight.
  await page.evaluate(() => {
    const ta = document.getElementById("text");
    ta.value = `Odd ${String.fromCharCode(0xd83d)} byte. 😀 “Still right,” said Ann Lee.`;
    ta.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector("#article mark.q")?.textContent === "“Still right,”");
  assert.equal(await page.getAttribute("#article mark.q", "aria-label"), "Quotation by Ann Lee: Still right,");

  const payload = [
    `<img src=x onerror="window.__pwned=1"> “It is only text,” said Ann Lee.`,
    `</textarea><script>window.__pwned=2</script>`,
    `<svg onload="window.__pwned=3"></svg> <b>bold</b> &amp; <a href="javascript:window.__pwned=4">x</a>`,
  ].join("\n\n");
  await setText(page, payload);
  assert.equal(await page.textContent("#article"), payload);
  assert.equal(await page.textContent("#tokens"), payload);
  assert.equal(await page.locator("#article *:not(mark):not(div), #tokens img, #tokens script, #tokens svg, #tokens b, #tokens a").count(), 0);
  const labels = await page.$$eval("#article mark.q", (ms) => ms.map((m) => m.getAttribute("aria-label")));
  assert.ok(labels.includes("Quotation by Ann Lee: It is only text,"), labels.join(" | "));

  // A paste of a web page (text/html) keeps the article's paragraphs only;
  // nothing in it runs or loads.
  const page1 = `<html><head><script>window.__pwned=5</script><style>p{}</style></head><body>
    <header><nav>Home · World</nav></header>
    <article><h1>Ferry back <em>on time</em></h1>
      <p>The ferry ran to time on Monday.<img src="/nothing.png" onerror="window.__pwned=6"></p>
      <p>“We fixed the engine,” said Ann Lee.<br>Nobody else spoke.</p>
      <figure><img src="/x.png"><figcaption>A ferry</figcaption></figure>
      <script>window.__pwned=7</script>
    </article><footer>© Paper</footer></body></html>`;
  const before = await page.evaluate(() => document.documentElement.dataset.rendered);
  await page.locator("#text").fill("");
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.setData("text/html", html);
    dt.setData("text/plain", "plain fallback");
    const ta = document.getElementById("text");
    ta.focus();
    ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, page1);
  const expected = "Ferry back on time\n\nThe ferry ran to time on Monday.\n\n“We fixed the engine,” said Ann Lee.\nNobody else spoke.";
  assert.equal(await page.inputValue("#text"), expected);
  await page.waitForFunction((prev) => document.documentElement.dataset.rendered !== prev && !document.documentElement.dataset.busy, before);
  await page.waitForFunction((t) => document.getElementById("article").textContent === t, expected);
  assert.equal(await page.textContent("#count-paragraphs"), String(analyze(expected).stats.paragraphs));

  // Dropping an .html file does the same.
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.items.add(new File([html], "story.html", { type: "text/html" }));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, page1.replace("Monday", "Friday"));
  await page.waitForFunction(() => document.getElementById("article").textContent.includes("Friday"));
  // And a .md file is read as text.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["# Notes\n\n<i>not markup</i> “Fine,” said Tom Ruiz."], "notes.md", { type: "text/markdown" }));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.getElementById("article").textContent.includes("<i>not markup</i>"));
  await page.waitForFunction(() => document.querySelector("#article mark.q")?.getAttribute("aria-label") === "Quotation by Tom Ruiz: Fine,");
  assert.equal(await page.locator("#article i").count(), 0);
  // "Open file…" reads a .txt file.
  await page.setInputFiles("#file", { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("“Yes, from a file,” said Tom Ruiz.") });
  await page.waitForFunction(() => document.querySelector("#article mark.q")?.getAttribute("aria-label") === "Quotation by Tom Ruiz: Yes, from a file,");
  await checkClean();
  await context.close();
});

test("a 5 MB paste is analyzed in the worker while the page stays responsive", { timeout: 60000 }, async (t) => {
  const { page, context, checkClean } = await openPage();
  let big = "";
  while (big.length < 5_000_000) big += `${ARTICLE}\n\n`;
  const expected = analyze(big);
  const before = await page.evaluate(() => document.documentElement.dataset.rendered);
  // Paste it (a paste event with the text as clipboard data).
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    const ta = document.getElementById("text");
    ta.focus();
    ta.select();
    ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, big);
  // Frames keep coming while the worker analyzes and the page renders:
  // record every gap between animation frames until the result is shown.
  await page.evaluate(() => {
    window.__frames = { gaps: [], phases: [] };
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      const busy = document.documentElement.dataset.busy;
      window.__frames.gaps.push(now - last);
      if (busy && !window.__frames.phases.includes(busy)) window.__frames.phases.push(busy);
      last = now;
      if (busy) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.busy), "analyzing");
  assert.match(await page.textContent("#status"), /Analyzing 5,0\d\d,\d{3} characters/);
  // A quick round trip through the page's event loop during the analysis.
  const roundTrip = await page.evaluate(
    () => new Promise((resolve) => {
      const t0 = performance.now();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    }),
  );
  // Responsiveness is what the page promises, so it is checked here, with
  // bounds loose enough for a loaded CI machine: a main thread doing the
  // analysis itself freezes for seconds (4.6 s measured for a 5 MB text).
  assert.ok(roundTrip < 250, `requestAnimationFrame answered in ${roundTrip.toFixed(0)} ms`);
  await page.waitForFunction(() => /Analyzing .* \d+\.\d s/.test(document.getElementById("status").textContent), null, { timeout: 5000 });
  await page.waitForFunction(
    (prev) => document.documentElement.dataset.rendered !== prev && !document.documentElement.dataset.busy,
    before,
    { timeout: 30000 },
  );
  const frames = await page.evaluate(() => window.__frames);
  assert.deepEqual(frames.phases, ["analyzing", "rendering"]);
  assert.ok(frames.gaps.length >= 20, `${frames.gaps.length} frames while busy`);
  const worst = Math.max(...frames.gaps);
  t.diagnostic(`${frames.gaps.length} frames while busy, longest gap ${worst.toFixed(0)} ms, first rAF ${roundTrip.toFixed(0)} ms`);
  assert.ok(worst < 1000, `never a second without a frame (worst ${worst.toFixed(0)} ms)`);
  assert.match(await page.textContent("#status"), /Analyzed 5,0\d\d,\d{3} characters/);
  assert.match(await page.textContent("#big-text"), /5,0\d\d,\d{3} characters/);
  assert.equal(await page.isHidden("#text"), true, "the text box does not hold 5 MB");
  assert.equal(await page.textContent("#count-quotes"), expected.quotes.length.toLocaleString("en"));
  assert.equal(await page.textContent("#count-words"), expected.stats.words.toLocaleString("en"));
  assert.equal(await page.locator("#article mark.q").count(), expected.quotes.length);
  const last = expected.quotes.at(-1);
  assert.equal(await page.textContent(`#article mark.q[data-i='${expected.quotes.length - 1}']`), big.slice(last.start, last.end));
  await page.screenshot({ path: `${artifacts}page-5mb.png` });
  await checkClean();
  await context.close();
});

test("a text over the 20 MiB limit is refused with a message; the current text stays", { timeout: 30000 }, async () => {
  const { page, context, checkClean } = await openPage();
  const before = await page.inputValue("#text");
  // Dropped text measured in UTF-8 bytes: 11 Mi "é" is 11 Mi UTF-16 units
  // but 22 MiB of UTF-8, so it is over the limit.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "é".repeat(11 * 1024 * 1024));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.documentElement.dataset.refused === String(22 * 1024 * 1024));
  const status = await page.textContent("#status");
  assert.match(status, /The dropped text is too long: 22\.0 MiB of text, and quotelens analyzes at most 20 MiB/);
  assert.equal(await page.getAttribute("#status", "class"), "status error");
  assert.equal(await page.isVisible("#status-text"), true);
  assert.equal(await page.inputValue("#text"), before, "the current text is kept");
  // A file over the limit is refused from its size, before reading it.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["a".repeat(21 * 1024 * 1024)], "big.txt", { type: "text/plain" }));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /big\.txt is too long: 21\.0 MiB/.test(document.getElementById("status").textContent));
  assert.equal(await page.inputValue("#text"), before);
  // A text within the limit is analyzed again as usual.
  await setText(page, "“Still here,” said Ann Lee.");
  await page.waitForFunction(() => document.querySelector("#article mark.q")?.textContent === "“Still here,”");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.refused), undefined);
  await checkClean();
  await context.close();
});
