import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionMessages, campaignActions, campaigns, outboxMessages, pendingCampaignActions } from "~/db/schema/index";
import { findLink } from "~/tests/helpers/smtp-sink";
import { hitRateLimit } from "~/platform/rate-limit.server";
import { fixtureReferenceFiles } from "~/tests/helpers/reference-fixture";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import type { CampaignActionInput } from "~/domains/advocacy/advocacy.schema";
import { findLegislatorCampaign, seedStarterCampaigns } from "./campaigns.server";
import { ensureReferenceData } from "~/domains/advocacy/legislators/load-reference-data.server";
import { confirmHeldAction, findHeldAction, findHeldActionByToken } from "./confirm-held-action.server";
import { actionLimits, duplicateStoryMessage, findSentAction, sendCampaignLetter } from "./send-campaign-letter.server";
import { exportAdvocacyData, forgetLetterWriter } from "~/domains/advocacy/person-data.server";
import { seedStatePathways } from "~/domains/advocacy/state-pathways/state-pathways.server";

// Rows of the reference fixture (cut from the shipped data): Alaska's state legislators publish e-mail addresses.
const bynum = "ocd-person/b2eaa848-d651-4521-9abb-21b68da5d5c6"; // AK lower district 1
const stedman = "ocd-person/bfdc2ee2-7760-4119-9d68-4962f1e1a285"; // AK upper district A

const person = (email: string, extra: Partial<CampaignActionInput> = {}): CampaignActionInput => ({
  zip: "13202",
  district: "",
  keepUpdated: false,
  upperId: "",
  lowerId: "",
  letter: "Please cosponsor the Resident Physician Shortage Reduction Act. {{members_in_state}} members live in {{sender_state}}.",
  supporterLetter: "",
  story: "",
  name: "Maria Lopez",
  email,
  street: "120 Main St",
  city: "Syracuse",
  ...extra,
});

describe.each(testEngines())("letters to legislators on $name", (engine) => {
  let t: TestPlatform;
  let ipCounter = 0;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
    await ensureReferenceData(t.handle.db, fixtureReferenceFiles());
    await seedStatePathways(t.handle.db);
    expect(await seedStarterCampaigns(t.handle.db)).toBe(5);
  });
  afterAll(async () => t?.close());

  // Most tests write as a person signed in with the typed address (proven); the last ones as anyone else.
  const send = (slug: string, input: CampaignActionInput, ip = `198.51.100.${++ipCounter}`) => sendCampaignLetter({ ...t.services, slug, input, ip, isProven: true });
  const sendUnproven = (slug: string, input: CampaignActionInput, ip = `198.51.100.${++ipCounter}`) => sendCampaignLetter({ ...t.services, slug, input, ip, isProven: false });
  const outboxTo = async (address: string) => t.handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, address)).orderBy(outboxMessages.id);
  const actionOf = async (slug: string, email: string) => {
    const campaign = (await findLegislatorCampaign(t.handle.db, slug))!;
    const [action] = await t.handle.db
      .select()
      .from(campaignActions)
      .where(and(eq(campaignActions.campaignId, campaign.id), eq(campaignActions.email, email)));
    return action;
  };
  const confirmLinkFor = async (email: string, nth = 0) => {
    const mails = await expect
      .poll(() => t.sink.messages.filter((m) => m.to.includes(email) && m.subject.startsWith("Please confirm your letters")).length)
      .toBeGreaterThan(nth)
      .then(() => t.sink.messages.filter((m) => m.to.includes(email) && m.subject.startsWith("Please confirm your letters")));
    return new URL(findLink(mails[nth], "http://amg.test/act/confirm?token=")).searchParams.get("token")!;
  };
  const akLetter = (email: string, extra: Partial<CampaignActionInput> = {}) =>
    person(email, { zip: "99901", letter: "Please license medical graduates for collaborative practice in Alaska, this year.", upperId: stedman, lowerId: bynum, ...extra });
  const messagesOf = async (email: string) => {
    const [action] = await t.handle.db.select().from(campaignActions).where(eq(campaignActions.email, email));
    return t.handle.db.select().from(actionMessages).where(eq(actionMessages.actionId, action.id)).orderBy(actionMessages.target, actionMessages.targetName);
  };

  it("writes to both senators and the representative, the cosponsors with the thank-you letter, all prepared", async () => {
    const outcome = await send("residency-shortage-act", person("maria@example.org", { story: "I passed Step 1 and Step 2 CK and applied three years running." }));
    expect(outcome).toMatchObject({ ok: true, publicId: expect.any(String) });
    const messages = await messagesOf("maria@example.org");
    expect(messages.map((m) => [m.target, m.targetName, m.version, m.delivery])).toEqual([
      ["us-house", expect.any(String), "general", "prepared"],
      ["us-senate", "Charles E. Schumer", "supporter", "prepared"],
      ["us-senate", "Kirsten E. Gillibrand", "supporter", "prepared"],
    ]);
    const house = messages[0];
    expect(house.district).toBe("NY-22");
    expect(house.constituentMessage).toContain(`Dear Representative ${house.targetName},`);
    expect(house.constituentMessage).toContain("Please cosponsor the Resident Physician Shortage Reduction Act.\n");
    expect(house.constituentMessage).not.toContain("members live in"); // no members there yet: that sentence is left out
    expect(house.constituentMessage).toContain("In my own words:\n\nI passed Step 1");
    expect(house.constituentMessage).toContain("Maria Lopez\n120 Main St\nSyracuse, NY 13202");
    // The organisation's statement is stored apart, never inside the constituent's message.
    expect(house.organisationStatement).toContain("The Alliance of Medical Graduates represents");
    expect(house.constituentMessage).not.toContain("The Alliance of Medical Graduates represents");
    expect(messages[1].constituentMessage).toContain("Thank you for supporting the Resident Physician Shortage Reduction Act");
    expect(house.callScript).toContain(`Representative ${house.targetName}`);
    const copy = await t.sink.waitFor((m) => m.to.includes("maria@example.org"));
    expect(copy.subject).toBe("Your letters: Ask Congress to pass the Resident Physician Shortage Reduction Act");
    expect(copy.text).toContain("=== To Senator Charles E. Schumer (New York) ===");
    expect(copy.text).toContain("This office takes messages only through its own contact form");
    expect(copy.text).toContain(`http://amg.test/act/residency-shortage-act/sent/${outcome.ok ? outcome.publicId : ""}`);
  });

  it("keeps one message per person per target: sending again updates the letters", async () => {
    const again = await send("residency-shortage-act", person("maria@example.org", { story: "Updated: four years now, still ready to serve in primary care." }));
    expect(again.ok).toBe(true);
    const messages = await messagesOf("maria@example.org");
    expect(messages).toHaveLength(3);
    expect(messages[0].constituentMessage).toContain("Updated: four years now");
    const actions = await t.handle.db.select().from(campaignActions).where(eq(campaignActions.email, "maria@example.org"));
    expect(actions).toHaveLength(1);
  });

  it("asks for the district of a split ZIP, then writes to that district's representative", async () => {
    const unsure = await send("residency-shortage-act", person("lee@example.org", { zip: "10001" }));
    expect(unsure).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { district: expect.stringContaining("choose your congressional district") } });
    expect(await send("residency-shortage-act", person("lee@example.org", { zip: "10001", district: "NY-12" }))).toMatchObject({ ok: true });
    const house = (await messagesOf("lee@example.org")).find((m) => m.target === "us-house")!;
    expect(house.district).toBe("NY-12");
  });

  it("writes to the at-large representative and both senators of Alaska", async () => {
    expect(await send("residency-shortage-act", person("alaska@example.org", { zip: "99901" }))).toMatchObject({ ok: true });
    const messages = await messagesOf("alaska@example.org");
    expect(messages.map((m) => [m.target, m.district])).toEqual([
      ["us-house", "Alaska at-large"],
      ["us-senate", "Alaska"],
      ["us-senate", "Alaska"],
    ]);
  });

  it("writes only to the delegate from DC and the resident commissioner from Puerto Rico", async () => {
    expect(await send("residency-shortage-act", person("dc@example.org", { zip: "20001" }))).toMatchObject({ ok: true });
    expect((await messagesOf("dc@example.org")).map((m) => [m.target, m.targetTitle])).toEqual([["us-house", "Delegate"]]);
    expect(await send("residency-shortage-act", person("pr@example.org", { zip: "00901" }))).toMatchObject({ ok: true });
    expect((await messagesOf("pr@example.org")).map((m) => [m.target, m.targetTitle])).toEqual([["us-house", "Resident Commissioner"]]);
  });

  it("names a bad or unknown ZIP code", async () => {
    expect(await send("residency-shortage-act", person("x@example.org", { zip: "00000" }))).toMatchObject({
      ok: false,
      fieldErrors: { zip: expect.stringContaining("We do not know ZIP code 00000") },
    });
  });

  it("has state legislators chosen from the state's list, and e-mails the offices that publish an address", async () => {
    const akLetter = "Please license medical graduates for collaborative practice. {{state_ask}}";
    const unchosen = await send("collaborative-practice", person("ak@example.org", { zip: "99901", letter: akLetter }));
    expect(unchosen).toMatchObject({ ok: false, fieldErrors: { upperId: "Please choose your state senator from the list.", lowerId: expect.stringContaining("from the list") } });
    expect(await send("collaborative-practice", person("ak@example.org", { zip: "99901", letter: akLetter, upperId: stedman, lowerId: bynum }))).toMatchObject({ ok: true });
    const messages = await messagesOf("ak@example.org");
    expect(messages.map((m) => [m.targetName, m.delivery, m.recipientEmail])).toEqual([
      ["Jeremy Bynum", "email", "representative.jeremy.bynum@akleg.gov"],
      ["Bert Stedman", "email", "senator.bert.stedman@akleg.gov"],
    ]);
    expect(messages[0].constituentMessage).toContain("Please introduce or cosponsor a bill to license medical graduates for collaborative practice in Alaska");
    const office = await t.sink.waitFor((m) => m.to.includes("representative.jeremy.bynum@akleg.gov"));
    expect(office.header("reply-to")).toContain("ak@example.org");
    expect(office.text).toContain("Dear Representative Jeremy Bynum,");
    expect(office.text).toContain("---\nStatement from");
    expect(messages[0].outboxId).not.toBeNull();
    // Each campaign counts its own people.
    expect((await findLegislatorCampaign(t.handle.db, "collaborative-practice"))!.actions).toBe(1);
    expect((await findLegislatorCampaign(t.handle.db, "residency-shortage-act"))!.actions).toBe(5);
  });

  it("never e-mails an office twice for one person: sending again keeps the letter already sent", async () => {
    const before = (await messagesOf("ak@example.org")).map((m) => m.outboxId);
    expect(
      await send(
        "collaborative-practice",
        person("ak@example.org", { zip: "99901", letter: "Please license medical graduates for collaborative practice, now with a new sentence.", upperId: stedman, lowerId: bynum }),
      ),
    ).toMatchObject({ ok: true });
    const after = await messagesOf("ak@example.org");
    expect(after.map((m) => m.outboxId)).toEqual(before);
    expect(after[1].constituentMessage).not.toContain("new sentence");
  });

  it("turns away the same story, word for word, from another address", async () => {
    const story = "My story: I graduated in 2018, passed every exam, and still have no residency.";
    expect(await send("residency-shortage-act", person("first@example.org", { story }))).toMatchObject({ ok: true });
    const copied = await send("residency-shortage-act", person("second@example.org", { story: story.toUpperCase() }));
    expect(copied).toMatchObject({ ok: false, fieldErrors: { story: duplicateStoryMessage } });
    expect(await send("residency-shortage-act", person("first@example.org", { story }))).toMatchObject({ ok: true });
  });

  it("limits actions per connection and per e-mail address", async () => {
    const ip = "203.0.113.99";
    for (let i = 0; i < actionLimits.perIp.limit; i++) await hitRateLimit(t.handle.db, actionLimits.perIp, ip, t.services.clock());
    expect(await send("residency-shortage-act", person("busy@example.org"), ip)).toMatchObject({ ok: false, reason: "rate-limited" });
    for (let i = 0; i < actionLimits.perEmail.limit; i++) expect(await send("residency-shortage-act", person("many@example.org"))).toMatchObject({ ok: true });
    expect(await send("residency-shortage-act", person("many@example.org"))).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  it("takes no action outside the campaign's dates or states", async () => {
    // An action keeps its campaign for five seconds: each change below is read after that.
    const later = () => t.setNow(new Date(t.services.clock().getTime() + 6_000));
    await t.handle.db.update(campaigns).set({ endsOn: "2020-01-01" }).where(eq(campaigns.slug, "collaborative-practice"));
    later();
    expect(await send("collaborative-practice", person("late@example.org", { zip: "99901", upperId: stedman, lowerId: bynum }))).toMatchObject({
      ok: false,
      formError: expect.stringContaining("has ended"),
    });
    await t.handle.db
      .update(campaigns)
      .set({ endsOn: null, targetStates: ["TX"] })
      .where(eq(campaigns.slug, "collaborative-practice"));
    later();
    expect(await send("collaborative-practice", person("late@example.org", { zip: "99901", upperId: stedman, lowerId: bynum }))).toMatchObject({
      ok: false,
      formError: "This campaign is for people in Texas.",
    });
    await t.handle.db.update(campaigns).set({ targetStates: [] }).where(eq(campaigns.slug, "collaborative-practice"));
  });

  it("gives a person their letters in their data, and forgets them on deletion while the counts stay", async () => {
    const mine = await exportAdvocacyData(t.handle.db, "maria@example.org");
    expect(mine.lettersToLegislators).toHaveLength(1);
    expect(mine.lettersToLegislators[0]).toMatchObject({ name: "Maria Lopez", street: "120 Main St", zip: "13202", district: "NY-22" });
    expect(mine.lettersToLegislators[0].letters).toHaveLength(3);
    const before = (await findLegislatorCampaign(t.handle.db, "residency-shortage-act"))!.actions;
    await forgetLetterWriter(t.handle.db, "maria@example.org");
    expect((await exportAdvocacyData(t.handle.db, "maria@example.org")).lettersToLegislators).toEqual([]);
    expect((await findLegislatorCampaign(t.handle.db, "residency-shortage-act"))!.actions).toBe(before);
    const left = await t.handle.db.select().from(campaignActions).where(eq(campaignActions.name, "(deleted)"));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ street: "", city: "", story: "", state: "NY", district: "NY-22" });
    const texts = await t.handle.db.select({ text: actionMessages.constituentMessage }).from(actionMessages).where(eq(actionMessages.actionId, left[0].id));
    expect(texts.every((m) => m.text === "[Removed at the writer's request.]")).toBe(true);
  });

  it("holds letters from a browser not signed in as the address: the earlier action is neither shown nor changed, no office is e-mailed, nothing is counted", async () => {
    t.setNow(new Date(t.services.clock().getTime() + 6_000)); // past the campaign memo of the test above
    const victim = await send("collaborative-practice", akLetter("victim@example.org", { name: "Vera Victim", street: "9 Harbor Rd", story: "Vera's own story of three match cycles." }));
    expect(victim).toMatchObject({ ok: true, isHeld: false });
    const before = await actionOf("collaborative-practice", "victim@example.org");
    const officeMails = (await outboxTo("representative.jeremy.bynum@akleg.gov")).length;
    const people = (await findLegislatorCampaign(t.handle.db, "collaborative-practice"))!.actions;

    const attack = await sendUnproven("collaborative-practice", akLetter("victim@example.org", { name: "Mallory Mask", street: "1 Fake St", story: "Words the victim never wrote." }));
    expect(attack).toMatchObject({ ok: true, isHeld: true });
    if (!attack.ok || !victim.ok) throw new Error("unreachable");
    expect(attack.publicId).not.toBe(victim.publicId);
    // The victim's action is exactly as it was.
    expect(await actionOf("collaborative-practice", "victim@example.org")).toEqual(before);
    // The attacker's page holds only what was typed with it; the held id opens no earlier action.
    expect(await findSentAction(t.handle.db, "collaborative-practice", attack.publicId)).toBeNull();
    const held = (await findHeldAction(t.handle.db, "collaborative-practice", attack.publicId, t.services.clock()))!;
    expect(held.status).toBe("waiting");
    expect(held.held.name).toBe("Mallory Mask");
    expect(JSON.stringify(held)).not.toContain("Vera");
    // No office mail, no one more counted; the address got a link instead.
    expect((await outboxTo("representative.jeremy.bynum@akleg.gov")).length).toBe(officeMails);
    expect((await findLegislatorCampaign(t.handle.db, "collaborative-practice"))!.actions).toBe(people);
    const token = await confirmLinkFor("victim@example.org");
    expect(await findHeldActionByToken(t.handle.db, token, t.services.clock())).toMatchObject({
      signedAs: { name: "Mallory Mask", street: "1 Fake St" },
      emailed: ["Senator Bert Stedman", "Representative Jeremy Bynum"],
    });
  });

  it("sends held letters to offices only once the link is opened, with the writer as reply-to; the link works once", async () => {
    const people = (await findLegislatorCampaign(t.handle.db, "collaborative-practice"))!.actions;
    const officeMails = (await outboxTo("senator.bert.stedman@akleg.gov")).length;
    const held = await sendUnproven("collaborative-practice", akLetter("newcomer@example.org", { name: "Nora New" }));
    expect(held).toMatchObject({ ok: true, isHeld: true });
    expect(await actionOf("collaborative-practice", "newcomer@example.org")).toBeUndefined();
    expect((await outboxTo("senator.bert.stedman@akleg.gov")).length).toBe(officeMails);
    const token = await confirmLinkFor("newcomer@example.org");
    const confirmed = await confirmHeldAction({ ...t.services, token });
    expect(confirmed).toMatchObject({ ok: true, slug: "collaborative-practice" });
    const action = await actionOf("collaborative-practice", "newcomer@example.org");
    expect(action).toMatchObject({ name: "Nora New", publicId: confirmed.ok ? confirmed.publicId : "" });
    const toOffice = await outboxTo("senator.bert.stedman@akleg.gov");
    expect(toOffice.length).toBe(officeMails + 1);
    expect(toOffice.at(-1)!.replyTo).toContain("newcomer@example.org");
    expect((await findLegislatorCampaign(t.handle.db, "collaborative-practice"))!.actions).toBe(people + 1);
    expect(await confirmHeldAction({ ...t.services, token })).toEqual({ ok: false });
    expect((await outboxTo("senator.bert.stedman@akleg.gov")).length).toBe(officeMails + 1);
    if (!held.ok) throw new Error("unreachable");
    expect((await findHeldAction(t.handle.db, "collaborative-practice", held.publicId, t.services.clock()))!.status).toBe("confirmed");
  });

  it("merges confirmed letters into the person's one action without e-mailing an office twice", async () => {
    const officeMails = (await outboxTo("representative.jeremy.bynum@akleg.gov")).length;
    expect(await send("collaborative-practice", akLetter("twice@example.org"))).toMatchObject({ ok: true, isHeld: false });
    expect((await outboxTo("representative.jeremy.bynum@akleg.gov")).length).toBe(officeMails + 1);
    const people = (await findLegislatorCampaign(t.handle.db, "collaborative-practice"))!.actions;
    await sendUnproven("collaborative-practice", akLetter("twice@example.org", { story: "A second thought, in my own words." }));
    const token = await confirmLinkFor("twice@example.org");
    expect(await confirmHeldAction({ ...t.services, token })).toMatchObject({ ok: true });
    expect((await actionOf("collaborative-practice", "twice@example.org")).story).toBe("A second thought, in my own words.");
    expect((await outboxTo("representative.jeremy.bynum@akleg.gov")).length).toBe(officeMails + 1);
    expect((await findLegislatorCampaign(t.handle.db, "collaborative-practice"))!.actions).toBe(people);
  });

  it("keeps the links to one address to three an hour, and forgets held letters with the person", async () => {
    for (let i = 0; i < 4; i++) expect(await sendUnproven("residency-shortage-act", person("flood@example.org"))).toMatchObject({ ok: true, isHeld: true });
    const links = (await outboxTo("flood@example.org")).filter((m) => m.template === "advocacy.confirm-letters");
    expect(links).toHaveLength(actionLimits.confirmMailsPerAddress.limit);
    expect((await exportAdvocacyData(t.handle.db, "flood@example.org")).heldLettersToLegislators).toHaveLength(4);
    await forgetLetterWriter(t.handle.db, "flood@example.org");
    expect(await t.handle.db.select().from(pendingCampaignActions).where(eq(pendingCampaignActions.email, "flood@example.org"))).toEqual([]);
  });
});
