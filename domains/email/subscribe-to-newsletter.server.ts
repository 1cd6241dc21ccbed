// Double opt-in subscription. Whatever the address's state, the caller gets the same answer,
// so the form never reveals who is on the list; only the mailbox's owner learns more.
import { eq } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { subscribers } from "~/db/schema/index";
import { hitRateLimit, rateLimits } from "~/platform/rate-limit.server";
import type { Services } from "~/platform/services";
import { getSiteSettings } from "~/domains/site/queries.server";
import { queueEmail, senderAddress } from "./queue-email.server";
import { alreadySubscribedMail, confirmSubscriptionMail } from "./templates";
import { hashToken, newPublicId, newToken } from "~/platform/tokens";
import type { SubscribeInput } from "./email.schema";

export const confirmationValidHours = 48;

export const unsubscribeUrl = (appUrl: string, token: string) => `${appUrl}/unsubscribe?token=${token}`;

export type SubscribeOutcome = { ok: true } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function subscribeToNewsletter({ db, jobs, clock, appUrl, mailFrom, input, ip }: Services & { input: SubscribeInput; ip: string | null }): Promise<SubscribeOutcome> {
  const now = clock();
  const perIp = await hitRateLimit(db, rateLimits.subscribePerIp, ip ?? "unknown", now);
  if (!perIp.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: perIp.retryAfterSeconds };
  const { organisation } = await getSiteSettings(db);
  const from = senderAddress(mailFrom, organisation);
  await db.transaction((tx) => startDoubleOptIn(tx, { jobs, clock, appUrl, from, orgName: organisation.name, email: input.email, source: input.source, ip, tellIfActive: true }));
  return { ok: true };
}

/**
 * Records the address as pending and mails the confirmation link (quietly capped per address, so
 * no form can flood an inbox). An address already on the list gets an "already subscribed" note
 * when tellIfActive, else nothing. Returns the link's token hash, or null when no link was sent.
 */
export async function startDoubleOptIn(
  tx: Executor,
  p: Pick<Services, "jobs" | "clock" | "appUrl"> & { from: string; orgName: string; email: string; source: string; ip: string | null; tellIfActive: boolean },
): Promise<string | null> {
  const { jobs, appUrl, email } = p;
  const now = p.clock();
  const perAddress = await hitRateLimit(tx, rateLimits.confirmationMailsPerAddress, email, now);
  if (!perAddress.allowed) return null;

  const [existing] = await tx.select().from(subscribers).where(eq(subscribers.email, email)).limit(1);
  if (existing?.status === "active") {
    if (!p.tellIfActive) return null;
    const mail = alreadySubscribedMail({ orgName: p.orgName, unsubscribeUrl: unsubscribeUrl(appUrl, existing.unsubscribeToken) });
    await queueEmail(tx, jobs, { template: "newsletter.already-subscribed", to: email, from: p.from, ...mail, headers: listHeaders(appUrl, existing.unsubscribeToken) });
    return null;
  }
  const token = newToken();
  const fields = {
    status: "pending" as const,
    source: p.source,
    confirmTokenHash: hashToken(token),
    confirmExpiresAt: new Date(now.getTime() + confirmationValidHours * 3_600_000),
    lastConfirmationSentAt: now,
    consentIp: p.ip,
  };
  const [row] = existing
    ? await tx
        .update(subscribers)
        .set({ ...fields, confirmationsSent: existing.confirmationsSent + 1 })
        .where(eq(subscribers.id, existing.id))
        .returning()
    : await tx
        .insert(subscribers)
        .values({ ...fields, email, publicId: newPublicId(), unsubscribeToken: newToken(), confirmationsSent: 1, createdAt: now })
        .returning();
  const mail = confirmSubscriptionMail({
    orgName: p.orgName,
    confirmUrl: `${appUrl}/newsletter/confirm?token=${token}`,
    unsubscribeUrl: unsubscribeUrl(appUrl, row.unsubscribeToken),
    expiresInHours: confirmationValidHours,
  });
  await queueEmail(tx, jobs, { template: "newsletter.confirm", to: email, from: p.from, ...mail, headers: listHeaders(appUrl, row.unsubscribeToken) });
  return fields.confirmTokenHash;
}

/** RFC 2369 / RFC 8058 headers: mail clients show an unsubscribe button that works in one click. */
export function listHeaders(appUrl: string, token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(appUrl, token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
