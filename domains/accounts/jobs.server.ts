// The accounts context's workers (the kinds of job are in job-specs.ts).
import type { Database } from "~/db/client.server";
import type { Logger } from "~/platform/logger";
import type { JobWorker } from "~/platform/queue.server";
import { pruneSignInsJob } from "./job-specs";
import { pruneExpiredSignIns } from "./prune-sign-ins.server";

export function accountsWorkers(deps: { db: Database; log: Logger; clock: () => Date }): JobWorker[] {
  return [
    {
      spec: pruneSignInsJob,
      async handle() {
        const deleted = await pruneExpiredSignIns(deps.db, deps.clock());
        if (deleted.sessions || deleted.signInRequests) deps.log.info("old sessions and sign-in requests deleted", deleted);
      },
    },
  ] as JobWorker[];
}
