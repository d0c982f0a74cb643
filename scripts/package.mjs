// Completes pkg/ after `wasm-pack build`: copies the widget modules
// (widget/*.js and their .d.ts) next to quotelens.js, so `pkg/` is the
// whole npm package and a site can copy its files as they are.
//
// Run by `make build-wasm`; idempotent.
import { copyFileSync, existsSync, readdirSync } from "node:fs";

const root = new URL("../", import.meta.url);
const pkg = new URL("pkg/", root);
const widget = new URL("widget/", root);

if (!existsSync(pkg)) {
  console.error("package: pkg/ is missing; run wasm-pack first");
  process.exit(1);
}
for (const name of existsSync(widget) ? readdirSync(widget) : []) {
  if (name.endsWith(".js") || name.endsWith(".d.ts")) {
    copyFileSync(new URL(name, widget), new URL(name, pkg));
  }
}
