// Staff keep the state law tracker current: a state's status, the law or bill, the licence, the
// source. Audited; the public map and table and what people from that state are asked change at once.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { multiLineText, oneLineText } from "~/platform/text-fields";
import type { Database } from "~/db/client.server";
import { statePathways } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { announceContentChanged } from "~/domains/site/content-changed.server";
import { forgetStatePathways } from "~/domains/advocacy/campaigns/campaign-evidence.server";
import { messages } from "~/domains/advocacy/messages";

const text = (max: number) => (max > 300 ? multiLineText(max) : oneLineText(max));

export const statePathwayInputSchema = z
  .object({
    status: z.enum(["law-in-force", "bill-pending", "none"], { error: messages.statusRequired }),
    law: text(200),
    year: z
      .string()
      .trim()
      .refine((v) => v === "" || (/^\d{4}$/.test(v) && Number(v) >= 1990 && Number(v) <= 2100), messages.lawYearFormat)
      .transform((v) => (v === "" ? null : Number(v))),
    licenceTitle: text(120),
    requirements: text(2000),
    practiceRules: text(2000),
    sources: text(1000),
  })
  .superRefine((p, ctx) => {
    if (p.status === "law-in-force" && !p.law) ctx.addIssue({ code: "custom", path: ["law"], message: messages.lawRequired });
    if (p.status === "bill-pending" && !p.law) ctx.addIssue({ code: "custom", path: ["law"], message: messages.billRequired });
    if (p.status !== "none" && !p.sources) ctx.addIssue({ code: "custom", path: ["sources"], message: messages.lawSourceRequired });
  });

export type StatePathwayInput = z.infer<typeof statePathwayInputSchema>;

export async function updateStatePathway(db: Database, actor: Actor, state: string, input: StatePathwayInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(statePathways)
      .set({ ...input, updatedAt: now })
      .where(eq(statePathways.state, state))
      .returning({ state: statePathways.state });
    if (!rows.length) throw new AppError("NOT_FOUND", messages.noSuchState);
    await recordAudit(tx, actor, { action: "state-pathway.update", subjectType: "state", subjectId: state, details: input });
    await announceContentChanged(tx, "state-pathways");
  });
  forgetStatePathways(db);
}
