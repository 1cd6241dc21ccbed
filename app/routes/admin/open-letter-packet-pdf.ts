import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { data } from "react-router";
import type { Route } from "./+types/open-letter-packet-pdf";
import { OpenLetterPacket } from "~/app/components/open-letter-packet";
import { htmlToPdf, PdfUnavailableError } from "~/platform/pdf.server";
import { loadOpenLetterPacket } from "./open-letter-packet.server";

// The print page's content in a self-contained document (inline styles, nothing fetched).
const style = `
body { font: 11pt/1.5 Georgia, "DejaVu Serif", serif; color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 0.5em; } h2 { font-size: 15pt; } h3 { font-size: 12pt; }
.hint { color: #444; font-size: 9.5pt; }
.packet-letter { break-after: page; }
.count-list { columns: 2; padding-left: 1.4em; }
li { break-inside: avoid; }
`;

export async function loader(args: Route.LoaderArgs) {
  const { slug, props } = await loadOpenLetterPacket(args, "pdf");
  const body = renderToStaticMarkup(createElement(OpenLetterPacket, props));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(props.title)}</title><style>${style}</style></head><body>${body}</body></html>`;
  try {
    const pdf = await htmlToPdf(html, args.context.services.chromiumPath);
    const name = `${slug}-open-letter-${args.context.services.clock().toISOString().slice(0, 10)}.pdf`;
    return new Response(new Uint8Array(pdf), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    args.context.services.log.warn("pdf packet unavailable", { error: error.message });
    throw data({ message: "The PDF cannot be made on this server (no Chromium). Open the printable packet and use your browser's Print command to save it as PDF." }, { status: 503 });
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
