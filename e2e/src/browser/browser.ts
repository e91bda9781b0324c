// Headless Chromium through playwright-core, driving the distribution's chromium package.
import { chromium, type Browser } from "playwright-core";
import { gateBrowser } from "./a11y.js";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium with the accessibility gate on every page it opens (`a11y.ts`). */
export async function launchBrowser(): Promise<Browser> {
  return gateBrowser(await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: CHROMIUM_ARGS }));
}
