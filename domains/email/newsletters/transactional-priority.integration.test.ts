// Transactional mail never waits behind a newsletter: while the newsletter workers send a large
// newsletter (its own queue and its own SMTP pool), a sign-in mail queued through the outbox
// arrives within seconds, long before the newsletter is done.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport } from "~/platform/mail-transport.server";
import type { MailTransport } from "~/platform/mail-transport.server";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { testEngines } from "~/tests/helpers/test-db";
import { queueEmail } from "../queue-email.server";
import { signInMail } from "../templates";
import { newsletterWorkers } from "./jobs.server";
import { changeNewsletterSend, createNewsletter, startNewsletterSend } from "./manage-newsletters.server";
import { newsletterProgress } from "./newsletter-reports.server";

const engine = testEngines()[0];
const size = 3000;

describe(`transactional mail during a newsletter send (${engine.name})`, () => {
  let t: TestPlatform;
  let bulk: MailTransport;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
    bulk = createMailTransport(t.sink.url, { maxConnections: 5, bulk: true })!;
    await t.queue.work(newsletterWorkers({ ...t.services, transport: bulk, appUrl: "https://amg.test" }), { pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await t.close();
    bulk.close();
  });

  it("delivers a sign-in mail within seconds while thousands of newsletter messages are going out", async () => {
    const emails = Array.from({ length: size }, (_, i) => `big${i}@example.org`);
    const { id, publicId } = await createNewsletter({
      db: t.handle.db,
      actor: null,
      input: { subject: "Big send", preheader: "", markdown: "Hello", topic: "newsletter", isPrivate: false, audience: { parts: [{ kind: "addresses", emails }] } },
    });
    await startNewsletterSend({ ...t.services, actor: null, publicId });
    await expect.poll(async () => (await newsletterProgress(t.handle.db, id)).sent, { timeout: 60_000 }).toBeGreaterThan(100);

    const queuedAt = Date.now();
    const mail = signInMail({ orgName: "AMG", link: "https://amg.test/sign-in/verify?token=x", code: "123456", minutes: 15 });
    await t.handle.db.transaction((tx) => queueEmail(tx, t.services.jobs, { template: "accounts.sign-in", to: "someone@example.org", from: "AMG <a@amg.test>", ...mail }));
    await t.sink.waitFor((m) => m.to.includes("someone@example.org"), 10_000);
    const waited = Date.now() - queuedAt;
    const during = await newsletterProgress(t.handle.db, id);
    console.info(`sign-in mail arrived after ${waited} ms, with ${during.sent} of ${size} newsletter messages sent`);
    expect(waited).toBeLessThan(5000);
    expect(during.sent).toBeLessThan(size);
    await changeNewsletterSend({ ...t.services, actor: null, publicId, change: "cancel" });
  }, 120_000);
});
