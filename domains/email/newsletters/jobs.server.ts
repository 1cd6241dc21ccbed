// Workers of the newsletter queues: the send job runs the engine (and enqueues its own
// continuation when it stops at its deadline or waits for retries); the sweep starts scheduled
// newsletters and restarts sends whose workers died.
import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { newsletters } from "~/db/schema/index";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { Logger } from "~/platform/logger";
import type { MailTransport } from "~/platform/mail-transport.server";
import type { JobQueue, JobWorker } from "~/platform/queue.server";
import { sendNewsletterJob, sweepNewslettersJob } from "../job-specs";
import { senderAddress } from "../queue-email.server";
import { enqueueSendJobs, startNewsletterSend } from "./manage-newsletters.server";
import { runNewsletterSend } from "./send-engine.server";
import type { EngineDeps } from "./send-engine.server";

export type NewsletterWorkerDeps = {
  db: Database;
  jobs: JobQueue;
  /** The bulk transport (its own pool); null = no SMTP: sends stay paused with a reason. */
  transport: MailTransport | null;
  log: Logger;
  clock: () => Date;
  appUrl: string;
  mailFrom?: string;
  secretKey: Buffer;
  engine?: Partial<Pick<EngineDeps, "lanes" | "batchSize" | "leaseSeconds" | "deadlineMs" | "maxIdleWaitMs">>;
};

export function newsletterWorkers(deps: NewsletterWorkerDeps): JobWorker[] {
  const send: JobWorker<typeof sendNewsletterJob.schema> = {
    spec: sendNewsletterJob,
    async handle({ newsletterId, slot }) {
      const { db, log } = deps;
      if (!deps.transport) {
        await db
          .update(newsletters)
          .set({ status: "paused", pauseReason: "No mail server is configured (SMTP_URL), so nothing was sent. Set SMTP_URL and resume." })
          .where(and(eq(newsletters.id, newsletterId), eq(newsletters.status, "sending")));
        return;
      }
      const { organisation } = await getSiteSettings(db);
      const outcome = await runNewsletterSend(
        {
          db,
          transport: deps.transport,
          log,
          appUrl: deps.appUrl,
          from: senderAddress(deps.mailFrom, organisation),
          unsubscribeMailbox: organisation.email,
          secretKey: deps.secretKey,
          ...deps.engine,
        },
        newsletterId,
      );
      log.info("newsletter send job ended", { newsletter: newsletterId, slot, outcome });
      if (outcome === "deadline") await deps.jobs.send(sendNewsletterJob, { newsletterId, slot }, { singletonKey: `newsletter-${newsletterId}-${slot}-${Date.now()}` });
    },
  };
  const sweep: JobWorker<typeof sweepNewslettersJob.schema> = {
    spec: sweepNewslettersJob,
    async handle() {
      const { db, clock } = deps;
      const due = await db
        .select({ publicId: newsletters.publicId })
        .from(newsletters)
        .where(and(eq(newsletters.status, "scheduled"), lte(newsletters.scheduledAt, clock())));
      for (const { publicId } of due) {
        try {
          await startNewsletterSend({ db, jobs: deps.jobs, appUrl: deps.appUrl, clock, actor: null, publicId });
        } catch (error) {
          deps.log.error("scheduled newsletter could not start", { publicId, error: (error as Error).message });
        }
      }
      // A send whose rows nobody claimed for two minutes (its workers died, or it waited for retries).
      const idle = (await db.execute(sql`
        select n.id from newsletters n
        where n.status = 'sending'
          and exists (select 1 from newsletter_recipients r where r.newsletter_id = n.id and r.state in ('queued', 'sending'))
          and coalesce((select max(r.claimed_at) from newsletter_recipients r where r.newsletter_id = n.id), n.started_at) < now() - interval '2 minutes'`)) as unknown as {
        rows: { id: number }[];
      };
      for (const { id } of idle.rows) await enqueueSendJobs(db, deps.jobs, id, `sweep-${clock().getTime()}`);
    },
  };
  return [send as JobWorker, sweep as JobWorker];
}
