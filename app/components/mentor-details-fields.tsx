// The fields of a mentor's details: the volunteer form on /mentors, the mentor's own edit page and
// staff's edit page share them (one form, one set of names the schema parses). Presentational:
// the choices come from the route; `voice` says whether the mentor or staff is filling it in.
import type { ReactNode } from "react";
import { CheckGroup } from "./check-group";
import { FormField, SelectField } from "./form-field";

export type MentorChoices = { specialties: [string, string][]; practiceSettings: [string, string][]; topics: [string, string][]; availability: [string, string][] };

const yesNo: [string, string][] = [
  ["yes", "Yes"],
  ["no", "No"],
];
const capacities = Array.from({ length: 10 }, (_, i) => [String(i + 1), String(i + 1)] as [string, string]);

const words = {
  mentor: {
    name: "Your name",
    specialty: "Your specialty",
    states: "States where you hold a licence",
    setting: "Your practice setting",
    committee: "Have you served on a residency selection committee?",
    languages: "Languages you mentor in",
    topics: "Topics you can help with",
    availability: "When you are usually free",
  },
  staff: {
    name: "Name",
    specialty: "Specialty",
    states: "States where they hold a licence",
    setting: "Practice setting",
    committee: "Has served on a residency selection committee",
    languages: "Languages they mentor in",
    topics: "Topics they can help with",
    availability: "When they are usually free",
  },
} as const;

export function MentorDetailsFields({
  values,
  errors,
  choices,
  voice = "mentor",
  afterName,
  capacityHint,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  choices: MentorChoices;
  voice?: "mentor" | "staff";
  /** Fields placed right after the name (the volunteer form's e-mail). */
  afterName?: ReactNode;
  capacityHint?: string;
}) {
  const w = words[voice];
  return (
    <>
      <FormField name="name" label={w.name} autoComplete={voice === "mentor" ? "name" : "off"} error={errors.name} defaultValue={values.name} maxLength={120} />
      {afterName}
      <SelectField name="specialty" label={w.specialty} options={choices.specialties} value={values.specialty} error={errors.specialty} placeholder="Choose…" />
      <SelectField name="boardCertified" label="Board certified" options={yesNo} value={values.boardCertified ?? "yes"} error={errors.boardCertified} placeholder={null} />
      <FormField name="licenceStates" label={w.states} error={errors.licenceStates} defaultValue={values.licenceStates} hint="Two-letter codes separated by commas, like NY, NJ." maxLength={60} />
      <SelectField name="practiceSetting" label={w.setting} options={choices.practiceSettings} value={values.practiceSetting} error={errors.practiceSetting} placeholder="Choose…" />
      <FormField name="yearsInPractice" label="Years in practice" error={errors.yearsInPractice} defaultValue={values.yearsInPractice} maxLength={3} />
      <SelectField name="selectionCommittee" label={w.committee} options={yesNo} value={values.selectionCommittee ?? "no"} error={errors.selectionCommittee} placeholder={null} />
      <FormField name="languages" label={w.languages} error={errors.languages} defaultValue={values.languages ?? "English"} hint="Separated by commas, like English, Spanish." maxLength={200} />
      <CheckGroup name="topics" legend={w.topics} options={choices.topics} checked={values.topics} error={errors.topics} />
      <SelectField name="capacity" label="How many mentees at once" options={capacities} value={values.capacity ?? "2"} error={errors.capacity} placeholder={null} hint={capacityHint} />
      <CheckGroup name="availability" legend={w.availability} options={choices.availability} checked={values.availability} error={errors.availability} />
    </>
  );
}
