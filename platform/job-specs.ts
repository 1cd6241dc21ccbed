// The platform's own kinds of job (specs only; the composition root, server/platform.ts, runs them).
import { z } from "zod";
import type { JobSpec } from "./queue.server";

/** Hourly: rate-limit counters of windows that ended more than a day ago are deleted. */
export const pruneRateLimitsJob = { name: "platform.prune-rate-limits", schema: z.object({}).passthrough(), retryLimit: 1, cron: "37 * * * *" } satisfies JobSpec;
