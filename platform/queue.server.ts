// Jobs on pg-boss, in the same database as the data. The same code runs on a PostgreSQL server
// (a connection string) and on embedded PGlite (pg-boss's fromPglite adapter, single process).
// A job is enqueued inside the transaction of the change that causes it (fromDrizzle), so a
// rolled-back change never sends its e-mail.
import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { Job, SendOptions } from "pg-boss";
import type { z } from "zod";
import type { DatabaseHandle, Executor } from "~/db/client.server";
import type { Logger } from "./logger";

/** A kind of job: its queue name (`context.verb-noun`), payload schema and retry policy. */
export type JobSpec<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  /** Retries with exponential back-off before the job is marked failed. */
  retryLimit: number;
  /** Run on this schedule (cron, in UTC) by whichever process runs the workers. */
  cron?: string;
};

export type JobWorker<S extends z.ZodType = z.ZodType> = {
  spec: JobSpec<S>;
  handle(data: z.infer<S>, job: { id: string; retryCount: number; isLastAttempt: boolean }): Promise<void>;
};

export type JobQueue = {
  /** Enqueues a job; pass the transaction as `tx` to enqueue it atomically with the change. */
  send<S extends z.ZodType>(job: JobSpec<S>, data: z.infer<S>, options?: { tx?: Executor; singletonKey?: string }): Promise<string | null>;
};

export type QueueRuntime = JobQueue & {
  boss: PgBoss;
  /** Starts workers for these jobs in this process, and keeps the scheduled ones on their schedule. */
  work(workers: JobWorker[], options?: { pollingIntervalSeconds?: number }): Promise<void>;
  stop(): Promise<void>;
};

export async function startQueue(handle: DatabaseHandle, specs: JobSpec[], log: Logger, options: { supervise?: boolean; schedule?: boolean } = {}): Promise<QueueRuntime> {
  const boss =
    handle.kind === "pglite"
      ? new PgBoss({ db: fromPglite(handle.pglite!), backend: "pglite", schedule: options.schedule ?? true, supervise: options.supervise ?? true })
      : new PgBoss({ connectionString: handle.connectionString!, max: 4, schedule: options.schedule ?? true, supervise: options.supervise ?? true });
  boss.on("error", (error) => log.error("job queue error", { error }));
  await boss.start();
  for (const spec of specs) {
    await boss.createQueue(spec.name, { retryLimit: spec.retryLimit, retryBackoff: true, retryDelay: 5 });
  }

  return {
    boss,
    async send(job, data, options = {}) {
      const payload = job.schema.parse(data);
      const sendOptions: SendOptions = { singletonKey: options.singletonKey };
      if (options.tx) sendOptions.db = fromDrizzle(options.tx as never, sql as never);
      return boss.send(job.name, payload as object, sendOptions);
    },
    async work(workers, workOptions = {}) {
      // A schedule is one row per queue in pg-boss, so several worker processes schedule it once.
      for (const { spec } of workers) if (spec.cron) await boss.schedule(spec.name, spec.cron, {}, { tz: "UTC" });
      for (const { spec: def, handle } of workers) {
        // Several pollers per queue: a burst of mail is not sent one message per polling interval.
        await boss.work(def.name, { pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 1, includeMetadata: true, localConcurrency: 4 }, async ([job]: Job<unknown>[]) => {
          const meta = job as unknown as { id: string; retryCount: number; retryLimit: number; data: unknown };
          const parsed = def.schema.safeParse(meta.data);
          if (!parsed.success) {
            log.error("job payload rejected", { queue: def.name, id: meta.id, issues: parsed.error.issues });
            return; // a malformed payload never becomes valid by retrying
          }
          await handle(parsed.data, {
            id: meta.id,
            retryCount: meta.retryCount,
            isLastAttempt: meta.retryCount >= meta.retryLimit,
          });
        });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
