import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages, subscribers, subscriptionConsents } from "~/db/schema/index";
import { findLink } from "~/tests/helpers/smtp-sink";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { seedStarterCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { confirmSignature, signOpenLetter } from "~/domains/advocacy/open-letters/open-letters.server";
import { submitContactMessage } from "~/domains/site/submit-contact-message.server";
import { confirmSubscription } from "./manage-subscription.server";
import { messages } from "./messages";
import { confirmUpdatesConsent, recordUpdatesConsent } from "./record-updates-consent.server";

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const signer = (email: string, keepUpdated: boolean) => ({ name: "Maria Lopez", email, city: "Syracuse", zip: "13202", signerRole: "unmatched-graduate" as const, showName: true, keepUpdated });
const contact = (email: string, keepUpdated: boolean) => ({ name: "Ada Okafor", email, subject: "A question", message: "How do I find a mentor in internal medicine?", keepUpdated });

describe.each(testEngines())("Keep me updated on $name", (engine) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
    await seedStarterCampaigns(t.handle.db);
  });
  afterAll(async () => t?.close());

  const subscriber = async (email: string) => (await t.handle.db.select().from(subscribers).where(eq(subscribers.email, email)))[0];
  const consents = (email: string) => t.handle.db.select().from(subscriptionConsents).where(eq(subscriptionConsents.email, email));
  // Mail is queued in the action's transaction: the outbox holds every message there will be.
  const mailsTo = (email: string) => t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email));

  it("waits for the signature's own link, then one confirmation subscribes: no second mail", async () => {
    expect(await signOpenLetter({ ...t.services, slug: "aamc", input: signer("wait@example.org", true), ip: "203.0.113.30", isProven: false })).toEqual({ ok: true, isConfirmed: false });
    expect(await subscriber("wait@example.org")).toBeUndefined();
    const [pending] = await consents("wait@example.org");
    expect(pending).toMatchObject({ sourceKind: "open-letter", sourceRef: "aamc", consentText: messages.updatesConsent, ip: "203.0.113.30", confirmedAt: null });
    const mail = await t.sink.waitFor((m) => m.to.includes("wait@example.org"));
    expect(await confirmSignature(t.handle.db, tokenOf(findLink(mail, "http://amg.test/letters/confirm?token=")), t.services.clock())).toBe("aamc");
    expect(await subscriber("wait@example.org")).toMatchObject({ status: "active", source: "open-letter:aamc" });
    expect((await consents("wait@example.org"))[0].confirmedAt).not.toBeNull();
    expect((await mailsTo("wait@example.org")).map((m) => m.template)).toEqual(["advocacy.confirm-signature"]);
  });

  it("subscribes at once when the signer is signed in as the address, and mails nothing", async () => {
    expect(await signOpenLetter({ ...t.services, slug: "ecfmg", input: signer("proven@example.org", true), ip: "203.0.113.31", isProven: true })).toEqual({ ok: true, isConfirmed: true });
    expect(await subscriber("proven@example.org")).toMatchObject({ status: "active", source: "open-letter:ecfmg" });
    expect(await consents("proven@example.org")).toEqual([expect.objectContaining({ sourceKind: "open-letter", sourceRef: "ecfmg", confirmedAt: expect.any(Date) })]);
  });

  it("never subscribes an unproven address: a signature left unconfirmed leaves it off the list", async () => {
    await signOpenLetter({ ...t.services, slug: "aamc", input: signer("victim@example.org", true), ip: "203.0.113.32", isProven: false });
    expect(await subscriber("victim@example.org")).toBeUndefined();
    expect(await confirmUpdatesConsent(t.handle.db, { clock: t.services.clock, ref: "signature:not-the-link" })).toBe(false);
    expect(await subscriber("victim@example.org")).toBeUndefined();
  });

  it("does not subscribe a signer who left the box unticked", async () => {
    await signOpenLetter({ ...t.services, slug: "aamc", input: signer("quiet@example.org", false), ip: "203.0.113.33", isProven: false });
    const mail = await t.sink.waitFor((m) => m.to.includes("quiet@example.org"));
    await confirmSignature(t.handle.db, tokenOf(findLink(mail, "http://amg.test/letters/confirm?token=")), t.services.clock());
    expect(await subscriber("quiet@example.org")).toBeUndefined();
    expect(await consents("quiet@example.org")).toEqual([]);
  });

  it("sends the newsletter's double opt-in mail for a contact message, and its link confirms the consent", async () => {
    expect((await submitContactMessage({ ...t.services, input: contact("writer@example.org", true), ip: "203.0.113.34", userAgent: null })).ok).toBe(true);
    expect(await subscriber("writer@example.org")).toMatchObject({ status: "pending", source: "contact" });
    const optIn = await t.sink.waitFor((m) => m.to.includes("writer@example.org") && m.text.includes("/newsletter/confirm?token="));
    expect(await confirmSubscription({ ...t.services, token: tokenOf(findLink(optIn, "http://amg.test/newsletter/confirm?token=")) })).toBe("confirmed");
    expect(await subscriber("writer@example.org")).toMatchObject({ status: "active" });
    expect(await consents("writer@example.org")).toEqual([expect.objectContaining({ sourceKind: "contact", sourceRef: "", confirmedAt: expect.any(Date), awaitingRef: null })]);
  });

  it("subscribes a signed-in contact sender at once, and sends no opt-in mail", async () => {
    await submitContactMessage({ ...t.services, input: contact("member@example.org", true), ip: "203.0.113.35", userAgent: null, isProven: true });
    expect(await subscriber("member@example.org")).toMatchObject({ status: "active", source: "contact" });
    expect((await mailsTo("member@example.org")).map((m) => m.template)).toEqual(["contact.receipt"]);
  });

  it("brings back a person who had unsubscribed only by their new, proven consent", async () => {
    await t.handle.db
      .insert(subscribers)
      .values({ publicId: "back1", email: "back@example.org", status: "unsubscribed", unsubscribeToken: "back-token-123456789012345", unsubscribedAt: t.services.clock() });
    expect(
      await t.handle.db.transaction((tx) =>
        recordUpdatesConsent(tx, { ...t.services, email: "back@example.org", source: { kind: "membership-application" }, proof: { kind: "awaits-action", ref: "application:x" }, ip: null }),
      ),
    ).toBe("awaiting-action");
    expect(await subscriber("back@example.org")).toMatchObject({ status: "unsubscribed" });
    expect(await t.handle.db.transaction((tx) => confirmUpdatesConsent(tx, { clock: t.services.clock, ref: "application:x" }))).toBe(true);
    expect(await subscriber("back@example.org")).toMatchObject({ status: "active", source: "website" });
  });
});
