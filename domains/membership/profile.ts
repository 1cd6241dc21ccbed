// A member's profile as the forms show it, and how complete it is (pure, no I/O).
import { citizenshipLabels, degreeShortLabels, ecfmgLabels, examKeys, examLabels, examResultLabels, trainingLabels, yesNoLabel } from "./labels";
import type { ExamKey } from "./labels";
import type { ApplicationInput } from "./membership.schema";
import { stateNames } from "~/domains/advocacy/legislators/states";

type StoredApplication = {
  name: string;
  email: string;
  zip: string;
  citizenship: string;
  degree: string;
  schoolName: string;
  schoolCountry: string;
  graduationYear: number;
  exams: Record<string, { result: string; date: string | null }>;
  ecfmgCertified: string;
  trainingStatus: string;
  specialties: string[];
  workStates: string[];
  primaryCareUnderserved: boolean;
  consentStatistics: boolean;
};

/** A stored application as the application form's values (to prefill it). */
export function applicationFormValues(app: StoredApplication): Record<string, string> {
  const values: Record<string, string> = {
    name: app.name,
    email: app.email,
    zip: app.zip,
    citizenship: app.citizenship,
    degree: app.degree,
    schoolName: app.schoolName,
    schoolCountry: app.schoolCountry,
    graduationYear: String(app.graduationYear),
    ecfmgCertified: app.ecfmgCertified,
    trainingStatus: app.trainingStatus,
    specialties: app.specialties.join(", "),
    workStates: app.workStates.join(", "),
    primaryCareUnderserved: app.primaryCareUnderserved ? "yes" : "no",
    consentStatistics: app.consentStatistics ? "on" : "",
  };
  for (const k of examKeys) {
    values[k] = app.exams[k]?.result ?? "not-taken";
    values[`${k}Date`] = app.exams[k]?.date ?? "";
  }
  return values;
}

/** Every answer of an application in words, as the person reviewing a held change reads them. */
/**
 * The answers in words, a line each. `typedText: false` leaves out what the person typed freely
 * (name, school, specialties): mail to an address not proven yet repeats nothing typed (decision 0012);
 * the account shows them once the person signs in.
 */
export function applicationSummary(input: ApplicationInput, { typedText = true }: { typedText?: boolean } = {}): string[] {
  if (!typedText) {
    const later = "as you typed it, shown in your account once you sign in";
    const lines = applicationSummary(input);
    return [
      `Name: ${later}; ZIP code ${input.zip}`,
      `Degree: ${degreeShortLabels[input.degree]}, ${input.graduationYear}; school ${later}`,
      ...lines.slice(1, 2),
      ...lines.slice(3).map((line) => (line.startsWith("Specialties of interest:") ? `Specialties of interest: ${later}` : line)),
    ];
  }
  const exams = examKeys.filter((k) => input[k] !== "not-taken").map((k) => `${examLabels[k]}: ${examResultLabels[input[k]].toLowerCase()}${input[`${k}Date`] ? ` (${input[`${k}Date`]})` : ""}`);
  const states = input.workStates.map((c) => stateNames[c.toUpperCase()] ?? c.toUpperCase());
  return [
    `Name: ${input.name}, ZIP code ${input.zip}`,
    `Citizenship: ${citizenshipLabels[input.citizenship]}`,
    `Degree: ${degreeShortLabels[input.degree]}, ${input.schoolName} (${input.schoolCountry}), ${input.graduationYear}`,
    `Exams: ${exams.length ? exams.join("; ") : "none marked"}`,
    ...(input.degree === "IMG" ? [`ECFMG: ${ecfmgLabels[input.ecfmgCertified].toLowerCase()}`] : []),
    `Training: ${trainingLabels[input.trainingStatus].toLowerCase()}`,
    `Specialties of interest: ${input.specialties.length ? input.specialties.join(", ") : "none given"}`,
    `States where you would work: ${states.length ? states.join(", ") : "none given"}`,
    `Primary care in an underserved area: ${yesNoLabel(input.primaryCareUnderserved).toLowerCase()}`,
    `Anonymous statistics: ${input.consentStatistics ? "you agree" : "you do not agree"}`,
  ];
}

export type Completeness = { percent: number; missing: { item: string; href: string }[] };

/**
 * What a complete profile has, each item worth the same: the things AMG's advocacy and
 * statistics use (where members would work, in which specialty, when they passed each exam,
 * and what their match years cost them).
 */
export function profileCompleteness(app: StoredApplication, cycles: number): Completeness {
  const passedWithoutDate = examKeys.filter((k: ExamKey) => app.exams[k]?.result === "passed" && !app.exams[k]?.date);
  const checks: [boolean, string, string][] = [
    [app.specialties.length > 0, "your specialties of interest", "/account/profile#field-specialties"],
    [app.workStates.length > 0, "the states where you would work", "/account/profile#field-workStates"],
    [passedWithoutDate.length === 0, "the dates of the exams you passed", "/account/profile#exams"],
    [app.consentStatistics, "your consent to anonymous statistics (they make AMG's case to legislators)", "/account/profile#field-consentStatistics"],
    [cycles > 0, "at least one match cycle (the years you applied)", "/account/cycles"],
  ];
  const done = checks.filter(([ok]) => ok).length;
  return { percent: Math.round((done / checks.length) * 100), missing: checks.filter(([ok]) => !ok).map(([, item, href]) => ({ item, href })) };
}
