// Debian's Chromium, started the way every browser test and benchmark here
// starts it: headless, no sandbox (CI runs as root), and none of the
// background networking that this machine's closed network would refuse.
import { chromium } from "playwright-core";

/** The browser binary: $CHROMIUM, or Debian's. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Command-line flags for every launch. */
export const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Chromium with those flags. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
