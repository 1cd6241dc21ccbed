// Staff edit a figure AMG states and its sources; the public pages show the change at once.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { oneLineText } from "~/platform/text-fields";
import type { Database } from "~/db/client.server";
import { figures } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { announceContentChanged } from "./content-changed.server";
import { messages } from "./messages";

const optional = (max: number) => oneLineText(max).transform((v) => (v === "" ? null : v));
export const figureInputSchema = z.object({
  claim: oneLineText(120).min(3, messages.figureClaimRequired),
  amgFigure: oneLineText(40, { tooLong: messages.figureTooLong }).min(1, messages.figureRequired),
  amgStatement: oneLineText(300, { tooLong: messages.figureStatementTooLong }).min(5, messages.figureStatementRequired),
  amgSource: oneLineText(200).min(2, messages.figureSourceRequired),
  officialFigure: optional(200),
  officialBasis: optional(300),
  officialSource: optional(300),
  verdict: optional(600),
  sourceUrl: optional(500)
    .refine((v) => v === null || /^https:\/\/[^\s]+$/.test(v), messages.figureSourceUrl)
    .optional(),
  checkedOn: optional(10)
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), messages.figureCheckedOn)
    .optional(),
});
export type FigureInput = z.infer<typeof figureInputSchema>;

export async function updateFigure(db: Database, actor: Actor, slug: string, input: FigureInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(figures)
      .set({ ...input, updatedAt: now })
      .where(eq(figures.slug, slug))
      .returning({ id: figures.id });
    if (!rows.length) throw new AppError("NOT_FOUND", messages.noSuchFigure);
    await recordAudit(tx, actor, { action: "figure.update", subjectType: "figure", subjectId: slug, details: input });
    await announceContentChanged(tx, "figures");
  });
}
