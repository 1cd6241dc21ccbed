// Staff reports (exact): newsletter subscribers confirmed per month in a date range.
import { and, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { subscribers } from "~/db/schema/index";

export async function subscriberGrowth(db: Executor, from: Date, to: Date): Promise<{ month: string; count: number }[]> {
  const month = sql<string>`to_char(date_trunc('month', ${subscribers.confirmedAt} at time zone 'UTC'), 'YYYY-MM')`;
  const rows = await db
    .select({ month, n: sql<number>`count(*)::int` })
    .from(subscribers)
    .where(and(sql`${subscribers.confirmedAt} >= ${from.toISOString()}`, sql`${subscribers.confirmedAt} < ${to.toISOString()}`))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((r) => ({ month: r.month, count: Number(r.n) }));
}
