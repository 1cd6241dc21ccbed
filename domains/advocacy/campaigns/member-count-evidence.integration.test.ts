// Member counts that letters and campaign pages cite ("N members of the Alliance of Medical Graduates
// live in Wyoming"): only approved members who consented to statistics are counted, and a count
// under the publication threshold is never shown (the sentence is left out).
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionMessages, applications, campaignActions } from "~/db/schema/index";
import { fixtureReferenceFiles } from "~/tests/helpers/reference-fixture";
import { testEngines } from "~/tests/helpers/test-db";
import { startTestPlatform } from "~/tests/helpers/test-platform";
import type { TestPlatform } from "~/tests/helpers/test-platform";
import { upsertApplications } from "~/domains/membership/import-members.server";
import { checkImportRow, memberCsvTemplate } from "~/domains/membership/member-csv";
import { membersInDistrict, placeValues } from "./campaign-evidence.server";
import { prepareCampaignAction } from "./campaign-page.server";
import { fillLetter } from "./campaign-rules";
import { findLegislatorCampaign, seedStarterCampaigns } from "./campaigns.server";
import { ensureReferenceData } from "~/domains/advocacy/legislators/load-reference-data.server";
import { sendCampaignLetter } from "./send-campaign-letter.server";

const start = new Date("2026-11-24T15:00:00Z");
const example = Object.fromEntries(memberCsvTemplate[0].map((c, i) => [c, memberCsvTemplate[1][i]]));
const applicant = (email: string, zip: string, consent: "yes" | "no") => {
  const checked = checkImportRow({ ...example, name: `Dr. ${email.split("@")[0]}`, email, zip, consent_statistics: consent }, start);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.input;
};
const sentence = "{{members_in_state}} members of the Alliance of Medical Graduates live in {{sender_state}}.";
const districtSentence = "{{members_in_district}} members live in your district.";

describe.each(testEngines())("member counts cited in letters on $name", (engine) => {
  let t: TestPlatform;
  let now = start;
  beforeAll(async () => {
    t = await startTestPlatform(engine, { now: start });
    await ensureReferenceData(t.handle.db, fixtureReferenceFiles());
    await seedStarterCampaigns(t.handle.db);
    // Wyoming: nine approved members who consented, one approved member who did not, and one
    // consenting applicant still waiting for review.
    const wyoming = [
      ...Array.from({ length: 9 }, (_, n) => applicant(`wy${n}@example.org`, "82001", "yes")),
      applicant("wy-private@example.org", "82001", "no"),
      applicant("wy-waiting@example.org", "82001", "yes"),
    ];
    await upsertApplications(t.handle.db, wyoming, start);
    await t.handle.db
      .update(applications)
      .set({ status: "approved" })
      .where(
        inArray(
          applications.email,
          wyoming.map((w) => w.email).filter((e) => e !== "wy-waiting@example.org"),
        ),
      );
    await t.handle.db.update(applications).set({ status: "awaiting-review" }).where(eq(applications.email, "wy-waiting@example.org"));
  });
  afterAll(async () => t?.close());

  const wyomingDistrict = async () => ((await t.handle.db.select({ d: applications.districts }).from(applications).where(eq(applications.email, "wy0@example.org")))[0].d as string[])[0];

  it("leaves the sentence out for nine consenting members, not counting one who did not consent", async () => {
    const values = await placeValues(t.handle.db, "WY", now);
    expect(values.members_in_state).not.toMatch(/\d/);
    expect(fillLetter(`Please act. ${sentence} Thank you.`, values)).toBe("Please act. Thank you.");
    const district = await membersInDistrict(t.handle.db, await wyomingDistrict(), now);
    expect(fillLetter(`Please act. ${districtSentence}`, { members_in_district: district })).toBe("Please act.");
  });

  it("shows no Wyoming count on the campaign page, nor in the letters sent to Wyoming's legislators", async () => {
    const campaign = await findLegislatorCampaign(t.handle.db, "residency-shortage-act");
    const page = await prepareCampaignAction(t.handle.db, campaign!, "82001", "", now);
    expect(page.ok && page.letter).toBeTruthy();
    if (page.ok) expect(page.letter).not.toContain("members of the Alliance of Medical Graduates live in");
    const sent = await sendCampaignLetter({
      ...t.services,
      slug: "residency-shortage-act",
      input: {
        zip: "82001",
        district: "",
        keepUpdated: false,
        upperId: "",
        lowerId: "",
        letter: `Please act. ${sentence}`,
        supporterLetter: "",
        story: "",
        name: "Pat Doe",
        email: "pat@example.org",
        street: "1 Main St",
        city: "Cheyenne",
      },
      ip: "198.51.100.20",
      isProven: true,
    });
    expect(sent.ok).toBe(true);
    const [action] = await t.handle.db.select().from(campaignActions).where(eq(campaignActions.email, "pat@example.org"));
    const letters = await t.handle.db.select().from(actionMessages).where(eq(actionMessages.actionId, action.id));
    expect(letters.length).toBeGreaterThan(0);
    for (const letter of letters) {
      expect(letter.constituentMessage).not.toContain("live in Wyoming");
      expect(letter.callScript ?? "").not.toMatch(/\b\d+ members/);
    }
  });

  it("shows the count once ten consenting members live there", async () => {
    await upsertApplications(t.handle.db, [applicant("wy9@example.org", "82001", "yes")], now);
    await t.handle.db.update(applications).set({ status: "approved" }).where(eq(applications.email, "wy9@example.org"));
    now = new Date(start.getTime() + 5 * 60_000); // past the minute the count is kept for
    const values = await placeValues(t.handle.db, "WY", now);
    expect(values.members_in_state).toBe("10");
    expect(fillLetter(sentence, values)).toBe("10 members of the Alliance of Medical Graduates live in Wyoming.");
    expect(await membersInDistrict(t.handle.db, await wyomingDistrict(), now)).toBe("10");
  });
});
