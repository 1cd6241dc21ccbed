// How many approved members live in a state or a congressional district: the evidence a letter to
// a legislator cites ("{{members_in_state}} members live in New York"). Counts only, no one named.
import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.server";
import { applications } from "../../db/schema/index";

export async function countMembersInState(db: Executor, state: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.status, "approved"), eq(applications.state, state)));
  return row.n;
}

/** A congressional district such as "NY-22": members whose ZIP lies in it (or may, for a split ZIP). */
export async function countMembersInDistrict(db: Executor, district: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.status, "approved"), sql`${applications.districts} ? ${district}`));
  return row.n;
}

/** The ZIP on a signed-in person's application, to look up their legislators without asking. */
export async function findZipOfApplicant(db: Executor, email: string): Promise<string | null> {
  const [row] = await db.select({ zip: applications.zip }).from(applications).where(eq(applications.email, email)).limit(1);
  return row?.zip ?? null;
}
