import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { data } from "react-router";
import type { Route } from "./+types/open-letter-signatures-export";
import { actorOf, requireStaff } from "~/app/session.server";
import { recordAudit } from "~/platform/audit.server";
import { signatureFilterSchema } from "~/domains/advocacy/advocacy.schema";
import { exportSignaturesCsv, findOpenLetterForStaff } from "~/domains/advocacy/open-letters/open-letter-signatures.server";

// The signatures the console's filter selects (the same query parameters), as CSV, streamed; audited.
export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db, clock } = args.context.services;
  const letter = await findOpenLetterForStaff(db, args.params.slug);
  if (!letter) throw data({ message: "No such open letter." }, { status: 404 });
  const { page: _page, ...filter } = signatureFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  await recordAudit(db, actorOf(viewer, args.context), { action: "open-letter.export", subjectType: "campaign", subjectId: letter.slug, details: filter });
  const name = `${letter.slug}-signatures-${clock().toISOString().slice(0, 10)}.csv`;
  return new Response(createReadableStreamFromReadable(Readable.from(exportSignaturesCsv(db, letter.id, { ...filter, page: 1 }))), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
