import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import type { Route } from "./+types/applications-export";
import { actorOf, requireStaff } from "~/app/session.server";
import { recordAudit } from "~/platform/audit.server";
import { exportDirectoryCsv } from "~/domains/membership/directory.server";
import { directoryFilterFrom } from "./applications";

// The directory's current filter as CSV, streamed batch by batch; the export is audited.
export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db, clock } = args.context.services;
  const filter = directoryFilterFrom(new URL(args.request.url).searchParams, clock());
  await recordAudit(db, actorOf(viewer, args.context), { action: "application.export", subjectType: "application", details: { ...filter } });
  return new Response(createReadableStreamFromReadable(Readable.from(exportDirectoryCsv(db, filter))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="members-${clock().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
