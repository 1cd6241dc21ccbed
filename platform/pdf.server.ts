// Pages printed to PDF by the Chromium the project already uses (Debian's, driven by
// playwright-core): the page is opened from this site's own address, printed with its print
// stylesheet, and every request to anywhere else is refused. One print at a time per process,
// the browser kept open between prints and closed after a minute of rest.
import { type Browser, chromium } from "playwright-core";

let browser: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | null = null;
let queue: Promise<unknown> = Promise.resolve();

function browserOf(): Promise<Browser> {
  browser ??= chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
    .catch((error) => {
      browser = null;
      throw error;
    });
  return browser;
}

function closeLater() {
  if (idle) clearTimeout(idle);
  idle = setTimeout(() => {
    const open = browser;
    browser = null;
    void open?.then((b) => b.close()).catch(() => {});
  }, 60_000);
  idle.unref();
}

/** Prints a page of this site (an absolute URL under `origin`) to a US Letter PDF. */
export function printPageToPdf(origin: string, url: string): Promise<Buffer> {
  if (!url.startsWith(`${origin}/`)) return Promise.reject(new Error("only this site's pages are printed"));
  const run = queue.then(async () => {
    const context = await (await browserOf()).newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.route("**/*", (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
      const response = await page.goto(url, { waitUntil: "load", timeout: 20_000 });
      if (!response?.ok()) throw new Error(`the page answered ${response?.status()}`);
      await page.emulateMedia({ media: "print" });
      return await page.pdf({ format: "Letter", printBackground: true, margin: { top: "0.5in", bottom: "0.5in", left: "0.5in", right: "0.5in" } });
    } finally {
      await context.close();
      closeLater();
    }
  });
  queue = run.catch(() => {});
  return run;
}
