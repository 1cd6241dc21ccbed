// Fills a database with synthetic data for the console benchmark: subscribers and contact
// messages (all at @synthetic.example, clearly not real people), plus an admin and a session.
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "~/db/client.server";
import { ensurePersonWithRole, findPersonByEmail } from "~/domains/accounts/people.server";
import { createSession } from "~/domains/accounts/sessions.server";

export async function fillConsoleData(handle: DatabaseHandle, counts: { subscribers: number; messages: number }): Promise<{ adminSession: string; memberSession: string }> {
  const { db } = handle;
  await db.execute(sql`
    insert into subscribers (public_id, email, status, source, unsubscribe_token, created_at, confirmed_at)
    select 'syn-s-' || g, 'subscriber' || g || '@synthetic.example',
           (array['active','active','active','pending','unsubscribed'])[1 + g % 5], 'website', 'syn-u-' || g,
           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    from generate_series(1, ${counts.subscribers}) g`);
  await db.execute(sql`
    insert into contact_messages (public_id, name, email, subject, message, status, created_at, updated_at)
    select 'syn-m-' || g, 'Synthetic Person ' || g, 'writer' || g || '@synthetic.example', 'Question number ' || g,
           'This is a synthetic message used by the console benchmark, number ' || g || '.',
           (array['new','answered'])[1 + g % 2], now() - (g || ' minutes')::interval, now()
    from generate_series(1, ${counts.messages}) g`);
  await db.execute(sql`analyze`);
  await ensurePersonWithRole(db, "bench-admin@synthetic.example", "admin", null);
  await ensurePersonWithRole(db, "bench-member@synthetic.example", "member", null);
  const now = new Date();
  const admin = (await findPersonByEmail(db, "bench-admin@synthetic.example"))!;
  const member = (await findPersonByEmail(db, "bench-member@synthetic.example"))!;
  const adminSession = await createSession(db, { personId: admin.id, ip: "127.0.0.1", userAgent: "bench", now });
  const memberSession = await createSession(db, { personId: member.id, ip: "127.0.0.1", userAgent: "bench", now });
  return { adminSession: adminSession.token, memberSession: memberSession.token };
}
