// The words mentors and mentees choose from: topics, practice settings, availability, specialties.
// Stored values are these keys; every screen and e-mail shows the label beside them, never the key.
import { stateNames } from "~/domains/advocacy/legislators/states";

export const topicKeys = ["application-strategy", "personal-statement", "interviews", "research", "usmle-step-3", "soap", "collaborative-practice", "alternative-careers"] as const;
export type Topic = (typeof topicKeys)[number];
export const topicLabels: Record<Topic, string> = {
  "application-strategy": "application strategy",
  "personal-statement": "personal statement",
  interviews: "interviews",
  research: "research",
  "usmle-step-3": "USMLE Step 3",
  soap: "the SOAP",
  "collaborative-practice": "collaborative-practice licences",
  "alternative-careers": "alternative careers",
};

export const practiceSettings = ["academic", "community", "rural", "underserved"] as const;
export type PracticeSetting = (typeof practiceSettings)[number];
export const practiceSettingLabels: Record<PracticeSetting, string> = {
  academic: "academic",
  community: "community",
  rural: "rural",
  underserved: "underserved",
};

export const availabilityKeys = ["weekday-mornings", "weekday-daytime", "weekday-evenings", "weekends"] as const;
export type Availability = (typeof availabilityKeys)[number];
export const availabilityLabels: Record<Availability, string> = {
  "weekday-mornings": "weekday mornings",
  "weekday-daytime": "weekday afternoons",
  "weekday-evenings": "weekday evenings",
  weekends: "weekends",
};

/** Core specialties (the NRMP's categorical programmes, grouped); stored as written here. */
export const specialties = [
  "Anesthesiology",
  "Child Neurology",
  "Dermatology",
  "Emergency Medicine",
  "Family Medicine",
  "Internal Medicine",
  "Internal Medicine-Pediatrics",
  "Interventional Radiology",
  "Neurological Surgery",
  "Neurology",
  "Obstetrics and Gynecology",
  "Orthopaedic Surgery",
  "Otolaryngology",
  "Pathology",
  "Pediatrics",
  "Physical Medicine and Rehabilitation",
  "Plastic Surgery",
  "Psychiatry",
  "Radiation Oncology",
  "Diagnostic Radiology",
  "General Surgery",
  "Thoracic Surgery",
  "Urology",
  "Vascular Surgery",
  "Preventive Medicine",
] as const;
export type Specialty = (typeof specialties)[number];

/** Specialties close enough that a mentor in one can help with another (half the specialty points). */
export const specialtyFamilies: readonly (readonly Specialty[])[] = [
  ["Family Medicine", "Internal Medicine", "Internal Medicine-Pediatrics", "Pediatrics", "Preventive Medicine"],
  ["General Surgery", "Thoracic Surgery", "Vascular Surgery", "Plastic Surgery", "Orthopaedic Surgery", "Neurological Surgery", "Urology", "Otolaryngology"],
  ["Neurology", "Child Neurology", "Psychiatry", "Physical Medicine and Rehabilitation"],
  ["Diagnostic Radiology", "Interventional Radiology", "Radiation Oncology", "Pathology"],
];

export const stateCodes = Object.keys(stateNames);
export const stateName = (code: string) => stateNames[code.toUpperCase()] ?? code.toUpperCase();

/** Languages are free words ("Spanish"); compared case-insensitively. */
export const normaliseLanguage = (language: string) => language.trim().toLowerCase();
export const languageLabel = (language: string) => {
  const l = language.trim();
  return l ? l[0].toUpperCase() + l.slice(1).toLowerCase() : l;
};

const capitalised = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The choices of the mentor's form (volunteering, and changing their details later), labels first-letter capitalised. */
export const mentorFormChoices = {
  specialties: specialties.map((s) => [s, s] as [string, string]),
  practiceSettings: practiceSettings.map((s) => [s, capitalised(practiceSettingLabels[s])] as [string, string]),
  topics: topicKeys.map((t) => [t, capitalised(topicLabels[t])] as [string, string]),
  availability: availabilityKeys.map((a) => [a, capitalised(availabilityLabels[a])] as [string, string]),
};
