// The members CSV: one column list shared by the directory's export and the staff import, and
// the pure check of one imported row. A row is validated by the application form's own schema
// (applicationInputSchema): the CSV's columns are mapped to the form's fields, so an imported
// member meets exactly the rules an applicant meets. No I/O here.
import { restoreCsvCell } from "~/platform/csv";
import { applicationInputSchema } from "./membership.schema";
import { citizenshipLabels, cycleOutcomes, decisionLabels, degreeShortLabels, ecfmgLabels, examKeys, examLabels, examResultLabels, labelOf, statusLabels, trainingLabels } from "./labels";
import type { ApplicationInput } from "./membership.schema";
import type { ExamKey } from "./labels";

export type CsvColumn = {
  column: string;
  /** The form field it fills; null for columns the export writes and the import ignores. */
  field: string | null;
  required: boolean;
  help: string;
  example: string;
};

const examColumns: CsvColumn[] = examKeys.map((k) => ({
  column: k,
  field: k,
  required: false,
  help: "passed, failed, not-taken or pending; empty means not taken",
  example: k === "step1" || k === "step2ck" ? "passed" : "not-taken",
}));
const examDateColumns: CsvColumn[] = examKeys.map((k) => ({ column: `${k}_date`, field: `${k}Date`, required: false, help: "YYYY-MM-DD; optional", example: k === "step1" ? "2016-06-01" : "" }));

/** In the export's order: the first twelve are the directory's historical export columns. */
export const memberCsvColumns: CsvColumn[] = [
  { column: "name", field: "name", required: true, help: "full name", example: "Dr. Ana Reyes" },
  { column: "email", field: "email", required: true, help: "e-mail address: the key; a row whose e-mail is already known updates that person", example: "ana@example.org" },
  { column: "zip", field: "zip", required: true, help: "home ZIP code, 5 digits (state and district are worked out from it)", example: "13202" },
  { column: "state", field: null, required: false, help: "ignored on import: worked out from the ZIP code", example: "NY" },
  { column: "degree", field: "degree", required: true, help: "MD, DO or IMG (international)", example: "MD" },
  { column: "school", field: "schoolName", required: true, help: "medical school", example: "SUNY Upstate Medical University" },
  { column: "country", field: "schoolCountry", required: true, help: "country of the school", example: "United States" },
  { column: "graduation_year", field: "graduationYear", required: true, help: "year of graduation, like 2019", example: "2019" },
  { column: "training_status", field: "trainingStatus", required: true, help: "never-started, left-residency, in-residency or completed-residency", example: "never-started" },
  { column: "rules_decision", field: null, required: false, help: 'written in words by the export ("Meets the rules"); ignored on import: the eligibility rules decide again', example: "" },
  {
    column: "status",
    field: null,
    required: false,
    help: 'written in words by the export ("Waiting for review"); ignored on import: new people wait for review; staff decisions already taken are kept',
    example: "",
  },
  { column: "applied_at", field: null, required: false, help: "ignored on import", example: "" },
  { column: "citizenship", field: "citizenship", required: true, help: "us-citizen, permanent-resident or other", example: "us-citizen" },
  ...examColumns,
  ...examDateColumns,
  { column: "ecfmg_certified", field: "ecfmgCertified", required: false, help: "yes, no or pending; empty means no", example: "no" },
  { column: "specialties", field: "specialties", required: false, help: "specialties of interest separated by semicolons (at most 5)", example: "Family medicine; Pediatrics" },
  { column: "work_states", field: "workStates", required: false, help: "two-letter state codes separated by semicolons", example: "NY; PA" },
  { column: "primary_care_underserved", field: "primaryCareUnderserved", required: true, help: "yes or no: would work in primary care in an underserved area", example: "yes" },
  { column: "consent_statistics", field: "consentStatistics", required: false, help: "yes or no: may appear in anonymous statistics; empty means no", example: "yes" },
  { column: "verified", field: null, required: false, help: "ignored on import: staff mark documents verified on the application", example: "" },
];

export const memberCsvHeader = memberCsvColumns.map((c) => c.column);

/** The template offered for download: the header and one example row. */
export const memberCsvTemplate = [memberCsvHeader, memberCsvColumns.map((c) => c.example)];

/** A stored application as one CSV row, in `memberCsvColumns` order. */
export function applicationCsvRow(a: {
  name: string;
  email: string;
  zip: string;
  state: string | null;
  degree: string;
  schoolName: string;
  schoolCountry: string;
  graduationYear: number;
  trainingStatus: string;
  decision: string;
  status: string;
  createdAt: Date;
  citizenship: string;
  exams: Record<string, { result: string; date: string | null }>;
  ecfmgCertified: string;
  specialties: string[];
  workStates: string[];
  primaryCareUnderserved: boolean;
  consentStatistics: boolean;
  verifiedAt: Date | null;
}): (string | number)[] {
  const yesNo = (b: boolean) => (b ? "yes" : "no");
  return [
    a.name,
    a.email,
    a.zip,
    a.state ?? "",
    a.degree,
    a.schoolName,
    a.schoolCountry,
    a.graduationYear,
    a.trainingStatus,
    // For people reading the export (the import ignores these two columns).
    labelOf(decisionLabels, a.decision),
    labelOf(statusLabels, a.status),
    a.createdAt.toISOString(),
    a.citizenship,
    ...examKeys.map((k) => a.exams[k]?.result ?? "not-taken"),
    ...examKeys.map((k) => a.exams[k]?.date ?? ""),
    a.ecfmgCertified,
    a.specialties.join("; "),
    a.workStates.join("; "),
    yesNo(a.primaryCareUnderserved),
    yesNo(a.consentStatistics),
    a.verifiedAt ? "yes" : "no",
  ];
}

export type RowProblem = { column: string; message: string };
export type HeaderCheck = { ok: true; unknown: string[] } | { ok: false; missing: string[]; unknown: string[] };

/** Column names as people type them: "Graduation year" → "graduation_year". */
export const normaliseColumnName = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

export function checkImportHeader(header: string[]): HeaderCheck {
  const known = new Set(memberCsvHeader);
  const present = new Set(header);
  const missing = memberCsvColumns.filter((c) => c.required && !present.has(c.column)).map((c) => c.column);
  const unknown = header.filter((h) => !known.has(h));
  return missing.length ? { ok: false, missing, unknown } : { ok: true, unknown };
}

const fieldToColumn = new Map(memberCsvColumns.filter((c) => c.field).map((c) => [c.field!, c.column]));
const examResults = ["passed", "failed", "not-taken", "pending"];
const word = (v: string | undefined) =>
  (v ?? "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

/**
 * Checks one CSV record (keys are normalised column names) with the application form's schema.
 * The form's select fields quietly fall back to a default on an unknown value (a form cannot send
 * one); a CSV can, so those columns are checked strictly here first.
 */
export function checkImportRow(typed: Record<string, string | undefined>, now: Date): { ok: true; input: ApplicationInput } | { ok: false; problems: RowProblem[] } {
  // Our export quoted cells that start like a spreadsheet formula ('=…); the import reads them as typed.
  const record = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v === undefined ? v : restoreCsvCell(v)]));
  const problems: RowProblem[] = [];
  const values: Record<string, string> = {};
  for (const c of memberCsvColumns) {
    if (!c.field) continue;
    const raw = (record[c.column] ?? "").trim();
    values[c.field] = raw;
  }
  for (const k of examKeys) {
    const v = word(record[k]) || "not-taken";
    if (!examResults.includes(v)) problems.push({ column: k, message: "Please use passed, failed, not-taken or pending (or leave it empty)." });
    values[k as ExamKey] = v;
  }
  const ecfmg = word(record.ecfmg_certified) || "no";
  if (!["yes", "no", "pending"].includes(ecfmg)) problems.push({ column: "ecfmg_certified", message: "Please use yes, no or pending (or leave it empty)." });
  values.ecfmgCertified = ecfmg;
  const consent = word(record.consent_statistics);
  if (!["", "yes", "no"].includes(consent)) problems.push({ column: "consent_statistics", message: "Please use yes or no (or leave it empty)." });
  values.consentStatistics = consent === "yes" ? "on" : "";
  values.primaryCareUnderserved = word(record.primary_care_underserved);
  for (const k of ["citizenship", "trainingStatus"] as const) values[k] = word(values[k]);
  values.degree = values.degree.toUpperCase();
  values.specialties = values.specialties.replace(/;/g, ",");
  values.workStates = values.workStates.replace(/;/g, ",");

  const parsed = applicationInputSchema(now).safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = fieldToColumn.get(String(issue.path[0])) ?? String(issue.path[0] ?? "");
      if (!problems.some((p) => p.column === column)) problems.push({ column, message: issue.message });
    }
  }
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, input: parsed.data };
}

/**
 * "Download my data" as one CSV a spreadsheet opens: one line per value (section, field, value),
 * so the account, the application with its exams, and every match cycle fit one file.
 */
export function personalDataCsvRows(data: { account: Record<string, unknown>; application: Record<string, unknown> | null; matchCycles: Record<string, unknown>[] }): string[][] {
  const rows: string[][] = [["section", "field", "value"]];
  const text = (v: unknown): string =>
    v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.map(text).join("; ") : typeof v === "object" ? JSON.stringify(v) : String(v);
  // Coded answers in words (the file is for the person, not for the import).
  const words: Record<string, Record<string, string>> = {
    citizenship: citizenshipLabels,
    degree: degreeShortLabels,
    trainingStatus: trainingLabels,
    ecfmgCertified: ecfmgLabels,
    status: statusLabels,
    decision: decisionLabels,
    outcome: cycleOutcomes,
  };
  const add = (section: string, record: Record<string, unknown>) => {
    for (const [field, value] of Object.entries(record)) {
      if (field === "exams" && value && typeof value === "object") {
        for (const [exam, r] of Object.entries(value as Record<string, { result: string; date: string | null }>)) {
          const name = labelOf(examLabels, exam);
          rows.push([section, name, labelOf(examResultLabels, r.result)], [section, `${name} date`, r.date ?? ""]);
        }
      } else if (typeof value === "string" && words[field]) {
        rows.push([section, field, labelOf(words[field], value)]);
      } else if (field === "reasons" && Array.isArray(value)) {
        for (const r of value as { message: string }[]) rows.push([section, "rules' reason", r.message]);
      } else rows.push([section, field, text(value)]);
    }
  };
  add("account", data.account);
  if (data.application) add("application", data.application);
  for (const cycle of data.matchCycles) add(`match cycle ${text(cycle.year)}`, cycle);
  return rows;
}
