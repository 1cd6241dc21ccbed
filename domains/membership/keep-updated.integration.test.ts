// "Keep me updated" on the membership application (docs/decisions/0019): signed in as the address,
// subscribed at once; a first application waits for the receipt's sign-in link (one e-mail covers
// the account and the updates); held answers wait for their own link.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages, pendingApplicationChanges, subscribers, subscriptionConsents } from "~/db/schema/index";
import { application } from "~/tests/helpers/http-session";
import { findLink } from "~/tests/helpers/smtp-sink";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { messages } from "~/domains/email/messages";
import { confirmApplicationChange, findHeldAnswers } from "./confirm-application-change.server";
import { applicationInputSchema } from "./membership.schema";
import { findReceiptSignIn, signInFromReceipt } from "./sign-in-from-receipt.server";
import { submitApplication } from "./submit-application.server";
import type { ApplicantProof } from "./submit-application.server";

const anyone: ApplicantProof = { isSignedInAsEmail: false, updateToken: null };
const signedIn: ApplicantProof = { isSignedInAsEmail: true, updateToken: null };
const ticked = { keepUpdated: "on" };

describe.each(testEngines())("Keep me updated on the membership application on $name", (engine) => {
  let t: TestPlatform;
  let ip = 0;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
  });
  afterAll(async () => t?.close());

  const apply = (email: string, changes: Record<string, string> = {}, proof: ApplicantProof = anyone) =>
    submitApplication({ ...t.services, input: applicationInputSchema(t.services.clock()).parse(application(email, changes)), ip: `192.0.2.${++ip}`, proof });
  const subscriber = async (email: string) => (await t.handle.db.select().from(subscribers).where(eq(subscribers.email, email)))[0];
  const consents = (email: string) => t.handle.db.select().from(subscriptionConsents).where(eq(subscriptionConsents.email, email));
  const templatesTo = async (email: string) => (await t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).map((m) => m.template);
  const signInTokenFor = async (email: string) => {
    const [receipt] = (await t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).filter((m) => m.template === "membership.application-received");
    return receipt.text.match(/\/join\/apply\/confirm\?signin=([\w-]+)/)![1];
  };
  const completion = { ip: "192.0.2.200", userAgent: "test" };

  it("confirms a first application's consent by the receipt's sign-in link: one e-mail for the account and the updates", async () => {
    await apply("first@example.org", ticked);
    expect(await subscriber("first@example.org")).toBeUndefined();
    expect(await consents("first@example.org")).toEqual([expect.objectContaining({ sourceKind: "membership-application", sourceRef: "", consentText: messages.updatesConsent, confirmedAt: null })]);
    const token = await signInTokenFor("first@example.org");
    expect(await findReceiptSignIn(t.handle.db, token, t.services.clock())).toEqual({ email: "first@example.org", keepsUpdated: true });
    expect(await signInFromReceipt({ ...t.services, ...completion, token })).toMatchObject({ ok: true });
    expect(await subscriber("first@example.org")).toMatchObject({ status: "active", source: "membership-application" });
    expect((await consents("first@example.org"))[0].confirmedAt).not.toBeNull();
    expect(await templatesTo("first@example.org")).toEqual(["membership.application-received"]);
  });

  it("subscribes an applicant signed in as the address at once", async () => {
    await apply("signed-in@example.org", ticked, signedIn);
    expect(await subscriber("signed-in@example.org")).toMatchObject({ status: "active", source: "membership-application" });
    expect(await templatesTo("signed-in@example.org")).toEqual(["membership.application-received"]);
  });

  it("keeps held answers' consent waiting for their own link, which confirms both", async () => {
    await apply("again@example.org");
    await apply("again@example.org", { ...ticked, schoolName: "SUNY Upstate Medical University (corrected)" });
    expect(await subscriber("again@example.org")).toBeUndefined();
    const [held] = await t.handle.db.select().from(pendingApplicationChanges).where(eq(pendingApplicationChanges.email, "again@example.org"));
    expect(held.input).not.toHaveProperty("keepUpdated");
    const mail = await t.sink.waitFor((m) => m.to.includes("again@example.org") && m.subject.startsWith("Please confirm the changes to your application"));
    const token = new URL(findLink(mail, "http://amg.test/join/apply/confirm?token=")).searchParams.get("token")!;
    expect(await findHeldAnswers(t.handle.db, token, t.services.clock())).toMatchObject({ keepsUpdated: true });
    expect(await confirmApplicationChange({ ...t.services, token })).toMatchObject({ ok: true });
    expect(await subscriber("again@example.org")).toMatchObject({ status: "active", source: "membership-application" });
    expect(await templatesTo("again@example.org")).not.toContain("newsletter.confirm");
  });

  it("subscribes nobody who left the box unticked, even once the receipt's link is used", async () => {
    await apply("quiet@example.org");
    const token = await signInTokenFor("quiet@example.org");
    expect(await findReceiptSignIn(t.handle.db, token, t.services.clock())).toEqual({ email: "quiet@example.org", keepsUpdated: false });
    expect(await signInFromReceipt({ ...t.services, ...completion, token })).toMatchObject({ ok: true });
    expect(await subscriber("quiet@example.org")).toBeUndefined();
    expect(await consents("quiet@example.org")).toEqual([]);
  });
});
