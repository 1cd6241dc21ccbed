// HTML → PDF with the Chromium the machine already has (Debian's /usr/bin/chromium, or
// CHROMIUM_PATH), driven by playwright-core: the PDF is the print page itself, so the printed and
// the downloaded packet never differ (docs/decisions/0019). One browser per PDF: packets are rare.
import { chromium } from "playwright-core";

export class PdfUnavailableError extends Error {}

export async function htmlToPdf(html: string, chromiumPath: string | undefined): Promise<Buffer> {
  if (!chromiumPath) throw new PdfUnavailableError("No Chromium configured (CHROMIUM_PATH).");
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  } catch (error) {
    throw new PdfUnavailableError(`Chromium could not start at ${chromiumPath}: ${(error as Error).message}`);
  }
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // Nothing is fetched: the page is self-contained (inline styles, no images, no scripts).
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "Letter", printBackground: true, margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" } });
  } finally {
    await browser.close();
  }
}
