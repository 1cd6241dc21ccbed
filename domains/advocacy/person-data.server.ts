// What advocacy holds about one person (by e-mail): their letters to legislators and their
// open-letter signatures, for "download my data"; and forgetting their letters on account deletion.
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { actionMessages, campaignActions, campaigns, pendingCampaignActions, signatures } from "~/db/schema/index";
import { heldActionsOf } from "./campaigns/confirm-held-action.server";

export async function exportAdvocacyData(db: Executor, email: string) {
  const actions = await db
    .select({ action: campaignActions, campaign: campaigns.title })
    .from(campaignActions)
    .innerJoin(campaigns, eq(campaigns.id, campaignActions.campaignId))
    .where(eq(campaignActions.email, email))
    .orderBy(asc(campaignActions.id));
  const messages = actions.length
    ? await db
        .select()
        .from(actionMessages)
        .where(
          inArray(
            actionMessages.actionId,
            actions.map((a) => a.action.id),
          ),
        )
        .orderBy(asc(actionMessages.id))
    : [];
  const signed = await db
    .select({ letter: campaigns.title, name: signatures.name, zip: signatures.zip, status: signatures.status, signedAt: signatures.createdAt })
    .from(signatures)
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
    .where(eq(signatures.email, email));
  const held = await heldActionsOf(db, email);
  return {
    lettersToLegislators: actions.map(({ action, campaign }) => ({
      campaign,
      name: action.name,
      street: action.street,
      city: action.city,
      state: action.state,
      zip: action.zip,
      district: action.district,
      story: action.story,
      sentAt: action.updatedAt.toISOString(),
      letters: messages
        .filter((m) => m.actionId === action.id)
        .map((m) => ({ to: `${m.targetTitle} ${m.targetName}`, district: m.district, delivery: m.delivery, subject: m.subject, text: m.constituentMessage })),
    })),
    // Letters written with this address from a browser that was not signed in as it, kept apart until confirmed.
    heldLettersToLegislators: held.map(({ held: h, campaign }) => ({
      campaign,
      name: h.name,
      street: h.street,
      city: h.city,
      zip: h.zip,
      story: h.story,
      writtenAt: h.createdAt.toISOString(),
      confirmed: h.confirmedAt !== null,
      letters: h.letters.map((l) => ({ to: `${l.targetTitle} ${l.targetName}`, district: l.district, delivery: l.delivery, subject: l.subject, text: l.constituentMessage })),
    })),
    openLetterSignatures: signed.map((s) => ({ ...s, signedAt: s.signedAt.toISOString() })),
  };
}

/**
 * Account deletion: the person's name, e-mail, address, story and letters' text are removed. What was
 * sent stays counted (campaign, state, district, office, delivery), with no one named.
 */
export async function forgetLetterWriter(db: Executor, email: string): Promise<void> {
  // Held letters were never counted or sent: nothing of them is kept.
  await db.delete(pendingCampaignActions).where(eq(pendingCampaignActions.email, email));
  const actions = await db.select({ id: campaignActions.id }).from(campaignActions).where(eq(campaignActions.email, email));
  if (!actions.length) return;
  const ids = actions.map((a) => a.id);
  await db.update(actionMessages).set({ constituentMessage: "[Removed at the writer's request.]" }).where(inArray(actionMessages.actionId, ids));
  await db
    .update(campaignActions)
    .set({ name: "(deleted)", email: sql`'deleted:' || ${campaignActions.publicId}`, street: "", city: "", story: "", storyHash: null, ip: null })
    .where(inArray(campaignActions.id, ids));
}
