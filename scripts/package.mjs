// Completes pkg/ after `wasm-pack build --target web`, so that pkg/ is the
// whole npm package `quotelens`:
//
// - copies the package's own sources from js/: the entries index.js
//   (browsers, bundlers, workers) and node.js (Node: loads the .wasm from
//   the file at import), index.d.ts, and README.md (over the crate README
//   that wasm-pack copies);
// - copies the widget's own wasm module from target/pkg-dom/ (the `dom`
//   build: the bindings plus highlightElement(), as quotelens_dom.js and
//   quotelens_dom_bg.wasm), so that quotelens_bg.wasm, which a page or app
//   calling analyze() loads, carries no DOM highlighter;
// - ships snippets/: the JS that both glues import (js/objects.js, which
//   builds analyze()'s objects; wasm-bindgen writes it to
//   snippets/quotelens-<hash>/, the same path from both builds);
// - copies the widget modules (widget/*.js and their .d.ts) next to
//   quotelens.js, which they import as ./quotelens_dom.js (types from
//   ./quotelens.js);
// - rewrites package.json: wasm-pack's name, version, description,
//   licence, repository and keywords (from Cargo.toml) plus the exports
//   map, entry points, files, sideEffects and engines.
//
// Run by `make build-wasm`; idempotent. Prints the package's sizes.
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);
const pkg = new URL("pkg/", root);
const js = new URL("js/", root);
const widget = new URL("widget/", root);
const dom = new URL("target/pkg-dom/", root);

if (!existsSync(new URL("quotelens.js", pkg))) {
  console.error("package: pkg/quotelens.js is missing; run wasm-pack first");
  process.exit(1);
}

for (const name of ["index.js", "index.d.ts", "node.js", "README.md"]) {
  copyFileSync(new URL(name, js), new URL(name, pkg));
}
const DOM_FILES = ["quotelens_dom.js", "quotelens_dom.d.ts", "quotelens_dom_bg.wasm", "quotelens_dom_bg.wasm.d.ts"];
if (!existsSync(new URL("quotelens_dom_bg.wasm", dom))) {
  console.error("package: target/pkg-dom/ is missing; run `make build-wasm` (it builds the widget's module)");
  process.exit(1);
}
for (const name of DOM_FILES) copyFileSync(new URL(name, dom), new URL(name, pkg));
if (existsSync(new URL("snippets/", dom))) {
  cpSync(new URL("snippets/", dom), new URL("snippets/", pkg), { recursive: true });
}
const widgetFiles = [];
for (const name of existsSync(widget) ? readdirSync(widget).sort() : []) {
  if (name.endsWith(".js") || name.endsWith(".d.ts")) {
    copyFileSync(new URL(name, widget), new URL(name, pkg));
    widgetFiles.push(name);
  }
}
// wasm-pack's pkg/.gitignore ignores everything; the package lists its
// files instead, and a stray .gitignore must not hide them from npm.
rmSync(new URL(".gitignore", pkg), { force: true });

const has = (name) => existsSync(new URL(name, pkg));
/** An exports entry for a module, with its types when they exist. */
const entry = (file) => {
  const dts = file.replace(/\.js$/, ".d.ts");
  return has(dts) ? { types: `./${dts}`, default: `./${file}` } : `./${file}`;
};

const exportsMap = {
  ".": { types: "./index.d.ts", node: "./node.js", default: "./index.js" },
};
// The widget (issue #6) is built in its own branch: map it when present.
if (has("quote-lens.js")) exportsMap["./widget"] = entry("quote-lens.js");
if (has("embed.js")) exportsMap["./embed"] = entry("embed.js");
exportsMap["./quotelens_bg.wasm"] = "./quotelens_bg.wasm";
exportsMap["./package.json"] = "./package.json";

const files = [
  "quotelens_bg.wasm",
  "quotelens_bg.wasm.d.ts",
  "quotelens.js",
  "quotelens.d.ts",
  "index.js",
  "index.d.ts",
  "node.js",
  "snippets",
  ...DOM_FILES,
  ...widgetFiles,
  "LICENSE-MIT",
  "LICENSE-APACHE",
].filter(has);

const generated = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));
const repo = generated.repository?.url?.replace(/\.git$/, "");
const meta = {
  name: generated.name,
  version: generated.version,
  description: generated.description,
  license: generated.license,
  repository: generated.repository,
  ...(repo ? { homepage: `${repo}#readme`, bugs: { url: `${repo}/issues` } } : {}),
  keywords: [...new Set([...(generated.keywords ?? []), "quotes", "speaker", "news", "webassembly", "text-analysis"])],
  type: "module",
  main: "./index.js",
  types: "./index.d.ts",
  exports: exportsMap,
  files,
  // Importing these does something: node.js instantiates the module, the
  // widget defines a custom element. The rest can be tree-shaken.
  sideEffects: ["./node.js", "./quote-lens.js", "./embed.js"].filter((f) => has(f.slice(2))),
  engines: { node: ">=18" },
};
writeFileSync(new URL("package.json", pkg), JSON.stringify(meta, null, 2) + "\n");

// Sizes, raw and gzipped (level 9), of what a browser loads.
const snippets = existsSync(new URL("snippets/", pkg))
  ? readdirSync(new URL("snippets/", pkg), { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => `snippets/${f}`)
  : [];
const size = (name) => {
  const bytes = readFileSync(new URL(name, pkg));
  return `${bytes.length} B (${gzipSync(bytes, { level: 9 }).length} B gzipped)`;
};
console.log(`package: pkg/ is quotelens@${meta.version}`);
const loaded = ["quotelens_bg.wasm", "quotelens.js", "index.js", "node.js", "quotelens_dom_bg.wasm", "quotelens_dom.js"];
for (const name of [...loaded, ...snippets, ...widgetFiles.filter((f) => f.endsWith(".js"))]) {
  console.log(`  ${name.padEnd(20)} ${size(name)}`);
}
