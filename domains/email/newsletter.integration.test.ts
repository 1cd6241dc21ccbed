import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribers } from "~/db/schema/index";
import { findLink } from "~/tests/helpers/smtp-sink";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { confirmSubscription, isConfirmTokenUsable, unsubscribe } from "./manage-subscription.server";
import { subscribeToNewsletter } from "./subscribe-to-newsletter.server";

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

describe.each(testEngines())("newsletter double opt-in on $name", (engine) => {
  let t: TestPlatform;
  const start = new Date("2026-11-24T15:00:00Z");
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
  });
  afterAll(async () => t?.close());

  const subscribe = (email: string, ip = "203.0.113.9") => subscribeToNewsletter({ ...t.services, input: { email, source: "newsletter-page" }, ip });
  const status = async (email: string) => (await t.handle.db.select().from(subscribers).where(eq(subscribers.email, email)))[0]?.status;

  it("sends a confirmation link that works once and makes the subscription active", async () => {
    expect(await subscribe("grace@example.org")).toEqual({ ok: true });
    expect(await status("grace@example.org")).toBe("pending");
    const mail = await t.sink.waitFor((m) => m.to.includes("grace@example.org"));
    expect(mail.subject).toContain("Please confirm your subscription");
    expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.header("List-Unsubscribe")).toMatch(/^<http:\/\/amg\.test\/unsubscribe\?token=/);
    const token = tokenOf(findLink(mail, "http://amg.test/newsletter/confirm?token="));

    expect(await isConfirmTokenUsable({ ...t.services, token })).toBe(true);
    expect(await confirmSubscription({ ...t.services, token })).toBe("confirmed");
    expect(await status("grace@example.org")).toBe("active");
    expect(await confirmSubscription({ ...t.services, token })).toBe("invalid");
    expect(await isConfirmTokenUsable({ ...t.services, token })).toBe(false);
  });

  it("answers a second subscription of an active address the same way, telling only the mailbox", async () => {
    expect(await subscribe("grace@example.org")).toEqual({ ok: true });
    const mail = await t.sink.waitFor((m) => m.to.includes("grace@example.org") && m.subject.includes("already subscribed"));
    expect(findLink(mail, "http://amg.test/unsubscribe?token=")).toBeTruthy();
    expect(await status("grace@example.org")).toBe("active");
  });

  it("refuses a confirmation link after 48 hours", async () => {
    expect(await subscribe("late@example.org")).toEqual({ ok: true });
    const mail = await t.sink.waitFor((m) => m.to.includes("late@example.org"));
    const token = tokenOf(findLink(mail, "http://amg.test/newsletter/confirm?token="));
    t.setNow(new Date(start.getTime() + 48 * 3_600_000 + 1000));
    try {
      expect(await confirmSubscription({ ...t.services, token })).toBe("invalid");
      expect(await status("late@example.org")).toBe("pending");
    } finally {
      t.setNow(start);
    }
  });

  it("replaces the old link when someone subscribes again before confirming", async () => {
    await subscribe("twice@example.org");
    const first = await t.sink.waitFor((m) => m.to.includes("twice@example.org"));
    await subscribe("twice@example.org");
    const second = await t.sink.waitFor((m) => m.to.includes("twice@example.org") && m !== first);
    const oldToken = tokenOf(findLink(first, "http://amg.test/newsletter/confirm?token="));
    const newToken = tokenOf(findLink(second, "http://amg.test/newsletter/confirm?token="));
    expect(await confirmSubscription({ ...t.services, token: oldToken })).toBe("invalid");
    expect(await confirmSubscription({ ...t.services, token: newToken })).toBe("confirmed");
  });

  it("unsubscribes with the link from any mail, harmlessly when repeated", async () => {
    const mail = await t.sink.waitFor((m) => m.to.includes("grace@example.org"));
    const token = tokenOf(findLink(mail, "http://amg.test/unsubscribe?token="));
    expect(await unsubscribe({ ...t.services, token })).toEqual({ found: true, email: "grace@example.org" });
    expect(await status("grace@example.org")).toBe("unsubscribed");
    expect(await unsubscribe({ ...t.services, token })).toEqual({ found: true, email: "grace@example.org" });
    expect(await unsubscribe({ ...t.services, token: "x".repeat(32) })).toEqual({ found: false });
  });

  it("sends at most three confirmation mails an hour to one address, without saying so", async () => {
    for (let i = 0; i < 5; i++) expect(await subscribe("flood@example.org", `192.0.2.${i}`)).toEqual({ ok: true });
    await t.sink.waitFor((m) => m.to.includes("flood@example.org"));
    await expect.poll(() => t.sink.messages.filter((m) => m.to.includes("flood@example.org")).length).toBe(3);
  });

  it("limits sign-ups from one IP address", async () => {
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await subscribe(`person${i}@example.org`, "192.0.2.200"));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, reason: "rate-limited" });
  });
});
