// Input schemas of the mentorship context (safe to import in the browser): the volunteer form,
// a member's request, the meeting log, feedback, answers to an introduction, staff's settings.
import { z } from "zod";
import { emailAddressSchema, multiLineText, oneLineText } from "~/platform/text-fields";
import { messages } from "./messages";
import { availabilityKeys, practiceSettings, specialties, stateCodes, topicKeys } from "./vocabulary";

/** A comma-separated field (or a checkbox group joined by commas) as a list of trimmed values. */
const commaList = (max: number, message: string) =>
  z
    .string()
    .default("")
    .transform((s) =>
      Array.from(
        new Set(
          s
            .split(",")
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ),
    )
    .pipe(z.array(z.string().max(60, message)).max(max, message));
const oneOf = <T extends string>(keys: readonly T[], message: string, min = 0, max = keys.length) =>
  commaList(keys.length, message).pipe(
    z
      .array(z.enum(keys as unknown as [T, ...T[]], { error: message }))
      .min(min, message)
      .max(max, message),
  );
const stateList = commaList(10, messages.tooManyStates).pipe(z.array(z.string().transform((s) => s.toUpperCase())).refine((codes) => codes.every((c) => stateCodes.includes(c)), messages.states));
const yes = z
  .string()
  .default("")
  .transform((v) => v === "yes" || v === "on");
const wholeNumber = (min: number, max: number, message: string) => z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

export const mentorApplicationSchema = z.object({
  name: oneLineText(120, { missing: messages.nameRequired }).min(2, messages.nameRequired),
  email: emailAddressSchema,
  specialty: z.enum(specialties, { error: messages.specialty }),
  boardCertified: yes,
  licenceStates: stateList.refine((s) => s.length > 0, messages.states),
  practiceSetting: z.enum(practiceSettings, { error: messages.setting }),
  yearsInPractice: wholeNumber(0, 70, messages.years),
  selectionCommittee: yes,
  languages: commaList(6, messages.languages),
  topics: oneOf(topicKeys, messages.topics, 1),
  capacity: wholeNumber(1, 10, messages.capacity),
  availability: oneOf(availabilityKeys, messages.availability, 1),
});
export type MentorApplicationInput = z.infer<typeof mentorApplicationSchema>;
/** The checkbox groups of the volunteer form. */
export const mentorFormRepeated = ["topics", "availability"] as const;

/** A mentor's details as they (or staff) change them later: the volunteer form without the address (that is the account's). */
export const mentorDetailsSchema = mentorApplicationSchema.omit({ email: true });
export type MentorDetailsInput = z.infer<typeof mentorDetailsSchema>;

/** Stored details as the form's values (the inverse of the schema), for an edit form. */
export function mentorDetailsValues(d: MentorDetailsInput): Record<string, string> {
  return {
    name: d.name,
    specialty: d.specialty,
    boardCertified: d.boardCertified ? "yes" : "no",
    licenceStates: d.licenceStates.join(", "),
    practiceSetting: d.practiceSetting,
    yearsInPractice: String(d.yearsInPractice),
    selectionCommittee: d.selectionCommittee ? "yes" : "no",
    languages: d.languages.join(", "),
    topics: d.topics.join(","),
    capacity: String(d.capacity),
    availability: d.availability.join(","),
  };
}

export const menteeRequestSchema = z.object({
  name: oneLineText(120, { missing: messages.nameRequired }).min(2, messages.nameRequired),
  goals: multiLineText(2000, { missing: messages.goals }).min(10, messages.goals),
  topics: oneOf(topicKeys, messages.topics, 1),
  targetSpecialties: oneOf(specialties, messages.targets, 0, 3),
  preferredStates: stateList,
  language: oneLineText(40, { tooLong: messages.language }).default("English"),
  availability: oneOf(availabilityKeys, messages.availability, 1),
  practiceSettings: oneOf(practiceSettings, messages.setting),
  avoid: commaList(10, messages.avoid),
});
export type MenteeRequestInput = z.infer<typeof menteeRequestSchema>;
export const menteeFormRepeated = ["topics", "targetSpecialties", "availability", "practiceSettings", "avoid"] as const;

export const meetingSchema = z.object({
  heldOn: z.iso.date({ error: messages.heldOn }),
  minutes: wholeNumber(5, 600, messages.minutes),
  topics: oneOf(topicKeys, messages.topics),
  notes: multiLineText(5000).default(""),
  shared: yes,
});
export type MeetingInput = z.infer<typeof meetingSchema>;

export const pairPageSchema = z.object({
  goals: multiLineText(2000).default(""),
  rhythm: oneLineText(200).default(""),
  nextSteps: multiLineText(2000).default(""),
});

export const feedbackSchema = z.object({
  stage: z.enum(["three-months", "end"]),
  rating: wholeNumber(1, 5, messages.rating),
  comment: multiLineText(2000).default(""),
});

export const reasonSchema = z.object({ reason: multiLineText(1000, { missing: messages.reason }).min(3, messages.reason) });
