// Staff corrections of a member of Congress's contact details. Kept apart from the reference rows
// (so a reload never erases them), shown as "checked by AMG staff", audited, and announced so that
// every process rebuilds its legislator index.
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import { oneLineText } from "~/platform/text-fields";
import type { Database, Executor } from "~/db/client.server";
import { notify } from "~/db/client.server";
import { congressMembers, legislatorOverrides } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import { containsPattern } from "~/platform/search-pattern";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { referenceChangedChannel } from "./load-reference-data.server";
import { messages } from "~/domains/advocacy/messages";

const optionalUrl = z.union([
  z.literal(""),
  z
    .string()
    .max(500, messages.webAddressTooLong)
    .pipe(z.url({ protocol: /^https?$/, error: messages.webAddressFormat })),
]);
export const correctionSchema = z.object({
  phone: z.union([
    z.literal(""),
    z
      .string()
      .trim()
      .regex(/^[\d\s().+-]{7,20}$/, messages.phoneFormat),
  ]),
  website: optionalUrl,
  contactForm: optionalUrl,
  address: oneLineText(300, { tooLong: messages.postalAddressTooLong }),
  note: oneLineText(300, { tooLong: messages.noteTooLong }),
});
export type CorrectionInput = z.infer<typeof correctionSchema>;

export async function searchCongressMembers(db: Executor, q: string | undefined) {
  const conditions = q ? [or(ilike(congressMembers.fullName, containsPattern(q)), eq(congressMembers.state, q.toUpperCase()))] : [];
  return db
    .select({ member: congressMembers, override: legislatorOverrides })
    .from(congressMembers)
    .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, congressMembers.bioguide))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(congressMembers.state), asc(congressMembers.chamber), asc(congressMembers.district), asc(congressMembers.fullName))
    .limit(100);
}

export async function findCongressMember(db: Executor, bioguide: string) {
  const [row] = await db
    .select({ member: congressMembers, override: legislatorOverrides })
    .from(congressMembers)
    .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, congressMembers.bioguide))
    .where(eq(congressMembers.bioguide, bioguide))
    .limit(1);
  return row ?? null;
}

/**
 * The one way a correction is saved, for members of Congress and state legislators alike: the
 * non-empty fields replace the reference data's (all empty removes the correction), the change is
 * audited, and every process is told, so each drops its legislator index and cached pages at once.
 */
export async function saveLegislatorOverride(
  db: Database,
  actor: Actor,
  p: { key: string; subjectType: "legislator" | "state-legislator"; fields: Record<string, string>; note: string; now: Date; exists: (tx: Executor) => Promise<boolean>; notFound: string },
): Promise<void> {
  const kept = Object.fromEntries(Object.entries(p.fields).filter(([, v]) => v !== ""));
  await db.transaction(async (tx) => {
    if (!(await p.exists(tx))) throw new AppError("NOT_FOUND", p.notFound);
    if (Object.keys(kept).length === 0) await tx.delete(legislatorOverrides).where(eq(legislatorOverrides.legislatorKey, p.key));
    else
      await tx
        .insert(legislatorOverrides)
        .values({ legislatorKey: p.key, fields: kept, note: p.note, updatedBy: actor.email, updatedAt: p.now })
        .onConflictDoUpdate({ target: legislatorOverrides.legislatorKey, set: { fields: kept, note: p.note, updatedBy: actor.email, updatedAt: p.now } });
    await recordAudit(tx, actor, { action: "legislator.correct", subjectType: p.subjectType, subjectId: p.key, details: { ...kept, note: p.note } });
    await notify(tx, referenceChangedChannel, "correction");
  });
}

/** Saves the corrected fields of a member of Congress (empty = use the reference data). */
export async function saveCorrection(db: Database, actor: Actor, bioguide: string, input: CorrectionInput, now = new Date()): Promise<void> {
  const { note, ...fields } = input;
  await saveLegislatorOverride(db, actor, {
    key: bioguide,
    subjectType: "legislator",
    fields,
    note,
    now,
    exists: async (tx) => Boolean(await findCongressMember(tx, bioguide)),
    notFound: messages.noSuchMemberOfCongress,
  });
}
