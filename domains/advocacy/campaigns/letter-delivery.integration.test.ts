// Finishing the job (docs/decisions/0017): a writer marks prepared letters as sent from their page or
// the signed link, gets one reminder a day later for the rest (never after unsubscribing), and the
// staff results count people, letters delivered by e-mail, reported sent and only prepared.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionMessages, campaignActions, outboxMessages, subscribers } from "~/db/schema/index";
import { fixtureReferenceFiles } from "~/tests/helpers/reference-fixture";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import type { CampaignActionInput } from "~/domains/advocacy/advocacy.schema";
import { ensureReferenceData } from "~/domains/advocacy/legislators/load-reference-data.server";
import { seedStatePathways } from "~/domains/advocacy/state-pathways/state-pathways.server";
import { campaignResults } from "./campaign-results.server";
import { findLegislatorCampaign, seedStarterCampaigns } from "./campaigns.server";
import { canSeeLetters, isLetterPageKey, letterPageKey } from "./letter-links";
import { markLetterSent } from "./mark-letter-sent.server";
import { remindPreparedLetters } from "./remind-prepared-letters.server";
import { duplicateStoryMessage, findSentAction, sendCampaignLetter } from "./send-campaign-letter.server";

const start = new Date("2026-03-02T15:00:00Z");
const hours = (h: number) => new Date(start.getTime() + h * 3_600_000);

const syracuse = (email: string, extra: Partial<CampaignActionInput> = {}): CampaignActionInput => ({
  zip: "13202",
  district: "",
  keepUpdated: false,
  upperId: "",
  lowerId: "",
  letter: "Please cosponsor the Resident Physician Shortage Reduction Act, for doctors in New York.",
  supporterLetter: "",
  story: "",
  name: "Maria Lopez",
  email,
  street: "120 Main St",
  city: "Syracuse",
  ...extra,
});

describe.each(testEngines())("finishing the job on $name", (engine) => {
  let t: TestPlatform;
  let ip = 0;
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
    await ensureReferenceData(t.handle.db, fixtureReferenceFiles());
    await seedStatePathways(t.handle.db);
    await seedStarterCampaigns(t.handle.db);
  });
  afterAll(async () => t?.close());

  const write = async (email: string, extra: Partial<CampaignActionInput> = {}) => {
    const outcome = await sendCampaignLetter({ ...t.services, slug: "residency-shortage-act", input: syracuse(email, extra), ip: `203.0.113.${++ip}`, isProven: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    return (await findSentAction(t.handle.db, "residency-shortage-act", outcome.publicId))!;
  };
  const remindersTo = async (email: string) => (await t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).filter((m) => m.template === "advocacy.letters-reminder");

  it("fills each call script with the person's name, city and ZIP, and gives a supporter the thank-you subject", async () => {
    const { messages } = await write("script@example.org");
    for (const m of messages) {
      expect(m.callScript).toContain("my name is Maria Lopez and I am a constituent from Syracuse, ZIP code 13202");
      expect(m.callScript).not.toMatch(/\[your|\{\{/);
    }
    const schumer = messages.find((m) => m.targetName === "Charles E. Schumer")!;
    expect(schumer.version).toBe("supporter");
    expect(schumer.subject).toBe("Thank you for supporting the Resident Physician Shortage Reduction Act");
    expect(schumer.constituentMessage).toContain("Thank you for supporting");
    const house = messages.find((m) => m.target === "us-house")!;
    expect(house.subject).toBe("As your constituent, I ask you to support the Resident Physician Shortage Reduction Act");
    // The representative's data has no contact form: his site is kept apart, never offered as a form.
    expect(house.contactUrl).toBeNull();
    expect(house.website).toBe("https://mannion.house.gov");
    expect(schumer.contactUrl).toBe("https://www.schumer.senate.gov/contact/email-chuck");
  });

  it("shows the letters only to a browser that proved the address: the writer's session or the signed link", async () => {
    const { action } = await write("private@example.org");
    const key = letterPageKey(t.services.secretKey, action.publicId);
    expect(isLetterPageKey(t.services.secretKey, action.publicId, key)).toBe(true);
    expect(canSeeLetters(t.services.secretKey, action, { viewerEmail: null, key })).toBe(true);
    expect(canSeeLetters(t.services.secretKey, action, { viewerEmail: "private@example.org", key: null })).toBe(true);
    expect(canSeeLetters(t.services.secretKey, action, { viewerEmail: "someone@example.org", key: null })).toBe(false);
    expect(canSeeLetters(t.services.secretKey, action, { viewerEmail: null, key: null })).toBe(false);
    expect(canSeeLetters(t.services.secretKey, action, { viewerEmail: null, key: letterPageKey(t.services.secretKey, "another-id") })).toBe(false);
    // The copy e-mailed to the writer links to the page with its key, and each prepared letter to its "I sent it".
    const copy = await t.sink.waitFor((m) => m.to.includes("private@example.org") && m.subject.startsWith("Your letters:"));
    expect(copy.text).toContain(`http://amg.test/act/residency-shortage-act/sent/${action.publicId}?key=${key}`);
    expect(copy.text).toContain("Once you have sent it through the form or by phone, tell us here (no sign-in needed):");
    expect(copy.text).toContain("This office publishes no contact form we can link to: please call it (202-225-3701)");
  });

  it("marks a prepared letter as sent, by form or phone, and takes it back; never an e-mailed one or another person's", async () => {
    const { action, messages } = await write("mark@example.org");
    const other = await write("other@example.org");
    const now = t.services.clock();
    expect(await markLetterSent({ db: t.handle.db, now, ip: "203.0.113.200", actionId: action.id, messageId: messages[0].id, via: "form" })).toEqual({ ok: true });
    expect(await markLetterSent({ db: t.handle.db, now, ip: "203.0.113.200", actionId: action.id, messageId: messages[1].id, via: "phone" })).toEqual({ ok: true });
    expect(await markLetterSent({ db: t.handle.db, now, ip: "203.0.113.200", actionId: action.id, messageId: other.messages[0].id, via: "form" })).toEqual({ ok: false, reason: "not-found" });
    let rows = await t.handle.db.select().from(actionMessages).where(eq(actionMessages.actionId, action.id)).orderBy(actionMessages.id);
    expect(rows.map((r) => r.reportedVia)).toEqual(["form", "phone", null]);
    expect(await markLetterSent({ db: t.handle.db, now, ip: "203.0.113.200", actionId: action.id, messageId: messages[1].id, via: "undo" })).toEqual({ ok: true });
    rows = await t.handle.db.select().from(actionMessages).where(eq(actionMessages.actionId, action.id)).orderBy(actionMessages.id);
    expect(rows.map((r) => r.reportedVia)).toEqual(["form", null, null]);
    // Writing again keeps a letter the person sent: it is not replaced, nor sent twice.
    const again = await write("mark@example.org", { story: "Four years now, and still ready to serve." });
    const kept = again.messages.find((m) => m.id === messages[0].id)!;
    expect(kept.reportedVia).toBe("form");
    expect(kept.constituentMessage).not.toContain("Four years now");
  });

  it("reminds once, a day later, of the letters not yet marked, each with its signed link; never after unsubscribing", async () => {
    t.setNow(hours(0));
    const { action, messages } = await write("remind@example.org");
    await write("unsubscribed@example.org");
    await t.handle.db.insert(subscribers).values({ publicId: "sub-1", email: "unsubscribed@example.org", status: "unsubscribed", unsubscribeToken: "tok-unsub-1", unsubscribedAt: hours(0) });
    await markLetterSent({ db: t.handle.db, now: hours(1), ip: "203.0.113.201", actionId: action.id, messageId: messages[0].id, via: "form" });

    t.setNow(hours(23));
    await remindPreparedLetters(t.services);
    expect(await remindersTo("remind@example.org")).toHaveLength(0);

    t.setNow(hours(25));
    const first = await remindPreparedLetters(t.services);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const [reminder] = await remindersTo("remind@example.org");
    expect(reminder.subject).toBe("2 of your letters are still waiting to be sent: Ask Congress to pass the Resident Physician Shortage Reduction Act");
    const key = letterPageKey(t.services.secretKey, action.publicId);
    expect(reminder.text).toContain(`I sent it: http://amg.test/act/residency-shortage-act/sent/${action.publicId}?key=${key}#letter-${messages[1].id}`);
    expect(reminder.text).toContain(`#letter-${messages[2].id}`);
    expect(reminder.text).not.toContain(`#letter-${messages[0].id}`);
    expect(await remindersTo("unsubscribed@example.org")).toHaveLength(0);

    // Once: the sweep again, a day later, sends nothing more.
    t.setNow(hours(49));
    await remindPreparedLetters(t.services);
    expect(await remindersTo("remind@example.org")).toHaveLength(1);
    expect(await remindersTo("unsubscribed@example.org")).toHaveLength(0);
    const [row] = await t.handle.db.select({ remindedAt: campaignActions.remindedAt }).from(campaignActions).where(eq(campaignActions.email, "unsubscribed@example.org"));
    expect(row.remindedAt).not.toBeNull();
  });

  it("counts people, letters delivered by e-mail, reported sent and only prepared, by office", async () => {
    const campaign = (await findLegislatorCampaign(t.handle.db, "residency-shortage-act"))!;
    const results = await campaignResults(t.handle.db, campaign.id);
    const people = await t.handle.db.select().from(campaignActions).where(eq(campaignActions.campaignId, campaign.id));
    expect(results.people).toBe(people.length);
    const letters = await t.handle.db.select().from(actionMessages).where(eq(actionMessages.campaignId, campaign.id));
    const reported = letters.filter((l) => l.reportedSentAt).length;
    expect(reported).toBe(2); // mark@ (one kept) and remind@ (one)
    expect(results.counts).toMatchObject({ deliveredByEmail: 0, reportedSent: reported, onlyPrepared: letters.length - reported });
    const schumer = results.perOffice.find((o) => o.name === "Charles E. Schumer")!;
    expect(schumer.reportedSent + schumer.onlyPrepared + schumer.deliveredByEmail).toBe(schumer.letters);
  });

  it("checks only a story the person wrote, and says what to change", async () => {
    await write("empty-a@example.org", { story: "" });
    await write("empty-b@example.org", { story: "" });
    const story = "I graduated in 2019, passed Step 1 and Step 2 CK, and applied three times.";
    await write("story-a@example.org", { story });
    const copied = await sendCampaignLetter({
      ...t.services,
      slug: "residency-shortage-act",
      input: syracuse("story-b@example.org", { story: story.toUpperCase() }),
      ip: "203.0.113.250",
      isProven: true,
    });
    expect(copied).toMatchObject({ ok: false, fieldErrors: { story: duplicateStoryMessage } });
    expect(duplicateStoryMessage).toContain("Please change your story");
  });
});
