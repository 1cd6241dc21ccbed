// What advocacy publishes about a place for the evidence pages (/numbers/ny, /numbers/ny-22): its
// members of Congress and where each stands on the campaigns' bills (a cosponsor as staff marked
// them), how many constituents there acted on each campaign (exact: the evidence context
// suppresses small counts before publishing), and the state's collaborative-practice status.
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { campaignActions, campaignSupporters, campaigns } from "~/db/schema/index";
import { legislatorIndex } from "./legislators/legislator-directory.server";
import { districtKey, type Legislator } from "./legislators/legislator-lookup";
import { stateNames } from "./legislators/states";
import { askFor, findStatePathway } from "./state-pathways/state-pathways.server";

export type PlaceLegislator = { id: string; name: string; party: string; title: string; office: string; bills: { bill: string; cosponsor: boolean }[] };

const officeOf = (l: Legislator) =>
  l.chamber === "senate" ? `US Senate, ${stateNames[l.state] ?? l.state}` : l.district ? `US House, ${l.state}-${l.district}` : `US House, ${stateNames[l.state] ?? l.state} (at large)`;

/** The districts a state has, as keys such as "NY-22" (to list them on the state's page). */
export async function districtsOfState(db: Executor, state: string): Promise<string[]> {
  const index = await legislatorIndex(db);
  return (index.districtsByState.get(state) ?? []).map((d) => districtKey(state, d));
}

/** The place's members of Congress and their stance on each campaign bill; district null = the whole state. */
export async function legislatorsForPlace(db: Executor, state: string, district: number | null): Promise<PlaceLegislator[]> {
  const index = await legislatorIndex(db);
  const house = (district === null ? (index.districtsByState.get(state) ?? []) : [district]).map((d) => index.house.get(districtKey(state, d))).filter((l): l is Legislator => Boolean(l));
  const people = [...(index.senators.get(state) ?? []), ...house];
  const bills = await db
    .select({ id: campaigns.id, bill: campaigns.bill })
    .from(campaigns)
    .where(and(eq(campaigns.kind, "legislator-letter"), ne(campaigns.bill, "")));
  const supporters = bills.length ? await db.select({ campaignId: campaignSupporters.campaignId, key: campaignSupporters.legislatorKey }).from(campaignSupporters) : [];
  const supports = new Set(supporters.map((s) => `${s.campaignId}/${s.key}`));
  const uniqueBills = [...new Map(bills.map((b) => [b.bill, b])).values()];
  return people.map((l) => ({
    id: l.id,
    name: l.name,
    party: l.party,
    title: l.title,
    office: officeOf(l),
    bills: uniqueBills.map((b) => ({ bill: b.bill, cosponsor: bills.some((c) => c.bill === b.bill && supports.has(`${c.id}/${l.id}`)) })),
  }));
}

/** Campaign actions taken by people in the place, per campaign (exact counts). */
export async function campaignActionsInPlace(db: Executor, state: string, district: string | null): Promise<{ campaign: string; slug: string; actions: number }[]> {
  const where = district === null ? eq(campaignActions.state, state) : and(eq(campaignActions.state, state), eq(campaignActions.district, district));
  const rows = await db
    .select({ campaign: campaigns.title, slug: campaigns.slug, actions: count() })
    .from(campaignActions)
    .innerJoin(campaigns, eq(campaigns.id, campaignActions.campaignId))
    .where(where)
    .groupBy(campaigns.title, campaigns.slug)
    .orderBy(sql`3 desc`, campaigns.title);
  return rows.map((r) => ({ ...r, actions: Number(r.actions) }));
}

/** The state's collaborative-practice status in words, or null when the tracker has no entry. */
export async function pathwayOfState(db: Executor, state: string): Promise<{ status: string; law: string; ask: string } | null> {
  const p = await findStatePathway(db, state);
  if (!p) return null;
  const status =
    p.status === "law-in-force"
      ? `A law licenses medical graduates who have not done residency${p.year ? ` (since ${p.year})` : ""}`
      : p.status === "bill-pending"
        ? "A bill to license these graduates is before the legislature"
        : "No law or bill yet";
  return { status, law: p.law, ask: askFor(p) };
}

/** Staff reports (exact): campaign actions in a date range by state and campaign (counted before the titles are joined). */
export async function campaignActionsReport(db: Executor, from: Date, to: Date): Promise<{ state: string; campaign: string; actions: number }[]> {
  const counted = db
    .select({ state: campaignActions.state, campaignId: campaignActions.campaignId, actions: sql<number>`count(*)::int`.as("actions") })
    .from(campaignActions)
    .where(and(sql`${campaignActions.createdAt} >= ${from.toISOString()}`, sql`${campaignActions.createdAt} < ${to.toISOString()}`))
    .groupBy(campaignActions.state, campaignActions.campaignId)
    .as("counted");
  const rows = await db
    .select({ state: counted.state, campaign: campaigns.title, actions: counted.actions })
    .from(counted)
    .innerJoin(campaigns, eq(campaigns.id, counted.campaignId))
    .orderBy(counted.state, campaigns.title);
  return rows.map((r) => ({ ...r, actions: Number(r.actions) }));
}
