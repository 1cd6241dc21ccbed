import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactMessages, outboxMessages } from "~/db/schema/index";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { submitContactMessage } from "./submit-contact-message.server";

const input = { name: "Dr. Ada Okafor", email: "ada@example.org", subject: "Mentorship question", message: "How do I find a mentor in internal medicine?", keepUpdated: false };

describe.each(testEngines())("contact messages on $name", (engine) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
  });
  afterAll(async () => t?.close());

  it("stores the message, notifies staff and sends the sender a receipt over SMTP", async () => {
    const outcome = await submitContactMessage({ ...t.services, input, ip: "203.0.113.1", userAgent: "test" });
    expect(outcome.ok).toBe(true);
    const [stored] = await t.handle.db.select().from(contactMessages).where(eq(contactMessages.email, "ada@example.org"));
    expect(stored.subject).toBe("Mentorship question");
    expect(stored.status).toBe("new");

    const staff = await t.sink.waitFor((m) => m.subject === "[Contact] Mentorship question");
    expect(staff.to).toEqual(["AllianceofMG@gmail.com"]);
    expect(staff.headers.get("reply-to")).toMatchObject({ text: "ada@example.org" });
    expect(staff.text).toContain("How do I find a mentor");

    const receipt = await t.sink.waitFor((m) => m.to.includes("ada@example.org"));
    expect(receipt.subject).toBe("We received your message");
    expect(receipt.text).toContain("Monday–Friday, 9:00 am–5:00 pm ET");
    expect(String(receipt.headers.get("from") && (receipt.headers.get("from") as { text: string }).text)).toContain("Alliance of Medical Graduates");

    // Both outbox rows end up sent, with the SMTP message id recorded.
    await expect.poll(async () => (await t.handle.db.select().from(outboxMessages)).filter((m) => m.status === "sent").length).toBe(2);
  });

  it("sends the sender's address a plain receipt that repeats nothing they typed (no one can make AMG mail their text to anybody)", async () => {
    const phishing = {
      name: "Your account is locked, verify at https://evil.example/login",
      email: "victim@example.org",
      subject: "URGENT: confirm your AMG membership at https://evil.example",
      message: "Dear member, your AMG membership expires today. Pay the renewal fee at https://evil.example/pay to keep it.",
      keepUpdated: false,
    };
    expect((await submitContactMessage({ ...t.services, input: phishing, ip: "203.0.113.9", userAgent: null })).ok).toBe(true);
    const receipt = await t.sink.waitFor((m) => m.to.includes("victim@example.org"));
    expect(receipt.subject).toBe("We received your message");
    for (const part of [receipt.subject, receipt.text, String(receipt.html)]) {
      expect(part).not.toContain("evil.example");
      expect(part).not.toContain("URGENT");
      expect(part).not.toContain("renewal fee");
      expect(part).not.toContain("account is locked");
    }
    expect(receipt.text).toContain("usually within two working days");
    expect(receipt.text).toContain("Monday–Friday, 9:00 am–5:00 pm ET");
    // Staff still get all of it.
    const staff = await t.sink.waitFor((m) => m.subject === `[Contact] ${phishing.subject}`);
    expect(staff.text).toContain("Pay the renewal fee");
  });

  it("refuses the sixth message from one IP address within ten minutes, and keeps nothing of it", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < 5; i++) {
      expect((await submitContactMessage({ ...t.services, input: { ...input, subject: `Question ${i}` }, ip, userAgent: null })).ok).toBe(true);
    }
    const sixth = await submitContactMessage({ ...t.services, input: { ...input, subject: "Question 6" }, ip, userAgent: null });
    expect(sixth).toMatchObject({ ok: false, reason: "rate-limited" });
    if (!sixth.ok) expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    const [{ n }] = await t.handle.db.select({ n: count() }).from(contactMessages).where(eq(contactMessages.subject, "Question 6"));
    expect(n).toBe(0);
    // another address is not affected
    expect((await submitContactMessage({ ...t.services, input, ip: "198.51.100.8", userAgent: null })).ok).toBe(true);
  });
});
