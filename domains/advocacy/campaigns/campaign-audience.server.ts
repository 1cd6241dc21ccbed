// The people who took an action in a campaign (wrote to their legislators, or signed an open letter
// and confirmed it), for the email context's newsletter audiences: a one-column sub-query (`email`)
// the caller embeds in its own statement. The email context never reads these tables itself.
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { campaignActions, campaigns, signatures } from "~/db/schema/index";

export function campaignActionAddresses(db: Executor, campaignSlug: string) {
  const campaign = db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, campaignSlug));
  const letters = db.select({ email: campaignActions.email }).from(campaignActions).where(sql`${campaignActions.campaignId} in (${campaign})`);
  const signers = db
    .select({ email: signatures.email })
    .from(signatures)
    .where(and(sql`${signatures.campaignId} in (${campaign})`, eq(signatures.status, "confirmed")));
  return letters.union(signers);
}

/** Campaigns staff can pick as an audience: slug and title, newest first. */
export async function listCampaignsForAudience(db: Executor): Promise<{ slug: string; title: string }[]> {
  return db.select({ slug: campaigns.slug, title: campaigns.title }).from(campaigns).orderBy(sql`${campaigns.id} desc`);
}
