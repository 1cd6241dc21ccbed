import { describe, expect, it } from "vitest";
import { fillCallScript, fillLetter, fillPlaceholders, subjectFor, withPrompts } from "./campaign-rules";
import { inCardOrder, letterStanding, sentHeadline, storyToCompare, tallyLetters } from "./delivery-rules";
import type { LetterFacts } from "./delivery-rules";

const prepared = (reported = false): LetterFacts => ({ delivery: "prepared", reportedSentAt: reported ? new Date("2026-03-02T10:00:00Z") : null });
const emailed = (outbox: LetterFacts["outbox"] = "sent", isHeld = false): LetterFacts => ({ delivery: "email", outbox, reportedSentAt: null, isHeld });

describe("the sent page's headline", () => {
  it.each([
    ["three offices that take no e-mail", [prepared(), prepared(), prepared()], "3 of 3 letters still need you"],
    ["one of three reported sent", [prepared(true), prepared(), prepared()], "2 of 3 letters still need you"],
    ["one left", [prepared(true), prepared(true), prepared()], "1 of 3 letters still needs you"],
    ["all e-mailed", [emailed(), emailed("queued"), emailed()], "All 3 delivered"],
    ["e-mailed and reported sent", [emailed(), prepared(true)], "All 2 delivered"],
    ["e-mails waiting for the writer's link", [emailed(undefined, true), emailed(undefined, true)], "2 of 2 letters still need you"],
    ["a single letter delivered", [emailed()], "Your letter is delivered"],
  ])("%s: %s", (_name, letters, headline) => {
    expect(sentHeadline(letters)).toBe(headline);
  });
});

describe("how a letter stands, and the counts", () => {
  it("tells delivered, sending, failed, waiting for the link, reported sent and only prepared apart", () => {
    expect([emailed("sent"), emailed("queued"), emailed("failed"), emailed("stored"), emailed(undefined, true), prepared(true), prepared()].map(letterStanding)).toEqual([
      "delivered",
      "sending",
      "failed",
      "kept in outbox",
      "waiting for your link",
      "reported sent",
      "prepared",
    ]);
  });

  it("counts letters in the right columns", () => {
    expect(tallyLetters([emailed("sent"), emailed("sent"), emailed("queued"), prepared(true), prepared(), prepared()])).toEqual({
      deliveredByEmail: 2,
      sending: 1,
      failed: 0,
      keptInOutbox: 0,
      reportedSent: 1,
      onlyPrepared: 2,
    });
  });

  it("puts the e-mailed letters first, then the prepared ones, each in its order", () => {
    const letters = [
      { id: 1, delivery: "prepared" as const },
      { id: 2, delivery: "email" as const },
      { id: 3, delivery: "prepared" as const },
    ];
    expect(inCardOrder(letters).map((l) => l.id)).toEqual([2, 1, 3]);
  });
});

describe("the call script and the subject", () => {
  it("fills the person's name, city and ZIP, in braces or in the older bracketed words", () => {
    const values = { sender_name: "Maria Lopez", sender_city: "Syracuse", sender_zip: "13202", legislator_title: "Senator", legislator_name: "Kirsten E. Gillibrand" };
    const script = fillCallScript("Hello, my name is {{sender_name}} from {{sender_city}}, ZIP code {{sender_zip}}. I ask {{legislator_title}} {{legislator_name}} to act.", values);
    expect(script).toBe("Hello, my name is Maria Lopez from Syracuse, ZIP code 13202. I ask Senator Kirsten E. Gillibrand to act.");
    const older = fillCallScript("Hello, my name is [your name] and I am a constituent from [your city], ZIP code [your ZIP].", values);
    expect(older).toBe("Hello, my name is Maria Lopez and I am a constituent from Syracuse, ZIP code 13202.");
    expect(older).not.toMatch(/\[|\{\{/);
  });

  it.each([
    ["a supporter gets the thank-you subject staff set", "supporter", { supporterLetterSubject: "Thank you for cosponsoring" }, "Thank you for cosponsoring"],
    ["a supporter without one gets a thank-you made from the bill", "supporter", { supporterLetterSubject: "" }, "Thank you for supporting H.R. 4731"],
    ["everyone else gets the campaign's subject", "general", {}, "Please cosponsor H.R. 4731"],
    ["or its title", "general", { letterSubject: " " }, "Fund residencies"],
  ] as const)("%s", (_name, version, changes, subject) => {
    const campaign = { letterSubject: "Please cosponsor H.R. 4731", supporterLetterSubject: "", bill: "H.R. 4731", title: "Fund residencies", ...changes };
    expect(subjectFor(version, campaign)).toBe(subject);
  });
});

describe("the public letter form", () => {
  it("shows what is filled per office in words, never in braces, and fills those words at send", () => {
    const shown = withPrompts("Dear {{legislator_title}} {{legislator_name}}, I live in your district ({{district}}).");
    expect(shown).toBe("Dear [legislator's title] [legislator's name], I live in your district ([legislator's district]).");
    expect(shown).not.toContain("{{");
    expect(fillPlaceholders(shown, { legislator_title: "Senator", legislator_name: "Ada Lovelace", district: "New York" })).toBe("Dear Senator Ada Lovelace, I live in your district (New York).");
  });

  it("still leaves out a sentence citing a withheld member count when it reads as words", () => {
    expect(fillLetter("Please act. [members in your state] members live here.", { members_in_state: "" })).toBe("Please act.");
  });
});

describe("the duplicate-story check", () => {
  it.each([
    ["an empty story", "", ""],
    ["spaces only", "  \n ", ""],
    ["the story the form gave, untouched", "Tell them who you are.", "Tell them  who you are."],
  ])("never compares %s", (_name, story, given) => {
    expect(storyToCompare(story, given)).toBeNull();
  });

  it("compares words the person wrote", () => {
    expect(storyToCompare("  I passed Step 1 and Step 2 CK.  ")).toBe("I passed Step 1 and Step 2 CK.");
  });
});
