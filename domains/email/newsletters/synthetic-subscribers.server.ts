// Synthetic confirmed subscribers for benchmarks and demos (addresses @synthetic.example), made in
// the database in one statement per batch. Refuses a database that holds real subscribers.
import { sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";

export class RealDatabaseError extends Error {}

export async function seedSyntheticSubscribers(db: Executor, count: number, batch = 50_000): Promise<number> {
  const real = (await db.execute(sql`select count(*)::int as n from subscribers where email not like '%@synthetic.example'`)) as unknown as { rows: { n: number }[] };
  if (real.rows[0].n > 0) {
    throw new RealDatabaseError(`This database holds ${real.rows[0].n} real subscribers: synthetic ones are for benchmark and demo databases only. Nothing was added.`);
  }
  const result = (await db.execute(sql`select coalesce(max(id), 0)::int as start from subscribers`)) as unknown as { rows: { start: number }[] };
  const start = result.rows[0].start;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      insert into subscribers (public_id, email, status, source, unsubscribe_token, confirmations_sent, created_at, confirmed_at)
      select 'syn-s-' || (${start}::int + g), 'subscriber' || (${start}::int + g) || '@synthetic.example', 'active', 'synthetic',
        'syn-unsub-' || md5(random()::text || g::text), 1, now(), now()
      from generate_series(${from}::int, ${to}::int) g
      on conflict (email) do nothing`);
  }
  await db.execute(sql`analyze subscribers`);
  return count;
}
