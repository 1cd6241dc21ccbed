// How many members live in a state or a congressional district: the evidence a letter to a
// legislator cites ("{{members_in_state}} members live in New York"). Only approved members who
// consented to anonymous statistics (the application's consent_statistics) are counted, and only a
// publishable count leaves this module: the national total, the states and their districts are
// suppressed as one table (domains/evidence/suppression.ts), so a letter never cites a number that
// another published number would let a reader subtract down to a handful of people.
import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applications } from "~/db/schema/index";
import { type PlaceCounts, type PublishedPlaces, suppressPlaces } from "~/domains/evidence/suppression";

const counted = and(eq(applications.status, "approved"), eq(applications.consentStatistics, true));

/** Exact counts of consenting approved members by state and by congressional district (staff and the evidence tables; never published as they are). */
export async function countMembersByPlace(db: Executor): Promise<PlaceCounts> {
  const [byState, byDistrict] = await Promise.all([
    db.select({ state: applications.state, n: count() }).from(applications).where(counted).groupBy(applications.state),
    db
      .select({ district: sql<string>`d.value`, n: sql<number>`count(*)::int` })
      .from(sql`${applications} cross join lateral jsonb_array_elements_text(${applications.districts}) as d(value)`)
      .where(counted)
      .groupBy(sql`d.value`),
  ]);
  const states: Record<string, number> = {};
  let total = 0;
  for (const row of byState) {
    total += row.n;
    if (row.state) states[row.state] = row.n;
  }
  const districts = Object.fromEntries(byDistrict.map((row) => [row.district, Number(row.n)]));
  return { total, states, districts };
}

/** The one suppressed place table every page and letter cites (evidence/suppression.ts: suppressPlaces). */
export async function publishedMemberPlaces(db: Executor): Promise<PublishedPlaces> {
  return suppressPlaces(await countMembersByPlace(db));
}

const citableValue = (c: PublishedPlaces["states"][string] | undefined) => (c && c.withheld === false && c.value > 0 ? c.value : null);

/** Consenting members in a state, or null when withheld (small, or complementary to a small one). */
export const publishableMembersInState = async (db: Executor, state: string) => citableValue((await publishedMemberPlaces(db)).states[state]);

/** The same for a congressional district such as "NY-22": members whose ZIP lies in it (or may, for a split ZIP). */
export const publishableMembersInDistrict = async (db: Executor, district: string) => citableValue((await publishedMemberPlaces(db)).districts[district]);

/** The ZIP on a signed-in person's application, to look up their legislators without asking. */
export async function findZipOfApplicant(db: Executor, email: string): Promise<string | null> {
  const [row] = await db.select({ zip: applications.zip }).from(applications).where(eq(applications.email, email)).limit(1);
  return row?.zip ?? null;
}
