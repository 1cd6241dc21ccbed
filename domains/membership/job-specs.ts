// The membership context's kinds of job: queue names, payloads and retry policies only (no
// imports of use cases, so the use cases that enqueue them and the workers that run them
// both import this file and never each other). Workers are in jobs.server.ts.
import { z } from "zod";
import type { JobSpec } from "~/platform/queue.server";

const importPayload = z.object({ importId: z.string().min(1).max(40) });

export const checkImportJob = { name: "membership.check-import", schema: importPayload, retryLimit: 2 } satisfies JobSpec;
export const runImportJob = { name: "membership.run-import", schema: importPayload, retryLimit: 2 } satisfies JobSpec;
/** Daily: imports never started are cancelled after a week (files dropped); expired held answers deleted. */
export const pruneImportsJob = { name: "membership.prune-imports", schema: z.object({}).passthrough(), retryLimit: 1, cron: "17 3 * * *" } satisfies JobSpec;

export const membershipJobSpecs = [checkImportJob, runImportJob, pruneImportsJob];
