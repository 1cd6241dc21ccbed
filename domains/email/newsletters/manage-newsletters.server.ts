// Staff's use cases on newsletters: keep a draft, send a test, send now or schedule, pause,
// resume, cancel. Starting a send renders the message once, writes every recipient row in one
// INSERT … SELECT and enqueues the send jobs, all in one transaction.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { newsletterRecipients, newsletters } from "~/db/schema/index";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { Actor } from "~/platform/audit.server";
import { recordAudit } from "~/platform/audit.server";
import { AppError } from "~/platform/errors";
import type { Services } from "~/platform/services";
import { newPublicId } from "~/platform/tokens";
import { sendNewsletterJob } from "../job-specs";
import { queueEmail, senderAddress } from "../queue-email.server";
import { audienceSchema } from "./audience";
import type { Audience } from "./audience";
import type { NewsletterInput } from "./newsletter.schema";
import { newsletterMessages as m } from "./newsletter.schema";
import { materialiseRecipients } from "./recipients.server";
import { personalise, renderNewsletter } from "./render.server";

/** How many send jobs a newsletter gets: each runs its own lanes, in whichever worker takes it. */
export const sendSlots = 2;

export type NewsletterRow = typeof newsletters.$inferSelect;

export const archiveUrlOf = (appUrl: string, publicId: string) => `${appUrl}/newsletter/archive/${publicId}`;

export async function findNewsletter(db: Executor, publicId: string): Promise<NewsletterRow> {
  const [row] = await db.select().from(newsletters).where(eq(newsletters.publicId, publicId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", m.notFound);
  return row;
}

export const audienceOf = (row: NewsletterRow): Audience => audienceSchema.parse(row.audience);

export async function createNewsletter({ db, actor, input }: { db: Executor; actor: Actor | null; input: NewsletterInput }): Promise<{ id: number; publicId: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(newsletters)
      .values({ publicId: newPublicId(), ...input, createdBy: actor?.email ?? "command line" })
      .returning({ id: newsletters.id, publicId: newsletters.publicId });
    await recordAudit(tx, actor, { action: "newsletter.create", subjectType: "newsletter", subjectId: row.publicId, details: { subject: input.subject } });
    return row;
  });
}

export async function saveNewsletterDraft({ db, actor, publicId, input, clock }: { db: Executor; actor: Actor; publicId: string; input: NewsletterInput; clock: () => Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(newsletters)
      .set({ ...input, updatedAt: clock() })
      .where(and(eq(newsletters.publicId, publicId), inArray(newsletters.status, ["draft", "scheduled"])))
      .returning({ id: newsletters.id });
    if (rows.length === 0) throw new AppError("CONFLICT", m.notDraft);
    await recordAudit(tx, actor, { action: "newsletter.save", subjectType: "newsletter", subjectId: publicId, details: { subject: input.subject } });
  });
}

/** The e-mail as recipients will get it (the console's preview and the test send). */
export async function renderForPreview(db: Executor, row: Pick<NewsletterRow, "subject" | "preheader" | "markdown" | "isPrivate" | "publicId">, appUrl: string) {
  const { organisation } = await getSiteSettings(db);
  return renderNewsletter({
    orgName: organisation.name,
    subject: row.subject,
    preheader: row.preheader,
    markdown: row.markdown,
    archiveUrl: row.isPrivate ? null : archiveUrlOf(appUrl, row.publicId),
  });
}

/** A test copy to the staff member's own address, through the transactional outbox (marked as a test). */
export async function sendTestNewsletter({ db, jobs, appUrl, mailFrom, actor, publicId }: Pick<Services, "db" | "jobs" | "appUrl" | "mailFrom"> & { actor: Actor; publicId: string }): Promise<void> {
  const row = await findNewsletter(db, publicId);
  const rendered = personalise(await renderForPreview(db, row, appUrl), `${appUrl}/account`);
  const { organisation } = await getSiteSettings(db);
  await db.transaction(async (tx) => {
    await queueEmail(tx, jobs, { template: "newsletter.test", to: actor.email, from: senderAddress(mailFrom, organisation), subject: `[Test] ${row.subject}`, ...rendered });
    await recordAudit(tx, actor, { action: "newsletter.test-send", subjectType: "newsletter", subjectId: publicId, details: { to: actor.email } });
  });
}

/** Send now: the recipients are written and the send jobs enqueued in one transaction. */
export async function startNewsletterSend({
  db,
  jobs,
  appUrl,
  actor,
  publicId,
  clock,
}: Pick<Services, "db" | "jobs" | "appUrl" | "clock"> & { actor: Actor | null; publicId: string }): Promise<{ recipients: number; skipped: number }> {
  const row = await findNewsletter(db, publicId);
  if (row.status !== "draft" && row.status !== "scheduled") throw new AppError("CONFLICT", m.cannotStart);
  const rendered = await renderForPreview(db, row, appUrl);
  const started = await db.transaction(async (tx) => {
    const locked = await tx
      .update(newsletters)
      .set({ status: "sending", renderedHtml: rendered.html, renderedText: rendered.text, startedAt: clock(), updatedAt: clock(), pauseReason: null })
      .where(and(eq(newsletters.id, row.id), inArray(newsletters.status, ["draft", "scheduled"])))
      .returning({ id: newsletters.id });
    if (locked.length === 0) throw new AppError("CONFLICT", m.cannotStart);
    const counted = await materialiseRecipients(tx, row.id, audienceOf(row), row.topic);
    if (counted.recipients === 0) throw new AppError("VALIDATION", m.noRecipients);
    await tx.update(newsletters).set({ recipientCount: counted.recipients }).where(eq(newsletters.id, row.id));
    await enqueueSendJobs(tx, jobs, row.id, "start");
    await recordAudit(tx, actor, { action: "newsletter.send", subjectType: "newsletter", subjectId: publicId, details: { recipients: counted.recipients, skipped: counted.blocked } });
    return { recipients: counted.recipients, skipped: counted.blocked };
  });
  // Up to 120,000 new rows at once, before autovacuum's next look (and PGlite has none): fresh
  // statistics keep the send's claims on their index in id order instead of a bitmap scan and sort.
  await db.execute(sql`analyze newsletter_recipients`);
  return started;
}

export async function enqueueSendJobs(tx: Executor, jobs: Services["jobs"], newsletterId: number, reason: string): Promise<void> {
  for (let slot = 0; slot < sendSlots; slot++) await jobs.send(sendNewsletterJob, { newsletterId, slot }, { tx, singletonKey: `newsletter-${newsletterId}-${slot}-${reason}` });
}

export async function scheduleNewsletter({ db, actor, publicId, at, clock }: { db: Executor; actor: Actor; publicId: string; at: Date; clock: () => Date }): Promise<void> {
  if (at.getTime() <= clock().getTime()) throw new AppError("VALIDATION", m.scheduleInPast, { scheduledAt: m.scheduleInPast });
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(newsletters)
      .set({ status: "scheduled", scheduledAt: at, updatedAt: clock() })
      .where(and(eq(newsletters.publicId, publicId), inArray(newsletters.status, ["draft", "scheduled"])))
      .returning({ id: newsletters.id });
    if (rows.length === 0) throw new AppError("CONFLICT", m.notDraft);
    await recordAudit(tx, actor, { action: "newsletter.schedule", subjectType: "newsletter", subjectId: publicId, details: { at: at.toISOString() } });
  });
}

export async function unscheduleNewsletter({ db, actor, publicId, clock }: { db: Executor; actor: Actor; publicId: string; clock: () => Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(newsletters)
      .set({ status: "draft", scheduledAt: null, updatedAt: clock() })
      .where(and(eq(newsletters.publicId, publicId), eq(newsletters.status, "scheduled")));
    await recordAudit(tx, actor, { action: "newsletter.unschedule", subjectType: "newsletter", subjectId: publicId });
  });
}

type Change = "pause" | "resume" | "cancel";

export async function changeNewsletterSend({
  db,
  jobs,
  actor,
  publicId,
  change,
  clock,
}: Pick<Services, "db" | "jobs" | "clock"> & { actor: Actor | null; publicId: string; change: Change }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(newsletters).where(eq(newsletters.publicId, publicId)).for("update").limit(1);
    if (!row) throw new AppError("NOT_FOUND", m.notFound);
    const now = clock();
    if (change === "pause") {
      if (row.status !== "sending") throw new AppError("CONFLICT", m.cannotPause);
      await tx
        .update(newsletters)
        .set({ status: "paused", pauseReason: `Paused by ${actor?.email ?? "the command line"}.`, updatedAt: now })
        .where(eq(newsletters.id, row.id));
    } else if (change === "resume") {
      if (row.status !== "paused") throw new AppError("CONFLICT", m.cannotResume);
      await tx.update(newsletters).set({ status: "sending", pauseReason: null, updatedAt: now }).where(eq(newsletters.id, row.id));
      // Rows that waited for a retry because the server was down are due again now.
      await tx.execute(sql`update newsletter_recipients set retry_at = null where newsletter_id = ${row.id} and state = 'queued'`);
      await enqueueSendJobs(tx, jobs, row.id, `resume-${now.getTime()}`);
    } else {
      if (row.status === "sent" || row.status === "cancelled") throw new AppError("CONFLICT", m.cannotCancel);
      await tx.update(newsletters).set({ status: "cancelled", finishedAt: now, updatedAt: now }).where(eq(newsletters.id, row.id));
      await tx
        .update(newsletterRecipients)
        .set({ state: "skipped", failureReason: "The send was cancelled before this message went out" })
        .where(and(eq(newsletterRecipients.newsletterId, row.id), eq(newsletterRecipients.state, "queued")));
    }
    await recordAudit(tx, actor, { action: `newsletter.${change}`, subjectType: "newsletter", subjectId: publicId });
  });
}
