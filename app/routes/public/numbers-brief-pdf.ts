import type { Route } from "./+types/numbers-brief-pdf";
import { placePage } from "~/domains/evidence/place-page.server";
import { printPageToPdf } from "~/platform/pdf.server";
import { shortMemo } from "~/platform/short-memo";

// The one-page brief of a state or district as a PDF: its page printed by Chromium with the print
// stylesheet. Kept five minutes per place (the page's figures are kept as long).
const printed = shortMemo<Buffer>(5 * 60_000);

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, clock, appUrl } = context.services;
  const now = clock();
  const page = await placePage(db, params.place, now);
  if (!page) throw new Response("There is no such state or district.", { status: 404 });
  const pdf = await printed.get(page.slug, now, () => printPageToPdf(appUrl, `${appUrl}/numbers/${page.slug}`));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="amg-brief-${page.slug}-${now.toISOString().slice(0, 10)}.pdf"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
