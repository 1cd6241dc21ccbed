// Staff corrections of a state legislator's contact details: above all the e-mail address, since
// letters are delivered to it. Kept as an override beside the reference row (a reload never erases
// it), applied wherever state legislators are listed, shown as checked by staff, audited and
// announced to every process (saveLegislatorOverride, shared with members of Congress).
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import { maxEmailLength, textFieldMessages } from "~/platform/text-fields";
import type { Database, Executor } from "~/db/client.server";
import { legislatorOverrides, stateLegislators } from "~/db/schema/index";
import { containsPattern } from "~/platform/search-pattern";
import type { Actor } from "~/platform/audit.server";
import { correctionSchema, saveLegislatorOverride } from "./legislator-corrections.server";
import { messages } from "~/domains/advocacy/messages";

export const stateCorrectionSchema = z.object({
  email: z.union([
    z.literal(""),
    z
      .string()
      .max(maxEmailLength, textFieldMessages.emailTooLong)
      .pipe(z.email({ error: messages.officeEmailFormat })),
  ]),
  capitolPhone: correctionSchema.shape.phone,
  website: correctionSchema.shape.website,
  note: correctionSchema.shape.note,
});
export type StateCorrectionInput = z.infer<typeof stateCorrectionSchema>;

type StateLegislatorRow = typeof stateLegislators.$inferSelect;

/** A correction as stored (JSON): the non-empty fields only, read back through this schema rather than cast. */
const storedStateCorrectionSchema = z.object({ email: z.string(), capitolPhone: z.string(), website: z.string() }).partial();
export type StateCorrection = z.infer<typeof storedStateCorrectionSchema>;

const readCorrection = (stored: unknown): StateCorrection => storedStateCorrectionSchema.parse(stored ?? {});

/** A reference row with its staff correction (as stored) applied. */
export function withCorrection(row: StateLegislatorRow, stored: unknown) {
  const fields = readCorrection(stored);
  return { ...row, ...fields, correctedByStaff: Object.keys(fields).length > 0 };
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
  return rows.map((r) => ({ ...withCorrection(r.legislator, r.override?.fields), note: r.override?.note ?? "" }));
}

export async function findStateLegislator(db: Executor, id: string) {
  const [row] = await db
    .select({ legislator: stateLegislators, override: legislatorOverrides })
    .from(stateLegislators)
    .leftJoin(legislatorOverrides, eq(legislatorOverrides.legislatorKey, stateLegislators.id))
    .where(eq(stateLegislators.id, id))
    .limit(1);
  return row ? { reference: row.legislator, fields: readCorrection(row.override?.fields), note: row.override?.note ?? "" } : null;
}

/** Saves the corrected fields of a state legislator (empty = use the reference data). */
export async function saveStateCorrection(db: Database, actor: Actor, id: string, input: StateCorrectionInput, now: Date): Promise<void> {
  const { note, ...fields } = input;
  await saveLegislatorOverride(db, actor, {
    key: id,
    subjectType: "state-legislator",
    fields,
    note,
    now,
    exists: async (tx) => Boolean(await findStateLegislator(tx, id)),
    notFound: messages.noSuchStateLegislator,
  });
}
