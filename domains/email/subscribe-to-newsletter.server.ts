// Double opt-in subscription. Whatever the address's state, the caller gets the same answer,
// so the form never reveals who is on the list; only the mailbox's owner learns more.
import { eq } from "drizzle-orm";
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
  await db.transaction(async (tx) => {
    // Quietly cap mails to one address, so the form cannot be used to flood someone's inbox.
    const perAddress = await hitRateLimit(tx, rateLimits.confirmationMailsPerAddress, input.email, now);
    if (!perAddress.allowed) return;

    const [existing] = await tx.select().from(subscribers).where(eq(subscribers.email, input.email)).limit(1);
    if (existing?.status === "active") {
      const mail = alreadySubscribedMail({ orgName: organisation.name, unsubscribeUrl: unsubscribeUrl(appUrl, existing.unsubscribeToken) });
      await queueEmail(tx, jobs, { template: "newsletter.already-subscribed", to: input.email, from, ...mail, headers: listHeaders(appUrl, existing.unsubscribeToken) });
      return;
    }
    const token = newToken();
    const fields = {
      status: "pending" as const,
      source: input.source,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + confirmationValidHours * 3_600_000),
      lastConfirmationSentAt: now,
      consentIp: ip,
    };
    const [row] = existing
      ? await tx
          .update(subscribers)
          .set({ ...fields, confirmationsSent: existing.confirmationsSent + 1 })
          .where(eq(subscribers.id, existing.id))
          .returning()
      : await tx
          .insert(subscribers)
          .values({ ...fields, email: input.email, publicId: newPublicId(), unsubscribeToken: newToken(), confirmationsSent: 1, createdAt: now })
          .returning();
    const mail = confirmSubscriptionMail({
      orgName: organisation.name,
      confirmUrl: `${appUrl}/newsletter/confirm?token=${token}`,
      unsubscribeUrl: unsubscribeUrl(appUrl, row.unsubscribeToken),
      expiresInHours: confirmationValidHours,
    });
    await queueEmail(tx, jobs, { template: "newsletter.confirm", to: input.email, from, ...mail, headers: listHeaders(appUrl, row.unsubscribeToken) });
  });
  return { ok: true };
}

/** RFC 2369 / RFC 8058 headers: mail clients show an unsubscribe button that works in one click. */
export function listHeaders(appUrl: string, token: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(appUrl, token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
