// Staff corrections of a state legislator's contact details: above all the e-mail address, since
// letters are delivered to it. Kept as an override beside the reference row (a reload never erases
// it), applied wherever state legislators are listed, shown as checked by staff, and audited.
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import { maxEmailLength } from "../../platform/text-fields";
import type { Database, Executor } from "../../db/client.server";
import { legislatorOverrides, stateLegislators } from "../../db/schema/index";
import { AppError, toFieldErrors } from "../../platform/errors";
import { containsPattern } from "../../platform/search-pattern";
import { recordAudit } from "../accounts/audit.server";
import type { Actor } from "../accounts/audit.server";
import { correctionSchema } from "./legislator-corrections.server";

export const stateCorrectionSchema = z.object({
  email: z.union([z.literal(""), z.string().max(maxEmailLength, "That e-mail address is too long.").pipe(z.email({ error: "Please enter an e-mail address like senator@legislature.gov." }))]),
  capitolPhone: correctionSchema.shape.phone,
  website: correctionSchema.shape.website,
  note: correctionSchema.shape.note,
});

type StateLegislatorRow = typeof stateLegislators.$inferSelect;
export type StateCorrection = Partial<Pick<StateLegislatorRow, "email" | "capitolPhone" | "website">>;

/** A reference row with its staff correction applied. */
export function withCorrection(row: StateLegislatorRow, fields: StateCorrection | null | undefined) {
  return { ...row, ...(fields ?? {}), correctedByStaff: Boolean(fields && Object.keys(fields).length) };
}

export async function searchStateLegislators(db: Executor, q: string | undefined) {
  const code = q?.trim().toUpperCase() ?? "";
  const conditions = q ? [or(ilike(stateLegislators.name, containsPattern(q)), /^[A-Z]{2}$/.test(code) ? eq(stateLegislators.state, code) : undefined)] : [];
  const rows = await db
    .select({ legislator: stateLegislators, override: legislatorOverrides })
    .from(stateLegislators)
    .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, stateLegislators.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(stateLegislators.state), asc(stateLegislators.chamber), asc(stateLegislators.name))
    .limit(200);
  return rows.map((r) => ({ ...withCorrection(r.legislator, r.override?.fields as StateCorrection | undefined), note: r.override?.note ?? "" }));
}

export async function findStateLegislator(db: Executor, id: string) {
  const [row] = await db
    .select({ legislator: stateLegislators, override: legislatorOverrides })
    .from(stateLegislators)
    .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, stateLegislators.id))
    .where(eq(stateLegislators.id, id))
    .limit(1);
  return row ? { reference: row.legislator, fields: (row.override?.fields ?? {}) as StateCorrection, note: row.override?.note ?? "" } : null;
}

/** Saves the corrected fields (empty = use the reference data); all empty removes the correction. */
export async function saveStateCorrection(db: Database, actor: Actor, id: string, raw: unknown, now: Date): Promise<void> {
  const parsed = stateCorrectionSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid correction", toFieldErrors(parsed.error.issues));
  const { note, ...fields } = parsed.data;
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ""));
  await db.transaction(async (tx) => {
    if (!(await findStateLegislator(tx, id))) throw new AppError("NOT_FOUND", "No such state legislator");
    if (Object.keys(kept).length === 0) await tx.delete(legislatorOverrides).where(eq(legislatorOverrides.legislatorKey, id));
    else
      await tx
        .insert(legislatorOverrides)
        .values({ legislatorKey: id, fields: kept, note, updatedBy: actor.email, updatedAt: now })
        .onConflictDoUpdate({ target: legislatorOverrides.legislatorKey, set: { fields: kept, note, updatedBy: actor.email, updatedAt: now } });
    await recordAudit(tx, actor, { action: "legislator.correct", subjectType: "state-legislator", subjectId: id, details: { ...kept, note } });
  });
}
