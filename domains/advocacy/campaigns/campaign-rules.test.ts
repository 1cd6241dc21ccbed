import { describe, expect, it } from "vitest";
import { campaignPhase, composeConstituentMessage, composeDeliveredLetter, fillLetter, fillPlaceholders, isStateTargeted, letterVersionFor, unknownPlaceholders } from "./campaign-rules";
import { storyFingerprint } from "./story-fingerprint.server";

describe("letter placeholders", () => {
  it("fills the placeholders it has values for, with or without spaces inside the braces", () => {
    expect(
      fillPlaceholders("Dear {{legislator_title}} {{ legislator_name }}, {{members_in_state}} members live in {{sender_state}}.", {
        legislator_title: "Senator",
        legislator_name: "Ada Lovelace",
        members_in_state: "1,204",
      }),
    ).toBe("Dear Senator Ada Lovelace, 1,204 members live in {{sender_state}}.");
  });

  it("leaves out a sentence that would cite zero members", () => {
    const template = "Please act.\n\n{{members_in_state}} members live in {{sender_state}}.\n\nThank you. {{members_in_state}} members agree. Really.";
    expect(fillLetter(template, { members_in_state: "0", sender_state: "Ohio" })).toBe("Please act.\n\nThank you. Really.");
    expect(fillLetter(template, { members_in_state: "12", sender_state: "Ohio" })).toBe("Please act.\n\n12 members live in Ohio.\n\nThank you. 12 members agree. Really.");
  });

  it.each([
    ["withheld by membership (too few to publish)", ""],
    ["one member", "1"],
    ["nine members", "9"],
  ])("leaves out a sentence citing a count %s, in letters and call scripts alike", (_name, count) => {
    const template = "Please act.\n\n{{members_in_state}} members live in {{sender_state}}.\n\nThank you. {{members_in_district}} members agree. Really.";
    const values = { members_in_state: count, members_in_district: count, sender_state: "Wyoming" };
    expect(fillLetter(template, values)).toBe("Please act.\n\nThank you. Really.");
    expect(fillPlaceholders("Hello. {{members_in_state}} members live in {{sender_state}}. Thank you.", values)).toBe("Hello. Thank you.");
  });

  it("keeps a sentence whose count is not known yet, to be filled for each legislator", () => {
    expect(fillLetter("Please act. {{members_in_district}} members live in your district.", { members_in_state: "" })).toBe("Please act. {{members_in_district}} members live in your district.");
  });

  it("names the placeholders that do not exist, once each", () => {
    expect(unknownPlaceholders("{{sender_nam}} {{sender_nam}} {{sender_name}} {{district}} {{zip}}")).toEqual(["sender_nam", "zip"]);
    expect(unknownPlaceholders("no placeholders")).toEqual([]);
  });
});

describe("which letter a target gets", () => {
  it("gives supporters the supporter letter, when the campaign has one", () => {
    expect(letterVersionFor(true, { supporterLetterMarkdown: "Thank you" })).toBe("supporter");
    expect(letterVersionFor(false, { supporterLetterMarkdown: "Thank you" })).toBe("general");
    expect(letterVersionFor(true, { supporterLetterMarkdown: "  " })).toBe("general");
  });
});

describe("campaign dates and states", () => {
  const c = { startsOn: "2026-01-10", endsOn: "2026-03-31" };
  it.each([
    ["2026-01-09", "upcoming"],
    ["2026-01-10", "open"],
    ["2026-03-31", "open"],
    ["2026-04-01", "ended"],
  ])("on %s the campaign is %s", (today, phase) => {
    expect(campaignPhase(c, today)).toBe(phase);
  });
  it("is open with no dates, and for every state with no state list", () => {
    expect(campaignPhase({ startsOn: null, endsOn: null }, "2030-01-01")).toBe("open");
    expect(isStateTargeted({ targetStates: [] }, "NY")).toBe(true);
    expect(isStateTargeted({ targetStates: ["TX"] }, "NY")).toBe(false);
  });
});

describe("story fingerprints (the duplicate check)", () => {
  it("ignores case, spacing and punctuation, and skips very short stories", () => {
    const a = storyFingerprint("I matched nowhere, three years running. I still want to serve!");
    expect(a).toBe(storyFingerprint("i matched   nowhere three years running  I still want to serve"));
    expect(a).not.toBe(storyFingerprint("I matched nowhere, four years running. I still want to serve!"));
    expect(storyFingerprint("Thanks!")).toBeNull();
    expect(storyFingerprint("")).toBeNull();
  });
});

describe("the delivered text", () => {
  const sender = { name: "Maria Lopez", email: "maria@example.org", street: "120 Main St", city: "Syracuse", state: "NY", zip: "13202" };
  it("keeps the constituent's words and the organisation's statement apart", () => {
    const message = composeConstituentMessage({ greeting: "Senator Ada Lovelace", letter: "Please cosponsor.", story: "I passed Step 2 CK in 2019.", sender });
    expect(message).toBe(
      "Dear Senator Ada Lovelace,\n\nPlease cosponsor.\n\nIn my own words:\n\nI passed Step 2 CK in 2019.\n\nSincerely,\nMaria Lopez\n120 Main St\nSyracuse, NY 13202\nmaria@example.org",
    );
    const delivered = composeDeliveredLetter({ constituentMessage: message, organisationStatement: "AMG supports the bill.", orgName: "AMG" });
    expect(delivered.startsWith(message)).toBe(true);
    expect(delivered).toContain("---\nStatement from AMG, which helped send this letter:\n\nAMG supports the bill.");
    expect(composeDeliveredLetter({ constituentMessage: message, organisationStatement: "", orgName: "AMG" })).toBe(message);
  });
  it("leaves out an empty story", () => {
    expect(composeConstituentMessage({ greeting: "X", letter: "L", story: "  ", sender })).not.toContain("In my own words");
  });
});
