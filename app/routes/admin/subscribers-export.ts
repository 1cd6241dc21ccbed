import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import type { Route } from "./+types/subscribers-export";
import { actorOf, requireStaff } from "~/app/session.server";
import { recordAudit } from "~/platform/audit.server";
import { exportSubscribersCsv } from "~/domains/email/subscriber-admin.server";
import { subscriberFilterFrom } from "./subscribers";

// Streams the CSV as it is read, batch by batch: 100,000+ rows never sit in memory.
export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const filter = subscriberFilterFrom(new URL(args.request.url));
  const { db, clock } = args.context.services;
  await recordAudit(db, actorOf(viewer, args.context), { action: "subscriber.export", subjectType: "subscriber", details: { ...filter } });
  const stream = createReadableStreamFromReadable(Readable.from(exportSubscribersCsv(db, filter)));
  const date = clock().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subscribers-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
