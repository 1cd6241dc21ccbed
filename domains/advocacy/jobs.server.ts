// The advocacy context's workers (the kinds of job are in job-specs.ts).
import type { Database } from "~/db/client.server";
import type { Logger } from "~/platform/logger";
import type { JobWorker } from "~/platform/queue.server";
import type { Services } from "~/platform/services";
import { pruneHeldActionsJob, remindPreparedLettersJob } from "./job-specs";
import { pruneHeldActions } from "./campaigns/prune-held-actions.server";
import { remindPreparedLetters } from "./campaigns/remind-prepared-letters.server";

/** The reminder's mail needs the queue, the links' key and the public address. */
type MailDeps = Pick<Services, "jobs" | "appUrl" | "mailFrom" | "secretKey">;

export function advocacyWorkers(deps: { db: Database; log: Logger; clock: () => Date } & MailDeps): JobWorker[] {
  return [
    {
      spec: remindPreparedLettersJob,
      async handle() {
        const { reminded, skipped } = await remindPreparedLetters(deps);
        if (reminded || skipped) deps.log.info("prepared-letter reminders", { reminded, skipped });
      },
    },
    {
      spec: pruneHeldActionsJob,
      async handle() {
        const deleted = await pruneHeldActions(deps.db, deps.clock());
        if (deleted) deps.log.info("old held letters deleted", { deleted });
      },
    },
  ] as JobWorker[];
}
