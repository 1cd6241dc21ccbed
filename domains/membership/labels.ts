// The membership context's words for people: every stored code (a status, an answer, an exam)
// as the account page, the e-mails, the console and the CSV meant for people show it. One place,
// so a screen never shows "us-citizen" or "awaiting-review". Pure data, safe in the browser.
import { stateNames } from "~/domains/advocacy/legislators/states";
import type { Citizenship, Decision, Degree, ExamResult, TrainingStatus } from "./eligibility";

export const examKeys = ["step1", "step2ck", "step3", "level1", "level2ce", "level3"] as const;
export type ExamKey = (typeof examKeys)[number];

export const examLabels: Record<ExamKey, string> = {
  step1: "USMLE Step 1",
  step2ck: "USMLE Step 2 CK",
  step3: "USMLE Step 3",
  level1: "COMLEX Level 1",
  level2ce: "COMLEX Level 2-CE",
  level3: "COMLEX Level 3",
};

const usmle: ExamKey[] = ["step1", "step2ck", "step3"];
const comlex: ExamKey[] = ["level1", "level2ce", "level3"];

/**
 * The exams the form asks about for a degree: USMLE for MD and international graduates; COMLEX or
 * USMLE for DO graduates (the rules accept either for each step). The others are "not taken".
 */
export function examsForDegree(degree: Degree): ExamKey[] {
  return degree === "DO" ? [...comlex, ...usmle] : usmle;
}

export const degreeLabels: Record<Degree, string> = {
  MD: "MD (a US medical school)",
  DO: "DO (a US osteopathic school)",
  IMG: "International medical degree",
};

/** The degree in a sentence or a table cell. */
export const degreeShortLabels: Record<Degree, string> = { MD: "MD", DO: "DO", IMG: "International degree" };

export const citizenshipLabels: Record<Citizenship, string> = {
  "us-citizen": "US citizen",
  "permanent-resident": "Lawful permanent resident",
  other: "Neither a US citizen nor a permanent resident",
};

export const trainingLabels: Record<TrainingStatus, string> = {
  "never-started": "Never started residency",
  "left-residency": "Left or did not complete residency",
  "in-residency": "In residency now",
  "completed-residency": "Completed residency",
};

export const examResultLabels: Record<ExamResult, string> = {
  passed: "Passed",
  failed: "Failed",
  "not-taken": "Not taken",
  pending: "Waiting for the result",
};

export const ecfmgLabels: Record<"yes" | "no" | "pending", string> = {
  yes: "Certified",
  pending: "Certification pending",
  no: "Not certified",
};

export const applicationStatuses = ["awaiting-review", "more-info-requested", "approved", "rejected", "ineligible"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** An application's status as staff read it in the console's list and filter. */
export const statusLabels: Record<ApplicationStatus, string> = {
  "awaiting-review": "Waiting for review",
  "more-info-requested": "More information asked",
  approved: "Approved (member)",
  rejected: "Rejected",
  ineligible: "Does not meet the rules",
};

/** The same status as the applicant reads it on their account page. */
export const ownStatusLabels: Record<ApplicationStatus, string> = {
  "awaiting-review": "Waiting for a volunteer's review",
  "more-info-requested": "A volunteer asked you for more information",
  approved: "Approved: you are a member",
  rejected: "Not accepted",
  ineligible: "Your answers do not meet AMG's membership rules",
};

export const decisionLabels: Record<Decision, string> = {
  eligible: "Meets the rules",
  "needs-review": "Needs a volunteer's check",
  ineligible: "Does not meet the rules",
};

export const cycleOutcomes = { matched: "Matched", "matched-soap": "Matched in SOAP", unmatched: "Did not match", withdrew: "Withdrew" } as const;

export const yesNoLabel = (value: boolean) => (value ? "Yes" : "No");

/** A label for a code read back from storage, falling back to the code itself only if the code is unknown. */
export function labelOf<K extends string>(labels: Record<K, string>, code: string): string {
  return (labels as Record<string, string>)[code] ?? code;
}

/** The application form's choices in words, as [code, label] pairs (the form's component imports no domain). */
export const applicationChoices = {
  citizenship: Object.entries(citizenshipLabels) as [string, string][],
  training: Object.entries(trainingLabels) as [string, string][],
  examResults: Object.entries(examResultLabels) as [string, string][],
  ecfmg: Object.entries(ecfmgLabels) as [string, string][],
  states: Object.entries(stateNames).sort(([, a], [, b]) => a.localeCompare(b)) as [string, string][],
};

export const degreeChoices = Object.entries(degreeLabels) as [Degree, string][];

export const isDegree = (value: unknown): value is Degree => value === "MD" || value === "DO" || value === "IMG";

/** The exams a degree's form asks about, with their labels. */
export const examFieldsOf = (degree: Degree): [string, string][] => examsForDegree(degree).map((k) => [k, examLabels[k]]);
