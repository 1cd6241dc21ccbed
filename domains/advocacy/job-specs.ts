// The advocacy context's kinds of job (specs only; workers in jobs.server.ts).
import { z } from "zod";
import type { JobSpec } from "~/platform/queue.server";

/** Hourly: held letters past their retention are deleted (prune-held-actions.server.ts). */
export const pruneHeldActionsJob = { name: "advocacy.prune-held-actions", schema: z.object({}).passthrough(), retryLimit: 1, cron: "27 * * * *" } satisfies JobSpec;

/** Hourly: the one reminder about prepared letters not yet reported sent, a day after writing (remind-prepared-letters.server.ts). */
export const remindPreparedLettersJob = { name: "advocacy.remind-prepared-letters", schema: z.object({}).passthrough(), retryLimit: 1, cron: "17 * * * *" } satisfies JobSpec;

export const advocacyJobSpecs = [pruneHeldActionsJob, remindPreparedLettersJob];
