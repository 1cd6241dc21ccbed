// The sending engine against a real SMTP server in the test: one copy per address (duplicates
// across audiences removed), suppressed addresses skipped, 4xx retried, 5xx failed (5.1.1
// suppresses), a dead server pauses the send, resume finishes it, and RFC 8058 headers.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsletterRecipients, newsletters, subscribers } from "~/db/schema/index";
import { createMailTransport } from "~/platform/mail-transport.server";
import type { MailTransport } from "~/platform/mail-transport.server";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { testEngines } from "~/tests/helpers/test-db";
import type { Audience } from "./audience";
import { changeNewsletterSend, createNewsletter, startNewsletterSend } from "./manage-newsletters.server";
import { readMailLinkToken } from "./mail-links.server";
import { newsletterProgress, newsletterResults } from "./newsletter-reports.server";
import { countAudience } from "./recipients.server";
import { parseMessageId, runNewsletterSend } from "./send-engine.server";
import type { EngineDeps } from "./send-engine.server";
import { getPreferences, recordBounce, savePreferences, suppressAddress } from "./suppressions.server";

const addresses = (n: number, prefix = "r") => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.org`);

for (const engine of testEngines()) {
  describe(`newsletter sending engine (${engine.name})`, () => {
    let t: TestPlatform;
    let transport: MailTransport;
    const deps = (): EngineDeps => ({
      db: t.handle.db,
      transport,
      log: t.services.log,
      appUrl: "https://amg.test",
      from: "AMG <news@amg.test>",
      unsubscribeMailbox: "office@amg.test",
      secretKey: t.services.secretKey,
      lanes: 3,
      batchSize: 5,
      leaseSeconds: 2,
      maxIdleWaitMs: 3000,
    });
    const create = async (audience: Audience, subject: string) => {
      const { publicId, id } = await createNewsletter({
        db: t.handle.db,
        actor: null,
        input: { subject, preheader: "A preview line", markdown: "# Hello\n\nNews **today**. [Read](https://amg.test/x)", topic: "newsletter", isPrivate: false, audience },
      });
      return { publicId, id };
    };
    const start = (publicId: string) => startNewsletterSend({ ...t.services, appUrl: "https://amg.test", actor: null, publicId });

    beforeAll(async () => {
      t = await startTestPlatform(engine);
      transport = createMailTransport(t.sink.url, { maxConnections: 3, bulk: true })!;
    });
    afterAll(async () => {
      transport.close();
      await t.close();
    });

    it("sends one copy per address across audiences, skips the suppressed, and carries RFC 8058 headers", async () => {
      const db = t.handle.db;
      await db.insert(subscribers).values(
        ["both@example.org", "sub-only@example.org", "gone@example.org"].map((email, i) => ({
          email,
          publicId: `s${i}`,
          unsubscribeToken: `tok-${i}-xxxxxxxxxxxxxxxxxxxx`,
          status: "active" as const,
        })),
      );
      await suppressAddress(db, { email: "gone@example.org", reason: "complaint", source: "test" });
      const audience: Audience = { parts: [{ kind: "subscribers" }, { kind: "addresses", emails: ["BOTH@example.org", "extra@example.org"] }] };
      expect(await countAudience(db, audience, "newsletter")).toEqual({ recipients: 3, blocked: 1 });
      const { publicId, id } = await create(audience, "Dedupe test");
      expect(await start(publicId)).toEqual({ recipients: 3, skipped: 1 });
      expect(await runNewsletterSend(deps(), id)).toBe("sent");
      const got = t.sink.messages.filter((m) => m.subject === "Dedupe test");
      expect(got.map((m) => m.to[0]).sort()).toEqual(["both@example.org", "extra@example.org", "sub-only@example.org"]);
      const mail = got[0];
      const listUnsubscribe = mail.header("List-Unsubscribe")!;
      expect(listUnsubscribe).toMatch(/^<https:\/\/amg\.test\/email\/unsubscribe\/[\w-]+\.[\w-]+>, <mailto:office@amg\.test\?subject=Unsubscribe>$/);
      expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      const messageId = mail.header("Message-ID")!;
      expect(parseMessageId(messageId)?.newsletterId).toBe(id);
      const token = listUnsubscribe.match(/unsubscribe\/([^>]+)>/)![1];
      const link = readMailLinkToken(t.services.secretKey, token, new Date());
      expect(link).toMatchObject({ ok: true, link: { email: mail.to[0], newsletterId: id } });
      expect(mail.text).toContain("News today");
      expect(mail.html).toContain("A preview line");
      const [row] = await db.select().from(newsletters).where(eq(newsletters.id, id));
      expect(row.status).toBe("sent");
      const progress = await newsletterProgress(db, id);
      expect(progress).toMatchObject({ total: 4, sent: 3, skipped: 1, remaining: 0 });
    });

    it("retries a 4xx, fails a 5xx and suppresses an unknown mailbox", async () => {
      const db = t.handle.db;
      t.sink.rejectRecipient("nobody@example.org", 550, "5.1.1 <nobody@example.org>: user unknown");
      t.sink.rejectRecipient("full@example.org", 552, "5.2.2 mailbox full");
      const { publicId, id } = await create({ parts: [{ kind: "addresses", emails: ["ok@example.org", "nobody@example.org", "full@example.org", "later@example.org"] }] }, "Errors test");
      await start(publicId);
      t.sink.failNext(1); // the first RCPT (ok@… in id order? any) gets a 451
      const first = await runNewsletterSend({ ...deps(), maxIdleWaitMs: 500 }, id);
      expect(first).toBe("waiting"); // one row waits for its retry in 30 s
      const rows = await db.select().from(newsletterRecipients).where(eq(newsletterRecipients.newsletterId, id));
      const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
      expect(byEmail["nobody@example.org"].state).toBe("failed");
      expect(byEmail["full@example.org"].state).toBe("failed");
      const retrying = rows.find((r) => r.state === "queued")!;
      expect(retrying.failureReason).toMatch(/temporarily/);
      expect((await getPreferences(db, "nobody@example.org")).suppressed).toBe("hard-bounce");
      expect((await getPreferences(db, "full@example.org")).suppressed).toBeNull();
      // The retry falls due: the send finishes.
      await db.update(newsletterRecipients).set({ retryAt: null }).where(eq(newsletterRecipients.id, retrying.id));
      expect(await runNewsletterSend(deps(), id)).toBe("sent");
      const results = await newsletterResults(db, id);
      expect(results.failed).toBe(2);
      expect(results.bounced).toBe(1);
      expect(results.delivered).toBe(1);
      expect(t.sink.messages.filter((m) => m.subject === "Errors test")).toHaveLength(2);
    });

    it("pauses with a reason when the server is down, and resumes where it stopped", async () => {
      const db = t.handle.db;
      const { publicId, id } = await create({ parts: [{ kind: "addresses", emails: addresses(12, "down") }] }, "Down test");
      await start(publicId);
      const dead = createMailTransport("smtp://127.0.0.1:9?starttls=off", { maxConnections: 2, bulk: true })!;
      expect(await runNewsletterSend({ ...deps(), transport: dead }, id)).toBe("paused");
      dead.close();
      const progress = await newsletterProgress(db, id);
      expect(progress.status).toBe("paused");
      expect(progress.pauseReason).toMatch(/mail server did not accept/);
      expect(progress.sent).toBe(0);
      expect(progress.remaining).toBe(12);
      await changeNewsletterSend({ ...t.services, actor: null, publicId, change: "resume" });
      expect(await runNewsletterSend(deps(), id)).toBe("sent");
      expect(t.sink.messages.filter((m) => m.subject === "Down test")).toHaveLength(12);
    });

    it("an unsubscribe or a hard bounce during a send takes effect for the rows not yet sent", async () => {
      const db = t.handle.db;
      const list = addresses(30, "mid");
      const { publicId, id } = await create({ parts: [{ kind: "addresses", emails: list }] }, "Mid-send test");
      await start(publicId);
      await savePreferences(db, { email: "mid25@example.org", preferences: { newsletter: false, campaignAlerts: true, memberUpdates: true }, newsletterId: id, source: "test", now: new Date() });
      await recordBounce(db, { email: "mid26@example.org", type: "hard", newsletterId: null, source: "test" }, new Date());
      expect(await runNewsletterSend(deps(), id)).toBe("sent");
      const to = t.sink.messages.filter((m) => m.subject === "Mid-send test").map((m) => m.to[0]);
      expect(to).toHaveLength(28);
      expect(to).not.toContain("mid25@example.org");
      expect(to).not.toContain("mid26@example.org");
      expect((await newsletterResults(db, id)).unsubscribes).toBe(1);
    });

    it("counts approved mentors as an audience, once each beside the other groups", async () => {
      const db = t.handle.db;
      await db.execute(
        sql`insert into people (public_id, email, name) values ('mp1', 'mentor-a@example.org', 'Dr. A'), ('mp2', 'mentor-b@example.org', 'Dr. B'), ('mp3', 'both@example.org', 'Dr. Both')`,
      );
      await db.execute(sql`
        insert into mentors (public_id, person_id, name, specialty, board_certified, practice_setting, years_in_practice, selection_committee, capacity, status)
        select 'm-' || p.public_id, p.id, p.name, 'Family medicine', true, 'community', 10, false, 2, case p.public_id when 'mp2' then 'awaiting-approval' else 'approved' end
        from people p where p.public_id in ('mp1', 'mp2', 'mp3')`);
      expect(await countAudience(db, { parts: [{ kind: "mentors" }] }, "newsletter")).toEqual({ recipients: 2, blocked: 0 });
      // both@example.org is a subscriber (the first test) and a mentor: one copy.
      const together = await countAudience(db, { parts: [{ kind: "mentors" }, { kind: "subscribers" }] }, "newsletter");
      const subscribersAlone = await countAudience(db, { parts: [{ kind: "subscribers" }] }, "newsletter");
      expect(together.recipients).toBe(subscribersAlone.recipients + 1);
    });

    it("soft bounces suppress only after repeated failures", async () => {
      const db = t.handle.db;
      const now = new Date();
      for (let i = 0; i < 2; i++) expect(await recordBounce(db, { email: "soft@example.org", type: "soft", newsletterId: null, source: "test" }, now)).toEqual({ suppressed: false });
      expect(await recordBounce(db, { email: "soft@example.org", type: "soft", newsletterId: null, source: "test" }, now)).toEqual({ suppressed: true });
      expect((await getPreferences(db, "soft@example.org")).suppressed).toBe("soft-bounces");
    });
  });
}
