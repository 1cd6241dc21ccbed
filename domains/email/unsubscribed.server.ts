// Whether an address has unsubscribed from AMG's mail (the subscribers table's status), for other
// contexts' optional mail (a reminder) to respect. Mail the person asked for (a copy, a link) is not affected.
import { and, eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { subscribers } from "~/db/schema/index";

export async function hasUnsubscribed(db: Executor, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(and(eq(subscribers.email, email.trim().toLowerCase()), eq(subscribers.status, "unsubscribed")))
    .limit(1);
  return Boolean(row);
}
