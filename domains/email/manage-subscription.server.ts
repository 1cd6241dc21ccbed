// Confirming (single-use, expiring link) and ending a subscription.
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { subscribers, subscriptionConsents } from "~/db/schema/index";
import type { Services } from "~/platform/services";
import { hashToken } from "~/platform/tokens";
import { newsletterRef } from "./record-updates-consent.server";
import { queueWelcomeMail } from "./newsletters/automations.server";

export type ConfirmOutcome = "confirmed" | "invalid";

/**
 * Confirms the subscription behind a confirmation link. Given the queue and links' key (the web
 * route passes its services), the welcome e-mail is queued in the same transaction unless staff
 * switched it off (newsletters/automations.server.ts).
 */
export async function confirmSubscription(
  services: Pick<Services, "db" | "clock"> & Partial<Pick<Services, "jobs" | "appUrl" | "mailFrom" | "secretKey">> & { token: string },
): Promise<ConfirmOutcome> {
  const { db, clock, token } = services;
  const now = clock();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(subscribers)
      .set({ status: "active", confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, unsubscribedAt: null })
      .where(and(eq(subscribers.confirmTokenHash, hashToken(token)), gt(subscribers.confirmExpiresAt, now)))
      .returning({ id: subscribers.id, email: subscribers.email });
    if (rows.length !== 1) return "invalid";
    // A "Keep me updated" consent given on an action without a link of its own waited for this one.
    await tx
      .update(subscriptionConsents)
      .set({ confirmedAt: now, awaitingRef: null })
      .where(eq(subscriptionConsents.awaitingRef, newsletterRef(hashToken(token))));
    const { jobs, appUrl, secretKey } = services;
    if (jobs && appUrl && secretKey) await queueWelcomeMail(tx, { jobs, appUrl, secretKey, mailFrom: services.mailFrom, clock }, "welcome-subscriber", rows[0].email);
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
