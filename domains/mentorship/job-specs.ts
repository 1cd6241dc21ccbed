// The mentorship context's kinds of job (specs only; workers in jobs.server.ts).
import { z } from "zod";
import type { JobSpec } from "~/platform/queue.server";

/** Hourly: expire unanswered introductions, ask for feedback, nudge stalled mentorships (sweep.server.ts). */
export const sweepMentorshipsJob = { name: "mentorship.sweep", schema: z.object({}).passthrough(), retryLimit: 2, cron: "23 * * * *" } satisfies JobSpec;

export const mentorshipJobSpecs = [sweepMentorshipsJob];
