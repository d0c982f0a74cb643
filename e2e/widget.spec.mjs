// End-to-end: the <quote-lens> element and the embed script on a host page
// written for these tests (e2e/fixtures/widget/, invented news copy), in
// Debian's Chromium, under a strict CSP. Run with `node --test e2e/` after
// `make build-wasm`.
//
// A small server inside this file serves the fixtures at / and the built
// package pkg/ at /quotelens/, the way a site would copy the plain files.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.mjs";

const PKG = fileURLToPath(new URL("../pkg/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("fixtures/widget/", import.meta.url));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
};

/** The quotations of the first widget's article, as written (whitespace collapsed). */
const STORY = [
  "“We finally have the timetable we promised,”",
  "“Every single one of us wanted this boat back. “Now we have to keep her running,”",
  "“a small thank-you”",
  "“Dogs are welcome on deck,”",
  "“night mode”",
  "“early and happy,”",
];
/** The second widget highlights speech only (kinds="speech"). */
const SECOND = ["“Bread at six, as always,”"];
const INNER = ["“the tide waits for nobody,”"];

let server;
let baseUrl;
let browser;

before(async () => {
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    const [base, rest] = path.startsWith("/quotelens/") ? [PKG, path.slice(11)] : [FIXTURES, path.slice(1) || "index.html"];
    const file = normalize(join(base, rest));
    try {
      if (!file.startsWith(base)) throw new Error("outside");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Content-Security-Policy": CSP,
        "Cache-Control": "no-cache",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * Opens a fixture page; records CSP violations, console errors and failed
 * requests. `noHighlightApi` removes the CSS Custom Highlight API before
 * any script runs, for the <mark> fallback.
 */
async function open(path, { noHighlightApi = false, blockWidget = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  let wasm = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/quotelens_dom_bg.wasm")) wasm++;
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript((noApi) => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    if (noApi) {
      delete window.Highlight;
      Object.defineProperty(CSS, "highlights", { value: undefined, configurable: true });
    }
  }, noHighlightApi);
  if (blockWidget) await page.route("**/quotelens/**", (route) => route.abort());
  const response = await page.goto(baseUrl + path);
  assert.ok(response?.ok(), `${path} loads`);
  const checkClean = async () => {
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violations");
    assert.deepEqual(problems, [], "no console errors or failed requests");
  };
  return { page, context, checkClean, wasmRequests: () => wasm };
}

/** Waits until every listed widget has reported an analysis. */
async function analyzed(page, ids) {
  await page.waitForFunction((ids) => ids.every((id) => window.__events.some((e) => e.id === id)), ids, { timeout: 20000 });
}

/**
 * The text of every highlight inside the content of widget `selector`
 * (whitespace collapsed, as the page renders it), in document order, from
 * CSS.highlights or from the <mark>s; with the highlight or mark name.
 * Widgets inside a shadow root are found through `host`.
 */
async function highlights(page, selector, host = null) {
  return page.evaluate(
    ([selector, host]) => {
      const scope = host ? document.querySelector(host).shadowRoot : document;
      const el = scope.querySelector(selector);
      const content = el.target ?? el;
      const clean = (s) => s.replace(/\s+/g, " ").trim();
      const out = [];
      if (globalThis.CSS?.highlights) {
        for (const [name, h] of CSS.highlights) {
          if (name === "quote-lens-current") continue;
          for (const r of h) {
            if (content.contains(r.commonAncestorContainer)) out.push({ r, name: name.replace("quote-lens-", "") });
          }
        }
        out.sort((a, b) => a.r.compareBoundaryPoints(Range.START_TO_START, b.r));
        return out.map(({ r, name }) => ({ text: clean(r.toString()), name }));
      }
      // Marks: the pieces of each quotation in order; what lies between
      // two pieces must be white space (paragraph breaks), else it shows.
      const quotes = [...new Set([...content.querySelectorAll("mark[data-quote-lens-quote]")].map((m) => m.getAttribute("data-quote-lens-quote")))];
      return quotes
        .sort((a, b) => Number(a) - Number(b))
        .map((q) => {
          const marks = [...content.querySelectorAll(`mark[data-quote-lens-quote="${q}"]`)];
          let text = marks[0].textContent;
          for (let k = 1; k < marks.length; k++) {
            const gap = new Range();
            gap.setStartAfter(marks[k - 1]);
            gap.setEndBefore(marks[k]);
            const between = gap.toString();
            text += (between.trim() === "" ? between : `<GAP ${between}>`) + marks[k].textContent;
          }
          return { text: clean(text), name: marks[0].getAttribute("data-quote-lens") };
        });
    },
    [selector, host],
  );
}

const texts = (list) => list.map((h) => h.text);

/** Computed styles of the host's own elements, to compare with and without the widget. */
async function hostStyles(page) {
  return page.evaluate(() => {
    const props = ["color", "background-color", "font-weight", "font-style", "font-size", "display", "margin-bottom", "padding-top", "text-decoration-line", "letter-spacing", "line-height"];
    const out = {};
    const els = document.querySelectorAll("article, article *:not(mark), body, h1, p, em, a, strong, li, ul");
    els.forEach((el, i) => {
      const cs = getComputedStyle(el);
      out[`${i}:${el.tagName}${el.id ? "#" + el.id : ""}`] = props.map((p) => cs.getPropertyValue(p)).join("|");
    });
    return out;
  });
}

for (const noHighlightApi of [false, true]) {
  const mode = noHighlightApi ? "mark" : "highlight";

  test(`${mode}: each highlight is exactly a quotation, across links, emphasis and paragraphs`, async () => {
    const { page, context, checkClean, wasmRequests } = await open("index.html", { noHighlightApi });
    await analyzed(page, ["one", "two", "inner"]);
    const one = await highlights(page, "#one");
    assert.deepEqual(texts(one), STORY);
    assert.deepEqual(texts(await highlights(page, "#two")), SECOND);
    assert.deepEqual(texts(await highlights(page, "quote-lens", "#shadow-host")), INNER);
    // Speaker colours: one per speaker, in order of appearance.
    assert.equal(one[0].name, "speaker-0");
    assert.equal(one[1].name, "speaker-1");
    assert.equal(one[4].name, "other");
    const events = await page.evaluate(() => window.__events);
    const first = events.find((e) => e.id === "one");
    assert.equal(first.mode, mode);
    assert.deepEqual(first.speakers, ["Mara Quill", "Joel Brant"]);
    // The event carries every quotation (content without the outer marks).
    assert.equal(first.quotes[0], "We finally have the timetable we promised,");
    assert.equal(first.quotes.length, STORY.length);
    // Each widget reported once, though three widgets initialised at once.
    assert.deepEqual(events.map((e) => e.id).sort(), ["inner", "one", "two"]);
    // kinds="speech": the scare quote is in the event but not highlighted.
    assert.deepEqual(events.find((e) => e.id === "two").quotes, ["Bread at six, as always,", "soft side"]);
    // One wasm module fetched and instantiated for all three widgets.
    assert.equal(wasmRequests(), 1);
    // Hidden and script content was not analyzed.
    const text = await page.evaluate(() => document.querySelector("#one").analysis.quotes.map((q) => q.text).join(" "));
    assert.doesNotMatch(text, /hidden|So is this|not a quotation/);
    await checkClean();
    await context.close();
  });

  test(`${mode}: the host's listeners fire and its computed styles are unchanged`, async () => {
    const base = await open("index.html", { noHighlightApi, blockWidget: true });
    await base.page.waitForFunction(() => document.readyState === "complete");
    const expected = await hostStyles(base.page);
    await base.context.close();

    const { page, context, checkClean } = await open("index.html", { noHighlightApi });
    await analyzed(page, ["one", "two", "inner"]);
    assert.deepEqual(await hostStyles(page), expected);
    await page.click("#timetable-link");
    await page.click("#single");
    assert.deepEqual(await page.evaluate(() => window.__clicks), ["link", "strong"]);
    // The host's own elements are still the same objects in the same places.
    assert.equal(await page.evaluate(() => document.querySelector("#story p.lead em").textContent), "finally");
    await checkClean();
    await context.close();
  });

  test(`${mode}: edits re-highlight once, never wrap twice, and keep the selection`, async () => {
    const { page, context, checkClean } = await open("index.html", { noHighlightApi });
    await analyzed(page, ["one", "two", "inner"]);
    // Select text inside the first quotation, across the link.
    const selected = await page.evaluate(() => {
      const em = document.querySelector("#story p.lead em");
      const link = document.getElementById("timetable-link");
      // The first text node inside (in mark mode it sits in a <mark>).
      const firstText = (el) => document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
      const sel = getSelection();
      sel.setBaseAndExtent(firstText(em), 2, firstText(link), 4);
      return sel.toString();
    });
    assert.equal(selected, "nally have the time");
    // Three edits in one task: one new analysis after the quiet time.
    await page.evaluate(() => {
      const story = document.getElementById("story");
      const p = document.createElement("p");
      p.textContent = "“The harbour is ours again,” said Lena Voss, a ferry passenger.";
      story.append(p);
      story.querySelector("li").textContent = "Boarding closes “sharp” at nine.";
      p.append(" She waved.");
    });
    await page.waitForFunction(() => window.__events.filter((e) => e.id === "one").length === 2, null, { timeout: 20000 });
    const after = await highlights(page, "#one");
    assert.deepEqual(texts(after), [STORY[0], STORY[1], "“sharp”", ...STORY.slice(2), "“The harbour is ours again,”"]);
    // A changed attribute re-highlights too: speech only now.
    await page.evaluate(() => {
      document.getElementById("one").kinds = ["speech"];
    });
    await page.waitForFunction(() => !document.querySelector("#story mark[data-quote-lens=other]") && [...(globalThis.CSS?.highlights?.get("quote-lens-other") ?? [])].every((r) => !document.getElementById("story").contains(r.startContainer)), null, { timeout: 20000 });
    assert.deepEqual(texts(await highlights(page, "#one")), [STORY[0], STORY[1], ...STORY.slice(2, 4), STORY[5], "“The harbour is ours again,”"]);
    // The host copies its markup through innerHTML, our marks included:
    // they are unwrapped, not wrapped again.
    await page.evaluate(() => {
      const second = document.getElementById("second");
      second.innerHTML = second.innerHTML;
      return document.getElementById("two").refresh();
    });
    assert.deepEqual(texts(await highlights(page, "#two")), SECOND);
    assert.equal(await page.evaluate(() => document.querySelectorAll("#second mark").length), noHighlightApi ? 1 : 0);
    // Refreshing an unchanged text changes nothing: no event, same DOM.
    const html = await page.evaluate(() => document.getElementById("story").innerHTML);
    await page.evaluate(() => document.getElementById("one").refresh());
    await page.evaluate(() => document.getElementById("one").refresh());
    assert.equal(await page.evaluate(() => document.getElementById("story").innerHTML), html);
    assert.equal(await page.evaluate(() => window.__events.filter((e) => e.id === "one").length), 2);
    assert.equal(await page.evaluate(() => document.querySelectorAll("mark[data-quote-lens] mark[data-quote-lens]").length), 0);
    assert.equal(await page.evaluate(() => getSelection().toString()), selected);
    await checkClean();
    await context.close();
  });

  test(`${mode}: the popover names the speaker on hover and on focus`, async () => {
    const { page, context, checkClean } = await open("index.html", { noHighlightApi });
    await analyzed(page, ["one"]);
    const popover = page.locator("#one").locator('[part="popover"]');
    assert.equal(await popover.isVisible(), false);
    // Hover the bold word inside the second quotation.
    const box = await page.evaluate(() => {
      const r = document.getElementById("single").getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await popover.waitFor({ state: "visible" });
    assert.match(await popover.textContent(), /Joel Brant/);
    await page.mouse.move(990, 1390);
    await popover.waitFor({ state: "hidden" });
    await page.focus("#timetable-link");
    await popover.waitFor({ state: "visible" });
    assert.match(await popover.textContent(), /Mara Quill/);
    // The legend lists the speakers.
    assert.match(await page.locator("#one").locator('[part="legend"]').textContent(), /Mara Quill \(\d\).*Joel Brant/);
    await checkClean();
    await context.close();
  });
}

test("highlight: speaker colours come from CSS custom properties, per widget", async () => {
  const { page, context, checkClean } = await open("index.html");
  await analyzed(page, ["one", "two"]);
  const colours = await page.evaluate(() => {
    const bg = (el, name) => getComputedStyle(el, `::highlight(${name})`).backgroundColor;
    return {
      one: bg(document.querySelector("#story p.lead"), "quote-lens-speaker-0"),
      two: bg(document.querySelector("#second p"), "quote-lens-speaker-0"),
    };
  });
  assert.equal(colours.one, "rgb(253, 230, 138)");
  assert.equal(colours.two, "rgb(255, 0, 0)");
  await checkClean();
  await context.close();
});

test("mark: marks take the speaker colour, not the host's mark style", async () => {
  const { page, context, checkClean } = await open("index.html", { noHighlightApi: true });
  await analyzed(page, ["one", "two", "inner"]);
  const styles = await page.evaluate(() => {
    const cs = (m) => getComputedStyle(m);
    const first = document.querySelector("#story mark[data-quote-lens]");
    const second = document.querySelector("#second mark[data-quote-lens]");
    const inner = document.querySelector("#shadow-host").shadowRoot.querySelector("mark[data-quote-lens]");
    return [first, second, inner].map((m) => [cs(m).backgroundColor, cs(m).paddingTop, cs(m).fontWeight]);
  });
  assert.deepEqual(styles[0], ["rgb(253, 230, 138)", "0px", "700"]);
  assert.deepEqual(styles[1], ["rgb(255, 0, 0)", "0px", "400"]);
  assert.equal(styles[2][0], "rgb(253, 230, 138)");
  await checkClean();
  await context.close();
});

test("embed: every matching element is enhanced without the author adding the element", async () => {
  const { page, context, checkClean } = await open("embed.html");
  await page.waitForFunction(() => document.querySelectorAll("quote-lens").length === 2 && [...document.querySelectorAll("quote-lens")].every((q) => q.analysis), null, { timeout: 20000 });
  assert.deepEqual(texts(await highlights(page, "quote-lens:nth-of-type(1)")), ["“The lighthouse stays lit,”"]);
  // The host's articles keep their place; the widget sits before each.
  const layout = await page.evaluate(() => [...document.getElementById("main").children].map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")));
  assert.deepEqual(layout, ["quote-lens", "article#a1", "quote-lens", "article#a2", "article#not-matched"]);
  const second = await page.evaluate(() => document.querySelectorAll("quote-lens")[1].analysis.quotes.map((q) => [q.text, q.speaker?.name]));
  assert.deepEqual(second, [["We steer by it every night.", "Ines Moura"]]);
  await checkClean();
  await context.close();
});
