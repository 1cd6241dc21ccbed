// The matching settings (one row): the scoring weights staff may change and the days a mentor has
// to answer an introduction. Missing row or missing weights: the defaults of scoring.ts.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "~/db/client.server";
import { mentorshipSettings } from "~/db/schema/index";
import { type Actor, recordAudit } from "~/platform/audit.server";
import { defaultMatchWeights, type MatchWeights, matchWeightsSchema } from "./scoring";

export const defaultRespondDays = 7;
export type MatchSettings = { weights: MatchWeights; respondDays: number };

export async function getMatchSettings(db: Executor): Promise<MatchSettings> {
  const [row] = await db.select().from(mentorshipSettings).where(eq(mentorshipSettings.id, 1)).limit(1);
  const weights = matchWeightsSchema.safeParse({ ...defaultMatchWeights, ...(row?.weights ?? {}) });
  return { weights: weights.success ? weights.data : defaultMatchWeights, respondDays: row?.respondDays ?? defaultRespondDays };
}

export const matchSettingsSchema = matchWeightsSchema.extend({ respondDays: z.number().int().min(1).max(30) });

export async function updateMatchSettings(db: Executor, actor: Actor, input: z.infer<typeof matchSettingsSchema>, now: Date): Promise<void> {
  const { respondDays, ...weights } = input;
  await db.transaction(async (tx) => {
    await tx
      .insert(mentorshipSettings)
      .values({ id: 1, weights, respondDays, updatedAt: now })
      .onConflictDoUpdate({ target: mentorshipSettings.id, set: { weights, respondDays, updatedAt: now } });
    await recordAudit(tx, actor, { action: "mentorship.settings", details: { ...weights, respondDays } });
  });
}
