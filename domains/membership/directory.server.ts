// The staff directory of applicants and members: typo-tolerant search (pg_trgm word similarity
// over name, e-mail and school), filters, sorting, pages, and a streamed CSV of the current filter
// (in the columns the staff import reads, so an export imports again).
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applications } from "~/db/schema/index";
import { applicationCsvRow, memberCsvHeader } from "./member-csv";
import type { ApplicationStatus, ExamKey } from "./labels";
import { toCsv } from "~/platform/csv";
import { containsPattern } from "~/platform/search-pattern";

export type DirectoryFilter = {
  q?: string;
  status?: ApplicationStatus;
  state?: string;
  /** A congressional district such as "NY-22". */
  district?: string;
  degree?: "MD" | "DO" | "IMG";
  graduatedFrom?: number;
  graduatedTo?: number;
  /** An exam and its result; "not-passed" is anything but passed (failed, pending, not taken). */
  exam?: { key: ExamKey; result: "passed" | "not-passed" | "failed" | "pending" | "not-taken" };
  ecfmg?: "yes" | "no" | "pending";
  /** Part of a specialty of interest, any case ("family" finds "Family medicine"). */
  specialty?: string;
  verified?: boolean;
  sort?: "received" | "name" | "graduation";
};

const haystack = sql`(${applications.name} || ' ' || ${applications.email} || ' ' || ${applications.schoolName})`;

/**
 * The words of a search, each matched on its own, and all required: a row must contain something
 * like every word. The trigram index then rules out, word by word, rows that share many trigrams
 * with the whole query but not with each word ("Carla Mendes" against thousands of "… Carla …").
 */
export function searchWords(q: string): string[] {
  const words = [
    ...new Set(
      q
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w.length >= 2),
    ),
  ].slice(0, 5);
  return words.length ? words : [q];
}

const looksLikeEmail = (q: string) => /^[^\s@]+@[^\s@]+$/.test(q);

function conditions(f: DirectoryFilter): SQL[] {
  const list: SQL[] = [];
  if (f.q) for (const word of searchWords(f.q)) list.push(sql`${word} <% ${haystack}`);
  if (f.status) list.push(eq(applications.status, f.status));
  if (f.state) list.push(eq(applications.state, f.state));
  if (f.district) list.push(sql`${applications.districts} ? ${f.district}`);
  if (f.degree) list.push(eq(applications.degree, f.degree));
  if (f.graduatedFrom) list.push(gte(applications.graduationYear, f.graduatedFrom));
  if (f.graduatedTo) list.push(lte(applications.graduationYear, f.graduatedTo));
  if (f.exam) {
    const result = sql`coalesce(${applications.exams} -> ${f.exam.key} ->> 'result', 'not-taken')`;
    list.push(f.exam.result === "not-passed" ? sql`${result} <> 'passed'` : sql`${result} = ${f.exam.result}`);
  }
  if (f.ecfmg) list.push(eq(applications.ecfmgCertified, f.ecfmg));
  if (f.specialty) list.push(sql`exists (select 1 from jsonb_array_elements_text(${applications.specialties}) as s(name) where s.name ilike ${containsPattern(f.specialty)})`);
  if (f.verified !== undefined) list.push(f.verified ? isNotNull(applications.verifiedAt) : isNull(applications.verifiedAt));
  return list;
}

function ordering(f: DirectoryFilter) {
  // The distance operator alone, so the GiST trigram index returns the closest rows first (KNN)
  // instead of every candidate being ranked.
  if (f.q) return [sql`${f.q} <<-> ${haystack}`];
  if (f.sort === "name") return [asc(applications.name), asc(applications.id)];
  if (f.sort === "graduation") return [desc(applications.graduationYear), desc(applications.id)];
  return [desc(applications.id)];
}

/** A page of matches; `total` is null for a text search, where only the closest matches matter. */
export async function searchDirectory(db: Executor, f: DirectoryFilter, page: { offset: number; limit: number }) {
  // A whole e-mail address is looked up exactly first (every address shares trigrams with every other).
  if (f.q && looksLikeEmail(f.q) && page.offset === 0) {
    const exact = await listPage(db, { ...f, q: undefined }, and(...conditions({ ...f, q: undefined }), eq(applications.email, f.q.toLowerCase())), page);
    if (exact.length) return { rows: exact, total: null };
  }
  const where = and(...conditions(f));
  const [rows, totals] = await Promise.all([listPage(db, f, where, page), f.q ? Promise.resolve(null) : db.select({ n: count() }).from(applications).where(where)]);
  return { rows, total: totals ? totals[0].n : null };
}

function listPage(db: Executor, f: DirectoryFilter, where: SQL | undefined, page: { offset: number; limit: number }) {
  return db
    .select({
      id: applications.id,
      publicId: applications.publicId,
      name: applications.name,
      email: applications.email,
      state: applications.state,
      degree: applications.degree,
      schoolName: applications.schoolName,
      graduationYear: applications.graduationYear,
      decision: applications.decision,
      status: applications.status,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .where(where)
    .orderBy(...ordering(f))
    .limit(page.limit)
    .offset(page.offset);
}

/** CSV of everyone matching the filter, in batches of 2,000 (streamed by the route). */
export async function* exportDirectoryCsv(db: Executor, f: DirectoryFilter): AsyncGenerator<string> {
  yield toCsv([memberCsvHeader]);
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(applications)
      .where(and(...conditions(f), sql`${applications.id} > ${afterId}`))
      .orderBy(asc(applications.id))
      .limit(2000);
    if (!rows.length) return;
    yield toCsv(rows.map(applicationCsvRow));
    afterId = rows[rows.length - 1].id;
  }
}
