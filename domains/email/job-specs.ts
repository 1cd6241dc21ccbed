// The email context's kinds of job (specs only; the worker is deliver-outbox-message.server.ts).
import { z } from "zod";
import type { JobSpec } from "~/platform/queue.server";

export const deliverEmailJob = {
  name: "email.deliver-message",
  schema: z.object({ outboxId: z.number().int().positive() }),
  retryLimit: 5,
} satisfies JobSpec;

export const emailJobSpecs = [deliverEmailJob];
