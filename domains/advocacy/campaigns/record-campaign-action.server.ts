// Writes a person's action for a campaign once their address is proven (signed in as it, or the
// e-mailed link opened): one action per person per campaign and one letter per office (writing
// again updates them), the e-mails to offices that publish an address queued in the caller's
// transaction (Reply-To the constituent), a letter already e-mailed to an office never sent again,
// and a copy for the person. It trusts its caller to have proven the address: never call it for a
// browser that has not (send-campaign-letter holds those).
import { eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actionMessages, campaignActions } from "~/db/schema/index";
import type { HeldLetter } from "~/db/schema/index";
import type { JobQueue } from "~/platform/queue.server";
import { queueEmail } from "~/domains/email/queue-email.server";
import { campaignLetterCopyMail } from "~/domains/email/templates";
import type { LetterCopy } from "~/domains/email/templates";
import { newToken } from "~/platform/tokens";
import { composeDeliveredLetter } from "./campaign-rules";
import { sentPagePath } from "./letter-links";

/** What sending again replaces in a prepared letter: everything but its identity, first date and the writer's report. */
const updatedOnResend = Object.fromEntries(
  Object.entries(getTableColumns(actionMessages))
    .filter(([key]) => !["id", "actionId", "legislatorKey", "createdAt", "reportedSentAt", "reportedVia"].includes(key))
    .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
);

export type ActionDetails = { name: string; street: string; city: string; state: string; zip: string; district: string | null; story: string; storyHash: string | null; ip: string | null };

/** Returns the action's public id (its sent page). */
export async function recordCampaignAction(
  tx: Executor,
  p: {
    jobs: JobQueue;
    appUrl: string;
    secretKey: Buffer;
    from: string;
    orgName: string;
    campaign: { id: number; slug: string; title: string };
    email: string;
    details: ActionDetails;
    letters: HeldLetter[];
    now: Date;
  },
): Promise<string> {
  const { campaign, details, now } = p;
  const [action] = await tx
    .insert(campaignActions)
    .values({ ...details, updatedAt: now, publicId: newToken(16), campaignId: campaign.id, email: p.email, createdAt: now })
    .onConflictDoUpdate({ target: [campaignActions.campaignId, campaignActions.email], set: { ...details, updatedAt: now } })
    .returning({ id: campaignActions.id, publicId: campaignActions.publicId, isNew: sql<boolean>`xmax = 0` });
  // Only a person writing again has earlier letters to update.
  const earlier = new Map(action.isNew ? [] : (await tx.select().from(actionMessages).where(eq(actionMessages.actionId, action.id))).map((m) => [m.legislatorKey, m]));
  const copies: (LetterCopy & { key: string })[] = [];
  const messages: (typeof actionMessages.$inferInsert)[] = [];
  for (const letter of p.letters) {
    const to = `${letter.targetTitle} ${letter.targetName} (${letter.district})`;
    const before = earlier.get(letter.legislatorKey);
    earlier.delete(letter.legislatorKey);
    const reach = { phone: letter.phone, contactForm: letter.contactUrl, website: letter.website ?? null };
    if (before?.delivery === "email" || before?.reportedSentAt) {
      // An office gets one letter per person per campaign: one e-mailed, or that the person says they sent, is never sent again.
      copies.push({ key: letter.legislatorKey, to, delivery: "already-sent", text: before.constituentMessage, ...reach, callScript: null, sentUrl: null });
      continue;
    }
    let outboxId: number | null = null;
    if (letter.delivery === "email" && letter.recipientEmail) {
      const text = composeDeliveredLetter({ constituentMessage: letter.constituentMessage, organisationStatement: letter.organisationStatement, orgName: p.orgName });
      ({ outboxId } = await queueEmail(tx, p.jobs, {
        template: "advocacy.legislator-letter",
        to: letter.recipientEmail,
        from: p.from,
        replyTo: `"${details.name.replace(/"/g, "")}" <${p.email}>`,
        subject: letter.subject,
        text,
      }));
    }
    messages.push({ ...letter, website: letter.website ?? null, actionId: action.id, campaignId: campaign.id, outboxId, createdAt: now, updatedAt: now });
    copies.push({
      key: letter.legislatorKey,
      to,
      delivery: letter.delivery,
      text: letter.constituentMessage,
      ...reach,
      callScript: letter.delivery === "prepared" ? letter.callScript : null,
      sentUrl: null,
    });
  }
  const ids = messages.length
    ? await tx
        .insert(actionMessages)
        .values(messages)
        .onConflictDoUpdate({ target: [actionMessages.actionId, actionMessages.legislatorKey], set: updatedOnResend })
        .returning({ id: actionMessages.id, key: actionMessages.legislatorKey })
    : [];
  // Each prepared letter's copy carries its signed "I sent it" link (no sign-in needed).
  const idOf = new Map(ids.map((r) => [r.key, r.id]));
  for (const copy of copies) {
    const id = idOf.get(copy.key);
    if (copy.delivery === "prepared" && id) copy.sentUrl = `${p.appUrl}${sentPagePath(p.secretKey, campaign.slug, action.publicId, id)}`;
  }
  // A person who now writes to other offices (another district chosen) keeps no stale prepared letters.
  const stale = [...earlier.values()].filter((m) => m.delivery === "prepared" && !m.reportedSentAt).map((m) => m.id);
  if (stale.length) await tx.delete(actionMessages).where(inArray(actionMessages.id, stale));
  const resultUrl = `${p.appUrl}${sentPagePath(p.secretKey, campaign.slug, action.publicId)}`;
  const mail = campaignLetterCopyMail({ orgName: p.orgName, campaignTitle: campaign.title, name: details.name, letters: copies.map(({ key: _key, ...copy }) => copy), resultUrl });
  await queueEmail(tx, p.jobs, { template: "advocacy.letter-copy", to: p.email, from: p.from, ...mail });
  return action.publicId;
}
