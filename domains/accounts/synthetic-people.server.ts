// Synthetic people in bulk (addresses @synthetic.example) with one role, for seed commands and
// benches; and the check those commands make first: that the database holds no real member or mentor.
import { and, eq, inArray, notLike, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { people, personRoles } from "~/db/schema/index";
import { newPublicId } from "~/platform/tokens";
import type { Role } from "./accounts.schema";

export const syntheticDomain = "@synthetic.example";

/** True when some member or mentor has a real address: a seed command must refuse this database. */
export async function hasRealPeople(db: Executor): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .innerJoin(personRoles, eq(personRoles.personId, people.id))
    .where(and(inArray(personRoles.role, ["member", "mentor"]), notLike(people.email, `%${syntheticDomain}`)));
  return Number(row?.n ?? 0) > 0;
}

/** Creates the people (skipping addresses that exist) and gives each the role; their ids by address. */
export async function createSyntheticPeople(db: Executor, entries: { email: string; name: string }[], role: Role): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let k = 0; k < entries.length; k += 1000) {
    const batch = entries.slice(k, k + 1000).filter((e) => e.email.endsWith(syntheticDomain));
    if (batch.length === 0) continue;
    await db
      .insert(people)
      .values(batch.map((e) => ({ publicId: newPublicId(), email: e.email, name: e.name })))
      .onConflictDoNothing();
    const rows = await db
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(
        inArray(
          people.email,
          batch.map((e) => e.email),
        ),
      );
    await db
      .insert(personRoles)
      .values(rows.map((r) => ({ personId: r.id, role })))
      .onConflictDoNothing();
    for (const r of rows) ids.set(r.email, r.id);
  }
  return ids;
}
