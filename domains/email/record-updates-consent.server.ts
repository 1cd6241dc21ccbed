// "Keep me updated" on an action (an open-letter signature, a contact message, a letter to
// legislators, a membership application): records the consent as given (the words, the time, the
// action and its campaign or letter) and subscribes the person once, and only once, their address
// is proven (docs/decisions/0012, 0019). It owns the consent records; the action owns its own
// confirmation link and tells this module when that link is opened.
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { subscribers, subscriptionConsents } from "~/db/schema/index";
import type { Services } from "~/platform/services";
import { getSiteSettings } from "~/domains/site/queries.server";
import { newPublicId, newToken } from "~/platform/tokens";
import { messages } from "./messages";
import { senderAddress } from "./queue-email.server";
import { startDoubleOptIn } from "./subscribe-to-newsletter.server";

/** Which action the consent was given on, and which campaign or letter (its slug). */
export type UpdatesSource = { kind: "open-letter" | "contact" | "legislator-letter" | "membership-application"; ref?: string };

/**
 * What proves the address, from the caller:
 * - "proven": the person is signed in as this address, or is opening the action's own e-mailed link now;
 * - "awaits-action": the action mailed its own confirmation link; `ref` is an opaque key (e.g. that
 *   link's token hash) the action passes to `confirmUpdatesConsent` when the link is opened;
 * - "none": the action has no confirmation of its own: the newsletter's double opt-in mail is sent.
 */
export type AddressProof = { kind: "proven" } | { kind: "awaits-action"; ref: string } | { kind: "none" };

export type UpdatesConsentOutcome = "subscribed" | "awaiting-action" | "confirmation-sent" | "not-sent";

/** The subscriber's own `source` column: where the address first came from. */
const sourceLabel = (source: UpdatesSource) => (source.ref ? `${source.kind}:${source.ref}` : source.kind);

/**
 * Call inside the action's transaction when the box was ticked. Never subscribes an address that
 * is not proven: without proof the consent waits (for the action's link or the opt-in mail).
 */
export async function recordUpdatesConsent(
  tx: Executor,
  p: Pick<Services, "jobs" | "clock" | "appUrl" | "mailFrom"> & { email: string; source: UpdatesSource; proof: AddressProof; ip: string | null },
): Promise<UpdatesConsentOutcome> {
  const now = p.clock();
  const consent = { email: p.email, sourceKind: p.source.kind, sourceRef: p.source.ref ?? "", consentText: messages.updatesConsent, ip: p.ip, consentedAt: now };
  if (p.proof.kind === "proven") {
    await tx.insert(subscriptionConsents).values({ ...consent, confirmedAt: now });
    await activateSubscriber(tx, p.email, sourceLabel(p.source), p.ip, now);
    return "subscribed";
  }
  if (p.proof.kind === "awaits-action") {
    // A newer submission of the same action replaces its link: only the consent of the live link waits.
    await tx
      .delete(subscriptionConsents)
      .where(
        and(
          eq(subscriptionConsents.email, p.email),
          eq(subscriptionConsents.sourceKind, consent.sourceKind),
          eq(subscriptionConsents.sourceRef, consent.sourceRef),
          isNull(subscriptionConsents.confirmedAt),
        ),
      );
    await tx.insert(subscriptionConsents).values({ ...consent, awaitingRef: p.proof.ref });
    return "awaiting-action";
  }
  const { organisation } = await getSiteSettings(tx);
  const tokenHash = await startDoubleOptIn(tx, {
    jobs: p.jobs,
    clock: p.clock,
    appUrl: p.appUrl,
    from: senderAddress(p.mailFrom, organisation),
    orgName: organisation.name,
    email: p.email,
    source: sourceLabel(p.source),
    ip: p.ip,
    tellIfActive: false,
  });
  await tx.insert(subscriptionConsents).values({ ...consent, awaitingRef: tokenHash ? newsletterRef(tokenHash) : null });
  return tokenHash ? "confirmation-sent" : "not-sent";
}

/**
 * Call from the action's confirm step, in its transaction, once its link has been opened (the
 * address is proven): subscribes the address of the consent waiting under `ref`, if any.
 */
export async function confirmUpdatesConsent(tx: Executor, { clock, ref }: Pick<Services, "clock"> & { ref: string }): Promise<boolean> {
  const now = clock();
  const rows = await tx
    .update(subscriptionConsents)
    .set({ confirmedAt: now, awaitingRef: null })
    .where(and(eq(subscriptionConsents.awaitingRef, ref), isNull(subscriptionConsents.confirmedAt)))
    .returning();
  for (const row of rows) await activateSubscriber(tx, row.email, sourceLabel({ kind: row.sourceKind as UpdatesSource["kind"], ref: row.sourceRef || undefined }), row.ip, now);
  return rows.length > 0;
}

/** Whether a consent waits for the action's link (its confirm page says that updates come too). */
export async function isUpdatesConsentAwaiting(db: Executor, ref: string): Promise<boolean> {
  const [row] = await db
    .select({ id: subscriptionConsents.id })
    .from(subscriptionConsents)
    .where(and(eq(subscriptionConsents.awaitingRef, ref), isNull(subscriptionConsents.confirmedAt)))
    .limit(1);
  return row !== undefined;
}

/** The newsletter's own link confirms the consents that waited for it (called by confirmSubscription). */
export const newsletterRef = (tokenHash: string) => `newsletter:${tokenHash}`;

/** On the list from now on; a person who unsubscribed before and ticked the box again is back, by their new consent. */
async function activateSubscriber(tx: Executor, email: string, source: string, ip: string | null, now: Date): Promise<void> {
  const [existing] = await tx.select().from(subscribers).where(eq(subscribers.email, email)).limit(1);
  if (existing?.status === "active") return;
  const active = { status: "active" as const, confirmedAt: now, unsubscribedAt: null, confirmTokenHash: null, confirmExpiresAt: null, consentIp: ip };
  if (existing) await tx.update(subscribers).set(active).where(eq(subscribers.id, existing.id));
  else await tx.insert(subscribers).values({ ...active, email, source, publicId: newPublicId(), unsubscribeToken: newToken(), createdAt: now });
}
