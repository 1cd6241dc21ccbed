import { describe, expect, it } from "vitest";
import { defaultMatchWeights, encodeMentee, encodeMentors, fitOf, LanguageBits, type MenteeProfile, type MentorProfile, scoreOf, scorePair } from "./scoring";
import { syntheticMentees, syntheticMentors } from "./synthetic";

const now = new Date("2026-06-01T12:00:00Z");
const weeksAgo = (w: number) => new Date(now.getTime() - w * 7 * 24 * 3600 * 1000 - 1000);

const mentor: MentorProfile = {
  specialty: "Family Medicine",
  licenceStates: ["NY", "NJ"],
  practiceSetting: "rural",
  languages: ["English", "Spanish"],
  topics: ["application-strategy", "personal-statement", "interviews"],
  availability: ["weekday-evenings", "weekends"],
  selectionCommittee: true,
};
const mentee: MenteeProfile = {
  targetSpecialties: ["Family Medicine"],
  topics: ["application-strategy", "personal-statement", "interviews", "soap"],
  preferredStates: ["ny"],
  language: "spanish",
  availability: ["weekends"],
  practiceSettings: ["rural"],
  waitingSince: weeksAgo(14),
};

describe("scorePair", () => {
  const cases: { name: string; mentor?: Partial<MentorProfile>; mentee?: Partial<MenteeProfile>; score: number; reasons: string[] }[] = [
    {
      name: "a close fit earns every part and says why in words",
      score: 30 + 19 + 15 + 10 + 10 + 5 + 5 + 14,
      reasons: [
        "same specialty: family medicine",
        "3 of 4 topics (application strategy, personal statement and interviews)",
        "licensed in New York",
        "both speak Spanish",
        "both free weekends",
        "practises in a rural setting",
        "has served on a residency selection committee",
        "waiting 14 weeks",
      ],
    },
    {
      name: "a related specialty earns the smaller specialty points",
      mentee: { targetSpecialties: ["Pediatrics"], topics: ["soap"], preferredStates: [], language: "", availability: [], practiceSettings: [], waitingSince: now },
      mentor: { topics: ["soap"] },
      score: 12 + 25,
      reasons: ["related specialty: family medicine for pediatrics", "all 1 topic (the SOAP)"],
    },
    {
      name: "too little in common scores nothing, however long the wait",
      mentee: {
        targetSpecialties: ["Dermatology"],
        topics: ["research"],
        preferredStates: ["TX"],
        language: "Urdu",
        availability: ["weekday-mornings"],
        practiceSettings: ["academic"],
        waitingSince: weeksAgo(40),
      },
      score: 0,
      reasons: ["too little in common (0 points, at least 10 needed)"],
    },
    {
      name: "waiting points stop at the cap",
      mentee: { waitingSince: weeksAgo(60) },
      score: 30 + 19 + 15 + 10 + 10 + 5 + 5 + 26,
      reasons: [
        "same specialty: family medicine",
        "3 of 4 topics (application strategy, personal statement and interviews)",
        "licensed in New York",
        "both speak Spanish",
        "both free weekends",
        "practises in a rural setting",
        "has served on a residency selection committee",
        "waiting 60 weeks",
      ],
    },
    {
      name: "the committee bonus needs a mentee who wants help with applications or interviews",
      mentee: { topics: ["soap"], waitingSince: now },
      mentor: { topics: ["soap"] },
      score: 30 + 25 + 15 + 10 + 10 + 5,
      reasons: ["same specialty: family medicine", "all 1 topic (the SOAP)", "licensed in New York", "both speak Spanish", "both free weekends", "practises in a rural setting"],
    },
  ];
  it.each(cases)("$name", (c) => {
    const result = scorePair({ ...mentor, ...c.mentor }, { ...mentee, ...c.mentee }, defaultMatchWeights, now);
    expect(result.score).toBe(c.score);
    expect(result.reasons).toEqual(c.reasons);
  });

  it("follows the weights staff set", () => {
    const weights = { ...defaultMatchWeights, sameSpecialty: 0, topics: 0, state: 0, language: 0, availability: 0, practiceSetting: 0, selectionCommittee: 0, minimumFit: 1 };
    expect(scorePair(mentor, mentee, weights, now).score).toBe(0);
    expect(scorePair(mentor, mentee, { ...weights, language: 40 }, now).score).toBe(40 + 14);
  });
});

describe("the fast scorer", () => {
  it("gives exactly the scores of scorePair on 20,000 random pairs", () => {
    const mentors = syntheticMentors(100, 1);
    const mentees = syntheticMentees(200, 2, now);
    const bits = new LanguageBits();
    const encoded = encodeMentors(mentors, bits);
    let positive = 0;
    const differences: string[] = [];
    mentees.forEach((m, i) => {
      const e = encodeMentee(m, defaultMatchWeights, now, bits);
      for (let j = 0; j < mentors.length; j++) {
        const slow = scorePair(mentors[j], m, defaultMatchWeights, now).score;
        const fast = scoreOf(fitOf(encoded, j, e, defaultMatchWeights), e, defaultMatchWeights);
        if (fast !== slow) differences.push(`mentee ${i}, mentor ${j}: ${fast} instead of ${slow}`);
        if (slow > 0) positive++;
      }
    });
    expect(differences).toEqual([]);
    expect(positive).toBeGreaterThan(1000);
  });
});
