// Reads for the console, the CLI and the public archive: the list, a send's live progress, its
// results once sent, and the archive of newsletters that were sent and are not private.
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { mailEvents, newsletterRecipients, newsletters } from "~/db/schema/index";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function listNewsletters(db: Executor, limit = 100) {
  return db
    .select({
      publicId: newsletters.publicId,
      subject: newsletters.subject,
      status: newsletters.status,
      recipientCount: newsletters.recipientCount,
      scheduledAt: newsletters.scheduledAt,
      startedAt: newsletters.startedAt,
      finishedAt: newsletters.finishedAt,
      updatedAt: newsletters.updatedAt,
    })
    .from(newsletters)
    .orderBy(desc(newsletters.id))
    .limit(limit);
}

export type Progress = {
  status: string;
  pauseReason: string | null;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  remaining: number;
  /** Messages per second over the last 30 seconds. */
  rate: number;
  /** Seconds left at that rate (null when not sending or no rate yet). */
  secondsLeft: number | null;
};

export async function newsletterProgress(db: Executor, newsletterId: number): Promise<Progress> {
  const [n] = await db.select({ status: newsletters.status, pauseReason: newsletters.pauseReason }).from(newsletters).where(eq(newsletters.id, newsletterId));
  const [c] = rowsOf<{ total: number; sent: number; failed: number; skipped: number; recent: number }>(
    await db.execute(sql`
      select count(*)::int as total,
        count(*) filter (where state = 'sent')::int as sent,
        count(*) filter (where state = 'failed')::int as failed,
        count(*) filter (where state = 'skipped')::int as skipped,
        count(*) filter (where state = 'sent' and sent_at > now() - interval '30 seconds')::int as recent
      from newsletter_recipients where newsletter_id = ${newsletterId}`),
  );
  const remaining = c.total - c.sent - c.failed - c.skipped;
  const rate = Math.round((c.recent / 30) * 10) / 10;
  return {
    status: n?.status ?? "draft",
    pauseReason: n?.pauseReason ?? null,
    total: c.total,
    sent: c.sent,
    failed: c.failed,
    skipped: c.skipped,
    remaining,
    rate,
    secondsLeft: n?.status === "sending" && rate > 0 ? Math.ceil(remaining / rate) : null,
  };
}

export type Results = {
  delivered: number;
  failed: number;
  failureReasons: { reason: string; count: number }[];
  bounced: number;
  complaints: number;
  unsubscribes: number;
};

export async function newsletterResults(db: Executor, newsletterId: number): Promise<Results> {
  const [[sent], reasons, events] = await Promise.all([
    db
      .select({ n: count() })
      .from(newsletterRecipients)
      .where(and(eq(newsletterRecipients.newsletterId, newsletterId), eq(newsletterRecipients.state, "sent"))),
    rowsOf<{ reason: string; count: number }>(
      await db.execute(sql`
        select coalesce(failure_reason, 'Unknown') as reason, count(*)::int as count from newsletter_recipients
        where newsletter_id = ${newsletterId} and state = 'failed' group by 1 order by 2 desc limit 10`),
    ),
    db.select({ kind: mailEvents.kind, n: count() }).from(mailEvents).where(eq(mailEvents.newsletterId, newsletterId)).groupBy(mailEvents.kind),
  ]);
  const eventCount = (kind: string) => events.find((e) => e.kind === kind)?.n ?? 0;
  const bounced = eventCount("hard-bounce") + eventCount("soft-bounce");
  return {
    delivered: Math.max(0, sent.n - bounced),
    failed: reasons.reduce((sum, r) => sum + r.count, 0),
    failureReasons: reasons,
    bounced,
    complaints: eventCount("complaint"),
    unsubscribes: eventCount("unsubscribe"),
  };
}

/** Newsletters on the public site: sent and not private, newest first. */
export async function listArchive(db: Executor, limit = 50) {
  return db
    .select({ publicId: newsletters.publicId, subject: newsletters.subject, preheader: newsletters.preheader, markdown: newsletters.markdown, sentAt: newsletters.startedAt })
    .from(newsletters)
    .where(and(eq(newsletters.status, "sent"), eq(newsletters.isPrivate, false)))
    .orderBy(desc(newsletters.startedAt))
    .limit(limit);
}

export async function findArchived(db: Executor, publicId: string) {
  const [row] = await db
    .select({ publicId: newsletters.publicId, subject: newsletters.subject, preheader: newsletters.preheader, markdown: newsletters.markdown, sentAt: newsletters.startedAt })
    .from(newsletters)
    .where(and(eq(newsletters.publicId, publicId), eq(newsletters.status, "sent"), eq(newsletters.isPrivate, false)))
    .limit(1);
  return row ?? null;
}

/** The staff report's newsletter rows: each newsletter that began sending in the range, with its results. */
export async function newsletterResultsBetween(db: Executor, from: Date, to: Date) {
  const result = await db.execute(sql`
    select n.subject, n.started_at,
      (select count(*) from newsletter_recipients r where r.newsletter_id = n.id and r.state = 'sent')::int as sent,
      (select count(*) from newsletter_recipients r where r.newsletter_id = n.id and r.state = 'failed')::int as failed,
      (select count(*) from mail_events e where e.newsletter_id = n.id and e.kind in ('hard-bounce', 'soft-bounce'))::int as bounced,
      (select count(*) from mail_events e where e.newsletter_id = n.id and e.kind = 'complaint')::int as complaints,
      (select count(*) from mail_events e where e.newsletter_id = n.id and e.kind = 'unsubscribe')::int as unsubscribes
    from newsletters n
    where n.started_at >= ${from.toISOString()} and n.started_at < ${to.toISOString()}
    order by n.started_at`);
  return rowsOf<{ subject: string; started_at: Date | string; sent: number; failed: number; bounced: number; complaints: number; unsubscribes: number }>(result).map((r) => ({
    subject: r.subject,
    day: new Date(r.started_at).toISOString().slice(0, 10),
    sent: Number(r.sent),
    failed: Number(r.failed),
    bounced: Number(r.bounced),
    complaints: Number(r.complaints),
    unsubscribes: Number(r.unsubscribes),
  }));
}
