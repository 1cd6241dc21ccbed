import type { Route } from "./+types/numbers-brief-pdf";
import { placePage } from "~/domains/evidence/place-page.server";
import { data } from "react-router";
import { PdfUnavailableError, printPageToPdf } from "~/platform/pdf.server";
import { shortMemo } from "~/platform/short-memo";

// The one-page brief of a state or district as a PDF: its page printed by Chromium with the print
// stylesheet. Kept five minutes per place (the page's figures are kept as long).
const printed = shortMemo<Buffer>(5 * 60_000);

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, clock, appUrl, chromiumPath } = context.services;
  const now = clock();
  const page = await placePage(db, params.place, now);
  if (!page) throw new Response("There is no such state or district.", { status: 404 });
  let pdf: Buffer;
  try {
    pdf = await printed.get(page.slug, now, () => printPageToPdf(appUrl, `${appUrl}/numbers/${page.slug}`, chromiumPath));
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    context.services.log.warn("pdf brief unavailable", { error: error.message });
    throw data(
      { message: `The PDF cannot be made on this server (no Chromium). Open ${appUrl}/numbers/${page.slug} and use your browser's Print command: the page prints on one sheet.` },
      { status: 503 },
    );
  }
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="amg-brief-${page.slug}-${now.toISOString().slice(0, 10)}.pdf"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
