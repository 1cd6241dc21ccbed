// The membership context's jobs: the dry run and the run of a staff CSV import (keyed by the
// import's public id; both are idempotent: a redelivered job finds the import past that step).
import { z } from "zod";
import type { Database } from "../../db/client.server";
import type { Logger } from "../../platform/logger";
import type { JobSpec, JobWorker } from "../../platform/queue.server";
import { checkMemberImport, failMemberImport, runMemberImport } from "./import-members.server";

const payload = z.object({ importId: z.string().min(1).max(40) });

export const checkImportJob = { name: "membership.check-import", schema: payload, retryLimit: 2 } satisfies JobSpec;
export const runImportJob = { name: "membership.run-import", schema: payload, retryLimit: 2 } satisfies JobSpec;
export const membershipJobSpecs = [checkImportJob, runImportJob];

export function membershipWorkers(deps: { db: Database; log: Logger; clock: () => Date }): JobWorker[] {
  const guarded = (name: string, step: (db: Database, id: string, now: Date) => Promise<void>) => async ({ importId }: z.infer<typeof payload>, job: { isLastAttempt: boolean }) => {
    try {
      await step(deps.db, importId, deps.clock());
    } catch (error) {
      deps.log.error(`${name} failed`, { importId, error });
      if (job.isLastAttempt) await failMemberImport(deps.db, importId, "The import stopped on an unexpected error; the log has the details. Rows already written stay; running the file again updates them.");
      throw error;
    }
  };
  return [
    { spec: checkImportJob, handle: guarded("member import check", checkMemberImport) },
    { spec: runImportJob, handle: guarded("member import", runMemberImport) },
  ] as JobWorker[];
}
