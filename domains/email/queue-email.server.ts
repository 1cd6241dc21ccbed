// The one way any context sends e-mail: the message is written to the outbox and its delivery
// job enqueued in the caller's transaction. Delivery happens in the job (deliver-outbox-message).
import type { Executor } from "~/db/client.server";
import { outboxMessages } from "~/db/schema/index";
import type { JobQueue } from "~/platform/queue.server";
import { deliverEmailJob } from "./job-specs";
import { newPublicId } from "~/platform/tokens";

export type QueuedEmail = {
  template: string;
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export async function queueEmail(tx: Executor, jobs: JobQueue, mail: QueuedEmail): Promise<{ outboxId: number }> {
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      publicId: newPublicId(),
      template: mail.template,
      toAddress: mail.to,
      fromAddress: mail.from,
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers ?? {},
    })
    .returning({ id: outboxMessages.id });
  await jobs.send(deliverEmailJob, { outboxId: row.id }, { tx, singletonKey: `outbox-${row.id}` });
  return { outboxId: row.id };
}

/** "Name" <address> for the From header, from MAIL_FROM or the organisation's settings. */
export function senderAddress(mailFrom: string | undefined, org: { name: string; email: string }): string {
  return mailFrom ?? `"${org.name.replace(/"/g, "")}" <${org.email}>`;
}
