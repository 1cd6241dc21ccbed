// A person writes to their legislators through a campaign: validate where they live and whom they
// write to and compose one letter per target. Signed in as the typed address, the action is
// recorded at once (record-campaign-action: one action per person per campaign, office e-mails
// queued in the same transaction). From any other browser it is held apart, with its own public id,
// and a link is e-mailed to the address: nothing reaches an office, and nothing the person wrote
// before is shown or changed, until that link is opened (docs/decisions/0012). Offices without an
// address get a "prepared" letter the person sends through the office's own form or by phone.
import { and, eq, ne } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Executor } from "~/db/client.server";
import { actionMessages, campaignActions, pendingCampaignActions } from "~/db/schema/index";
import type { HeldLetter } from "~/db/schema/index";
import { hitRateLimit, hitRateLimits } from "~/platform/rate-limit.server";
import type { RateLimitRule } from "~/platform/rate-limit.server";
import type { Services } from "~/platform/services";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { campaignLettersConfirmMail } from "~/domains/email/templates";
import { outboxStatuses } from "~/domains/email/outbox-status.server";
import { recordUpdatesConsent } from "~/domains/email/record-updates-consent.server";
import { hashToken, newToken } from "~/platform/tokens";
import { getSiteSettings } from "~/domains/site/queries.server";
import type { SiteSettings } from "~/domains/site/queries.server";
import { shortMemoPerDatabase } from "~/platform/short-memo";
import type { CampaignActionInput } from "~/domains/advocacy/advocacy.schema";
import { membersInDistrict, placeValues } from "./campaign-evidence.server";
import { campaignPhase, composeConstituentMessage, fillCallScript, fillLetter, fillPlaceholders, isStateTargeted, letterVersionFor, subjectFor } from "./campaign-rules";
import { storyToCompare } from "./delivery-rules";
import { messages } from "~/domains/advocacy/messages";
import { storyFingerprint } from "./story-fingerprint.server";
import type { PlaceholderValues } from "./campaign-rules";
import { planTargets } from "./campaign-targets.server";
import type { CampaignTarget } from "./campaign-targets.server";
import { recordCampaignAction } from "./record-campaign-action.server";
import { campaignForAction, findLegislatorCampaign, supportersForAction } from "./campaigns.server";
import type { Campaign } from "./campaigns.server";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import type { StateDistrictResolver } from "~/domains/advocacy/legislators/state-district-resolver";
import { stateNames } from "~/domains/advocacy/legislators/states";

export const actionLimits = {
  perIp: { name: "act:ip", limit: 20, windowSeconds: 600 },
  perEmail: { name: "act:email", limit: 10, windowSeconds: 3600 },
  /** Links to confirm held letters, per address (beyond this, silently none). */
  confirmMailsPerAddress: { name: "act:confirm-mail", limit: 3, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

export const duplicateStoryMessage = messages.duplicateStory;

export type SendOutcome =
  /** isHeld: kept apart until the address confirms it; publicId is then the held action's. */
  | { ok: true; publicId: string; isHeld: boolean }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string>; formError: string | null };

const invalid = (fieldErrors: Record<string, string>, formError: string | null = null): SendOutcome => ({ ok: false, reason: "invalid", fieldErrors, formError });

/** Where a "Keep me updated" ticked on a letter came from. */
const updatesSource = (slug: string) => ({ kind: "legislator-letter" as const, ref: slug });

/** The key under which a "Keep me updated" consent waits for a held action's link. */
export const heldActionUpdatesRef = (tokenHash: string) => `held-action:${tokenHash}`;

/** How long the link to confirm held letters works. */
export const heldActionHours = 72;

const siteSettings = shortMemoPerDatabase<SiteSettings>(5_000);

/** Today in the organisation's time zone, as YYYY-MM-DD. */
export const localDate = (now: Date, timeZone: string) => DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;

/** The letter, its subject (matching the letter's version) and the call script for one target, every placeholder filled. */
function letterFor(campaign: Campaign, input: CampaignActionInput, target: CampaignTarget, values: PlaceholderValues & { sender_name: string; sender_city: string; sender_zip: string }) {
  const version = letterVersionFor(target.isSupporter, campaign);
  const body = version === "supporter" ? input.supporterLetter || campaign.supporterLetterMarkdown : input.letter;
  const filled = { ...values, legislator_title: target.title, legislator_name: target.name, district: target.district };
  return {
    version,
    subject: fillPlaceholders(subjectFor(version, campaign), filled),
    body: fillLetter(body, filled),
    callScript: campaign.phoneScript ? fillCallScript(campaign.phoneScript, filled) : null,
  };
}

export async function sendCampaignLetter(p: Services & { slug: string; input: CampaignActionInput; ip: string | null; resolver?: StateDistrictResolver; isProven: boolean }): Promise<SendOutcome> {
  const { db, jobs, clock, appUrl, mailFrom, input } = p;
  const now = clock();
  // Every attempt counts, per connection and per address (the limits leave room for corrections).
  const limited = await hitRateLimits(
    db,
    [
      [actionLimits.perIp, p.ip ?? "unknown"],
      [actionLimits.perEmail, input.email],
    ],
    now,
  );
  if (!limited.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limited.retryAfterSeconds };

  const campaign = await campaignForAction(db, p.slug, now);
  if (!campaign) return { ok: false, reason: "not-found" };
  const { organisation, officeHours } = await siteSettings.get(db, "site", now, () => getSiteSettings(db));
  const phase = campaignPhase(campaign, localDate(now, officeHours.timeZone));
  if (phase !== "open") return invalid({}, phase === "ended" ? "This campaign has ended: thank you for wanting to help." : "This campaign has not started yet.");

  const lookup = await findLegislatorsByZip(db, input.zip);
  if (!lookup.ok) return invalid({ zip: lookup.message });
  const plan = await planTargets({ db, campaign, lookup, choice: input, supporters: await supportersForAction(db, campaign.id, now), resolver: p.resolver });
  if (Object.keys(plan.missing).length) return invalid(plan.missing);
  const state = plan.state!;
  if (!isStateTargeted(campaign, state)) return invalid({}, `This campaign is for people in ${campaign.targetStates.map((s) => stateNames[s] ?? s).join(", ")}.`);
  if (!plan.targets.length) return invalid({}, `We have no contact details for the legislators this campaign writes to in ${plan.stateName}.`);

  // Only words the person wrote are compared: an empty story is nobody's duplicate.
  const ownStory = storyToCompare(input.story);
  const storyHash = ownStory ? storyFingerprint(ownStory) : null;
  if (storyHash) {
    const [copied] = await db
      .select({ id: campaignActions.id })
      .from(campaignActions)
      .where(and(eq(campaignActions.campaignId, campaign.id), eq(campaignActions.storyHash, storyHash), ne(campaignActions.email, input.email)))
      .limit(1);
    if (copied) return invalid({ story: duplicateStoryMessage });
  }

  const sender = { name: input.name, email: input.email, street: input.street, city: input.city, state, zip: input.zip };
  const place = { ...(await placeValues(db, state, now)), sender_name: input.name, sender_city: input.city, sender_zip: input.zip };
  const districtCount = plan.chosenDistrict ? await membersInDistrict(db, plan.chosenDistrict, now) : place.members_in_state;
  const letters: HeldLetter[] = plan.targets.map((target) => {
    const values = { ...place, members_in_district: target.kind === "us-house" ? districtCount : place.members_in_state };
    const letter = letterFor(campaign, input, target, values);
    return {
      legislatorKey: target.key,
      targetName: target.name,
      targetTitle: target.title,
      target: target.kind,
      state: target.state,
      district: target.district,
      version: letter.version,
      subject: letter.subject,
      organisationStatement: campaign.organisationStatement,
      constituentMessage: composeConstituentMessage({ greeting: `${target.title} ${target.name}`, letter: letter.body, story: input.story, sender }),
      delivery: target.email ? "email" : "prepared",
      recipientEmail: target.email,
      phone: target.phone,
      // Only a real contact form is offered as one; the office's site is kept apart.
      contactUrl: target.contactForm,
      website: target.website,
      callScript: letter.callScript,
    };
  });
  const details = { name: input.name, street: input.street, city: input.city, state, zip: input.zip, district: plan.chosenDistrict, story: input.story, storyHash, ip: p.ip };
  const from = senderAddress(mailFrom, organisation);

  if (p.isProven) {
    // Signed in as this very address: the person's own action, written at once.
    const publicId = await db.transaction(async (tx) => {
      const id = await recordCampaignAction(tx, { jobs, appUrl, secretKey: p.secretKey, from, orgName: organisation.name, campaign, email: input.email, details, letters, now });
      if (input.keepUpdated) await recordUpdatesConsent(tx, { jobs, clock, appUrl, mailFrom, email: input.email, source: updatesSource(campaign.slug), proof: { kind: "proven" }, ip: p.ip });
      return id;
    });
    return { ok: true, publicId, isHeld: false };
  }
  // Anyone else: kept apart until the address confirms it (see docs/decisions/0012).
  const publicId = await db.transaction(async (tx) => {
    const token = newToken();
    const [held] = await tx
      .insert(pendingCampaignActions)
      .values({
        ...details,
        publicId: newToken(16),
        campaignId: campaign.id,
        email: input.email,
        letters,
        confirmTokenHash: hashToken(token),
        confirmExpiresAt: new Date(now.getTime() + heldActionHours * 3_600_000),
        createdAt: now,
      })
      .returning({ publicId: pendingCampaignActions.publicId });
    // "Keep me updated" waits for the held action's own link: one e-mail, one click, letters and updates.
    if (input.keepUpdated)
      await recordUpdatesConsent(tx, {
        jobs,
        clock,
        appUrl,
        mailFrom,
        email: input.email,
        source: updatesSource(campaign.slug),
        proof: { kind: "awaits-action", ref: heldActionUpdatesRef(hashToken(token)) },
        ip: p.ip,
      });
    // At most a few links an hour to one address, silently: the page cannot say more without telling who wrote before.
    if ((await hitRateLimit(tx, actionLimits.confirmMailsPerAddress, input.email, now)).allowed) {
      const office = (l: HeldLetter) => `${l.targetTitle} ${l.targetName}`;
      const mail = campaignLettersConfirmMail({
        orgName: organisation.name,
        campaignTitle: campaign.title,
        waiting: letters.filter((l) => l.delivery === "email").map(office),
        prepared: letters.filter((l) => l.delivery === "prepared").map(office),
        confirmUrl: `${appUrl}/act/confirm?token=${token}`,
        hours: heldActionHours,
      });
      await queueEmail(tx, jobs, { template: "advocacy.confirm-letters", to: input.email, from, ...mail });
    }
    return held.publicId;
  });
  return { ok: true, publicId, isHeld: true };
}

/**
 * The person's letters after sending, with each e-mail's outbox status. The public id finds them;
 * the caller shows them only to a browser that proved the address (letter-links canSeeLetters).
 */
export async function findSentAction(db: Executor, slug: string, publicId: string) {
  const campaign = await findLegislatorCampaign(db, slug, { includeUnpublished: true });
  if (!campaign) return null;
  const [action] = await db
    .select()
    .from(campaignActions)
    .where(and(eq(campaignActions.publicId, publicId), eq(campaignActions.campaignId, campaign.id)))
    .limit(1);
  if (!action) return null;
  const messages = await db.select().from(actionMessages).where(eq(actionMessages.actionId, action.id)).orderBy(actionMessages.id);
  const statuses = await outboxStatuses(
    db,
    messages.flatMap((m) => (m.outboxId ? [m.outboxId] : [])),
  );
  return { campaign, action, messages: messages.map((m) => ({ ...m, outbox: m.outboxId ? statuses.get(m.outboxId) : undefined })) };
}
