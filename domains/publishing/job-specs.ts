// The publishing context's kinds of job (specs only; the workers are in jobs.server.ts).
import { z } from "zod";
import type { JobSpec } from "~/platform/queue.server";

/** Every minute: publishes the scheduled posts whose time has come (an idempotent sweep). */
export const publishDuePostsJob = { name: "publishing.publish-due-posts", schema: z.object({}).passthrough(), retryLimit: 1, cron: "* * * * *" } satisfies JobSpec;

export const publishingJobSpecs = [publishDuePostsJob];
