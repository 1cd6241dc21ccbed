// Confirming (single-use, expiring link) and ending a subscription.
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { subscribers, subscriptionConsents } from "~/db/schema/index";
import type { Services } from "~/platform/services";
import { hashToken } from "~/platform/tokens";
import { newsletterRef } from "./record-updates-consent.server";

export type ConfirmOutcome = "confirmed" | "invalid";

export async function confirmSubscription({ db, clock, token }: Pick<Services, "db" | "clock"> & { token: string }): Promise<ConfirmOutcome> {
  const now = clock();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(subscribers)
      .set({ status: "active", confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, unsubscribedAt: null })
      .where(and(eq(subscribers.confirmTokenHash, hashToken(token)), gt(subscribers.confirmExpiresAt, now)))
      .returning({ id: subscribers.id });
    if (rows.length !== 1) return "invalid";
    // A "Keep me updated" consent given on an action without a link of its own waited for this one.
    await tx
      .update(subscriptionConsents)
      .set({ confirmedAt: now, awaitingRef: null })
      .where(eq(subscriptionConsents.awaitingRef, newsletterRef(hashToken(token))));
    return "confirmed";
  });
}

/** Unsubscribes the address behind an unsubscribe token; repeating it is harmless. */
export async function unsubscribe({ db, clock, token }: Pick<Services, "db" | "clock"> & { token: string }): Promise<{ found: boolean; email?: string }> {
  const [row] = await db.select().from(subscribers).where(eq(subscribers.unsubscribeToken, token)).limit(1);
  if (!row) return { found: false };
  if (row.status !== "unsubscribed") {
    await db.update(subscribers).set({ status: "unsubscribed", unsubscribedAt: clock(), confirmTokenHash: null, confirmExpiresAt: null }).where(eq(subscribers.id, row.id));
  }
  return { found: true, email: row.email };
}

/** Whether a confirmation link can still be used (read-only: the GET page shows a button). */
export async function isConfirmTokenUsable({ db, clock, token }: Pick<Services, "db" | "clock"> & { token: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(and(eq(subscribers.confirmTokenHash, hashToken(token)), gt(subscribers.confirmExpiresAt, clock())))
    .limit(1);
  return row !== undefined;
}

/** Removes an address from the newsletter list entirely (account deletion). */
export async function forgetSubscriber(db: Executor, email: string): Promise<void> {
  await db.delete(subscribers).where(eq(subscribers.email, email));
  await db.delete(subscriptionConsents).where(eq(subscriptionConsents.email, email));
}
