// Mail to an address nobody has proven yet repeats nothing the sender typed: otherwise anyone
// could make AMG send their words (a phishing link as a "name") to any address. Letters, open-letter
// signatures (new and changed) and membership applications (new and changed), read from the outbox.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages } from "~/db/schema/index";
import { seedStarterCampaigns } from "~/domains/advocacy/campaigns/campaigns.server";
import { sendCampaignLetter } from "~/domains/advocacy/campaigns/send-campaign-letter.server";
import { ensureReferenceData } from "~/domains/advocacy/legislators/load-reference-data.server";
import { signOpenLetter } from "~/domains/advocacy/open-letters/open-letters.server";
import { applicationInputSchema } from "~/domains/membership/membership.schema";
import { submitApplication } from "~/domains/membership/submit-application.server";
import { application } from "~/tests/helpers/http-session";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";

const lure = "Claim your refund at https://evil.example/pay";

describe.each(testEngines())("mail to an unproven address on $name", (engine) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
    await ensureReferenceData(t.handle.db);
    await seedStarterCampaigns(t.handle.db);
  });
  afterAll(async () => t?.close());

  const mailsTo = async (email: string) => t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email));
  const expectNothingTyped = async (email: string, count: number) => {
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(count);
    for (const mail of mails) for (const part of [mail.subject, mail.text, mail.html ?? ""]) expect(part).not.toContain("evil.example");
  };

  it("asks to confirm letters without repeating the name or address typed", async () => {
    const sent = await sendCampaignLetter({
      ...t.services,
      slug: "collaborative-practice",
      input: {
        zip: "99901",
        district: "",
        upperId: "ocd-person/bfdc2ee2-7760-4119-9d68-4962f1e1a285",
        lowerId: "ocd-person/b2eaa848-d651-4521-9abb-21b68da5d5c6",
        letter: "Please act.",
        supporterLetter: "",
        story: "",
        name: lure,
        email: "letters@example.org",
        street: lure,
        city: lure,
        keepUpdated: false,
      },
      ip: "198.51.100.61",
      isProven: false,
    });
    expect(sent.ok).toBe(true);
    await expectNothingTyped("letters@example.org", 1);
  });

  it("asks to confirm a signature, and a change to it, without repeating what was typed", async () => {
    const signer = { name: lure, email: "signer@example.org", city: lure, zip: "13202", signerRole: "unmatched-graduate" as const, showName: true, keepUpdated: true };
    expect((await signOpenLetter({ ...t.services, slug: "aamc", input: signer, ip: "198.51.100.62", isProven: true })).ok).toBe(true);
    expect((await signOpenLetter({ ...t.services, slug: "aamc", input: { ...signer, name: `${lure} again` }, ip: "198.51.100.62", isProven: false })).ok).toBe(true);
    await expectNothingTyped("signer@example.org", 1); // the proven signature mails nothing; the change asks for the link
  });

  it("acknowledges an application, and asks to confirm changed answers, without repeating them", async () => {
    const apply = (changes: Record<string, string>) =>
      submitApplication({
        ...t.services,
        input: applicationInputSchema(t.services.clock()).parse(application("applicant@example.org", changes)),
        ip: "198.51.100.63",
        proof: { isSignedInAsEmail: false, updateToken: null },
      });
    expect((await apply({ name: lure })).ok).toBe(true);
    expect((await apply({ name: lure, schoolName: lure })).ok).toBe(true);
    await expectNothingTyped("applicant@example.org", 2);
  });
});
