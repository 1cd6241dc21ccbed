// Held letters (written from a browser that did not prove the address; see send-campaign-letter):
// what the link's page shows, confirming them (the link works once and until it expires: the
// held action is merged into the person's action and the office e-mails are queued in the same
// transaction), and the held action's own page, which shows only what was typed with it.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { campaigns, pendingCampaignActions } from "~/db/schema/index";
import type { Services } from "~/platform/services";
import { senderAddress } from "~/domains/email/queue-email.server";
import { confirmUpdatesConsent, isUpdatesConsentAwaiting } from "~/domains/email/record-updates-consent.server";
import { hashToken } from "~/platform/tokens";
import { getSiteSettings } from "~/domains/site/queries.server";
import { findLegislatorCampaign } from "./campaigns.server";
import { recordCampaignAction } from "./record-campaign-action.server";
import { sentPagePath } from "./letter-links";
import { heldActionUpdatesRef } from "./send-campaign-letter.server";

const office = (l: { targetTitle: string; targetName: string }) => `${l.targetTitle} ${l.targetName}`;

/** What the confirmation page shows before the button: who signs, and what goes where. */
export async function findHeldActionByToken(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select({ held: pendingCampaignActions, title: campaigns.title })
    .from(pendingCampaignActions)
    .innerJoin(campaigns, eq(campaigns.id, pendingCampaignActions.campaignId))
    .where(and(eq(pendingCampaignActions.confirmTokenHash, hashToken(token)), gt(pendingCampaignActions.confirmExpiresAt, now), isNull(pendingCampaignActions.confirmedAt)))
    .limit(1);
  if (!row) return null;
  const { held } = row;
  return {
    campaignTitle: row.title,
    signedAs: { name: held.name, street: held.street, city: held.city, state: held.state, zip: held.zip },
    emailed: held.letters.filter((l) => l.delivery === "email").map(office),
    prepared: held.letters.filter((l) => l.delivery === "prepared").map(office),
    /** "Keep me updated" was ticked: the same button subscribes the address. */
    keepsUpdated: await isUpdatesConsentAwaiting(db, heldActionUpdatesRef(hashToken(token))),
  };
}

/** path: the person's letters page, with its signed key (the browser opened the e-mailed link: it proved the address). */
export type ConfirmLettersOutcome = { ok: true; slug: string; publicId: string; path: string } | { ok: false };

/** Opens the link: merges the held action into the person's action; only now do offices get e-mail. */
export async function confirmHeldAction({ db, jobs, clock, appUrl, mailFrom, secretKey, token }: Services & { token: string }): Promise<ConfirmLettersOutcome> {
  const now = clock();
  const { organisation } = await getSiteSettings(db);
  return db.transaction(async (tx) => {
    // One statement claims the link, so two presses (or two tabs) merge it once.
    const [held] = await tx
      .update(pendingCampaignActions)
      .set({ confirmTokenHash: null, confirmedAt: now })
      .where(and(eq(pendingCampaignActions.confirmTokenHash, hashToken(token)), gt(pendingCampaignActions.confirmExpiresAt, now), isNull(pendingCampaignActions.confirmedAt)))
      .returning();
    if (!held) return { ok: false } as const;
    // The link proved the address: a "Keep me updated" ticked with these letters subscribes now.
    await confirmUpdatesConsent(tx, { clock: () => now, ref: heldActionUpdatesRef(hashToken(token)) });
    const [campaign] = await tx.select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title }).from(campaigns).where(eq(campaigns.id, held.campaignId)).limit(1);
    const details = { name: held.name, street: held.street, city: held.city, state: held.state, zip: held.zip, district: held.district, story: held.story, storyHash: held.storyHash, ip: held.ip };
    const publicId = await recordCampaignAction(tx, {
      jobs,
      appUrl,
      secretKey,
      from: senderAddress(mailFrom, organisation),
      orgName: organisation.name,
      campaign,
      email: held.email,
      details,
      letters: held.letters,
      now,
    });
    return { ok: true, slug: campaign.slug, publicId, path: sentPagePath(secretKey, campaign.slug, publicId) } as const;
  });
}

/**
 * A held action's page (its random public id is the key): only what was typed with it, never the
 * person's earlier action. Status: waiting for the link, confirmed, or the link expired.
 */
export async function findHeldAction(db: Executor, slug: string, publicId: string, now: Date) {
  const campaign = await findLegislatorCampaign(db, slug, { includeUnpublished: true });
  if (!campaign) return null;
  const [held] = await db
    .select()
    .from(pendingCampaignActions)
    .where(and(eq(pendingCampaignActions.publicId, publicId), eq(pendingCampaignActions.campaignId, campaign.id)))
    .limit(1);
  if (!held) return null;
  const status = held.confirmedAt ? ("confirmed" as const) : held.confirmExpiresAt > now ? ("waiting" as const) : ("expired" as const);
  return { campaign, held, status };
}

/** Held actions of one address (for "my data"), and forgetting them (account deletion). */
export async function heldActionsOf(db: Executor, email: string) {
  return db
    .select({ held: pendingCampaignActions, campaign: campaigns.title })
    .from(pendingCampaignActions)
    .innerJoin(campaigns, eq(campaigns.id, pendingCampaignActions.campaignId))
    .where(eq(pendingCampaignActions.email, email));
}
