// A member's match-cycle log: one row per year applied (unique per year: saving a year again
// updates it). Private to the member and staff. Also the member's own data export.
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.server";
import { applications, matchCycles, pendingApplicationChanges } from "../../db/schema/index";
import { newPublicId } from "../../platform/tokens";
import { deleteApplicationDraft } from "./application-drafts.server";
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
  const rows = await db.delete(matchCycles).where(and(eq(matchCycles.publicId, publicId), eq(matchCycles.personId, personId))).returning({ id: matchCycles.id });
  return rows.length > 0;
}

/** Everything the membership context holds about a person, for "download my data". */
export async function exportMemberData(db: Executor, person: { personId: number; email: string }) {
  const [application] = await db.select().from(applications).where(eq(applications.email, person.email)).limit(1);
  const cycles = await listCycles(db, person.personId);
  const { updateTokenHash: _token, id: _id, ...applicationData } = application ?? ({} as typeof applications.$inferSelect);
  return {
    application: application ? applicationData : null,
    matchCycles: cycles.map(({ id: _cid, personId: _pid, ...c }) => c),
  };
}

/**
 * Removes a person's membership data. With consent to anonymous statistics, the application and
 * cycles stay without anything that identifies the person (name, e-mail, ZIP, school, dates).
 */
export async function forgetMember(db: Executor, person: { personId: number; email: string }, now: Date): Promise<void> {
  const [application] = await db.select().from(applications).where(eq(applications.email, person.email)).limit(1);
  await deleteApplicationDraft(db, person.personId);
  await db.delete(pendingApplicationChanges).where(eq(pendingApplicationChanges.email, person.email)); // answers held for the address's link
  const keep = application?.consentStatistics === true;
  if (!keep) {
    await db.delete(matchCycles).where(eq(matchCycles.personId, person.personId));
    if (application) await db.delete(applications).where(eq(applications.id, application.id));
    return;
  }
  await db.update(matchCycles).set({ personId: 0, updatedAt: now }).where(eq(matchCycles.personId, person.personId));
  const exams = Object.fromEntries(Object.entries(application.exams).map(([k, v]) => [k, { result: v.result, date: null }]));
  await db
    .update(applications)
    .set({ name: "(deleted)", email: `deleted-${application.publicId}@deleted.invalid`, zip: "", schoolName: "", exams, reviewNote: null, reviewedBy: null, updateTokenHash: null, updatedAt: now })
    .where(eq(applications.id, application.id));
}
