// "Keep me updated" on a letter to legislators (docs/decisions/0019): signed in as the address, the
// writer is subscribed at once; from any other browser the consent waits for the held letters' own
// link, and opening it confirms both: one e-mail, one click.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages, subscribers, subscriptionConsents } from "~/db/schema/index";
import { findLink } from "~/tests/helpers/smtp-sink";
import { fixtureReferenceFiles } from "~/tests/helpers/reference-fixture";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import type { CampaignActionInput } from "~/domains/advocacy/advocacy.schema";
import { ensureReferenceData } from "~/domains/advocacy/legislators/load-reference-data.server";
import { messages } from "~/domains/email/messages";
import { seedStarterCampaigns } from "./campaigns.server";
import { confirmHeldAction, findHeldActionByToken } from "./confirm-held-action.server";
import { sendCampaignLetter } from "./send-campaign-letter.server";

const letter = (email: string, keepUpdated: boolean): CampaignActionInput => ({
  zip: "13202",
  district: "",
  upperId: "",
  lowerId: "",
  letter: "Please cosponsor the Resident Physician Shortage Reduction Act: our communities need these doctors.",
  supporterLetter: "",
  story: "",
  name: "Maria Lopez",
  email,
  street: "120 Main St",
  city: "Syracuse",
  keepUpdated,
});

describe.each(testEngines())("Keep me updated on a letter to legislators on $name", (engine) => {
  let t: TestPlatform;
  let ip = 0;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
    await ensureReferenceData(t.handle.db, fixtureReferenceFiles());
    await seedStarterCampaigns(t.handle.db);
  });
  afterAll(async () => t?.close());

  const send = (input: CampaignActionInput, isProven: boolean) => sendCampaignLetter({ ...t.services, slug: "residency-shortage-act", input, ip: `198.51.100.${++ip}`, isProven });
  const subscriber = async (email: string) => (await t.handle.db.select().from(subscribers).where(eq(subscribers.email, email)))[0];
  const consents = (email: string) => t.handle.db.select().from(subscriptionConsents).where(eq(subscriptionConsents.email, email));
  const mailsTo = (email: string) => t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email));
  const confirmTokenFor = async (email: string) => {
    const mail = await t.sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Please confirm your letters"));
    return new URL(findLink(mail, "http://amg.test/act/confirm?token=")).searchParams.get("token")!;
  };

  it("subscribes a writer signed in as the address at once, with the letter's campaign as the source", async () => {
    expect(await send(letter("proven@example.org", true), true)).toMatchObject({ ok: true, isHeld: false });
    expect(await subscriber("proven@example.org")).toMatchObject({ status: "active", source: "legislator-letter:residency-shortage-act" });
    expect(await consents("proven@example.org")).toEqual([
      expect.objectContaining({ sourceKind: "legislator-letter", sourceRef: "residency-shortage-act", consentText: messages.updatesConsent, confirmedAt: expect.any(Date) }),
    ]);
    // No opt-in mail: the session proved the address.
    expect((await mailsTo("proven@example.org")).map((m) => m.template)).not.toContain("newsletter.confirm");
  });

  it("keeps held letters' consent waiting until their link is opened; that one link confirms both, with no second e-mail", async () => {
    expect(await send(letter("held@example.org", true), false)).toMatchObject({ ok: true, isHeld: true });
    expect(await subscriber("held@example.org")).toBeUndefined();
    expect(await consents("held@example.org")).toEqual([expect.objectContaining({ sourceKind: "legislator-letter", confirmedAt: null })]);
    const token = await confirmTokenFor("held@example.org");
    expect(await findHeldActionByToken(t.handle.db, token, t.services.clock())).toMatchObject({ keepsUpdated: true });
    expect(await confirmHeldAction({ ...t.services, token })).toMatchObject({ ok: true });
    expect(await subscriber("held@example.org")).toMatchObject({ status: "active", source: "legislator-letter:residency-shortage-act" });
    expect((await consents("held@example.org"))[0].confirmedAt).not.toBeNull();
    // One confirmation e-mail (then the copy of the letters): no newsletter opt-in mail.
    expect((await mailsTo("held@example.org")).map((m) => m.template)).toEqual(["advocacy.confirm-letters", "advocacy.letter-copy"]);
  });

  it("subscribes nobody who left the box unticked, signed in or not", async () => {
    await send(letter("quiet@example.org", false), true);
    await send(letter("quiet-held@example.org", false), false);
    const token = await confirmTokenFor("quiet-held@example.org");
    expect(await findHeldActionByToken(t.handle.db, token, t.services.clock())).toMatchObject({ keepsUpdated: false });
    expect(await confirmHeldAction({ ...t.services, token })).toMatchObject({ ok: true });
    for (const email of ["quiet@example.org", "quiet-held@example.org"]) {
      expect(await subscriber(email)).toBeUndefined();
      expect(await consents(email)).toEqual([]);
    }
  });
});
