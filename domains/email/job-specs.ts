// The email context's kinds of job (specs only; workers in deliver-outbox-message.server.ts and
// newsletters/jobs.server.ts). Newsletters have queues of their own: a bulk send never delays
// the transactional queue (sign-in links, confirmations, receipts, letters).
import { z } from "zod";
import type { JobSpec } from "~/platform/queue.server";

export const deliverEmailJob = {
  name: "email.deliver-message",
  schema: z.object({ outboxId: z.number().int().positive() }),
  retryLimit: 5,
} satisfies JobSpec;

/** Sends a newsletter's recipients (several of these run at once, in any worker processes). */
export const sendNewsletterJob = {
  name: "email.send-newsletter",
  schema: z.object({ newsletterId: z.number().int().positive(), slot: z.number().int().min(0).max(64) }),
  retryLimit: 3,
} satisfies JobSpec;

/** Every minute: starts scheduled newsletters that are due, and picks up sends nobody is working on. */
export const sweepNewslettersJob = {
  name: "email.sweep-newsletters",
  schema: z.object({}).passthrough(),
  retryLimit: 1,
  cron: "* * * * *",
} satisfies JobSpec;

export const emailJobSpecs = [deliverEmailJob, sendNewsletterJob, sweepNewslettersJob];
