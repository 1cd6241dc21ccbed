// The one reminder about prepared letters: a day after a person last wrote, if some letters to
// offices that take no e-mail are not yet reported sent, they get one e-mail listing those letters,
// each with its signed "I sent it" link. Run by an hourly sweep (advocacy.remind-prepared-letters).
// Idempotent: the action's reminded_at is claimed in the same transaction that queues the mail, so
// a reminder goes out once per action, whatever runs twice. An address that unsubscribed from AMG's
// mail gets none (its action is marked as reminded, so none follows later either).
import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { actionMessages, campaignActions, campaigns } from "~/db/schema/index";
import type { Services } from "~/platform/services";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { preparedLettersReminderMail } from "~/domains/email/templates";
import { hasUnsubscribed } from "~/domains/email/unsubscribed.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { sentPagePath } from "./letter-links";

export const reminderAfterHours = 24;
/** Older actions (say, after a long outage) get no reminder: it would no longer be "a day later". */
export const reminderWithinDays = 7;
const batch = 200;

export async function remindPreparedLetters(p: Pick<Services, "db" | "jobs" | "clock" | "appUrl" | "mailFrom" | "secretKey">): Promise<{ reminded: number; skipped: number }> {
  const { db, jobs, appUrl } = p;
  const now = p.clock();
  const due = await db
    .select({ id: campaignActions.id })
    .from(campaignActions)
    .where(
      and(
        isNull(campaignActions.remindedAt),
        lte(campaignActions.updatedAt, new Date(now.getTime() - reminderAfterHours * 3_600_000)),
        gt(campaignActions.updatedAt, new Date(now.getTime() - reminderWithinDays * 86_400_000)),
        sql`exists (select 1 from action_messages am where am.action_id = ${campaignActions.id} and am.delivery = 'prepared' and am.reported_sent_at is null)`,
      ),
    )
    .orderBy(asc(campaignActions.updatedAt))
    .limit(batch);
  if (!due.length) return { reminded: 0, skipped: 0 };
  const { organisation } = await getSiteSettings(db);
  const from = senderAddress(p.mailFrom, organisation);
  let reminded = 0;
  let skipped = 0;
  for (const { id } of due) {
    const sent = await db.transaction(async (tx) => {
      // Claim it first: a second sweep (or process) finds it taken and sends nothing.
      const [action] = await tx
        .update(campaignActions)
        .set({ remindedAt: now })
        .where(and(eq(campaignActions.id, id), isNull(campaignActions.remindedAt)))
        .returning();
      if (!action) return null;
      if (await hasUnsubscribed(tx, action.email)) return false;
      const [campaign] = await tx.select({ slug: campaigns.slug, title: campaigns.title }).from(campaigns).where(eq(campaigns.id, action.campaignId)).limit(1);
      const waiting = await tx
        .select()
        .from(actionMessages)
        .where(and(eq(actionMessages.actionId, action.id), eq(actionMessages.delivery, "prepared"), isNull(actionMessages.reportedSentAt)))
        .orderBy(asc(actionMessages.id));
      if (!campaign || !waiting.length) return false;
      const mail = preparedLettersReminderMail({
        orgName: organisation.name,
        campaignTitle: campaign.title,
        name: action.name,
        resultUrl: `${appUrl}${sentPagePath(p.secretKey, campaign.slug, action.publicId)}`,
        letters: waiting.map((m) => ({
          to: `${m.targetTitle} ${m.targetName} (${m.district})`,
          phone: m.phone,
          contactForm: m.contactUrl,
          website: m.website,
          sentUrl: `${appUrl}${sentPagePath(p.secretKey, campaign.slug, action.publicId, m.id)}`,
        })),
      });
      await queueEmail(tx, jobs, { template: "advocacy.letters-reminder", to: action.email, from, ...mail });
      return true;
    });
    if (sent) reminded++;
    else if (sent === false) skipped++;
  }
  return { reminded, skipped };
}
