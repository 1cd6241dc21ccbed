// A message from the contact form: stored, staff notified, sender sent a receipt, all in one
// transaction. Rate-limited per IP address.
import { contactMessages } from "~/db/schema/index";
import { hitRateLimit, rateLimits } from "~/platform/rate-limit.server";
import type { Services } from "~/platform/services";
import { queueEmail, senderAddress } from "~/domains/email/queue-email.server";
import { contactNotificationMail, contactReceiptMail } from "~/domains/email/templates";
import { newPublicId } from "~/platform/tokens";
import { summariseWeeklyHours } from "./office-hours";
import { getSiteSettings } from "./queries.server";
import type { ContactInput } from "./site.schema";

export type ContactOutcome = { ok: true; publicId: string } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function submitContactMessage({
  db,
  jobs,
  clock,
  mailFrom,
  input,
  ip,
  userAgent,
}: Services & { input: ContactInput; ip: string | null; userAgent: string | null }): Promise<ContactOutcome> {
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
    return { ok: true, publicId };
  });
}
