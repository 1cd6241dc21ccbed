// Debian's Chromium driven by playwright-core (never a downloaded browser), and the assertions to use on its pages.
import { expect as playwrightExpect } from "@playwright/test";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Playwright's `expect`, for browser tests: its locator assertions (toHaveText, toHaveCount,
 * toHaveURL, …) retry until the page shows what they expect, so a check right after a click never
 * passes on the page being left. Plain values are checked as with Vitest's `expect`.
 */
export const expect = playwrightExpect.configure({ timeout: 15_000 });
