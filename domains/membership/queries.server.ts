// Reads the membership context owns that other modules and routes share: a person's own application.
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import { containsPattern } from "~/platform/search-pattern";
import type { Executor } from "~/db/client.server";
import { applications } from "~/db/schema/index";

/** The signed-in person's own application (by their account's e-mail), or null; staff's note is the one e-mailed to them. */
export async function findOwnApplication(db: Executor, email: string) {
  const [row] = await db.select().from(applications).where(eq(applications.email, email)).limit(1);
  if (!row) return null;
  const { updateTokenHash: _token, reviewedBy: _by, ...own } = row;
  return own;
}

/** Which members a mailing goes to (the email context's newsletter audiences). */
export type MemberAddressFilter = {
  statuses: ("approved" | "awaiting-review" | "more-info-requested")[];
  states: string[];
  districts: string[];
  graduationFrom?: number;
  graduationTo?: number;
  exam?: { name: string; result: string };
  specialty?: string;
};

/**
 * The e-mail addresses of the members matching `filter`, as a sub-query (one column, `email`) that
 * the caller embeds in its own statement: a newsletter's recipients are written in one INSERT … SELECT.
 */
export function memberAddresses(db: Executor, filter: MemberAddressFilter) {
  const conditions: SQL[] = [inArray(applications.status, filter.statuses.length ? filter.statuses : ["approved"])];
  if (filter.states.length) conditions.push(inArray(applications.state, filter.states));
  if (filter.districts.length)
    conditions.push(
      sql`${applications.districts} ?| ${sql`array[${sql.join(
        filter.districts.map((d) => sql`${d}`),
        sql`, `,
      )}]::text[]`}`,
    );
  if (filter.graduationFrom) conditions.push(gte(applications.graduationYear, filter.graduationFrom));
  if (filter.graduationTo) conditions.push(lte(applications.graduationYear, filter.graduationTo));
  if (filter.exam) conditions.push(sql`${applications.exams} -> ${filter.exam.name} ->> 'result' = ${filter.exam.result}`);
  if (filter.specialty) {
    conditions.push(sql`exists (select 1 from jsonb_array_elements_text(${applications.specialties}) s where s ilike ${containsPattern(filter.specialty)})`);
  }
  return db
    .select({ email: applications.email })
    .from(applications)
    .where(and(...conditions));
}
