import { describe, expect, it } from "vitest";
import { applicationFormValues, profileCompleteness } from "./profile";

const complete = {
  name: "Dr. Ana Reyes",
  email: "ana@example.org",
  zip: "13202",
  citizenship: "us-citizen",
  degree: "MD",
  schoolName: "SUNY Upstate",
  schoolCountry: "United States",
  graduationYear: 2019,
  exams: { step1: { result: "passed", date: "2016-06-01" }, step2ck: { result: "passed", date: "2017-08-15" } },
  ecfmgCertified: "no",
  trainingStatus: "never-started",
  specialties: ["Family medicine"],
  workStates: ["NY"],
  primaryCareUnderserved: true,
  consentStatistics: true,
};

describe("profile completeness", () => {
  it("is 100 % with specialties, states, exam dates, consent and a match cycle", () => {
    expect(profileCompleteness(complete, 1)).toEqual({ percent: 100, missing: [] });
  });

  it.each([
    ["no specialties", { specialties: [] }, 1, "your specialties of interest"],
    ["no states", { workStates: [] }, 1, "the states where you would work"],
    ["a passed exam without its date", { exams: { step1: { result: "passed", date: null } } }, 1, "the dates of the exams you passed"],
    ["no consent to statistics", { consentStatistics: false }, 1, "your consent to anonymous statistics (they make AMG's case to legislators)"],
    ["no match cycle", {}, 0, "at least one match cycle (the years you applied)"],
  ])("counts %s as missing, with a link to fix it", (_name, changes, cycles, item) => {
    const result = profileCompleteness({ ...complete, ...changes }, cycles);
    expect(result.percent).toBe(80);
    expect(result.missing.map((m) => m.item)).toEqual([item]);
    expect(result.missing[0].href).toMatch(/^\/account\//);
  });

  it("prefills the form with what is stored, exams not stored counting as not taken", () => {
    const values = applicationFormValues(complete);
    expect(values).toMatchObject({
      graduationYear: "2019",
      specialties: "Family medicine",
      workStates: "NY",
      primaryCareUnderserved: "yes",
      consentStatistics: "on",
      step1Date: "2016-06-01",
      step3: "not-taken",
      step3Date: "",
    });
  });
});
