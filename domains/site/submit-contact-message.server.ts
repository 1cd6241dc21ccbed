// A message from the contact form: stored, staff notified, sender sent a receipt, all in one
// transaction. Rate-limited per IP address. "Keep me updated" is recorded with the email context.
import { contactMessages } from "~/db/schema/index";
import { hitRateLimit, rateLimits } from "~/platform/rate-limit.server";
import type { Services } from "~/platform/services";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { contactNotificationMail, contactReceiptMail } from "~/domains/email/templates";
import { newPublicId } from "~/platform/tokens";
import { recordUpdatesConsent } from "~/domains/email/record-updates-consent.server";
import { summariseWeeklyHours } from "./office-hours";
import { getSiteSettings } from "./queries.server";
import type { ContactInput } from "./site.schema";

export type ContactOutcome = { ok: true; publicId: string } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function submitContactMessage({
  db,
  jobs,
  clock,
  appUrl,
  mailFrom,
  input: { keepUpdated, ...input },
  ip,
  userAgent,
  isProven = false,
}: Services & { input: ContactInput; ip: string | null; userAgent: string | null; isProven?: boolean }): Promise<ContactOutcome> {
  const now = clock();
  const { organisation, officeHours } = await getSiteSettings(db);
  const from = senderAddress(mailFrom, organisation);
  return db.transaction(async (tx) => {
    const limit = await hitRateLimit(tx, rateLimits.contactPerIp, ip ?? "unknown", now);
    if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
    const publicId = newPublicId();
    await tx.insert(contactMessages).values({ publicId, ...input, ip, userAgent: userAgent?.slice(0, 400) ?? null, createdAt: now, updatedAt: now });
    const notification = contactNotificationMail({ ...input, receivedAt: now.toISOString() });
    await queueEmail(tx, jobs, {
      template: "contact.staff-notification",
      to: organisation.staffEmail ?? organisation.email,
      from,
      replyTo: input.email,
      ...notification,
    });
    const receipt = contactReceiptMail({ orgName: organisation.name, officeHours: summariseWeeklyHours(officeHours).join("; ") });
    await queueEmail(tx, jobs, { template: "contact.receipt", to: input.email, from, ...receipt });
    // The contact form has no confirmation link of its own: unless the sender is signed in as the
    // address, "Keep me updated" sends the newsletter's double opt-in mail.
    if (keepUpdated) await recordUpdatesConsent(tx, { jobs, clock, appUrl, mailFrom, email: input.email, source: { kind: "contact" }, proof: isProven ? { kind: "proven" } : { kind: "none" }, ip });
    return { ok: true, publicId };
  });
}
