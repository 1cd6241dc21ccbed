// Suppressions (addresses no bulk mail goes to: hard bounces, complaints, unsubscribes, staff's
// own list), the events that cause them (bounce and complaint reports, unsubscribes), and each
// person's preferences. A suppression takes effect in every send in progress at its next claim.
import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { emailSuppressions, mailEvents, mailPreferences, subscribers } from "~/db/schema/index";

export type SuppressionReason = (typeof emailSuppressions.$inferInsert)["reason"];
export type MailEventKind = (typeof mailEvents.$inferInsert)["kind"];

/** Soft bounces within this many days that suppress an address. */
export const softBounceLimit = { count: 3, days: 30 };

export async function suppressAddress(db: Executor, s: { email: string; reason: SuppressionReason; source: string; detail?: string | null; newsletterId?: number | null }): Promise<boolean> {
  const rows = await db
    .insert(emailSuppressions)
    .values({ email: s.email.toLowerCase(), reason: s.reason, source: s.source.slice(0, 100), detail: s.detail?.slice(0, 500) ?? null, newsletterId: s.newsletterId ?? null })
    .onConflictDoNothing()
    .returning({ email: emailSuppressions.email });
  return rows.length === 1;
}

export async function liftSuppression(db: Executor, email: string): Promise<void> {
  await db.delete(emailSuppressions).where(eq(emailSuppressions.email, email.toLowerCase()));
}

export async function recordMailEvent(db: Executor, e: { email: string; kind: MailEventKind; newsletterId?: number | null; source: string; detail?: string | null }): Promise<void> {
  await db.insert(mailEvents).values({ email: e.email.toLowerCase(), kind: e.kind, newsletterId: e.newsletterId ?? null, source: e.source.slice(0, 100), detail: e.detail?.slice(0, 500) ?? null });
}

/**
 * A bounce or complaint report (webhook, or staff): hard bounce and complaint suppress at once;
 * soft bounces once there were `softBounceLimit.count` of them within `softBounceLimit.days`.
 */
export async function recordBounce(
  db: Executor,
  report: { email: string; type: "hard" | "soft" | "complaint"; newsletterId: number | null; source: string; detail?: string | null },
  now: Date,
): Promise<{ suppressed: boolean }> {
  const kind: MailEventKind = report.type === "hard" ? "hard-bounce" : report.type === "soft" ? "soft-bounce" : "complaint";
  return db.transaction(async (tx) => {
    await recordMailEvent(tx, { ...report, kind });
    if (report.type !== "soft") {
      await suppressAddress(tx, { email: report.email, reason: kind === "complaint" ? "complaint" : "hard-bounce", source: report.source, detail: report.detail, newsletterId: report.newsletterId });
      return { suppressed: true };
    }
    const since = new Date(now.getTime() - softBounceLimit.days * 86_400_000);
    const [recent] = await tx
      .select({ n: count() })
      .from(mailEvents)
      .where(and(eq(mailEvents.email, report.email.toLowerCase()), eq(mailEvents.kind, "soft-bounce"), gte(mailEvents.createdAt, since)));
    if (recent.n < softBounceLimit.count) return { suppressed: false };
    await suppressAddress(tx, {
      email: report.email,
      reason: "soft-bounces",
      source: report.source,
      detail: `${recent.n} soft bounces in ${softBounceLimit.days} days`,
      newsletterId: report.newsletterId,
    });
    return { suppressed: true };
  });
}

export type Preferences = { newsletter: boolean; campaignAlerts: boolean; memberUpdates: boolean };

export async function getPreferences(db: Executor, email: string): Promise<Preferences & { suppressed: SuppressionReason | null }> {
  const address = email.toLowerCase();
  const [[prefs], [suppression], [subscriber]] = await Promise.all([
    db.select().from(mailPreferences).where(eq(mailPreferences.email, address)).limit(1),
    db.select({ reason: emailSuppressions.reason }).from(emailSuppressions).where(eq(emailSuppressions.email, address)).limit(1),
    db.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.email, address)).limit(1),
  ]);
  return {
    newsletter: (prefs?.newsletter ?? true) && subscriber?.status !== "unsubscribed",
    campaignAlerts: prefs?.campaignAlerts ?? true,
    memberUpdates: prefs?.memberUpdates ?? true,
    suppressed: suppression?.reason ?? null,
  };
}

/**
 * Saves a person's choices (from a signed e-mail link or their account). Turning the newsletter
 * off also ends a subscription; turning everything back on lifts an unsubscribe suppression (never
 * a bounce or complaint one). Each topic turned off is counted against the newsletter it came from.
 */
export async function savePreferences(db: Executor, input: { email: string; preferences: Preferences; newsletterId: number | null; source: string; now: Date }): Promise<void> {
  const email = input.email.toLowerCase();
  await db.transaction(async (tx) => {
    const before = await getPreferences(tx, email);
    await tx
      .insert(mailPreferences)
      .values({ email, ...input.preferences, updatedAt: input.now })
      .onConflictDoUpdate({ target: mailPreferences.email, set: { ...input.preferences, updatedAt: input.now } });
    if (!input.preferences.newsletter) {
      await tx
        .update(subscribers)
        .set({ status: "unsubscribed", unsubscribedAt: input.now })
        .where(and(eq(subscribers.email, email), sql`${subscribers.status} <> 'unsubscribed'`));
    } else if (!before.newsletter) {
      await tx
        .update(subscribers)
        .set({ status: "active", unsubscribedAt: null })
        .where(and(eq(subscribers.email, email), eq(subscribers.status, "unsubscribed"), sql`${subscribers.confirmedAt} is not null`));
    }
    if (before.suppressed === "unsubscribe" && (input.preferences.newsletter || input.preferences.campaignAlerts || input.preferences.memberUpdates)) {
      await liftSuppression(tx, email);
    }
    const turnedOff = (Object.keys(input.preferences) as (keyof Preferences)[]).some((k) => before[k] && !input.preferences[k]);
    if (turnedOff) await recordMailEvent(tx, { email, kind: "unsubscribe", newsletterId: input.newsletterId, source: input.source, detail: JSON.stringify(input.preferences) });
  });
}

/** RFC 8058 one-click: the topic of the mail it came from is turned off at once. */
export async function unsubscribeOneClick(db: Executor, input: { email: string; topic: "newsletter" | "campaign-alerts" | "member-updates"; newsletterId: number | null; now: Date; source: string }) {
  const current = await getPreferences(db, input.email);
  const next: Preferences = {
    newsletter: current.newsletter && input.topic !== "newsletter",
    campaignAlerts: current.campaignAlerts && input.topic !== "campaign-alerts",
    memberUpdates: current.memberUpdates && input.topic !== "member-updates",
  };
  await savePreferences(db, { email: input.email, preferences: next, newsletterId: input.newsletterId, source: input.source, now: input.now });
}

/** How many addresses are suppressed, by reason (the console). */
export async function countSuppressions(db: Executor): Promise<{ reason: string; count: number }[]> {
  return db.select({ reason: emailSuppressions.reason, count: count() }).from(emailSuppressions).groupBy(emailSuppressions.reason);
}
