// A signed-in applicant's unfinished application: the form's values as typed, not validated,
// one per person; the form is prefilled from it, and it is deleted once the application is sent.
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applicationDrafts } from "~/db/schema/index";
import { examKeys } from "./labels";

// Only the form's own fields are kept, each cut to a sane length: a draft is not a file store.
const draftFields = new Set([
  "name",
  "email",
  "zip",
  "citizenship",
  "degree",
  "schoolName",
  "schoolCountry",
  "graduationYear",
  "ecfmgCertified",
  "trainingStatus",
  "specialties",
  "workStates",
  "primaryCareUnderserved",
  "consentStatistics",
  ...examKeys,
  ...examKeys.map((k) => `${k}Date`),
]);

export function draftValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => draftFields.has(k))
      .map(([k, v]) => [k, v.slice(0, 300)]),
  );
}

export async function saveApplicationDraft(db: Executor, personId: number, values: Record<string, string>, now: Date): Promise<void> {
  const kept = draftValues(values);
  await db
    .insert(applicationDrafts)
    .values({ personId, values: kept, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: applicationDrafts.personId, set: { values: kept, updatedAt: now } });
}

export async function findApplicationDraft(db: Executor, personId: number) {
  const [row] = await db.select().from(applicationDrafts).where(eq(applicationDrafts.personId, personId)).limit(1);
  return row ? { values: row.values, updatedAt: row.updatedAt } : null;
}

export async function deleteApplicationDraft(db: Executor, personId: number): Promise<void> {
  await db.delete(applicationDrafts).where(eq(applicationDrafts.personId, personId));
}
