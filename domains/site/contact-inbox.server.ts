// The staff inbox of contact messages: list, read (audited), mark answered, reply by e-mail.
import { and, desc, eq, ilike, lt, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { contactMessages, contactReplies } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import { containsPattern } from "~/platform/search-pattern";
import type { Services } from "~/platform/services";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { getSiteSettings } from "./queries.server";
import { messages } from "./messages";

export type InboxFilter = { status?: "new" | "answered"; q?: string; beforeId?: number; limit?: number };

export async function listContactMessages(db: Executor, filter: InboxFilter) {
  const conditions = [];
  if (filter.status) conditions.push(eq(contactMessages.status, filter.status));
  if (filter.beforeId) conditions.push(lt(contactMessages.id, filter.beforeId));
  if (filter.q) conditions.push(ilike(sql`(${contactMessages.name} || ' ' || ${contactMessages.email} || ' ' || ${contactMessages.subject})`, containsPattern(filter.q)));
  return db
    .select({
      id: contactMessages.id,
      publicId: contactMessages.publicId,
      name: contactMessages.name,
      email: contactMessages.email,
      subject: contactMessages.subject,
      status: contactMessages.status,
      createdAt: contactMessages.createdAt,
    })
    .from(contactMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(contactMessages.id))
    .limit(filter.limit ?? 50);
}

/** One message with its replies; the read is written to the audit log. */
export async function readContactMessage(db: Executor, actor: Actor, publicId: string) {
  const [message] = await db.select().from(contactMessages).where(eq(contactMessages.publicId, publicId)).limit(1);
  if (!message) return null;
  const replies = await db.select().from(contactReplies).where(eq(contactReplies.messageId, message.id)).orderBy(contactReplies.id);
  await recordAudit(db, actor, { action: "contact.view", subjectType: "contact_message", subjectId: publicId, details: { email: message.email } });
  return { message, replies };
}

export async function setContactMessageStatus(db: Executor, actor: Actor, publicId: string, status: "new" | "answered", now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.update(contactMessages).set({ status, updatedAt: now }).where(eq(contactMessages.publicId, publicId)).returning({ id: contactMessages.id });
    if (!rows.length) throw new AppError("NOT_FOUND", messages.noSuchMessage);
    await recordAudit(tx, actor, { action: `contact.mark-${status}`, subjectType: "contact_message", subjectId: publicId });
  });
}

export async function replyToContactMessage({ db, jobs, clock, mailFrom, actor, publicId, body }: Services & { actor: Actor; publicId: string; body: string }): Promise<void> {
  const now = clock();
  const { organisation } = await getSiteSettings(db);
  await db.transaction(async (tx) => {
    const [message] = await tx.select().from(contactMessages).where(eq(contactMessages.publicId, publicId)).limit(1);
    if (!message) throw new AppError("NOT_FOUND", messages.noSuchMessage);
    await tx.insert(contactReplies).values({ messageId: message.id, authorId: actor.personId, authorEmail: actor.email, body, createdAt: now });
    await tx.update(contactMessages).set({ status: "answered", updatedAt: now }).where(eq(contactMessages.id, message.id));
    const quoted = message.message
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n");
    await queueEmail(tx, jobs, {
      template: "contact.reply",
      to: message.email,
      from: senderAddress(mailFrom, organisation),
      replyTo: organisation.email,
      subject: `Re: ${message.subject}`,
      text: `${body}\n\n--\n${organisation.name}\n\nOn ${message.createdAt.toISOString().slice(0, 10)}, you wrote:\n${quoted}`,
    });
    await recordAudit(tx, actor, { action: "contact.reply", subjectType: "contact_message", subjectId: publicId, details: { to: message.email } });
  });
}

/** The dashboard's contact figures in one pass over the table. */
export async function contactTotals(db: Executor, since: Date): Promise<{ waiting: number; receivedSince: number }> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${contactMessages.status} = 'new')::int`,
      receivedSince: sql<number>`count(*) filter (where ${contactMessages.createdAt} >= ${since})::int`,
    })
    .from(contactMessages);
  return row;
}
