import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { data } from "react-router";
import type { Route } from "./+types/campaign-letters-export";
import { actorOf, requireStaff } from "~/app/session.server";
import { recordAudit } from "~/platform/audit.server";
import { exportCampaignLettersCsv } from "~/domains/advocacy/campaigns/campaign-results.server";
import { findLegislatorCampaign } from "~/domains/advocacy/campaigns/campaigns.server";

// Every letter of a campaign (or of one office, ?office=) as CSV, streamed; audited.
export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db, clock } = args.context.services;
  const campaign = await findLegislatorCampaign(db, args.params.slug, { includeUnpublished: true });
  if (!campaign) throw data({ message: "No such campaign." }, { status: 404 });
  const office = new URL(args.request.url).searchParams.get("office") || undefined;
  await recordAudit(db, actorOf(viewer, args.context), { action: "campaign.export", subjectType: "campaign", subjectId: campaign.slug, details: { office } });
  const name = `${campaign.slug}${office ? `-${office.replace(/[^a-zA-Z0-9-]+/g, "-")}` : ""}-${clock().toISOString().slice(0, 10)}.csv`;
  return new Response(createReadableStreamFromReadable(Readable.from(exportCampaignLettersCsv(db, campaign.id, office))), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
