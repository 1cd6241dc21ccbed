// The mentorship context's workers: the hourly sweep (idempotent: each step marks its row with the mail).
import type { JobWorker } from "~/platform/queue.server";
import type { Services } from "~/platform/services";
import { sweepMentorshipsJob } from "./job-specs";
import { sweepMentorships } from "./sweep.server";

export function mentorshipWorkers(services: Services): JobWorker[] {
  return [
    {
      spec: sweepMentorshipsJob,
      async handle() {
        const done = await sweepMentorships(services);
        if (done.expired || done.feedback || done.nudged) services.log.info("mentorship sweep", done);
      },
    },
  ] as JobWorker[];
}
