// One row per rule of the table in eligibility.ts, and the edge cases the issue names.
import { describe, expect, it } from "vitest";
import { decideEligibility } from "./eligibility";
import type { EligibilityInput, EligibilityPolicy } from "./eligibility";

const now = new Date("2026-11-24T12:00:00Z");
const eligibleMd: EligibilityInput = {
  citizenship: "us-citizen",
  degree: "MD",
  graduationYear: 2019,
  trainingStatus: "never-started",
  usmle: { step1: "passed", step2ck: "passed", step3: "not-taken" },
  comlex: { level1: "not-taken", level2ce: "not-taken", level3: "not-taken" },
  ecfmgCertified: "no",
};
const with_ = (changes: Partial<EligibilityInput>): EligibilityInput => ({ ...eligibleMd, ...changes });

const rows: { name: string; input: EligibilityInput; decision: string; codes: string[]; policy?: EligibilityPolicy }[] = [
  { name: "accepts a US-citizen MD who passed Step 1 and Step 2 CK", input: eligibleMd, decision: "eligible", codes: [] },
  { name: "accepts a lawful permanent resident", input: with_({ citizenship: "permanent-resident" }), decision: "eligible", codes: [] },
  { name: "rejects an applicant who is not a citizen or permanent resident", input: with_({ citizenship: "other" }), decision: "ineligible", codes: ["citizenship"] },
  { name: "rejects a graduation year in the future", input: with_({ graduationYear: 2027 }), decision: "ineligible", codes: ["not-graduated"] },
  { name: "accepts a graduate of 2005", input: with_({ graduationYear: 2005 }), decision: "eligible", codes: [] },
  { name: "rejects someone in residency now", input: with_({ trainingStatus: "in-residency" }), decision: "ineligible", codes: ["in-residency"] },
  { name: "rejects someone who completed residency", input: with_({ trainingStatus: "completed-residency" }), decision: "ineligible", codes: ["completed-residency"] },
  { name: "accepts someone who left residency part-way", input: with_({ trainingStatus: "left-residency" }), decision: "eligible", codes: [] },
  { name: "rejects an MD without Step 2 CK", input: with_({ usmle: { step1: "passed", step2ck: "not-taken", step3: "not-taken" } }), decision: "ineligible", codes: ["exam-step2ck"] },
  { name: "rejects an MD who failed Step 1", input: with_({ usmle: { step1: "failed", step2ck: "passed", step3: "not-taken" } }), decision: "ineligible", codes: ["exam-step1"] },
  {
    name: "sends an MD waiting for Step 2 CK to review",
    input: with_({ usmle: { step1: "passed", step2ck: "pending", step3: "not-taken" } }),
    decision: "needs-review",
    codes: ["exam-pending-step2ck"],
  },
  {
    name: "accepts a DO with COMLEX Level 1 and Level 2-CE",
    input: with_({ degree: "DO", usmle: { step1: "not-taken", step2ck: "not-taken", step3: "not-taken" }, comlex: { level1: "passed", level2ce: "passed", level3: "not-taken" } }),
    decision: "eligible",
    codes: [],
  },
  { name: "accepts a DO who took the USMLE instead of COMLEX", input: with_({ degree: "DO" }), decision: "eligible", codes: [] },
  {
    name: "accepts a DO with COMLEX Level 1 and USMLE Step 2 CK",
    input: with_({ degree: "DO", usmle: { step1: "not-taken", step2ck: "passed", step3: "not-taken" }, comlex: { level1: "passed", level2ce: "not-taken", level3: "not-taken" } }),
    decision: "eligible",
    codes: [],
  },
  {
    name: "rejects a DO with neither Level 2-CE nor Step 2 CK",
    input: with_({ degree: "DO", usmle: { step1: "passed", step2ck: "not-taken", step3: "not-taken" }, comlex: { level1: "passed", level2ce: "failed", level3: "not-taken" } }),
    decision: "ineligible",
    codes: ["exam-step2ck"],
  },
  { name: "accepts an ECFMG-certified international graduate", input: with_({ degree: "IMG", ecfmgCertified: "yes" }), decision: "eligible", codes: [] },
  { name: "rejects an international graduate without ECFMG certification", input: with_({ degree: "IMG", ecfmgCertified: "no" }), decision: "ineligible", codes: ["ecfmg"] },
  {
    name: "sends an international graduate with ECFMG certification pending to review",
    input: with_({ degree: "IMG", ecfmgCertified: "pending" }),
    decision: "needs-review",
    codes: ["ecfmg-pending"],
  },
  {
    name: "lists every reason at once, and ineligible wins over pending",
    input: with_({ citizenship: "other", trainingStatus: "in-residency", usmle: { step1: "pending", step2ck: "not-taken", step3: "not-taken" } }),
    decision: "ineligible",
    codes: ["citizenship", "in-residency", "exam-pending-step1", "exam-step2ck"],
  },
  {
    name: "follows a policy that staff changed to require Step 3",
    input: eligibleMd,
    policy: { usmleSteps: ["step1", "step2ck", "step3"], requireEcfmgForImg: true },
    decision: "ineligible",
    codes: ["exam-step3"],
  },
];

describe("decideEligibility", () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = decideEligibility(row.input, now, row.policy);
      expect(result.decision).toBe(row.decision);
      expect(result.reasons.map((r) => r.code)).toEqual(row.codes);
    });
  }

  it("explains a missing exam in plain words", () => {
    const result = decideEligibility(with_({ usmle: { step1: "passed", step2ck: "not-taken", step3: "not-taken" } }), now);
    expect(result.reasons[0].message).toBe("We need Step 2 CK passed; you marked it as not taken.");
  });
});
