// Exact statistics of the members who allowed anonymous statistics (approved, consent_statistics):
// by graduation year, exams passed, specialties, and their logged match cycles. Exact numbers for
// staff and for the evidence context, which suppresses small counts before anything is published
// (domains/evidence/suppression.ts). Nothing here names a person.
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "~/db/client.server";
import { applications, matchCycles, people } from "~/db/schema/index";

/** Where: everywhere, a state ("NY") or a congressional district ("NY-22"). */
export type StatisticsPlace = { kind: "country" } | { kind: "state"; state: string } | { kind: "district"; district: string };

/** The furthest licensing exam a member passed: 0 none, 1 Step 1 / Level 1, 2 Step 2 CK / Level 2-CE, 3 Step 3 / Level 3. */
export type ExamLevel = 0 | 1 | 2 | 3;

export type MemberStatistics = {
  total: number;
  byGraduationYear: { year: number; members: number }[];
  byExamLevel: { level: ExamLevel; members: number }[];
  bySpecialty: { specialty: string; members: number }[];
};

export type CycleStatistics = {
  year: number;
  /** Cycles members logged for that year (one per member and year). */
  applied: number;
  matched: number;
  /** Did not match, withdrew, or submitted no rank list. */
  notMatched: number;
  /** Cycles that logged what applying cost. */
  withCost: number;
  medianCost: number | null;
  p90Cost: number | null;
};

const counted = and(eq(applications.status, "approved"), eq(applications.consentStatistics, true));

function placeFilter(place: StatisticsPlace): SQL | undefined {
  if (place.kind === "state") return eq(applications.state, place.state);
  if (place.kind === "district") return sql`${applications.districts} ? ${place.district}`;
  return undefined;
}

const passed = (key: string) => sql`${applications.exams} -> ${key} ->> 'result' = 'passed'`;
const examLevel = sql<number>`case when ${passed("step3")} or ${passed("level3")} then 3 when ${passed("step2ck")} or ${passed("level2ce")} then 2 when ${passed("step1")} or ${passed("level1")} then 1 else 0 end`;

/** Members who allowed anonymous statistics, broken down (exact). */
export async function memberStatistics(db: Executor, place: StatisticsPlace = { kind: "country" }): Promise<MemberStatistics> {
  const where = and(counted, placeFilter(place));
  const [years, levels, specialties] = await Promise.all([
    db.select({ year: applications.graduationYear, n: sql<number>`count(*)::int` }).from(applications).where(where).groupBy(applications.graduationYear).orderBy(applications.graduationYear),
    db.select({ level: examLevel, n: sql<number>`count(*)::int` }).from(applications).where(where).groupBy(sql`1`).orderBy(sql`1`),
    db
      .select({ specialty: sql<string>`s.value`, n: sql<number>`count(*)::int` })
      .from(sql`${applications} cross join lateral jsonb_array_elements_text(${applications.specialties}) as s(value)`)
      .where(where)
      .groupBy(sql`s.value`)
      .orderBy(sql`2 desc`, sql`1`),
  ]);
  const byGraduationYear = years.map((r) => ({ year: r.year, members: Number(r.n) }));
  return {
    total: byGraduationYear.reduce((a, r) => a + r.members, 0),
    byGraduationYear,
    byExamLevel: ([0, 1, 2, 3] as const).map((level) => ({ level, members: Number(levels.find((r) => Number(r.level) === level)?.n ?? 0) })),
    bySpecialty: specialties.map((r) => ({ specialty: r.specialty, members: Number(r.n) })),
  };
}

/** The match cycles consenting members logged, by year: outcomes and what applying cost (exact). */
export async function cycleStatistics(db: Executor): Promise<CycleStatistics[]> {
  const matched = sql`${matchCycles.outcome} in ('matched', 'matched-soap')`;
  const rows = await db
    .select({
      year: matchCycles.year,
      applied: sql<number>`count(*)::int`,
      matched: sql<number>`(count(*) filter (where ${matched}))::int`,
      withCost: sql<number>`count(${matchCycles.amountSpent})::int`,
      medianCost: sql<number | null>`percentile_cont(0.5) within group (order by ${matchCycles.amountSpent})`,
      p90Cost: sql<number | null>`percentile_cont(0.9) within group (order by ${matchCycles.amountSpent})`,
    })
    .from(matchCycles)
    .innerJoin(people, eq(people.id, matchCycles.personId))
    .innerJoin(applications, eq(applications.email, people.email))
    .where(counted)
    .groupBy(matchCycles.year)
    .orderBy(matchCycles.year);
  return rows.map((r) => ({
    year: r.year,
    applied: Number(r.applied),
    matched: Number(r.matched),
    notMatched: Number(r.applied) - Number(r.matched),
    withCost: Number(r.withCost),
    medianCost: r.medianCost === null ? null : Math.round(Number(r.medianCost)),
    p90Cost: r.p90Cost === null ? null : Math.round(Number(r.p90Cost)),
  }));
}

/** Staff reports (exact): members approved per month, and applications received in the range by status. */
export async function membershipReport(db: Executor, from: Date, to: Date) {
  const month = sql<string>`to_char(date_trunc('month', ${applications.reviewedAt} at time zone 'UTC'), 'YYYY-MM')`;
  const received = and(sql`${applications.createdAt} >= ${from.toISOString()}`, sql`${applications.createdAt} < ${to.toISOString()}`);
  const [approved, byStatus] = await Promise.all([
    db
      .select({ month, n: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(eq(applications.status, "approved"), sql`${applications.reviewedAt} >= ${from.toISOString()}`, sql`${applications.reviewedAt} < ${to.toISOString()}`))
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db.select({ status: applications.status, n: sql<number>`count(*)::int` }).from(applications).where(received).groupBy(applications.status).orderBy(applications.status),
  ]);
  return { approvedByMonth: approved.map((r) => ({ month: r.month, count: Number(r.n) })), applicationsByStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.n) })) };
}
