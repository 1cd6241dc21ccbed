// The accounts context's kinds of job (specs only; workers in jobs.server.ts).
import { z } from "zod";
import type { JobSpec } from "~/platform/queue.server";

/** Hourly: sessions and sign-in requests past their retention are deleted (prune-sign-ins.server.ts). */
export const pruneSignInsJob = { name: "accounts.prune-sign-ins", schema: z.object({}).passthrough(), retryLimit: 1, cron: "7 * * * *" } satisfies JobSpec;

export const accountsJobSpecs = [pruneSignInsJob];
