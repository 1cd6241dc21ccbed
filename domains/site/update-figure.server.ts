// Staff edit a figure AMG states and its sources; the public pages show the change at once.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.server";
import { figures } from "../../db/schema/index";
import { AppError, toFieldErrors } from "../../platform/errors";
import { recordAudit } from "../../platform/audit.server";
import type { Actor } from "../../platform/audit.server";
import { announceContentChanged } from "./content-changed.server";

const optional = (max: number) => z.string().trim().max(max, `Please keep this under ${max} characters.`).transform((v) => (v === "" ? null : v));
export const figureInputSchema = z.object({
  claim: z.string().trim().min(3, "Please say what the figure measures.").max(120, "Please keep this under 120 characters."),
  amgFigure: z.string().trim().min(1, "Please enter AMG's figure.").max(40, "Please keep the figure under 40 characters."),
  amgStatement: z.string().trim().min(5, "Please write the sentence that goes with the figure.").max(300, "Please keep the sentence under 300 characters."),
  amgSource: z.string().trim().min(2, "Please name the source of AMG's figure.").max(200, "Please keep this under 200 characters."),
  officialFigure: optional(200),
  officialBasis: optional(300),
  officialSource: optional(300),
  verdict: optional(300),
});

export async function updateFigure(db: Database, actor: Actor, slug: string, raw: unknown, now: Date): Promise<void> {
  const parsed = figureInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid figure", toFieldErrors(parsed.error.issues));
  await db.transaction(async (tx) => {
    const rows = await tx.update(figures).set({ ...parsed.data, updatedAt: now }).where(eq(figures.slug, slug)).returning({ id: figures.id });
    if (!rows.length) throw new AppError("NOT_FOUND", "No such figure");
    await recordAudit(tx, actor, { action: "figure.update", subjectType: "figure", subjectId: slug, details: parsed.data });
    await announceContentChanged(tx, "figures");
  });
}
