// The membership context's workers: the dry run and the run of a staff CSV import (keyed by the
// import's public id; both are idempotent: a redelivered job finds the import past that step),
// and the daily clean-up of abandoned imports. The kinds of job are in job-specs.ts.
import type { z } from "zod";
import type { Database } from "~/db/client.server";
import type { Logger } from "~/platform/logger";
import type { JobWorker } from "~/platform/queue.server";
import { checkMemberImport, failMemberImport, runMemberImport } from "./import-members.server";
import { checkImportJob, pruneImportsJob, runImportJob } from "./job-specs";
import { pruneAbandonedImports, pruneHeldApplicationChanges } from "./prune-imports.server";

type ImportPayload = z.infer<typeof checkImportJob.schema>;

export function membershipWorkers(deps: { db: Database; log: Logger; clock: () => Date }): JobWorker[] {
  const guarded =
    (name: string, step: (db: Database, id: string, now: Date) => Promise<void>) =>
    async ({ importId }: ImportPayload, job: { isLastAttempt: boolean }) => {
      try {
        await step(deps.db, importId, deps.clock());
      } catch (error) {
        deps.log.error(`${name} failed`, { importId, error });
        if (job.isLastAttempt)
          await failMemberImport(deps.db, importId, "The import stopped on an unexpected error; the log has the details. Rows already written stay; running the file again updates them.");
        throw error;
      }
    };
  return [
    { spec: checkImportJob, handle: guarded("member import check", checkMemberImport) },
    { spec: runImportJob, handle: guarded("member import", runMemberImport) },
    {
      spec: pruneImportsJob,
      async handle() {
        const cancelled = await pruneAbandonedImports(deps.db, deps.clock());
        const heldAnswers = await pruneHeldApplicationChanges(deps.db, deps.clock());
        if (cancelled || heldAnswers) deps.log.info("abandoned member imports cancelled, old held answers deleted", { cancelled, heldAnswers });
      },
    },
  ] as JobWorker[];
}
