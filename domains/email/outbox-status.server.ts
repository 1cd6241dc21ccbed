// Where given outbox messages stand (queued, sent, stored without SMTP, failed): for contexts that
// send mail and report on it, without reading the outbox table themselves.
import { inArray } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { outboxMessages } from "~/db/schema/index";

export type OutboxStatus = (typeof outboxMessages.$inferSelect)["status"];

export async function outboxStatuses(db: Executor, ids: number[]): Promise<Map<number, OutboxStatus>> {
  const found = new Map<number, OutboxStatus>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .select({ id: outboxMessages.id, status: outboxMessages.status })
      .from(outboxMessages)
      .where(inArray(outboxMessages.id, ids.slice(i, i + 5000)));
    for (const r of rows) found.set(r.id, r.status);
  }
  return found;
}
