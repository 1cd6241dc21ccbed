// The publishing context's workers (the kinds of job are in job-specs.ts).
import type { Database } from "~/db/client.server";
import type { Logger } from "~/platform/logger";
import type { JobWorker } from "~/platform/queue.server";
import { publishDuePostsJob } from "./job-specs";
import { publishDuePosts } from "./publish-due-posts.server";

export function publishingWorkers(deps: { db: Database; log: Logger; clock: () => Date }): JobWorker[] {
  return [
    {
      spec: publishDuePostsJob,
      async handle() {
        const { published } = await publishDuePosts(deps.db, deps.clock());
        if (published.length) deps.log.info("scheduled posts published", { posts: published });
      },
    },
  ] as JobWorker[];
}
