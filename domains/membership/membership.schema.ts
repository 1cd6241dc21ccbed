// The membership application form's schema (safe to import in the browser).
import { z } from "zod";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { cleanOneLine, emailAddressSchema, oneLineText } from "~/platform/text-fields";
import { messages } from "./messages";

const result = z.enum(["passed", "failed", "not-taken", "pending"], { error: messages.examResultRequired }).catch("not-taken");
const optionalDate = z.union([z.literal(""), z.iso.date({ error: messages.dateFormat })]).transform((d) => (d === "" ? null : d));
const examDate = optionalDate.default("");
const list = (max: number, message: string) =>
  z
    .string()
    .max(2000, message)
    .default("")
    .transform((s) => [
      ...new Set(
        s
          .split(/[,;\n]/)
          .map((x) => cleanOneLine(x).trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(60, messages.listEntryTooLong)).max(max, message));

// Building the schema costs far more than using it (zod compiles it on first use): one per year.
const schemasByYear = new Map<number, ReturnType<typeof buildApplicationInputSchema>>();

/** The application form's schema; the latest graduation year accepted is next year. */
export function applicationInputSchema(now: Date) {
  const year = now.getUTCFullYear();
  let schema = schemasByYear.get(year);
  if (!schema) {
    schema = buildApplicationInputSchema(year);
    schemasByYear.set(year, schema);
  }
  return schema;
}

function buildApplicationInputSchema(year: number) {
  return z.object({
    name: oneLineText(120, { missing: messages.nameRequired, tooLong: messages.nameTooLong }).min(2, messages.nameRequired),
    email: emailAddressSchema,
    zip: z
      .string({ error: messages.zipRequired })
      .trim()
      .max(10, messages.zipFormat)
      .regex(/^\d{5}(-\d{4})?$/, messages.zipFormat)
      .transform((v) => v.slice(0, 5)),
    citizenship: z.enum(["us-citizen", "permanent-resident", "other"], { error: messages.citizenshipRequired }),
    degree: z.enum(["MD", "DO", "IMG"], { error: messages.degreeRequired }),
    schoolName: oneLineText(200, { missing: messages.schoolRequired }).min(2, messages.schoolRequired),
    schoolCountry: oneLineText(80, { missing: messages.schoolCountryRequired }).min(2, messages.schoolCountryRequired),
    graduationYear: z.coerce
      .number({ error: messages.graduationYearRequired })
      .int(messages.graduationYearWhole)
      .min(1960, messages.graduationYearTooEarly)
      .max(year + 1, messages.yearUpTo(year + 1)),
    step1: result,
    step2ck: result,
    step3: result,
    level1: result,
    level2ce: result,
    level3: result,
    step1Date: examDate,
    step2ckDate: examDate,
    step3Date: examDate,
    level1Date: examDate,
    level2ceDate: examDate,
    level3Date: examDate,
    ecfmgCertified: z.enum(["yes", "no", "pending"]).catch("no"),
    trainingStatus: z.enum(["never-started", "left-residency", "in-residency", "completed-residency"], { error: messages.trainingStatusRequired }),
    specialties: list(5, messages.tooManySpecialties),
    workStates: list(10, messages.tooManyStates).refine((codes) => codes.every((c) => c.toUpperCase() in stateNames), messages.stateCodes),
    primaryCareUnderserved: z.enum(["yes", "no"], { error: messages.yesOrNo }).transform((v) => v === "yes"),
    consentStatistics: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    /** "Keep me updated" (the application form only): not an answer, never stored with the application. */
    keepUpdated: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  });
}

export type ApplicationInput = z.infer<ReturnType<typeof buildApplicationInputSchema>>;

const cycleSchemasByYear = new Map<number, ReturnType<typeof buildMatchCycleInputSchema>>();

export function matchCycleInputSchema(now: Date) {
  const year = now.getUTCFullYear();
  let schema = cycleSchemasByYear.get(year);
  if (!schema) {
    schema = buildMatchCycleInputSchema(now);
    cycleSchemasByYear.set(year, schema);
  }
  return schema;
}

function buildMatchCycleInputSchema(now: Date) {
  const count = (label: string) =>
    z.coerce
      .number({ error: messages.countRequired(label) })
      .int(messages.countWhole(label))
      .min(0, messages.countRequired(label))
      .max(2000, messages.countTooLarge(label));
  return z.object({
    year: z.coerce.number({ error: messages.matchYearRequired }).int(messages.matchYearWhole).min(1990, messages.matchYearTooEarly).max(now.getUTCFullYear(), messages.yearUpTo(now.getUTCFullYear())),
    specialties: z
      .string()
      .max(2000, messages.tooManySpecialties)
      .default("")
      .transform((s) => [
        ...new Set(
          s
            .split(",")
            .map((x) => cleanOneLine(x).trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.string().max(60, messages.specialtyTooLong)).max(5, messages.tooManySpecialties)),
    programmesApplied: count("programmes"),
    interviews: count("interviews"),
    rankListSubmitted: z.enum(["yes", "no"], { error: messages.rankListRequired }).transform((v) => v === "yes"),
    outcome: z.enum(["matched", "matched-soap", "unmatched", "withdrew"], { error: messages.outcomeRequired }),
    amountSpent: z
      .string()
      .max(40, messages.amountFormat)
      .default("")
      .transform((v) => v.replace(/[$,\s]/g, ""))
      .pipe(
        z
          .string()
          .regex(/^(\d{1,7})?$/, messages.amountFormat)
          .transform((v) => (v === "" ? null : Number(v))),
      ),
  });
}
export type MatchCycleInput = z.infer<ReturnType<typeof matchCycleInputSchema>>;
