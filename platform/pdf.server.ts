// Pages printed to PDF by the Chromium the project already uses (Debian's /usr/bin/chromium, or
// CHROMIUM_PATH), driven by playwright-core: the PDF is the print page itself, so a printed and a
// downloaded copy never differ (docs/decisions/0019). One browser per process, opened at the first
// print and closed after a minute of rest; one print at a time; nothing fetched from elsewhere.
import { type Browser, type Page, chromium } from "playwright-core";

/** No Chromium here (not installed, or it cannot start): callers answer 503 and point to the print page. */
export class PdfUnavailableError extends Error {}

const launched = new Map<string, Promise<Browser>>();
let idle: NodeJS.Timeout | null = null;
let queue: Promise<unknown> = Promise.resolve();

function browserAt(chromiumPath: string): Promise<Browser> {
  let browser = launched.get(chromiumPath);
  if (!browser) {
    browser = chromium
      .launch({
        executablePath: chromiumPath,
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      })
      .catch((error: Error) => {
        launched.delete(chromiumPath);
        throw new PdfUnavailableError(`Chromium could not start at ${chromiumPath}: ${error.message}`);
      });
    launched.set(chromiumPath, browser);
  }
  return browser;
}

function closeLater() {
  if (idle) clearTimeout(idle);
  idle = setTimeout(() => {
    const open = [...launched.values()];
    launched.clear();
    for (const b of open) void b.then((x) => x.close()).catch(() => {});
  }, 60_000);
  idle.unref();
}

function print(chromiumPath: string | undefined, load: (page: Page) => Promise<void>, margin: string): Promise<Buffer> {
  if (!chromiumPath) return Promise.reject(new PdfUnavailableError("No Chromium configured (CHROMIUM_PATH)."));
  const run = queue.then(async () => {
    const context = await (await browserAt(chromiumPath)).newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await load(page);
      await page.emulateMedia({ media: "print" });
      return await page.pdf({ format: "Letter", printBackground: true, margin: { top: margin, bottom: margin, left: margin, right: margin } });
    } finally {
      await context.close();
      closeLater();
    }
  });
  queue = run.catch(() => {});
  return run;
}

/** A self-contained HTML document (inline styles, no images or scripts) to a US Letter PDF. */
export function htmlToPdf(html: string, chromiumPath: string | undefined): Promise<Buffer> {
  return print(
    chromiumPath,
    async (page) => {
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html, { waitUntil: "load" });
    },
    "0.7in",
  );
}

/** A page of this site (an absolute URL under `origin`), with its print stylesheet, to a US Letter PDF. */
export function printPageToPdf(origin: string, url: string, chromiumPath: string | undefined): Promise<Buffer> {
  if (!url.startsWith(`${origin}/`)) return Promise.reject(new Error("only this site's pages are printed"));
  return print(
    chromiumPath,
    async (page) => {
      await page.route("**/*", (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
      const response = await page.goto(url, { waitUntil: "load", timeout: 20_000 });
      if (!response?.ok()) throw new Error(`the page answered ${response?.status()}`);
    },
    "0.5in",
  );
}
