// Job handler: delivers one outbox message over SMTP, or, with no SMTP configured, marks it
// stored (staff read it in the outbox) and logs one line with its links and sign-in code.
// Idempotent by outbox id: a message already sent or stored is never sent again, whatever the
// queue redelivers.
import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { outboxMessages } from "~/db/schema/index";
import type { Logger } from "~/platform/logger";
import type { MailTransport } from "~/platform/mail-transport.server";
import type { JobWorker } from "~/platform/queue.server";
import { linksAndCode } from "./outbox-preview";
import { deliverEmailJob } from "./job-specs";

export function deliverEmailWorker(deps: { db: Database; transport: MailTransport | null; log: Logger; clock: () => Date }): JobWorker<typeof deliverEmailJob.schema> {
  return {
    spec: deliverEmailJob,
    async handle({ outboxId }, job) {
      const { db, transport, log, clock } = deps;
      const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, outboxId)).limit(1);
      if (!message || message.status === "sent" || message.status === "stored") return;
      if (!transport) {
        await db
          .update(outboxMessages)
          .set({ status: "stored", attempts: sql`${outboxMessages.attempts} + 1` })
          .where(eq(outboxMessages.id, outboxId));
        // Without SMTP this log is how a person on a first run signs in: each link and code in full.
        log.info("mail kept in outbox (no SMTP_URL)", {
          id: message.id,
          to: message.toAddress,
          subject: message.subject,
          ...linksAndCode(message.text),
          read: `npm run amg -- outbox:show ${message.id}`,
        });
        return;
      }
      try {
        const { messageId } = await transport.deliver({
          from: message.fromAddress,
          to: message.toAddress,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { ...message.headers, "X-AMG-Outbox-Id": message.publicId },
        });
        await db
          .update(outboxMessages)
          .set({ status: "sent", sentAt: clock(), smtpMessageId: messageId, lastError: null, attempts: sql`${outboxMessages.attempts} + 1` })
          .where(eq(outboxMessages.id, outboxId));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await db
          .update(outboxMessages)
          .set({ status: job.isLastAttempt ? "failed" : "queued", lastError: reason, attempts: sql`${outboxMessages.attempts} + 1` })
          .where(eq(outboxMessages.id, outboxId));
        log.warn("mail delivery failed", { outbox: message.publicId, attempt: job.retryCount + 1, reason });
        throw error; // pg-boss retries with back-off
      }
    },
  };
}
