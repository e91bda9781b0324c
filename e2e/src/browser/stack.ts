import type { Browser } from "playwright-core";
import { startPlatform, type Platform, type PlatformOptions } from "../platform.js";
import { launchBrowser } from "./browser.js";
import { startFrontends, type RunningFrontends } from "./frontends.js";

/** What a browser suite runs against: the platform, the four frontends in front of it, Chromium. */
export interface BrowserStack {
  platform: Platform;
  frontends: RunningFrontends;
  browser: Browser;
}

export async function startBrowserStack(options: PlatformOptions = {}): Promise<BrowserStack> {
  const platform = await startPlatform(options);
  try {
    const frontends = await startFrontends({ gatewayUrl: platform.gatewayUrl });
    try {
      return { platform, frontends, browser: await launchBrowser() };
    } catch (error) {
      await frontends.stop();
      throw error;
    }
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

/** Stops what started (any part may be missing when the start failed), browser first. */
export async function stopBrowserStack(stack: Partial<BrowserStack>): Promise<void> {
  await stack.browser?.close();
  await stack.frontends?.stop();
  await stack.platform?.stop();
}
