// A member's data as a whole: the download (JSON and CSV) and what deletion removes or keeps.
import { listCycles } from "./match-cycles.server";
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applications, matchCycles, pendingApplicationChanges } from "~/db/schema/index";
import { deleteApplicationDraft } from "./application-drafts.server";

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
