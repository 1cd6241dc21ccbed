// Who can become an AMG member: one pure function that returns a decision and every reason,
// in plain words for the applicant. Staff change the exam requirement through the policy.
//
// Rules (default policy), checked in this order, all reasons collected:
// | # | rule                                                                                   | outcome if not met        |
// |---|----------------------------------------------------------------------------------------|---------------------------|
// | 1 | US citizen or lawful permanent resident                                                | ineligible                |
// | 2 | graduated from medical school (graduation year not in the future)                      | ineligible                |
// | 3 | not currently in residency, and has not completed one (left part-way is fine)          | ineligible                |
// | 4 | MD or international degree: USMLE Step 1 and Step 2 CK passed                          | failed/not taken →        |
// |   | DO: COMLEX Level 1 and Level 2-CE passed, or the USMLE equivalent of each              |   ineligible;             |
// |   |     (Step 1 ≈ Level 1, Step 2 CK ≈ Level 2-CE)                                          |   result pending →        |
// |   |                                                                                        |   needs review            |
// | 5 | international degree: ECFMG certified                                                  | no → ineligible;          |
// |   |                                                                                        | pending → needs review    |
// Any "ineligible" reason wins; otherwise any "needs review" reason; otherwise eligible. Every
// eligible (and needs-review) application still goes to staff review. The year of graduation
// never excludes anyone: a 2005 graduate is as welcome as a 2022 one.

export type ExamResult = "passed" | "failed" | "not-taken" | "pending";
export type Degree = "MD" | "DO" | "IMG";
export type Citizenship = "us-citizen" | "permanent-resident" | "other";
export type TrainingStatus = "never-started" | "left-residency" | "in-residency" | "completed-residency";

export type EligibilityInput = {
  citizenship: Citizenship;
  degree: Degree;
  graduationYear: number;
  trainingStatus: TrainingStatus;
  usmle: { step1: ExamResult; step2ck: ExamResult; step3: ExamResult };
  comlex: { level1: ExamResult; level2ce: ExamResult; level3: ExamResult };
  ecfmgCertified: "yes" | "no" | "pending";
};

export type UsmleStep = keyof EligibilityInput["usmle"];
export type ComlexLevel = keyof EligibilityInput["comlex"];

/** The exam requirement staff can change in settings. */
export type EligibilityPolicy = { usmleSteps: UsmleStep[]; requireEcfmgForImg: boolean };
export const defaultPolicy: EligibilityPolicy = { usmleSteps: ["step1", "step2ck"], requireEcfmgForImg: true };

export type Decision = "eligible" | "needs-review" | "ineligible";
export type Reason = { code: string; outcome: Exclude<Decision, "eligible">; message: string };
export type EligibilityResult = { decision: Decision; reasons: Reason[] };

const stepName: Record<UsmleStep, string> = { step1: "USMLE Step 1", step2ck: "Step 2 CK", step3: "Step 3" };
const comlexFor: Record<UsmleStep, ComlexLevel> = { step1: "level1", step2ck: "level2ce", step3: "level3" };
const comlexName: Record<ComlexLevel, string> = { level1: "COMLEX Level 1", level2ce: "Level 2-CE", level3: "Level 3" };
const marked: Record<ExamResult, string> = { passed: "passed", failed: "failed", "not-taken": "not taken", pending: "waiting for the result" };

const rank: Record<ExamResult, number> = { passed: 3, pending: 2, failed: 1, "not-taken": 0 };
const better = (a: ExamResult, b: ExamResult) => (rank[a] >= rank[b] ? a : b);

export function decideEligibility(input: EligibilityInput, now: Date, policy: EligibilityPolicy = defaultPolicy): EligibilityResult {
  const reasons: Reason[] = [];
  const no = (code: string, message: string) => reasons.push({ code, outcome: "ineligible", message });
  const review = (code: string, message: string) => reasons.push({ code, outcome: "needs-review", message });

  if (input.citizenship === "other") no("citizenship", "AMG's members are US citizens or lawful permanent residents; you marked neither.");
  if (input.graduationYear > now.getUTCFullYear()) no("not-graduated", `Membership is for graduates; you gave ${input.graduationYear} as your graduation year.`);
  if (input.trainingStatus === "in-residency") no("in-residency", "AMG is for graduates without a residency position; you are in residency now.");
  if (input.trainingStatus === "completed-residency") no("completed-residency", "AMG is for graduates who could not finish training; you have completed a residency.");

  for (const step of policy.usmleSteps) {
    // A DO graduate may meet each step with the COMLEX level that matches it.
    const result = input.degree === "DO" ? better(input.usmle[step], input.comlex[comlexFor[step]]) : input.usmle[step];
    const name = input.degree === "DO" ? `${comlexName[comlexFor[step]]} (or ${stepName[step]})` : stepName[step];
    if (result === "pending") review(`exam-pending-${step}`, `We need ${name} passed; you are waiting for the result, so a volunteer will check it with you.`);
    else if (result !== "passed") no(`exam-${step}`, `We need ${name} passed; you marked it as ${marked[result]}.`);
  }

  if (input.degree === "IMG" && policy.requireEcfmgForImg) {
    if (input.ecfmgCertified === "no") no("ecfmg", "International graduates need ECFMG certification; you marked that you do not have it.");
    if (input.ecfmgCertified === "pending") review("ecfmg-pending", "International graduates need ECFMG certification; yours is pending, so a volunteer will check it with you.");
  }

  const decision: Decision = reasons.some((r) => r.outcome === "ineligible") ? "ineligible" : reasons.length ? "needs-review" : "eligible";
  return { decision, reasons };
}
