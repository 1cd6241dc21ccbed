import { describe, expect, it } from "vitest";
import { campaignInputSchema } from "./save-campaign.server";

const campaign = {
  kind: "open-letter",
  slug: "fund-residencies",
  title: "Fund residencies",
  addressee: "Congress",
  summary: "One sentence.",
  backgroundMarkdown: "",
  letterSubject: "",
  letterMarkdown: "Dear {{legislator_name}},\r\nplease act.",
  supporterLetterMarkdown: "",
  organisationStatement: "",
  talkingPoints: "",
  phoneScript: "",
  thankYouMarkdown: "",
  targets: "",
  targetStates: "",
  bill: "",
  startsOn: "",
  endsOn: "",
  goal: "100",
  sortOrder: "0",
};

describe("campaignInputSchema", () => {
  it("refuses a date that is not on the calendar (PostgreSQL refuses it too)", () => {
    const result = campaignInputSchema.safeParse({ ...campaign, startsOn: "2020-02-31" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["startsOn"], message: "Please enter a date as YYYY-MM-DD." });
    expect(campaignInputSchema.safeParse({ ...campaign, startsOn: "2020-02-29" }).success).toBe(true);
  });

  it("keeps a one-line title on one line and the letter's line breaks as LF, without control characters", () => {
    const parsed = campaignInputSchema.parse({ ...campaign, title: "Fund\r\nresidencies\u0000", letterMarkdown: "Dear {{legislator_name}},\r\nplease\u0000 act." });
    expect(parsed.title).toBe("Fund residencies");
    expect(parsed.letterMarkdown).toBe("Dear {{legislator_name}},\nplease act.");
  });

  it("refuses a sort order past PostgreSQL's integer (it was stored as one: a 500)", () => {
    expect(campaignInputSchema.safeParse({ ...campaign, sortOrder: "3000000000" }).error?.issues[0]?.path).toEqual(["sortOrder"]);
  });
});

describe("campaignInputSchema across fields", () => {
  it.each([
    ["a letter to legislators with no one to write to", { kind: "legislator-letter", targets: "" }, { targets: "Please choose whom people write to." }],
    ["an end before the start", { startsOn: "2026-05-02", endsOn: "2026-05-01" }, { endsOn: "The campaign cannot end before it starts." }],
    [
      "an end before the start, together with another field's problem",
      { startsOn: "2026-05-02", endsOn: "2026-05-01", title: "" },
      { endsOn: "The campaign cannot end before it starts.", title: "Please give the campaign a title." },
    ],
  ])("refuses %s", (_name, change, fieldErrors) => {
    const result = campaignInputSchema.safeParse({ ...campaign, ...change });
    expect(Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]))).toEqual(fieldErrors);
  });
});
