// Staff's view of the outbox: every message with its delivery status, and resending a failed one.
import { and, desc, eq, lt } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { outboxMessages } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import type { JobQueue } from "~/platform/queue.server";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { deliverEmailJob } from "./job-specs";
import { messages } from "./messages";

import type { OutboxStatus } from "./outbox-status.server";

export type { OutboxStatus };

export async function listOutbox(db: Executor, filter: { status?: OutboxStatus; beforeId?: number; limit?: number }) {
  const conditions = [];
  if (filter.status) conditions.push(eq(outboxMessages.status, filter.status));
  if (filter.beforeId) conditions.push(lt(outboxMessages.id, filter.beforeId));
  return db
    .select({
      id: outboxMessages.id,
      publicId: outboxMessages.publicId,
      template: outboxMessages.template,
      toAddress: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(outboxMessages.id))
    .limit(filter.limit ?? 50);
}

/** Puts a failed message back in the queue. */
export async function resendOutboxMessage(db: Executor, jobs: JobQueue, actor: Actor, publicId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(outboxMessages)
      .set({ status: "queued", lastError: null })
      .where(and(eq(outboxMessages.publicId, publicId), eq(outboxMessages.status, "failed")))
      .returning({ id: outboxMessages.id, to: outboxMessages.toAddress });
    if (!rows.length) throw new AppError("CONFLICT", messages.onlyFailedResend);
    await jobs.send(deliverEmailJob, { outboxId: rows[0].id }, { tx });
    await recordAudit(tx, actor, { action: "outbox.resend", subjectType: "outbox_message", subjectId: publicId, details: { to: rows[0].to } });
  });
}
