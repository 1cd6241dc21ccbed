// A person writes to their legislators through a campaign: validate where they live and whom they
// write to, store one action per person per campaign and one message per target (sending again
// updates them), and, in the same transaction, queue an e-mail to every office that publishes an
// address (Reply-To the constituent) and a copy for the person. Offices without an address get a
// "prepared" letter the person sends through the office's own form or by phone.
import { and, eq, getTableColumns, inArray, ne, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Executor } from "../../db/client.server";
import { actionMessages, campaignActions } from "../../db/schema/index";
import { hitRateLimits } from "../../platform/rate-limit.server";
import type { RateLimitRule } from "../../platform/rate-limit.server";
import type { Services } from "../../platform/services";
import { queueEmail, senderAddress } from "../email/queue-email.server";
import { campaignLetterCopyMail } from "../email/templates";
import type { LetterCopy } from "../email/templates";
import { newToken } from "../email/tokens";
import { getSiteSettings } from "../site/queries.server";
import type { SiteSettings } from "../site/queries.server";
import { shortMemoPerDatabase } from "../../platform/short-memo";
import type { CampaignActionInput } from "./advocacy.schema";
import { membersInDistrict, placeValues } from "./campaign-evidence.server";
import { campaignPhase, composeConstituentMessage, composeDeliveredLetter, fillLetter, fillPlaceholders, isStateTargeted, letterVersionFor } from "./campaign-rules";
import { storyFingerprint } from "./story-fingerprint.server";
import type { PlaceholderValues } from "./campaign-rules";
import { planTargets } from "./campaign-targets.server";
import type { CampaignTarget } from "./campaign-targets.server";
import { campaignForAction, findLegislatorCampaign, supportersForAction } from "./campaigns.server";
import type { Campaign } from "./campaigns.server";
import { findLegislatorsByZip } from "./legislator-directory.server";
import type { StateDistrictResolver } from "./state-district-resolver";
import { stateNames } from "./states";

export const actionLimits = {
  perIp: { name: "act:ip", limit: 20, windowSeconds: 600 },
  perEmail: { name: "act:email", limit: 10, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

export const duplicateStoryMessage = "These exact words were already sent by someone else in this campaign. Please tell your story in your own words.";

export type SendOutcome =
  | { ok: true; publicId: string }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string>; formError: string | null };

const invalid = (fieldErrors: Record<string, string>, formError: string | null = null): SendOutcome => ({ ok: false, reason: "invalid", fieldErrors, formError });

/** What sending again replaces in a prepared letter: everything but its identity and first date. */
const updatedOnResend = Object.fromEntries(
  Object.entries(getTableColumns(actionMessages))
    .filter(([key]) => !["id", "actionId", "legislatorKey", "createdAt"].includes(key))
    .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
);

const siteSettings = shortMemoPerDatabase<SiteSettings>(5_000);

/** Today in the organisation's time zone, as YYYY-MM-DD. */
export const localDate = (now: Date, timeZone: string) => DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;

/** The letter and its subject for one target, every placeholder filled. */
function letterFor(campaign: Campaign, input: CampaignActionInput, target: CampaignTarget, values: PlaceholderValues) {
  const version = letterVersionFor(target.isSupporter, campaign);
  const body = version === "supporter" ? input.supporterLetter || campaign.supporterLetterMarkdown : input.letter;
  const filled = { ...values, legislator_title: target.title, legislator_name: target.name, district: target.district };
  return { version, subject: fillPlaceholders(campaign.letterSubject || campaign.title, filled), body: fillLetter(body, filled) };
}

export async function sendCampaignLetter(
  p: Services & { slug: string; input: CampaignActionInput; ip: string | null; resolver?: StateDistrictResolver },
): Promise<SendOutcome> {
  const { db, jobs, clock, appUrl, mailFrom, input } = p;
  const now = clock();
  // Every attempt counts, per connection and per address (the limits leave room for corrections).
  const limited = await hitRateLimits(db, [[actionLimits.perIp, p.ip ?? "unknown"], [actionLimits.perEmail, input.email]], now);
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

  const storyHash = storyFingerprint(input.story);
  if (storyHash) {
    const [copied] = await db
      .select({ id: campaignActions.id })
      .from(campaignActions)
      .where(and(eq(campaignActions.campaignId, campaign.id), eq(campaignActions.storyHash, storyHash), ne(campaignActions.email, input.email)))
      .limit(1);
    if (copied) return invalid({ story: duplicateStoryMessage });
  }

  const sender = { name: input.name, email: input.email, street: input.street, city: input.city, state, zip: input.zip };
  const place = { ...(await placeValues(db, state, now)), sender_name: input.name, sender_city: input.city };
  const districtCount = plan.chosenDistrict ? await membersInDistrict(db, plan.chosenDistrict, now) : place.members_in_state;
  const from = senderAddress(mailFrom, organisation);

  const publicId = await db.transaction(async (tx) => {
    const details = { name: input.name, street: input.street, city: input.city, state, zip: input.zip, district: plan.chosenDistrict, story: input.story, storyHash, ip: p.ip, updatedAt: now };
    const [action] = await tx
      .insert(campaignActions)
      .values({ ...details, publicId: newToken(16), campaignId: campaign.id, email: input.email, createdAt: now })
      .onConflictDoUpdate({ target: [campaignActions.campaignId, campaignActions.email], set: details })
      .returning({ id: campaignActions.id, publicId: campaignActions.publicId, isNew: sql<boolean>`xmax = 0` });
    // Only a person writing again has earlier letters to update.
    const earlier = new Map(action.isNew ? [] : (await tx.select().from(actionMessages).where(eq(actionMessages.actionId, action.id))).map((m) => [m.legislatorKey, m]));
    const copies: LetterCopy[] = [];
    const messages: (typeof actionMessages.$inferInsert)[] = [];
    for (const target of plan.targets) {
      const values = { ...place, members_in_district: target.kind === "us-house" ? districtCount : place.members_in_state };
      const letter = letterFor(campaign, input, target, values);
      const constituentMessage = composeConstituentMessage({ greeting: `${target.title} ${target.name}`, letter: letter.body, story: input.story, sender });
      const to = `${target.title} ${target.name} (${target.district})`;
      const callScript = campaign.phoneScript ? fillPlaceholders(campaign.phoneScript, { ...values, legislator_title: target.title, legislator_name: target.name, district: target.district }) : null;
      const before = earlier.get(target.key);
      earlier.delete(target.key);
      if (before?.delivery === "email") {
        // An office gets one letter per person per campaign: an e-mailed letter is never sent twice.
        copies.push({ to, delivery: "already-sent", text: before.constituentMessage, phone: target.phone, contactForm: target.contactForm, callScript: null });
        continue;
      }
      const delivery = target.email ? "email" : "prepared";
      let outboxId: number | null = null;
      if (target.email) {
        const text = composeDeliveredLetter({ constituentMessage, organisationStatement: campaign.organisationStatement, orgName: organisation.name });
        ({ outboxId } = await queueEmail(tx, jobs, { template: "advocacy.legislator-letter", to: target.email, from, replyTo: `"${input.name.replace(/"/g, "")}" <${input.email}>`, subject: letter.subject, text }));
      }
      messages.push({
        actionId: action.id,
        legislatorKey: target.key,
        campaignId: campaign.id,
        targetName: target.name,
        targetTitle: target.title,
        target: target.kind,
        state: target.state,
        district: target.district,
        version: letter.version,
        subject: letter.subject,
        organisationStatement: campaign.organisationStatement,
        constituentMessage,
        delivery,
        recipientEmail: target.email,
        phone: target.phone,
        contactUrl: target.contactForm ?? target.website,
        callScript,
        outboxId,
        createdAt: now,
        updatedAt: now,
      });
      copies.push({ to, delivery, text: constituentMessage, phone: target.phone, contactForm: target.contactForm ?? target.website, callScript: delivery === "prepared" ? callScript : null });
    }
    if (messages.length) await tx.insert(actionMessages).values(messages).onConflictDoUpdate({ target: [actionMessages.actionId, actionMessages.legislatorKey], set: updatedOnResend });
    // A person who now writes to other offices (another district chosen) keeps no stale prepared letters.
    const stale = [...earlier.values()].filter((m) => m.delivery === "prepared").map((m) => m.id);
    if (stale.length) await tx.delete(actionMessages).where(inArray(actionMessages.id, stale));
    const resultUrl = `${appUrl}/act/${campaign.slug}/sent/${action.publicId}`;
    const mail = campaignLetterCopyMail({ orgName: organisation.name, campaignTitle: campaign.title, name: input.name, letters: copies, resultUrl });
    await queueEmail(tx, jobs, { template: "advocacy.letter-copy", to: input.email, from, ...mail });
    return action.publicId;
  });
  return { ok: true, publicId };
}

/** The person's letters after sending (the page the public id links to; it is the only key). */
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
  return { campaign, action, messages };
}
