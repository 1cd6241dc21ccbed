// Staff views of subscribers and the outbox: lists, counts, staff unsubscribe, CSV export
// (streamed in keyset batches, so 100,000+ rows never sit in memory), resending a failed mail.
import { and, asc, count, desc, eq, gt, ilike, lt, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { subscribers } from "~/db/schema/index";
import { toCsv } from "~/platform/csv";
import { AppError } from "~/platform/errors";
import { containsPattern } from "~/platform/search-pattern";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { messages } from "./messages";

export type SubscriberStatus = "pending" | "active" | "unsubscribed";
export type SubscriberFilter = { q?: string; status?: SubscriberStatus };

function subscriberConditions(filter: SubscriberFilter) {
  const conditions = [];
  if (filter.status) conditions.push(eq(subscribers.status, filter.status));
  if (filter.q) conditions.push(ilike(subscribers.email, containsPattern(filter.q)));
  return conditions;
}

export async function listSubscribers(db: Executor, filter: SubscriberFilter & { beforeId?: number; limit?: number }) {
  const conditions = subscriberConditions(filter);
  if (filter.beforeId) conditions.push(lt(subscribers.id, filter.beforeId));
  return db
    .select({
      id: subscribers.id,
      publicId: subscribers.publicId,
      email: subscribers.email,
      status: subscribers.status,
      source: subscribers.source,
      createdAt: subscribers.createdAt,
      confirmedAt: subscribers.confirmedAt,
    })
    .from(subscribers)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(subscribers.id))
    .limit(filter.limit ?? 50);
}

/** How many subscribers match, counted up to `cap` (a list page needs "more than 10,000", not a full scan). */
export async function countSubscribers(db: Executor, filter: SubscriberFilter, cap = 10_000): Promise<{ count: number; isCapped: boolean }> {
  const conditions = subscriberConditions(filter);
  const limited = db
    .select({ one: sql`1` })
    .from(subscribers)
    .where(conditions.length ? and(...conditions) : undefined)
    .limit(cap + 1)
    .as("limited");
  const [row] = await db.select({ n: count() }).from(limited);
  return { count: Math.min(row.n, cap), isCapped: row.n > cap };
}

export async function staffUnsubscribe(db: Executor, actor: Actor, publicId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(subscribers)
      .set({ status: "unsubscribed", unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null })
      .where(eq(subscribers.publicId, publicId))
      .returning({ email: subscribers.email });
    if (!rows.length) throw new AppError("NOT_FOUND", messages.noSuchSubscriber);
    await recordAudit(tx, actor, { action: "subscriber.unsubscribe", subjectType: "subscriber", subjectId: publicId, details: { email: rows[0].email } });
  });
}

/** CSV of the subscribers matching the filter, yielded in chunks of up to 5,000 rows. */
export async function* exportSubscribersCsv(db: Executor, filter: SubscriberFilter): AsyncGenerator<string> {
  yield toCsv([["email", "status", "source", "subscribed_at", "confirmed_at", "unsubscribed_at"]]);
  let afterId = 0;
  for (;;) {
    const conditions = [...subscriberConditions(filter), gt(subscribers.id, afterId)];
    const rows = await db
      .select()
      .from(subscribers)
      .where(and(...conditions))
      .orderBy(asc(subscribers.id))
      .limit(5000);
    if (rows.length === 0) return;
    yield toCsv(rows.map((r) => [r.email, r.status, r.source, r.createdAt.toISOString(), r.confirmedAt?.toISOString() ?? "", r.unsubscribedAt?.toISOString() ?? ""]));
    afterId = rows[rows.length - 1].id;
  }
}

/** The dashboard's subscriber figures in one pass over the table. */
export async function subscriberTotals(db: Executor, since: Date): Promise<{ active: number; signedUpSince: number }> {
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${subscribers.status} = 'active')::int`,
      signedUpSince: sql<number>`count(*) filter (where ${subscribers.createdAt} >= ${since})::int`,
    })
    .from(subscribers);
  return row;
}
