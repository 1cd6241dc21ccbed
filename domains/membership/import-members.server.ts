// Staff import of applicants and members from a CSV file, in two steps run as jobs: the dry run
// (every row checked with the application form's schema, a row-by-row report, nothing written)
// and, once staff confirm, the import itself: valid rows inserted or updated by e-mail (never
// duplicated) in batches of 1,000, each with the eligibility rules' decision, progress kept on the
// import's row. Imported people get no e-mail. It does not decide anyone's membership: new
// people wait for review; approvals and rejections already taken are kept.
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { and, desc, eq, getTableColumns, gt, sql } from "drizzle-orm";
import type { Database, Executor } from "~/db/client.server";
import { memberImports } from "~/db/schema/index";
import type { ImportRowError } from "~/db/schema/index";
import { AppError } from "~/platform/errors";
import { hitRateLimit } from "~/platform/rate-limit.server";
import type { JobQueue } from "~/platform/queue.server";
import { recordAudit } from "~/platform/audit.server";
import type { Actor } from "~/platform/audit.server";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import type { ZipLookup } from "~/domains/advocacy/legislators/legislator-lookup";
import { newPublicId } from "~/platform/tokens";
import { checkImportHeader, checkImportRow, normaliseColumnName } from "./member-csv";
import type { ApplicationInput } from "./membership.schema";
import { applicationValuesOf, eligibilityOf } from "./submit-application.server";
import { checkImportJob, runImportJob } from "./job-specs";
import { messages } from "./messages";

export const maxImportBytes = 50 * 1024 * 1024;
export const maxImportRows = 250_000;
/** Rows per INSERT … ON CONFLICT statement (the batch is one JSON parameter). */
export const importBatchSize = 1000;
/** The report keeps the first problems only; the counts are always complete. */
export const reportedErrorCap = 500;
export const importsPerPerson = { name: "member-import:person", limit: 20, windowSeconds: 3600 };

export type ScanResult = { ok: true; totalRows: number; validRows: number; errorRows: number; errors: ImportRowError[]; unknownColumns: string[] } | { ok: false; failure: string };

function* slices(text: string, size = 64 * 1024) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function* resliced(parts: AsyncIterable<string>) {
  for await (const part of parts) yield* slices(part);
}

/**
 * The stored file, read a few MB at a time (substr), so a job never holds the whole file and its
 * wire copy at once.
 */
async function* storedCsv(db: Executor, importId: number, sliceChars = 4 * 1024 * 1024): AsyncGenerator<string> {
  for (let from = 1; ; from += sliceChars) {
    const [row] = await db
      .select({ part: sql<string | null>`substr(${memberImports.csv}, ${from}, ${sliceChars})` })
      .from(memberImports)
      .where(eq(memberImports.id, importId));
    if (!row?.part) return;
    yield row.part;
  }
}

/**
 * Reads the CSV as a stream of records, checks each row, and hands each valid row to `row`.
 * Row numbers are the spreadsheet's: the header is row 1.
 */
export async function scanMembersCsv(
  csv: string | AsyncIterable<string>,
  now: Date,
  on: { row?: (input: ApplicationInput) => Promise<void>; progress?: (processedRows: number) => Promise<void> } = {},
): Promise<ScanResult> {
  let header: string[] | null = null;
  // Fed in slices, so the parser's back-pressure holds: a 30 MB file never becomes 120,000 objects at once.
  const parser = Readable.from(typeof csv === "string" ? slices(csv) : resliced(csv)).pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (names: string[]) => (header = names.map(normaliseColumnName)),
    }),
  );
  const seen = new Map<string, number>();
  const errors: ImportRowError[] = [];
  let totalRows = 0;
  let errorRows = 0;
  let validRows = 0;
  let unknownColumns: string[] = [];
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (totalRows === 0) {
        const checked = checkImportHeader(header!);
        if (!checked.ok)
          return {
            ok: false,
            failure: `The file has no ${checked.missing.map((m) => `"${m}"`).join(", ")} column${checked.missing.length > 1 ? "s" : ""}. The first row must name the columns; download the template to see them.`,
          };
        unknownColumns = checked.unknown;
      }
      totalRows++;
      if (totalRows > maxImportRows) return { ok: false, failure: `The file has more than ${maxImportRows.toLocaleString("en-US")} rows; please split it.` };
      const row = totalRows + 1;
      const checked = checkImportRow(record, now);
      let problems = checked.ok ? [] : checked.problems;
      if (checked.ok) {
        const first = seen.get(checked.input.email);
        if (first !== undefined) problems = [{ column: "email", message: `The same e-mail is on row ${first}; each person may appear once per file.` }];
        else seen.set(checked.input.email, row);
      }
      if (problems.length) {
        errorRows++;
        for (const p of problems) if (errors.length < reportedErrorCap) errors.push({ row, ...p });
      } else if (checked.ok) {
        validRows++;
        if (on.row) await on.row(checked.input);
      }
      if (on.progress && totalRows % 5000 === 0) await on.progress(totalRows);
    }
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, failure: `The file could not be read as CSV near line ${(error as CsvError & { lines?: number }).lines ?? "?"}: ${error.message}` };
    throw error;
  }
  if (header === null || totalRows === 0) {
    if (header) {
      const checked = checkImportHeader(header);
      if (!checked.ok) return { ok: false, failure: `The file has no ${checked.missing.map((m) => `"${m}"`).join(", ")} column${checked.missing.length > 1 ? "s" : ""}.` };
    }
    return { ok: false, failure: "The file has no rows to import." };
  }
  if (on.progress) await on.progress(totalRows);
  return { ok: true, totalRows, validRows, errorRows, errors, unknownColumns };
}

// Columns an import may change on a known e-mail: the applicant's answers and the rules' verdict,
// never the review (status except as below, notes, reviewer, verification) or the public id.
const answerColumns = [
  "name",
  "zip",
  "state",
  "districts",
  "citizenship",
  "degree",
  "school_name",
  "school_country",
  "graduation_year",
  "exams",
  "ecfmg_certified",
  "training_status",
  "specialties",
  "work_states",
  "primary_care_underserved",
  "consent_statistics",
  "decision",
  "reasons",
];
const recordType = sql.raw(
  "public_id text, email text, name text, zip text, state text, districts jsonb, citizenship text, degree text, school_name text, school_country text, graduation_year int, exams jsonb, ecfmg_certified text, training_status text, specialties jsonb, work_states jsonb, primary_care_underserved boolean, consent_statistics boolean, decision text, reasons jsonb, status text",
);
const insertColumns = sql.raw(
  "public_id, email, name, zip, state, districts, citizenship, degree, school_name, school_country, graduation_year, exams, ecfmg_certified, training_status, specialties, work_states, primary_care_underserved, consent_statistics, decision, reasons, status",
);
const updates = sql.raw(answerColumns.map((c) => `${c} = excluded.${c}`).join(", "));

/** One application as a JSON record of `recordType`, ready for a batch. */
async function importRecordJson(db: Executor, input: ApplicationInput, now: Date, places: Map<string, ZipLookup>): Promise<string> {
  // Files repeat ZIP codes: one lookup per ZIP per import.
  let place = places.get(input.zip);
  if (!place) {
    place = await findLegislatorsByZip(db, input.zip);
    places.set(input.zip, place);
  }
  const v = applicationValuesOf(input, eligibilityOf(input, now), place);
  return JSON.stringify({
    public_id: newPublicId(),
    email: input.email,
    name: v.name,
    zip: v.zip,
    state: v.state,
    districts: v.districts,
    citizenship: v.citizenship,
    degree: v.degree,
    school_name: v.schoolName,
    school_country: v.schoolCountry,
    graduation_year: v.graduationYear,
    exams: v.exams,
    ecfmg_certified: v.ecfmgCertified,
    training_status: v.trainingStatus,
    specialties: v.specialties,
    work_states: v.workStates,
    primary_care_underserved: v.primaryCareUnderserved,
    consent_statistics: v.consentStatistics,
    decision: v.decision,
    reasons: v.reasons,
    status: v.status,
  });
}

/**
 * Inserts or updates (by e-mail) one batch of JSON records in one statement; says how many were
 * new. The batch travels as one JSON parameter (jsonb_to_recordset): 30,000 bound parameters cost
 * the driver and the garbage collector far more.
 */
async function upsertRecords(db: Executor, records: string[], now: Date): Promise<{ inserted: number; updated: number }> {
  const at = now.toISOString();
  // A decision staff already took (approved, rejected) stands; anything else follows the rules again.
  const result = (await db.execute(sql`
    insert into applications (${insertColumns}, created_at, updated_at)
    select ${insertColumns}, ${at}::timestamptz, ${at}::timestamptz from jsonb_to_recordset(${`[${records.join(",")}]`}::jsonb) as r(${recordType})
    on conflict (email) do update set ${updates},
      status = case when applications.status in ('approved', 'rejected') then applications.status else excluded.status end,
      updated_at = excluded.updated_at
    returning (xmax = 0) as inserted`)) as unknown as { rows: { inserted: boolean }[] };
  const inserted = result.rows.filter((r) => r.inserted).length;
  return { inserted, updated: result.rows.length - inserted };
}

/** Inserts or updates (by e-mail) validated applications in one statement, each with the rules' decision. */
export async function upsertApplications(db: Executor, inputs: ApplicationInput[], now: Date): Promise<{ inserted: number; updated: number }> {
  const records = [];
  const places = new Map<string, ZipLookup>();
  for (const input of inputs) records.push(await importRecordJson(db, input, now, places));
  return upsertRecords(db, records, now);
}

/** Stores an uploaded file as a new import, waiting for its dry run. */
export async function createMemberImport(db: Executor, file: { fileName: string; csv: string; createdBy: string; now: Date }): Promise<string> {
  const publicId = newPublicId();
  await db
    .insert(memberImports)
    .values({ publicId, fileName: file.fileName.slice(0, 200) || "members.csv", csv: file.csv, status: "checking", createdBy: file.createdBy, createdAt: file.now, updatedAt: file.now });
  return publicId;
}

/** Staff upload a file: stored, audited, and its dry run queued. */
export async function startMemberImport({
  db,
  jobs,
  actor,
  fileName,
  csv,
  now,
}: {
  db: Database;
  jobs: JobQueue;
  actor: Actor;
  fileName: string;
  csv: string;
  now: Date;
}): Promise<{ ok: true; publicId: string } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number }> {
  const limit = await hitRateLimit(db, importsPerPerson, String(actor.personId), now);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const publicId = await db.transaction(async (tx) => {
    const id = await createMemberImport(tx, { fileName, csv, createdBy: actor.email, now });
    await jobs.send(checkImportJob, { importId: id }, { tx, singletonKey: id });
    await recordAudit(tx, actor, { action: "application.import-upload", subjectType: "member-import", subjectId: id, details: { fileName, bytes: Buffer.byteLength(csv) } });
    return id;
  });
  return { ok: true, publicId };
}

/** An import's row without its file (read in slices by `storedCsv`); `hasFile` says whether it is still kept. */
async function loadImport(db: Executor, publicId: string) {
  const { csv: _csv, ...columns } = getTableColumns(memberImports);
  const [row] = await db
    .select({ ...columns, hasFile: sql<boolean>`${memberImports.csv} is not null` })
    .from(memberImports)
    .where(eq(memberImports.publicId, publicId))
    .limit(1);
  return row ?? null;
}

/** The dry run (a job): checks every row and stores the report; writes no application. */
export async function checkMemberImport(db: Executor, publicId: string, now: Date): Promise<void> {
  const imp = await loadImport(db, publicId);
  if (imp?.status !== "checking" || !imp.hasFile) return; // already checked (a retried job)
  const progress = (processedRows: number) =>
    db
      .update(memberImports)
      .set({ processedRows, updatedAt: new Date() })
      .where(eq(memberImports.id, imp.id))
      .then(() => {});
  const result = await scanMembersCsv(storedCsv(db, imp.id), now, { progress });
  if (!result.ok) {
    await db.update(memberImports).set({ status: "failed", failure: result.failure, csv: null, updatedAt: new Date(), finishedAt: new Date() }).where(eq(memberImports.id, imp.id));
    return;
  }
  await db
    .update(memberImports)
    .set({
      status: "checked",
      totalRows: result.totalRows,
      processedRows: result.totalRows,
      validRows: result.validRows,
      errorRows: result.errorRows,
      errors: result.errors,
      failure: result.unknownColumns.length ? `Columns ignored (not known): ${result.unknownColumns.join(", ")}` : null,
      updatedAt: new Date(),
    })
    .where(eq(memberImports.id, imp.id));
}

/** Staff confirm a checked import: its valid rows are imported by a job. Audited. */
export async function confirmMemberImport({ db, jobs, actor, publicId, now }: { db: Database; jobs: JobQueue; actor: Actor; publicId: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(memberImports)
      .set({ status: "importing", processedRows: 0, updatedAt: now })
      .where(and(eq(memberImports.publicId, publicId), eq(memberImports.status, "checked"), gt(memberImports.validRows, 0)))
      .returning({ validRows: memberImports.validRows, fileName: memberImports.fileName });
    if (!rows.length) throw new AppError("CONFLICT", messages.importCannotRun);
    await jobs.send(runImportJob, { importId: publicId }, { tx, singletonKey: publicId });
    await recordAudit(tx, actor, { action: "application.import", subjectType: "member-import", subjectId: publicId, details: { fileName: rows[0].fileName, validRows: rows[0].validRows } });
  });
}

/** Staff drop a checked import instead of running it; the file is deleted. */
export async function cancelMemberImport(db: Executor, actor: Actor | null, publicId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(memberImports)
    .set({ status: "cancelled", csv: null, updatedAt: now, finishedAt: now })
    .where(and(eq(memberImports.publicId, publicId), eq(memberImports.status, "checked")))
    .returning({ id: memberImports.id });
  if (rows.length) await recordAudit(db, actor, { action: "application.import-cancel", subjectType: "member-import", subjectId: publicId });
  return rows.length > 0;
}

/** Marks a checked import as running without the queue (the command line runs it itself). */
export async function beginMemberImport(db: Executor, publicId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(memberImports)
    .set({ status: "importing", processedRows: 0, updatedAt: now })
    .where(and(eq(memberImports.publicId, publicId), eq(memberImports.status, "checked")))
    .returning({ id: memberImports.id });
  return rows.length > 0;
}

/** The import (a job): upserts the valid rows batch by batch, keeping the progress on the import's row. */
export async function runMemberImport(db: Executor, publicId: string, now: Date): Promise<void> {
  const imp = await loadImport(db, publicId);
  if (imp?.status !== "importing" || !imp.hasFile) return;
  let inserted = 0;
  let updated = 0;
  let processedRows = 0;
  const save = () => db.update(memberImports).set({ processedRows, inserted, updated, updatedAt: new Date() }).where(eq(memberImports.id, imp.id));
  // Rows wait for their batch as compact JSON, not as objects: less memory survives to the old generation.
  let records: string[] = [];
  const places = new Map<string, ZipLookup>();
  const flush = async () => {
    const counts = await upsertRecords(db, records, now);
    inserted += counts.inserted;
    updated += counts.updated;
    records = [];
  };
  const result = await scanMembersCsv(storedCsv(db, imp.id), now, {
    row: async (input) => {
      records.push(await importRecordJson(db, input, now, places));
      if (records.length >= importBatchSize) await flush();
    },
    progress: async (n) => {
      processedRows = n;
      await save();
    },
  });
  if (result.ok && records.length) await flush();
  const finishedAt = new Date();
  if (!result.ok) {
    await db.update(memberImports).set({ status: "failed", failure: result.failure, csv: null, updatedAt: finishedAt, finishedAt }).where(eq(memberImports.id, imp.id));
    return;
  }
  await db.update(memberImports).set({ status: "done", processedRows: result.totalRows, inserted, updated, csv: null, updatedAt: finishedAt, finishedAt }).where(eq(memberImports.id, imp.id));
  await recordAudit(db, null, { action: "application.import-done", subjectType: "member-import", subjectId: publicId, details: { by: imp.createdBy, inserted, updated, skipped: result.errorRows } });
}

/** Marks an import failed for good (its job's last attempt threw). */
export async function failMemberImport(db: Executor, publicId: string, message: string): Promise<void> {
  const now = new Date();
  await db.update(memberImports).set({ status: "failed", failure: message, csv: null, updatedAt: now, finishedAt: now }).where(eq(memberImports.publicId, publicId));
}

export type MemberImport = Omit<typeof memberImports.$inferSelect, "csv" | "id">;

export async function findMemberImport(db: Executor, publicId: string): Promise<MemberImport | null> {
  const imp = await loadImport(db, publicId);
  if (!imp) return null;
  const { id: _id, hasFile: _file, ...rest } = imp;
  return rest;
}

export async function listMemberImports(db: Executor, limit = 10) {
  return db
    .select({
      publicId: memberImports.publicId,
      fileName: memberImports.fileName,
      status: memberImports.status,
      totalRows: memberImports.totalRows,
      inserted: memberImports.inserted,
      updated: memberImports.updated,
      createdBy: memberImports.createdBy,
      createdAt: memberImports.createdAt,
    })
    .from(memberImports)
    .orderBy(desc(memberImports.id))
    .limit(limit);
}
