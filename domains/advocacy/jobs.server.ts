// The advocacy context's workers (the kinds of job are in job-specs.ts).
import type { Database } from "~/db/client.server";
import type { Logger } from "~/platform/logger";
import type { JobWorker } from "~/platform/queue.server";
import { pruneHeldActionsJob } from "./job-specs";
import { pruneHeldActions } from "./campaigns/prune-held-actions.server";

export function advocacyWorkers(deps: { db: Database; log: Logger; clock: () => Date }): JobWorker[] {
  return [
    {
      spec: pruneHeldActionsJob,
      async handle() {
        const deleted = await pruneHeldActions(deps.db, deps.clock());
        if (deleted) deps.log.info("old held letters deleted", { deleted });
      },
    },
  ] as JobWorker[];
}
