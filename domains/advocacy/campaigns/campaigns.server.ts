// Reads of campaigns (both kinds) and the seeding of the starter campaigns.
import { and, asc, count, eq, gte, ilike, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { campaignActions, campaigns, campaignSupporters, congressMembers } from "~/db/schema/index";
import { containsPattern } from "~/platform/search-pattern";
import { shortMemoPerDatabase } from "~/platform/short-memo";
import { starterFederalSupporters, starterLegislatorCampaigns, starterOpenLetters } from "./starter-campaigns";

export type Campaign = typeof campaigns.$inferSelect;

/** Inserts the starter campaigns a database does not have yet (by slug); returns how many. */
export async function seedStarterCampaigns(db: Database): Promise<number> {
  const rows = [...starterOpenLetters.map((l) => ({ ...l, kind: "open-letter" as const })), ...starterLegislatorCampaigns.map((c) => ({ ...c, kind: "legislator-letter" as const }))];
  const inserted = await db.insert(campaigns).values(rows).onConflictDoNothing({ target: campaigns.slug }).returning({ id: campaigns.id, slug: campaigns.slug });
  const federal = inserted.find((c) => c.slug === "residency-shortage-act");
  if (federal) {
    const members = await db
      .select({ bioguide: congressMembers.bioguide, fullName: congressMembers.fullName, state: congressMembers.state, chamber: congressMembers.chamber })
      .from(congressMembers)
      .where(
        inArray(
          congressMembers.state,
          starterFederalSupporters.map((s) => s.state),
        ),
      );
    const keys = starterFederalSupporters.flatMap((s) =>
      members.filter((m) => m.state === s.state && m.chamber === s.chamber && new RegExp(`\\b${s.lastName}\\b`).test(m.fullName)).map((m) => m.bioguide),
    );
    if (keys.length)
      await db
        .insert(campaignSupporters)
        .values(keys.map((legislatorKey) => ({ campaignId: federal.id, legislatorKey, markedBy: "starter content" })))
        .onConflictDoNothing();
  }
  return inserted.length;
}

// Written out: inside a subquery drizzle leaves column names unqualified, and "id" would be the inner table's.
export const actionCount = sql<number>`(select count(*)::int from campaign_actions ca where ca.campaign_id = campaigns.id)`;

/** Published letters to legislators, with how many people have written. */
export async function listLegislatorCampaigns(db: Executor) {
  return db
    .select({
      slug: campaigns.slug,
      title: campaigns.title,
      summary: campaigns.summary,
      goal: campaigns.goal,
      startsOn: campaigns.startsOn,
      endsOn: campaigns.endsOn,
      targetStates: campaigns.targetStates,
      actions: actionCount,
    })
    .from(campaigns)
    .where(and(eq(campaigns.kind, "legislator-letter"), eq(campaigns.isPublished, true)))
    .orderBy(asc(campaigns.sortOrder), asc(campaigns.id));
}

export async function findLegislatorCampaign(db: Executor, slug: string, { includeUnpublished = false } = {}) {
  const [row] = await db
    .select({ campaign: campaigns, actions: actionCount })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), eq(campaigns.kind, "legislator-letter"), includeUnpublished ? undefined : eq(campaigns.isPublished, true)))
    .limit(1);
  return row ? { ...row.campaign, actions: row.actions } : null;
}

// An action reads its campaign and supporters on every submit: kept for five seconds per process,
// so a staff edit (or unpublishing) reaches the action form within that time.
const forActions = shortMemoPerDatabase<Campaign | null>(5_000);
const supportersForActions = shortMemoPerDatabase<Set<string>>(5_000);

/** A published letter to legislators, without counts, as the action needs it. */
export function campaignForAction(db: Executor, slug: string, now: Date): Promise<Campaign | null> {
  return forActions.get(db, slug, now, async () => {
    const [row] = await db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.slug, slug), eq(campaigns.kind, "legislator-letter"), eq(campaigns.isPublished, true)))
      .limit(1);
    return row ?? null;
  });
}

/** After a save in this process: its next action reads the campaign afresh. */
export function forgetCampaignMemos(db: Executor): void {
  forActions.clear(db);
  supportersForActions.clear(db);
}

export const supportersForAction = (db: Executor, campaignId: number, now: Date) => supportersForActions.get(db, String(campaignId), now, () => supporterKeys(db, campaignId));

export async function supporterKeys(db: Executor, campaignId: number): Promise<Set<string>> {
  const rows = await db.select({ key: campaignSupporters.legislatorKey }).from(campaignSupporters).where(eq(campaignSupporters.campaignId, campaignId));
  return new Set(rows.map((r) => r.key));
}

/** Every campaign for the staff console, with its counts. */
export async function listAllCampaigns(db: Executor, q?: string) {
  return db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      kind: campaigns.kind,
      title: campaigns.title,
      isPublished: campaigns.isPublished,
      goal: campaigns.goal,
      startsOn: campaigns.startsOn,
      endsOn: campaigns.endsOn,
      actions: actionCount,
    })
    .from(campaigns)
    .where(q ? ilike(campaigns.title, containsPattern(q)) : undefined)
    .orderBy(asc(campaigns.kind), asc(campaigns.sortOrder), asc(campaigns.id));
}

export async function findCampaignBySlug(db: Executor, slug: string): Promise<Campaign | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.slug, slug)).limit(1);
  return row ?? null;
}

/** People who wrote to their legislators since a date, across campaigns (the staff dashboard). */
export async function countActionsSince(db: Executor, since: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(campaignActions).where(gte(campaignActions.createdAt, since));
  return row.n;
}
