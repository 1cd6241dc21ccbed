// A member's match-cycle log: one row per year applied (unique per year: saving a year again
// updates it). Private to the member and staff. Also the member's own data export.
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { matchCycles } from "~/db/schema/index";
import { newPublicId } from "~/platform/tokens";
import type { MatchCycleInput } from "./membership.schema";

export async function listCycles(db: Executor, personId: number) {
  return db.select().from(matchCycles).where(eq(matchCycles.personId, personId)).orderBy(asc(matchCycles.year));
}

export async function saveCycle(db: Executor, personId: number, input: MatchCycleInput, now: Date): Promise<void> {
  await db
    .insert(matchCycles)
    .values({ ...input, personId, publicId: newPublicId(), createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [matchCycles.personId, matchCycles.year], set: { ...input, updatedAt: now } });
}

/** Deletes one of the member's own cycles (never another person's). */
export async function deleteCycle(db: Executor, personId: number, publicId: string): Promise<boolean> {
  const rows = await db
    .delete(matchCycles)
    .where(and(eq(matchCycles.publicId, publicId), eq(matchCycles.personId, personId)))
    .returning({ id: matchCycles.id });
  return rows.length > 0;
}
