// How many members live in a state or a congressional district: the evidence a letter to a
// legislator cites ("{{members_in_state}} members live in New York"). Only approved members who
// consented to anonymous statistics (the application's consent_statistics) are counted, and only a
// publishable count leaves this module (null below the threshold: count-suppression.ts).
import { and, count, eq, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applications } from "~/db/schema/index";
import { publishableCount } from "./count-suppression";

async function publishableCountOf(db: Executor, place: SQL): Promise<number | null> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.status, "approved"), eq(applications.consentStatistics, true), place));
  return publishableCount(row.n);
}

/** Consenting members in a state, or null when too few to publish. */
export const publishableMembersInState = (db: Executor, state: string) => publishableCountOf(db, eq(applications.state, state));

/** The same for a congressional district such as "NY-22": members whose ZIP lies in it (or may, for a split ZIP). */
export const publishableMembersInDistrict = (db: Executor, district: string) => publishableCountOf(db, sql`${applications.districts} ? ${district}`);

/** The ZIP on a signed-in person's application, to look up their legislators without asking. */
export async function findZipOfApplicant(db: Executor, email: string): Promise<string | null> {
  const [row] = await db.select({ zip: applications.zip }).from(applications).where(eq(applications.email, email)).limit(1);
  return row?.zip ?? null;
}
