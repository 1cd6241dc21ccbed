// Shared browser code for the e2e tests: Debian's Chromium driven by playwright-core (never a
// downloaded browser), an axe-core audit, and a check that no page leaks a stack trace.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { expect } from "vitest";

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A page in its own context (own cookies), closed with `page.context().close()`. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport: desktop, ...options });
  return context.newPage();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/**
 * Runs axe-core on the page as it is now and fails with each serious or critical violation's id
 * and targets. The site's Content-Security-Policy forbids inline scripts, so the page must come
 * from a context created with `bypassCSP: true`.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  expect(serious, `axe-core found serious or critical violations on ${label}:\n${serious.join("\n")}\n`).toEqual([]);
}

/** Text that only a leaked stack trace or server path would put in a page. */
const stackTracePattern = /\bat (?:[\w$.<>[\] ]+ \()?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+|node:internal|node_modules|build\/server\/|\b(?:TypeError|ReferenceError|SyntaxError|RangeError):/;

export async function expectNoStackTrace(page: Page, label: string): Promise<void> {
  const html = await page.content();
  expect(html.match(stackTracePattern)?.[0] ?? null, `${label} shows stack-trace text`).toBeNull();
}
