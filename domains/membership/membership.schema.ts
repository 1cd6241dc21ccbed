// The membership application form's schema (safe to import in the browser).
import { z } from "zod";
import { stateNames } from "../advocacy/legislators/states";
import { cleanOneLine, emailAddressSchema, oneLineText } from "../../platform/text-fields";

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

const result = z.enum(["passed", "failed", "not-taken", "pending"], { error: "Please choose passed, failed, not taken or waiting." }).catch("not-taken");
const optionalDate = z.union([z.literal(""), z.iso.date({ error: "Please give the date as YYYY-MM-DD." })]).transform((d) => (d === "" ? null : d));
const list = (max: number, message: string) =>
  z
    .string()
    .max(2000, message)
    .default("")
    .transform((s) => [...new Set(s.split(/[,;\n]/).map((x) => cleanOneLine(x).trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(60, "Please keep each entry under 60 characters.")).max(max, message));

// Building the schema costs far more than using it (zod compiles it on first use): one per year.
const schemasByYear = new Map<number, z.ZodType<ApplicationInput>>();

/** The application form's schema; the latest graduation year accepted is next year. */
export function applicationInputSchema(now: Date): z.ZodType<ApplicationInput> {
  const year = now.getUTCFullYear();
  let schema = schemasByYear.get(year);
  if (!schema) schemasByYear.set(year, (schema = buildApplicationInputSchema(year)));
  return schema;
}

function buildApplicationInputSchema(year: number) {
  return z.object({
    name: oneLineText(120, { missing: "Please enter your full name.", tooLong: "Please keep your name under 120 characters." }).min(2, "Please enter your full name."),
    email: emailAddressSchema,
    zip: z.string({ error: "Please enter your home ZIP code." }).trim().max(10, "A ZIP code has 5 digits, like 13202.").regex(/^\d{5}(-\d{4})?$/, "A ZIP code has 5 digits, like 13202.").transform((v) => v.slice(0, 5)),
    citizenship: z.enum(["us-citizen", "permanent-resident", "other"], { error: "Please choose your citizenship status." }),
    degree: z.enum(["MD", "DO", "IMG"], { error: "Please choose your medical degree." }),
    schoolName: oneLineText(200, { missing: "Please enter your medical school." }).min(2, "Please enter your medical school."),
    schoolCountry: oneLineText(80, { missing: "Please enter the school's country." }).min(2, "Please enter the school's country."),
    graduationYear: z.coerce
      .number({ error: "Please enter the year you graduated, like 2019." })
      .int("Please enter a year, like 2019.")
      .min(1960, "Please enter a year from 1960 on.")
      .max(year + 1, `Please enter a year up to ${year + 1}.`),
    ...Object.fromEntries(examKeys.map((k) => [k, result])),
    ...Object.fromEntries(examKeys.map((k) => [`${k}Date`, optionalDate.default("")])),
    ecfmgCertified: z.enum(["yes", "no", "pending"]).catch("no"),
    trainingStatus: z.enum(["never-started", "left-residency", "in-residency", "completed-residency"], { error: "Please choose your training status." }),
    specialties: list(5, "Please list at most 5 specialties."),
    workStates: list(10, "Please list at most 10 states.").refine((codes) => codes.every((c) => c.toUpperCase() in stateNames), "Please use two-letter state codes, like NY, NJ."),
    primaryCareUnderserved: z.enum(["yes", "no"], { error: "Please answer yes or no." }).transform((v) => v === "yes"),
    consentStatistics: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  }) as unknown as z.ZodType<ApplicationInput>;
}

export type ApplicationInput = {
  name: string;
  email: string;
  zip: string;
  citizenship: "us-citizen" | "permanent-resident" | "other";
  degree: "MD" | "DO" | "IMG";
  schoolName: string;
  schoolCountry: string;
  graduationYear: number;
  ecfmgCertified: "yes" | "no" | "pending";
  trainingStatus: "never-started" | "left-residency" | "in-residency" | "completed-residency";
  specialties: string[];
  workStates: string[];
  primaryCareUnderserved: boolean;
  consentStatistics: boolean;
} & Record<ExamKey, "passed" | "failed" | "not-taken" | "pending"> &
  Record<`${ExamKey}Date`, string | null>;

export const applicationStatuses = ["awaiting-review", "more-info-requested", "approved", "rejected", "ineligible"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const cycleOutcomes = { matched: "Matched", "matched-soap": "Matched in SOAP", unmatched: "Did not match", withdrew: "Withdrew" } as const;

const cycleSchemasByYear = new Map<number, ReturnType<typeof buildMatchCycleInputSchema>>();

export function matchCycleInputSchema(now: Date) {
  const year = now.getUTCFullYear();
  let schema = cycleSchemasByYear.get(year);
  if (!schema) cycleSchemasByYear.set(year, (schema = buildMatchCycleInputSchema(now)));
  return schema;
}

function buildMatchCycleInputSchema(now: Date) {
  const count = (label: string) => z.coerce.number({ error: `Please enter the number of ${label}, 0 or more.` }).int(`Please enter a whole number of ${label}.`).min(0, `Please enter the number of ${label}, 0 or more.`).max(2000, `That is more ${label} than we expect; please check.`);
  return z.object({
    year: z.coerce.number({ error: "Please enter the match year, like 2021." }).int("Please enter a year, like 2021.").min(1990, "Please enter a year from 1990 on.").max(now.getUTCFullYear(), `Please enter a year up to ${now.getUTCFullYear()}.`),
    specialties: z
      .string()
      .max(2000, "Please list at most 5 specialties.")
      .default("")
      .transform((s) => [...new Set(s.split(",").map((x) => cleanOneLine(x).trim()).filter(Boolean))])
      .pipe(z.array(z.string().max(60, "Please keep each specialty under 60 characters.")).max(5, "Please list at most 5 specialties.")),
    programmesApplied: count("programmes"),
    interviews: count("interviews"),
    rankListSubmitted: z.enum(["yes", "no"], { error: "Please say whether you submitted a rank list." }).transform((v) => v === "yes"),
    outcome: z.enum(["matched", "matched-soap", "unmatched", "withdrew"], { error: "Please choose how the year ended." }),
    amountSpent: z
      .string()
      .max(40, "Please enter an amount in whole dollars, like 8500.")
      .default("")
      .transform((v) => v.replace(/[$,\s]/g, ""))
      .pipe(z.string().regex(/^(\d{1,7})?$/, "Please enter an amount in whole dollars, like 8500.").transform((v) => (v === "" ? null : Number(v)))),
  });
}
export type MatchCycleInput = z.infer<ReturnType<typeof matchCycleInputSchema>>;
