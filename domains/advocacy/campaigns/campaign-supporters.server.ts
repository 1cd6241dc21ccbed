// Staff mark which legislators already support a campaign's bill (cosponsors): they get the
// supporter letter. Listed by state, from the chambers the campaign writes to; every change audited.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { campaignSupporters, congressMembers, stateLegislators } from "~/db/schema/index";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import type { Campaign } from "./campaigns.server";
import { forgetCampaignMemos } from "./campaigns.server";

export type SupporterCandidate = { key: string; name: string; chamber: string; district: string; party: string; isSupporter: boolean };

/** The legislators of one state the campaign writes to, each marked supporter or not. */
export async function listSupporterCandidates(db: Executor, campaign: Campaign, state: string): Promise<SupporterCandidate[]> {
  const targets = new Set(campaign.targets);
  const chambers = [...(targets.has("us-senate") ? ["senate" as const] : []), ...(targets.has("us-house") ? ["house" as const] : [])];
  const stateChambers = [...(targets.has("state-upper") ? ["upper" as const, "legislature" as const] : []), ...(targets.has("state-lower") ? ["lower" as const, "legislature" as const] : [])];
  const [federal, local, marked] = await Promise.all([
    chambers.length
      ? db
          .select()
          .from(congressMembers)
          .where(and(eq(congressMembers.state, state), inArray(congressMembers.chamber, chambers)))
          .orderBy(asc(congressMembers.chamber), asc(congressMembers.district), asc(congressMembers.fullName))
      : Promise.resolve([]),
    stateChambers.length
      ? db
          .select()
          .from(stateLegislators)
          .where(and(eq(stateLegislators.state, state), inArray(stateLegislators.chamber, stateChambers)))
          .orderBy(asc(stateLegislators.chamber), asc(stateLegislators.name))
      : Promise.resolve([]),
    db.select({ key: campaignSupporters.legislatorKey }).from(campaignSupporters).where(eq(campaignSupporters.campaignId, campaign.id)),
  ]);
  const supporters = new Set(marked.map((m) => m.key));
  return [
    ...federal.map((m) => ({
      key: m.bioguide,
      name: m.fullName,
      chamber: m.chamber === "senate" ? "US Senate" : "US House",
      district: m.chamber === "senate" ? state : `${state}-${m.district ?? 0}`,
      party: m.party,
      isSupporter: supporters.has(m.bioguide),
    })),
    ...local
      .sort((a, b) => a.chamber.localeCompare(b.chamber) || a.district.localeCompare(b.district, "en", { numeric: true }))
      .map((l) => ({
        key: l.id,
        name: l.name,
        chamber: l.chamber === "upper" ? "State senate" : l.chamber === "lower" ? "State house" : "Legislature",
        district: l.district,
        party: l.party,
        isSupporter: supporters.has(l.id),
      })),
  ];
}

/** Sets which of the listed legislators support the campaign (the others listed do not). */
export async function saveSupporters(db: Database, actor: Actor, campaign: Campaign, listed: string[], supporting: string[], now: Date): Promise<{ added: number; removed: number }> {
  const on = new Set(supporting.filter((k) => listed.includes(k)));
  const outcome = await db.transaction(async (tx) => {
    const existing = new Set(
      (
        await tx
          .select({ key: campaignSupporters.legislatorKey })
          .from(campaignSupporters)
          .where(and(eq(campaignSupporters.campaignId, campaign.id), listed.length ? inArray(campaignSupporters.legislatorKey, listed) : undefined))
      ).map((r) => r.key),
    );
    const add = [...on].filter((k) => !existing.has(k));
    const remove = [...existing].filter((k) => !on.has(k));
    if (add.length) await tx.insert(campaignSupporters).values(add.map((legislatorKey) => ({ campaignId: campaign.id, legislatorKey, markedBy: actor.email, markedAt: now })));
    if (remove.length) await tx.delete(campaignSupporters).where(and(eq(campaignSupporters.campaignId, campaign.id), inArray(campaignSupporters.legislatorKey, remove)));
    if (add.length || remove.length) await recordAudit(tx, actor, { action: "campaign.supporters", subjectType: "campaign", subjectId: campaign.slug, details: { added: add, removed: remove } });
    return { added: add.length, removed: remove.length };
  });
  forgetCampaignMemos(db);
  return outcome;
}
