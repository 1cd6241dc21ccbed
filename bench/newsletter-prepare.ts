// The newsletter bench's data (bench/newsletter.ts): N synthetic subscribers, one newsletter to all
// of them started as the console starts it (recipient rows written, status "sending"; its queued
// jobs are dropped: the bench's own worker process sends), and the message every recipient gets.
import type { DatabaseHandle } from "~/db/client.server";
import { createNewsletter, renderForPreview, startNewsletterSend } from "~/domains/email/newsletters/manage-newsletters.server";
import type { RenderedNewsletter } from "~/domains/email/newsletters/render.server";
import { seedSyntheticSubscribers } from "~/domains/email/newsletters/synthetic-subscribers.server";
import { seedStarterContent } from "~/domains/site/seed-starter-content.server";
import { createLogger } from "~/platform/logger";
import { startQueue } from "~/platform/queue.server";
import { jobSpecs } from "~/server/platform";

export const benchAppUrl = "https://amg.example.org";
export const benchFrom = "AMG <news@amg.test>";
export const benchMailbox = "office@amg.example.org";
export const benchSecretKey = Buffer.alloc(32, 7);
const subject = "Bench news";
const markdown = `# News from the Alliance\n\n${"Residency positions, state laws and what you can do this month. ".repeat(12)}\n\n- [Read the new report](https://amg.example.org/numbers)\n- [Write to your legislators](https://amg.example.org/act)\n\nThank you for being with us.`;

/** The message as the engine renders it (with the unsubscribe marker) and its subject. */
export type BenchMessage = { subject: string; rendered: RenderedNewsletter };

export async function prepareNewsletterBench(handle: DatabaseHandle, n: number): Promise<{ id: number; message: BenchMessage }> {
  await seedStarterContent(handle.db);
  await seedSyntheticSubscribers(handle.db, n);
  const queue = await startQueue(handle, jobSpecs, createLogger("silent"), { supervise: false, schedule: false });
  const { id, publicId } = await createNewsletter({
    db: handle.db,
    actor: null,
    input: { subject, preheader: "This month", markdown, topic: "newsletter", isPrivate: false, audience: { parts: [{ kind: "subscribers" }] } },
  });
  const started = await startNewsletterSend({ db: handle.db, jobs: queue, appUrl: benchAppUrl, clock: () => new Date(), actor: null, publicId });
  await queue.boss.deleteAllJobs?.().catch(() => {});
  await queue.stop();
  if (started.recipients !== n) throw new Error(`expected ${n} recipients, got ${started.recipients}`);
  const rendered = await renderForPreview(handle.db, { subject, preheader: "This month", markdown, isPrivate: false, publicId }, benchAppUrl);
  return { id, message: { subject, rendered } };
}
